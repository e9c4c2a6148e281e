#pragma once

#include "historystore.h"

namespace prego {

class HistoryDatabase;

// Owns what happens to stored samples as they age: the 5-minute roll-ups, compacting closed
// hours from `recent` into blocks, and raw and roll-up retention.
class HistoryMaintenance
{
public:
    HistoryMaintenance(HistoryDatabase &db, const HistoryStoreOptions &options);
    HistoryMaintenance(const HistoryMaintenance &) = delete;
    HistoryMaintenance &operator=(const HistoryMaintenance &) = delete;

    // See HistoryStore::rollUp and HistoryStore::prune.
    int rollUp(qint64 nowMs);
    qint64 prune(qint64 nowMs);

private:
    bool compactHour(qint64 hour);
    qint64 countSlots(qint64 fromMs, qint64 toMs) const;

    HistoryDatabase &m_db;
    HistoryStoreOptions m_options;
};

} // namespace prego
