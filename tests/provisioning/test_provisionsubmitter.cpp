// The submitter the wizard uses, against the real reference control plane.
#include "api/apiclient.h"
#include "api/controlplane.h"
#include "api/provisionsubmitter.h"
#include "domain/provisionrequest.h"
#include "httptestclient.h"
#include "simprocess.h"
#include "storage/joboutbox.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;
using prego::test::HttpTestClient;
using prego::test::SimProcess;

namespace {
class SubmitterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sim.start(
            {u"--demo-fleet"_s, u"4"_s, u"--enable-sim-admin"_s, u"--time-scale"_s, u"0.01"_s}))
            << sim.error().toStdString();
        Profile profile;
        profile.name = u"p"_s;
        profile.baseUrl = sim.baseUrl();
        client = std::make_unique<ApiClient>(&nam, profile);
        client->setToken(sim.tokenFor(u"operator"_s));
        controlPlane = std::make_unique<ControlPlane>(client.get());
        outbox = std::make_unique<JobOutbox>(dir.filePath(u"jobs-p.sqlite"_s));
        ASSERT_EQ(outbox->open(), QString());
        submitter = std::make_unique<ProvisionSubmitter>(controlPlane.get(), outbox.get());
        submitter->setOptions({0, 50, 200});
        admin = std::make_unique<HttpTestClient>(sim.baseUrl());
        admin->setToken(sim.tokenFor(u"operator"_s));
    }

    static SubmitResult waitFor(ProvisionSubmission *s)
    {
        SubmitResult result;
        QEventLoop loop;
        QObject::connect(s, &ProvisionSubmission::finished, &loop, [&](const SubmitResult &r) {
            result = r;
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    static ProvisionRequest sharedNew(const QString &tenant)
    {
        ProvisionRequest r = ProvisionRequest::create(ProvisionRequest::Path::SharedNew);
        r.tenantId = tenant;
        r.region = u"hel1"_s;
        return r;
    }

    int serverJobs(const QString &tenant)
    {
        return int(admin->get(u"/internal/provision-jobs?tenant_id="_s + tenant)
                       .json()
                       .value(u"jobs")
                       .toArray()
                       .size());
    }

    // The POSTs the control plane received for this job: their bodies and idempotency keys.
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

    QTemporaryDir dir;
    SimProcess sim;
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<ControlPlane> controlPlane;
    std::unique_ptr<JobOutbox> outbox;
    std::unique_ptr<ProvisionSubmitter> submitter;
    std::unique_ptr<HttpTestClient> admin;
};
} // namespace

TEST_F(SubmitterTest, ADoubleClickAndAResendMakeOneJob)
{
    const ProvisionRequest r = sharedNew(u"double-click"_s);
    ProvisionSubmission *first = submitter->submit(r, u"p"_s);
    ProvisionSubmission *second = submitter->submit(r, u"p"_s);
    EXPECT_EQ(first, second);
    const SubmitResult a = waitFor(first);
    ASSERT_TRUE(a.accepted()) << a.message.toStdString();
    EXPECT_FALSE(a.replayed);
    ASSERT_TRUE(a.job);
    EXPECT_EQ(a.job->jobId, r.jobId);
    const SubmitResult b = waitFor(submitter->submit(r, u"p"_s));
    ASSERT_TRUE(b.accepted());
    EXPECT_TRUE(b.replayed);
    EXPECT_EQ(serverJobs(u"double-click"_s), 1);
    const auto sent = posts(r.jobId);
    ASSERT_EQ(sent.size(), 2);
    for (const QJsonObject &p : sent) {
        EXPECT_EQ(p.value(u"idempotency_key").toString(), r.jobId);
        EXPECT_EQ(p.value(u"body").toObject(), sent[0].value(u"body").toObject());
    }
    EXPECT_EQ(outbox->find(r.jobId)->state, JobOutbox::State::Accepted);
}

TEST_F(SubmitterTest, ServerValidationComesBackFieldByField)
{
    ProvisionRequest r = ProvisionRequest::create(ProvisionRequest::Path::SharedExisting);
    r.tenantId = u"acme"_s;
    r.region = u"fsn1"_s;
    r.targetServerId = u"fsn1-shared-99"_s; // valid locally, unknown to the control plane
    const SubmitResult result = waitFor(submitter->submit(r, u"p"_s));
    EXPECT_TRUE(result.rejected());
    EXPECT_TRUE(result.fields.contains(u"target_server_id"_s)) << result.message.toStdString();
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->httpStatus, 422);
    const auto row = outbox->find(r.jobId);
    EXPECT_EQ(row->state, JobOutbox::State::Rejected);
    EXPECT_TRUE(row->errorFields.contains(u"target_server_id"_s));
    EXPECT_EQ(serverJobs(u"acme"_s), 0);
}

TEST_F(SubmitterTest, LocalValidationSendsNothing)
{
    ProvisionRequest r = sharedNew(u"_bad"_s);
    r.region = u"mars"_s;
    const SubmitResult result = waitFor(submitter->submit(r, u"p"_s));
    EXPECT_TRUE(result.rejected());
    EXPECT_EQ(result.fields.keys(), QStringList({u"region"_s, u"tenant_id"_s}));
    EXPECT_FALSE(outbox->find(r.jobId));
    EXPECT_TRUE(posts(r.jobId).isEmpty());
}

TEST_F(SubmitterTest, ServerErrorsAreUnknownAndRetriedWithTheSameIdAndBody)
{
    ASSERT_EQ(admin
                  ->post(u"/sim/faults"_s,
                         QJsonObject{{u"path_prefix"_s, u"/internal/provision-tenant"_s},
                                     {u"method"_s, u"POST"_s},
                                     {u"status"_s, 503},
                                     {u"count"_s, 2}})
                  .status,
              201);
    const ProvisionRequest r = sharedNew(u"flaky"_s);
    ProvisionSubmission *s = submitter->submit(r, u"p"_s);
    QStringList notes;
    QObject::connect(s, &ProvisionSubmission::stateChanged,
                     [&](JobOutbox::State state, const QString &note) {
                         if (state == JobOutbox::State::Unknown)
                             notes.append(note);
                     });
    const SubmitResult result = waitFor(s);
    ASSERT_TRUE(result.accepted()) << result.message.toStdString();
    EXPECT_EQ(notes.size(), 2);
    EXPECT_TRUE(notes.value(0).contains(u"same job id"_s));
    const auto sent = posts(r.jobId);
    ASSERT_EQ(sent.size(), 3);
    for (const QJsonObject &p : sent)
        EXPECT_EQ(p.value(u"body").toObject(), sent[0].value(u"body").toObject());
    EXPECT_EQ(serverJobs(u"flaky"_s), 1);
}

TEST_F(SubmitterTest, RecoveryResendsOnlyWhatTheServerDoesNotKnow)
{
    // "known": sent and created, the answer lost; "lost": written, never reached the server.
    const ProvisionRequest known = sharedNew(u"known"_s);
    const ProvisionRequest lost = sharedNew(u"lost"_s);
    const ProvisionRequest done = sharedNew(u"done"_s);
    ASSERT_TRUE(outbox->add(u"p"_s, known.jobId, known.toJson()).entry);
    ASSERT_TRUE(outbox->markSent(known.jobId, 1));
    ASSERT_EQ(admin
                  ->post(u"/internal/provision-tenant"_s, known.toJson(),
                         {{"Content-Type", "application/json"},
                          {"Idempotency-Key", known.jobId.toUtf8()}})
                  .status,
              202);
    ASSERT_TRUE(outbox->add(u"p"_s, lost.jobId, lost.toJson()).entry);
    ASSERT_TRUE(outbox->markUnknown(lost.jobId, u"timeout"_s));
    ASSERT_TRUE(outbox->add(u"p"_s, done.jobId, done.toJson()).entry);
    ASSERT_TRUE(outbox->markAccepted(done.jobId, u"Completed"_s));

    const QList<ProvisionSubmission *> started = submitter->recover();
    ASSERT_EQ(started.size(), 2);
    QMap<QString, SubmitResult> results;
    QEventLoop loop;
    QObject::connect(submitter.get(), &ProvisionSubmitter::submissionFinished, &loop,
                     [&](const SubmitResult &r) {
                         results.insert(r.jobId, r);
                         if (results.size() == 2)
                             loop.quit();
                     });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_EQ(results.size(), 2);
    EXPECT_TRUE(results[known.jobId].accepted());
    EXPECT_TRUE(results[known.jobId].replayed);
    EXPECT_TRUE(results[lost.jobId].accepted());
    EXPECT_FALSE(results[lost.jobId].replayed);
    EXPECT_EQ(posts(known.jobId).size(), 1); // looked up, not resent
    ASSERT_EQ(posts(lost.jobId).size(), 1);
    EXPECT_EQ(QJsonDocument(posts(lost.jobId)[0].value(u"body").toObject()).toJson(),
              QJsonDocument::fromJson(lost.toJson()).toJson());
    EXPECT_TRUE(posts(done.jobId).isEmpty());
    EXPECT_EQ(serverJobs(u"known"_s), 1);
    EXPECT_EQ(serverJobs(u"lost"_s), 1);
    EXPECT_TRUE(outbox->unresolved().isEmpty());
}
