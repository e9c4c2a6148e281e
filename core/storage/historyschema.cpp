#include "historyschema.h"

#include "historydatabase.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

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

std::optional<double> realFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
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
} // namespace

HistorySchema::HistorySchema(HistoryDatabase &db, const HistoryStoreOptions &options)
    : m_db(db)
    , m_options(options)
{}

int HistorySchema::version() const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

HistoryOpenResult HistorySchema::open(const QString &path)
{
    m_db.close();
    m_db.setPath(path);
    HistoryOpenResult result;
    QDir().mkpath(QFileInfo(path).absolutePath());

    OpenOutcome outcome = openAndPrepare(&result);
    if (outcome == OpenOutcome::Corrupt) {
        m_db.close();
        if (!m_options.recoverCorrupt) {
            result.error = QCoreApplication::translate("prego::HistoryStore",
                                                       "The history database %1 is damaged.")
                               .arg(path);
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
            result.error = QCoreApplication::translate(
                               "prego::HistoryStore",
                               "The history database %1 is damaged and could not be moved aside.")
                               .arg(path);
            return result;
        }
        result.movedAsidePath = aside;
        result.recoveryNotice =
            QCoreApplication::translate("prego::HistoryStore",
                                        "The history database was damaged. It was moved to %1 "
                                        "and a new one was started; older charts are empty.")
                .arg(aside);
        result.migratedFromVersion = -1;
        outcome = openAndPrepare(&result);
    }
    if (outcome == OpenOutcome::NotReady) {
        m_db.close();
        result.notReady = true;
        return result;
    }
    if (outcome != OpenOutcome::Ok) {
        if (result.error.isEmpty())
            result.error =
                QCoreApplication::translate("prego::HistoryStore",
                                            "The history database %1 could not be opened: %2")
                    .arg(path, m_db.lastError());
        m_db.close();
        return result;
    }
    result.ok = true;
    return result;
}

HistorySchema::OpenOutcome HistorySchema::openAndPrepare(HistoryOpenResult *result)
{
    const QString path = m_db.path();
    QFile file(path);
    if (file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly)) {
            m_db.setLastError(file.errorString());
            return OpenOutcome::Failed;
        }
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return OpenOutcome::Corrupt;
        file.close();
    }

    QSqlDatabase &db = m_db.sql();
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_db.connectionName());
    db.setDatabaseName(path);
    db.setConnectOptions(m_options.readOnly ? u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s
                                            : u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        m_db.setLastError(StorageError::describe(db.lastError()));
        return isCorruption(db.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
    }
    QSqlQuery q(db);
    if (m_options.checkIntegrity) {
        if (!q.exec(u"PRAGMA quick_check"_s)) {
            m_db.fail(q);
            return isCorruption(q.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
        }
        if (!q.next() || q.value(0).toString() != u"ok") {
            m_db.setLastError(q.value(0).toString());
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
            m_db.fail(q);
            return isCorruption(q.lastError()) ? OpenOutcome::Corrupt : OpenOutcome::Failed;
        }
        q.finish();
    }
    const int found = version();
    if (found < 0) {
        m_db.setLastError(QCoreApplication::translate("prego::HistoryStore",
                                                      "the schema version could not be read"));
        return OpenOutcome::Corrupt;
    }
    if (found > HistoryStore::SchemaVersion) {
        result->error = QCoreApplication::translate(
                            "prego::HistoryStore",
                            "The history database %1 was written by a newer version of the "
                            "console (schema %2; this one knows %3).")
                            .arg(path)
                            .arg(found)
                            .arg(HistoryStore::SchemaVersion);
        return OpenOutcome::Failed;
    }
    if (found < HistoryStore::SchemaVersion) {
        if (m_options.readOnly)
            return OpenOutcome::NotReady; // the writer creates and migrates
        if (!migrate(found, result))
            return OpenOutcome::Failed;
    }
    m_db.loadMarks();
    return OpenOutcome::Ok;
}

bool HistorySchema::migrate(int from, HistoryOpenResult *result)
{
    if (from > 0)
        result->migratedFromVersion = from;
    QSqlDatabase &db = m_db.sql();
    for (int version = from; version < HistoryStore::SchemaVersion;) {
        if (!db.transaction()) {
            m_db.setLastError(StorageError::describe(db.lastError()));
            return false;
        }
        bool ok = true;
        int next = HistoryStore::SchemaVersion;
        if (version == 0) {
            for (const char *sql : SchemaV1)
                ok = ok && m_db.exec(QString::fromLatin1(sql));
            next = 1;
        } else {
            for (const char *sql : TablesV3)
                ok = ok && m_db.exec(QString::fromLatin1(sql));
            if (version == 1) {
                for (const char *sql : MigrateV1ToV3)
                    ok = ok && m_db.exec(QString::fromLatin1(sql));
            } else if (version == 2) {
                for (const char *sql : MigrateV2ToV3)
                    ok = ok && m_db.exec(QString::fromLatin1(sql));
                ok = ok && migrateRollupsV2() && m_db.exec(u"DROP TABLE rollups_5m"_s);
            }
        }
        ok = ok && m_db.exec(u"PRAGMA user_version = %1"_s.arg(next));
        if (!ok || !db.commit()) {
            if (m_db.lastError().isEmpty())
                m_db.setLastError(StorageError::describe(db.lastError()));
            db.rollback();
            return false;
        }
        version = next;
    }
    return true;
}

bool HistorySchema::migrateRollupsV2()
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT node, slot_start_ms, n, first_ms, last_ms, cpu_min, cpu_max, cpu_avg, "
                "mem_min, mem_max, mem_avg, disk_min, disk_max, disk_avg, tenants_min, "
                "tenants_max, tenants_avg FROM rollups_5m ORDER BY node, slot_start_ms"_s)) {
        m_db.fail(q);
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
    QSqlQuery insert(m_db.sql());
    insert.prepare(u"INSERT OR REPLACE INTO rollups(id, slots, data) VALUES(?, ?, ?)"_s);
    for (const auto &[id, rollups] : blobs) {
        insert.bindValue(0, id);
        insert.bindValue(1, qint64(rollups.size()));
        insert.bindValue(2, HistoryBlockCodec::encodeRollups((id >> NodeBits) * HourMs, rollups));
        if (!insert.exec()) {
            m_db.fail(insert);
            return false;
        }
    }
    return true;
}

} // namespace prego
