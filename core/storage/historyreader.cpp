#include "historyreader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace prego {

HistoryReader::HistoryReader(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    qRegisterMetaType<prego::HistorySeries>();
    qRegisterMetaType<prego::Heatmap>();
    qRegisterMetaType<std::optional<prego::StoredSnapshot>>();
}

HistoryReader::~HistoryReader() = default;

bool HistoryReader::ensureOpen(int requestId)
{
    if (m_store)
        return true;
    if (!QFileInfo::exists(m_path)) {
        // No history yet is not an error: the answers are simply empty.
        return false;
    }
    // Read-only: no integrity check (the writer checked the file at start), no recovery (only
    // the writer may move it aside), no creation or migration (the writer's too).
    auto store = std::make_unique<HistoryStore>(
        HistoryStore::connectionNameForThisThread(u"reader"_s), HistoryStoreOptions::reader());
    const HistoryOpenResult result = store->open(m_path);
    if (result.notReady)
        return false; // the writer is still preparing it: empty answers, and a try next time
    if (!result.ok) {
        Q_EMIT failed(requestId, result.error);
        return false;
    }
    m_store = std::move(store);
    return true;
}

void HistoryReader::requestLastSnapshot(int requestId)
{
    Q_EMIT lastSnapshotRead(requestId,
                            ensureOpen(requestId) ? m_store->lastSnapshot() : std::nullopt);
}

void HistoryReader::requestSeries(int requestId, const QString &nodeId, qint64 fromMs, qint64 toMs)
{
    Q_EMIT seriesRead(requestId, nodeId,
                      ensureOpen(requestId) ? m_store->series(nodeId, fromMs, toMs)
                                            : HistorySeries{});
}

void HistoryReader::requestHeatmap(int requestId, qint64 nowMs, qint64 staleAfterMs)
{
    // One extra slot before the window: its last push decides whether the first column is late.
    const qint64 from = FreshnessHeatmap::firstSlotStart(nowMs) - FreshnessHeatmap::SlotMs;
    const auto slots = ensureOpen(requestId) ? m_store->pushSlots(from, nowMs + 1)
                                             : QHash<QString, QList<PushSlot>>{};
    Q_EMIT heatmapRead(requestId, FreshnessHeatmap::build(slots, nowMs, staleAfterMs));
}

void HistoryReader::close()
{
    m_store.reset();
}

} // namespace prego
