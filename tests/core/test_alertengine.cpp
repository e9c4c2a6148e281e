// The alert rules over controlled series: time is the server's, from the samples, so every
// window below is exact to the millisecond.
#include "alerttestdata.h"
#include "domain/alertengine.h"

#include <gtest/gtest.h>

using namespace prego;
using namespace prego::test;
using namespace Qt::StringLiterals;

namespace {

using Step = std::pair<std::optional<AlertState>, AlertState>;
constexpr AlertState Pending = AlertState::Pending;
constexpr AlertState Firing = AlertState::Firing;
constexpr AlertState Resolved = AlertState::Resolved;
constexpr AlertState Unknown = AlertState::Unknown;

qint64 minute(double m)
{
    return AlertT0 + qint64(m * Minute);
}

class AlertEngineTest : public ::testing::Test
{
protected:
    // The node pushes `cpu` at minute m; the console polls two seconds later.
    QList<AlertTransition> pushAndPoll(const QString &id, double m, double cpu)
    {
        fleet.push(id, minute(m), cpu);
        return poll(minute(m) + 2 * Second);
    }
    QList<AlertTransition> poll(qint64 serverTimeMs)
    {
        AlertEvaluation e = engine.evaluate(fleet.poll(serverTimeMs), StaleSeconds);
        all += e.transitions;
        lastChanged = e.changed;
        return e.transitions;
    }
    Alert alert(const QString &key) const
    {
        const std::optional<Alert> a = engine.alert(key);
        EXPECT_TRUE(a.has_value()) << key.toStdString();
        return a.value_or(Alert{});
    }

    AlertEngine engine;
    AlertFleet fleet;
    QList<AlertTransition> all;
    QList<AlertTrack> lastChanged;
};

TEST_F(AlertEngineTest, CpuPendsForTheWindowFiresThenResolvesAfterAWholeWindowBelow)
{
    fleet.add(u"web-1"_s);
    for (int m = 0; m < 10; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Pending);
    EXPECT_EQ(alert(u"web-1/cpu"_s).sinceMs, minute(0));

    // Minute 10: ten minutes of samples at or over 90 %.
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 10, 93), AlertRule::Cpu),
              (QList<Step>{{Pending, Firing}}));
    Alert a = alert(u"web-1/cpu"_s);
    EXPECT_EQ(a.state, Firing);
    EXPECT_EQ(a.firingSinceMs, minute(10));
    EXPECT_EQ(a.value, 93);

    for (int m = 11; m < 21; ++m)
        EXPECT_TRUE(pushAndPoll(u"web-1"_s, m, 50).isEmpty()) << "resolved early at minute " << m;
    const QList<AlertTransition> last = pushAndPoll(u"web-1"_s, 21, 50);
    ASSERT_EQ(steps(last, AlertRule::Cpu), (QList<Step>{{Firing, Resolved}}));
    EXPECT_EQ(last.first().atMs, minute(21));
    EXPECT_FALSE(engine.alert(u"web-1/cpu"_s));
    EXPECT_TRUE(engine.current().isEmpty());
    EXPECT_EQ(engine.trackCount(), 0);
    EXPECT_EQ(steps(all, AlertRule::Cpu),
              (QList<Step>{{std::nullopt, Pending}, {Pending, Firing}, {Firing, Resolved}}));
}

TEST_F(AlertEngineTest, ValueOscillatingAroundTheThresholdFiresOnceAndResolvesOnlyBelowTheMargin)
{
    fleet.add(u"web-1"_s);
    for (int m = 0; m <= 10; ++m)
        pushAndPoll(u"web-1"_s, m, 91);
    ASSERT_EQ(alert(u"web-1/cpu"_s).state, Firing);
    // An hour flapping 88 / 91 (and once exactly at the clear level, 85): above 85, so it never
    // clears, and never fires again.
    for (int m = 11; m <= 70; ++m)
        pushAndPoll(u"web-1"_s, m, m == 40 ? 85 : (m % 2 ? 88 : 91));
    EXPECT_EQ(count(all, Firing), 1);
    EXPECT_EQ(count(all, Resolved), 0);
    // Nine minutes under 85, then one flap back to 86 restarts the clearing window.
    for (int m = 71; m <= 79; ++m)
        pushAndPoll(u"web-1"_s, m, 84);
    pushAndPoll(u"web-1"_s, 80, 86);
    for (int m = 81; m < 91; ++m)
        pushAndPoll(u"web-1"_s, m, 84);
    EXPECT_EQ(count(all, Resolved), 0);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Firing);
    const QList<AlertTransition> last = pushAndPoll(u"web-1"_s, 91, 84);
    EXPECT_EQ(steps(last, AlertRule::Cpu), (QList<Step>{{Firing, Resolved}}));
    EXPECT_EQ(count(all, Firing), 1);
}

TEST_F(AlertEngineTest, ADipBeforeTheWindowEndsThePendingAlertWithoutFiring)
{
    fleet.add(u"web-1"_s);
    for (int m = 0; m < 6; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 6, 89.9), AlertRule::Cpu),
              (QList<Step>{{Pending, Resolved}}));
    EXPECT_FALSE(engine.alert(u"web-1/cpu"_s));
    // Over again: a new window from this sample, not from minute 0.
    for (int m = 7; m < 17; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).sinceMs, minute(7));
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Pending);
    pushAndPoll(u"web-1"_s, 17, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Firing);
    EXPECT_EQ(count(all, Firing), 1);
}

TEST_F(AlertEngineTest, AGapLongerThanTheStaleThresholdRestartsThePendingWindow)
{
    fleet.add(u"web-1"_s);
    for (int m = 0; m < 5; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    // No poll saw the 7 minutes between (the console was closed): the window counts only time
    // covered by pushes, so it starts again at minute 11.
    pushAndPoll(u"web-1"_s, 11, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Pending);
    EXPECT_EQ(alert(u"web-1/cpu"_s).sinceMs, minute(11));
    for (int m = 12; m < 21; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Pending);
    pushAndPoll(u"web-1"_s, 21, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Firing);
    EXPECT_EQ(alert(u"web-1/cpu"_s).firingSinceMs, minute(21));
}

TEST_F(AlertEngineTest, ANodeThatStopsPushingIsUnknownNeverResolvedAndFiresAgainWhenBack)
{
    fleet.add(u"web-1"_s).placement = u"dedicated"_s; // not bound: no freshness alert here
    for (int m = 0; m <= 10; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    ASSERT_EQ(alert(u"web-1/cpu"_s).state, Firing);
    ASSERT_TRUE(engine.acknowledge(u"web-1/cpu"_s, {u"kim"_s, minute(10.5), u"on it"_s}));

    // Silent for half an hour; the console keeps polling every minute.
    for (int m = 11; m <= 40; ++m)
        poll(minute(m));
    EXPECT_EQ(steps(all, AlertRule::Cpu).last(), (Step{Firing, Unknown}));
    EXPECT_EQ(count(all, Resolved), 0);
    Alert a = alert(u"web-1/cpu"_s);
    EXPECT_EQ(a.state, Unknown);
    // It became unknown the moment the node turned stale.
    EXPECT_EQ(all.last().atMs, minute(10) + StaleSeconds * Second);

    // Back, still hot: firing again as the same alert, with its acknowledgement.
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 41, 96), AlertRule::Cpu),
              (QList<Step>{{Unknown, Firing}}));
    a = alert(u"web-1/cpu"_s);
    EXPECT_EQ(a.state, Firing);
    EXPECT_EQ(a.firingSinceMs, minute(10));
    ASSERT_TRUE(a.ack);
    EXPECT_EQ(a.ack->who, u"kim"_s);
    EXPECT_EQ(count(all, Firing), 2); // Pending→Firing, then Unknown→Firing: never a new alert
}

TEST_F(AlertEngineTest, BackFromUnknownBelowTheClearLevelStaysFiringForTheClearWindow)
{
    fleet.add(u"web-1"_s).placement = u"dedicated"_s;
    for (int m = 0; m <= 10; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    for (int m = 11; m <= 20; ++m)
        poll(minute(m));
    ASSERT_EQ(alert(u"web-1/cpu"_s).state, Unknown);
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 21, 40), AlertRule::Cpu),
              (QList<Step>{{Unknown, Firing}}));
    for (int m = 22; m < 31; ++m)
        EXPECT_TRUE(pushAndPoll(u"web-1"_s, m, 40).isEmpty());
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 31, 40), AlertRule::Cpu),
              (QList<Step>{{Firing, Resolved}}));
}

TEST_F(AlertEngineTest, APendingAlertBackFromUnknownRestartsItsWindow)
{
    fleet.add(u"web-1"_s).placement = u"dedicated"_s;
    for (int m = 0; m < 8; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    for (int m = 8; m <= 14; ++m)
        poll(minute(m));
    ASSERT_EQ(alert(u"web-1/cpu"_s).state, Unknown);
    EXPECT_EQ(steps(pushAndPoll(u"web-1"_s, 15, 95), AlertRule::Cpu),
              (QList<Step>{{Unknown, Pending}}));
    EXPECT_EQ(alert(u"web-1/cpu"_s).sinceMs, minute(15));
    for (int m = 16; m <= 24; ++m)
        pushAndPoll(u"web-1"_s, m, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Pending);
    pushAndPoll(u"web-1"_s, 25, 95);
    EXPECT_EQ(alert(u"web-1/cpu"_s).state, Firing);
}

TEST_F(AlertEngineTest, FreshnessFiresAtOnceForBoundNodesOnly)
{
    fleet.add(u"bound-stale"_s);
    fleet.add(u"bound-never"_s);
    fleet.add(u"dedicated-stale"_s).placement = u"dedicated"_s;
    fleet.add(u"draining-never"_s).status = u"draining"_s;
    fleet.push(u"bound-stale"_s, minute(0), 10);
    fleet.push(u"dedicated-stale"_s, minute(0), 10);

    EXPECT_FALSE(poll(minute(5)).isEmpty()); // the never-reported bound node fires now
    EXPECT_EQ(alert(u"bound-never/freshness"_s).detail, u"never_reported"_s);
    EXPECT_EQ(alert(u"bound-never/freshness"_s).state, Firing);
    EXPECT_FALSE(engine.alert(u"bound-stale/freshness"_s)); // 300 s old: still fresh

    poll(minute(5) + 1);
    const Alert stale = alert(u"bound-stale/freshness"_s);
    EXPECT_EQ(stale.state, Firing);
    EXPECT_EQ(stale.detail, u"stale"_s);
    EXPECT_EQ(stale.firingSinceMs, minute(5)); // the moment it became stale
    EXPECT_FALSE(engine.alert(u"dedicated-stale/freshness"_s));
    EXPECT_FALSE(engine.alert(u"draining-never/freshness"_s));
    EXPECT_EQ(engine.current().size(), 2);

    // Fresh again: resolved at that push.
    fleet.push(u"bound-stale"_s, minute(7), 10);
    const QList<AlertTransition> back = poll(minute(7) + 2 * Second);
    ASSERT_EQ(steps(back, AlertRule::Freshness), (QList<Step>{{Firing, Resolved}}));
    EXPECT_EQ(back.first().atMs, minute(7));
    EXPECT_FALSE(engine.alert(u"bound-stale/freshness"_s));
}

TEST_F(AlertEngineTest, NodeOverrideBeatsRegionOverrideBeatsTheDefault)
{
    AlertRules rules;
    rules.regionOverrides[u"fsn1"_s][AlertRule::Cpu].threshold = 80;
    rules.nodeOverrides[u"a"_s][AlertRule::Cpu].threshold = 95;
    rules.nodeOverrides[u"a"_s][AlertRule::Cpu].windowSeconds = 60;
    engine.setRules(rules);
    EXPECT_EQ(engine.effective(AlertRule::Cpu, u"a"_s, u"fsn1"_s).threshold, 95);
    EXPECT_EQ(engine.effective(AlertRule::Cpu, u"a"_s, u"fsn1"_s).windowSeconds, 60);
    EXPECT_EQ(engine.effective(AlertRule::Cpu, u"b"_s, u"fsn1"_s).threshold, 80);
    EXPECT_EQ(engine.effective(AlertRule::Cpu, u"b"_s, u"fsn1"_s).windowSeconds, 600);
    EXPECT_EQ(engine.effective(AlertRule::Cpu, u"c"_s, u"nbg1"_s).threshold, 90);

    fleet.add(u"a"_s);
    fleet.add(u"b"_s);
    fleet.add(u"c"_s, u"nbg1"_s);
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
        fleet.push(id, minute(0), 85);
    poll(minute(0));
    EXPECT_FALSE(engine.alert(u"a/cpu"_s));
    EXPECT_TRUE(engine.alert(u"b/cpu"_s));
    EXPECT_FALSE(engine.alert(u"c/cpu"_s));
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
        fleet.push(id, minute(1), 96);
    poll(minute(1));
    poll(minute(1)); // the same samples again change nothing
    fleet.push(u"a"_s, minute(2), 96);
    poll(minute(2));
    EXPECT_EQ(alert(u"a/cpu"_s).state, Firing); // its own 60 s window
    EXPECT_EQ(alert(u"b/cpu"_s).state, Pending);
    EXPECT_EQ(alert(u"c/cpu"_s).state, Pending);
}

TEST_F(AlertEngineTest, DisablingARuleResolvesItsAlerts)
{
    fleet.add(u"a"_s);
    fleet.add(u"b"_s, u"nbg1"_s).placement = u"dedicated"_s; // goes silent below: no freshness
    for (int m = 0; m <= 10; ++m) {
        fleet.push(u"a"_s, minute(m), 95);
        fleet.push(u"b"_s, minute(m), 95);
        poll(minute(m));
    }
    ASSERT_EQ(alert(u"a/cpu"_s).state, Firing);
    AlertRules rules;
    rules.regionOverrides[u"fsn1"_s][AlertRule::Cpu].enabled = false;
    engine.setRules(rules);
    const QList<AlertTransition> t = poll(minute(10) + Second);
    ASSERT_EQ(t.size(), 1);
    EXPECT_EQ(t.first().nodeId, u"a"_s);
    EXPECT_EQ(t.first().to, Resolved);
    EXPECT_EQ(t.first().detail, u"disabled"_s);
    EXPECT_EQ(alert(u"b/cpu"_s).state, Firing);

    rules = {};
    rules.cpu.enabled = false;
    engine.setRules(rules);
    poll(minute(10) + 2 * Second);
    EXPECT_TRUE(engine.current().isEmpty());
    // And a disabled rule starts nothing.
    for (int m = 11; m <= 30; ++m) {
        fleet.push(u"a"_s, minute(m), 99);
        poll(minute(m));
    }
    EXPECT_TRUE(engine.current().isEmpty());
}

TEST_F(AlertEngineTest, ANodeNoLongerListedResolvesItsAlerts)
{
    fleet.add(u"a"_s);
    fleet.add(u"b"_s);
    for (int m = 0; m <= 10; ++m) {
        fleet.push(u"a"_s, minute(m), 95);
        fleet.push(u"b"_s, minute(m), 20);
        poll(minute(m));
    }
    ASSERT_EQ(alert(u"a/cpu"_s).state, Firing);
    fleet.remove(u"a"_s);
    const QList<AlertTransition> t = poll(minute(11));
    ASSERT_EQ(steps(t, AlertRule::Cpu), (QList<Step>{{Firing, Resolved}}));
    EXPECT_EQ(t.first().detail, u"removed"_s);
    EXPECT_EQ(t.first().atMs, minute(11));
    EXPECT_EQ(engine.trackCount(), 0);
    ASSERT_EQ(lastChanged.size(), 1); // the store deletes it
    EXPECT_EQ(lastChanged.first().alert.state, Resolved);
}

TEST_F(AlertEngineTest, AnAcknowledgementLastsUntilTheAlertResolves)
{
    fleet.add(u"a"_s);
    EXPECT_FALSE(engine.acknowledge(u"a/cpu"_s, {u"kim"_s, minute(0), {}})); // no such alert
    pushAndPoll(u"a"_s, 0, 95);
    EXPECT_TRUE(engine.acknowledge(u"a/cpu"_s, {u"kim"_s, minute(0.5), u"looking"_s}));
    EXPECT_FALSE(engine.acknowledge(u"a/nonsense"_s, {u"kim"_s, minute(0.5), {}}));
    EXPECT_FALSE(engine.acknowledge(u"a/memory"_s, {u"kim"_s, minute(0.5), {}}));
    for (int m = 1; m <= 10; ++m)
        pushAndPoll(u"a"_s, m, 95);
    ASSERT_EQ(alert(u"a/cpu"_s).state, Firing);
    ASSERT_TRUE(alert(u"a/cpu"_s).ack);
    EXPECT_EQ(alert(u"a/cpu"_s).ack->comment, u"looking"_s);

    for (int m = 11; m <= 21; ++m)
        pushAndPoll(u"a"_s, m, 10);
    ASSERT_EQ(lastChanged.size(), 1);
    EXPECT_EQ(lastChanged.first().alert.state, Resolved);
    EXPECT_FALSE(lastChanged.first().alert.ack);
    // The next alert on the same node and rule is a new one: not acknowledged.
    pushAndPoll(u"a"_s, 22, 95);
    EXPECT_EQ(alert(u"a/cpu"_s).state, Pending);
    EXPECT_FALSE(alert(u"a/cpu"_s).ack);
}

TEST_F(AlertEngineTest, OnlyNodesWithAConditionAreRemembered)
{
    for (int i = 0; i < 1000; ++i)
        fleet.add(u"n-%1"_s.arg(i));
    for (int i = 0; i < 1000; ++i)
        fleet.push(u"n-%1"_s.arg(i), minute(0), i == 7 ? 92 : 40);
    poll(minute(0) + Second);
    EXPECT_EQ(engine.trackCount(), 1);
    EXPECT_EQ(engine.current().first().key(), u"n-7/cpu"_s);
    // Memory and disk have their own tracks and thresholds.
    fleet.push(u"n-8"_s, minute(1), 10, 95, 86);
    poll(minute(1) + Second);
    EXPECT_EQ(engine.trackCount(), 3);
    EXPECT_TRUE(engine.alert(u"n-8/memory"_s));
    EXPECT_TRUE(engine.alert(u"n-8/disk"_s));
}

TEST_F(AlertEngineTest, AnOlderSnapshotReplayedChangesNothing)
{
    fleet.add(u"a"_s);
    for (int m = 0; m <= 4; ++m)
        pushAndPoll(u"a"_s, m, 95);
    const NodesSnapshot later = fleet.poll(minute(4) + Second);
    fleet.push(u"a"_s, minute(2), 10); // the stored snapshot the console opens with
    EXPECT_TRUE(engine.evaluate(fleet.poll(minute(2) + Second), StaleSeconds).isEmpty());
    EXPECT_EQ(alert(u"a/cpu"_s).state, Pending);
    EXPECT_TRUE(engine.evaluate(later, StaleSeconds).isEmpty());
}

TEST_F(AlertEngineTest, RestoredTracksContinueExactly)
{
    fleet.add(u"a"_s);
    for (int m = 0; m <= 10; ++m)
        pushAndPoll(u"a"_s, m, 95);
    pushAndPoll(u"a"_s, 11, 50); // clearing since minute 11
    ASSERT_TRUE(engine.acknowledge(u"a/cpu"_s, {u"kim"_s, minute(11), u"x"_s}));

    AlertEngine restored;
    restored.restore(engine.tracks());
    EXPECT_EQ(restored.tracks(), engine.tracks());
    for (int m = 12; m < 21; ++m) {
        fleet.push(u"a"_s, minute(m), 50);
        EXPECT_TRUE(restored.evaluate(fleet.poll(minute(m)), StaleSeconds).transitions.isEmpty());
    }
    fleet.push(u"a"_s, minute(21), 50);
    const AlertEvaluation e = restored.evaluate(fleet.poll(minute(21)), StaleSeconds);
    EXPECT_EQ(steps(e.transitions, AlertRule::Cpu), (QList<Step>{{Firing, Resolved}}));
}

TEST(AlertEngineKeys, ParseKey)
{
    EXPECT_EQ(AlertEngine::parseKey(u"fsn1-shared-000001/disk"_s),
              (std::pair{u"fsn1-shared-000001"_s, AlertRule::Disk}));
    EXPECT_FALSE(AlertEngine::parseKey(u"node/gpu"_s));
    EXPECT_FALSE(AlertEngine::parseKey(u"/cpu"_s));
    EXPECT_FALSE(AlertEngine::parseKey(u"cpu"_s));
}

} // namespace
