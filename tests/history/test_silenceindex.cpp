// SilenceIndex: which silence covers a node at a server time (by node or by region), silences not
// yet started, ended early and expired, and the text that names who, until when and why.
#include "domain/silenceindex.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace prego;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Min = 60 * 1000;
constexpr qint64 Hour = 60 * Min;
constexpr qint64 Now = 1'764'000'000'000;

Silence onNodes(const QString &id, QStringList nodes, qint64 startsAt, qint64 endsAt)
{
    Silence s;
    s.silenceId = id;
    s.nodeIds = std::move(nodes);
    s.startsAtMs = startsAt;
    s.endsAtMs = endsAt;
    s.reason = u"kernel upgrade"_s;
    s.createdBy = u"alice"_s;
    s.createdAtMs = startsAt;
    return s;
}

Silence onRegion(const QString &id, const QString &region, qint64 startsAt, qint64 endsAt)
{
    Silence s = onNodes(id, {}, startsAt, endsAt);
    s.region = region;
    s.reason = u"rack move"_s;
    s.createdBy = u"bob"_s;
    return s;
}

QString idOf(const Silence *s)
{
    return s ? s->silenceId : u"none"_s;
}
} // namespace

TEST(SilenceIndex, CoversTheNodesItNamesOrEveryNodeOfItsRegion)
{
    const SilenceIndex index({onNodes(u"s-nodes"_s, {u"a"_s, u"b"_s}, Now - Hour, Now + Hour),
                              onRegion(u"s-region"_s, u"nbg1"_s, Now - Hour, Now + Hour)},
                             Now);
    EXPECT_FALSE(index.isEmpty());
    EXPECT_TRUE(index.hasRegionSilences());
    EXPECT_EQ(idOf(index.find(u"a"_s, u"fsn1"_s)), u"s-nodes"_s);
    EXPECT_EQ(idOf(index.find(u"b"_s, u"hel1"_s)), u"s-nodes"_s);
    EXPECT_EQ(idOf(index.find(u"c"_s, u"nbg1"_s)), u"s-region"_s); // any node of the region
    EXPECT_EQ(idOf(index.find(u"c"_s, u"fsn1"_s)), u"none"_s);
    EXPECT_EQ(idOf(index.find(u"nbg1"_s, u"fsn1"_s)), u"none"_s); // a region is not a node id
    EXPECT_EQ(index.active().size(), 2);
}

TEST(SilenceIndex, OfTwoOverANodeTheOneThatEndsLastCounts)
{
    const SilenceIndex index({onNodes(u"short"_s, {u"a"_s}, Now - Hour, Now + Hour),
                              onRegion(u"long"_s, u"fsn1"_s, Now - Hour, Now + 3 * Hour),
                              onNodes(u"middle"_s, {u"a"_s}, Now - Hour, Now + 2 * Hour)},
                             Now);
    EXPECT_EQ(idOf(index.find(u"a"_s, u"fsn1"_s)), u"long"_s);
    EXPECT_EQ(idOf(index.find(u"a"_s, u"nbg1"_s)), u"middle"_s);
}

TEST(SilenceIndex, ASilenceNotYetStartedCoversNothingUntilItStarts)
{
    SilenceIndex index({onNodes(u"later"_s, {u"a"_s}, Now + 10 * Min, Now + Hour)}, Now);
    EXPECT_TRUE(index.isEmpty());
    EXPECT_EQ(index.find(u"a"_s, u"fsn1"_s), nullptr);
    EXPECT_EQ(index.nextChangeMs(), Now + 10 * Min);
    // Before it starts, moving on changes nothing (and does not re-index).
    EXPECT_FALSE(index.advanceTo(Now + 9 * Min));
    EXPECT_EQ(index.find(u"a"_s, u"fsn1"_s), nullptr);
    EXPECT_TRUE(index.advanceTo(Now + 10 * Min));
    EXPECT_EQ(idOf(index.find(u"a"_s, u"fsn1"_s)), u"later"_s);
    EXPECT_EQ(index.nextChangeMs(), Now + Hour);
}

TEST(SilenceIndex, AnExpiredSilenceCoversNothingFromItsEnd)
{
    SilenceIndex index({onNodes(u"s"_s, {u"a"_s}, Now - Hour, Now + 5 * Min),
                        onNodes(u"old"_s, {u"b"_s}, Now - 3 * Hour, Now - Hour)},
                       Now);
    EXPECT_EQ(idOf(index.find(u"a"_s, u"fsn1"_s)), u"s"_s);
    EXPECT_EQ(index.find(u"b"_s, u"fsn1"_s), nullptr); // over before now
    EXPECT_TRUE(index.advanceTo(Now + 5 * Min));       // its end is exclusive
    EXPECT_EQ(index.find(u"a"_s, u"fsn1"_s), nullptr);
    EXPECT_TRUE(index.isEmpty());
    EXPECT_EQ(index.nextChangeMs(), SilenceIndex::Never);
    EXPECT_FALSE(index.advanceTo(Now + 10 * Hour));
}

TEST(SilenceIndex, ASilenceEndedEarlyCoversNothingAndWasInForceOnlyUntilItEnded)
{
    Silence ended = onNodes(u"ended"_s, {u"a"_s}, Now - Hour, Now + Hour);
    ended.endedAtMs = Now - 20 * Min;
    const SilenceIndex index({ended}, Now);
    EXPECT_EQ(index.find(u"a"_s, u"fsn1"_s), nullptr);
    EXPECT_EQ(index.nextChangeMs(), SilenceIndex::Never); // it never comes back
    // The heatmap's past: from its start until it was ended, not until its planned end.
    EXPECT_EQ(index.overlapping(u"a"_s, u"fsn1"_s, Now - 30 * Min, Now - 25 * Min).size(), 1);
    EXPECT_TRUE(index.overlapping(u"a"_s, u"fsn1"_s, Now - 20 * Min, Now).isEmpty());
    EXPECT_TRUE(index.overlapping(u"a"_s, u"fsn1"_s, Now - 3 * Hour, Now - Hour).isEmpty());
    // Ended before it began: never in force at all.
    Silence cancelled = onNodes(u"cancelled"_s, {u"b"_s}, Now + Hour, Now + 2 * Hour);
    cancelled.endedAtMs = Now;
    const SilenceIndex other({cancelled}, Now);
    EXPECT_TRUE(other.overlapping(u"b"_s, u"fsn1"_s, Now - Hour, Now + 3 * Hour).isEmpty());
}

TEST(SilenceIndex, OverlappingFindsRegionSilencesOnlyWithTheNodesRegion)
{
    const SilenceIndex index({onRegion(u"r"_s, u"nbg1"_s, Now - Hour, Now + Hour)}, Now);
    EXPECT_EQ(index.overlapping(u"x"_s, u"nbg1"_s, Now - 2 * Hour, Now).size(), 1);
    EXPECT_TRUE(index.overlapping(u"x"_s, QString(), Now - 2 * Hour, Now).isEmpty());
    EXPECT_TRUE(index.overlapping(u"x"_s, u"nbg1"_s, Now - 3 * Hour, Now - Hour).isEmpty());
}

TEST(SilenceIndex, DescribesWhoUntilWhenInLocalTimeWithItsZoneAndWhy)
{
    const Silence s = onNodes(u"s"_s, {u"a"_s}, Now - Hour, Now + 2 * Hour);
    const QString until = SilenceIndex::localTimeText(Now + 2 * Hour);
    const QString zone =
        QDateTime::fromMSecsSinceEpoch(Now + 2 * Hour).toLocalTime().timeZoneAbbreviation();
    ASSERT_FALSE(zone.isEmpty());
    EXPECT_TRUE(until.endsWith(zone)) << until.toStdString();
    EXPECT_EQ(SilenceIndex::describe(s),
              u"Silenced by alice until %1: kernel upgrade"_s.arg(until));
    // Ended early: until it was ended.
    Silence ended = s;
    ended.endedAtMs = Now - 5 * Min;
    EXPECT_EQ(SilenceIndex::describe(ended), u"Silenced by alice until %1: kernel upgrade"_s.arg(
                                                 SilenceIndex::localTimeText(Now - 5 * Min)));
}
