// The local history's disk use over a simulated stretch of polls: N nodes pushing every 60 s,
// the console polling every 60 s and handing each snapshot to HistoryWriter (one transaction per
// poll, roll-ups when a 5-minute slot closes, pruning as retention says), with a simulated clock.
// Prints the database size (after a WAL checkpoint), rows kept, the per-poll ingest time in the
// first and the last hour (it must not grow with the file), the longest maintenance step (roll-up
// and the hourly compaction, between polls) and what the day's roll-up blobs will take once its
// raw blocks age out of raw retention (they are written then, not now).
//
//   bench_history_day [NODES=1000] [HOURS=24] [DIR]
#include "storage/historyblockcodec.h"
#include "storage/historystore.h"
#include "storage/historywriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace prego;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int nodes = args.size() > 1 ? args.at(1).toInt() : 1000;
    const int hours = args.size() > 2 ? args.at(2).toInt() : 24;
    QTemporaryDir tmp;
    const QString dir = args.size() > 3 ? args.at(3) : tmp.path();
    const QString path = QDir(dir).filePath(u"history-bench.sqlite"_s);
    QFile::remove(path);

    constexpr qint64 Minute = 60 * 1000;
    const qint64 start = 1'764'000'000'000LL / (5 * Minute) * (5 * Minute);
    qint64 now = start;
    HistoryWriter writer(path, {}, [&now] { return now; });
    QList<qint64> elapsedUs;
    QObject::connect(&writer, &HistoryWriter::ingested, &writer,
                     [&](const HistoryIngestResult &, qint64 us) { elapsedUs.append(us); });

    NodesSnapshot snapshot;
    snapshot.nodes.resize(nodes);
    for (int i = 0; i < nodes; ++i) {
        Node &n = snapshot.nodes[i];
        n.nodeId = u"fsn1-shared-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        n.hostname = n.nodeId + u".nodes.prego.example"_s;
        n.region = u"fsn1"_s;
        n.placement = u"shared"_s;
        n.status = u"active"_s;
        n.acceptsTenants = true;
        n.metrics = NodeMetrics{};
    }
    const int polls = hours * 60;
    QList<qint64> maintainUs; // the whole call minus the ingest: roll-up, compaction, pruning
    for (int p = 1; p <= polls; ++p) {
        now = start + p * Minute;
        snapshot.serverTimeMs = now;
        for (int i = 0; i < nodes; ++i) {
            NodeMetrics &m = *snapshot.nodes[i].metrics;
            // Each node pushed within the last minute, at its own second.
            m.updatedAtMs = now - (i % 60) * 1000;
            m.cpuPct = double((i * 37 + p * 11) % 1000) / 10.0;
            m.memoryPct = double((i * 13 + p) % 1000) / 10.0;
            m.diskPct = double((i * 7 + p / 60) % 1000) / 10.0;
            m.tenantCount = (i + p / 120) % 40;
        }
        QElapsedTimer call;
        call.start();
        const qsizetype before = elapsedUs.size();
        writer.ingest(snapshot);
        const qint64 total = call.nsecsElapsed() / 1000;
        maintainUs.append(total - (elapsedUs.size() > before ? elapsedUs.last() : 0));
    }
    writer.maintain(now);
    writer.close();

    HistoryStore store(HistoryStore::connectionNameForThisThread(u"bench"_s));
    if (!store.open(path).ok) {
        std::fprintf(stderr, "could not reopen %s\n", qUtf8Printable(path));
        return 1;
    }
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    const qint64 bytes = QFileInfo(path).size();
    const auto stats = [](QList<qint64> us) {
        std::sort(us.begin(), us.end());
        return std::pair<double, double>(us.isEmpty() ? 0 : us.at(us.size() / 2) / 1000.0,
                                         us.isEmpty() ? 0 : us.last() / 1000.0);
    };
    const auto [firstMedian, firstMax] = stats(elapsedUs.mid(0, 60));
    const auto [lastMedian, lastMax] =
        stats(elapsedUs.mid(std::max<qsizetype>(0, elapsedUs.size() - 60)));
    const auto [medianMs, maxMs] = stats(elapsedUs);
    const double maintainMaxMs = stats(maintainUs).second;
    // The day's roll-ups as the blobs prune() will write when the blocks leave raw retention.
    qint64 rollupBytes = 0, rollupRows = 0;
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        q.setForwardOnly(true);
        q.exec(u"SELECT id, data FROM blocks"_s);
        while (q.next()) {
            const qint64 hourStart = (q.value(0).toLongLong() >> 24) * HistoryBlockCodec::HourMs;
            const auto samples = HistoryBlockCodec::decodeBlock(q.value(1).toByteArray());
            const auto rollups =
                HistoryBlockCodec::rollUp(samples.value_or(QList<HistorySample>{}));
            // + ~12 bytes of SQLite cell and record header per row
            rollupBytes += HistoryBlockCodec::encodeRollups(hourStart, rollups).size() + 12;
            ++rollupRows;
        }
    }
    const qint64 samples = store.sampleCount();
    const double perDay = 24.0 / hours;
    std::printf("%d nodes pushing every 60 s, %d h of polls (%d): database %.1f MB "
                "(%lld raw samples, %.1f bytes per raw sample counting everything; %.1f MB a "
                "day); ingest per poll median %.2f ms, max %.2f ms; first hour median %.2f ms "
                "max %.2f ms, last hour median %.2f ms max %.2f ms; longest maintenance step "
                "(roll-up, hourly compaction) %.1f ms; roll-up blobs once the raw ages out: "
                "%.1f MB a day (%lld node-hours, %.1f bytes per 5-minute slot)\n",
                nodes, hours, polls, double(bytes) / 1e6, static_cast<long long>(samples),
                samples > 0 ? double(bytes) / double(samples) : 0.0, double(bytes) / 1e6 * perDay,
                medianMs, maxMs, firstMedian, firstMax, lastMedian, lastMax, maintainMaxMs,
                double(rollupBytes) / 1e6 * perDay, static_cast<long long>(rollupRows),
                rollupRows ? double(rollupBytes) / double(rollupRows * 12) : 0.0);
    return 0;
}
