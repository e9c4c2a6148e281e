#include "historymaintenance.h"

#include "historyblockcodec.h"
#include "historydatabase.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

HistoryMaintenance::HistoryMaintenance(HistoryDatabase &db, const HistoryStoreOptions &options)
    : m_db(db)
    , m_options(options)
{}

bool HistoryMaintenance::compactHour(qint64 hour)
{
    QSqlDatabase &db = m_db.sql();
    if (!db.transaction()) {
        m_db.setLastError(StorageError::describe(db.lastError()));
        return false;
    }
    const auto failed = [this, &db](const QSqlQuery &q) {
        m_db.fail(q);
        db.rollback();
        return false;
    };
    const qint64 firstMinute = hour * (HourMs / MinuteMs);
    const qint64 endMinute = firstMinute + HourMs / MinuteMs;
    std::map<qint64, QList<HistorySample>> byNode; // rowid order: the inserts below append
    {
        // Up to 600,000 rows at 10,000 nodes: read through SQLite's API, as ingest writes them.
        sqlite3 *handle = m_db.sqliteHandle();
        sqlite3_stmt *stmt = nullptr;
        if (!handle ||
            sqlite3_prepare_v2(handle,
                               "SELECT node, updated_at_ms, cpu, mem, disk, tenants FROM recent "
                               "WHERE minute >= ? AND minute < ?",
                               -1, &stmt, nullptr) != SQLITE_OK) {
            m_db.setLastError(handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                     : u"no SQLite handle"_s);
            db.rollback();
            return false;
        }
        const auto real = [stmt](int column) -> std::optional<double> {
            switch (sqlite3_column_type(stmt, column)) {
            case SQLITE_NULL:
                return std::nullopt;
            case SQLITE_INTEGER: // see HistoryLayout::toStored()
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
            m_db.setLastError(QString::fromUtf8(sqlite3_errmsg(handle)));
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) {
            db.rollback();
            return false;
        }
    }
    {
        // Blocks of this hour should not exist yet; if one does, nothing in it is lost.
        QSqlQuery q(db);
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
                m_db.reportDamage(u"#%1"_s.arg(node), hour);
        }
    }
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR REPLACE INTO blocks(id, n, data) VALUES(?, ?, ?)"_s);
    for (auto &[node, samples] : byNode) {
        sortUnique(samples);
        insert.bindValue(0, rowId(hour, node));
        insert.bindValue(1, qint64(samples.size()));
        insert.bindValue(2, HistoryBlockCodec::encodeBlock(samples));
        if (!insert.exec())
            return failed(insert);
    }
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM recent WHERE minute >= ? AND minute < ?"_s);
    remove.addBindValue(firstMinute);
    remove.addBindValue(endMinute);
    if (!remove.exec())
        return failed(remove);
    const qint64 compacted = std::max(m_db.compactedUntilMs(), (hour + 1) * HourMs);
    if (!m_db.setMeta(HistoryDatabase::CompactedUntilKey, compacted) || !db.commit()) {
        db.rollback();
        return false;
    }
    m_db.setCompactedUntilMs(compacted);
    return true;
}

qint64 HistoryMaintenance::countSlots(qint64 fromMs, qint64 toMs) const
{
    if (toMs <= fromMs)
        return 0;
    qint64 count = 0;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(
        u"SELECT count(*) FROM (SELECT 1 FROM recent WHERE minute >= ? AND minute < ? "
        "AND updated_at_ms >= ? AND updated_at_ms < ? GROUP BY node, updated_at_ms / 300000)"_s);
    static_assert(HistoryStore::RollupSlotMs == 300000, "the SQL above hard-codes the slot length");
    q.addBindValue(floorDiv(fromMs, MinuteMs));
    q.addBindValue(floorDiv(toMs - 1, MinuteMs) + 1);
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec() || !q.next()) {
        m_db.fail(q);
        return -1;
    }
    count += q.value(0).toLongLong();
    q.finish();
    // Late samples merged into compacted hours.
    const qint64 compactedUntil = m_db.compactedUntilMs();
    if (fromMs < compactedUntil) {
        q.prepare(u"SELECT data FROM blocks WHERE id >= ? AND id < ?"_s);
        q.addBindValue(rowId(floorDiv(fromMs, HourMs), 0));
        q.addBindValue(rowId(floorDiv(std::min(toMs, compactedUntil) - 1, HourMs) + 1, 0));
        if (!q.exec()) {
            m_db.fail(q);
            return -1;
        }
        while (q.next()) {
            const auto samples = HistoryBlockCodec::decodeBlock(q.value(0).toByteArray());
            for (const HistoryRollup &r :
                 HistoryBlockCodec::rollUp(samples.value_or(QList<HistorySample>{})))
                count +=
                    r.slotStartMs >= fromMs && r.slotStartMs + HistoryStore::RollupSlotMs <= toMs;
        }
    }
    return count;
}

int HistoryMaintenance::rollUp(qint64 nowMs)
{
    const qint64 until = FreshnessHeatmap::slotStart(nowMs);
    qint64 from = m_db.rolledUntilMs();
    if (const auto dirtyFrom = m_db.dirtyFromMs())
        from = std::min(from, FreshnessHeatmap::slotStart(*dirtyFrom));
    const qint64 written = countSlots(from, until);
    if (written < 0)
        return -1;

    // An hour is compacted once it closed at least a slot ago: pushes that arrive a little late
    // still find it open.
    const qint64 closeUntil = floorDiv(until - HistoryStore::RollupSlotMs, HourMs) * HourMs;
    for (;;) {
        QSqlQuery q(m_db.sql());
        if (!q.exec(u"SELECT min(minute) FROM recent"_s) || !q.next()) {
            m_db.fail(q);
            return -1;
        }
        if (q.value(0).isNull() || q.value(0).toLongLong() * MinuteMs >= closeUntil)
            break;
        const qint64 hour = floorDiv(q.value(0).toLongLong() * MinuteMs, HourMs);
        q.finish();
        if (!compactHour(hour))
            return -1;
    }
    const qint64 compacted = std::max(m_db.compactedUntilMs(), closeUntil);
    const qint64 rolled = std::max(until, m_db.rolledUntilMs());
    QSqlDatabase &db = m_db.sql();
    if (!db.transaction()) {
        m_db.setLastError(StorageError::describe(db.lastError()));
        return -1;
    }
    if (!m_db.setMeta(HistoryDatabase::CompactedUntilKey, compacted) ||
        !m_db.setMeta(HistoryDatabase::RolledUntilKey, rolled) || !db.commit()) {
        db.rollback();
        return -1;
    }
    m_db.setCompactedUntilMs(compacted);
    m_db.setRolledUntilMs(rolled);
    m_db.setDirtyFromMs(std::nullopt);
    return int(written);
}

qint64 HistoryMaintenance::prune(qint64 nowMs)
{
    // Raw samples go only once they are rolled up and compacted, whole hours at a time, so a
    // long-closed console loses no roll-up.
    const qint64 rawHour =
        std::min(floorDiv(std::min(nowMs - m_options.rawRetentionMs, m_db.rolledUntilMs()), HourMs),
                 floorDiv(m_db.compactedUntilMs(), HourMs));
    const qint64 rollupHour = floorDiv(nowMs - m_options.rollupRetentionMs, HourMs);
    QSqlDatabase &db = m_db.sql();
    if (!db.transaction()) {
        m_db.setLastError(StorageError::describe(db.lastError()));
        return -1;
    }
    const auto failed = [this, &db](const QSqlQuery &q) {
        m_db.fail(q);
        db.rollback();
        return qint64(-1);
    };
    qint64 deleted = 0;
    QSqlQuery q(db);
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
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR REPLACE INTO rollups(id, slots, data) VALUES(?, ?, ?)"_s);
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 hour = id >> NodeBits;
        deleted += q.value(1).toLongLong();
        const HistoryDatabase::HourRow row{hour, q.value(2).toByteArray(), existing.value(id)};
        const QList<HistoryRollup> rollups = m_db.hourRollups(row, u"#%1"_s.arg(id & MaxNode));
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
    const qint64 rawPruned = std::max(m_db.rawPrunedUntilMs(), rawHour * HourMs);
    if (!m_db.setMeta(HistoryDatabase::RawPrunedUntilKey, rawPruned) || !db.commit()) {
        m_db.setLastError(StorageError::describe(db.lastError()));
        db.rollback();
        return -1;
    }
    m_db.setRawPrunedUntilMs(rawPruned);
    return deleted;
}

} // namespace prego
