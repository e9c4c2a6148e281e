#include "historywriter.h"

#include "domain/freshnessheatmap.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace prego {

HistoryWriter::HistoryWriter(const QString &path, Options options, WallClock clock, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_options(options)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<prego::NodesSnapshot>();
    qRegisterMetaType<prego::HistoryOpenResult>();
    qRegisterMetaType<prego::HistoryIngestResult>();
}

HistoryWriter::~HistoryWriter() = default;

QString HistoryWriter::connectionName() const
{
    return m_store ? m_store->connectionName() : QString();
}

void HistoryWriter::open()
{
    if (m_store || m_openFailed)
        return;
    // The connection is named after this thread and created here, so it can only ever be used
    // from the worker thread.
    auto store = std::make_unique<HistoryStore>(
        HistoryStore::connectionNameForThisThread(u"writer"_s), m_options.store);
    const HistoryOpenResult result = store->open(m_path);
    if (result.ok) {
        m_store = std::move(store);
        m_lastRollupSlotMs = m_store->rolledUpUntilMs();
    } else {
        m_openFailed = true; // reported once; the console keeps running without history
    }
    Q_EMIT opened(result);
}

void HistoryWriter::ingest(const NodesSnapshot &snapshot)
{
    open();
    if (!m_store)
        return;
    QElapsedTimer timer;
    timer.start();

    QList<HistorySample> fresh;
    fresh.reserve(snapshot.nodes.size());
    for (const Node &n : snapshot.nodes) {
        if (!n.metrics)
            continue;
        const qint64 updated = n.metrics->updatedAtMs;
        auto it = m_lastUpdated.find(n.nodeId);
        if (it != m_lastUpdated.end() && *it == updated)
            continue; // unchanged since the last poll: not a new push
        if (it == m_lastUpdated.end())
            m_lastUpdated.insert(n.nodeId, updated);
        else
            *it = updated;
        fresh.append({n.nodeId, updated, n.metrics->cpuPct, n.metrics->memoryPct,
                      n.metrics->diskPct, n.metrics->tenantCount});
    }

    const qint64 wallNow = m_clock();
    const bool snapshotDue = wallNow - m_lastSnapshotAtMs >= m_options.snapshotEveryMs;
    const HistoryIngestResult result =
        m_store->ingest(fresh, snapshotDue ? &snapshot : nullptr, wallNow);
    if (!result.error.isEmpty()) {
        m_lastUpdated.clear(); // nothing of this poll was kept: offer it all again next time
        Q_EMIT failed(result.error);
    } else if (result.snapshotStored) {
        m_lastSnapshotAtMs = wallNow;
    }
    Q_EMIT ingested(result, timer.nsecsElapsed() / 1000);

    // Retention follows the server's clock, like updated_at itself.
    const qint64 serverNow = snapshot.serverTimeMs;
    if (FreshnessHeatmap::slotStart(serverNow) > m_lastRollupSlotMs)
        maintain(serverNow);
}

void HistoryWriter::ingestSamples(const QList<HistorySample> &samples, qint64 nowMs)
{
    open();
    if (!m_store)
        return;
    QElapsedTimer timer;
    timer.start();
    const HistoryIngestResult result = m_store->ingest(samples);
    if (!result.error.isEmpty())
        Q_EMIT failed(result.error);
    Q_EMIT ingested(result, timer.nsecsElapsed() / 1000);
    maintain(nowMs);
}

void HistoryWriter::maintain(qint64 nowMs)
{
    open();
    if (!m_store)
        return;
    const int slots = m_store->rollUp(nowMs);
    m_lastRollupSlotMs = FreshnessHeatmap::slotStart(nowMs);
    qint64 pruned = 0;
    if (nowMs - m_lastPruneMs >= m_options.pruneEveryMs) {
        pruned = m_store->prune(nowMs);
        m_lastPruneMs = nowMs;
    }
    if (slots < 0 || pruned < 0)
        Q_EMIT failed(
            tr("The history could not be rolled up or pruned: %1").arg(m_store->lastError()));
    Q_EMIT maintained(slots, pruned);
}

void HistoryWriter::close()
{
    m_store.reset();
    m_openFailed = false;
    m_lastUpdated.clear();
}

} // namespace prego
