// Writes the binary seeds of the storage fuzzers (corpus/fuzz_snapshot, fuzz_history_block,
// fuzz_history_rollups) with the real encoders, so the seeds are what the console stores.
// Usage: fuzz_seedgen CORPUS_DIR. Run by hand when a format changes; the output is committed.
#include "storage/historyblockcodec.h"
#include "storage/snapshotcodec.h"

#include <QDir>
#include <QFile>

#include <cstdio>

using namespace prego;

namespace {
constexpr qint64 Sec = 1000;
constexpr qint64 T0 = 1'764'000'000'000 / (5 * 60 * Sec) * (5 * 60 * Sec);

bool write(const QString &dir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(dir);
    QFile f(dir + u'/' + name);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
        return false;
    }
    return true;
}

Node node(const QString &id, qint64 updatedAt, double cpu)
{
    Node n;
    n.nodeId = id;
    n.hostname = id + u".nodes.example.net";
    n.ipv4 = QStringLiteral("203.0.113.17");
    n.region = QStringLiteral("fsn1");
    n.placement = QStringLiteral("shared");
    n.role = QStringLiteral("shared");
    n.stack = QStringLiteral("fsn1");
    n.acceptsTenants = true;
    n.status = QStringLiteral("active");
    n.createdAtMs = T0 - 86400 * Sec;
    n.metrics = NodeMetrics{cpu, 61.0, 48.2, 12, updatedAt};
    return n;
}

// `count` samples of one node every `stepMs` (+ jitter), values with `decimals` decimals.
QList<HistorySample> samples(int count, qint64 stepMs, int jitterMs, int decimals)
{
    QList<HistorySample> out;
    qint64 t = T0;
    double scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    for (int i = 0; i < count; ++i) {
        HistorySample s;
        s.updatedAtMs = t;
        s.cpuPct = double((i * 377) % 1000) / 10.0;
        s.memoryPct = std::round((40 + i * 0.137) * scale) / scale;
        s.diskPct = i % 7 == 3 ? std::nullopt : std::optional<double>(48.25);
        s.tenantCount = i % 11 == 5 ? std::nullopt : std::optional<qint64>(12 + i / 10);
        out.append(s);
        t += stepMs + (jitterMs ? (i * 7919) % jitterMs : 0);
    }
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    bool ok = true;

    // Snapshots: empty fleet, one node never reported, a small mixed fleet.
    const QString snap = root + u"/fuzz_snapshot";
    NodesSnapshot s;
    s.serverTimeMs = T0;
    ok &= write(snap, u"empty"_qs, SnapshotCodec::encode(s));
    Node never = node(u"hel1-shared-01"_qs, 0, 0);
    never.metrics.reset();
    never.stack.reset();
    never.createdAtMs.reset();
    s.nodes = {never};
    ok &= write(snap, u"never-reported"_qs, SnapshotCodec::encode(s));
    Node dedicated = node(u"ded-globex-db"_qs, T0 - 30 * Sec, 3.5);
    dedicated.placement = u"dedicated"_qs;
    dedicated.role = u"db"_qs;
    dedicated.tenantId = u"globex"_qs;
    dedicated.stack = u"dedicated-globex"_qs;
    dedicated.acceptsTenants = false;
    dedicated.metrics->cpuPct.reset();
    dedicated.metrics->tenantCount.reset();
    s.nodes = {node(u"fsn1-shared-01"_qs, T0 - 20 * Sec, 37.5), dedicated,
               node(u"nbg1-shared-01"_qs, T0 - 420 * Sec, 99.9), never};
    ok &= write(snap, u"fleet"_qs, SnapshotCodec::encode(s));

    // History blocks: regular pushes, jittered ones, many decimals (raw doubles), one sample.
    const QString block = root + u"/fuzz_history_block";
    ok &= write(block, u"regular-30s"_qs,
                HistoryBlockCodec::encodeBlock(samples(120, 30 * Sec, 0, 1)));
    ok &= write(block, u"jittered"_qs,
                HistoryBlockCodec::encodeBlock(samples(80, 45 * Sec, 15000, 2)));
    ok &= write(block, u"raw-doubles"_qs,
                HistoryBlockCodec::encodeBlock(samples(20, 60 * Sec, 900, 12)));
    ok &= write(block, u"one"_qs, HistoryBlockCodec::encodeBlock(samples(1, 0, 0, 1)));

    // Roll-ups: the 8-byte hour prefix the fuzzer reads, then the blob.
    const QString rollups = root + u"/fuzz_history_rollups";
    const qint64 hourStart = T0 / HistoryBlockCodec::HourMs * HistoryBlockCodec::HourMs;
    QByteArray prefix;
    const quint64 hour = quint64(hourStart / HistoryBlockCodec::HourMs);
    for (int shift = 56; shift >= 0; shift -= 8)
        prefix.append(char((hour >> shift) & 0xff));
    QList<HistorySample> hourOfSamples;
    for (const HistorySample &x : samples(100, 30 * Sec, 5000, 1)) {
        if (x.updatedAtMs >= hourStart && x.updatedAtMs < hourStart + HistoryBlockCodec::HourMs)
            hourOfSamples.append(x);
    }
    ok &= write(rollups, u"full-hour"_qs,
                prefix + HistoryBlockCodec::encodeRollups(
                             hourStart, HistoryBlockCodec::rollUp(hourOfSamples)));
    ok &= write(rollups, u"one-slot"_qs,
                prefix + HistoryBlockCodec::encodeRollups(
                             hourStart, HistoryBlockCodec::rollUp(hourOfSamples.first(3))));
    return ok ? 0 : 1;
}
