#include "historystore.h"

#include "snapshotcodec.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>
#include <cmath>
#include <limits>

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

// Percentages as integer per-mille: 2 bytes on disk instead of an 8-byte REAL.
QVariant toMille(const std::optional<double> &v)
{
    if (!v || std::isnan(*v))
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(qint64(std::llround(*v * 10.0)));
}

std::optional<double> fromMille(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toDouble() / 10.0;
}

QVariant toInt(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> intFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<double> realFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// The v1 layout, kept verbatim: a fresh file walks the whole ladder, so the migration to v2 runs
// on every new database and cannot rot.
const char *const SchemaV1[] = {
    "CREATE TABLE samples(node_id TEXT NOT NULL, updated_at_ms INTEGER NOT NULL, cpu REAL, "
    "mem REAL, disk REAL, tenants INTEGER, PRIMARY KEY(node_id, updated_at_ms)) WITHOUT ROWID",
    "CREATE TABLE snapshot(id INTEGER PRIMARY KEY CHECK(id = 1), server_time_ms INTEGER NOT "
    "NULL, stored_at_ms INTEGER NOT NULL, body BLOB NOT NULL)",
};

// v2: node ids interned to small integers, percentages as per-mille integers (a sample shrinks
// from ~70 to ~30 bytes on disk), 5-minute roll-ups and a meta table.
const char *const MigrateV1ToV2[] = {
    "CREATE TABLE nodes(node INTEGER PRIMARY KEY, node_id TEXT NOT NULL UNIQUE)",
    "INSERT INTO nodes(node_id) SELECT DISTINCT node_id FROM samples ORDER BY node_id",
    "CREATE TABLE samples_v2(node INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL, "
    "cpu INTEGER, mem INTEGER, disk INTEGER, tenants INTEGER, "
    "PRIMARY KEY(node, updated_at_ms)) WITHOUT ROWID",
    "INSERT INTO samples_v2 SELECT n.node, s.updated_at_ms, CAST(round(s.cpu * 10) AS INTEGER), "
    "CAST(round(s.mem * 10) AS INTEGER), CAST(round(s.disk * 10) AS INTEGER), s.tenants "
    "FROM samples s JOIN nodes n ON n.node_id = s.node_id",
    "DROP TABLE samples",
    "ALTER TABLE samples_v2 RENAME TO samples",
    "CREATE TABLE rollups_5m(node INTEGER NOT NULL, slot_start_ms INTEGER NOT NULL, "
    "n INTEGER NOT NULL, first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL, "
    "cpu_min INTEGER, cpu_max INTEGER, cpu_avg INTEGER, mem_min INTEGER, mem_max INTEGER, "
    "mem_avg INTEGER, disk_min INTEGER, disk_max INTEGER, disk_avg INTEGER, "
    "tenants_min INTEGER, tenants_max INTEGER, tenants_avg REAL, "
    "PRIMARY KEY(node, slot_start_ms)) WITHOUT ROWID",
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID",
};

const auto RolledUntilKey = u"rolled_until_ms"_s;

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
    return a;
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
    m_lastError = query.lastError().text();
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
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
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
    for (const auto *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
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
        if (!migrate(version, result))
            return OpenOutcome::Failed;
    }
    m_rolledUntilMs = 0;
    if (q.exec(u"SELECT value FROM meta WHERE key = '%1'"_s.arg(RolledUntilKey)) && q.next())
        m_rolledUntilMs = q.value(0).toLongLong();
    return OpenOutcome::Ok;
}

bool HistoryStore::migrate(int from, HistoryOpenResult *result)
{
    if (from > 0)
        result->migratedFromVersion = from;
    for (int version = from; version < SchemaVersion; ++version) {
        if (!m_db.transaction()) {
            m_lastError = m_db.lastError().text();
            return false;
        }
        bool ok = true;
        if (version == 0) {
            for (const char *sql : SchemaV1)
                ok = ok && exec(QString::fromLatin1(sql));
        } else if (version == 1) {
            for (const char *sql : MigrateV1ToV2)
                ok = ok && exec(QString::fromLatin1(sql));
        }
        ok = ok && exec(u"PRAGMA user_version = %1"_s.arg(version + 1));
        if (!ok || !m_db.commit()) {
            if (m_lastError.isEmpty())
                m_lastError = m_db.lastError().text();
            m_db.rollback();
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
        result.error = m_db.lastError().text();
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

    // Rows go in batches of one multi-row INSERT: Qt Sql's cost is per statement executed, and
    // a poll of 10,000 nodes must stay well under 50 ms on the worker thread.
    constexpr qsizetype Batch = 64;
    const auto statement = [](qsizetype rows) {
        QString sql =
            u"INSERT OR IGNORE INTO samples(node, updated_at_ms, cpu, mem, disk, tenants) "
            "VALUES"_s;
        for (qsizetype i = 0; i < rows; ++i)
            sql += i ? u",(?,?,?,?,?,?)"_s : u"(?,?,?,?,?,?)"_s;
        return sql;
    };
    QSqlQuery full(m_db);
    if (samples.size() >= Batch)
        full.prepare(statement(Batch));
    std::optional<qint64> earliest;
    for (qsizetype at = 0; at < samples.size(); at += Batch) {
        const qsizetype rows = std::min(Batch, samples.size() - at);
        QSqlQuery tail(m_db);
        QSqlQuery &insert = rows == Batch ? full : tail;
        if (rows != Batch)
            tail.prepare(statement(rows));
        qint64 batchEarliest = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < rows; ++i) {
            const HistorySample &s = samples.at(at + i);
            const qint64 node = ensureNodeKey(s.nodeId);
            if (node < 0)
                return abort(m_lastError);
            const int b = int(i * 6);
            insert.bindValue(b, node);
            insert.bindValue(b + 1, s.updatedAtMs);
            insert.bindValue(b + 2, toMille(s.cpuPct));
            insert.bindValue(b + 3, toMille(s.memoryPct));
            insert.bindValue(b + 4, toMille(s.diskPct));
            insert.bindValue(b + 5, toInt(s.tenantCount));
            batchEarliest = std::min(batchEarliest, s.updatedAtMs);
        }
        if (!insert.exec())
            return abort(insert.lastError().text());
        if (const int added = insert.numRowsAffected(); added > 0) {
            result.inserted += added;
            earliest = std::min(earliest.value_or(batchEarliest), batchEarliest);
        }
    }
    if (snapshot) {
        QSqlQuery q(m_db);
        q.prepare(u"INSERT OR REPLACE INTO snapshot(id, server_time_ms, stored_at_ms, body) "
                  "VALUES(1, ?, ?, ?)"_s);
        q.addBindValue(snapshot->serverTimeMs);
        q.addBindValue(storedAtMs);
        q.addBindValue(SnapshotCodec::encode(*snapshot));
        if (!q.exec())
            return abort(q.lastError().text());
        result.snapshotStored = true;
    }
    if (!m_db.commit())
        return abort(m_db.lastError().text());
    // A late sample inside an already rolled-up slot: that slot is rolled up again next time.
    if (earliest && *earliest < m_rolledUntilMs)
        m_dirtyFromMs = std::min(m_dirtyFromMs.value_or(*earliest), *earliest);
    return result;
}

int HistoryStore::rollUp(qint64 nowMs)
{
    const qint64 until = FreshnessHeatmap::slotStart(nowMs);
    qint64 from = m_rolledUntilMs;
    if (m_dirtyFromMs)
        from = std::min(from, FreshnessHeatmap::slotStart(*m_dirtyFromMs));
    if (until <= from)
        return 0;
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        return -1;
    }
    // Driven from `nodes` so SQLite walks each node's primary-key range instead of scanning
    // every sample.
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO rollups_5m "
              "SELECT n.node, (s.updated_at_ms / 300000) * 300000 AS slot, count(*), "
              "min(s.updated_at_ms), max(s.updated_at_ms), "
              "min(s.cpu), max(s.cpu), CAST(round(avg(s.cpu)) AS INTEGER), "
              "min(s.mem), max(s.mem), CAST(round(avg(s.mem)) AS INTEGER), "
              "min(s.disk), max(s.disk), CAST(round(avg(s.disk)) AS INTEGER), "
              "min(s.tenants), max(s.tenants), avg(s.tenants) "
              "FROM nodes n JOIN samples s ON s.node = n.node "
              "AND s.updated_at_ms >= ? AND s.updated_at_ms < ? "
              "GROUP BY n.node, slot"_s);
    static_assert(RollupSlotMs == 300000, "the SQL above hard-codes the slot length");
    q.addBindValue(from);
    q.addBindValue(until);
    if (!q.exec()) {
        fail(q);
        m_db.rollback();
        return -1;
    }
    const int written = q.numRowsAffected();
    if (!setMeta(RolledUntilKey, std::max(until, m_rolledUntilMs)) || !m_db.commit()) {
        m_db.rollback();
        return -1;
    }
    m_rolledUntilMs = std::max(until, m_rolledUntilMs);
    m_dirtyFromMs.reset();
    return written;
}

qint64 HistoryStore::prune(qint64 nowMs)
{
    // Raw samples go only once they are rolled up, so a long-closed console loses no roll-up.
    const qint64 rawCutoff = std::min(nowMs - m_options.rawRetentionMs, m_rolledUntilMs);
    const qint64 rollupCutoff = nowMs - m_options.rollupRetentionMs;
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        return -1;
    }
    qint64 deleted = 0;
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM samples WHERE node IN (SELECT node FROM nodes) "
              "AND updated_at_ms < ?"_s);
    q.addBindValue(rawCutoff);
    bool ok = q.exec();
    deleted += ok ? q.numRowsAffected() : 0;
    if (ok) {
        q.prepare(u"DELETE FROM rollups_5m WHERE node IN (SELECT node FROM nodes) "
                  "AND slot_start_ms < ?"_s);
        q.addBindValue(rollupCutoff);
        ok = q.exec();
        deleted += ok ? q.numRowsAffected() : 0;
    }
    if (!ok) {
        fail(q);
        m_db.rollback();
        return -1;
    }
    if (!m_db.commit()) {
        m_lastError = m_db.lastError().text();
        m_db.rollback();
        return -1;
    }
    return deleted;
}

QList<HistorySample> HistoryStore::rawSamples(qint64 node, const QString &nodeId, qint64 fromMs,
                                              qint64 toMs) const
{
    QList<HistorySample> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT updated_at_ms, cpu, mem, disk, tenants FROM samples "
              "WHERE node = ? AND updated_at_ms >= ? AND updated_at_ms < ? "
              "ORDER BY updated_at_ms"_s);
    q.addBindValue(node);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        out.append({nodeId, q.value(0).toLongLong(), fromMille(q.value(1)), fromMille(q.value(2)),
                    fromMille(q.value(3)), intFrom(q.value(4))});
    }
    return out;
}

QList<HistorySample> HistoryStore::samples(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    const auto node = nodeKey(nodeId);
    return node ? rawSamples(*node, nodeId, fromMs, toMs) : QList<HistorySample>{};
}

QList<HistoryRollup> HistoryStore::rollups(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    QList<HistoryRollup> out;
    const auto node = nodeKey(nodeId);
    if (!node)
        return out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT slot_start_ms, n, first_ms, last_ms, cpu_min, cpu_max, cpu_avg, "
              "mem_min, mem_max, mem_avg, disk_min, disk_max, disk_avg, "
              "tenants_min, tenants_max, tenants_avg FROM rollups_5m "
              "WHERE node = ? AND slot_start_ms >= ? AND slot_start_ms < ? "
              "ORDER BY slot_start_ms"_s);
    q.addBindValue(*node);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec()) {
        fail(q);
        return out;
    }
    while (q.next()) {
        HistoryRollup r;
        r.slotStartMs = q.value(0).toLongLong();
        r.pushes = q.value(1).toInt();
        r.firstMs = q.value(2).toLongLong();
        r.lastMs = q.value(3).toLongLong();
        r.cpu = aggregate(q, 4, true);
        r.memory = aggregate(q, 7, true);
        r.disk = aggregate(q, 10, true);
        r.tenants = aggregate(q, 13, false);
        out.append(r);
    }
    return out;
}

HistorySeries HistoryStore::series(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    HistorySeries series;
    const auto node = nodeKey(nodeId);
    if (!node)
        return series;

    // The push before the window, so a gap that began before it is still shaded.
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT max(updated_at_ms) FROM samples WHERE node = ? AND updated_at_ms < ?"_s);
        q.addBindValue(*node);
        q.addBindValue(fromMs);
        if (q.exec() && q.next() && !q.value(0).isNull()) {
            series.pushTimesMs.append(q.value(0).toLongLong());
        } else {
            q.prepare(
                u"SELECT max(last_ms) FROM rollups_5m WHERE node = ? AND slot_start_ms < ?"_s);
            q.addBindValue(*node);
            q.addBindValue(fromMs);
            if (q.exec() && q.next() && !q.value(0).isNull())
                series.pushTimesMs.append(q.value(0).toLongLong());
        }
    }

    qint64 rawFrom = fromMs;
    if (toMs - fromMs > RawRangeLimitMs && m_rolledUntilMs > fromMs) {
        series.fromRollups = true;
        const qint64 rolledTo = std::min(toMs, m_rolledUntilMs);
        // Slots are merged into buckets so that a range yields at most ~MaxRollupBuckets of them:
        // no chart is wider than that, and every value Qt Sql hands over costs time. Merging
        // keeps each bucket's min and max (peaks survive); gaps shorter than a bucket do not
        // show at that zoom anyway.
        const qint64 slots = (rolledTo - fromMs + RollupSlotMs - 1) / RollupSlotMs;
        const qint64 bucketMs =
            RollupSlotMs * std::max<qint64>(1, (slots + MaxRollupBuckets - 1) / MaxRollupBuckets);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT min(first_ms), max(last_ms), min(cpu_min), max(cpu_max), "
                  "min(mem_min), max(mem_max), min(disk_min), max(disk_max), "
                  "min(tenants_min), max(tenants_max) FROM rollups_5m "
                  "WHERE node = ? AND slot_start_ms >= ? AND slot_start_ms < ? "
                  "GROUP BY slot_start_ms / ? ORDER BY 1"_s);
        q.addBindValue(*node);
        q.addBindValue(fromMs);
        q.addBindValue(rolledTo);
        q.addBindValue(bucketMs);
        if (!q.exec())
            fail(q);
        while (q.next()) {
            // Each bucket's extremes at its first and last push: thinning keeps them.
            const qint64 first = q.value(0).toLongLong();
            const qint64 last = q.value(1).toLongLong();
            series.samples.append({nodeId, first, fromMille(q.value(2)), fromMille(q.value(4)),
                                   fromMille(q.value(6)), intFrom(q.value(8))});
            series.pushTimesMs.append(first);
            if (last != first) {
                series.samples.append({nodeId, last, fromMille(q.value(3)), fromMille(q.value(5)),
                                       fromMille(q.value(7)), intFrom(q.value(9))});
                series.pushTimesMs.append(last);
            }
        }
        rawFrom = rolledTo;
    }
    const QList<HistorySample> raw = rawSamples(*node, nodeId, rawFrom, toMs);
    for (const HistorySample &s : raw) {
        series.samples.append(s);
        series.pushTimesMs.append(s.updatedAtMs);
    }
    return series;
}

QHash<QString, QList<PushSlot>> HistoryStore::pushSlots(qint64 fromMs, qint64 toMs) const
{
    // Fleet-wide and so the largest read: rows carry the node's integer key in primary-key order,
    // and each node's id string is looked up once, not per row.
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
    out.reserve(ids.size());
    const auto collect = [&](QSqlQuery &q) {
        qint64 current = -1;
        QList<PushSlot> *slots = nullptr;
        while (q.next()) {
            const qint64 node = q.value(0).toLongLong();
            if (node != current || !slots) {
                current = node;
                slots = &out[ids.value(node)];
            }
            slots->append({q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toLongLong(),
                           q.value(4).toLongLong()});
        }
    };
    const qint64 rolledTo = std::clamp(m_rolledUntilMs, fromMs, toMs);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT n.node, r.slot_start_ms, r.n, r.first_ms, r.last_ms "
              "FROM nodes n JOIN rollups_5m r ON r.node = n.node "
              "AND r.slot_start_ms >= ? AND r.slot_start_ms < ? "
              "ORDER BY n.node, r.slot_start_ms"_s);
    q.addBindValue(fromMs);
    q.addBindValue(rolledTo);
    if (q.exec())
        collect(q);
    else
        fail(q);
    // What is not rolled up yet comes from the raw samples.
    q.prepare(u"SELECT n.node, (s.updated_at_ms / 300000) * 300000 AS slot, count(*), "
              "min(s.updated_at_ms), max(s.updated_at_ms) "
              "FROM nodes n JOIN samples s ON s.node = n.node "
              "AND s.updated_at_ms >= ? AND s.updated_at_ms < ? "
              "GROUP BY n.node, slot ORDER BY n.node, slot"_s);
    q.addBindValue(rolledTo);
    q.addBindValue(toMs);
    if (q.exec())
        collect(q);
    else
        fail(q);
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
    QSqlQuery q(m_db);
    q.prepare(u"SELECT max(updated_at_ms) FROM samples WHERE node = ?"_s);
    q.addBindValue(*node);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 HistoryStore::sampleCount() const
{
    QSqlQuery q(m_db);
    return q.exec(u"SELECT count(*) FROM samples"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 HistoryStore::rollupCount() const
{
    QSqlQuery q(m_db);
    return q.exec(u"SELECT count(*) FROM rollups_5m"_s) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace prego
