#pragma once

#include "historydatabase.h"
#include "historystore.h"

namespace prego {

// Owns the reads of one node's history: its samples, roll-ups, chart series and last push, each
// over one state of the file.
class HistoryNodeQueries
{
public:
    explicit HistoryNodeQueries(const HistoryDatabase &db);
    HistoryNodeQueries(const HistoryNodeQueries &) = delete;
    HistoryNodeQueries &operator=(const HistoryNodeQueries &) = delete;

    // See HistoryStore for each.
    QList<HistorySample> samples(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    QList<HistoryRollup> rollups(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    HistorySeries series(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    std::optional<qint64> lastUpdatedAt(const QString &nodeId) const;

private:
    using HourRow = HistoryDatabase::HourRow;

    QList<HourRow> hourRows(qint64 node, qint64 fromHour, qint64 toHour, bool descending,
                            int limit) const;
    QList<HistorySample> recentSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                       qint64 toMs) const;
    QList<HistorySample> rawSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                    qint64 toMs) const;
    QList<HistoryRollup> rollupsOf(qint64 node, const QString &nodeId, qint64 fromMs,
                                   qint64 toMs) const;
    std::optional<qint64> lastPushBefore(qint64 node, const QString &nodeId, qint64 beforeMs) const;

    const HistoryDatabase &m_db;
};

} // namespace prego
