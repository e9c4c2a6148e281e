#include "fleetnotifier.h"
#include "testnodes.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <optional>

using namespace Qt::StringLiterals;
using prego::FleetNotifier;

namespace {

constexpr qint64 Now = 1'764'000'000'000;

constexpr prego::test::AgedNodes node{Now};

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

// With the decode thread's delta the notifier follows positions instead of hashing ids: it must
// announce exactly what it announces without, through stale and fresh nodes, nodes leaving and
// joining the shared pool, a repeated id, and polls that add or drop nodes.
TEST(FleetNotifier, ADeltaAnnouncesWhatAFullCompareAnnounces)
{
    FleetNotifier marked;
    FleetNotifier full;
    QSignalSpy markedSaid(&marked, &FleetNotifier::notificationRequested);
    QSignalSpy fullSaid(&full, &FleetNotifier::notificationRequested);
    QRandomGenerator random(20261127);
    QList<prego::Node> nodes;
    for (int i = 0; i < 30; ++i)
        nodes.append(node(u"n%1"_s.arg(i), 10));
    nodes.append(nodes.at(3)); // a repeated id
    std::optional<prego::NodesSnapshot> previous;
    int deltas = 0;
    for (int round = 0; round < 120; ++round) {
        if (round % 15 == 14) {
            nodes.removeAt(random.bounded(int(nodes.size())));
            nodes.append(node(u"x%1"_s.arg(round), 10));
        }
        for (int k = 0; k < 3; ++k) {
            prego::Node &n = nodes[random.bounded(int(nodes.size()))];
            switch (random.bounded(4)) {
            case 0:
                n.metrics->updatedAtMs = Now - 3600 * 1000; // stale
                break;
            case 1:
                n.acceptsTenants = !n.acceptsTenants; // leaves or joins the pool
                break;
            default:
                n.metrics->updatedAtMs = Now - 5 * 1000; // fresh
                break;
            }
        }
        prego::NodesSnapshot s = fleet(nodes);
        prego::SnapshotDelta::mark(previous ? &*previous : nullptr, s);
        deltas += s.sameIdsAsGeneration != 0 ? 1 : 0;
        marked.observeSnapshot(s, Now, 300);
        full.observeSnapshot(fleet(nodes), Now, 300);
        previous = s;
        ASSERT_EQ(marked.state(), full.state()) << "round " << round;
        ASSERT_EQ(marked.stateText(), full.stateText()) << "round " << round;
        ASSERT_EQ(markedSaid.size(), fullSaid.size()) << "round " << round;
        for (qsizetype i = 0; i < fullSaid.size(); ++i)
            ASSERT_EQ(markedSaid.at(i), fullSaid.at(i)) << "round " << round;
    }
    EXPECT_GE(deltas, 100);
    EXPECT_GE(fullSaid.size(), 20) << "the rounds should have announced changes";
}
