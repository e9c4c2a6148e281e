// The typed control-plane API against real HTTP: every endpoint against the reference control
// plane, whoami's features, and an unreadable answer as one Decode error; the jobs poller over it.
#include "api/controlplane.h"
#include "api/jobspoller.h"
#include "api/waitfor.h"
#include "domain/provisionrequest.h"
#include "scriptedhttpserver.h"
#include "simprocess.h"
#include "storage/consolesettings.h"
#include "storage/joboutbox.h"
#include "testprofile.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;
using prego::test::profileFor;
using prego::test::ScriptedHttpServer;
using prego::test::SimProcess;

namespace {

// The typed API on a scripted control plane.
struct ScriptedApi
{
    explicit ScriptedApi(const QUrl &url)
        : client(&nam, profileFor(url))
        , api(&client)
    {
        client.setToken(u"token-abcdefghijklmnop"_s);
    }
    QNetworkAccessManager nam;
    ApiClient client;
    ControlPlane api;
};

const QByteArray WhoAmINoFeatures =
    R"({"token_name":"t","role":"viewer","server_time":"2026-11-26T20:00:05Z"})";

class ControlPlaneSim : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"4"_s, u"--time-scale"_s, u"0.01"_s}))
            << sim.error().toStdString();
        client = std::make_unique<ApiClient>(&nam, profileFor(sim.baseUrl()));
        client->setToken(sim.tokenFor(u"operator"_s));
        api = std::make_unique<ControlPlane>(client.get());
    }
    SimProcess sim;
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<ControlPlane> api;
};

} // namespace

TEST_F(ControlPlaneSim, EveryEndpointAnswersItsTypedValue)
{
    QSignalSpy identity(api.get(), &ControlPlane::identityChanged);
    EXPECT_FALSE(api->identity());
    const auto who = waitFor<WhoAmI>([&](QObject *c, auto done) { api->whoami(c, done); });
    ASSERT_TRUE(who.ok()) << who.error->message().toStdString();
    EXPECT_EQ(who.value->role, u"operator"_s);
    EXPECT_EQ(identity.count(), 1);
    ASSERT_TRUE(api->identity());
    EXPECT_EQ(api->identity()->tokenName, who.value->tokenName);

    const auto nodes = waitFor<NodesSnapshot>([&](QObject *c, auto done) { api->nodes(c, done); });
    ASSERT_TRUE(nodes.ok()) << nodes.error->message().toStdString();
    ASSERT_GE(nodes.value->nodes.size(), 4); // the demo fleet, and the dedicated stacks it has
    EXPECT_FALSE(nodes.etag.isEmpty());
    EXPECT_GT(nodes.value->generation, 0u);
    // The same tag again: 304, no value, and nothing to decode.
    const auto same =
        waitFor<NodesSnapshot>([&](QObject *c, auto done) { api->nodes(c, done, nodes.etag); });
    ASSERT_TRUE(same.ok());
    EXPECT_TRUE(same.notModified);
    EXPECT_FALSE(same.value);

    QString firstId, firstRegion;
    for (const Node &n : nodes.value->nodes) {
        if (firstId.isEmpty() && n.placement == u"shared" && n.acceptsTenants &&
            n.status == u"active") {
            firstId = n.nodeId;
            firstRegion = n.region;
        }
    }
    ASSERT_FALSE(firstId.isEmpty());
    const auto node = waitFor<Node>([&](QObject *c, auto done) { api->node(firstId, c, done); });
    ASSERT_TRUE(node.ok());
    EXPECT_EQ(node.value->nodeId, firstId);
    const auto missing =
        waitFor<Node>([&](QObject *c, auto done) { api->node(u"no-such-node"_s, c, done); });
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error->httpStatus, 404);

    Node fresh;
    fresh.nodeId = u"hel1-shared-42"_s;
    fresh.hostname = u"hel1-shared-42.nodes.example.net"_s;
    fresh.ipv4 = u"203.0.113.42"_s;
    fresh.region = u"hel1"_s;
    fresh.placement = u"shared"_s;
    fresh.role = u"shared"_s;
    fresh.stack = u"hel1"_s;
    fresh.acceptsTenants = true;
    fresh.status = u"active"_s;
    const auto registered =
        waitFor<Node>([&](QObject *c, auto done) { api->registerNode(fresh, c, done); });
    ASSERT_TRUE(registered.ok()) << registered.error->message().toStdString();
    EXPECT_EQ(registered.httpStatus, 201);
    EXPECT_EQ(registered.value->hostname, fresh.hostname);
    const auto again =
        waitFor<Node>([&](QObject *c, auto done) { api->registerNode(fresh, c, done); });
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.httpStatus, 200); // the same body again: nothing new

    ProvisionRequest request;
    request.jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.tenantId = u"acme-corp"_s;
    request.path = ProvisionRequest::Path::SharedExisting;
    request.targetServerId = firstId;
    request.region = firstRegion;
    const auto submitted = waitFor<Job>(
        [&](QObject *c, auto done) { api->submit(request.toJson(), request.jobId, c, done); });
    ASSERT_TRUE(submitted.ok())
        << submitted.error->message().toStdString() << " "
        << QStringList(submitted.error->fields.values()).join(u"; "_s).toStdString();
    EXPECT_EQ(submitted.httpStatus, 202);
    EXPECT_EQ(submitted.value->jobId, request.jobId);

    const auto job = waitFor<Job>([&](QObject *c, auto done) { api->job(request.jobId, c, done); });
    ASSERT_TRUE(job.ok());
    EXPECT_EQ(job.value->tenantId, u"acme-corp"_s);
    EXPECT_FALSE(job.body.isEmpty()); // kept for Export JSON

    JobsQuery query;
    query.tenantId = u"acme-corp"_s;
    const auto jobs = waitFor<JobsPage>([&](QObject *c, auto done) { api->jobs(query, c, done); });
    ASSERT_TRUE(jobs.ok());
    ASSERT_EQ(jobs.value->jobs.size(), 1);
    EXPECT_EQ(jobs.value->jobs.first().jobId, request.jobId);

    // Only a failed job can be retried: the contract's 409 comes back as the error.
    const auto retried =
        waitFor<Job>([&](QObject *c, auto done) { api->retry(request.jobId, c, done); });
    ASSERT_FALSE(retried.ok());
    EXPECT_EQ(retried.error->httpStatus, 409);
    EXPECT_EQ(retried.error->code, u"not_retryable"_s);
}

TEST_F(ControlPlaneSim, OffersWhatWhoamiListsAndNothingBeforeIt)
{
    for (Feature f : AllFeatures)
        EXPECT_FALSE(api->offers(f)) << featureKey(f).toStdString();
    const auto who = waitFor<WhoAmI>([&](QObject *c, auto done) { api->whoami(c, done); });
    ASSERT_TRUE(who.ok());
    // The simulator announces exactly what it serves; the client believes nothing more.
    for (Feature f : AllFeatures)
        EXPECT_EQ(api->offers(f), who.value->offers(f)) << featureKey(f).toStdString();
}

TEST(ControlPlane, ReadsFeaturesFromWhoamiAndIgnoresUnknownOnes)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::response(
            200, R"({"token_name":"t","role":"viewer","server_time":"2026-11-26T20:00:05Z",
                     "features":["logs","silences","teleport",7,null,"logs"]})");
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    const auto who = waitFor<WhoAmI>([&](QObject *c, auto done) { api.whoami(c, done); });
    ASSERT_TRUE(who.ok()) << who.error->message().toStdString();
    EXPECT_EQ(who.value->features, (QList<Feature>{Feature::Logs, Feature::Silences}));
    EXPECT_TRUE(api.offers(Feature::Silences));
    EXPECT_TRUE(api.offers(Feature::Logs));
    EXPECT_FALSE(api.offers(Feature::Plans));
    EXPECT_FALSE(api.offers(Feature::Cancel));
    // The reason an action is missing names the capability, in words.
    EXPECT_TRUE(ControlPlane::missingFeatureText(Feature::Cancel).contains(u"cancel"_s));
}

TEST(ControlPlane, AWhoamiWithoutFeaturesOffersNothing)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::response(200, WhoAmINoFeatures);
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    const auto who = waitFor<WhoAmI>([&](QObject *c, auto done) { api.whoami(c, done); });
    ASSERT_TRUE(who.ok());
    EXPECT_TRUE(who.value->features.isEmpty());
    for (Feature f : AllFeatures)
        EXPECT_FALSE(api.offers(f));
}

TEST(ControlPlane, AnUnreadableAnswerIsOneDecodeErrorNamingTheServer)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &r) {
        return ScriptedHttpServer::response(200, r.path.startsWith("/internal/nodes")
                                                     ? QByteArray("{\"nodes\":")
                                                     : QByteArray("[1,2,3]"));
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    const auto job = waitFor<Job>([&](QObject *c, auto done) { api.job(u"j-1"_s, c, done); });
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error->kind, ApiError::Kind::Decode);
    EXPECT_EQ(job.error->httpStatus, 200);
    EXPECT_TRUE(job.error->message().contains(u"does not follow the control plane contract"_s))
        << job.error->message().toStdString();
    EXPECT_TRUE(job.error->message().contains(u"127.0.0.1"_s));
    // The nodes list is decoded on a worker thread: the same error, the same words.
    const auto nodes = waitFor<NodesSnapshot>([&](QObject *c, auto done) { api.nodes(c, done); });
    ASSERT_FALSE(nodes.ok());
    EXPECT_EQ(nodes.error->kind, ApiError::Kind::Decode);
    EXPECT_EQ(nodes.error->url.path(), u"/internal/nodes"_s);
}

TEST(ControlPlane, NothingIsDeliveredOnceTheContextIsGone)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::response(200, WhoAmINoFeatures);
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    bool called = false;
    {
        QObject context;
        api.whoami(&context, [&](ApiResult<WhoAmI>) { called = true; });
    }
    // The call still runs to its end (identity is recorded), but the gone context hears nothing.
    QSignalSpy identity(&api, &ControlPlane::identityChanged);
    ASSERT_TRUE(identity.wait(10000));
    EXPECT_FALSE(called);
}

TEST_F(ControlPlaneSim, JobsPollerListsServerAndLocalJobsWhileWatched)
{
    QTemporaryDir dir;
    JobOutbox outbox(dir.filePath(u"jobs.sqlite"_s));
    ASSERT_TRUE(outbox.open().isEmpty());
    // A request written but never sent: a local row the control plane does not list.
    ProvisionRequest local;
    local.jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    local.tenantId = u"local-only"_s;
    local.path = ProvisionRequest::Path::SharedNew;
    local.region = u"nbg1"_s;
    ASSERT_TRUE(outbox.add(u"test"_s, local.jobId, local.toJson()).entry);

    JobsPoller poller(api.get(), &outbox, nullptr);
    QSignalSpy listed(&poller, &JobsPoller::listed);
    EXPECT_EQ(poller.nextDelayMs(), -1); // not watched: not polling
    poller.setWatched(true);
    ASSERT_TRUE(listed.wait(10000));
    JobListing listing = listed.last().first().value<JobListing>();
    EXPECT_TRUE(listing.answered);
    EXPECT_TRUE(listing.problem.isEmpty());
    ASSERT_EQ(listing.rows.size(), 1);
    EXPECT_TRUE(listing.rows.first().local);
    EXPECT_EQ(listing.rows.first().job.tenantId, u"local-only"_s);
    // A local row is active: the next listing comes soon.
    EXPECT_EQ(poller.nextDelayMs(), JobsPoller::ActiveRefreshMs);

    poller.setWatched(false);
    EXPECT_EQ(poller.nextDelayMs(), -1);

    // The control plane goes away: the last rows stay, with the reason beside them.
    sim.stop();
    poller.refresh();
    ASSERT_TRUE(listed.wait(20000));
    listing = listed.last().first().value<JobListing>();
    EXPECT_FALSE(listing.problem.isEmpty());
    EXPECT_TRUE(listing.problem.startsWith(u"The jobs could not be listed:"_s))
        << listing.problem.toStdString();
    EXPECT_EQ(listing.rows.size(), 1);
}

TEST(ConsoleSettings, OneTableOfKeysAndDefaultsWithOneChangeSignal)
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"console.ini"_s), QSettings::IniFormat);
    ConsoleSettings settings(file);
    using Key = ConsoleSettings::Key;
    EXPECT_EQ(settings.language(), u"system"_s);
    EXPECT_EQ(settings.colorScheme(), u"system"_s);
    EXPECT_TRUE(settings.notifications());
    EXPECT_TRUE(settings.trayIcon());

    QSignalSpy changed(&settings, &ConsoleSettings::changed);
    settings.setValue(Key::Notifications, false);
    settings.setValue(Key::Notifications, false); // the same again: no second signal
    settings.setValue(Key::Language, u"ko"_s);
    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(changed.at(0).first().value<ConsoleSettings::Key>(), Key::Notifications);
    EXPECT_EQ(changed.at(1).first().value<ConsoleSettings::Key>(), Key::Language);
    // Stored under the keys earlier versions wrote, so a saved choice survives the upgrade.
    EXPECT_EQ(file.value(u"ui/notifications"_s).toBool(), false);
    EXPECT_EQ(file.value(u"ui/language"_s).toString(), u"ko"_s);
    EXPECT_FALSE(file.contains(u"ui/trayIcon"_s)); // a default is not written
    ConsoleSettings reread(file);
    EXPECT_FALSE(reread.notifications());
    EXPECT_EQ(reread.language(), u"ko"_s);
}

TEST(ControlPlane, SilencesAreNotAskedForWhenWhoamiDoesNotOfferThem)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::response(200, WhoAmINoFeatures);
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    ASSERT_TRUE(waitFor<WhoAmI>([&](QObject *c, auto done) { api.whoami(c, done); }).ok());
    SilenceRequest request;
    request.silenceId = u"3f1c0000-0000-4000-8000-000000000001"_s;
    request.nodeIds = {u"fsn1-shared-01"_s};
    request.endsAtMs = 1'800'000'000'000;
    request.reason = u"kernel upgrade"_s;
    const auto created =
        waitFor<Silence>([&](QObject *c, auto done) { api.createSilence(request, c, done); });
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error->message(), ControlPlane::missingFeatureText(Feature::Silences));
    const auto listed =
        waitFor<SilencesList>([&](QObject *c, auto done) { api.silences(false, c, done); });
    ASSERT_FALSE(listed.ok());
    const auto ended = waitFor<Silence>(
        [&](QObject *c, auto done) { api.endSilence(request.silenceId, c, done); });
    ASSERT_FALSE(ended.ok());
    // Only whoami reached the server: nothing was tried against an endpoint it never announced.
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().first().path, "/internal/whoami");
}

TEST(ControlPlane, SilencesRoundTripThroughTheirJson)
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &r) {
        if (r.path.startsWith("/internal/whoami"))
            return ScriptedHttpServer::response(200,
                                                R"({"token_name":"alice-laptop","role":"operator",
                         "server_time":"2026-11-26T20:00:05Z","features":["silences"]})");
        if (r.method == "POST")
            return ScriptedHttpServer::response(201, R"({"silence_id":"s-1",
                "node_ids":["fsn1-shared-07"],"region":null,"starts_at":"2026-11-26T20:00:05Z",
                "ends_at":"2026-11-27T00:00:05.5Z","ended_at":null,"reason":"kernel upgrade",
                "created_by":"alice-laptop","created_at":"2026-11-26T20:00:05Z","extra":1})");
        return ScriptedHttpServer::response(200, R"({"server_time":"2026-11-26T20:00:06Z",
            "silences":[{"silence_id":"s-2","node_ids":[],"region":"fsn1",
              "starts_at":"2026-11-25T20:00:00Z","ends_at":"2026-11-26T20:00:00Z",
              "ended_at":"2026-11-25T21:00:00Z","reason":"rack move","created_by":"bob",
              "created_at":"2026-11-25T20:00:00Z"},
             {"silence_id":"broken"},
             {"silence_id":"s-3","node_ids":[],"region":null,"starts_at":"2026-11-25T20:00:00Z",
              "ends_at":"2026-11-26T20:00:00Z"}]})");
    });
    ScriptedApi scripted(server.url());
    ControlPlane &api = scripted.api;
    ASSERT_TRUE(waitFor<WhoAmI>([&](QObject *c, auto done) { api.whoami(c, done); }).ok());
    SilenceRequest request;
    request.silenceId = u"3f1c0000-0000-4000-8000-000000000001"_s;
    request.nodeIds = {u"fsn1-shared-07"_s};
    request.endsAtMs = 1'764'201'605'500;
    request.reason = u"커널 업그레이드"_s;
    const auto created =
        waitFor<Silence>([&](QObject *c, auto done) { api.createSilence(request, c, done); });
    ASSERT_TRUE(created.ok()) << created.error->message().toStdString();
    EXPECT_EQ(created.value->nodeIds, QStringList{u"fsn1-shared-07"_s});
    EXPECT_FALSE(created.value->region);
    EXPECT_EQ(created.value->endsAtMs - created.value->startsAtMs, 4 * 3600 * 1000 + 500);
    EXPECT_TRUE(created.value->isActiveAt(created.value->startsAtMs));
    EXPECT_TRUE(created.value->covers(u"fsn1-shared-07"_s, u"hel1"_s));
    // What went out: the contract's fields, the id also as the idempotency key, UTF-8 reason.
    const auto &post = server.requests().last();
    EXPECT_EQ(post.header("Idempotency-Key"), request.silenceId.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(post.body).object();
    EXPECT_EQ(body.value(u"ends_at").toString(), u"2025-11-27T00:00:05.500Z"_s);
    EXPECT_EQ(body.value(u"reason").toString(), u"커널 업그레이드"_s);
    EXPECT_EQ(body.value(u"node_ids").toArray().size(), 1);
    EXPECT_FALSE(body.contains(u"region"));

    const auto listed =
        waitFor<SilencesList>([&](QObject *c, auto done) { api.silences(true, c, done); });
    ASSERT_TRUE(listed.ok()) << listed.error->message().toStdString();
    EXPECT_TRUE(server.requests().last().path.endsWith("?active=true"));
    // The entry without times and the one naming nothing are left out; the rest still shows.
    ASSERT_EQ(listed.value->silences.size(), 1);
    const Silence &region = listed.value->silences.first();
    EXPECT_EQ(region.region, u"fsn1"_s);
    EXPECT_TRUE(region.covers(u"fsn1-shared-01"_s, u"fsn1"_s));
    EXPECT_FALSE(region.covers(u"hel1-shared-01"_s, u"hel1"_s));
    ASSERT_TRUE(region.endedAtMs);
    EXPECT_FALSE(region.isActiveAt(*region.endedAtMs + 1));
    EXPECT_EQ(region.effectiveEndMs(), *region.endedAtMs);
}
