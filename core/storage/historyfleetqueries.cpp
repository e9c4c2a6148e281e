#include "historyfleetqueries.h"

#include "historyblockcodec.h"
#include "historydatabase.h"
#include "snapshotcodec.h"

#include <QSqlQuery>
#include <QVariant>

#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

namespace {
constexpr qint64 RollupSlotMs = HistoryStore::RollupSlotMs;
} // namespace

HistoryFleetQueries::HistoryFleetQueries(const HistoryDatabase &db)
    : m_db(db)
{}

QHash<QString, QList<PushSlot>> HistoryFleetQueries::pushSlots(qint64 fromMs, qint64 toMs) const
{
    // Fleet-wide and so the largest read: every stored hour in the window in rowid order, each
    // node's id string looked up once.
    QHash<qint64, QString> ids;
    {
        QSqlQuery q(m_db.sql());
        q.setForwardOnly(true);
        if (q.exec(u"SELECT node, node_id FROM nodes"_s)) {
            while (q.next())
                ids.insert(q.value(0).toLongLong(), q.value(1).toString());
        }
    }
    QHash<QString, QList<PushSlot>> out;
    if (toMs <= fromMs)
        return out;
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    QHash<qint64, std::map<qint64, PushSlot>> byNode;
    byNode.reserve(ids.size());
    const qint64 fromHour = floorDiv(fromMs, HourMs);
    const qint64 toHour = floorDiv(toMs - 1, HourMs) + 1;
    QSqlQuery q(m_db.sql());
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
                m_db.reportDamage(ids.value(node), id >> NodeBits);
                continue;
            }
            for (const HistoryRollup &r : *rollups) {
                if (r.slotStartMs >= fromMs && r.slotStartMs < toMs)
                    byNode[node][r.slotStartMs] = {r.slotStartMs, r.pushes, r.firstMs, r.lastMs};
            }
        }
    } else {
        m_db.fail(q);
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
                m_db.reportDamage(ids.value(id & MaxNode), id >> NodeBits);
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
        m_db.fail(q);
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
        m_db.fail(q);
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

std::optional<StoredSnapshot> HistoryFleetQueries::lastSnapshot() const
{
    QSqlQuery q(m_db.sql());
    if (!q.exec(u"SELECT stored_at_ms, body FROM snapshot WHERE id = 1"_s) || !q.next())
        return std::nullopt;
    auto snapshot = SnapshotCodec::decode(q.value(1).toByteArray());
    if (!snapshot)
        return std::nullopt;
    return StoredSnapshot{*snapshot, q.value(0).toLongLong()};
}

QStringList HistoryFleetQueries::nodeIds() const
{
    QStringList ids;
    QSqlQuery q(m_db.sql());
    if (q.exec(u"SELECT node_id FROM nodes ORDER BY node_id"_s)) {
        while (q.next())
            ids.append(q.value(0).toString());
    }
    return ids;
}

qint64 HistoryFleetQueries::sampleCount() const
{
    QSqlQuery q(m_db.sql());
    return q.exec(u"SELECT (SELECT coalesce(sum(n), 0) FROM blocks) + "
                  "(SELECT count(*) FROM recent)"_s) &&
                   q.next()
               ? q.value(0).toLongLong()
               : -1;
}

qint64 HistoryFleetQueries::rollupCount() const
{
    // Stored roll-ups, those a raw block stands for, and the rolled-up slots still in `recent`.
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    const qint64 rolledUntil = m_db.refreshRolledUntilMs();
    QSqlQuery q(m_db.sql());
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
        const HistoryDatabase::HourRow row{id >> NodeBits, q.value(1).toByteArray(),
                                           stored.take(id)};
        count += m_db.hourRollups(row, u"#%1"_s.arg(id & MaxNode)).size();
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        count += HistoryBlockCodec::decodeRollups(*it, (it.key() >> NodeBits) * HourMs)
                     .value_or(QList<HistoryRollup>{})
                     .size();
    }
    q.prepare(u"SELECT count(*) FROM (SELECT 1 FROM recent WHERE updated_at_ms < ? "
              "GROUP BY node, updated_at_ms / 300000)"_s);
    q.addBindValue(rolledUntil);
    if (!q.exec() || !q.next())
        return -1;
    return count + q.value(0).toLongLong();
}

} // namespace prego
