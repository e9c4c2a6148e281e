// FreshnessHeatmap: cell states and row order for known push times.
#include "domain/freshnessheatmap.h"

#include <gtest/gtest.h>

using namespace prego;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Sec = 1000;
constexpr qint64 Min = 60 * Sec;
constexpr qint64 Slot = FreshnessHeatmap::SlotMs;
constexpr qint64 Stale = 5 * Min;
// "Now" is 2.5 minutes into a slot, so the last column is in progress.
constexpr qint64 Now = 1'764'000'000'000 / Slot * Slot + 150 * Sec;
const qint64 First = FreshnessHeatmap::firstSlotStart(Now);

qint64 slotAt(int column)
{
    return First + column * Slot;
}

// Pushes every minute from `from` up to `to` (inclusive), skipping [holeFrom, holeTo).
QList<qint64> everyMinute(qint64 from, qint64 to, qint64 holeFrom = 0, qint64 holeTo = 0)
{
    QList<qint64> out;
    for (qint64 t = from; t <= to; t += Min) {
        if (t >= holeFrom && t < holeTo)
            continue;
        out.append(t);
    }
    return out;
}

QList<HeatCell> cells(HeatCell c, int n)
{
    return QList<HeatCell>(n, c);
}
} // namespace

TEST(FreshnessHeatmap, WindowIsTheLast24HoursInAlignedSlots)
{
    EXPECT_EQ(FreshnessHeatmap::SlotCount, 288);
    EXPECT_EQ(FreshnessHeatmap::slotStart(Now) % Slot, 0);
    EXPECT_EQ(FreshnessHeatmap::slotStart(Now), Now - 150 * Sec);
    EXPECT_EQ(First, FreshnessHeatmap::slotStart(Now) - 287 * Slot);
    const auto slots = FreshnessHeatmap::slotsFromPushes({slotAt(3), slotAt(3) + 10, slotAt(5)});
    EXPECT_EQ(slots, (QList<PushSlot>{{slotAt(3), 2, slotAt(3), slotAt(3) + 10},
                                      {slotAt(5), 1, slotAt(5), slotAt(5)}}));
}

TEST(FreshnessHeatmap, KnownPushTimesGiveKnownCells)
{
    QHash<QString, QList<PushSlot>> input;
    // Pushes every minute from before the window until now.
    input[u"a-steady"_s] = FreshnessHeatmap::slotsFromPushes(everyMinute(First - 10 * Min, Now));
    // Silent during columns 100–103: four empty slots, then a late push in column 104.
    input[u"y-holey"_s] = FreshnessHeatmap::slotsFromPushes(
        everyMinute(First - 10 * Min, Now, slotAt(100), slotAt(104)));
    // First seen in column 200.
    input[u"c-new"_s] = FreshnessHeatmap::slotsFromPushes(everyMinute(slotAt(200), Now));
    // Stopped after column 250.
    input[u"z-gone"_s] =
        FreshnessHeatmap::slotsFromPushes(everyMinute(First - 10 * Min, slotAt(251) - Min));
    // Last push 3 minutes ago, in column 286: the current column is pending, not missing.
    input[u"b-pending"_s] =
        FreshnessHeatmap::slotsFromPushes(everyMinute(First - 10 * Min, Now - 3 * Min));

    const Heatmap map = FreshnessHeatmap::build(input, Now, Stale);
    EXPECT_EQ(map.firstSlotStartMs, First);
    ASSERT_EQ(map.rows.size(), 5);
    QStringList order;
    for (const HeatmapRow &r : map.rows)
        order.append(r.nodeId);
    // Worst first (most slots without a push, then most late), then by id.
    EXPECT_EQ(order,
              (QStringList{u"z-gone"_s, u"y-holey"_s, u"a-steady"_s, u"b-pending"_s, u"c-new"_s}));

    const auto row = [&](const QString &id) {
        for (const HeatmapRow &r : map.rows)
            if (r.nodeId == id)
                return r;
        return HeatmapRow{};
    };
    EXPECT_EQ(row(u"a-steady"_s).cells, cells(HeatCell::OnTime, 288));

    const HeatmapRow holey = row(u"y-holey"_s);
    EXPECT_EQ(holey.cells.mid(0, 100), cells(HeatCell::OnTime, 100));
    EXPECT_EQ(holey.cells.mid(100, 4), cells(HeatCell::NoPush, 4));
    EXPECT_EQ(holey.cells.at(104), HeatCell::Late); // 21 minutes since the push before
    EXPECT_EQ(holey.cells.mid(105), cells(HeatCell::OnTime, 183));
    EXPECT_EQ(holey.noPush, 4);
    EXPECT_EQ(holey.late, 1);

    const HeatmapRow fresh = row(u"c-new"_s);
    EXPECT_EQ(fresh.cells.mid(0, 200), cells(HeatCell::NoData, 200));
    EXPECT_EQ(fresh.cells.mid(200), cells(HeatCell::OnTime, 88)); // a first push is never late

    const HeatmapRow gone = row(u"z-gone"_s);
    EXPECT_EQ(gone.cells.mid(0, 251), cells(HeatCell::OnTime, 251));
    EXPECT_EQ(gone.cells.mid(251), cells(HeatCell::NoPush, 37)); // overdue now: not pending
    EXPECT_EQ(gone.noPush, 37);

    const HeatmapRow pending = row(u"b-pending"_s);
    EXPECT_EQ(pending.cells.mid(0, 287), cells(HeatCell::OnTime, 287));
    EXPECT_EQ(pending.cells.at(287), HeatCell::Pending);
    EXPECT_EQ(pending.noPush, 0);
}

TEST(FreshnessHeatmap, SlowPushersAreLateEverySlotTheyPushIn)
{
    // Every 10 minutes with a 5-minute threshold: pushes alternate with empty slots, and every
    // push after the first comes after a gap longer than the threshold.
    QList<qint64> pushes;
    for (qint64 t = slotAt(0) + Min; t < Now; t += 10 * Min)
        pushes.append(t);
    const HeatmapRow r =
        FreshnessHeatmap::row(u"slow"_s, FreshnessHeatmap::slotsFromPushes(pushes), Now, Stale);
    EXPECT_EQ(r.cells.at(0), HeatCell::OnTime);
    EXPECT_EQ(r.cells.at(1), HeatCell::NoPush);
    EXPECT_EQ(r.cells.at(2), HeatCell::Late);
    EXPECT_EQ(r.noPush, 144);
    EXPECT_EQ(r.late, 143);
    // The same node under a 15-minute threshold is never late.
    EXPECT_EQ(
        FreshnessHeatmap::row(u"slow"_s, FreshnessHeatmap::slotsFromPushes(pushes), Now, 15 * Min)
            .late,
        0);
}

TEST(FreshnessHeatmap, NoPushesAtAllIsAllNoData)
{
    const HeatmapRow r = FreshnessHeatmap::row(u"never"_s, {}, Now, Stale);
    EXPECT_EQ(r.cells, cells(HeatCell::NoData, 288));
    EXPECT_EQ(r.noPush, 0);
}
