#include "agent.h"
#include "backoff.h"
#include "cannedhttpserver.h"
#include "exitcode.h"
#include "metricsendpoint.h"
#include "retryafter.h"
#include "retryingpushjob.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace prego::agent;
using namespace prego::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QByteArray Token = "agt-1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a";
const QString NodeId = u"fsn1-shared-01"_s;

// Fast retries so the tests do not wait for production backoff.
constexpr RetryPolicy FastPolicy{20ms, 1s, 4};

struct Outcome
{
    PushResult result;
    int attempts = 0;
    bool finished = false;
};

MetricsEndpoint endpointFor(const QUrl &url, std::chrono::seconds timeout = 10s)
{
    const Result<MetricsEndpoint> endpoint = MetricsEndpoint::create(url, Token, {}, timeout);
    EXPECT_TRUE(endpoint.ok()) << endpoint.error().toStdString();
    return endpoint.value();
}

QByteArray sampleBody()
{
    MetricsSample sample;
    sample.nodeId = NodeId;
    sample.cpuPercent = 37.5;
    sample.memoryPercent = 61.1168;
    sample.tenantCount = 12;
    return QJsonDocument(sample.toJson()).toJson(QJsonDocument::Compact);
}

Outcome push(QNetworkAccessManager &network, const QUrl &url, RetryPolicy policy = FastPolicy,
             std::chrono::seconds timeout = 10s)
{
    Outcome outcome;
    RetryingPushJob job(&network, endpointFor(url, timeout), sampleBody(), NodeId, policy);
    QEventLoop loop;
    QObject::connect(&job, &RetryingPushJob::finished, &loop,
                     [&](const PushResult &result, int attempts) {
                         outcome = {result, attempts, true};
                         loop.quit();
                     });
    QTimer::singleShot(30s, &loop, &QEventLoop::quit);
    job.start();
    if (!outcome.finished)
        loop.exec();
    EXPECT_TRUE(outcome.finished) << "the push job never finished";
    return outcome;
}

void spin(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

TEST(Push, NoContentIsSuccessAndTheRequestIsAsSpecified)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue({204, {}, {}});

    const Outcome outcome = push(network, server.url());
    EXPECT_TRUE(outcome.result.ok()) << outcome.result.message.toStdString();
    EXPECT_EQ(outcome.result.exitCode(), ExitOk);
    EXPECT_EQ(outcome.attempts, 1);

    ASSERT_EQ(server.requests().size(), 1);
    const CannedHttpServer::Request &request = server.requests().first();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/internal/server-metrics");
    EXPECT_EQ(request.header("Authorization"), "Bearer " + Token);
    EXPECT_TRUE(request.header("Content-Type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    EXPECT_EQ(body.size(), 5);
    EXPECT_EQ(body.value("node_id"_L1).toString(), NodeId);
    EXPECT_DOUBLE_EQ(body.value("cpu_pct"_L1).toDouble(), 37.5);
    EXPECT_DOUBLE_EQ(body.value("memory_pct"_L1).toDouble(), 61.1);
    EXPECT_TRUE(body.value("disk_pct"_L1).isNull());
    EXPECT_EQ(body.value("tenant_count"_L1).toInteger(), 12);
}

TEST(Push, BaseUrlWithAPathKeepsIt)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    push(network, QUrl(server.url().toString() + u"/cp/"_s));
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().first().path, "/cp/internal/server-metrics");
}

TEST(Push, RefusalsHaveDistinctErrorsAndAreNotRetried)
{
    struct Case
    {
        CannedHttpServer::Response response;
        PushResult::Kind kind;
        QString mustSay;
    };
    const QList<Case> cases{
        {CannedHttpServer::error(401, u"unauthorized"_s, u"missing or unknown token"_s),
         PushResult::Kind::TokenRejected, u"check the token file"_s},
        {CannedHttpServer::error(403, u"forbidden"_s, u"token bound to another node"_s),
         PushResult::Kind::NodeForbidden, u"may not push metrics for node fsn1-shared-01"_s},
        {CannedHttpServer::error(404, u"not_found"_s, u"no such node"_s),
         PushResult::Kind::NodeNotFound, u"node fsn1-shared-01 is not registered"_s},
        {CannedHttpServer::error(422, u"validation_failed"_s, u"metrics out of range"_s,
                                 {{u"cpu_pct"_s, u"must be between 0 and 100"_s}}),
         PushResult::Kind::ValidationFailed,
         u"metrics out of range (cpu_pct: must be between 0 and 100)"_s},
    };
    std::set<QString> messages;
    for (const Case &c : cases) {
        QNetworkAccessManager network;
        CannedHttpServer server;
        ASSERT_TRUE(server.listen());
        server.enqueue(c.response);
        server.enqueue({204, {}, {}}); // a retry would succeed: it must not happen

        const Outcome outcome = push(network, server.url());
        EXPECT_EQ(outcome.result.kind, c.kind) << c.response.status;
        EXPECT_EQ(outcome.result.httpStatus, c.response.status);
        EXPECT_EQ(outcome.result.exitCode(), ExitRejected);
        EXPECT_TRUE(outcome.result.message.contains(c.mustSay))
            << outcome.result.message.toStdString();
        EXPECT_TRUE(outcome.result.message.contains(QString::number(c.response.status)));
        EXPECT_EQ(outcome.attempts, 1);
        spin(200ms);
        EXPECT_EQ(server.requests().size(), 1) << "HTTP " << c.response.status << " was retried";
        messages.insert(outcome.result.message);
    }
    EXPECT_EQ(messages.size(), 4u) << "each refusal needs its own explanation";
}

TEST(Push, ServiceUnavailableWithRetryAfterIsRetriedNoSooner)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response busy =
        CannedHttpServer::error(503, u"unavailable"_s, u"maintenance"_s);
    busy.addHeader("Retry-After", "1");
    server.enqueue(busy);
    server.enqueue({204, {}, {}});

    const Outcome outcome = push(network, server.url());
    EXPECT_TRUE(outcome.result.ok()) << outcome.result.message.toStdString();
    EXPECT_EQ(outcome.attempts, 2);
    ASSERT_EQ(server.requests().size(), 2);
    const qint64 waited =
        server.requests().at(1).receivedAtMs - server.requests().at(0).receivedAtMs;
    EXPECT_GE(waited, 1000) << "Retry-After: 1 was not honoured";
}

TEST(Push, RetryAfterAsHttpDateIsHonoured)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    // The wait is measured against the response's Date, whatever the local clock says.
    CannedHttpServer::Response busy = CannedHttpServer::error(429, u"rate_limited"_s, {});
    busy.addHeader("Date", "Wed, 26 Nov 2025 20:00:00 GMT");
    busy.addHeader("Retry-After", "Wed, 26 Nov 2025 20:00:01 GMT");
    server.enqueue(busy);
    server.enqueue({204, {}, {}});

    const Outcome outcome = push(network, server.url());
    EXPECT_TRUE(outcome.result.ok());
    ASSERT_EQ(server.requests().size(), 2);
    EXPECT_GE(server.requests().at(1).receivedAtMs - server.requests().at(0).receivedAtMs, 1000);
}

TEST(Push, TooManyRequestsAndServerErrorsAreRetriedUntilTheLimit)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(CannedHttpServer::error(429, u"rate_limited"_s, {}));
    server.enqueue(CannedHttpServer::error(500, u"internal"_s, {}));
    server.enqueue(CannedHttpServer::error(502, u"bad_gateway"_s, {}));
    server.enqueue(CannedHttpServer::error(503, u"unavailable"_s, u"still down"_s));

    const Outcome outcome = push(network, server.url());
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::Unavailable);
    EXPECT_EQ(outcome.result.exitCode(), ExitUnavailable);
    EXPECT_EQ(outcome.attempts, FastPolicy.maxAttempts);
    EXPECT_EQ(server.requests().size(), FastPolicy.maxAttempts);
    EXPECT_TRUE(outcome.result.message.contains(u"HTTP 503"_s));
    EXPECT_TRUE(outcome.result.message.contains(u"still down"_s));
}

TEST(Push, RetryAfterLongerThanTheCapEndsThePush)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response busy = CannedHttpServer::error(503, u"unavailable"_s, {});
    busy.addHeader("Retry-After", "3600");
    server.enqueue(busy);

    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = push(network, server.url());
    EXPECT_LT(clock.elapsed(), 5000);
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::Unavailable);
    EXPECT_TRUE(outcome.result.message.contains(u"3600 s,"_s))
        << outcome.result.message.toStdString();
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(Push, RedirectIsNotFollowedAndTheOtherPortHearsNothing)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    CannedHttpServer elsewhere;
    ASSERT_TRUE(server.listen());
    ASSERT_TRUE(elsewhere.listen());
    const QByteArray target = elsewhere.url().toEncoded() + "/internal/server-metrics";
    server.enqueue({307, {{"Location", target}}, {}});

    const Outcome outcome = push(network, server.url());
    spin(300ms);
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::Redirected);
    EXPECT_EQ(outcome.result.exitCode(), ExitRejected);
    EXPECT_TRUE(outcome.result.message.contains(QString::fromUtf8(target)))
        << outcome.result.message.toStdString();
    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_EQ(elsewhere.connectionCount(), 0) << "the token was sent to another origin";
}

TEST(Push, ConnectionRefusedIsRetriedThenUnavailable)
{
    QTcpServer probe; // find a port nobody listens on
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QNetworkAccessManager network;
    const Outcome outcome = push(network, QUrl(u"http://127.0.0.1:"_s + QString::number(port)));
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::Unavailable);
    EXPECT_EQ(outcome.result.exitCode(), ExitUnavailable);
    EXPECT_EQ(outcome.attempts, FastPolicy.maxAttempts);
    EXPECT_TRUE(outcome.result.message.contains(u"cannot reach the control plane"_s))
        << outcome.result.message.toStdString();
}

TEST(Push, SilentServerTimesOut)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response silence;
    silence.hang = true;
    server.enqueue(silence);

    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = push(network, server.url(), {20ms, 1s, 1}, 1s);
    EXPECT_GE(clock.elapsed(), 900);
    EXPECT_LT(clock.elapsed(), 10000);
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::Unavailable);
    EXPECT_TRUE(outcome.result.message.contains(u"no answer"_s))
        << outcome.result.message.toStdString();
}

TEST(Push, TokenEchoedByTheServerIsRedacted)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(CannedHttpServer::error(
        422, u"validation_failed"_s, u"bad request from Bearer "_s + QString::fromLatin1(Token),
        {{u"Authorization"_s, QString::fromLatin1(Token)}}));

    const Outcome outcome = push(network, server.url());
    EXPECT_EQ(outcome.result.kind, PushResult::Kind::ValidationFailed);
    EXPECT_FALSE(outcome.result.message.contains(QString::fromLatin1(Token)))
        << outcome.result.message.toStdString();
    EXPECT_TRUE(outcome.result.message.contains(u"[redacted]"_s));
}

TEST(Push, AbandonReportsTheLastFailureOnce)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response busy = CannedHttpServer::error(503, u"unavailable"_s, {});
    busy.addHeader("Retry-After", "30");
    server.enqueue(busy);

    RetryingPushJob job(&network, endpointFor(server.url()), sampleBody(), NodeId, {20ms, 5min, 0});
    int finishedCount = 0;
    PushResult last;
    QObject::connect(&job, &RetryingPushJob::finished, [&](const PushResult &result, int) {
        ++finishedCount;
        last = result;
    });
    job.start();
    QEventLoop loop;
    QObject::connect(&server, &CannedHttpServer::requestReceived, &loop, &QEventLoop::quit);
    QTimer::singleShot(10s, &loop, &QEventLoop::quit);
    loop.exec();
    spin(200ms); // the 503 is in, the retry waits for 30 s
    EXPECT_EQ(finishedCount, 0);
    job.abandon();
    spin(100ms);
    EXPECT_EQ(finishedCount, 1);
    EXPECT_TRUE(last.message.contains(u"HTTP 503"_s)) << last.message.toStdString();
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(RetryAfter, SecondsAndHttpDates)
{
    const QDateTime now = QDateTime::fromString(u"2025-11-26T20:00:00Z"_s, Qt::ISODate);
    EXPECT_EQ(RetryAfter::parse("120", {}, now), std::chrono::milliseconds(120s));
    EXPECT_EQ(RetryAfter::parse(" 0 ", {}, now), std::chrono::milliseconds(0));
    EXPECT_EQ(RetryAfter::parse("Wed, 26 Nov 2025 20:01:30 GMT", {}, now),
              std::chrono::milliseconds(90s));
    // Measured against the server's Date when there is one: its clock is 10 minutes behind.
    EXPECT_EQ(
        RetryAfter::parse("Wed, 26 Nov 2025 19:50:05 GMT", "Wed, 26 Nov 2025 19:50:00 GMT", now),
        std::chrono::milliseconds(5s));
    EXPECT_EQ(RetryAfter::parse("Wednesday, 26-Nov-25 20:00:30 GMT", {}, now),
              std::chrono::milliseconds(30s));
    EXPECT_EQ(RetryAfter::parse("Wed Nov 26 20:00:45 2025", {}, now),
              std::chrono::milliseconds(45s));
    EXPECT_EQ(RetryAfter::parse("Wed, 26 Nov 2025 19:00:00 GMT", {}, now),
              std::chrono::milliseconds(0)); // in the past: retry now
    EXPECT_FALSE(RetryAfter::parse("soon", {}, now).has_value());
    EXPECT_FALSE(RetryAfter::parse("-5", {}, now).has_value());
    EXPECT_FALSE(RetryAfter::parse({}, {}, now).has_value());
}

TEST(Backoff, FullJitterUnderAnExponentialCeiling)
{
    Backoff backoff(2s, 5min, QRandomGenerator(42));
    EXPECT_EQ(backoff.ceiling(0), 2s);
    EXPECT_EQ(backoff.ceiling(1), 4s);
    EXPECT_EQ(backoff.ceiling(2), 8s);
    EXPECT_EQ(backoff.ceiling(7), 256s);
    EXPECT_EQ(backoff.ceiling(8), 5min);
    EXPECT_EQ(backoff.ceiling(1000), 5min);

    for (int retry : {0, 3, 10}) {
        std::chrono::milliseconds low = backoff.ceiling(retry);
        std::chrono::milliseconds high = 0ms;
        for (int i = 0; i < 2000; ++i) {
            const std::chrono::milliseconds delay = backoff.delay(retry);
            ASSERT_GE(delay, 0ms);
            ASSERT_LE(delay, backoff.ceiling(retry));
            low = std::min(low, delay);
            high = std::max(high, delay);
        }
        // Full jitter spreads over the whole range, from about 0 to about the ceiling.
        EXPECT_LT(low, backoff.ceiling(retry) / 20) << retry;
        EXPECT_GT(high, backoff.ceiling(retry) * 19 / 20) << retry;
    }

    Backoff shortInterval(2s, 30s, QRandomGenerator(1));
    EXPECT_EQ(shortInterval.ceiling(10), 30s);
}

TEST(Backoff, AgentPoliciesFollowTheIssue)
{
    const RetryPolicy loop = Agent::loopPolicy(60s);
    EXPECT_EQ(loop.base, 2s);
    EXPECT_EQ(loop.cap, 60s); // the interval, when shorter than 5 minutes
    EXPECT_EQ(Agent::loopPolicy(3600s).cap, 5min);
    EXPECT_EQ(Agent::oncePolicy().base, 2s);
    EXPECT_GT(Agent::oncePolicy().maxAttempts, 1);
}

// In loop mode a push that fails, however many retries it took, is one warning line.
TEST(AgentLoop, OneLogLinePerFailedPushNotPerRetry)
{
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtWarningMsg)
                warnings.append(msg);
        });

    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue(CannedHttpServer::error(503, u"unavailable"_s, u"down"_s));

    AgentConfig config;
    config.url = server.url();
    config.nodeId = NodeId;
    config.interval = 1s;
    config.procRoot = QStringLiteral(PREGO_AGENT_FIXTURES) + u"/proc-normal"_s;
    Agent agent(config, endpointFor(server.url()), &network);
    agent.setRetryPolicy({20ms, 100ms, 0});
    agent.setCpuSampleGap(100ms);
    int failedPushes = 0;
    QObject::connect(&agent, &Agent::pushFinished, [&](const PushResult &result, int) {
        if (!result.ok())
            ++failedPushes;
    });
    agent.start();
    spin(3500ms);
    qInstallMessageHandler(previous);

    const qsizetype pushFailureLines =
        std::count_if(warnings.cbegin(), warnings.cend(),
                      [](const QString &w) { return w.contains(u"push failed"_s); });
    EXPECT_GE(failedPushes, 2);
    EXPECT_EQ(pushFailureLines, failedPushes);
    EXPECT_GT(server.requests().size(), 3 * failedPushes) << "the retries should be many";
    const qsizetype tenantWarnings =
        std::count_if(warnings.cbegin(), warnings.cend(),
                      [](const QString &w) { return w.contains(u"tenant count policy"_s); });
    EXPECT_EQ(tenantWarnings, 1);
}

// A Retry-After longer than a push can wait silences the following pushes until it has passed.
TEST(AgentLoop, LongRetryAfterPausesThePushes)
{
    QNetworkAccessManager network;
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response limited = CannedHttpServer::error(429, u"rate_limited"_s, {});
    limited.addHeader("Retry-After", "60");
    server.enqueue(limited);

    AgentConfig config;
    config.url = server.url();
    config.nodeId = NodeId;
    config.interval = 1s;
    config.procRoot = QStringLiteral(PREGO_AGENT_FIXTURES) + u"/proc-normal"_s;
    config.tenantCountCommand = u"echo 1"_s;
    Agent agent(config, endpointFor(server.url()), &network);
    agent.setRetryPolicy({20ms, 1s, 0});
    agent.setCpuSampleGap(100ms);
    int pushes = 0;
    QObject::connect(&agent, &Agent::pushFinished, [&](const PushResult &, int) { ++pushes; });
    agent.start();
    spin(2600ms); // ticks at about 0.1, 1.1 and 2.1 s

    EXPECT_EQ(pushes, 1);
    EXPECT_EQ(server.requests().size(), 1) << "pushed again during the Retry-After pause";
}
