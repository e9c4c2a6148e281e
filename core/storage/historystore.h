#pragma once

#include "api/node.h"
#include "domain/freshnessheatmap.h"
#include "historysample.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace prego {

// What opening the history database found.
struct HistoryOpenResult
{
    bool ok = false;
    QString error;          // translated, when !ok
    QString recoveryNotice; // translated, when a damaged file was moved aside and a new one begun
    QString movedAsidePath; // where the damaged file went
    int migratedFromVersion = -1; // the schema version found, when a migration ran
};

struct HistoryIngestResult
{
    int offered = 0;  // samples handed in
    int inserted = 0; // samples that were new (the rest were already stored)
    bool snapshotStored = false;
    QString error; // translated; empty on success (on error the transaction was rolled back)
};

// The last NodesSnapshot the console saw, to open with "as of" before the first poll answers.
struct StoredSnapshot
{
    NodesSnapshot snapshot;
    qint64 storedAtMs = 0; // local wall clock when it was stored
};

// Retention and open-time behaviour of a HistoryStore.
struct HistoryStoreOptions
{
    static constexpr qint64 DefaultRawRetentionMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 DefaultRollupRetentionMs = 90LL * 24 * 3600 * 1000;

    qint64 rawRetentionMs = DefaultRawRetentionMs;
    qint64 rollupRetentionMs = DefaultRollupRetentionMs;
    // PRAGMA quick_check at open (reads the whole file: the console does it once at start on
    // its worker thread; a one-shot reader may skip it).
    bool checkIntegrity = true;
    // Move a damaged file aside and start a new one; otherwise report it and stay closed.
    bool recoverCorrupt = true;
};

// One profile's local metric history: SQLite through Qt Sql, one named connection owned by this
// object and used only on the thread that created it (STYLE rule 11). Create one store per thread:
// the writer's lives on its worker thread, readers open their own.
//
// Layout (schema version 2, PRAGMA user_version): `nodes` maps node ids to small integers;
// `samples(node, updated_at_ms)` WITHOUT ROWID holds raw pushes with percentages as integer
// per-mille; `rollups_5m(node, slot_start_ms)` WITHOUT ROWID holds each slot's push count,
// first / last push and min / max / avg per metric; `snapshot` holds the last NodesSnapshot.
class HistoryStore
{
    Q_DECLARE_TR_FUNCTIONS(prego::HistoryStore)

public:
    static constexpr int SchemaVersion = 2;
    static constexpr qint64 RollupSlotMs = FreshnessHeatmap::SlotMs;
    // Ranges up to this long are drawn from raw samples; longer ones from roll-ups.
    static constexpr qint64 RawRangeLimitMs = 24LL * 3600 * 1000;
    // Long ranges come back as at most about this many roll-up buckets (two points each).
    static constexpr qint64 MaxRollupBuckets = 2048;

    using Options = HistoryStoreOptions;

    // The database file for a profile inside the application's data directory.
    static QString pathFor(const QString &dataDir, const QString &profileName);
    // A new connection name for this purpose on this thread (unique within the process).
    static QString connectionNameForThisThread(const QString &purpose);

    explicit HistoryStore(const QString &connectionName, Options options = {});
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;
    ~HistoryStore();

    // Opens (creating when missing), checks, migrates. Call on the thread that will use the store.
    HistoryOpenResult open(const QString &path);
    bool isOpen() const;
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    int schemaVersion() const;

    // --- writing (one transaction per call) ---
    // Stores the samples not yet stored (INSERT OR IGNORE on (node, updated_at)) and, when given,
    // the snapshot.
    HistoryIngestResult ingest(const QList<HistorySample> &samples,
                               const NodesSnapshot *snapshot = nullptr, qint64 storedAtMs = 0);
    // Rolls raw samples up into 5-minute slots for every slot that ended at or before nowMs.
    // Returns the number of slots written, or -1 on error.
    int rollUp(qint64 nowMs);
    // Deletes raw samples older than the raw retention (only once rolled up) and roll-ups older
    // than theirs. Returns the number of rows deleted, or -1 on error.
    qint64 prune(qint64 nowMs);

    // --- reading ---
    QList<HistorySample> samples(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    QList<HistoryRollup> rollups(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    // Raw samples for ranges up to RawRangeLimitMs; beyond, roll-ups merged into at most
    // MaxRollupBuckets buckets (plus raw samples after the last rolled-up slot).
    HistorySeries series(const QString &nodeId, qint64 fromMs, qint64 toMs) const;
    // Per node, the 5-minute slots with pushes in [fromMs, toMs): the heatmap's input.
    QHash<QString, QList<PushSlot>> pushSlots(qint64 fromMs, qint64 toMs) const;
    std::optional<StoredSnapshot> lastSnapshot() const;
    QStringList nodeIds() const;
    std::optional<qint64> lastUpdatedAt(const QString &nodeId) const;
    qint64 rolledUpUntilMs() const { return m_rolledUntilMs; }
    qint64 sampleCount() const;
    qint64 rollupCount() const;
    QString lastError() const { return m_lastError; }

private:
    enum class OpenOutcome { Ok, Corrupt, Failed };
    OpenOutcome openAndPrepare(HistoryOpenResult *result);
    bool migrate(int from, HistoryOpenResult *result);
    bool exec(const QString &sql);
    void close();
    std::optional<qint64> nodeKey(const QString &nodeId) const;
    qint64 ensureNodeKey(const QString &nodeId);
    bool setMeta(const QString &key, qint64 value);
    QList<HistorySample> rawSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                    qint64 toMs) const;
    void fail(const QSqlQuery &query) const;

    QString m_connectionName;
    Options m_options;
    QString m_path;
    QSqlDatabase m_db;
    mutable QHash<QString, qint64> m_nodeKeys;
    qint64 m_rolledUntilMs = 0;
    std::optional<qint64> m_dirtyFromMs; // earliest sample stored into an already rolled-up slot
    mutable QString m_lastError;
};

} // namespace prego
