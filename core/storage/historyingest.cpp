#include "historyingest.h"

#include "historyblockcodec.h"
#include "historydatabase.h"
#include "snapshotcodec.h"
#include "storageerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

HistoryIngest::HistoryIngest(HistoryDatabase &db)
    : m_db(db)
{}

qint64 HistoryIngest::ensureNodeKey(const QString &nodeId)
{
    if (const auto key = m_db.nodeKey(nodeId))
        return *key;
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO nodes(node_id) VALUES(?)"_s);
    q.addBindValue(nodeId);
    if (!q.exec()) {
        m_db.fail(q);
        return -1;
    }
    const qint64 key = q.lastInsertId().toLongLong();
    if (key > MaxNode) {
        m_db.setLastError(QCoreApplication::translate(
            "prego::HistoryStore", "The history holds more nodes than it can address."));
        return -1;
    }
    m_db.cacheNodeKey(nodeId, key);
    return key;
}

HistoryIngestResult HistoryIngest::ingest(const QList<HistorySample> &samples,
                                          const NodesSnapshot *snapshot, qint64 storedAtMs)
{
    HistoryIngestResult result;
    result.offered = int(samples.size());
    if (!m_db.isOpen()) {
        result.error =
            QCoreApplication::translate("prego::HistoryStore", "The history database is not open.");
        return result;
    }
    QSqlDatabase &db = m_db.sql();
    if (!db.transaction()) {
        result.error = StorageError::describe(db.lastError());
        return result;
    }
    const auto abort = [&](const QString &detail) {
        db.rollback();
        m_db.forgetNodeKeys(); // keys handed out inside the rolled-back transaction are gone
        result.inserted = 0;
        result.snapshotStored = false;
        result.error =
            QCoreApplication::translate("prego::HistoryStore",
                                        "Samples could not be stored in the history database: %1")
                .arg(detail);
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
            return abort(m_db.lastError());
        if (s.updatedAtMs < m_db.compactedUntilMs())
            late.append({node, s});
        else
            fresh.append({node, &s});
    }

    // One prepared single-row INSERT stepped through SQLite's API: Qt Sql's binding costs more
    // per value than SQLite's insert itself (and with multi-row statements it grows with the
    // number of placeholders), and a poll of 10,000 nodes must stay well under 50 ms.
    std::optional<qint64> earliest;
    if (!fresh.isEmpty()) {
        sqlite3 *handle = m_db.sqliteHandle();
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
        return abort(m_db.lastError());
    if (result.inserted > beforeLate) {
        const qint64 first = late.first().second.updatedAtMs; // sorted by storeLate
        earliest = std::min(earliest.value_or(first), first);
    }
    if (snapshot) {
        QSqlQuery q(db);
        q.prepare(u"INSERT OR REPLACE INTO snapshot(id, server_time_ms, stored_at_ms, body) "
                  "VALUES(1, ?, ?, ?)"_s);
        q.addBindValue(snapshot->serverTimeMs);
        q.addBindValue(storedAtMs);
        q.addBindValue(SnapshotCodec::encode(*snapshot));
        if (!q.exec())
            return abort(StorageError::describe(q.lastError()));
        result.snapshotStored = true;
    }
    if (!db.commit())
        return abort(StorageError::describe(db.lastError()));
    // A late sample inside an already rolled-up slot: that slot is rolled up again next time.
    if (earliest && *earliest < m_db.rolledUntilMs())
        m_db.setDirtyFromMs(std::min(m_db.dirtyFromMs().value_or(*earliest), *earliest));
    return result;
}

bool HistoryIngest::storeLate(QList<std::pair<qint64, HistorySample>> &late,
                              HistoryIngestResult *result)
{
    std::sort(late.begin(), late.end(), [](const auto &a, const auto &b) {
        return a.second.updatedAtMs < b.second.updatedAtMs;
    });
    // One read-merge-write per (node, hour).
    std::map<qint64, QList<HistorySample>> byBlock;
    for (const auto &[node, s] : std::as_const(late)) {
        if (s.updatedAtMs < m_db.rawPrunedUntilMs())
            continue; // older than what raw retention keeps: its hour is only roll-ups now
        byBlock[rowId(floorDiv(s.updatedAtMs, HourMs), node)].append(s);
    }
    QSqlQuery read(m_db.sql());
    read.prepare(u"SELECT data FROM blocks WHERE id = ?"_s);
    QSqlQuery write(m_db.sql());
    write.prepare(u"INSERT OR REPLACE INTO blocks(id, n, data) VALUES(?, ?, ?)"_s);
    for (auto &[id, incoming] : byBlock) {
        read.bindValue(0, id);
        if (!read.exec()) {
            m_db.fail(read);
            return false;
        }
        QList<HistorySample> stored;
        if (read.next()) {
            const QByteArray bytes = read.value(0).toByteArray();
            if (auto decoded = HistoryBlockCodec::decodeBlock(bytes))
                stored = std::move(*decoded);
            else
                m_db.reportDamage(incoming.first().nodeId, id >> NodeBits); // replaced below
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
            m_db.fail(write);
            return false;
        }
    }
    return true;
}

} // namespace prego
