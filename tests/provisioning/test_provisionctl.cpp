// prego-ctl's provisioning commands as an operator runs them: real processes with their own
// config and data directories, the test session's keychain and the real reference control plane.
// The kill -9 trials end the submitting process at controlled moments and check, black-box, that
// the control plane never holds a second job and never received a second, different body.
#include "ctlprocess.h"
#include "httptestclient.h"
#include "simprocess.h"
#include "storage/joboutbox.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <gtest/gtest.h>

#include <iostream>

using namespace Qt::StringLiterals;
using prego::test::CtlProcess;
using prego::test::CtlRun;
using prego::test::HttpTestClient;
using prego::test::SimProcess;

namespace {
class ProvisionCtlTest : public ::testing::Test
{
protected:
    void startSim(const QStringList &extra, int fleet = 8)
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(sim.start(QStringList{u"--demo-fleet"_s, QString::number(fleet),
                                          u"--enable-sim-admin"_s, u"--time-scale"_s, u"0.01"_s} +
                              extra))
            << sim.error().toStdString();
        admin = std::make_unique<HttpTestClient>(sim.baseUrl());
        admin->setToken(sim.tokenFor(u"operator"_s));
        ASSERT_EQ(
            ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString()}).exitCode,
            0);
        const CtlRun login =
            ctl({u"login"_s, u"--profile"_s, profile}, sim.tokenFor(u"operator"_s).toUtf8());
        ASSERT_EQ(login.exitCode, 0) << login.err.toStdString();
    }

    void TearDown() override
    {
        if (admin)
            ctl({u"logout"_s, u"--profile"_s, profile});
    }

    QString outboxPath() const
    {
        return home.filePath(u"data/prego/prego-console/jobs-%1.sqlite"_s.arg(profile));
    }

    QJsonArray serverJobs(const QString &tenant)
    {
        return admin->get(u"/internal/provision-jobs?limit=200&tenant_id="_s + tenant)
            .json()
            .value(u"jobs")
            .toArray();
    }

    QList<QJsonObject> posts(const QString &jobId)
    {
        QList<QJsonObject> out;
        const QJsonArray all = admin->get(u"/sim/requests?path_prefix=/internal/provision-tenant"_s)
                                   .json()
                                   .value(u"requests")
                                   .toArray();
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            if (o.value(u"method") == u"POST"_s &&
                o.value(u"body").toObject().value(u"job_id").toString() == jobId)
                out.append(o);
        }
        return out;
    }

    int nodeCount()
    {
        return int(admin->get(u"/internal/nodes"_s).json().value(u"nodes").toArray().size());
    }

    void addFault(const QJsonObject &fault)
    {
        ASSERT_EQ(admin->post(u"/sim/faults"_s, fault).status, 201);
    }
    void clearFaults() { ASSERT_EQ(admin->send("DELETE", u"/sim/faults"_s, {}, {}).status, 204); }

    QString profile = u"p%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    QTemporaryDir home;
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    SimProcess sim;
    std::unique_ptr<HttpTestClient> admin;
};

QString newJobId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

TEST_F(ProvisionCtlTest, PathsThatCreateServersNeedYes)
{
    startSim({});
    const QString id = newJobId();
    const CtlRun r = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"acme"_s,
                          u"--dedicated"_s, u"--region"_s, u"hel1"_s, u"--job-id"_s, id});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.startsWith(u"job "_s + id)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"dedicated-acme"_s));
    EXPECT_TRUE(r.err.contains(u"--yes"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"3 new servers"_s)) << r.err.toStdString();
    EXPECT_TRUE(posts(id).isEmpty());

    const CtlRun both = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"acme"_s,
                             u"--dedicated"_s, u"--new-server"_s, u"--region"_s, u"hel1"_s});
    EXPECT_EQ(both.exitCode, 1);
    const CtlRun bad = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"-acme"_s,
                            u"--new-server"_s, u"--region"_s, u"mars"_s, u"--yes"_s});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(u"tenant_id: "_s)) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(u"region: "_s));
}

TEST_F(ProvisionCtlTest, SpeaksKorean)
{
    startSim({});
    const CtlRun r = ctl({u"--lang"_s, u"ko"_s, u"provision"_s, u"--profile"_s, profile,
                          u"--tenant"_s, u"acme"_s, u"--new-server"_s, u"--region"_s, u"ash"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.contains(u"공유 서버"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(u"새 서버 1대"_s)) << r.err.toStdString();
    const CtlRun list = ctl({u"--lang"_s, u"ko"_s, u"jobs"_s, u"--profile"_s, profile});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(u"작업 0개"_s)) << list.out.toStdString();
}

TEST_F(ProvisionCtlTest, SharedExistingWaitsToCompletedWithATimeline)
{
    startSim({});
    const QString id = newJobId();
    const CtlRun r = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"Acme.Corp"_s,
                          u"--target"_s, u"fsn1-shared-01"_s, u"--job-id"_s, id, u"--wait"_s});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(u"job "_s + id));
    for (const QString &stage :
         {u"validate"_s, u"resolve_host"_s, u"dns"_s, u"ansible"_s, u"callbacks"_s})
        EXPECT_TRUE(r.out.contains(stage)) << stage.toStdString() << r.out.toStdString();
    EXPECT_FALSE(r.out.contains(u"pulumi_up"_s));
    EXPECT_TRUE(r.out.contains(u"Completed"_s));
    EXPECT_EQ(posts(id).size(), 1);
    EXPECT_EQ(posts(id)[0].value(u"idempotency_key").toString(), id);

    CtlRun list = ctl({u"jobs"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray jobs = QJsonDocument::fromJson(list.out.toUtf8()).object()[u"jobs"].toArray();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs[0][u"status"].toString(), u"Completed"_s);
    EXPECT_FALSE(jobs[0][u"local"].toBool());
    list = ctl({u"jobs"_s, u"--profile"_s, profile, u"--status"_s, u"Failed"_s});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(u"0 jobs"_s)) << list.out.toStdString();

    const CtlRun show = ctl({u"job"_s, id, u"--profile"_s, profile});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_TRUE(show.out.contains(u"Trace "_s));
    EXPECT_TRUE(show.out.contains(u"job.created"_s));
    EXPECT_TRUE(show.out.contains(u"resolve_host"_s));

    // The same command again: the same job, nothing new.
    const CtlRun again =
        ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"Acme.Corp"_s, u"--target"_s,
             u"fsn1-shared-01"_s, u"--job-id"_s, id});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(u"already known"_s)) << again.out.toStdString();
    EXPECT_EQ(serverJobs(u"Acme.Corp"_s).size(), 1);

    // The same job id for another intent is refused before anything is sent.
    const CtlRun other = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"Other"_s,
                              u"--target"_s, u"fsn1-shared-01"_s, u"--job-id"_s, id});
    EXPECT_EQ(other.exitCode, 1) << other.err.toStdString();
    EXPECT_TRUE(other.err.contains(u"already used"_s)) << other.err.toStdString();
    EXPECT_EQ(posts(id).size(), 2);
}

TEST_F(ProvisionCtlTest, ServerValidationErrorsNameTheirFields)
{
    startSim({});
    QString draining;
    for (const QJsonValue &v : admin->get(u"/internal/nodes"_s).json()[u"nodes"].toArray()) {
        if (v[u"status"].toString() == u"draining")
            draining = v[u"node_id"].toString();
    }
    ASSERT_FALSE(draining.isEmpty());
    const QString id = newJobId();
    const CtlRun r = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"acme"_s,
                          u"--target"_s, draining, u"--job-id"_s, id});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"target_server_id: "_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"422"_s)) << r.err.toStdString();
    EXPECT_EQ(serverJobs(u"acme"_s).size(), 0);
    prego::JobOutbox outbox(outboxPath());
    ASSERT_EQ(outbox.open(), QString());
    ASSERT_TRUE(outbox.find(id));
    EXPECT_EQ(outbox.find(id)->state, prego::JobOutbox::State::Rejected);
    EXPECT_TRUE(outbox.find(id)->errorFields.contains(u"target_server_id"_s));

    const CtlRun unknown = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"acme"_s,
                                u"--target"_s, u"fsn1-shared-77"_s});
    EXPECT_EQ(unknown.exitCode, 5) << unknown.err.toStdString();
}

TEST_F(ProvisionCtlTest, AFailedStageIsRetriedToCompletedWithoutNewNodes)
{
    startSim({u"--fail-stage"_s, u"ansible"_s});
    const int before = nodeCount();
    const QString id = newJobId();
    const CtlRun r =
        ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"gamma"_s, u"--new-server"_s,
             u"--region"_s, u"nbg1"_s, u"--yes"_s, u"--job-id"_s, id, u"--wait"_s});
    EXPECT_EQ(r.exitCode, 6) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"ansible_failed"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"retry"_s));
    const int afterFailure = nodeCount();
    EXPECT_EQ(afterFailure, before + 1); // pulumi_up and register_node ran before ansible

    const CtlRun shown = ctl({u"job"_s, id, u"--profile"_s, profile});
    EXPECT_EQ(shown.exitCode, 6);
    EXPECT_TRUE(shown.out.contains(u"Error in stage ansible"_s)) << shown.out.toStdString();

    const CtlRun retried = ctl({u"retry"_s, id, u"--profile"_s, profile, u"--wait"_s});
    ASSERT_EQ(retried.exitCode, 0) << retried.out.toStdString() << retried.err.toStdString();
    EXPECT_TRUE(retried.out.contains(u"Completed"_s));
    EXPECT_EQ(nodeCount(), afterFailure);
    const QJsonObject job = admin->get(u"/internal/provision-jobs/"_s + id).json();
    EXPECT_EQ(job[u"status"].toString(), u"Completed"_s);
    EXPECT_EQ(job[u"outputs"][u"servers"].toArray().size(), 1);
    EXPECT_EQ(serverJobs(u"gamma"_s).size(), 1);

    const CtlRun notAgain = ctl({u"retry"_s, id, u"--profile"_s, profile});
    EXPECT_EQ(notAgain.exitCode, 1); // 409 not_retryable
}

TEST_F(ProvisionCtlTest, TheJobsListShowsLocalJobsTheServerHasNotConfirmed)
{
    startSim({});
    addFault({{u"path_prefix"_s, u"/internal/provision-tenant"_s},
              {u"method"_s, u"POST"_s},
              {u"status"_s, 503},
              {u"count"_s, QJsonValue()}});
    const QString id = newJobId();
    QProcess p;
    p.setProcessEnvironment(ctl.environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(ctl.program(),
            {u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"pending-one"_s,
             u"--new-server"_s, u"--region"_s, u"sin"_s, u"--yes"_s, u"--job-id"_s, id});
    QByteArray seen;
    QElapsedTimer timer;
    timer.start();
    while (!seen.contains("same job id") && timer.elapsed() < 15000) {
        p.waitForReadyRead(5);
        seen += p.readAll();
    }
    ASSERT_TRUE(seen.contains("same job id")) << seen.toStdString();
    p.kill();
    p.waitForFinished(5000);

    // The control plane cannot be asked about the job: it stays local, "unknown".
    addFault({{u"path_prefix"_s, u"/internal/provision-jobs/"_s},
              {u"method"_s, u"GET"_s},
              {u"status"_s, 503},
              {u"count"_s, QJsonValue()}});
    CtlRun list = ctl({u"jobs"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.err.contains(u"still unknown"_s)) << list.err.toStdString();
    QJsonArray jobs = QJsonDocument::fromJson(list.out.toUtf8()).object()[u"jobs"].toArray();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs[0][u"job_id"].toString(), id);
    EXPECT_TRUE(jobs[0][u"local"].toBool());
    EXPECT_EQ(jobs[0][u"local_state"].toString(), u"unknown"_s);
    EXPECT_EQ(jobs[0][u"stack"].toString(), u"sin"_s);
    const CtlRun table = ctl({u"jobs"_s, u"--profile"_s, profile});
    EXPECT_TRUE(table.out.contains(u"retrying with the same job id"_s)) << table.out.toStdString();

    // Reachable again: recovered, sent once more with the same body, listed by the server.
    clearFaults();
    list = ctl({u"jobs"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.err.contains(u"sent again and accepted"_s)) << list.err.toStdString();
    jobs = QJsonDocument::fromJson(list.out.toUtf8()).object()[u"jobs"].toArray();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_FALSE(jobs[0][u"local"].toBool());
    EXPECT_EQ(serverJobs(u"pending-one"_s).size(), 1);
}

namespace {
// When, relative to the running `prego-ctl provision`, the SIGKILL lands.
struct KillPlan
{
    QString phase;
    QString trigger;   // "start": after the process started; otherwise a text it prints first
    int delayMs = 0;   // after the trigger
    bool wait = false; // --wait: the process keeps following the job after the answer
};

struct TrialOutcome
{
    QString phase;
    int delayMs = 0;
    bool rowBeforeRecovery = false;
    int jobsBeforeRecovery = 0;
    int jobsAfterRecovery = 0;
    int jobsAfterRerun = 0;
    int posts = 0;
};
} // namespace

TEST_F(ProvisionCtlTest, KillNineAtAnyMomentNeverMakesASecondJob)
{
    startSim({});
    const int nodesBefore = nodeCount();
    QList<KillPlan> plans;
    // After the row is committed and just before (or while) the POST leaves.
    for (int i = 0; i < 6; ++i)
        plans.append({u"row written, POST not answered"_s, u"Sending job"_s, 0, false});
    // The control plane answers 503 to every POST: killed while retrying, the server has nothing.
    for (int i = 0; i < 3; ++i)
        plans.append({u"POST failed, retrying"_s, u"same job id"_s, 0, false});
    // The POST is held 1.5 s by the control plane after it created the job: killed in flight.
    for (int d : {0, 20, 50, 100, 200, 400, 700, 1000, 1300})
        plans.append({u"POST in flight"_s, u"Sending job"_s, d, false});
    // The answer arrived (--wait keeps the process alive, following the job).
    for (int d : {30, 60, 120, 250, 500})
        plans.append({u"after the answer"_s, u"Sending job"_s, d, true});
    // Spread from the process start, the POST held 300 ms: any moment of the whole submit.
    for (int d = 0; d < 800; d += 40)
        plans.append({u"spread from start"_s, u"start"_s, d, false});

    QList<TrialOutcome> outcomes;
    int n = 0;
    for (const KillPlan &plan : std::as_const(plans)) {
        ++n;
        const QString tenant = u"kill-%1"_s.arg(n);
        const QString id = newJobId();
        clearFaults();
        if (plan.phase == u"POST failed, retrying")
            addFault({{u"path_prefix"_s, u"/internal/provision-tenant"_s},
                      {u"method"_s, u"POST"_s},
                      {u"status"_s, 503},
                      {u"count"_s, QJsonValue()}});
        else if (plan.phase == u"POST in flight")
            addFault({{u"path_prefix"_s, u"/internal/provision-tenant"_s},
                      {u"method"_s, u"POST"_s},
                      {u"status"_s, 0},
                      {u"latency_ms"_s, 1500},
                      {u"count"_s, 1}});
        else if (plan.phase == u"spread from start")
            addFault({{u"path_prefix"_s, u"/internal/provision-tenant"_s},
                      {u"method"_s, u"POST"_s},
                      {u"status"_s, 0},
                      {u"latency_ms"_s, 300},
                      {u"count"_s, 1}});

        QStringList args{
            u"provision"_s, u"--profile"_s, profile,    u"--tenant"_s, tenant, u"--new-server"_s,
            u"--region"_s,  u"fsn1"_s,      u"--yes"_s, u"--job-id"_s, id};
        if (plan.wait)
            args.append(u"--wait"_s);
        QProcess p;
        p.setProcessEnvironment(ctl.environment());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(ctl.program(), args);
        ASSERT_TRUE(p.waitForStarted(10000));
        if (plan.trigger != u"start") {
            QByteArray seen;
            QElapsedTimer timer;
            timer.start();
            while (!seen.contains(plan.trigger.toUtf8()) && timer.elapsed() < 15000 &&
                   p.state() == QProcess::Running) {
                p.waitForReadyRead(5);
                seen += p.readAll();
            }
            ASSERT_TRUE(seen.contains(plan.trigger.toUtf8()))
                << plan.phase.toStdString() << ": " << seen.toStdString();
        }
        if (plan.delayMs > 0)
            QThread::msleep(plan.delayMs);
        p.kill(); // SIGKILL
        p.waitForFinished(5000);

        TrialOutcome o;
        o.phase = plan.phase;
        o.delayMs = plan.delayMs;
        {
            prego::JobOutbox outbox(outboxPath());
            o.rowBeforeRecovery = outbox.open().isEmpty() && outbox.find(id).has_value();
        }
        o.jobsBeforeRecovery = int(serverJobs(tenant).size());
        clearFaults();

        // Startup recovery: any command that opens the outbox.
        const CtlRun recovered = ctl({u"jobs"_s, u"--profile"_s, profile});
        EXPECT_EQ(recovered.exitCode, 0) << recovered.err.toStdString();
        o.jobsAfterRecovery = int(serverJobs(tenant).size());
        // A row means the intent was recorded: recovery must make it exactly one job. No row
        // means the process died before the commit: then nothing may have been sent either.
        EXPECT_EQ(o.jobsAfterRecovery, o.rowBeforeRecovery ? 1 : 0)
            << n << ' ' << plan.phase.toStdString() << ' ' << plan.delayMs << ' '
            << recovered.err.toStdString();
        EXPECT_LE(o.jobsBeforeRecovery, o.jobsAfterRecovery);

        // The operator runs the same command again: still exactly one job.
        const CtlRun rerun = ctl(args.mid(0, args.size() - (plan.wait ? 1 : 0)));
        EXPECT_EQ(rerun.exitCode, 0) << rerun.out.toStdString() << rerun.err.toStdString();
        o.jobsAfterRerun = int(serverJobs(tenant).size());
        EXPECT_EQ(o.jobsAfterRerun, 1) << n << ' ' << plan.phase.toStdString();

        const QList<QJsonObject> sent = posts(id);
        o.posts = int(sent.size());
        for (const QJsonObject &post : sent) {
            EXPECT_EQ(post.value(u"body").toObject(), sent[0].value(u"body").toObject());
            EXPECT_EQ(post.value(u"idempotency_key").toString(), id);
        }
        outcomes.append(o);
    }

    // Every job runs to its end; each shared-new job created exactly one node, no more.
    QElapsedTimer timer;
    timer.start();
    int completed = 0;
    while (timer.elapsed() < 60000) {
        completed = 0;
        for (const QJsonValue &v :
             admin->get(u"/internal/provision-jobs?limit=200"_s).json()[u"jobs"].toArray())
            completed += v[u"status"].toString() == u"Completed";
        if (completed == int(plans.size()))
            break;
        QThread::msleep(200);
    }
    EXPECT_EQ(completed, int(plans.size()));
    EXPECT_EQ(nodeCount(), nodesBefore + int(plans.size()));

    // The trial counts, for the report.
    QMap<QString, QList<int>> byPhase; // trials, with row, server had job before recovery, posts
    for (const TrialOutcome &o : std::as_const(outcomes)) {
        QList<int> &c = byPhase[o.phase];
        if (c.isEmpty())
            c = {0, 0, 0, 0};
        c[0] += 1;
        c[1] += o.rowBeforeRecovery;
        c[2] += o.jobsBeforeRecovery;
        c[3] += o.posts;
    }
    for (auto it = byPhase.begin(); it != byPhase.end(); ++it)
        std::cout << "[kill -9] " << it.key().toStdString() << ": " << it.value()[0]
                  << " trials, row written in " << it.value()[1] << ", job on server before "
                  << "recovery in " << it.value()[2] << ", POSTs received " << it.value()[3]
                  << ", exactly one job after recovery and rerun in all" << std::endl;
}

// prego-ctl verify: the Definition of Done on live data, end to end against prego-cp-sim.
// A fleet of three shared nodes (plus globex's three) has no stale or silent node.
TEST_F(ProvisionCtlTest, VerifyRunScenariosPassesEndToEnd)
{
    startSim({}, 3);
    const QString report = home.filePath(u"dod.md"_s);
    ctl.setTimeoutMs(180000);
    const CtlRun r =
        ctl({u"verify"_s, u"--profile"_s, profile, u"--run-scenarios"_s, u"--report"_s, report});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    for (const QString &check : {u"M1"_s, u"M2"_s, u"M3"_s, u"E1"_s, u"E2"_s, u"E3"_s, u"E4"_s})
        EXPECT_TRUE(r.out.contains(check + u"  PASS"_s)) << check.toStdString() << "\n"
                                                         << r.out.toStdString();
    // Progress while it waited: each scenario's stages as they ran.
    EXPECT_TRUE(r.out.contains(u"E3  "_s) && r.out.contains(u"pulumi_up"_s)) << r.out.toStdString();
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(md.startsWith(u"# Definition-of-Done verification"_s));
    EXPECT_TRUE(md.contains(u"| E3 | pass |"_s)) << md.toStdString();
    EXPECT_TRUE(md.contains(u"every check passes"_s));
    // Exactly one job per scenario, each sent once.
    const QJsonArray jobs =
        admin->get(u"/internal/provision-jobs?limit=200"_s).json().value(u"jobs").toArray();
    EXPECT_EQ(jobs.size(), 3);
    for (const QJsonValue &j : jobs)
        EXPECT_EQ(posts(j[u"job_id"].toString()).size(), 1);

    // A node stops pushing (and last pushed 10 minutes ago): M1 and E4 fail and name it.
    const QString node = u"nbg1-shared-01"_s;
    ASSERT_EQ(admin
                  ->post(u"/sim/nodes/"_s + node,
                         QJsonObject{{u"pushing"_s, false}, {u"last_push_age_seconds"_s, 600}})
                  .status,
              204);
    const CtlRun stale = ctl({u"verify"_s, u"--profile"_s, profile});
    EXPECT_EQ(stale.exitCode, 1) << stale.out.toStdString() << stale.err.toStdString();
    EXPECT_TRUE(stale.out.contains(u"M1  FAIL"_s)) << stale.out.toStdString();
    EXPECT_TRUE(stale.out.contains(u"- %1: last push 10 min ago"_s.arg(node)))
        << stale.out.toStdString();
    EXPECT_TRUE(stale.out.contains(u"E4  FAIL"_s)) << stale.out.toStdString();
    EXPECT_TRUE(stale.out.contains(u"E1  PASS"_s));
}

TEST_F(ProvisionCtlTest, VerifyWithAFailingStageFailsE1WithTheStagesError)
{
    startSim({u"--fail-stage"_s, u"ansible"_s}, 3);
    const QString report = home.filePath(u"dod.md"_s);
    ctl.setTimeoutMs(180000);
    const CtlRun r =
        ctl({u"verify"_s, u"--profile"_s, profile, u"--run-scenarios"_s, u"--report"_s, report});
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"E1  FAIL"_s)) << r.out.toStdString();
    QFile file(report);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(md.contains(u"| E1 | fail |"_s)) << md.toStdString();
    EXPECT_TRUE(md.contains(u"Failed in stage ansible (ansible_failed): simulated failure of "
                            u"stage ansible"_s))
        << md.toStdString();
    EXPECT_TRUE(md.contains(u"| E4 | not evaluable |"_s)) << md.toStdString();
}

TEST_F(ProvisionCtlTest, VerifyRefusesToCreateServersAwayFromLoopbackWithoutConsent)
{
    startSim({}, 3);
    const QString remote = profile + u"r"_s;
    ASSERT_EQ(ctl({u"profiles"_s, u"add"_s, remote, u"--url"_s, u"https://cp.example.invalid"_s})
                  .exitCode,
              0);
    const CtlRun r = ctl({u"verify"_s, u"--profile"_s, remote, u"--run-scenarios"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"--yes-create-infrastructure"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"Nothing was sent"_s));
}

TEST_F(ProvisionCtlTest, VerifyCannotEvaluateAnUnreachableControlPlane)
{
    startSim({}, 3);
    sim.stop();
    const CtlRun r = ctl({u"verify"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 2) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"M3  NOT EVALUABLE"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(u"could not be evaluated"_s)) << r.err.toStdString();
}

// A control plane that offers nothing beyond the Definition of Done (whoami lists no features):
// prego-ctl says so, and every command the Definition of Done needs works as against the full one.
TEST_F(ProvisionCtlTest, WorksTheSameAgainstAControlPlaneWithoutOptionalCapabilities)
{
    startSim({u"--features"_s, u"none"_s}, 3);
    CtlRun r = ctl({u"whoami"_s, u"--profile"_s, profile});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"\nOffers: nothing beyond the Definition of Done\n"_s))
        << r.out.toStdString();
    r = ctl({u"--lang"_s, u"ko"_s, u"whoami"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"완료 정의"_s)) << r.out.toStdString();
    EXPECT_FALSE(r.out.contains(u"Offers"_s)) << r.out.toStdString();

    r = ctl({u"nodes"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QString target;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"nodes").toArray()) {
        if (target.isEmpty() && v[u"placement"].toString() == u"shared" &&
            v[u"accepts_tenants"].toBool() && v[u"status"].toString() == u"active" &&
            v[u"freshness"].toString() == u"fresh")
            target = v[u"node_id"].toString();
    }
    ASSERT_FALSE(target.isEmpty()) << r.out.toStdString();

    const QString id = newJobId();
    r = ctl({u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"plain"_s, u"--target"_s,
             target, u"--job-id"_s, id, u"--wait"_s});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Completed"_s)) << r.out.toStdString();

    r = ctl({u"jobs"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray jobs = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"jobs"].toArray();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs[0][u"job_id"].toString(), id);
    EXPECT_EQ(jobs[0][u"status"].toString(), u"Completed"_s);

    r = ctl({u"job"_s, id, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Trace "_s)) << r.out.toStdString();

    ctl.setTimeoutMs(180000);
    r = ctl({u"verify"_s, u"--profile"_s, profile, u"--run-scenarios"_s});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    for (const QString &check : {u"M1"_s, u"M2"_s, u"M3"_s, u"E1"_s, u"E2"_s, u"E3"_s, u"E4"_s})
        EXPECT_TRUE(r.out.contains(check + u"  PASS"_s)) << check.toStdString() << "\n"
                                                         << r.out.toStdString();
}
