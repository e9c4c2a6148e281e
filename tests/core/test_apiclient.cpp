// The API client against real HTTP: the reference control plane for the contract's answers, and
// a scripted server for the hostile ones it never gives.
#include "api/apiclient.h"
#include "api/apicodec.h"
#include "api/fleetpoller.h"
#include "domain/serverclock.h"
#include "httptestclient.h"
#include "scriptedhttpserver.h"
#include "simprocess.h"
#include "testprofile.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;
using prego::test::HttpTestClient;
using prego::test::profileFor;
using prego::test::ScriptedHttpServer;
using prego::test::SimProcess;

namespace {
ApiResponse waitFor(ApiCall *call, int timeoutMs = 20000)
{
    ApiResponse result;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResponse &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

class ApiClientSim : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"6"_s, u"--enable-sim-admin"_s}))
            << sim.error().toStdString();
        admin = std::make_unique<HttpTestClient>(sim.baseUrl());
        admin->setToken(sim.tokenFor(u"operator"_s));
    }
    ApiClient &client(const QString &role)
    {
        m_client = std::make_unique<ApiClient>(&nam, profileFor(sim.baseUrl()));
        m_client->setToken(sim.tokenFor(role));
        return *m_client;
    }
    SimProcess sim;
    QNetworkAccessManager nam;
    std::unique_ptr<HttpTestClient> admin;
    std::unique_ptr<ApiClient> m_client;
};
} // namespace

TEST_F(ApiClientSim, WhoamiAndNodes)
{
    ApiClient &c = client(u"viewer"_s);
    const ApiResponse who = waitFor(c.get(u"/internal/whoami"_s));
    ASSERT_TRUE(who.ok()) << who.error->message().toStdString();
    EXPECT_EQ(ApiCodec::decodeWhoAmI(who.body).value->role, u"viewer"_s);
    EXPECT_TRUE(who.dateMs.has_value());

    const ApiResponse nodes = waitFor(c.get(u"/internal/nodes"_s));
    ASSERT_TRUE(nodes.ok());
    EXPECT_FALSE(nodes.etag.isEmpty());
    const auto snap = ApiCodec::decodeNodes(nodes.body);
    ASSERT_TRUE(snap.value);
    EXPECT_EQ(snap.value->nodes.size(), 9); // 6 shared + the globex trio
}

TEST_F(ApiClientSim, ErrorsAreMappedToSentences)
{
    ApiClient &bad = client(u"operator"_s);
    bad.setToken(u"wrong-token-wrong-token"_s);
    ApiResponse r = waitFor(bad.get(u"/internal/nodes"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->httpStatus, 401);
    EXPECT_TRUE(r.error->message().contains(u"401"_s));
    EXPECT_FALSE(r.error->isRetryable());

    ApiClient &viewer = client(u"viewer"_s);
    r = waitFor(viewer.post(u"/internal/nodes"_s, "{}"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->httpStatus, 403);
    EXPECT_EQ(r.error->code, u"forbidden"_s);

    r = waitFor(viewer.get(u"/internal/nodes/no-such-node"_s));
    EXPECT_EQ(r.error->httpStatus, 404);
    EXPECT_TRUE(r.error->message().contains(u"no-such-node"_s));
}

TEST_F(ApiClientSim, RetryAfterIsReadFromA429AndA503)
{
    ASSERT_EQ(admin
                  ->post(u"/sim/faults"_s, QJsonObject{{u"path_prefix"_s, u"/internal/nodes"_s},
                                                       {u"status"_s, 429},
                                                       {u"count"_s, 1},
                                                       {u"retry_after"_s, u"3"_s}})
                  .status,
              201);
    ApiClient &c = client(u"viewer"_s);
    ApiResponse r = waitFor(c.get(u"/internal/nodes"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->httpStatus, 429);
    EXPECT_EQ(r.error->retryAfterSeconds, 3);
    EXPECT_TRUE(r.error->isRetryable());
    EXPECT_TRUE(r.error->message().contains(u"3 seconds"_s));
    // The fault was for one request only.
    EXPECT_TRUE(waitFor(c.get(u"/internal/nodes"_s)).ok());

    admin->post(u"/sim/faults"_s,
                QJsonObject{{u"status"_s, 503},
                            {u"count"_s, 1},
                            {u"retry_after"_s, u"Fri, 01 Jan 2100 00:00:00 GMT"_s}});
    r = waitFor(c.get(u"/internal/whoami"_s));
    EXPECT_EQ(r.error->httpStatus, 503);
    EXPECT_EQ(r.error->retryAfterSeconds, 3600); // a far date is clamped to an hour
}

TEST_F(ApiClientSim, TransferTimeoutEndsAStalledCall)
{
    admin->post(u"/sim/faults"_s, QJsonObject{{u"path_prefix"_s, u"/internal/whoami"_s},
                                              {u"latency_ms"_s, 5000},
                                              {u"count"_s, 1}});
    ApiClient &c = client(u"viewer"_s);
    c.setTimeoutMs(800);
    QElapsedTimer t;
    t.start();
    const ApiResponse r = waitFor(c.get(u"/internal/whoami"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, ApiError::Kind::Timeout);
    EXPECT_LT(t.elapsed(), 1800);
    EXPECT_TRUE(r.error->isRetryable());
}

TEST_F(ApiClientSim, OversizeBodiesAreCut)
{
    ApiClient &c = client(u"viewer"_s);
    c.setMaxBodyBytes(2000);
    const ApiResponse r = waitFor(c.get(u"/internal/nodes"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, ApiError::Kind::TooLarge);
    EXPECT_TRUE(r.body.isEmpty());
}

TEST_F(ApiClientSim, PollerUsesETagsAndBacksOffAfterFailures)
{
    Profile p = profileFor(sim.baseUrl());
    p.pollIntervalSeconds = 5;
    ApiClient c(&nam, p);
    c.setToken(sim.tokenFor(u"viewer"_s));
    ServerClock clock;
    ControlPlane controlPlane(&c);
    FleetPoller poller(&controlPlane, &clock);
    QSignalSpy snapshots(&poller, &FleetPoller::snapshotReceived);
    QSignalSpy notModified(&poller, &FleetPoller::notModified);
    QSignalSpy failed(&poller, &FleetPoller::pollFailed);
    poller.start();
    ASSERT_TRUE(snapshots.wait(10000));
    EXPECT_TRUE(clock.isSynced());
    // Freeze the fleet's pushes so the next answer is a 304.
    for (const char16_t *id : {u"fsn1-shared-01", u"nbg1-shared-01", u"hel1-shared-01",
                               u"ash-shared-01", u"hil-shared-01", u"sin-shared-01",
                               u"ded-globex-app", u"ded-globex-db", u"ded-globex-redis"})
        admin->post(u"/sim/nodes/"_s + QString::fromUtf16(id), QJsonObject{{u"pushing"_s, false}});
    poller.pollNow();
    ASSERT_TRUE(snapshots.wait(10000) || notModified.count() > 0);
    poller.pollNow();
    ASSERT_TRUE(notModified.wait(10000));

    admin->post(u"/sim/faults"_s,
                QJsonObject{{u"status"_s, 503}, {u"count"_s, 1}, {u"retry_after"_s, u"7"_s}});
    poller.pollNow();
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.last().at(0).value<ApiError>().httpStatus, 503);
    EXPECT_EQ(poller.consecutiveFailures(), 1);
    EXPECT_GE(poller.nextDelayMs(), 7000); // Retry-After beats the 5 s interval
}

// Redirects, stalls, caps, malformed answers and Retry-After: test_apiclient_hostile.cpp.

TEST(ApiClientHostile, MalformedAnswersAreDecodeErrors)
{
    const QList<QByteArray> bodies{
        "not json at all", "{\"server_time\":\"2026-11-26T20:00:05Z\",\"nodes\":\"many\"}",
        QByteArray("{\"server_time\":\"\xc3\x28\"}"), QByteArray(200000, '['), "{}"};
    qsizetype i = 0;
    ScriptedHttpServer server([&](const ScriptedHttpServer::Request &) {
        return ScriptedHttpServer::response(200, bodies.at(i));
    });
    QNetworkAccessManager nam;
    ApiClient c(&nam, profileFor(server.url()));
    c.setToken(u"token-abcdefghijklmnop"_s);
    for (i = 0; i < bodies.size(); ++i) {
        const ApiResponse r = waitFor(c.get(u"/internal/nodes"_s));
        ASSERT_TRUE(r.ok());
        const auto decoded = ApiCodec::decodeNodes(r.body);
        EXPECT_FALSE(decoded.value) << i;
        EXPECT_FALSE(decoded.error.isEmpty()) << i;
    }
}

TEST(ApiClientHostile, RemoteHttpIsRefusedBeforeAnyConnection)
{
    QNetworkAccessManager nam;
    Profile p = profileFor(QUrl(u"http://cp.example.net"_s));
    ApiClient c(&nam, p);
    c.setToken(u"token-abcdefghijklmnop"_s);
    const ApiResponse r = waitFor(c.get(u"/internal/nodes"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, ApiError::Kind::Config);
    EXPECT_TRUE(r.error->message().contains(u"https"_s));
}

TEST(ApiClientHostile, ConnectionRefusedIsANetworkError)
{
    QNetworkAccessManager nam;
    ApiClient c(&nam, profileFor(QUrl(u"http://127.0.0.1:1"_s)));
    const ApiResponse r = waitFor(c.get(u"/internal/nodes"_s));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, ApiError::Kind::Network);
    EXPECT_TRUE(r.error->noServer); // nothing listened: the poller retries at its interval
    EXPECT_TRUE(r.error->isRetryable());
}
