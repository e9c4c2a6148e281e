#pragma once

#include "domain/freshnessheatmap.h"
#include "historysample.h"
#include "types/node.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace prego {

class HistoryDatabase;
class HistoryFleetQueries;
class HistoryIngest;
class HistoryMaintenance;
class HistoryNodeQueries;
class HistorySchema;

// What opening the history database found.
struct HistoryOpenResult
{
    bool ok = false;
    QString error;          // translated, when !ok
    QString recoveryNotice; // translated, when a damaged file was moved aside and a new one begun
    QString movedAsidePath; // where the damaged file went
    int migratedFromVersion = -1; // the schema version found, when a migration ran
    // A read-only store found a file the writer has not finished preparing (being created,
    // migrated or moved aside): not an error, the history is simply not there yet.
    bool notReady = false;
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
    // SQLite's page cache for this connection, in KiB. It fills as pages are read and keeps
    // them until the connection closes, so it is memory the console holds for as long as it
    // runs (a heatmap read touches the whole open day). The writer appends to the last pages and
    // compacts an hour once an hour: SQLite's default of about 2 MiB serves it.
    int cacheKiB = 2048;
    // Opens the file read-only: no journal-mode switch, no schema creation or migration (a file
    // not yet at this schema is "not ready", see HistoryOpenResult). Two connections preparing
    // one new file at once wait on each other's locks for SQLite's busy timeout.
    bool readOnly = false;

    // A reader's: read-only, no integrity check or recovery (the writer's job), and a cache
    // that holds one node's 30 days (720 blocks on as many pages, ~3 MiB), so switching back and
    // forth between ranges reads no page from the file twice.
    static HistoryStoreOptions reader()
    {
        HistoryStoreOptions options;
        options.checkIntegrity = false;
        options.recoverCorrupt = false;
        options.readOnly = true;
        options.cacheKiB = 4096;
        return options;
    }
};

// One profile's local metric history: SQLite through Qt Sql, one named connection owned by this
// object and used only on the thread that created it (STYLE rule 11). Create one store per thread:
// the writer's lives on its worker thread, readers open their own.
//
// Layout (schema version 3, PRAGMA user_version), sized for 10,000 nodes pushing every minute:
// - `nodes` maps node ids to small integers (< 2^24).
// - `recent(minute, node, updated_at_ms)` WITHOUT ROWID: the raw samples of the hours not yet
//   compacted, in time order, so a poll appends to the last pages instead of touching one page
//   per node. One node's rows are found with one seek per minute.
// - `blocks(id = hour << 24 | node)`: once an hour has closed, its samples as one compact blob per
//   node (HistoryBlockCodec), written in one transaction. Rowids in hour order: compaction appends,
//   retention deletes a prefix, a node's range is one seek per hour.
// - `rollups(id)`: 5-minute roll-ups, one blob per node and hour, written only when the raw block
//   ages out of raw retention (until then they are computed from the block, which holds everything
//   they would): a day of history costs its raw blocks, never raw and roll-ups twice.
// - `snapshot` holds the last NodesSnapshot; `meta` the roll-up and compaction marks.
// Values are kept exactly as ingested (see HistoryBlockCodec); roll-up averages to 1e-4.
//
// The facade the console, prego-ctl and the tests use over the pieces that share one
// HistoryDatabase: HistorySchema (open, check, migrate), HistoryIngest and HistoryMaintenance
// (the write path) and HistoryNodeQueries and HistoryFleetQueries (the read path).
class HistoryStore
{
    // Also the context of the pieces' messages (QCoreApplication::translate).
    Q_DECLARE_TR_FUNCTIONS(prego::HistoryStore)

public:
    static constexpr int SchemaVersion = 3;
    static constexpr qint64 RollupSlotMs = FreshnessHeatmap::SlotMs;
    // Ranges up to this long are drawn from raw samples; longer ones from roll-ups.
    static constexpr qint64 RawRangeLimitMs = 24LL * 3600 * 1000;
    // Long ranges come back as at most about this many roll-up buckets (two points each): as
    // many as roll-up retention holds, so every 5-minute slot's min and max reaches the chart,
    // which thins to its pixel columns itself.
    static constexpr qint64 MaxRollupBuckets =
        HistoryStoreOptions::DefaultRollupRetentionMs / FreshnessHeatmap::SlotMs;
    static constexpr qint64 HourMs = 3600 * 1000;

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
    QString path() const;
    QString connectionName() const;
    int schemaVersion() const;

    // --- writing (one transaction per call) ---
    // Stores the samples not yet stored (deduped on (node, updated_at), also against compacted
    // hours) and, when given, the snapshot.
    HistoryIngestResult ingest(const QList<HistorySample> &samples,
                               const NodesSnapshot *snapshot = nullptr, qint64 storedAtMs = 0);
    // Rolls raw samples up into 5-minute slots for every slot that ended at or before nowMs, and
    // compacts every hour that closed at least one slot ago into blocks (one transaction per
    // hour). Returns the number of slots newly rolled up, or -1 on error.
    int rollUp(qint64 nowMs);
    // Deletes raw samples older than the raw retention (whole hours, only once rolled up; their
    // roll-ups are written then) and roll-ups older than theirs. Returns the number of samples
    // and roll-up slots deleted, or -1 on error.
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
    qint64 rolledUpUntilMs() const;
    qint64 compactedUntilMs() const;
    qint64 sampleCount() const;
    qint64 rollupCount() const;
    // SQL errors, and damaged blocks skipped by a read (translated).
    QString lastError() const;

private:
    std::unique_ptr<HistoryDatabase> m_db; // first: the pieces below refer to it
    std::unique_ptr<HistorySchema> m_schema;
    std::unique_ptr<HistoryIngest> m_ingest;
    std::unique_ptr<HistoryMaintenance> m_maintenance;
    std::unique_ptr<HistoryNodeQueries> m_nodeQueries;
    std::unique_ptr<HistoryFleetQueries> m_fleetQueries;
};

} // namespace prego
