#include "freshnessheatmap.h"

#include <algorithm>

namespace prego {

qint64 FreshnessHeatmap::slotStart(qint64 ms)
{
    // Floor division: pre-epoch times (never expected) still land in the right slot.
    const qint64 q = ms / SlotMs;
    return (ms % SlotMs < 0 ? q - 1 : q) * SlotMs;
}

qint64 FreshnessHeatmap::firstSlotStart(qint64 nowMs)
{
    return slotStart(nowMs) - (SlotCount - 1) * SlotMs;
}

QList<PushSlot> FreshnessHeatmap::slotsFromPushes(const QList<qint64> &sortedPushTimesMs)
{
    QList<PushSlot> slots;
    for (const qint64 t : sortedPushTimesMs) {
        const qint64 start = slotStart(t);
        if (slots.isEmpty() || slots.last().slotStartMs != start)
            slots.append({start, 1, t, t});
        else {
            ++slots.last().pushes;
            slots.last().lastMs = t;
        }
    }
    return slots;
}

HeatmapRow FreshnessHeatmap::row(const QString &nodeId, const QList<PushSlot> &slots, qint64 nowMs,
                                 qint64 staleAfterMs)
{
    HeatmapRow row;
    row.nodeId = nodeId;
    row.cells.resize(SlotCount, HeatCell::NoData);
    const qint64 first = firstSlotStart(nowMs);

    std::optional<qint64> previousPush;
    qsizetype i = 0;
    for (; i < slots.size() && slots.at(i).slotStartMs < first; ++i) {
        if (slots.at(i).pushes > 0)
            previousPush = slots.at(i).lastMs;
    }
    for (int column = 0; column < SlotCount; ++column) {
        const qint64 start = first + column * SlotMs;
        while (i < slots.size() && slots.at(i).slotStartMs < start)
            ++i; // unaligned input: skip what cannot belong to a column
        HeatCell cell = HeatCell::NoData;
        if (i < slots.size() && slots.at(i).slotStartMs == start && slots.at(i).pushes > 0) {
            const PushSlot &s = slots.at(i++);
            const bool late = previousPush && s.firstMs - *previousPush > staleAfterMs;
            cell = late ? HeatCell::Late : HeatCell::OnTime;
            previousPush = s.lastMs;
        } else if (previousPush) {
            const bool inProgress = start + SlotMs > nowMs;
            cell = inProgress && nowMs - *previousPush <= staleAfterMs ? HeatCell::Pending
                                                                       : HeatCell::NoPush;
        }
        row.noPush += cell == HeatCell::NoPush;
        row.late += cell == HeatCell::Late;
        row.cells[column] = cell;
    }
    return row;
}

Heatmap FreshnessHeatmap::build(const QHash<QString, QList<PushSlot>> &slotsByNode, qint64 nowMs,
                                qint64 staleAfterMs)
{
    Heatmap map;
    map.firstSlotStartMs = firstSlotStart(nowMs);
    map.rows.reserve(slotsByNode.size());
    for (auto it = slotsByNode.cbegin(); it != slotsByNode.cend(); ++it)
        map.rows.append(row(it.key(), it.value(), nowMs, staleAfterMs));
    std::sort(map.rows.begin(), map.rows.end(), [](const HeatmapRow &a, const HeatmapRow &b) {
        if (a.noPush != b.noPush)
            return a.noPush > b.noPush;
        if (a.late != b.late)
            return a.late > b.late;
        return a.nodeId < b.nodeId;
    });
    return map;
}

} // namespace prego
