#pragma once

#include "historystore.h"

#include <utility>

namespace prego {

class HistoryDatabase;

// Owns the write path of a poll: new samples into `recent`, late ones merged into their hour's
// block, and the last snapshot, in one transaction per call.
class HistoryIngest
{
public:
    explicit HistoryIngest(HistoryDatabase &db);
    HistoryIngest(const HistoryIngest &) = delete;
    HistoryIngest &operator=(const HistoryIngest &) = delete;

    // See HistoryStore::ingest.
    HistoryIngestResult ingest(const QList<HistorySample> &samples, const NodesSnapshot *snapshot,
                               qint64 storedAtMs);

private:
    qint64 ensureNodeKey(const QString &nodeId);
    bool storeLate(QList<std::pair<qint64, HistorySample>> &late, HistoryIngestResult *result);

    HistoryDatabase &m_db;
};

} // namespace prego
