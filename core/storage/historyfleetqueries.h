#pragma once

#include "historystore.h"

namespace prego {

class HistoryDatabase;

// Owns the reads across every node: the heatmap's push slots, the node list, the stored
// snapshot and the sample and roll-up counts.
class HistoryFleetQueries
{
public:
    explicit HistoryFleetQueries(const HistoryDatabase &db);
    HistoryFleetQueries(const HistoryFleetQueries &) = delete;
    HistoryFleetQueries &operator=(const HistoryFleetQueries &) = delete;

    // See HistoryStore for each.
    QHash<QString, QList<PushSlot>> pushSlots(qint64 fromMs, qint64 toMs) const;
    std::optional<StoredSnapshot> lastSnapshot() const;
    QStringList nodeIds() const;
    qint64 sampleCount() const;
    qint64 rollupCount() const;

private:
    const HistoryDatabase &m_db;
};

} // namespace prego
