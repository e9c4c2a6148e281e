#pragma once

#include "historystore.h"
#include "types/node.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace prego {

struct HistoryWriterOptions
{
    HistoryStoreOptions store;
    // The last snapshot is rewritten at most this often (it is only the "as of" view at the next
    // start, and at 10,000 nodes it is a few hundred kB).
    qint64 snapshotEveryMs = 60 * 1000;
    // Roll-ups run when a 5-minute slot closed; pruning at most this often.
    qint64 pruneEveryMs = 60 * 60 * 1000;
};

// Writes the local history on a worker thread. Create it without a parent, move it to its QThread,
// and talk to it only through queued signals / slots: its HistoryStore (and so its Qt Sql
// connection) is created inside open(), on that thread, and never touched from any other.
//
//   auto *writer = new HistoryWriter(HistoryStore::pathFor(dataDir, profile));
//   writer->moveToThread(&thread);
//   connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
//   connect(poller, &FleetPoller::snapshotReceived, writer, &HistoryWriter::ingest);
//   thread.start();
//
// ingest() opens the store on first use, so no explicit open() is needed.
class HistoryWriter final : public QObject
{
    Q_OBJECT
public:
    using WallClock = std::function<qint64()>; // ms since epoch; injectable for tests

    using Options = HistoryWriterOptions;

    explicit HistoryWriter(const QString &path, Options options = {}, WallClock clock = {},
                           QObject *parent = nullptr);
    ~HistoryWriter() override;

    // Facts for the owner and for tests; valid on the writer's thread.
    QString connectionName() const;

public Q_SLOTS:
    void open();
    // Stores every node whose updated_at changed since the last call, plus (throttled) the
    // snapshot, in one transaction; then rolls up and prunes when due.
    void ingest(const prego::NodesSnapshot &snapshot);
    // Stores samples that did not come from a poll (the demo's simulated past; an import), then
    // rolls up at nowMs.
    void ingestSamples(const QList<prego::HistorySample> &samples, qint64 nowMs);
    // Rolls up and prunes now (tests, and the owner before quitting).
    void maintain(qint64 nowMs);
    void close();

Q_SIGNALS:
    void opened(const prego::HistoryOpenResult &result);
    void ingested(const prego::HistoryIngestResult &result, qint64 elapsedUs);
    void maintained(int slotsRolledUp, qint64 rowsPruned);
    void failed(const QString &message);

private:
    QString m_path;
    Options m_options;
    WallClock m_clock;
    std::unique_ptr<HistoryStore> m_store;
    bool m_openFailed = false;
    QHash<QString, qint64> m_lastUpdated; // node id → last stored updated_at
    qint64 m_lastSnapshotAtMs = 0;
    qint64 m_lastRollupSlotMs = 0;
    qint64 m_lastPruneMs = 0;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::HistoryOpenResult)
Q_DECLARE_METATYPE(prego::HistoryIngestResult)
