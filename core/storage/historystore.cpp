#include "historystore.h"

#include "historyblockcodec.h"
#include "snapshotcodec.h"
#include "storageerror.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
// SQLite's result codes for "this is not a (healthy) database file".
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;

bool isCorruption(const QSqlError &e)
{
    const int code = e.nativeErrorCode().toInt();
    return code == SqliteCorrupt || code == SqliteNotADb;
}

// v2 kept percentages as integer per-mille.
std::optional<double> fromMille(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toDouble() / 10.0;
}

std::optional<qint64> intFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<double> realFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// `recent` keeps a percentage as the INTEGER k = value × 1000 when k / 1000 gives the value back
// bit for bit (3 bytes instead of 8 for what agents send), else as the REAL itself: exact either
// way. Columns without a declared type keep whichever SQLite was given.
QVariant toStored(const std::optional<double> &v)
{
    if (!v)
        return QVariant(QMetaType::fromType<double>());
    const double scaled = *v * 1000.0;
    if (std::fabs(scaled) < 9e15) {
        const qint64 k = std::llround(scaled);
        if (std::bit_cast<quint64>(double(k) / 1000.0) == std::bit_cast<quint64>(*v))
            return QVariant(k);
    }
    return QVariant(*v);
}

std::optional<double> fromStored(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return double(v.toLongLong()) / 1000.0;
    return v.toDouble();
}

constexpr qint64 MinuteMs = 60 * 1000;
constexpr int NodeBits = 24; // block and roll-up rowids: hour << 24 | node
constexpr qint64 MaxNode = (1LL << NodeBits) - 1;

qint64 rowId(qint64 hour, qint64 node)
{
    return (hour << NodeBits) | node;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return HistoryBlockCodec::floorDiv(a, b);
}

// The v1 layout, kept verbatim: a fresh file walks the whole ladder, so the migrations run on
// every new database and cannot rot.
const char *const SchemaV1[] = {
    "CREATE TABLE samples(node_id TEXT NOT NULL, updated_at_ms INTEGER NOT NULL, cpu REAL, "
    "mem REAL, disk REAL, tenants INTEGER, PRIMARY KEY(node_id, updated_at_ms)) WITHOUT ROWID",
    "CREATE TABLE snapshot(id INTEGER PRIMARY KEY CHECK(id = 1), server_time_ms INTEGER NOT "
    "NULL, stored_at_ms INTEGER NOT NULL, body BLOB NOT NULL)",
};

const char *const TablesV3[] = {
    "CREATE TABLE recent(minute INTEGER NOT NULL, node INTEGER NOT NULL, "
    "updated_at_ms INTEGER NOT NULL, cpu, mem, disk, tenants INTEGER, "
    "PRIMARY KEY(minute, node, updated_at_ms)) WITHOUT ROWID",
    "CREATE TABLE blocks(id INTEGER PRIMARY KEY, n INTEGER NOT NULL, data BLOB NOT NULL)",
    "CREATE TABLE rollups(id INTEGER PRIMARY KEY, slots INTEGER NOT NULL, data BLOB NOT NULL)",
};

// v1 → v3 directly: v1's REAL values go into `recent` as they are (v2 would have rounded them
// to 0.1). The next roll-up compacts them.
const char *const MigrateV1ToV3[] = {
    "CREATE TABLE nodes(node INTEGER PRIMARY KEY, node_id TEXT NOT NULL UNIQUE)",
    "INSERT INTO nodes(node_id) SELECT DISTINCT node_id FROM samples ORDER BY node_id",
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID",
    // Parenthesized: one statement over two lines (clang's -Wstring-concatenation).
    ("INSERT INTO recent SELECT s.updated_at_ms / 60000, n.node, s.updated_at_ms, s.cpu, s.mem, "
     "s.disk, s.tenants FROM samples s JOIN nodes n ON n.node_id = s.node_id"),
    "DROP TABLE samples",
};

// v2 → v3: per-mille k becomes the stored k × 100 (k / 10 and 100k / 1000 are the same double),
// roll-ups become blobs (migrateRollupsV2).
const char *const MigrateV2ToV3[] = {
    ("INSERT INTO recent SELECT updated_at_ms / 60000, node, updated_at_ms, cpu * 100, mem * 100, "
     "disk * 100, tenants FROM samples"),
    "DROP TABLE samples",
};

const auto RolledUntilKey = u"rolled_until_ms"_s;
const auto CompactedUntilKey = u"compacted_until_ms"_s;
const auto RawPrunedUntilKey = u"raw_pruned_until_ms"_s;

HistoryAggregate aggregate(const QSqlQuery &q, int first, bool perMille)
{
    HistoryAggregate a;
    if (perMille) {
        a.min = fromMille(q.value(first));
        a.max = fromMille(q.value(first + 1));
        a.avg = fromMille(q.value(first + 2));
    } else {
        a.min = realFrom(q.value(first));
        a.max = realFrom(q.value(first + 1));
        a.avg = realFrom(q.value(first + 2));
    }
    if (a.avg)
        a.avg = HistoryBlockCodec::roundAverage(*a.avg);
    return a;
}

// Several statements that must see one state of the file (the writer compacts `recent` into
// `blocks` between any two of them otherwise). Nested use is a no-op.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase db)
        : m_db(db)
        , m_began(m_db.transaction())
    {}
    ~ReadSnapshot()
    {
        if (m_began)
            m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_began;
};

// Samples of one node from several sources, in time order, each time once.
void sortUnique(QList<HistorySample> &samples)
{
    std::stable_sort(samples.begin(), samples.end(),
                     [](const HistorySample &a, const HistorySample &b) {
                         return a.updatedAtMs < b.updatedAtMs;
                     });
    samples.erase(std::unique(samples.begin(), samples.end(),
                              [](const HistorySample &a, const HistorySample &b) {
                                  return a.updatedAtMs == b.updatedAtMs;
                              }),
                  samples.end());
}
} // namespace

QString HistoryStore::pathFor(const QString &dataDir, const QString &profileName)
{
    return QDir(dataDir).filePath(u"history-%1.sqlite"_s.arg(profileName));
}

QString HistoryStore::connectionNameForThisThread(const QString &purpose)
{
    // The thread in the name makes ownership visible in any Qt Sql warning; the counter keeps two
    // stores on one thread (say, two readers) from replacing each other's connection.
    static std::atomic<int> serial{0};
    return u"prego-history-%1-%2-%3"_s.arg(purpose)
        .arg(quintptr(QThread::currentThreadId()), 0, 16)
        .arg(++serial);
}

HistoryStore::HistoryStore(const QString &connectionName, Options options)
    : m_connectionName(connectionName)
    , m_options(options)
{}

HistoryStore::~HistoryStore()
{
    close();
}

void HistoryStore::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_nodeKeys.clear();
}

bool HistoryStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void HistoryStore::fail(const QSqlQuery &query) const
{
    m_lastError = StorageError::describe(query.lastError());
}

bool HistoryStore::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        fail(q);
        return false;
    }
    return true;
}

int HistoryStore::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

HistoryOpenResult HistoryStore::open(const QString &path)
{
    close();
    m_path = path;
    HistoryOpenResult result;
    QDir().mkpath(QFileInfo(path).absolutePath());

    OpenOutcome outcome = openAndPrepare(&result);
    if (outcome == OpenOutcome::Corrupt) {
        close();
        if (!m_options.recoverCorrupt) {
            result.error = tr("The history database %1 is damaged.").arg(path);
            return result;
        }
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
        const QString aside = u"%1.corrupt-%2"_s.arg(path, stamp);
        // The WAL and shared-memory files belong to the damaged file: never replay them into the
        // new one.
        const bool moved = QFile::rename(path, aside);
        QFile::rename(path + u"-wal"_s, aside + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
        if (!moved) {
            result.error =
                tr("The history database %1 is damaged and could not be moved aside.").arg(path);
            return result;
        }
        result.movedAsidePath = aside;
        result.recoveryNotice = tr("The history database was damaged. It was moved to %1 and a "
                                   "new one was started; older charts are empty.")
                                    .arg(aside);
        result.migratedFromVersion = -1;
        outcome = openAndPrepare(&result);
    }
    if (outcome == OpenOutcome::NotReady) {
        close();
        result.notReady = true;
        return result;
    }
    if (outcome != OpenOutcome::Ok) {
        if (result.error.isEmpty())
            result.error =
                tr("The history database %1 could not be opened: %2").arg(path, m_lastError);
        close();
        return result;
    }
    result.ok = true;
    return result;
}

HistoryStore::OpenOutcome HistoryStore::openAndPrepare(HistoryOpenResult *result)
{
    QFile file(m_path);
    if (file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly)) {
            m_lastError = file.errorString();
            return OpenOutcome::Failed;
        }
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return OpenOutcome::Corrupt;
        file.close();
    }

    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(m_options.readOnly ? u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s
                                              : u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open()) {
        m_lastError = StorageError::describe(m_db.lastError());
        return isCorruption(m_db.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
    }
    QSqlQuery q(m_db);
    if (m_options.checkIntegrity) {
        if (!q.exec(u"PRAGMA quick_check"_s)) {
            fail(q);
            return isCorruption(q.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
        }
        if (!q.next() || q.value(0).toString() != u"ok") {
            m_lastError = q.value(0).toString();
            return OpenOutcome::Corrupt;
        }
        q.finish();
    }
    // The page cache's size is the caller's (HistoryStoreOptions::cacheKiB). The journal mode is
    // kept in the file: the writer sets it, a read-only store finds it.
    QStringList pragmas{u"PRAGMA cache_size=-%1"_s.arg(std::max(64, m_options.cacheKiB))};
    if (!m_options.readOnly)
        pragmas << u"PRAGMA journal_mode=WAL"_s << u"PRAGMA synchronous=NORMAL"_s;
    for (const QString &pragma : std::as_const(pragmas)) {
        if (!q.exec(pragma)) {
            fail(q);
            return isCorruption(q.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
        }
        q.finish();
    }
    const int version = schemaVersion();
    if (version < 0) {
        m_lastError = tr("the schema version could not be read");
        return OpenOutcome::Corrupt;
    }
    if (version > SchemaVersion) {
        result->error = tr("The history database %1 was written by a newer version of the "
                           "console (schema %2; this one knows %3).")
                            .arg(m_path)
                            .arg(version)
                            .arg(SchemaVersion);
        return OpenOutcome::Failed;
    }
    if (version < SchemaVersion) {
        if (m_options.readOnly)
            return OpenOutcome::NotReady; // the writer creates and migrates
        if (!migrate(version, result))
            return OpenOutcome::Failed;
    }
    m_rolledUntilMs = meta(RolledUntilKey);
    m_compactedUntilMs = meta(CompactedUntilKey);
    m_rawPrunedUntilMs = meta(RawPrunedUntilKey);
    return OpenOutcome::Ok;
}

bool HistoryStore::migrate(int from, HistoryOpenResult *result)
{
    if (from > 0)
        result->migratedFromVersion = from;
    for (int version = from; version < SchemaVersion;) {
        if (!m_db.transaction()) {
            m_lastError = StorageError::describe(m_db.lastError());
            return false;
        }
        bool ok = true;
        int next = SchemaVersion;
        if (version == 0) {
            for (const char *sql : SchemaV1)
                ok = ok && exec(QString::fromLatin1(sql));
            next = 1;
        } else {
            for (const char *sql : TablesV3)
                ok = ok && exec(QString::fromLatin1(sql));
            if (version == 1) {
                for (const char *sql : MigrateV1ToV3)
                    ok = ok && exec(QString::fromLatin1(sql));
            } else if (version == 2) {
                for (const char *sql : MigrateV2ToV3)
                    ok = ok && exec(QString::fromLatin1(sql));
                ok = ok && migrateRollupsV2() && exec(u"DROP TABLE rollups_5m"_s);
            }
        }
        ok = ok && exec(u"PRAGMA user_version = %1"_s.arg(next));
        if (!ok || !m_db.commit()) {
            if (m_lastError.isEmpty())
                m_lastError = StorageError::describe(m_db.lastError());
            m_db.rollback();
            return false;
        }
        version = next;
    }
    return true;
}

bool HistoryStore::migrateRollupsV2()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT node, slot_start_ms, n, first_ms, last_ms, cpu_min, cpu_max, cpu_avg, "
                "mem_min, mem_max, mem_avg, disk_min, disk_max, disk_avg, tenants_min, "
                "tenants_max, tenants_avg FROM rollups_5m ORDER BY node, slot_start_ms"_s)) {
        fail(q);
        return false;
    }
    std::map<qint64, QList<HistoryRollup>> blobs; // by rowid
    while (q.next()) {
        HistoryRollup r;
        const qint64 node = q.value(0).toLongLong();
        r.slotStartMs = q.value(1).toLongLong();
        r.pushes = q.value(2).toInt();
        r.firstMs = q.value(3).toLongLong();
        r.lastMs = q.value(4).toLongLong();
        r.cpu = aggregate(q, 5, true);
        r.memory = aggregate(q, 8, true);
        r.disk = aggregate(q, 11, true);
        r.tenants = aggregate(q, 14, false);
        blobs[rowId(floorDiv(r.slotStartMs, HourMs), node)].append(r);
    }
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT OR REPLACE INTO rollups(id, slots, data) VALUES(?, ?, ?)"_s);
    for (const auto &[id, rollups] : blobs) {
        insert.bindValue(0, id);
        insert.bindValue(1, qint64(rollups.size()));
        insert.bindValue(2, HistoryBlockCodec::encodeRollups((id >> NodeBits) * HourMs, rollups));
        if (!insert.exec()) {
            fail(insert);
            return false;
        }
    }
    return true;
}

std::optional<qint64> HistoryStore::nodeKey(const QString &nodeId) const
{
    if (const auto it = m_nodeKeys.constFind(nodeId); it != m_nodeKeys.cend())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT node FROM nodes WHERE node_id = ?"_s);
    q.addBindValue(nodeId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const qint64 key = q.value(0).toLongLong();
    m_nodeKeys.insert(nodeId, key);
    return key;
}

qint64 HistoryStore::ensureNodeKey(const QString &nodeId)
{
    if (const auto key = nodeKey(nodeId))
        return *key;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO nodes(node_id) VALUES(?)"_s);
    q.addBindValue(nodeId);
    if (!q.exec()) {
        fail(q);
        return -1;
    }
    const qint64 key = q.lastInsertId().toLongLong();
    if (key > MaxNode) {
        m_lastError = tr("The history holds more nodes than it can address.");
        return -1;
    }
    m_nodeKeys.insert(nodeId, key);
    return key;
}

bool HistoryStore::setMeta(const QString &key, qint64 value)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        fail(q);
        return false;
    }
    return true;
}

qint64 HistoryStore::meta(const QString &key) const
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void HistoryStore::reportDamage(const QString &nodeId, qint64 hour) const
{
    m_lastError = tr("The history of %1 for the hour from %2 (UTC) is damaged and was left out.")
                      .arg(nodeId, QDateTime::fromMSecsSinceEpoch(hour * HourMs, Qt::UTC)
                                       .toString(u"yyyy-MM-dd HH:mm"_s));
}

HistoryIngestResult HistoryStore::ingest(const QList<HistorySample> &samples,
                                         const NodesSnapshot *snapshot, qint64 storedAtMs)
{
    HistoryIngestResult result;
    result.offered = int(samples.size());
    if (!isOpen()) {
        result.error = tr("The history database is not open.");
        return result;
    }
    if (!m_db.transaction()) {
        result.error = StorageError::describe(m_db.lastError());
        return result;
    }
    const auto abort = [&](const QString &detail) {
        m_db.rollback();
        m_nodeKeys.clear(); // keys handed out inside the rolled-back transaction are gone
        result.inserted = 0;
        result.snapshotStored = false;
        result.error = tr("Samples could not be stored in the history database: %1").arg(detail);
        return result;
    };

    // Samples of open hours are appended to `recent` (time-ordered key: a poll writes a few
    // pages at the end of the table, however large the file). Samples of already compacted hours
    // (a console restarted, a node that stopped pushing) are merged into their blocks.
    QList<std::pair<qint64, const HistorySample *>> fresh;
    QList<std::pair<qint64, HistorySample>> late;
    fresh.reserve(samples.size());
    for (const HistorySample &s : samples) {
        const qint64 node = ensureNodeKey(s.nodeId);
        if (node < 0)
            return abort(m_lastError);
        if (s.updatedAtMs < m_compactedUntilMs)
            late.append({node, s});
        else
            fresh.append({node, &s});
    }

    // One prepared single-row INSERT stepped through SQLite's API: Qt Sql's binding costs more
    // per value than SQLite's insert itself (and with multi-row statements it grows with the
    // number of placeholders), and a poll of 10,000 nodes must stay well under 50 ms.
    std::optional<qint64> earliest;
    if (!fresh.isEmpty()) {
        sqlite3 *handle = nullptr;
        const QVariant h = m_db.driver()->handle();
        if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
            handle = *static_cast<sqlite3 *const *>(h.constData());
        if (!handle)
            return abort(u"no SQLite handle"_s);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(
                handle,
                "INSERT OR IGNORE INTO recent(minute, node, updated_at_ms, cpu, mem, "
                "disk, tenants) VALUES(?, ?, ?, ?, ?, ?, ?)",
                -1, &stmt, nullptr) != SQLITE_OK)
            return abort(QString::fromUtf8(sqlite3_errmsg(handle)));
        const auto bindReal = [stmt](int column, const std::optional<double> &v) {
            const QVariant stored = toStored(v);
            if (stored.isNull())
                sqlite3_bind_null(stmt, column);
            else if (stored.typeId() == QMetaType::LongLong)
                sqlite3_bind_int64(stmt, column, stored.toLongLong());
            else
                sqlite3_bind_double(stmt, column, stored.toDouble());
        };
        QString error;
        for (const auto &[node, s] : std::as_const(fresh)) {
            sqlite3_bind_int64(stmt, 1, floorDiv(s->updatedAtMs, MinuteMs));
            sqlite3_bind_int64(stmt, 2, node);
            sqlite3_bind_int64(stmt, 3, s->updatedAtMs);
            bindReal(4, s->cpuPct);
            bindReal(5, s->memoryPct);
            bindReal(6, s->diskPct);
            if (s->tenantCount)
                sqlite3_bind_int64(stmt, 7, *s->tenantCount);
            else
                sqlite3_bind_null(stmt, 7);
            if (sqlite3_step(stmt) != SQLITE_DONE) {
                error = QString::fromUtf8(sqlite3_errmsg(handle));
                break;
            }
            if (sqlite3_changes(handle) > 0) {
                ++result.inserted;
                earliest = std::min(earliest.value_or(s->updatedAtMs), s->updatedAtMs);
            }
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
        if (!error.isEmpty())
            return abort(error);
    }
    const int beforeLate = result.inserted;
    if (!late.isEmpty() && !storeLate(late, &result))
        return abort(m_lastError);
    if (result.inserted > beforeLate) {
        const qint64 first = late.first().second.updatedAtMs; // sorted by storeLate
        earliest = std::min(earliest.value_or(first), first);
    }
    if (snapshot) {
        QSqlQuery q(m_db);
        q.prepare(u"INSERT OR REPLACE INTO snapshot(id, server_time_ms, stored_at_ms, body) "
                  "VALUES(1, ?, ?, ?)"_s);
        q.addBindValue(snapshot->serverTimeMs);
        q.addBindValue(storedAtMs);
        q.addBindValue(SnapshotCodec::encode(*snapshot));
        if (!q.exec())
            return abort(StorageError::describe(q.lastError()));
        result.snapshotStored = true;
    }
    if (!m_db.commit())
        return abort(StorageError::describe(m_db.lastError()));
    // A late sample inside an already rolled-up slot: that slot is rolled up again next time.
    if (earliest && *earliest < m_rolledUntilMs)
        m_dirtyFromMs = std::min(m_dirtyFromMs.value_or(*earliest), *earliest);
    return result;
}

bool HistoryStore::storeLate(QList<std::pair<qint64, HistorySample>> &late,
                             HistoryIngestResult *result)
{
    std::sort(late.begin(), late.end(), [](const auto &a, const auto &b) {
        return a.second.updatedAtMs < b.second.updatedAtMs;
    });
    // One read-merge-write per (node, hour).
    std::map<qint64, QList<HistorySample>> byBlock;
    for (const auto &[node, s] : std::as_const(late)) {
        if (s.updatedAtMs < m_rawPrunedUntilMs)
            continue; // older than what raw retention keeps: its hour is only roll-ups now
        byBlock[rowId(floorDiv(s.updatedAtMs, HourMs), node)].append(s);
    }
    QSqlQuery read(m_db);
    read.prepare(u"SELECT data FROM blocks WHERE id = ?"_s);
    QSqlQuery write(m_db);
    write.prepare(u"INSERT OR REPLACE INTO blocks(id, n, data) VALUES(?, ?, ?)"_s);
    for (auto &[id, incoming] : byBlock) {
        read.bindValue(0, id);
        if (!read.exec()) {
            fail(read);
            return false;
        }
        QList<HistorySample> stored;
        if (read.next()) {
            const QByteArray bytes = read.value(0).toByteArray();
            if (auto decoded = HistoryBlockCodec::decodeBlock(bytes))
                stored = std::move(*decoded);
            else
                reportDamage(incoming.first().nodeId, id >> NodeBits); // replaced below
        }
        read.finish();
        const qsizetype before = stored.size();
        for (HistorySample s : incoming) {
            const auto at = std::lower_bound(
                stored.begin(), stored.end(), s.updatedAtMs,
                [](const HistorySample &x, qint64 t) { return x.updatedAtMs < t; });
            if (at != stored.end() && at->updatedAtMs == s.updatedAtMs)
                continue; // already stored: the first values stay
            s.nodeId.clear();
            stored.insert(at, s);
        }
        if (stored.size() == before)
            continue;
        result->inserted += int(stored.size() - before);
        write.bindValue(0, id);
        write.bindValue(1, qint64(stored.size()));
        write.bindValue(2, HistoryBlockCodec::encodeBlock(stored));
        if (!write.exec()) {
            fail(write);
            return false;
        }
    }
    return true;
}

bool HistoryStore::compactHour(qint64 hour)
{
    if (!m_db.transaction()) {
        m_lastError = StorageError::describe(m_db.lastError());
        return false;
    }
    const auto failed = [this](const QSqlQuery &q) {
        fail(q);
        m_db.rollback();
        return false;
    };
    const qint64 firstMinute = hour * (HourMs / MinuteMs);
    const qint64 endMinute = firstMinute + HourMs / MinuteMs;
    std::map<qint64, QList<HistorySample>> byNode; // rowid order: the inserts below append
    {
        // Up to 600,000 rows at 10,000 nodes: read through SQLite's API, as ingest writes them.
        sqlite3 *handle = nullptr;
        const QVariant h = m_db.driver()->handle();
        if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
            handle = *static_cast<sqlite3 *const *>(h.constData());
        sqlite3_stmt *stmt = nullptr;
        if (!handle ||
            sqlite3_prepare_v2(handle,
                               "SELECT node, updated_at_ms, cpu, mem, disk, tenants FROM recent "
                               "WHERE minute >= ? AND minute < ?",
                               -1, &stmt, nullptr) != SQLITE_OK) {
            m_lastError =
                handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : u"no SQLite handle"_s;
            m_db.rollback();
            return false;
        }
        const auto real = [stmt](int column) -> std::optional<double> {
            switch (sqlite3_column_type(stmt, column)) {
            case SQLITE_NULL:
                return std::nullopt;
            case SQLITE_INTEGER: // see toStored()
                return double(sqlite3_column_int64(stmt, column)) / 1000.0;
            default:
                return sqlite3_column_double(stmt, column);
            }
        };
        sqlite3_bind_int64(stmt, 1, firstMinute);
        sqlite3_bind_int64(stmt, 2, endMinute);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            byNode[sqlite3_column_int64(stmt, 0)].append(
                {QString(), sqlite3_column_int64(stmt, 1), real(2), real(3), real(4),
                 sqlite3_column_type(stmt, 5) == SQLITE_NULL
                     ? std::nullopt
                     : std::optional<qint64>(sqlite3_column_int64(stmt, 5))});
        }
        if (rc != SQLITE_DONE)
            m_lastError = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            m_db.rollback();
            return false;
        }
    }
    {
        // Blocks of this hour should not exist yet; if one does, nothing in it is lost.
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT id, data FROM blocks WHERE id >= ? AND id < ?"_s);
        q.addBindValue(rowId(hour, 0));
        q.addBindValue(rowId(hour + 1, 0));
        if (!q.exec())
            return failed(q);
        while (q.next()) {
            const qint64 node = q.value(0).toLongLong() & MaxNode;
            const auto it = byNode.find(node);
            if (it == byNode.end())
                continue;
            if (auto stored = HistoryBlockCodec::decodeBlock(q.value(1).toByteArray()))
                it->second = *stored + it->second; // stored first: its values stay
            else
                reportDamage(u"#%1"_s.arg(node), hour);
        }
    }
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT OR REPLACE INTO blocks(id, n, data) VALUES(?, ?, ?)"_s);
    for (auto &[node, samples] : byNode) {
        sortUnique(samples);
        insert.bindValue(0, rowId(hour, node));
        insert.bindValue(1, qint64(samples.size()));
        insert.bindValue(2, HistoryBlockCodec::encodeBlock(samples));
        if (!insert.exec())
            return failed(insert);
    }
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM recent WHERE minute >= ? AND minute < ?"_s);
    remove.addBindValue(firstMinute);
    remove.addBindValue(endMinute);
    if (!remove.exec())
        return failed(remove);
    const qint64 compacted = std::max(m_compactedUntilMs, (hour + 1) * HourMs);
    if (!setMeta(CompactedUntilKey, compacted) || !m_db.commit()) {
        m_db.rollback();
        return false;
    }
    m_compactedUntilMs = compacted;
    return true;
}

qint64 HistoryStore::countSlots(qint64 fromMs, qint64 toMs) const
{
    if (toMs <= fromMs)
        return 0;
    qint64 count = 0;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT count(*) FROM (SELECT 1 FROM recent WHERE minute >= ? AND minute < ? "
        "AND updated_at_ms >= ? AND updated_at_ms < ? GROUP BY node, updated_at_ms / 300000)"_s);
    static_assert(RollupSlotMs == 300000, "the SQL above hard-codes the slot length");
    q.addBindValue(floorDiv(fromMs, MinuteMs));
    q.addBindValue(floorDiv(toMs - 1, MinuteMs) + 1);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec() || !q.next()) {
        fail(q);
        return -1;
    }
    count += q.value(0).toLongLong();
    q.finish();
    // Late samples merged into compacted hours.
    if (fromMs < m_compactedUntilMs) {
        q.prepare(u"SELECT data FROM blocks WHERE id >= ? AND id < ?"_s);
        q.addBindValue(rowId(floorDiv(fromMs, HourMs), 0));
        q.addBindValue(rowId(floorDiv(std::min(toMs, m_compactedUntilMs) - 1, HourMs) + 1, 0));
        if (!q.exec()) {
            fail(q);
            return -1;
        }
        while (q.next()) {
            const auto samples = HistoryBlockCodec::decodeBlock(q.value(0).toByteArray());
            for (const HistoryRollup &r :
                 HistoryBlockCodec::rollUp(samples.value_or(QList<HistorySample>{})))
                count += r.slotStartMs >= fromMs && r.slotStartMs + RollupSlotMs <= toMs;
        }
    }
    return count;
}

int HistoryStore::rollUp(qint64 nowMs)
{
    const qint64 until = FreshnessHeatmap::slotStart(nowMs);
    qint64 from = m_rolledUntilMs;
    if (m_dirtyFromMs)
        from = std::min(from, FreshnessHeatmap::slotStart(*m_dirtyFromMs));
    const qint64 written = countSlots(from, until);
    if (written < 0)
        return -1;

    // An hour is compacted once it closed at least a slot ago: pushes that arrive a little late
    // still find it open.
    const qint64 closeUntil = floorDiv(until - RollupSlotMs, HourMs) * HourMs;
    for (;;) {
        QSqlQuery q(m_db);
        if (!q.exec(u"SELECT min(minute) FROM recent"_s) || !q.next()) {
            fail(q);
            return -1;
        }
        if (q.value(0).isNull() || q.value(0).toLongLong() * MinuteMs >= closeUntil)
            break;
        const qint64 hour = floorDiv(q.value(0).toLongLong() * MinuteMs, HourMs);
        q.finish();
        if (!compactHour(hour))
            return -1;
    }
    const qint64 compacted = std::max(m_compactedUntilMs, closeUntil);
    const qint64 rolled = std::max(until, m_rolledUntilMs);
    if (!m_db.transaction()) {
        m_lastError = StorageError::describe(m_db.lastError());
        return -1;
    }
    if (!setMeta(CompactedUntilKey, compacted) || !setMeta(RolledUntilKey, rolled) ||
        !m_db.commit()) {
        m_db.rollback();
        return -1;
    }
    m_compactedUntilMs = compacted;
    m_rolledUntilMs = rolled;
    m_dirtyFromMs.reset();
    return int(written);
}

qint64 HistoryStore::prune(qint64 nowMs)
{
    // Raw samples go only once they are rolled up and compacted, whole hours at a time, so a
    // long-closed console loses no roll-up.
    const qint64 rawHour =
        std::min(floorDiv(std::min(nowMs - m_options.rawRetentionMs, m_rolledUntilMs), HourMs),
                 floorDiv(m_compactedUntilMs, HourMs));
    const qint64 rollupHour = floorDiv(nowMs - m_options.rollupRetentionMs, HourMs);
    if (!m_db.transaction()) {
        m_lastError = StorageError::describe(m_db.lastError());
        return -1;
    }
    const auto failed = [this](const QSqlQuery &q) {
        fail(q);
        m_db.rollback();
        return qint64(-1);
    };
    qint64 deleted = 0;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Roll-ups already stored for hours whose blocks age out now (only after a v2 migration).
    QHash<qint64, QByteArray> existing;
    q.prepare(u"SELECT r.id, r.data FROM rollups r JOIN blocks b ON b.id = r.id "
              "WHERE b.id < ?"_s);
    q.addBindValue(rowId(rawHour, 0));
    if (!q.exec())
        return failed(q);
    while (q.next())
        existing.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    // The blocks' roll-ups are written as the blocks go.
    q.prepare(u"SELECT id, n, data FROM blocks WHERE id < ?"_s);
    q.addBindValue(rowId(rawHour, 0));
    if (!q.exec())
        return failed(q);
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT OR REPLACE INTO rollups(id, slots, data) VALUES(?, ?, ?)"_s);
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 hour = id >> NodeBits;
        deleted += q.value(1).toLongLong();
        HourRow row{hour, q.value(2).toByteArray(), existing.value(id)};
        const QList<HistoryRollup> rollups = hourRollups(row, u"#%1"_s.arg(id & MaxNode));
        if (hour < rollupHour) {
            deleted += rollups.size(); // past roll-up retention too
            continue;
        }
        if (rollups.isEmpty())
            continue;
        insert.bindValue(0, id);
        insert.bindValue(1, qint64(rollups.size()));
        insert.bindValue(2, HistoryBlockCodec::encodeRollups(hour * HourMs, rollups));
        if (!insert.exec())
            return failed(insert);
    }
    q.prepare(u"DELETE FROM blocks WHERE id < ?"_s);
    q.addBindValue(rowId(rawHour, 0));
    if (!q.exec())
        return failed(q);
    q.prepare(u"SELECT coalesce(sum(slots), 0) FROM rollups WHERE id < ?"_s);
    q.addBindValue(rowId(rollupHour, 0));
    if (!q.exec() || !q.next())
        return failed(q);
    deleted += q.value(0).toLongLong();
    q.prepare(u"DELETE FROM rollups WHERE id < ?"_s);
    q.addBindValue(rowId(rollupHour, 0));
    if (!q.exec())
        return failed(q);
    const qint64 rawPruned = std::max(m_rawPrunedUntilMs, rawHour * HourMs);
    if (!setMeta(RawPrunedUntilKey, rawPruned) || !m_db.commit()) {
        m_lastError = StorageError::describe(m_db.lastError());
        m_db.rollback();
        return -1;
    }
    m_rawPrunedUntilMs = rawPruned;
    return deleted;
}

QList<HistoryStore::HourRow> HistoryStore::hourRows(qint64 node, qint64 fromHour, qint64 toHour,
                                                    bool descending, int limit) const
{
    QList<HourRow> rows;
    // Walk only the hours the tables hold.
    {
        QSqlQuery q(m_db);
        if (!q.exec(u"SELECT (SELECT min(id) FROM blocks), (SELECT max(id) FROM blocks), "
                    "(SELECT min(id) FROM rollups), (SELECT max(id) FROM rollups)"_s) ||
            !q.next()) {
            fail(q);
            return rows;
        }
        std::optional<qint64> lo, hi;
        for (int i = 0; i < 4; i += 2) {
            if (q.value(i).isNull())
                continue;
            const qint64 a = q.value(i).toLongLong() >> NodeBits;
            const qint64 b = q.value(i + 1).toLongLong() >> NodeBits;
            lo = std::min(lo.value_or(a), a);
            hi = std::max(hi.value_or(b), b);
        }
        if (!lo)
            return rows;
        fromHour = std::max(fromHour, *lo);
        toHour = std::min(toHour, *hi + 1);
    }
    if (toHour <= fromHour)
        return rows;
    // One rowid seek per hour (the recursive CTE drives the joins, in its own order).
    constexpr qint64 Step = 1LL << NodeBits;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql =
        descending
            ? u"WITH RECURSIVE h(k) AS (SELECT ? UNION ALL SELECT k - %1 FROM h WHERE k - %1 >= ?) "_s
            : u"WITH RECURSIVE h(k) AS (SELECT ? UNION ALL SELECT k + %1 FROM h WHERE k + %1 <= ?) "_s;
    sql = sql.arg(Step);
    sql += u"SELECT h.k, b.data, r.data FROM h LEFT JOIN blocks b ON b.id = h.k "
           "LEFT JOIN rollups r ON r.id = h.k WHERE b.id IS NOT NULL OR r.id IS NOT NULL"_s;
    if (limit > 0)
        sql += u" LIMIT %1"_s.arg(limit);
    q.prepare(sql);
    q.addBindValue(rowId(descending ? toHour - 1 : fromHour, node));
    q.addBindValue(rowId(descending ? fromHour : toHour - 1, node));
    if (!q.exec()) {
        fail(q);
        return rows;
    }
    while (q.next())
        rows.append({q.value(0).toLongLong() >> NodeBits, q.value(1).toByteArray(),
                     q.value(2).toByteArray()});
    return rows;
}

QList<HistorySample> HistoryStore::recentSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                                 qint64 toMs) const
{
    QList<HistorySample> out;
    if (toMs <= fromMs)
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT (SELECT min(minute) FROM recent), (SELECT max(minute) FROM recent)"_s) ||
        !q.next()) {
        fail(q);
        return out;
    }
    if (q.value(0).isNull())
        return out;
    const qint64 lo = std::max(floorDiv(fromMs, MinuteMs), q.value(0).toLongLong());
    const qint64 hi = std::min(floorDiv(toMs - 1, MinuteMs), q.value(1).toLongLong());
    q.finish();
    if (hi < lo)
        return out;
    // One seek per minute: the key leads with the minute, so a node's rows are not contiguous.
    q.prepare(
        u"WITH RECURSIVE m(x) AS (SELECT ? UNION ALL SELECT x + 1 FROM m WHERE x < ?) "
        "SELECT r.updated_at_ms, r.cpu, r.mem, r.disk, r.tenants FROM m CROSS JOIN recent r "
        "ON r.minute = m.x AND r.node = ? WHERE r.updated_at_ms >= ? AND r.updated_at_ms < ?"_s);
    q.addBindValue(lo);
    q.addBindValue(hi);
    q.addBindValue(node);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        out.append({nodeId, q.value(0).toLongLong(), fromStored(q.value(1)), fromStored(q.value(2)),
                    fromStored(q.value(3)), intFrom(q.value(4))});
    }
    return out;
}

std::optional<QList<HistorySample>> HistoryStore::blockSamples(const HourRow &row,
                                                               const QString &nodeId) const
{
    if (row.block.isNull())
        return QList<HistorySample>{};
    auto samples = HistoryBlockCodec::decodeBlock(row.block);
    if (!samples) {
        reportDamage(nodeId, row.hour);
        return std::nullopt;
    }
    for (HistorySample &s : *samples)
        s.nodeId = nodeId;
    return samples;
}

QList<HistoryRollup> HistoryStore::hourRollups(const HourRow &row, const QString &nodeId) const
{
    // Stored roll-ups, with the slots the raw block covers computed from it (it holds every push).
    QList<HistoryRollup> stored;
    if (!row.rollups.isNull()) {
        if (auto decoded = HistoryBlockCodec::decodeRollups(row.rollups, row.hour * HourMs))
            stored = std::move(*decoded);
        else
            reportDamage(nodeId, row.hour);
    }
    if (row.block.isNull())
        return stored;
    const auto samples = HistoryBlockCodec::decodeBlock(row.block);
    if (!samples) {
        reportDamage(nodeId, row.hour);
        return stored;
    }
    QList<HistoryRollup> fromRaw = HistoryBlockCodec::rollUp(*samples);
    if (stored.isEmpty())
        return fromRaw;
    std::map<qint64, HistoryRollup> slots; // both: only after a v2 migration
    for (const HistoryRollup &r : std::as_const(stored))
        slots[r.slotStartMs] = r;
    for (const HistoryRollup &r : std::as_const(fromRaw))
        slots[r.slotStartMs] = r;
    QList<HistoryRollup> out;
    out.reserve(qsizetype(slots.size()));
    for (const auto &[start, r] : slots)
        out.append(r);
    return out;
}

QList<HistorySample> HistoryStore::rawSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                              qint64 toMs) const
{
    QList<HistorySample> out;
    if (toMs <= fromMs)
        return out;
    const QList<HourRow> rows =
        hourRows(node, floorDiv(fromMs, HourMs), floorDiv(toMs - 1, HourMs) + 1, false, 0);
    QList<QList<HistorySample>> blocks;
    blocks.reserve(rows.size());
    qsizetype total = 0;
    for (const HourRow &row : rows) {
        if (auto samples = blockSamples(row, nodeId); samples && !samples->isEmpty()) {
            total += samples->size();
            blocks.append(std::move(*samples));
        }
    }
    const QList<HistorySample> recent = recentSamples(node, nodeId, fromMs, toMs);
    out.reserve(total + recent.size());
    for (const QList<HistorySample> &block : std::as_const(blocks)) {
        for (const HistorySample &s : block) {
            if (s.updatedAtMs >= fromMs && s.updatedAtMs < toMs)
                out.append(s);
        }
    }
    out.append(recent);
    // Hours come in order and `recent` after them: sorting is for the rare overlap.
    // (A store opened before the writer compacted can have put a sample in `recent` that a block
    // also holds.)
    if (std::adjacent_find(out.cbegin(), out.cend(), [](const auto &a, const auto &b) {
            return a.updatedAtMs >= b.updatedAtMs;
        }) != out.cend())
        sortUnique(out);
    return out;
}

QList<HistoryRollup> HistoryStore::rollupsOf(qint64 node, const QString &nodeId, qint64 fromMs,
                                             qint64 toMs) const
{
    // Slots starting in [fromMs, toMs): stored hours in ascending order, then `recent`.
    QList<HistoryRollup> out;
    if (toMs <= fromMs)
        return out;
    const QList<HourRow> rows =
        hourRows(node, floorDiv(fromMs, HourMs), floorDiv(toMs - 1, HourMs) + 1, false, 0);
    out.reserve(rows.size() * HistoryBlockCodec::SlotsPerHour);
    for (const HourRow &row : rows) {
        for (const HistoryRollup &r : hourRollups(row, nodeId)) {
            if (r.slotStartMs >= fromMs && r.slotStartMs < toMs)
                out.append(r);
        }
    }
    const qint64 slotFrom = floorDiv(fromMs, RollupSlotMs) * RollupSlotMs;
    const qint64 slotTo = (floorDiv(toMs - 1, RollupSlotMs) + 1) * RollupSlotMs;
    const QList<HistoryRollup> recent =
        HistoryBlockCodec::rollUp(recentSamples(node, nodeId, slotFrom, slotTo));
    if (recent.isEmpty())
        return out;
    if (out.isEmpty() || out.last().slotStartMs < recent.first().slotStartMs) {
        for (const HistoryRollup &r : recent) {
            if (r.slotStartMs >= fromMs && r.slotStartMs < toMs)
                out.append(r);
        }
        return out;
    }
    // `recent` holds the hours after the blocks; should a slot be in both, the rows of `recent`
    // win.
    std::map<qint64, HistoryRollup> slots;
    for (const HistoryRollup &r : std::as_const(out))
        slots[r.slotStartMs] = r;
    for (const HistoryRollup &r : recent)
        slots[r.slotStartMs] = r;
    out.clear();
    for (const auto &[start, r] : slots) {
        if (start >= fromMs && start < toMs)
            out.append(r);
    }
    return out;
}

std::optional<qint64> HistoryStore::lastPushBefore(qint64 node, const QString &nodeId,
                                                   qint64 beforeMs) const
{
    // `recent` holds the newest hours: its last push before, if any, is the answer.
    const QList<HistorySample> recent = recentSamples(node, nodeId, 0, beforeMs);
    if (!recent.isEmpty())
        return recent.last().updatedAtMs;
    // Else walk the hours backwards: the first hour may hold pushes only after beforeMs.
    const QList<HourRow> rows = hourRows(node, std::numeric_limits<qint64>::min() >> NodeBits,
                                         floorDiv(beforeMs - 1, HourMs) + 1, true, 3);
    for (const HourRow &row : rows) {
        std::optional<qint64> best;
        for (const HistoryRollup &r : hourRollups(row, nodeId)) {
            const qint64 t = r.lastMs < beforeMs ? r.lastMs : r.firstMs;
            if (t < beforeMs)
                best = std::max(best.value_or(t), t);
        }
        if (const auto samples = blockSamples(row, nodeId)) {
            for (const HistorySample &s : *samples) {
                if (s.updatedAtMs < beforeMs)
                    best = std::max(best.value_or(s.updatedAtMs), s.updatedAtMs);
            }
        }
        if (best)
            return best;
    }
    return std::nullopt;
}

QList<HistorySample> HistoryStore::samples(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    const auto node = nodeKey(nodeId);
    if (!node)
        return {};
    ReadSnapshot snapshot(m_db);
    return rawSamples(*node, nodeId, fromMs, toMs);
}

QList<HistoryRollup> HistoryStore::rollups(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    const auto node = nodeKey(nodeId);
    if (!node)
        return {};
    ReadSnapshot snapshot(m_db);
    m_rolledUntilMs = std::max(m_rolledUntilMs, meta(RolledUntilKey)); // the writer moves it on
    return rollupsOf(*node, nodeId, fromMs, std::min(toMs, m_rolledUntilMs));
}

HistorySeries HistoryStore::series(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    HistorySeries series;
    const auto node = nodeKey(nodeId);
    if (!node)
        return series;
    ReadSnapshot snapshot(m_db);
    m_rolledUntilMs = std::max(m_rolledUntilMs, meta(RolledUntilKey));

    // The push before the window, so a gap that began before it is still shaded.
    if (const auto before = lastPushBefore(*node, nodeId, fromMs))
        series.pushTimesMs.append(*before);

    qint64 rawFrom = fromMs;
    if (toMs - fromMs > RawRangeLimitMs && m_rolledUntilMs > fromMs) {
        series.fromRollups = true;
        const qint64 rolledTo = std::min(toMs, m_rolledUntilMs);
        // Slots are merged into buckets only past MaxRollupBuckets (longer than roll-up
        // retention): each bucket keeps its min and max, so peaks survive.
        const qint64 slots = (rolledTo - fromMs + RollupSlotMs - 1) / RollupSlotMs;
        const qint64 bucketMs =
            RollupSlotMs * std::max<qint64>(1, (slots + MaxRollupBuckets - 1) / MaxRollupBuckets);
        const QList<HistoryRollup> rollups = rollupsOf(*node, nodeId, fromMs, rolledTo);
        const auto minOf = [](const std::optional<double> &a, const std::optional<double> &b) {
            return a && b ? std::optional<double>(std::min(*a, *b)) : (a ? a : b);
        };
        const auto maxOf = [](const std::optional<double> &a, const std::optional<double> &b) {
            return a && b ? std::optional<double>(std::max(*a, *b)) : (a ? a : b);
        };
        series.samples.reserve(2 * rollups.size());
        series.pushTimesMs.reserve(2 * rollups.size() + series.pushTimesMs.size());
        for (qsizetype i = 0; i < rollups.size();) {
            HistoryRollup b = rollups.at(i);
            const qint64 bucket = floorDiv(b.slotStartMs, bucketMs);
            for (++i; i < rollups.size() && floorDiv(rollups.at(i).slotStartMs, bucketMs) == bucket;
                 ++i) {
                const HistoryRollup &r = rollups.at(i);
                b.lastMs = r.lastMs;
                for (auto m : {&HistoryRollup::cpu, &HistoryRollup::memory, &HistoryRollup::disk,
                               &HistoryRollup::tenants}) {
                    (b.*m).min = minOf((b.*m).min, (r.*m).min);
                    (b.*m).max = maxOf((b.*m).max, (r.*m).max);
                }
            }
            const auto tenants = [](const std::optional<double> &v) {
                return v ? std::optional<qint64>(qint64(*v)) : std::nullopt;
            };
            // Each bucket's extremes at its first and last push: thinning keeps them.
            series.samples.append(
                {nodeId, b.firstMs, b.cpu.min, b.memory.min, b.disk.min, tenants(b.tenants.min)});
            series.pushTimesMs.append(b.firstMs);
            if (b.lastMs != b.firstMs) {
                series.samples.append({nodeId, b.lastMs, b.cpu.max, b.memory.max, b.disk.max,
                                       tenants(b.tenants.max)});
                series.pushTimesMs.append(b.lastMs);
            }
        }
        rawFrom = rolledTo;
    }
    QList<HistorySample> raw = rawSamples(*node, nodeId, rawFrom, toMs);
    series.pushTimesMs.reserve(series.pushTimesMs.size() + raw.size());
    for (const HistorySample &s : std::as_const(raw))
        series.pushTimesMs.append(s.updatedAtMs);
    if (series.samples.isEmpty())
        series.samples = std::move(raw);
    else
        series.samples.append(raw);
    return series;
}

QHash<QString, QList<PushSlot>> HistoryStore::pushSlots(qint64 fromMs, qint64 toMs) const
{
    // Fleet-wide and so the largest read: every stored hour in the window in rowid order, each
    // node's id string looked up once.
    QHash<qint64, QString> ids;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (q.exec(u"SELECT node, node_id FROM nodes"_s)) {
            while (q.next())
                ids.insert(q.value(0).toLongLong(), q.value(1).toString());
        }
    }
    QHash<QString, QList<PushSlot>> out;
    if (toMs <= fromMs)
        return out;
    ReadSnapshot snapshot(m_db);
    QHash<qint64, std::map<qint64, PushSlot>> byNode;
    byNode.reserve(ids.size());
    const qint64 fromHour = floorDiv(fromMs, HourMs);
    const qint64 toHour = floorDiv(toMs - 1, HourMs) + 1;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Stored roll-ups first; raw samples (blocks, then recent) replace a slot they also cover.
    q.prepare(u"SELECT id, data FROM rollups WHERE id >= ? AND id < ?"_s);
    q.addBindValue(rowId(fromHour, 0));
    q.addBindValue(rowId(toHour, 0));
    if (q.exec()) {
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const qint64 node = id & MaxNode;
            const auto rollups = HistoryBlockCodec::decodeRollups(q.value(1).toByteArray(),
                                                                  (id >> NodeBits) * HourMs);
            if (!rollups) {
                reportDamage(ids.value(node), id >> NodeBits);
                continue;
            }
            for (const HistoryRollup &r : *rollups) {
                if (r.slotStartMs >= fromMs && r.slotStartMs < toMs)
                    byNode[node][r.slotStartMs] = {r.slotStartMs, r.pushes, r.firstMs, r.lastMs};
            }
        }
    } else {
        fail(q);
    }
    const auto add = [&](qint64 node, qint64 t, int count, qint64 first, qint64 last) {
        const qint64 slot = floorDiv(t, RollupSlotMs) * RollupSlotMs;
        byNode[node][slot] = {slot, count, first, last};
    };
    q.prepare(u"SELECT id, data FROM blocks WHERE id >= ? AND id < ?"_s);
    q.addBindValue(rowId(fromHour, 0));
    q.addBindValue(rowId(toHour, 0));
    if (q.exec()) {
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const auto samples = HistoryBlockCodec::decodeBlock(q.value(1).toByteArray());
            if (!samples) {
                reportDamage(ids.value(id & MaxNode), id >> NodeBits);
                continue;
            }
            QList<HistorySample> inside;
            for (const HistorySample &s : *samples) {
                if (s.updatedAtMs >= fromMs && s.updatedAtMs < toMs)
                    inside.append(s);
            }
            for (const HistoryRollup &r : HistoryBlockCodec::rollUp(inside))
                add(id & MaxNode, r.slotStartMs, r.pushes, r.firstMs, r.lastMs);
        }
    } else {
        fail(q);
    }
    q.prepare(u"SELECT node, (updated_at_ms / 300000) * 300000 AS slot, count(*), "
              "min(updated_at_ms), max(updated_at_ms) FROM recent "
              "WHERE minute >= ? AND minute < ? AND updated_at_ms >= ? AND updated_at_ms < ? "
              "GROUP BY node, slot"_s);
    q.addBindValue(floorDiv(fromMs, MinuteMs));
    q.addBindValue(floorDiv(toMs - 1, MinuteMs) + 1);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (q.exec()) {
        while (q.next())
            add(q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(),
                q.value(3).toLongLong(), q.value(4).toLongLong());
    } else {
        fail(q);
    }
    out.reserve(byNode.size());
    for (auto it = byNode.cbegin(); it != byNode.cend(); ++it) {
        QList<PushSlot> &slots = out[ids.value(it.key())];
        slots.reserve(qsizetype(it->size()));
        for (const auto &[start, slot] : *it)
            slots.append(slot);
    }
    return out;
}

std::optional<StoredSnapshot> HistoryStore::lastSnapshot() const
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT stored_at_ms, body FROM snapshot WHERE id = 1"_s) || !q.next())
        return std::nullopt;
    auto snapshot = SnapshotCodec::decode(q.value(1).toByteArray());
    if (!snapshot)
        return std::nullopt;
    return StoredSnapshot{*snapshot, q.value(0).toLongLong()};
}

QStringList HistoryStore::nodeIds() const
{
    QStringList ids;
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT node_id FROM nodes ORDER BY node_id"_s)) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

std::optional<qint64> HistoryStore::lastUpdatedAt(const QString &nodeId) const
{
    const auto node = nodeKey(nodeId);
    if (!node)
        return std::nullopt;
    ReadSnapshot snapshot(m_db);
    return lastPushBefore(*node, nodeId, std::numeric_limits<qint64>::max());
}

qint64 HistoryStore::sampleCount() const
{
    QSqlQuery q(m_db);
    return q.exec(u"SELECT (SELECT coalesce(sum(n), 0) FROM blocks) + "
                  "(SELECT count(*) FROM recent)"_s) &&
                   q.next()
               ? q.value(0).toLongLong()
               : -1;
}

qint64 HistoryStore::rollupCount() const
{
    // Stored roll-ups, those a raw block stands for, and the rolled-up slots still in `recent`.
    ReadSnapshot snapshot(m_db);
    m_rolledUntilMs = std::max(m_rolledUntilMs, meta(RolledUntilKey));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QHash<qint64, QByteArray> stored;
    if (!q.exec(u"SELECT id, data FROM rollups"_s))
        return -1;
    while (q.next())
        stored.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    qint64 count = 0;
    if (!q.exec(u"SELECT id, data FROM blocks"_s))
        return -1;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const HourRow row{id >> NodeBits, q.value(1).toByteArray(), stored.take(id)};
        count += hourRollups(row, u"#%1"_s.arg(id & MaxNode)).size();
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        count += HistoryBlockCodec::decodeRollups(*it, (it.key() >> NodeBits) * HourMs)
                     .value_or(QList<HistoryRollup>{})
                     .size();
    }
    q.prepare(u"SELECT count(*) FROM (SELECT 1 FROM recent WHERE updated_at_ms < ? "
              "GROUP BY node, updated_at_ms / 300000)"_s);
    q.addBindValue(m_rolledUntilMs);
    if (!q.exec() || !q.next())
        return -1;
    return count + q.value(0).toLongLong();
}

} // namespace prego
