#include "fleetnotifier.h"
#include "testnodes.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <optional>

using namespace Qt::StringLiterals;
using prego::Alert;
using prego::AlertRule;
using prego::AlertState;
using prego::AlertTransition;
using prego::FleetNotifier;

namespace {

constexpr qint64 Now = 1'764'000'000'000;
constexpr qint64 Sec = 1000;
constexpr qint64 Min = 60 * Sec;

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

// A change of state as the rules engine reports it.
AlertTransition move(const QString &nodeId, AlertRule rule, std::optional<AlertState> from,
                     AlertState to, std::optional<double> value = std::nullopt,
                     const QString &region = u"fsn1"_s)
{
    AlertTransition t;
    t.nodeId = nodeId;
    t.region = region;
    t.rule = rule;
    t.from = from;
    t.to = to;
    t.atMs = Now;
    t.value = value;
    if (rule == AlertRule::Freshness)
        t.detail = u"stale"_s;
    return t;
}

// The alert as it stands after that change.
Alert standing(const AlertTransition &t)
{
    Alert a;
    a.nodeId = t.nodeId;
    a.region = t.region;
    a.rule = t.rule;
    a.state = t.to;
    a.value = t.value;
    a.detail = t.detail;
    a.sinceMs = t.atMs;
    return a;
}

prego::Silence silence(QStringList nodes, std::optional<QString> region, qint64 endsAt)
{
    prego::Silence s;
    s.silenceId = u"s-1"_s;
    s.nodeIds = std::move(nodes);
    s.region = std::move(region);
    s.startsAtMs = Now - 10 * Min;
    s.endsAtMs = endsAt;
    s.reason = u"kernel upgrade"_s;
    s.createdBy = u"alice"_s;
    return s;
}

// A notifier on a clock the test moves, past its first (baseline) evaluation.
struct Notifier
{
    qint64 clockMs = 0;
    FleetNotifier n{nullptr, [this] {
                        return clockMs;
                    }};
    QSignalSpy said{&n, &FleetNotifier::notificationRequested};

    Notifier()
    {
        n.observeSnapshot(fleet({node(u"a"_s, 10)}), Now, 300);
        n.observeAlerts({}, {}, Now);
    }
    QString title(qsizetype i) const { return said.at(i).at(0).toString(); }
    QString body(qsizetype i) const { return said.at(i).at(1).toString(); }
};

} // namespace

TEST(FleetNotifier, SnapshotsSetTheTraysStateAndLeaveStalenessToTheFreshnessAlert)
{
    FleetNotifier n;
    QSignalSpy said(&n, &FleetNotifier::notificationRequested);
    QSignalSpy changed(&n, &FleetNotifier::stateChanged);
    EXPECT_EQ(n.state(), FleetNotifier::State::Unknown);
    n.observeSnapshot(fleet({node(u"a"_s, 10), node(u"b"_s, 900)}), Now, 300);
    EXPECT_EQ(n.state(), FleetNotifier::State::SomeStale);
    EXPECT_EQ(n.stateText(), u"Prego: 1 bound node not fresh"_s);
    // a turns stale, b comes back: the tray follows, the freshness alert announces (not this).
    n.observeSnapshot(fleet({node(u"a"_s, 400), node(u"b"_s, 5), node(u"c"_s, 999)}), Now, 300);
    EXPECT_EQ(n.stateText(), u"Prego: 2 bound nodes not fresh"_s);
    EXPECT_EQ(said.size(), 0);
    const qsizetype changes = changed.size();
    n.observeSnapshot(fleet({node(u"a"_s, 400), node(u"b"_s, 5), node(u"c"_s, 999)}), Now, 300);
    EXPECT_EQ(changed.size(), changes) << "nothing changed: no repaint of the tray";
    n.observePollFailed();
    EXPECT_EQ(n.state(), FleetNotifier::State::Offline);
    EXPECT_EQ(n.stateText(), u"Prego: control plane unreachable"_s);
    n.observeSnapshot(fleet({node(u"a"_s, 1)}), Now, 300);
    EXPECT_EQ(n.state(), FleetNotifier::State::AllFresh);
    EXPECT_EQ(said.size(), 0);
}

// A CPU value oscillating around 90 % for an hour, evaluated every minute, with the transitions
// the rules produce for it: pending spells that end before the window fills, one Pending →
// Firing, no clearing while it only dips under the threshold (it clears below 85 % for a whole
// window), the node going silent (Unknown) and pushing again still high. One notification.
TEST(FleetNotifier, AValueFlappingAroundItsThresholdNotifiesOnce)
{
    Notifier t;
    const QString a = u"fsn1-shared-07"_s;
    QList<QList<AlertTransition>> minutes = {
        {move(a, AlertRule::Cpu, std::nullopt, AlertState::Pending, 92)},
        {move(a, AlertRule::Cpu, AlertState::Pending, AlertState::Resolved, 88)},
        {move(a, AlertRule::Cpu, std::nullopt, AlertState::Pending, 91)},
        {move(a, AlertRule::Cpu, AlertState::Pending, AlertState::Resolved, 89)},
        {move(a, AlertRule::Cpu, std::nullopt, AlertState::Pending, 93)},
    };
    for (int i = 0; i < 9; ++i)
        minutes.append(QList<AlertTransition>{}); // over 90 % for the rest of the window
    minutes.append({move(a, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 94)});
    for (int i = 0; i < 30; ++i)
        minutes.append(QList<AlertTransition>{}); // 88, 92, 88, 92…: hysteresis keeps it firing
    minutes.append({move(a, AlertRule::Cpu, AlertState::Firing, AlertState::Unknown)});
    minutes.append({move(a, AlertRule::Cpu, AlertState::Unknown, AlertState::Firing, 92)});
    for (int i = 0; i < 10; ++i)
        minutes.append(QList<AlertTransition>{});

    Alert current;
    for (const QList<AlertTransition> &transitions : std::as_const(minutes)) {
        t.clockMs += Min;
        if (!transitions.isEmpty())
            current = standing(transitions.last());
        t.n.observeAlerts(transitions, {current}, Now);
    }
    ASSERT_EQ(t.said.size(), 1);
    EXPECT_EQ(t.title(0), u"fsn1-shared-07: CPU ≥ 90 %"_s);
    EXPECT_EQ(t.body(0), u"At 94.0 %, over the threshold for the whole window."_s);
    EXPECT_EQ(t.said.at(0).at(2).value<FleetNotifier::Severity>(),
              FleetNotifier::Severity::Warning);
    EXPECT_EQ(t.n.state(), FleetNotifier::State::AlertsFiring);

    // Below 85 % for a whole window: resolved, once.
    t.clockMs += Min;
    const AlertTransition cleared =
        move(a, AlertRule::Cpu, AlertState::Firing, AlertState::Resolved, 70);
    t.n.observeAlerts({cleared}, {standing(cleared)}, Now);
    ASSERT_EQ(t.said.size(), 2);
    EXPECT_EQ(t.title(1), u"fsn1-shared-07: CPU back to normal"_s);
    EXPECT_EQ(t.body(1), u"Below 85 % for the whole window."_s);
    EXPECT_EQ(t.said.at(1).at(2).value<FleetNotifier::Severity>(),
              FleetNotifier::Severity::Information);
    EXPECT_EQ(t.n.state(), FleetNotifier::State::AllFresh);
}

TEST(FleetNotifier, AnAlertAlreadyFiringAtTheFirstEvaluationIsNotNews)
{
    qint64 clock = 0;
    FleetNotifier n(nullptr, [&] { return clock; });
    QSignalSpy said(&n, &FleetNotifier::notificationRequested);
    n.observeSnapshot(fleet({node(u"a"_s, 10)}), Now, 300);
    const AlertTransition restored =
        move(u"a"_s, AlertRule::Disk, std::nullopt, AlertState::Firing);
    n.observeAlerts({restored}, {standing(restored)}, Now);
    EXPECT_EQ(said.size(), 0);
    EXPECT_EQ(n.state(), FleetNotifier::State::AlertsFiring); // the tray shows it all the same
    // Later, an alert that fires at once (freshness has no pending window) is news.
    const AlertTransition stale =
        move(u"b"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing);
    n.observeAlerts({stale}, {standing(restored), standing(stale)}, Now);
    ASSERT_EQ(said.size(), 1);
    EXPECT_EQ(said.first().at(0).toString(), u"b: stale"_s);
    EXPECT_EQ(said.first().at(1).toString(), u"No metrics for longer than the stale threshold."_s);
}

TEST(FleetNotifier, TheTransitionsOfOneEvaluationMakeOneNotificationPerKind)
{
    Notifier t;
    prego::AlertRules rules;
    rules.nodeOverrides[u"db-1"_s][AlertRule::Disk].threshold = 80;
    t.n.setAlertRules(rules);
    QList<AlertTransition> transitions{
        move(u"a"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing),
        move(u"b"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing),
        move(u"c"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing),
        move(u"n1"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 93),
        move(u"n2"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 95.5),
        move(u"db-1"_s, AlertRule::Disk, AlertState::Pending, AlertState::Firing, 81.25),
        move(u"n3"_s, AlertRule::Memory, std::nullopt, AlertState::Pending, 91), // not yet
    };
    QList<Alert> current;
    for (const AlertTransition &tr : std::as_const(transitions))
        current.append(standing(tr));
    t.n.observeAlerts(transitions, current, Now);
    ASSERT_EQ(t.said.size(), 3);
    EXPECT_EQ(t.title(0), u"3 nodes stale"_s);
    EXPECT_EQ(t.body(0), u"a, b, c"_s);
    EXPECT_EQ(t.title(1), u"CPU ≥ 90 % on 2 nodes"_s);
    EXPECT_EQ(t.body(1), u"n1 (93.0 %), n2 (95.5 %)"_s);
    EXPECT_EQ(t.title(2), u"db-1: disk ≥ 80 %"_s); // the node's own threshold
    EXPECT_EQ(t.n.stateText(), u"Prego: 6 alerts firing"_s);

    // Resolving together: one notification per kind too.
    t.clockMs += 5 * Min;
    const QList<AlertTransition> back{
        move(u"a"_s, AlertRule::Freshness, AlertState::Firing, AlertState::Resolved),
        move(u"b"_s, AlertRule::Freshness, AlertState::Firing, AlertState::Resolved),
        move(u"n1"_s, AlertRule::Cpu, AlertState::Firing, AlertState::Resolved, 40),
        move(u"n3"_s, AlertRule::Memory, AlertState::Pending, AlertState::Resolved,
             50), // never fired
    };
    t.n.observeAlerts(back, current, Now);
    ASSERT_EQ(t.said.size(), 5);
    EXPECT_EQ(t.title(3), u"2 nodes report again"_s);
    EXPECT_EQ(t.title(4), u"n1: CPU back to normal"_s);
}

// At most one notification per kind a minute; what comes sooner waits and goes out with the next
// one of its kind, counted, never dropped.
TEST(FleetNotifier, TheRateLimitHoldsBackAndFoldsIntoTheNextNotification)
{
    Notifier t;
    const auto fire = [&](const QStringList &ids, AlertRule rule = AlertRule::Cpu) {
        QList<AlertTransition> transitions;
        for (const QString &id : ids)
            transitions.append(move(id, rule, AlertState::Pending, AlertState::Firing, 91));
        t.n.observeAlerts(transitions, {}, Now);
    };
    t.clockMs = 10 * Min;
    fire({u"a"_s});
    ASSERT_EQ(t.said.size(), 1);
    EXPECT_EQ(t.title(0), u"a: CPU ≥ 90 %"_s);

    t.clockMs += 20 * Sec;
    fire({u"b"_s, u"c"_s});
    EXPECT_EQ(t.said.size(), 1) << "within the minute: held back";
    EXPECT_EQ(t.n.heldBackCount(), 2);
    fire({u"d"_s}, AlertRule::Disk); // another kind has its own minute
    ASSERT_EQ(t.said.size(), 2);
    EXPECT_EQ(t.title(1), u"d: disk ≥ 85 %"_s);

    t.clockMs += 20 * Sec;
    fire({u"e"_s, u"f"_s, u"g"_s, u"h"_s, u"i"_s});
    EXPECT_EQ(t.said.size(), 2);
    EXPECT_EQ(t.n.heldBackCount(), 7);

    // The minute is over: the next evaluation sends what waited, with nothing new of its own.
    t.clockMs += 21 * Sec;
    t.n.observeAlerts({}, {}, Now);
    ASSERT_EQ(t.said.size(), 3);
    EXPECT_EQ(t.title(2), u"CPU ≥ 90 % on 7 nodes"_s);
    EXPECT_EQ(t.body(2),
              u"b (91.0 %), c (91.0 %), e (91.0 %), f (91.0 %), g (91.0 %) and 2 more"_s);
    EXPECT_EQ(t.n.heldBackCount(), 0);

    // Held back again, then folded into a new one once the minute has passed.
    t.clockMs += 30 * Sec;
    fire({u"j"_s});
    EXPECT_EQ(t.said.size(), 3);
    t.clockMs += 31 * Sec;
    fire({u"k"_s});
    ASSERT_EQ(t.said.size(), 4);
    EXPECT_EQ(t.title(3), u"CPU ≥ 90 % on 2 nodes"_s);
    EXPECT_EQ(t.body(3), u"j (91.0 %), k (91.0 %)"_s);
}

TEST(FleetNotifier, SilencedNodesAndAcknowledgedAlertsStayQuiet)
{
    Notifier t;
    t.n.setSilences(
        {silence({u"a"_s}, std::nullopt, Now + 60 * Min), silence({}, u"nbg1"_s, Now + 60 * Min)},
        Now);
    AlertTransition acked =
        move(u"b"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 95);
    Alert ackedAlert = standing(acked);
    ackedAlert.ack = prego::AlertAck{u"carol"_s, Now, u"on it"_s};
    const QList<AlertTransition> transitions{
        move(u"a"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 95), // its node
        move(u"x"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 95,
             u"nbg1"_s), // its region
        acked,
        move(u"c"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 92),
    };
    QList<Alert> current;
    for (const AlertTransition &tr : transitions)
        current.append(tr.nodeId == u"b" ? ackedAlert : standing(tr));
    t.n.observeAlerts(transitions, current, Now);
    ASSERT_EQ(t.said.size(), 1);
    EXPECT_EQ(t.title(0), u"c: CPU ≥ 90 %"_s);
    // The tray counts the firing alerts of nodes not silenced (the acknowledged one is still
    // firing).
    EXPECT_EQ(t.n.stateText(), u"Prego: 2 alerts firing"_s);

    // The acknowledged alert resolves and has left the list: its resolution stays quiet too.
    t.clockMs += 10 * Min;
    t.n.observeAlerts({move(u"b"_s, AlertRule::Cpu, AlertState::Firing, AlertState::Resolved, 10),
                       move(u"a"_s, AlertRule::Cpu, AlertState::Firing, AlertState::Resolved, 10)},
                      {standing(transitions.at(1)), standing(transitions.at(3))}, Now);
    EXPECT_EQ(t.said.size(), 1);

    // Held back, then acknowledged before its minute came: quiet.
    t.clockMs += 10 * Min;
    const AlertTransition d =
        move(u"d"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 91);
    t.n.observeAlerts({d}, {standing(d)}, Now);
    ASSERT_EQ(t.said.size(), 2);
    t.clockMs += 10 * Sec;
    const AlertTransition e =
        move(u"e"_s, AlertRule::Cpu, AlertState::Pending, AlertState::Firing, 91);
    t.n.observeAlerts({e}, {standing(d), standing(e)}, Now);
    EXPECT_EQ(t.n.heldBackCount(), 1);
    Alert eAcked = standing(e);
    eAcked.ack = prego::AlertAck{u"carol"_s, Now, {}};
    t.clockMs += Min;
    t.n.observeAlerts({}, {standing(d), eAcked}, Now);
    EXPECT_EQ(t.said.size(), 2);
    EXPECT_EQ(t.n.heldBackCount(), 0);
}

TEST(FleetNotifier, TheTrayShowsTheWorstStateOfTheNodesNotSilenced)
{
    FleetNotifier n;
    // a is stale but silenced until one minute from now.
    n.setSilences({silence({u"a"_s}, std::nullopt, Now + Min)}, Now);
    n.observeSnapshot(fleet({node(u"a"_s, 900), node(u"b"_s, 10), node(u"c"_s, 10)}), Now, 300);
    EXPECT_EQ(n.state(), FleetNotifier::State::AllFresh);
    EXPECT_EQ(n.stateText(), u"Prego: every bound node is fresh or silenced"_s);

    const AlertTransition aStale =
        move(u"a"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing);
    const AlertTransition bPending =
        move(u"b"_s, AlertRule::Memory, std::nullopt, AlertState::Pending, 91);
    n.observeAlerts({aStale, bPending}, {standing(aStale), standing(bPending)}, Now);
    EXPECT_EQ(n.state(), FleetNotifier::State::AlertsPending);
    EXPECT_EQ(n.stateText(), u"Prego: 1 alert pending or unknown"_s);

    const AlertTransition cUnknown =
        move(u"c"_s, AlertRule::Cpu, AlertState::Firing, AlertState::Unknown);
    n.observeAlerts({cUnknown}, {standing(aStale), standing(bPending), standing(cUnknown)}, Now);
    EXPECT_EQ(n.stateText(), u"Prego: 2 alerts pending or unknown"_s);

    // The silence ends: a's staleness and its firing alert count.
    n.observeSnapshot(fleet({node(u"a"_s, 900), node(u"b"_s, 10), node(u"c"_s, 10)}), Now + 2 * Min,
                      300);
    EXPECT_EQ(n.state(), FleetNotifier::State::AlertsFiring);
    EXPECT_EQ(n.stateText(), u"Prego: 1 alert firing"_s);
    // Without alerts, the stale node alone.
    n.observeAlerts({}, {}, Now + 2 * Min);
    EXPECT_EQ(n.state(), FleetNotifier::State::SomeStale);
    // Silenced again by its region: all fresh.
    n.setSilences({silence({}, u"fsn1"_s, Now + 60 * Min)}, Now + 2 * Min);
    EXPECT_EQ(n.state(), FleetNotifier::State::AllFresh);
    n.observePollFailed();
    EXPECT_EQ(n.state(), FleetNotifier::State::Offline);
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
    n.observeAlerts({}, {}, Now);
    const AlertTransition stale =
        move(u"a"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing);
    n.observeSnapshot(fleet({node(u"a"_s, 999)}), Now, 300);
    n.observeAlerts({stale}, {standing(stale)}, Now);
    EXPECT_EQ(said.size(), 1);
    EXPECT_EQ(n.state(), FleetNotifier::State::AlertsFiring); // the tray still follows
}

// With the decode thread's delta the notifier follows positions instead of hashing ids: the tray
// must say what it says without, through stale and fresh nodes, nodes leaving and joining the
// shared pool, a repeated id, a silenced region, and polls that add or drop nodes.
TEST(FleetNotifier, ADeltaCountsWhatAFullCompareCounts)
{
    FleetNotifier marked;
    FleetNotifier full;
    for (FleetNotifier *n : {&marked, &full})
        n->setSilences({silence({}, u"nbg1"_s, Now + 60 * Min)}, Now);
    QRandomGenerator random(20261127);
    QList<prego::Node> nodes;
    for (int i = 0; i < 30; ++i)
        nodes.append(node(u"n%1"_s.arg(i), 10, 10.0, i % 5 == 0 ? u"nbg1"_s : u"fsn1"_s));
    nodes.append(nodes.at(3)); // a repeated id
    std::optional<prego::NodesSnapshot> previous;
    int deltas = 0;
    QSet<QString> texts;
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
        texts.insert(full.stateText());
    }
    EXPECT_GE(deltas, 100);
    EXPECT_GE(texts.size(), 5) << "the rounds should have moved the count";
}
