#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace prego {

// What one node did in one 5-minute slot: the storage keeps this per slot (roll-ups), so a
// fleet-wide heatmap never has to read every raw sample.
struct PushSlot
{
    qint64 slotStartMs = 0;
    int pushes = 0;
    qint64 firstMs = 0; // first push in the slot
    qint64 lastMs = 0;  // last push in the slot

    bool operator==(const PushSlot &) const = default;
};

// The state of one heatmap cell. Colors belong to the view; these are the facts.
enum class HeatCell : quint8 {
    NoData,  // before the node's first known push (or history does not reach back that far)
    OnTime,  // a push arrived and the one before it was within the stale threshold
    Late,    // a push arrived, but the gap before the slot's first push exceeded the threshold
    NoPush,  // no push in this slot
    Pending, // the slot in progress: no push yet, but the node is not overdue
};

struct HeatmapRow
{
    QString nodeId;
    QList<HeatCell> cells; // FreshnessHeatmap::SlotCount, oldest first
    int noPush = 0;
    int late = 0;
};

struct Heatmap
{
    qint64 firstSlotStartMs = 0; // start of column 0; column i starts at first + i × SlotMs
    QList<HeatmapRow> rows;      // worst first
};

// The fleet freshness heatmap (console.md): one row per node, one column per 5-minute slot of
// the last 24 h, slots aligned to multiples of 5 minutes since the epoch (as the roll-ups are).
class FreshnessHeatmap
{
public:
    static constexpr qint64 SlotMs = 5 * 60 * 1000;
    static constexpr int SlotCount = 24 * 12;

    static qint64 slotStart(qint64 ms);
    // Column 0's start for a heatmap ending with the slot that contains nowMs.
    static qint64 firstSlotStart(qint64 nowMs);
    // Groups sorted push times into slots (for callers that hold raw times, and for tests).
    static QList<PushSlot> slotsFromPushes(const QList<qint64> &sortedPushTimesMs);

    // One node's row. `slots` are sorted by slotStartMs and may begin before the window: the last
    // push before it decides whether the first push inside is late.
    static HeatmapRow row(const QString &nodeId, const QList<PushSlot> &slots, qint64 nowMs,
                          qint64 staleAfterMs);
    // Every node's row, sorted worst first: most slots without a push, then most late slots,
    // then node id.
    static Heatmap build(const QHash<QString, QList<PushSlot>> &slotsByNode, qint64 nowMs,
                         qint64 staleAfterMs);
};

} // namespace prego
