#include "api/jobcodec.h"
#include "api/joblist.h"
#include "domain/jobtext.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;

TEST(JobCodec, DecodesTheContractsJobAndIgnoresUnknownFields)
{
    const QByteArray body = R"({
      "job_id": "j1", "tenant_id": "acme", "path": "shared-new", "status": "Failed",
      "request": {"job_id": "j1"}, "stack": "fsn1", "target_server_id": null,
      "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "trace_recorded": true,
      "created_at": "2026-11-26T20:00:00Z", "updated_at": "2026-11-26T20:00:05.5Z",
      "finished_at": "2026-11-26T20:00:05.500Z",
      "error": {"stage": "ansible", "code": "ansible_failed", "message": "boom"},
      "stages": [
        {"name": "validate", "status": "succeeded", "started_at": "2026-11-26T20:00:00Z",
         "finished_at": "2026-11-26T20:00:01Z", "detail": "request valid", "skip_reason": null},
        {"name": "dns", "status": "skipped", "started_at": null, "finished_at": null,
         "detail": null, "skip_reason": "dns_managed_externally", "future": 1},
        {"status": "running"}
      ],
      "outputs": {"servers": [{"role": "shared", "node_id": "fsn1-shared-02",
                               "hostname": "h", "ipv4": "203.0.113.9"}]},
      "audit": [{"at": "2026-11-26T20:00:00Z", "actor": "ops", "action": "job.created",
                 "detail": "d"}],
      "something_new": {"x": 1}
    })";
    const auto d = JobCodec::decodeJob(body);
    ASSERT_TRUE(d.value) << d.error.toStdString();
    const Job &j = *d.value;
    EXPECT_EQ(j.jobId, u"j1"_s);
    EXPECT_EQ(j.status, u"Failed"_s);
    EXPECT_EQ(j.stack, u"fsn1"_s);
    EXPECT_FALSE(j.targetServerId);
    EXPECT_TRUE(j.traceRecorded);
    ASSERT_TRUE(j.error);
    EXPECT_EQ(j.error->code, u"ansible_failed"_s);
    ASSERT_EQ(j.stages.size(), 2); // the nameless stage is dropped
    EXPECT_EQ(j.stages[0].durationMs(), 1000);
    EXPECT_EQ(j.stages[1].skipReason, u"dns_managed_externally"_s);
    EXPECT_FALSE(j.stages[1].startedAtMs);
    ASSERT_EQ(j.servers.size(), 1);
    EXPECT_EQ(j.servers[0].nodeId, u"fsn1-shared-02"_s);
    ASSERT_EQ(j.audit.size(), 1);
    EXPECT_EQ(j.finishedAtMs.value() - j.createdAtMs.value(), 5500);
    EXPECT_TRUE(j.isFinished());
}

TEST(JobCodec, ClearErrorsForWhatCannotBeAJob)
{
    EXPECT_FALSE(JobCodec::decodeJob("[1]").value);
    EXPECT_FALSE(JobCodec::decodeJob("{").error.isEmpty());
    EXPECT_FALSE(JobCodec::decodeJob(R"({"status":"Queued"})").value);
    const auto page = JobCodec::decodeJobs(
        R"({"server_time":"2026-11-26T20:00:00Z","jobs":[{"job_id":"a","status":"Queued"},)"
        R"({"nope":1}],"next_cursor":null})");
    ASSERT_TRUE(page.value);
    EXPECT_EQ(page.value->jobs.size(), 1);
    EXPECT_EQ(page.value->warnings.size(), 1);
    EXPECT_FALSE(page.value->nextCursor);
    EXPECT_FALSE(JobCodec::decodeJobs(R"({"jobs":[]})").value);
}

TEST(JobList, LocalUnconfirmedJobsComeFirstAndVanishOnceTheServerListsThem)
{
    Job server;
    server.jobId = u"a"_s;
    server.status = u"Running"_s;
    OutboxEntry sent;
    sent.jobId = u"a"_s;
    sent.state = OutboxState::Sent;
    OutboxEntry unknown;
    unknown.jobId = u"b"_s;
    unknown.state = OutboxState::Unknown;
    unknown.body = R"({"job_id":"b","tenant_id":"t","region":"hel1","create_new_server":true,)"
                   R"("target_server_id":null,"dedicated":false,"trace_id":null})";
    OutboxEntry rejected;
    rejected.jobId = u"c"_s;
    rejected.state = OutboxState::Rejected;
    const auto rows = JobList::merge({server}, {sent, unknown, rejected});
    ASSERT_EQ(rows.size(), 2);
    EXPECT_TRUE(rows[0].local);
    EXPECT_EQ(rows[0].job.jobId, u"b"_s);
    EXPECT_EQ(rows[0].job.stack, u"hel1"_s);
    EXPECT_EQ(rows[0].job.path, u"shared-new"_s);
    EXPECT_FALSE(rows[1].local);
    EXPECT_EQ(rows[1].job.status, u"Running"_s);
}

// `prego-ctl job show`: a shared job names its target node; a dedicated stack has none, so its
// summary leaves the target out instead of printing "target –".
TEST(JobText, NamesTheTargetOfASharedJobAndNoneForADedicatedStack)
{
    Job shared;
    shared.jobId = u"j1"_s;
    shared.tenantId = u"acme"_s;
    shared.path = u"shared-existing"_s;
    shared.status = u"Completed"_s;
    shared.targetServerId = u"fsn1-shared-02"_s;
    EXPECT_TRUE(JobText::describe(shared).contains(
        u"Tenant acme, path shared-existing, stack –, target fsn1-shared-02\n"_s))
        << JobText::describe(shared).toStdString();

    Job dedicated = shared;
    dedicated.path = u"dedicated"_s;
    dedicated.stack = u"dedicated-acme"_s;
    dedicated.targetServerId.reset();
    const QString text = JobText::describe(dedicated);
    EXPECT_TRUE(text.contains(u"Tenant acme, path dedicated, stack dedicated-acme\n"_s))
        << text.toStdString();
    EXPECT_FALSE(text.contains(u"target"_s)) << text.toStdString();
}

// A shared-new job asks for a new node, not a target: no "target –" either. The request decides,
// not the path.
TEST(JobText, LeavesTheTargetOutOfASharedNewJob)
{
    Job sharedNew;
    sharedNew.jobId = u"j2"_s;
    sharedNew.tenantId = u"gamma"_s;
    sharedNew.path = u"shared-new"_s;
    sharedNew.status = u"Completed"_s;
    sharedNew.stack = u"nbg1"_s;
    sharedNew.servers = {{u"shared"_s, u"nbg1-shared-09"_s, u"h"_s, u"10.0.0.9"_s}};
    const QString text = JobText::describe(sharedNew);
    EXPECT_TRUE(text.contains(u"Tenant gamma, path shared-new, stack nbg1\n"_s))
        << text.toStdString();
    EXPECT_FALSE(text.contains(u"target"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"Server shared: node nbg1-shared-09, h, 10.0.0.9\n"_s))
        << text.toStdString();
}
