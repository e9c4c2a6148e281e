#include "historynodequeries.h"

#include "historyblockcodec.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;

namespace prego {

using namespace HistoryLayout;

namespace {
constexpr qint64 RollupSlotMs = HistoryStore::RollupSlotMs;
constexpr qint64 RawRangeLimitMs = HistoryStore::RawRangeLimitMs;
constexpr qint64 MaxRollupBuckets = HistoryStore::MaxRollupBuckets;

std::optional<qint64> intFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}
} // namespace

HistoryNodeQueries::HistoryNodeQueries(const HistoryDatabase &db)
    : m_db(db)
{}

QList<HistoryDatabase::HourRow> HistoryNodeQueries::hourRows(qint64 node, qint64 fromHour,
                                                             qint64 toHour, bool descending,
                                                             int limit) const
{
    QList<HourRow> rows;
    // Walk only the hours the tables hold.
    {
        QSqlQuery q(m_db.sql());
        if (!q.exec(u"SELECT (SELECT min(id) FROM blocks), (SELECT max(id) FROM blocks), "
                    "(SELECT min(id) FROM rollups), (SELECT max(id) FROM rollups)"_s) ||
            !q.next()) {
            m_db.fail(q);
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
    QSqlQuery q(m_db.sql());
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
        m_db.fail(q);
        return rows;
    }
    while (q.next())
        rows.append({q.value(0).toLongLong() >> NodeBits, q.value(1).toByteArray(),
                     q.value(2).toByteArray()});
    return rows;
}

QList<HistorySample> HistoryNodeQueries::recentSamples(qint64 node, const QString &nodeId,
                                                       qint64 fromMs, qint64 toMs) const
{
    QList<HistorySample> out;
    if (toMs <= fromMs)
        return out;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT (SELECT min(minute) FROM recent), (SELECT max(minute) FROM recent)"_s) ||
        !q.next()) {
        m_db.fail(q);
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
        m_db.fail(q);
        return out;
    }
    while (q.next()) {
        out.append({nodeId, q.value(0).toLongLong(), fromStored(q.value(1)), fromStored(q.value(2)),
                    fromStored(q.value(3)), intFrom(q.value(4))});
    }
    return out;
}

QList<HistorySample> HistoryNodeQueries::rawSamples(qint64 node, const QString &nodeId,
                                                    qint64 fromMs, qint64 toMs) const
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
        if (auto samples = m_db.blockSamples(row, nodeId); samples && !samples->isEmpty()) {
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

QList<HistoryRollup> HistoryNodeQueries::rollupsOf(qint64 node, const QString &nodeId,
                                                   qint64 fromMs, qint64 toMs) const
{
    // Slots starting in [fromMs, toMs): stored hours in ascending order, then `recent`.
    QList<HistoryRollup> out;
    if (toMs <= fromMs)
        return out;
    const QList<HourRow> rows =
        hourRows(node, floorDiv(fromMs, HourMs), floorDiv(toMs - 1, HourMs) + 1, false, 0);
    out.reserve(rows.size() * HistoryBlockCodec::SlotsPerHour);
    for (const HourRow &row : rows) {
        for (const HistoryRollup &r : m_db.hourRollups(row, nodeId)) {
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

std::optional<qint64> HistoryNodeQueries::lastPushBefore(qint64 node, const QString &nodeId,
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
        for (const HistoryRollup &r : m_db.hourRollups(row, nodeId)) {
            const qint64 t = r.lastMs < beforeMs ? r.lastMs : r.firstMs;
            if (t < beforeMs)
                best = std::max(best.value_or(t), t);
        }
        if (const auto samples = m_db.blockSamples(row, nodeId)) {
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

QList<HistorySample> HistoryNodeQueries::samples(const QString &nodeId, qint64 fromMs,
                                                 qint64 toMs) const
{
    const auto node = m_db.nodeKey(nodeId);
    if (!node)
        return {};
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    return rawSamples(*node, nodeId, fromMs, toMs);
}

QList<HistoryRollup> HistoryNodeQueries::rollups(const QString &nodeId, qint64 fromMs,
                                                 qint64 toMs) const
{
    const auto node = m_db.nodeKey(nodeId);
    if (!node)
        return {};
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    const qint64 rolledUntil = m_db.refreshRolledUntilMs(); // the writer moves it on
    return rollupsOf(*node, nodeId, fromMs, std::min(toMs, rolledUntil));
}

HistorySeries HistoryNodeQueries::series(const QString &nodeId, qint64 fromMs, qint64 toMs) const
{
    HistorySeries series;
    const auto node = m_db.nodeKey(nodeId);
    if (!node)
        return series;
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    const qint64 rolledUntil = m_db.refreshRolledUntilMs();

    // The push before the window, so a gap that began before it is still shaded.
    if (const auto before = lastPushBefore(*node, nodeId, fromMs))
        series.pushTimesMs.append(*before);

    qint64 rawFrom = fromMs;
    if (toMs - fromMs > RawRangeLimitMs && rolledUntil > fromMs) {
        series.fromRollups = true;
        const qint64 rolledTo = std::min(toMs, rolledUntil);
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

std::optional<qint64> HistoryNodeQueries::lastUpdatedAt(const QString &nodeId) const
{
    const auto node = m_db.nodeKey(nodeId);
    if (!node)
        return std::nullopt;
    HistoryDatabase::ReadSnapshot snapshot(m_db);
    return lastPushBefore(*node, nodeId, std::numeric_limits<qint64>::max());
}

} // namespace prego
