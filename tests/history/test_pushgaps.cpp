// PushGaps: the intervals a chart shades because pushes stopped for longer than the threshold.
#include "domain/pushgaps.h"

#include <gtest/gtest.h>

using namespace prego;

namespace {
constexpr qint64 Min = 60 * 1000;
constexpr qint64 T0 = 1'764'000'000'000; // an arbitrary server time
} // namespace

TEST(PushGaps, KnownGapsAreShadedWholeAndClipped)
{
    // Pushes every minute, except a 12-minute hole after minute 10 and a 6-minute one after 30.
    QList<qint64> pushes;
    for (int m = 0; m <= 10; ++m)
        pushes.append(T0 + m * Min);
    for (int m = 22; m <= 30; ++m)
        pushes.append(T0 + m * Min);
    for (int m = 36; m <= 40; ++m)
        pushes.append(T0 + m * Min);
    const qint64 stale = 5 * Min;
    // Now = minute 41: the last push is 1 minute old, no trailing gap.
    EXPECT_EQ(PushGaps::find(pushes, T0, T0 + 41 * Min, stale),
              (QList<TimeSpan>{{T0 + 10 * Min, T0 + 22 * Min}, {T0 + 30 * Min, T0 + 36 * Min}}));
    // A threshold of 6 minutes: the 6-minute gap is not longer than it.
    EXPECT_EQ(PushGaps::find(pushes, T0, T0 + 41 * Min, 6 * Min),
              (QList<TimeSpan>{{T0 + 10 * Min, T0 + 22 * Min}}));
    // Now = minute 50: 10 minutes since the last push, a trailing gap up to now.
    EXPECT_EQ(PushGaps::find(pushes, T0, T0 + 50 * Min, stale),
              (QList<TimeSpan>{{T0 + 10 * Min, T0 + 22 * Min},
                               {T0 + 30 * Min, T0 + 36 * Min},
                               {T0 + 40 * Min, T0 + 50 * Min}}));
    // A window starting inside the first gap clips it.
    EXPECT_EQ(PushGaps::find(pushes, T0 + 15 * Min, T0 + 33 * Min, stale),
              (QList<TimeSpan>{{T0 + 15 * Min, T0 + 22 * Min}, {T0 + 30 * Min, T0 + 33 * Min}}));
}

TEST(PushGaps, ExactlyTheThresholdIsNotAGap)
{
    const qint64 stale = 5 * Min;
    EXPECT_TRUE(
        PushGaps::find({T0, T0 + stale, T0 + 2 * stale}, T0, T0 + 2 * stale, stale).isEmpty());
    EXPECT_EQ(PushGaps::find({T0, T0 + stale + 1}, T0, T0 + stale + 1, stale),
              (QList<TimeSpan>{{T0, T0 + stale + 1}}));
}

TEST(PushGaps, NothingIsSaidWithoutPushesOrBeforeTheFirst)
{
    EXPECT_TRUE(PushGaps::find({}, T0, T0 + 60 * Min, 5 * Min).isEmpty());
    // History starts at minute 30 of the window: no gap is invented before it.
    EXPECT_TRUE(PushGaps::find({T0 + 30 * Min}, T0, T0 + 31 * Min, 5 * Min).isEmpty());
    // A gap that began before the window (the caller passes the push before it).
    EXPECT_EQ(PushGaps::find({T0 - 20 * Min, T0 + 5 * Min}, T0, T0 + 6 * Min, 5 * Min),
              (QList<TimeSpan>{{T0, T0 + 5 * Min}}));
}

TEST(PushGaps, TheLineIsCutAtEveryGapAndNowhereElse)
{
    // Points every minute from 0 to 10, 22 to 30 and one lone push at 36, with the gaps find()
    // returns for them: the line has three runs, the last a single point.
    QList<QPointF> points;
    QList<qint64> pushes;
    for (int m : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22, 23, 24, 25, 26, 27, 28, 29, 30, 36}) {
        points.append(QPointF(double(T0 + m * Min), double(m)));
        pushes.append(T0 + m * Min);
    }
    const QList<TimeSpan> gaps = PushGaps::find(pushes, T0, T0 + 37 * Min, 5 * Min);
    ASSERT_EQ(gaps.size(), 2);
    const QList<QList<QPointF>> runs = PushGaps::splitAtGaps(points, gaps);
    ASSERT_EQ(runs.size(), 3);
    EXPECT_EQ(runs.at(0).size(), 11);
    EXPECT_EQ(runs.at(0).last().y(), 10.0); // the push that opens the gap ends the run
    EXPECT_EQ(runs.at(1).first().y(), 22.0);
    EXPECT_EQ(runs.at(1).last().y(), 30.0);
    EXPECT_EQ(runs.at(2), (QList<QPointF>{QPointF(double(T0 + 36 * Min), 36.0)}));
    // No gaps: one run with every point; no points: no run.
    EXPECT_EQ(PushGaps::splitAtGaps(points, {}), (QList<QList<QPointF>>{points}));
    EXPECT_TRUE(PushGaps::splitAtGaps({}, gaps).isEmpty());
}

TEST(PushGaps, AMetricMissingAtAGapsEdgeStillCutsTheSegmentAcrossIt)
{
    // The pushes at minutes 10 and 22 carried no CPU value: the neighbours 9 and 23 are joined
    // by nothing, since the segment between them spans the gap [10, 22).
    const QList<QPointF> points{QPointF(double(T0 + 9 * Min), 1),
                                QPointF(double(T0 + 23 * Min), 2)};
    const QList<QList<QPointF>> runs =
        PushGaps::splitAtGaps(points, {{T0 + 10 * Min, T0 + 22 * Min}});
    EXPECT_EQ(runs.size(), 2);
}
