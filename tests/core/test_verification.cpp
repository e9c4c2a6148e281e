// The Definition-of-Done checks against hand-built API answers, at their boundaries.
#include "domain/verification.h"
#include "i18n/translations.h"
#include "testnodes.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::Verification;
using prego::VerificationInput;
using prego::VerificationResult;
using Outcome = prego::VerificationResult::Outcome;

namespace {

constexpr qint64 Now = 1'764'000'000'000;

// Nodes the freshness rule binds: shared, active, accepting tenants.
constexpr prego::test::AgedNodes bound{Now};

prego::JobStage stage(const QString &name, const QString &status)
{
    prego::JobStage s;
    s.name = name;
    s.status = status;
    s.startedAtMs = Now - 60000;
    s.finishedAtMs = Now - 50000;
    return s;
}

prego::Job job(const QString &path, const QString &status, const QString &tenant = u"acme"_s)
{
    prego::Job j;
    j.jobId = u"job-"_s + path;
    j.tenantId = tenant;
    j.path = path;
    j.status = status;
    j.createdAtMs = Now - 120000;
    if (path == u"shared-existing")
        j.stages = {stage(u"validate"_s, u"succeeded"_s), stage(u"resolve_host"_s, u"succeeded"_s),
                    stage(u"dns"_s, u"succeeded"_s), stage(u"ansible"_s, u"succeeded"_s),
                    stage(u"callbacks"_s, u"succeeded"_s)};
    else
        j.stages = {
            stage(u"validate"_s, u"succeeded"_s),      stage(u"pulumi_up"_s, u"succeeded"_s),
            stage(u"register_node"_s, u"succeeded"_s), stage(u"dns"_s, u"succeeded"_s),
            stage(u"ansible"_s, u"succeeded"_s),       stage(u"callbacks"_s, u"succeeded"_s)};
    if (path == u"shared-new")
        j.servers = {{u"shared"_s, u"fsn1-shared-09"_s, u"h"_s, u"10.0.0.9"_s}};
    if (path == u"dedicated") {
        j.stack = u"dedicated-"_s + tenant;
        j.servers = {{u"app"_s, u"ded-a-app"_s, {}, {}},
                     {u"db"_s, u"ded-a-db"_s, {}, {}},
                     {u"redis"_s, u"ded-a-redis"_s, {}, {}}};
    }
    return j;
}

// A healthy fleet and three good scenario jobs: everything passes.
VerificationInput healthy()
{
    VerificationInput in;
    in.serverNowMs = Now;
    in.nodes = prego::NodesSnapshot{};
    in.nodes->serverTimeMs = Now;
    in.nodes->nodes = {bound(u"fsn1-shared-01"_s, 30), bound(u"fsn1-shared-09"_s, 10)};
    in.jobs = QList<prego::Job>{job(u"shared-existing"_s, u"Completed"_s),
                                job(u"shared-new"_s, u"Completed"_s),
                                job(u"dedicated"_s, u"Completed"_s)};
    return in;
}

VerificationResult check(const VerificationInput &in, VerificationResult::Id id)
{
    for (const VerificationResult &r : Verification::evaluate(in)) {
        if (r.id == id)
            return r;
    }
    return {};
}

// As a std::string: a failed comparison prints the text.
std::string summary(const VerificationInput &in, VerificationResult::Id id)
{
    return check(in, id).summary.toStdString();
}

} // namespace

TEST(Verification, AHealthyFleetAndGoodScenariosPassEverything)
{
    const QList<VerificationResult> results = Verification::evaluate(healthy());
    ASSERT_EQ(results.size(), 7);
    for (const VerificationResult &r : results)
        EXPECT_EQ(r.outcome, Outcome::Pass)
            << Verification::key(r.id).toStdString() << ": " << r.summary.toStdString();
    EXPECT_TRUE(Verification::allPass(results));
    EXPECT_EQ(results.first().evaluatedAtMs, Now);
}

TEST(Verification, M1IsFreshAt299AndStaleAt301SecondsOnTheServersClock)
{
    VerificationInput in = healthy();
    in.nodes->nodes = {bound(u"a-1"_s, 299), bound(u"b-1"_s, 300)};
    EXPECT_EQ(check(in, VerificationResult::Id::M1).outcome, Outcome::Pass);
    in.nodes->nodes = {bound(u"a-1"_s, 299), bound(u"b-1"_s, 301)};
    const VerificationResult r = check(in, VerificationResult::Id::M1);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    ASSERT_EQ(r.evidence.size(), 1);
    EXPECT_EQ(r.evidence.first().id, u"b-1"_s);
    EXPECT_EQ(r.evidence.first().text, u"b-1: last push 5 min ago (301 s)"_s);
    // The profile's threshold, not a constant.
    in.staleAfterSeconds = 600;
    EXPECT_EQ(check(in, VerificationResult::Id::M1).outcome, Outcome::Pass);
    // A never-reported node is not fresh; nodes that are not bound do not count.
    in.nodes->nodes = {bound(u"a-1"_s, 10), bound(u"c-1"_s, std::nullopt)};
    in.nodes->nodes.append(bound(u"d-1"_s, 5000));
    in.nodes->nodes.last().status = u"draining"_s;
    const VerificationResult never = check(in, VerificationResult::Id::M1);
    EXPECT_EQ(never.outcome, Outcome::Fail);
    ASSERT_EQ(never.evidence.size(), 1);
    EXPECT_EQ(never.evidence.first().text, u"c-1: never pushed"_s);
}

TEST(Verification, M1ExcusesASilencedNodeAndSaysByWhomUntilWhenAndWhy)
{
    VerificationInput in = healthy();
    in.nodes->nodes = {bound(u"a-1"_s, 10), bound(u"b-1"_s, 4000), bound(u"c-1"_s, std::nullopt)};
    in.nodes->nodes[2].region = u"hel1"_s;
    prego::Silence onB;
    onB.silenceId = u"s-1"_s;
    onB.nodeIds = {u"b-1"_s};
    onB.startsAtMs = Now - 3600'000;
    onB.endsAtMs = Now + 2 * 3600'000;
    onB.reason = u"kernel upgrade"_s;
    onB.createdBy = u"alice-laptop"_s;
    in.silences = {onB};
    // b-1 is excused; c-1 (never pushed, not silenced) still fails the check.
    VerificationResult r = check(in, VerificationResult::Id::M1);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_EQ(r.summary, u"1 of 3 bound nodes did not push within 5 min. 1 more excused by a "
                         "silence."_s);
    ASSERT_EQ(r.evidence.size(), 2);
    EXPECT_TRUE(r.evidence[0].excused);
    EXPECT_EQ(r.evidence[0].text,
              u"b-1: last push 1 h ago (4000 s) — excused: silenced by alice-laptop until "
              "2025-11-24 18:00 UTC (kernel upgrade)"_s);
    EXPECT_FALSE(r.evidence[1].excused);

    // A silence on c-1's region excuses it too: the check passes, listing both, not silently.
    prego::Silence region = onB;
    region.silenceId = u"s-2"_s;
    region.nodeIds.clear();
    region.region = u"hel1"_s;
    in.silences.append(region);
    r = check(in, VerificationResult::Id::M1);
    EXPECT_EQ(r.outcome, Outcome::Pass);
    EXPECT_EQ(r.summary, u"Every bound node pushed within 5 min or is under maintenance: 2 "
                         "excused by a silence."_s);
    EXPECT_EQ(r.evidence.size(), 2);

    // Ended early, expired or not yet started: no excuse.
    in.silences[0].endedAtMs = Now - 60'000;
    in.silences[1].startsAtMs = Now + 60'000;
    r = check(in, VerificationResult::Id::M1);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_EQ(r.summary, u"2 of 3 bound nodes did not push within 5 min."_s);
    for (const auto &e : r.evidence)
        EXPECT_FALSE(e.excused);
}

TEST(Verification, M2NamesEveryNullField)
{
    VerificationInput in = healthy();
    in.nodes->nodes.first().metrics->diskPct.reset();
    in.nodes->nodes.first().metrics->tenantCount.reset();
    const VerificationResult r = check(in, VerificationResult::Id::M2);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    ASSERT_EQ(r.evidence.size(), 1);
    EXPECT_EQ(r.evidence.first().text, u"fsn1-shared-01: no disk_pct, tenant_count"_s);
}

// The Verification page said "1 bound node leave values empty": the English singular is a form of
// its own, not the plural without its "s".
TEST(Verification, M2SaysHowManyNodesLeaveValuesEmptyInGoodEnglishAndInKorean)
{
    VerificationInput in = healthy();
    in.nodes->nodes.first().metrics->diskPct.reset();
    EXPECT_EQ(summary(in, VerificationResult::Id::M2), "1 bound node leaves values empty.");
    VerificationInput two = in;
    two.nodes->nodes.last().metrics->cpuPct.reset();
    EXPECT_EQ(summary(two, VerificationResult::Id::M2), "2 bound nodes leave values empty.");

    struct RestoreEnglish
    {
        ~RestoreEnglish()
        {
            prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        }
    } restore;
    ASSERT_TRUE(prego::Translations::install(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    EXPECT_EQ(summary(in, VerificationResult::Id::M2), "대상 노드 1개가 값을 비워 둡니다.");
    EXPECT_EQ(summary(two, VerificationResult::Id::M2), "대상 노드 2개가 값을 비워 둡니다.");
}

// The other counted summaries of the page agree with their count too.
TEST(Verification, CountedSummariesAgreeWithOneNodeAndWithTwo)
{
    VerificationInput one = healthy();
    one.nodes->nodes = {bound(u"a-1"_s, 10)};
    EXPECT_EQ(summary(one, VerificationResult::Id::M1), "The 1 bound node pushed within 5 min.");
    EXPECT_EQ(summary(one, VerificationResult::Id::M2),
              "All four values are reported by the 1 bound node.");
    const VerificationInput two = healthy();
    EXPECT_EQ(summary(two, VerificationResult::Id::M1), "All 2 bound nodes pushed within 5 min.");
    EXPECT_EQ(summary(two, VerificationResult::Id::M2),
              "All four values are reported by all 2 bound nodes.");
    EXPECT_EQ(summary(two, VerificationResult::Id::E4), "All 2 live nodes are fresh.");

    VerificationInput stale = healthy();
    stale.nodes->nodes.first().metrics->updatedAtMs = Now - 400 * 1000;
    EXPECT_EQ(summary(stale, VerificationResult::Id::M1),
              "1 of 2 bound nodes did not push within 5 min.");
    EXPECT_EQ(summary(stale, VerificationResult::Id::E4), "1 live node is not fresh.");
    // A stale dedicated node is live but not bound (the shared-new job's node stays fresh: E4
    // needs E2 to pass).
    prego::Node dedicated = bound(u"ded-a-db"_s, 900);
    dedicated.placement = u"dedicated"_s;
    dedicated.acceptsTenants = false;
    stale.nodes->nodes << dedicated;
    EXPECT_EQ(summary(stale, VerificationResult::Id::E4), "2 live nodes are not fresh.");
    stale.nodes->nodes[1].metrics->updatedAtMs = Now - 400 * 1000;
    EXPECT_EQ(summary(stale, VerificationResult::Id::M1),
              "2 of 2 bound nodes did not push within 5 min.");
}

TEST(Verification, M3FailsForARefusedTokenAndCannotBeEvaluatedOffline)
{
    VerificationInput in = healthy();
    in.nodes.reset();
    prego::ApiError refused;
    refused.kind = prego::ApiError::Kind::Http;
    refused.httpStatus = 403;
    in.nodesError = refused;
    EXPECT_EQ(check(in, VerificationResult::Id::M3).outcome, Outcome::Fail);
    EXPECT_EQ(check(in, VerificationResult::Id::M1).outcome, Outcome::NotEvaluable);
    prego::ApiError offline;
    offline.kind = prego::ApiError::Kind::Network;
    in.nodesError = offline;
    EXPECT_EQ(check(in, VerificationResult::Id::M3).outcome, Outcome::NotEvaluable);
}

TEST(Verification, E1FailsWhenAnExistingNodeJobRanPulumi)
{
    VerificationInput in = healthy();
    (*in.jobs)[0].stages.insert(1, stage(u"pulumi_up"_s, u"succeeded"_s));
    const VerificationResult r = check(in, VerificationResult::Id::E1);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_TRUE(r.summary.contains(u"it ran pulumi_up"_s)) << r.summary.toStdString();
    // A skipped pulumi_up is no Pulumi run; a DNS stage skipped with its reason is an outcome.
    (*in.jobs)[0].stages[1].status = u"skipped"_s;
    (*in.jobs)[0].stages[3].status = u"skipped"_s;
    (*in.jobs)[0].stages[3].skipReason = u"dns_managed_externally"_s;
    EXPECT_EQ(check(in, VerificationResult::Id::E1).outcome, Outcome::Pass);
    // Without callbacks recorded it fails.
    (*in.jobs)[0].stages.removeLast();
    EXPECT_EQ(check(in, VerificationResult::Id::E1).outcome, Outcome::Fail);
}

TEST(Verification, E1ReportsTheFailedStageOfTheLatestJob)
{
    VerificationInput in = healthy();
    prego::Job failed = job(u"shared-existing"_s, u"Failed"_s);
    failed.jobId = u"job-later"_s;
    failed.createdAtMs = Now - 1000;
    failed.error = prego::JobError{u"ansible"_s, u"ansible_failed"_s, u"boom"_s};
    failed.stages[3].status = u"failed"_s;
    in.jobs->prepend(failed);
    const VerificationResult r = check(in, VerificationResult::Id::E1);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_EQ(r.summary,
              u"The latest job of this path Failed in stage ansible (ansible_failed): boom"_s);
    ASSERT_EQ(r.evidence.size(), 2);
    EXPECT_EQ(r.evidence.at(1).text, u"Stage ansible: failed"_s);
    // E4 waits for E1–E3.
    EXPECT_EQ(check(in, VerificationResult::Id::E4).outcome, Outcome::NotEvaluable);
}

TEST(Verification, ScenariosWithoutJobsCannotBeEvaluated)
{
    VerificationInput in = healthy();
    in.jobs->clear();
    const VerificationResult r = check(in, VerificationResult::Id::E2);
    EXPECT_EQ(r.outcome, Outcome::NotEvaluable);
    EXPECT_EQ(r.summary, u"No job of this path yet."_s);
    in.jobs = QList<prego::Job>{job(u"dedicated"_s, u"Running"_s)};
    EXPECT_EQ(check(in, VerificationResult::Id::E3).summary,
              u"A job of this path is still running."_s);
}

TEST(Verification, E2NeedsTheNewNodeRegisteredAndReporting)
{
    VerificationInput in = healthy();
    in.nodes->nodes.removeLast(); // fsn1-shared-09 is not registered
    EXPECT_EQ(check(in, VerificationResult::Id::E2).outcome, Outcome::Fail);
    in.nodes->nodes.append(bound(u"fsn1-shared-09"_s, std::nullopt)); // registered, silent
    const VerificationResult r = check(in, VerificationResult::Id::E2);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_TRUE(r.summary.contains(u"not reporting"_s));
}

TEST(Verification, E3WantsThreeServersOnTheSanitizedStack)
{
    VerificationInput in = healthy();
    (*in.jobs)[2].servers.removeLast();
    VerificationResult r = check(in, VerificationResult::Id::E3);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_TRUE(r.summary.contains(u"it has 2 servers (app, db) instead of app, db and redis"_s))
        << r.summary.toStdString();

    in = healthy();
    (*in.jobs)[2].tenantId = u"Acme_Corp"_s;
    (*in.jobs)[2].stack = u"dedicated-Acme_Corp"_s;
    r = check(in, VerificationResult::Id::E3);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_TRUE(r.summary.contains(u"its stack is dedicated-Acme_Corp, not dedicated-acme-corp"_s))
        << r.summary.toStdString();
}

TEST(Verification, E4NamesEveryLiveNodeThatIsNotFresh)
{
    VerificationInput in = healthy();
    prego::Node dedicated = bound(u"ded-a-db"_s, 900);
    dedicated.placement = u"dedicated"_s;
    dedicated.acceptsTenants = false;
    prego::Node retired = bound(u"old-1"_s, 99999);
    retired.status = u"retired"_s;
    in.nodes->nodes << dedicated << retired;
    const VerificationResult r = check(in, VerificationResult::Id::E4);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    ASSERT_EQ(r.evidence.size(), 1);
    EXPECT_EQ(r.evidence.first().id, u"ded-a-db"_s);
}

TEST(Verification, TheMarkdownReportHasATableAndTheEvidence)
{
    VerificationInput in = healthy();
    in.nodes->nodes.first().metrics->updatedAtMs = Now - 400 * 1000;
    const QString md = Verification::markdown(Verification::evaluate(in),
                                              {u"prod"_s, u"https://cp.example"_s, 300});
    EXPECT_TRUE(md.startsWith(u"# Definition-of-Done verification\n"_s));
    EXPECT_TRUE(md.contains(u"- Profile: prod (https://cp.example)"_s));
    EXPECT_TRUE(md.contains(u"| M1 | fail |"_s));
    EXPECT_TRUE(md.contains(u"## M1 — fail"_s));
    EXPECT_TRUE(md.contains(u"- fsn1-shared-01: last push 6 min ago (400 s)"_s));
    EXPECT_TRUE(md.contains(u"not every check passes"_s));
}
