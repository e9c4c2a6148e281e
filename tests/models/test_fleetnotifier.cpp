#include "fleetnotifier.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::FleetNotifier;

namespace {

constexpr qint64 Now = 1'764'000'000'000;

prego::Node node(const QString &id, qint64 ageSeconds)
{
    prego::Node n;
    n.nodeId = id;
    n.placement = u"shared"_s;
    n.status = u"active"_s;
    n.acceptsTenants = true;
    n.metrics = prego::NodeMetrics{1, 2, 3, 4, Now - ageSeconds * 1000};
    return n;
}

prego::NodesSnapshot fleet(const QList<prego::Node> &nodes)
{
    prego::NodesSnapshot s;
    s.serverTimeMs = Now;
    s.nodes = nodes;
    return s;
}

prego::Job job(const QString &status)
{
    prego::Job j;
    j.jobId = u"j-1"_s;
    j.tenantId = u"acme"_s;
    j.status = status;
    return j;
}

} // namespace

TEST(FleetNotifier, AnnouncesOnlyTransitionsItSawEachOnce)
{
    FleetNotifier n;
    QSignalSpy said(&n, &FleetNotifier::notificationRequested);
    // The first look is the baseline: a node already stale is not news.
    n.observeSnapshot(fleet({node(u"a"_s, 10), node(u"b"_s, 900)}), Now, 300);
    EXPECT_EQ(said.size(), 0);
    EXPECT_EQ(n.state(), FleetNotifier::State::SomeStale);
    EXPECT_EQ(n.stateText(), u"Prego: 1 bound node not fresh"_s);
    // a turns stale, b comes back: two notifications.
    n.observeSnapshot(fleet({node(u"a"_s, 400), node(u"b"_s, 5)}), Now, 300);
    ASSERT_EQ(said.size(), 2);
    EXPECT_EQ(said.at(0).at(0).toString(), u"Node a stopped reporting"_s);
    EXPECT_EQ(said.at(1).at(0).toString(), u"Node b reports again"_s);
    // The same again: nothing new to say.
    n.observeSnapshot(fleet({node(u"a"_s, 400), node(u"b"_s, 5)}), Now, 300);
    EXPECT_EQ(said.size(), 2);
    // A node that appears stale is not a transition.
    n.observeSnapshot(fleet({node(u"a"_s, 400), node(u"b"_s, 5), node(u"c"_s, 999)}), Now, 300);
    EXPECT_EQ(said.size(), 2);
    n.observePollFailed();
    EXPECT_EQ(n.state(), FleetNotifier::State::Offline);
}

TEST(FleetNotifier, ManyNodesAtOnceMakeOneNotification)
{
    FleetNotifier n;
    QSignalSpy said(&n, &FleetNotifier::notificationRequested);
    QList<prego::Node> fresh, stale;
    for (int i = 0; i < 10; ++i) {
        fresh << node(u"n%1"_s.arg(i), 1);
        stale << node(u"n%1"_s.arg(i), 600);
    }
    n.observeSnapshot(fleet(fresh), Now, 300);
    EXPECT_EQ(n.state(), FleetNotifier::State::AllFresh);
    n.observeSnapshot(fleet(stale), Now, 300);
    ASSERT_EQ(said.size(), 1);
    EXPECT_EQ(said.first().at(0).toString(), u"10 nodes stopped reporting"_s);
}

TEST(FleetNotifier, JobsAreAnnouncedWhenTheyEndWhileWatchedAndCanBeSwitchedOff)
{
    FleetNotifier n;
    QSignalSpy said(&n, &FleetNotifier::notificationRequested);
    n.observeJobs({job(u"Completed"_s)}); // first seen finished: history, not news
    EXPECT_EQ(said.size(), 0);
    prego::Job other = job(u"Running"_s);
    other.jobId = u"j-2"_s;
    n.observeJobs({other});
    other.status = u"Failed"_s;
    other.error = prego::JobError{u"ansible"_s, u"ansible_failed"_s, u"boom"_s};
    n.observeJobs({other});
    ASSERT_EQ(said.size(), 1);
    EXPECT_EQ(said.first().at(0).toString(), u"Job for acme failed"_s);
    EXPECT_EQ(said.first().at(1).toString(), u"Stage ansible failed: boom"_s);
    n.observeJobs({other}); // once
    EXPECT_EQ(said.size(), 1);

    n.setEnabled(false);
    n.observeSnapshot(fleet({node(u"a"_s, 1)}), Now, 300);
    n.observeSnapshot(fleet({node(u"a"_s, 999)}), Now, 300);
    EXPECT_EQ(said.size(), 1);
    EXPECT_EQ(n.state(), FleetNotifier::State::SomeStale); // the tray still follows
}
