// NodeAnnotations: which jobs, silences and firing periods a node's charts mark, when, and what
// they say.
#include "domain/nodeannotations.h"

#include <gtest/gtest.h>

using namespace prego;
using namespace Qt::StringLiterals;
using Kind = ChartAnnotation::Kind;

namespace {
constexpr qint64 Min = 60 * 1000;
constexpr qint64 T0 = 1'795'000'000'000; // a server time, ms
const QString NodeId = u"fsn1-shared-07"_s;

Job job(const QString &id, const QString &tenant, const QString &path, const QString &status)
{
    Job j;
    j.jobId = id;
    j.tenantId = tenant;
    j.path = path;
    j.status = status;
    return j;
}

Silence silence(const QString &id, qint64 from, qint64 to, const QString &reason)
{
    Silence s;
    s.silenceId = id;
    s.startsAtMs = from;
    s.endsAtMs = to;
    s.reason = reason;
    s.createdBy = u"bob-desk"_s;
    return s;
}

AlertTransition transition(const QString &node, AlertRule rule, std::optional<AlertState> from,
                           AlertState to, qint64 at, std::optional<double> value = {})
{
    AlertTransition t;
    t.nodeId = node;
    t.region = u"fsn1"_s;
    t.rule = rule;
    t.from = from;
    t.to = to;
    t.atMs = at;
    t.value = value;
    return t;
}

QList<ChartAnnotation> ofKind(const QList<ChartAnnotation> &all, Kind kind)
{
    QList<ChartAnnotation> out;
    for (const ChartAnnotation &a : all) {
        if (a.kind == kind)
            out.append(a);
    }
    return out;
}
} // namespace

TEST(NodeAnnotations, JobsThatPlacedATenantOrCreatedTheNodeAreMarkedWhenTheyEnded)
{
    Job placed = job(u"job-place"_s, u"acme"_s, u"shared-existing"_s, u"Completed"_s);
    placed.targetServerId = NodeId;
    placed.createdAtMs = T0;
    placed.updatedAtMs = T0 + 2 * Min;
    placed.finishedAtMs = T0 + 3 * Min;
    placed.audit = {{T0 + Min, u"ci-runner"_s, u"stage.started"_s, {}},
                    {T0, u"alice-laptop"_s, u"job.created"_s, {}}};

    Job created = job(u"job-new"_s, u"beta"_s, u"shared-new"_s, u"Completed"_s);
    created.servers = {{u"shared"_s, NodeId, u"h"_s, u"10.0.0.7"_s}};
    created.finishedAtMs = T0 - 60 * Min;
    created.audit = {{T0 - 70 * Min, u"carol"_s, u"stage.started"_s, {}}};

    // The node was registered, a later stage failed; no finish time, only an update.
    Job dedicated = job(u"job-ded"_s, u"gamma"_s, u"dedicated"_s, u"Failed"_s);
    dedicated.servers = {{u"app"_s, u"other-app"_s, {}, {}}, {u"db"_s, NodeId, {}, {}}};
    dedicated.createdAtMs = T0 + 5 * Min;
    dedicated.updatedAtMs = T0 + 9 * Min;

    Job running = job(u"job-run"_s, u"delta"_s, u"shared-existing"_s, u"Running"_s);
    running.targetServerId = NodeId;
    running.createdAtMs = T0 + 20 * Min;

    Job elsewhere = job(u"job-else"_s, u"acme"_s, u"shared-existing"_s, u"Completed"_s);
    elsewhere.targetServerId = u"fsn1-shared-08"_s;
    elsewhere.finishedAtMs = T0;
    Job timeless = job(u"job-timeless"_s, u"acme"_s, u"shared-existing"_s, u"Queued"_s);
    timeless.targetServerId = NodeId;

    const QList<ChartAnnotation> all = NodeAnnotations::build(
        NodeId, u"fsn1"_s, {placed, created, dedicated, running, elsewhere, timeless}, {}, {});
    ASSERT_EQ(all.size(), 4);
    // Oldest first.
    EXPECT_EQ(all.at(0).jobId, u"job-new"_s);
    EXPECT_EQ(all.at(0).fromMs, T0 - 60 * Min);
    EXPECT_EQ(all.at(0).title, u"Node created for tenant beta"_s);
    EXPECT_EQ(all.at(0).who, u"carol"_s); // no job.created row: the first actor

    EXPECT_EQ(all.at(1).jobId, u"job-place"_s);
    EXPECT_EQ(all.at(1).kind, Kind::Job);
    EXPECT_EQ(all.at(1).fromMs, T0 + 3 * Min);
    EXPECT_EQ(all.at(1).toMs, T0 + 3 * Min);
    EXPECT_EQ(all.at(1).title, u"Tenant acme placed"_s);
    EXPECT_EQ(all.at(1).who, u"alice-laptop"_s); // the job.created row, not the first

    EXPECT_EQ(all.at(2).jobId, u"job-ded"_s);
    EXPECT_EQ(all.at(2).fromMs, T0 + 9 * Min);
    EXPECT_EQ(all.at(2).title, u"Dedicated db server created for tenant gamma (job: Failed)"_s);
    EXPECT_TRUE(all.at(2).who.isEmpty()); // the jobs list carries no audit

    EXPECT_EQ(all.at(3).jobId, u"job-run"_s);
    EXPECT_EQ(all.at(3).fromMs, T0 + 20 * Min);
    EXPECT_TRUE(all.at(3).isOpen());
    EXPECT_EQ(all.at(3).title, u"Placing tenant delta…"_s);
}

TEST(NodeAnnotations, FailedPlacementSaysSo)
{
    Job failed = job(u"job-f"_s, u"acme"_s, u"shared-existing"_s, u"Failed"_s);
    failed.targetServerId = NodeId;
    failed.finishedAtMs = T0;
    const QList<ChartAnnotation> all = NodeAnnotations::build(NodeId, u"fsn1"_s, {failed}, {}, {});
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.first().title, u"Placing tenant acme failed"_s);
}

TEST(NodeAnnotations, SilencesOfTheNodeOrItsRegionAreBandsToTheirEffectiveEnd)
{
    Silence byNode = silence(u"s1"_s, T0, T0 + 240 * Min, u"kernel upgrade"_s);
    byNode.nodeIds = {u"fsn1-shared-01"_s, NodeId};
    Silence byRegion = silence(u"s2"_s, T0 + 300 * Min, T0 + 600 * Min, u"rack move"_s);
    byRegion.region = u"fsn1"_s;
    byRegion.endedAtMs = T0 + 330 * Min; // ended early
    Silence otherRegion = silence(u"s3"_s, T0, T0 + Min, u"elsewhere"_s);
    otherRegion.region = u"nbg1"_s;
    Silence otherNode = silence(u"s4"_s, T0, T0 + Min, u"not this one"_s);
    otherNode.nodeIds = {u"fsn1-shared-08"_s};

    const QList<ChartAnnotation> all = NodeAnnotations::build(
        NodeId, u"fsn1"_s, {}, {otherRegion, byRegion, otherNode, byNode}, {});
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(0).kind, Kind::Silence);
    EXPECT_EQ(all.at(0).fromMs, T0);
    EXPECT_EQ(all.at(0).toMs, T0 + 240 * Min);
    EXPECT_EQ(all.at(0).title, u"Silenced: kernel upgrade"_s);
    EXPECT_EQ(all.at(0).reason, u"kernel upgrade"_s);
    EXPECT_EQ(all.at(0).who, u"bob-desk"_s);
    EXPECT_EQ(all.at(1).title, u"Silenced: rack move"_s);
    EXPECT_EQ(all.at(1).fromMs, T0 + 300 * Min);
    EXPECT_EQ(all.at(1).toMs, T0 + 330 * Min);
}

TEST(NodeAnnotations, FiringPeriodsRunFromFiringToResolvedOrUnknownPerRule)
{
    const QString other = u"fsn1-shared-08"_s;
    using S = AlertState;
    // Given out of order, mixed with another node's, as a history query might.
    const QList<AlertTransition> transitions{
        transition(NodeId, AlertRule::Cpu, S::Firing, S::Resolved, T0 + 30 * Min),
        transition(NodeId, AlertRule::Cpu, std::nullopt, S::Pending, T0, 91.0),
        transition(other, AlertRule::Cpu, S::Pending, S::Firing, T0 + 5 * Min, 99.0),
        transition(NodeId, AlertRule::Cpu, S::Pending, S::Firing, T0 + 10 * Min, 93.5),
        transition(NodeId, AlertRule::Memory, S::Pending, S::Firing, T0 + 40 * Min, 95.0),
        transition(NodeId, AlertRule::Memory, S::Firing, S::Unknown, T0 + 50 * Min),
        // Fired again and still firing: open.
        transition(NodeId, AlertRule::Cpu, S::Pending, S::Firing, T0 + 60 * Min, 97.0),
        transition(NodeId, AlertRule::Cpu, S::Firing, S::Firing, T0 + 70 * Min, 98.0),
        // Pending that never fired is not marked.
        transition(NodeId, AlertRule::Disk, std::nullopt, S::Pending, T0 + 15 * Min, 86.0),
        transition(NodeId, AlertRule::Disk, S::Pending, S::Resolved, T0 + 16 * Min, 70.0),
    };
    const QList<ChartAnnotation> all =
        NodeAnnotations::build(NodeId, u"fsn1"_s, {}, {}, transitions);
    ASSERT_EQ(all.size(), 3);
    for (const ChartAnnotation &a : all) {
        EXPECT_EQ(a.kind, Kind::Alert);
        EXPECT_TRUE(a.who.isEmpty());
    }
    EXPECT_EQ(all.at(0).rule, AlertRule::Cpu);
    EXPECT_EQ(all.at(0).fromMs, T0 + 10 * Min);
    EXPECT_EQ(all.at(0).toMs, T0 + 30 * Min);
    EXPECT_EQ(all.at(0).title, u"CPU alert firing at 93.5 %"_s);
    EXPECT_EQ(all.at(1).rule, AlertRule::Memory);
    EXPECT_EQ(all.at(1).fromMs, T0 + 40 * Min);
    EXPECT_EQ(all.at(1).toMs, T0 + 50 * Min); // unknown ends it too
    EXPECT_EQ(all.at(2).rule, AlertRule::Cpu);
    EXPECT_EQ(all.at(2).fromMs, T0 + 60 * Min);
    EXPECT_TRUE(all.at(2).isOpen());
}

TEST(NodeAnnotations, FreshnessFiringSaysStaleOrNeverReported)
{
    AlertTransition stale =
        transition(NodeId, AlertRule::Freshness, std::nullopt, AlertState::Firing, T0);
    stale.detail = u"stale"_s;
    AlertTransition never =
        transition(u"new-node"_s, AlertRule::Freshness, std::nullopt, AlertState::Firing, T0);
    never.detail = u"never_reported"_s;
    const QList<ChartAnnotation> a = NodeAnnotations::build(NodeId, u"fsn1"_s, {}, {}, {stale});
    ASSERT_EQ(a.size(), 1);
    EXPECT_EQ(a.first().title, u"Alert firing: node stale"_s);
    EXPECT_TRUE(a.first().isOpen());
    const QList<ChartAnnotation> b =
        NodeAnnotations::build(u"new-node"_s, u"fsn1"_s, {}, {}, {stale, never});
    ASSERT_EQ(b.size(), 1);
    EXPECT_EQ(b.first().title, u"Alert firing: never reported"_s);
}

TEST(NodeAnnotations, AllKindsTogetherAreSortedByStart)
{
    Job placed = job(u"j"_s, u"acme"_s, u"shared-existing"_s, u"Completed"_s);
    placed.targetServerId = NodeId;
    placed.finishedAtMs = T0 + 20 * Min;
    Silence s = silence(u"s"_s, T0 + 30 * Min, T0 + 90 * Min, u"planned"_s);
    s.nodeIds = {NodeId};
    const QList<ChartAnnotation> all = NodeAnnotations::build(
        NodeId, u"fsn1"_s, {placed}, {s},
        {transition(NodeId, AlertRule::Disk, AlertState::Pending, AlertState::Firing, T0, 88.0)});
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(ofKind(all, Kind::Alert).size(), 1);
    EXPECT_EQ(all.at(0).kind, Kind::Alert);
    EXPECT_EQ(all.at(1).kind, Kind::Job);
    EXPECT_EQ(all.at(2).kind, Kind::Silence);
}
