// The simulated provisioning pipeline: the stages of each path in order, outputs, registered
// nodes, audit rows, the trace switch, skipped DNS, failures and retries (DoD E1–E4).
#include "cpsimtest.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

const QStringList SharedExistingStages{u"validate"_s, u"resolve_host"_s, u"dns"_s, u"ansible"_s,
                                       u"callbacks"_s};
const QStringList NewServerStages{u"validate"_s, u"pulumi_up"_s, u"register_node"_s,
                                  u"dns"_s,      u"ansible"_s,   u"callbacks"_s};

// Every stage has the documented shape, the listed names come in order, and stage times follow
// one another. `expected` maps a stage to its status (default "succeeded").
void expectStages(const QJsonObject &job, const QStringList &names,
                  const QHash<QString, QString> &expected = {})
{
    EXPECT_EQ(stageNames(job), names) << PrintToString(job.value(u"stages"_s));
    QDateTime previousEnd;
    const QJsonArray stages = job.value(u"stages"_s).toArray();
    for (const QJsonValue &value : stages) {
        const QJsonObject stage = value.toObject();
        const QString name = stage.value(u"name"_s).toString();
        SCOPED_TRACE(name.toStdString());
        const QString status = stage.value(u"status"_s).toString();
        EXPECT_EQ(status, expected.value(name, u"succeeded"_s)) << PrintToString(stage);
        EXPECT_TRUE(stage.value(u"detail"_s).isString() || stage.value(u"detail"_s).isNull())
            << PrintToString(stage);
        EXPECT_TRUE(stage.contains(u"skip_reason"_s)) << PrintToString(stage);
        if (status != u"skipped"_s) {
            EXPECT_TRUE(stage.value(u"skip_reason"_s).isNull()) << PrintToString(stage);
        }
        if (status == u"succeeded"_s || status == u"failed"_s) {
            const QDateTime started = parseTime(stage.value(u"started_at"_s));
            const QDateTime finished = parseTime(stage.value(u"finished_at"_s));
            EXPECT_TRUE(isRfc3339Utc(stage.value(u"started_at"_s).toString()))
                << PrintToString(stage);
            EXPECT_TRUE(isRfc3339Utc(stage.value(u"finished_at"_s).toString()))
                << PrintToString(stage);
            EXPECT_LE(started, finished) << PrintToString(stage);
            if (previousEnd.isValid()) {
                EXPECT_LE(previousEnd, started) << "stages overlap: " << PrintToString(stage);
            }
            previousEnd = finished;
        }
        if (status == u"pending"_s) {
            EXPECT_TRUE(stage.value(u"started_at"_s).isNull()) << PrintToString(stage);
            EXPECT_TRUE(stage.value(u"finished_at"_s).isNull()) << PrintToString(stage);
        }
    }
}

// Audit rows: RFC 3339 `at` in order, an actor that is a token name and never a token value.
void expectCleanAudit(const QJsonObject &job, const SimProcess &sim)
{
    const QJsonArray audit = job.value(u"audit"_s).toArray();
    ASSERT_FALSE(audit.isEmpty());
    EXPECT_EQ(audit.first().toObject().value(u"action"_s).toString(), u"job.created"_s);
    EXPECT_EQ(audit.first().toObject().value(u"actor"_s).toString(), u"test-operator"_s);
    QDateTime previous;
    for (const QJsonValue &value : audit) {
        const QJsonObject row = value.toObject();
        EXPECT_TRUE(isRfc3339Utc(row.value(u"at"_s).toString())) << PrintToString(row);
        EXPECT_FALSE(row.value(u"actor"_s).toString().isEmpty()) << PrintToString(row);
        EXPECT_FALSE(row.value(u"action"_s).toString().isEmpty()) << PrintToString(row);
        const QDateTime at = parseTime(row.value(u"at"_s));
        if (previous.isValid()) {
            EXPECT_LE(previous, at) << "audit out of order: " << PrintToString(row);
        }
        previous = at;
        for (const SimProcess::Token &token : sim.tokens) {
            const QByteArray rowText = QJsonDocument(row).toJson();
            EXPECT_FALSE(rowText.contains(token.value.toUtf8())) << "token value in audit";
        }
    }
}

class CpSimPipeline : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--time-scale"_s, u"0.01"_s}; }

    void SetUp() override
    {
        CpSimTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
        ASSERT_EQ(registerNode(nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s)).status, 201);
        ASSERT_EQ(registerNode(nodeBody(u"nbg1-shared-02"_s, u"nbg1"_s)).status, 201);
    }

    // Submits and waits for the end; returns the final job.
    QJsonObject run(const QJsonObject &body)
    {
        const HttpResult accepted = submitJob(*op, body);
        EXPECT_EQ(accepted.status, 202) << describe(accepted).toStdString();
        if (accepted.status != 202)
            return {};
        return waitForJobEnd(*op, body.value(u"job_id"_s).toString());
    }

    QSet<QString> nodeIdSet()
    {
        const QStringList ids = nodeIds(listNodes(*op));
        return QSet<QString>(ids.begin(), ids.end());
    }
};

TEST_F(CpSimPipeline, SharedExistingRunsWithoutPulumi)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    const QString trace = newTraceId();
    const QJsonObject job =
        run(sharedExistingBody(u"acme-corp"_s, u"fsn1"_s, u"fsn1-shared-01"_s, trace));
    ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
    EXPECT_EQ(job.value(u"path"_s).toString(), u"shared-existing"_s);
    expectStages(job, SharedExistingStages);
    EXPECT_FALSE(stageNames(job).contains(u"pulumi_up"_s));
    EXPECT_FALSE(stageNamed(job, u"dns"_s).value(u"detail"_s).toString().isEmpty())
        << "the dns stage records its outcome (E1)";
    EXPECT_TRUE(job.value(u"stack"_s).isNull());
    EXPECT_EQ(job.value(u"target_server_id"_s).toString(), u"fsn1-shared-01"_s);
    EXPECT_EQ(job.value(u"trace_id"_s).toString(), trace);
    EXPECT_EQ(job.value(u"trace_recorded"_s), QJsonValue(true));
    EXPECT_TRUE(job.value(u"error"_s).isNull());
    EXPECT_TRUE(isRfc3339Utc(job.value(u"finished_at"_s).toString())) << PrintToString(job);
    EXPECT_LE(parseTime(job.value(u"created_at"_s)), parseTime(job.value(u"finished_at"_s)));
    EXPECT_LE(parseTime(stageNamed(job, u"callbacks"_s).value(u"finished_at"_s)),
              parseTime(job.value(u"finished_at"_s)));
    const QJsonArray servers = job.value(u"outputs"_s).toObject().value(u"servers"_s).toArray();
    for (const QJsonValue &server : servers) {
        EXPECT_EQ(server.toObject().value(u"node_id"_s).toString(), u"fsn1-shared-01"_s)
            << "a shared-existing job only uses its target";
    }

    EXPECT_EQ(nodeIdSet(), nodesBefore) << "no node is created";
    ASSERT_NO_FATAL_FAILURE(expectCleanAudit(job, sim));
    const QStringList actions = auditActions(job);
    EXPECT_EQ(actions.last(), u"job.completed"_s) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"stage.started"_s), 5) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"stage.finished"_s), 5) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"node.registered"_s), 0) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"job.completed"_s), 1) << PrintToString(actions);
}

TEST_F(CpSimPipeline, SharedNewRunsPulumiOnTheRegionStackAndRegistersOneNode)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    const QJsonObject job = run(sharedNewBody(u"beta-co"_s, u"nbg1"_s, newTraceId()));
    ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
    EXPECT_EQ(job.value(u"path"_s).toString(), u"shared-new"_s);
    expectStages(job, NewServerStages);
    EXPECT_EQ(job.value(u"stack"_s).toString(), u"nbg1"_s);
    EXPECT_FALSE(stageNamed(job, u"pulumi_up"_s).value(u"detail"_s).toString().isEmpty());
    EXPECT_TRUE(job.value(u"error"_s).isNull());

    const QSet<QString> added = nodeIdSet() - nodesBefore;
    ASSERT_EQ(added.size(), 1) << PrintToString(QStringList(added.begin(), added.end()));
    // Next free number after nbg1-shared-01 and -02.
    EXPECT_EQ(*added.begin(), u"nbg1-shared-03"_s);

    const HttpResult nodeResult = viewer->get(u"/internal/nodes/nbg1-shared-03"_s);
    ASSERT_EQ(nodeResult.status, 200);
    const QJsonObject node = nodeResult.json();
    EXPECT_EQ(node.value(u"region"_s).toString(), u"nbg1"_s);
    EXPECT_EQ(node.value(u"placement"_s).toString(), u"shared"_s);
    EXPECT_EQ(node.value(u"role"_s).toString(), u"shared"_s);
    EXPECT_EQ(node.value(u"stack"_s).toString(), u"nbg1"_s);
    EXPECT_EQ(node.value(u"accepts_tenants"_s), QJsonValue(true));
    EXPECT_EQ(node.value(u"status"_s).toString(), u"active"_s);
    EXPECT_TRUE(node.value(u"tenant_id"_s).isNull());
    EXPECT_FALSE(node.value(u"hostname"_s).toString().isEmpty());
    EXPECT_FALSE(node.value(u"ipv4"_s).toString().isEmpty());

    const QJsonArray servers = job.value(u"outputs"_s).toObject().value(u"servers"_s).toArray();
    ASSERT_EQ(servers.size(), 1) << PrintToString(job.value(u"outputs"_s));
    const QJsonObject server = servers.first().toObject();
    EXPECT_EQ(server.value(u"node_id"_s).toString(), u"nbg1-shared-03"_s);
    EXPECT_EQ(server.value(u"hostname"_s), node.value(u"hostname"_s));
    EXPECT_EQ(server.value(u"ipv4"_s), node.value(u"ipv4"_s));

    ASSERT_NO_FATAL_FAILURE(expectCleanAudit(job, sim));
    const QStringList actions = auditActions(job);
    EXPECT_GE(actions.count(u"node.registered"_s), 1) << PrintToString(actions);
    EXPECT_EQ(actions.last(), u"job.completed"_s) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"stage.started"_s), 6) << PrintToString(actions);
    EXPECT_EQ(actions.count(u"stage.finished"_s), 6) << PrintToString(actions);
}

TEST_F(CpSimPipeline, DedicatedRegistersAppDbAndRedis)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    const QJsonObject job = run(dedicatedBody(u"Initech_Labs"_s, u"hel1"_s, newTraceId()));
    ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
    EXPECT_EQ(job.value(u"path"_s).toString(), u"dedicated"_s);
    expectStages(job, NewServerStages);
    EXPECT_EQ(job.value(u"stack"_s).toString(), u"dedicated-initech-labs"_s);

    const QSet<QString> expectedIds{u"ded-initech-labs-app"_s, u"ded-initech-labs-db"_s,
                                    u"ded-initech-labs-redis"_s};
    EXPECT_EQ(nodeIdSet() - nodesBefore, expectedIds);
    for (const QString &role : {u"app"_s, u"db"_s, u"redis"_s}) {
        SCOPED_TRACE(role.toStdString());
        const HttpResult result = viewer->get(u"/internal/nodes/ded-initech-labs-"_s + role);
        ASSERT_EQ(result.status, 200);
        const QJsonObject node = result.json();
        EXPECT_EQ(node.value(u"placement"_s).toString(), u"dedicated"_s);
        EXPECT_EQ(node.value(u"role"_s).toString(), role);
        EXPECT_EQ(node.value(u"tenant_id"_s).toString(), u"Initech_Labs"_s);
        EXPECT_EQ(node.value(u"accepts_tenants"_s), QJsonValue(false));
        EXPECT_EQ(node.value(u"stack"_s).toString(), u"dedicated-initech-labs"_s);
        EXPECT_EQ(node.value(u"region"_s).toString(), u"hel1"_s);
        EXPECT_EQ(node.value(u"status"_s).toString(), u"active"_s);
    }

    // outputs: the three servers, one per role, matching the registered nodes (E3).
    const QJsonArray servers = job.value(u"outputs"_s).toObject().value(u"servers"_s).toArray();
    ASSERT_EQ(servers.size(), 3) << PrintToString(job.value(u"outputs"_s));
    QSet<QString> roles;
    for (const QJsonValue &value : servers) {
        const QJsonObject server = value.toObject();
        const QString role = server.value(u"role"_s).toString();
        roles << role;
        EXPECT_EQ(server.value(u"node_id"_s).toString(), u"ded-initech-labs-"_s + role);
        const QJsonObject node = viewer->get(u"/internal/nodes/ded-initech-labs-"_s + role).json();
        EXPECT_EQ(server.value(u"hostname"_s), node.value(u"hostname"_s));
        EXPECT_EQ(server.value(u"ipv4"_s), node.value(u"ipv4"_s));
    }
    EXPECT_EQ(roles, (QSet<QString>{u"app"_s, u"db"_s, u"redis"_s}));

    ASSERT_NO_FATAL_FAILURE(expectCleanAudit(job, sim));
    EXPECT_GE(auditActions(job).count(u"node.registered"_s), 1);
    EXPECT_EQ(auditActions(job).last(), u"job.completed"_s);
}

TEST_F(CpSimPipeline, NewNodesStartReportingMetrics)
{
    const QJsonObject shared = run(sharedNewBody(u"metrics-co"_s, u"ash"_s));
    ASSERT_EQ(shared.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(shared);
    const QJsonObject dedicated = run(dedicatedBody(u"metrics-ded"_s, u"ash"_s));
    ASSERT_EQ(dedicated.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(dedicated);
    const QStringList fresh{u"ash-shared-01"_s, u"ded-metrics-ded-app"_s, u"ded-metrics-ded-db"_s,
                            u"ded-metrics-ded-redis"_s};

    // E4: every new live node pushes, and its updated_at is fresh against server_time.
    QDeadlineTimer deadline(25000);
    QStringList missing = fresh;
    while (!missing.isEmpty() && !deadline.hasExpired()) {
        const QJsonObject response = nodesResponse(*op);
        const QJsonArray nodes = response.value(u"nodes"_s).toArray();
        missing.clear();
        for (const QString &id : fresh) {
            const QJsonValue metrics = findNode(nodes, id).value(u"metrics"_s);
            if (!metrics.isObject() || secondsBetween(metrics.toObject().value(u"updated_at"_s),
                                                      response.value(u"server_time"_s)) > 300)
                missing << id;
        }
        if (!missing.isEmpty())
            QThread::msleep(250);
    }
    EXPECT_TRUE(missing.isEmpty()) << "never reported: " << PrintToString(missing);
}

TEST_F(CpSimPipeline, WithoutTraceIdNoStagesAreRecorded)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    for (const QJsonObject &body : {sharedExistingBody(u"quiet"_s, u"fsn1"_s, u"fsn1-shared-01"_s),
                                    sharedNewBody(u"quiet-new"_s, u"fsn1"_s)}) {
        SCOPED_TRACE(body.value(u"tenant_id"_s).toString().toStdString());
        const HttpResult accepted = submitJob(*op, body);
        ASSERT_EQ(accepted.status, 202) << describe(accepted).toStdString();
        EXPECT_EQ(accepted.json().value(u"trace_recorded"_s), QJsonValue(false));
        EXPECT_EQ(accepted.json().value(u"stages"_s), QJsonValue(QJsonArray{}));
        EXPECT_TRUE(accepted.json().value(u"trace_id"_s).isNull());
        const QJsonObject job = waitForJobEnd(*op, body.value(u"job_id"_s).toString());
        ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
        EXPECT_EQ(job.value(u"stages"_s), QJsonValue(QJsonArray{}));
        EXPECT_EQ(job.value(u"trace_recorded"_s), QJsonValue(false));
        EXPECT_TRUE(job.value(u"trace_id"_s).isNull());
        ASSERT_NO_FATAL_FAILURE(expectCleanAudit(job, sim));
        EXPECT_EQ(auditActions(job).last(), u"job.completed"_s);
    }
    // The untraced shared-new job still did its work.
    EXPECT_EQ(nodeIdSet() - nodesBefore, (QSet<QString>{u"fsn1-shared-02"_s}));
}

TEST_F(CpSimPipeline, RetryOfAJobThatDidNotFailIs409NotRetryable)
{
    const QJsonObject body = sharedExistingBody(u"done-co"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    const QJsonObject job = run(body);
    ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
    const QString jobId = body.value(u"job_id"_s).toString();
    EXPECT_TRUE(
        isError(op->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()), 409,
                u"not_retryable"_s));
    const QJsonObject after = op->get(u"/internal/provision-jobs/"_s + jobId).json();
    EXPECT_EQ(after.value(u"status"_s).toString(), u"Completed"_s);
    EXPECT_TRUE(auditRows(after, u"job.retried"_s).isEmpty());
}

class CpSimSlowPipeline : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--time-scale"_s, u"1"_s}; }
};

TEST_F(CpSimSlowPipeline, RetryOfARunningJobIs409NotRetryable)
{
    const QJsonObject body = sharedNewBody(u"slow-co"_s, u"fsn1"_s, newTraceId());
    ASSERT_EQ(submitJob(*op, body).status, 202);
    const QString jobId = body.value(u"job_id"_s).toString();
    const QJsonObject running = pollJob(*op, jobId, [](const QJsonObject &job) {
        return job.value(u"status"_s).toString() == u"Running"_s;
    });
    ASSERT_EQ(running.value(u"status"_s).toString(), u"Running"_s) << PrintToString(running);
    EXPECT_TRUE(
        isError(op->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()), 409,
                u"not_retryable"_s));
    // While it runs, the running stage says so and the later ones are pending.
    const QJsonObject job = op->get(u"/internal/provision-jobs/"_s + jobId).json();
    EXPECT_TRUE(job.value(u"finished_at"_s).isNull());
    EXPECT_EQ(stageNames(job), NewServerStages);
    EXPECT_EQ(stageNamed(job, u"callbacks"_s).value(u"status"_s).toString(), u"pending"_s);
    int runningStages = 0;
    for (const QJsonValue &stage : job.value(u"stages"_s).toArray())
        runningStages += stage.toObject().value(u"status"_s).toString() == u"running"_s ? 1 : 0;
    EXPECT_EQ(runningStages, 1) << PrintToString(job.value(u"stages"_s));
}

TEST_F(CpSimSlowPipeline, JobIsQueuedOrRunningRightAfterSubmit)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const HttpResult accepted = submitJob(
        *op, sharedExistingBody(u"early"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId()));
    ASSERT_EQ(accepted.status, 202);
    const QString status = accepted.json().value(u"status"_s).toString();
    EXPECT_TRUE(status == u"Queued"_s || status == u"Running"_s) << status.toStdString();
    EXPECT_TRUE(accepted.json().value(u"finished_at"_s).isNull());
}

class CpSimDnsExternal : public CpSimPipeline
{
protected:
    QStringList simArgs() const override
    {
        return {u"--time-scale"_s, u"0.01"_s, u"--dns-external"_s, u"ext-*"_s};
    }
};

TEST_F(CpSimDnsExternal, DnsOfMatchingTenantsIsSkippedWithTheReason)
{
    const QJsonObject external =
        run(sharedExistingBody(u"ext-one"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId()));
    ASSERT_EQ(external.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(external);
    expectStages(external, SharedExistingStages, {{u"dns"_s, u"skipped"_s}});
    EXPECT_EQ(stageNamed(external, u"dns"_s).value(u"skip_reason"_s).toString(),
              u"dns_managed_externally"_s);

    const QJsonObject internal =
        run(sharedExistingBody(u"int-one"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId()));
    ASSERT_EQ(internal.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(internal);
    expectStages(internal, SharedExistingStages);
}

class CpSimFailAnsible : public CpSimPipeline
{
protected:
    QStringList simArgs() const override
    {
        return {u"--time-scale"_s, u"0.01"_s, u"--fail-stage"_s, u"ansible"_s};
    }
};

TEST_F(CpSimFailAnsible, FailedStageFailsTheJobAndRetryResumesThere)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    const QJsonObject body = sharedNewBody(u"flaky-co"_s, u"fsn1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const QJsonObject failed = run(body);
    ASSERT_EQ(failed.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(failed);
    const QJsonObject error = failed.value(u"error"_s).toObject();
    EXPECT_EQ(error.value(u"stage"_s).toString(), u"ansible"_s);
    EXPECT_EQ(error.value(u"code"_s).toString(), u"ansible_failed"_s);
    EXPECT_FALSE(error.value(u"message"_s).toString().isEmpty());
    expectStages(failed, NewServerStages,
                 {{u"ansible"_s, u"failed"_s}, {u"callbacks"_s, u"pending"_s}});
    EXPECT_TRUE(isRfc3339Utc(failed.value(u"finished_at"_s).toString())) << PrintToString(failed);
    const QStringList failedActions = auditActions(failed);
    EXPECT_EQ(failedActions.last(), u"job.failed"_s) << PrintToString(failedActions);
    EXPECT_FALSE(failedActions.contains(u"job.completed"_s));
    const QSet<QString> nodesAfterFailure = nodeIdSet();
    EXPECT_EQ(nodesAfterFailure - nodesBefore, (QSet<QString>{u"fsn1-shared-02"_s}));

    const HttpResult retried =
        op->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray());
    ASSERT_EQ(retried.status, 202) << describe(retried).toStdString();
    EXPECT_EQ(retried.json().value(u"job_id"_s).toString(), jobId);
    const QString retriedStatus = retried.json().value(u"status"_s).toString();
    EXPECT_TRUE(retriedStatus == u"Queued"_s || retriedStatus == u"Running"_s)
        << retriedStatus.toStdString();

    const QJsonObject done = waitForJobEnd(*op, jobId);
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    expectStages(done, NewServerStages);
    EXPECT_TRUE(done.value(u"error"_s).isNull()) << PrintToString(done);
    EXPECT_TRUE(isRfc3339Utc(done.value(u"finished_at"_s).toString()));
    // The stages before the failed one were not run again.
    for (const QString &name : {u"validate"_s, u"pulumi_up"_s, u"register_node"_s, u"dns"_s}) {
        SCOPED_TRACE(name.toStdString());
        EXPECT_EQ(stageNamed(done, name), stageNamed(failed, name));
    }
    EXPECT_GT(parseTime(stageNamed(done, u"ansible"_s).value(u"started_at"_s)),
              parseTime(stageNamed(failed, u"ansible"_s).value(u"started_at"_s)));
    EXPECT_EQ(nodeIdSet(), nodesAfterFailure) << "a retry creates nothing twice";
    EXPECT_EQ(done.value(u"outputs"_s), failed.value(u"outputs"_s));

    const QList<QJsonObject> retriedRows = auditRows(done, u"job.retried"_s);
    ASSERT_EQ(retriedRows.size(), 1) << PrintToString(done.value(u"audit"_s));
    EXPECT_EQ(retriedRows.first().value(u"actor"_s).toString(), u"test-operator"_s);
    EXPECT_EQ(auditActions(done).last(), u"job.completed"_s);
    ASSERT_NO_FATAL_FAILURE(expectCleanAudit(done, sim));

    // Completed now: a second retry is refused.
    EXPECT_TRUE(
        isError(op->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()), 409,
                u"not_retryable"_s));
}

TEST_F(CpSimFailAnsible, RetryOfADedicatedJobCreatesNothingTwice)
{
    const QSet<QString> nodesBefore = nodeIdSet();
    const QJsonObject body = dedicatedBody(u"Umbrella"_s, u"sin"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const QJsonObject failed = run(body);
    ASSERT_EQ(failed.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(failed);
    const QSet<QString> created = nodeIdSet() - nodesBefore;
    EXPECT_EQ(created, (QSet<QString>{u"ded-umbrella-app"_s, u"ded-umbrella-db"_s,
                                      u"ded-umbrella-redis"_s}));

    ASSERT_EQ(op->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()).status,
              202);
    const QJsonObject done = waitForJobEnd(*op, jobId);
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(nodeIdSet() - nodesBefore, created);
    EXPECT_EQ(done.value(u"outputs"_s).toObject().value(u"servers"_s).toArray().size(), 3);
}

TEST_F(CpSimFailAnsible, FailureWithoutTraceStillRecordsTheError)
{
    const QJsonObject body = sharedExistingBody(u"dark"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    const QJsonObject failed = run(body);
    ASSERT_EQ(failed.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(failed);
    EXPECT_EQ(failed.value(u"stages"_s), QJsonValue(QJsonArray{}));
    EXPECT_EQ(failed.value(u"error"_s).toObject().value(u"stage"_s).toString(), u"ansible"_s);
    EXPECT_EQ(failed.value(u"error"_s).toObject().value(u"code"_s).toString(), u"ansible_failed"_s);
    EXPECT_EQ(auditActions(failed).last(), u"job.failed"_s);
}

TEST_F(CpSimFailAnsible, OnlyOperatorsMayRetry)
{
    const QJsonObject body = sharedExistingBody(u"perm"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    ASSERT_EQ(run(body).value(u"status"_s).toString(), u"Failed"_s);
    const QString path =
        u"/internal/provision-jobs/"_s + body.value(u"job_id"_s).toString() + u"/retry"_s;
    EXPECT_TRUE(isError(viewer->post(path, QByteArray()), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(agent->post(path, QByteArray()), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(anon->post(path, QByteArray()), 401, u"unauthorized"_s));
    EXPECT_EQ(op->get(u"/internal/provision-jobs/"_s + body.value(u"job_id"_s).toString())
                  .json()
                  .value(u"status"_s)
                  .toString(),
              u"Failed"_s);
}

class CpSimFailDnsForBeta : public CpSimPipeline
{
protected:
    QStringList simArgs() const override
    {
        return {u"--time-scale"_s, u"0.01"_s, u"--fail-stage"_s, u"dns:beta-*"_s};
    }
};

TEST_F(CpSimFailDnsForBeta, OnlyMatchingTenantsFail)
{
    const QJsonObject beta =
        run(sharedExistingBody(u"beta-1"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId()));
    ASSERT_EQ(beta.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(beta);
    EXPECT_EQ(beta.value(u"error"_s).toObject().value(u"stage"_s).toString(), u"dns"_s);
    EXPECT_EQ(beta.value(u"error"_s).toObject().value(u"code"_s).toString(), u"dns_failed"_s);
    expectStages(
        beta, SharedExistingStages,
        {{u"dns"_s, u"failed"_s}, {u"ansible"_s, u"pending"_s}, {u"callbacks"_s, u"pending"_s}});

    const QJsonObject alpha =
        run(sharedExistingBody(u"alpha-1"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId()));
    EXPECT_EQ(alpha.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(alpha);
}

} // namespace
