// Hostile control planes, scripted on loopback and met by the real ApiClient (and FleetPoller):
// redirects to other origins, stalls and trickles, endless bodies, malformed JSON for every
// endpoint the console decodes, Retry-After in all its forms, and an outage of a control plane.
// Times are compressed (1 s poll interval, second-long timeouts); bounds that are part of the
// requirement (timeout + 1 s, one poll interval) are asserted, the rest are counts and lower bounds
// that a slow (sanitizer) build cannot break.
#include "api/apiclient.h"
#include "api/apicodec.h"
#include "api/fleetpoller.h"
#include "api/jobcodec.h"
#include "domain/serverclock.h"
#include "scriptedhttpserver.h"
#include "testprofile.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace prego;
using prego::test::ScriptedHttpServer;
using Request = ScriptedHttpServer::Request;

namespace {

Profile profileFor(const QUrl &url, int pollSeconds = 15)
{
    return prego::test::profileFor(url, pollSeconds, u"hostile"_s);
}
const QString Token = u"canary-token-5f2a9c7e1b"_s;
const QByteArray Bearer = "Bearer canary-token-5f2a9c7e1b";
const QByteArray IdempotencyKey = "job-canary-7d41e0";
const QByteArray PostBody = R"({"job_id":"job-canary-7d41e0","body_canary":"b-9911"})";
const QByteArray WhoAmIBody =
    R"({"token_name":"t","role":"viewer","server_time":"2026-11-26T20:00:05Z"})";
const QByteArray NodeBody =
    R"({"node_id":"fsn1-shared-07","hostname":"fsn1-shared-07.example.net","ipv4":"203.0.113.17",)"
    R"("region":"fsn1","placement":"shared","role":"shared","tenant_id":null,"stack":"fsn1",)"
    R"("accepts_tenants":true,"status":"active","created_at":"2026-10-01T08:00:00Z",)"
    R"("metrics":{"cpu_pct":37.5,"memory_pct":61.0,"disk_pct":48.2,"tenant_count":12,)"
    R"("updated_at":"2026-11-26T19:58:41Z"}})";
const QByteArray NodesBody = R"({"server_time":"2026-11-26T20:00:05Z","nodes":[)" + NodeBody + "]}";
const QByteArray JobBody =
    R"({"job_id":"job-canary-7d41e0","status":"Queued","tenant_id":"acme","path":"shared-existing",)"
    R"("created_at":"2026-11-26T20:00:05Z","stages":[]})";
const QByteArray JobsBody =
    R"({"server_time":"2026-11-26T20:00:05Z","jobs":[)" + JobBody + R"(],"next_cursor":null})";

ApiResponse waitFor(ApiCall *call, int timeoutMs = 20000)
{
    ApiResponse result;
    bool done = false;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResponse &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!done) {
        ApiError e;
        e.kind = ApiError::Kind::Cancelled;
        e.detail = u"test: no answer within %1 ms"_s.arg(timeoutMs);
        result.error = e;
    }
    return result;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray httpDate(qint64 ms)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
        .toLatin1();
}

qsizetype countCarrying(const QList<Request> &requests, const QByteArray &needle)
{
    qsizetype n = 0;
    for (const Request &r : requests) {
        bool found = r.body.contains(needle);
        for (const auto &[k, v] : r.headers)
            found |= v.contains(needle);
        n += found;
    }
    return n;
}
} // namespace

// ---------------------------------------------------------------------------------------------
// Redirects: 5 codes × GET/POST × where the Location points.

enum class Where { Relative, SameOrigin, OtherPort, OtherHostName, HttpsSamePort };

class RedirectMatrix : public ::testing::TestWithParam<std::tuple<int, bool, Where>>
{};

TEST_P(RedirectMatrix, TokenKeyAndBodyNeverLeaveTheOrigin)
{
    const auto [status, post, where] = GetParam();
    ScriptedHttpServer elsewhere([](const Request &r) {
        return ScriptedHttpServer::response(200, r.method == "POST" ? JobBody : WhoAmIBody);
    });
    QByteArray location;
    ScriptedHttpServer origin([&](const Request &r) {
        if (r.path.startsWith("/moved"))
            return ScriptedHttpServer::response(200, r.method == "POST" ? JobBody : WhoAmIBody);
        return ScriptedHttpServer::response(status, {}, {{"Location", location}});
    });
    const QByteArray port = QByteArray::number(origin.port());
    switch (where) {
    case Where::Relative:
        location = "/moved/here";
        break;
    case Where::SameOrigin:
        location = "http://127.0.0.1:" + port + "/moved/here";
        break;
    case Where::OtherPort: // another port on 127.0.0.1 is another origin
        location = elsewhere.url().toEncoded() + "/moved/here";
        break;
    case Where::OtherHostName: // the same socket under another name is another origin too
        location = "http://localhost:" + port + "/moved/here";
        break;
    case Where::HttpsSamePort: // a scheme change is another origin
        location = "https://127.0.0.1:" + port + "/moved/here";
        break;
    }

    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(origin.url()));
    client.setToken(Token);
    const ApiResponse r =
        waitFor(post ? client.post(u"/internal/provision-tenant"_s, PostBody, IdempotencyKey)
                     : client.get(u"/internal/whoami"_s));

    const bool sameOrigin = where == Where::Relative || where == Where::SameOrigin;
    if (sameOrigin && !post) {
        // Followed: the token goes along, to the same origin only.
        ASSERT_TRUE(r.ok()) << r.error->message().toStdString();
        EXPECT_TRUE(ApiCodec::decodeWhoAmI(r.body).value);
        ASSERT_GE(origin.requests().size(), 2);
        EXPECT_EQ(origin.requests().last().path, "/moved/here");
        EXPECT_EQ(origin.requests().last().header("Authorization"), Bearer);
    } else {
        // Refused, with a sentence that names where it pointed.
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error->kind, ApiError::Kind::Redirect) << r.error->message().toStdString();
        EXPECT_FALSE(r.error->isRetryable());
        const QString message = r.error->message();
        EXPECT_TRUE(message.contains(u"/moved/here"_s)) << message.toStdString();
        EXPECT_FALSE(message.contains(Token));
        // Nothing went anywhere after the first request: not to the new address, not again here
        // (no second connection: an https or "localhost" attempt would have made one).
        EXPECT_EQ(origin.requests().size(), 1);
        EXPECT_EQ(origin.connections(), 1);
        EXPECT_EQ(origin.requests().first().method, post ? "POST" : "GET");
    }
    EXPECT_EQ(elsewhere.connections(), 0);
    EXPECT_TRUE(elsewhere.requests().isEmpty());
    // The canaries arrived exactly where they were sent.
    const QList<Request> all = origin.requests() + elsewhere.requests();
    EXPECT_EQ(countCarrying(all, IdempotencyKey), post ? 1 : 0);
    EXPECT_EQ(countCarrying(all, "b-9911"), post ? 1 : 0);
    if (post || !sameOrigin) {
        EXPECT_EQ(countCarrying(all, Token.toUtf8()), 1);
    }
}

namespace {
std::string redirectCaseName(const ::testing::TestParamInfo<RedirectMatrix::ParamType> &info)
{
    static const char *const names[] = {"Relative", "SameOrigin", "OtherPort", "OtherHostName",
                                        "HttpsSamePort"};
    return std::to_string(std::get<0>(info.param)) +
           (std::get<1>(info.param) ? "_POST_" : "_GET_") + names[int(std::get<2>(info.param))];
}
} // namespace

INSTANTIATE_TEST_SUITE_P(
    CodesMethodsOrigins, RedirectMatrix,
    ::testing::Combine(::testing::Values(301, 302, 303, 307, 308), ::testing::Bool(),
                       ::testing::Values(Where::Relative, Where::SameOrigin, Where::OtherPort,
                                         Where::OtherHostName, Where::HttpsSamePort)),
    redirectCaseName);

// ---------------------------------------------------------------------------------------------
// Stalls: every way of not finishing ends within the configured time + 1 s.

namespace {
struct Timed
{
    ApiResponse response;
    qint64 elapsedMs;
};

Timed timedGet(ScriptedHttpServer &server, int idleMs, int totalMs)
{
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(server.url()));
    client.setToken(Token);
    client.setTimeoutMs(idleMs);
    client.setTotalTimeoutMs(totalMs);
    QElapsedTimer t;
    t.start();
    ApiResponse r = waitFor(client.get(u"/internal/nodes"_s), 30000);
    return {std::move(r), t.elapsed()};
}
} // namespace

TEST(ApiClientStall, AcceptedButNeverAnsweredEndsAtTheTimeout)
{
    ScriptedHttpServer server([](const Request &) { return QByteArray(); });
    const Timed t = timedGet(server, 800, 60000);
    ASSERT_FALSE(t.response.ok());
    EXPECT_EQ(t.response.error->kind, ApiError::Kind::Timeout);
    EXPECT_TRUE(t.response.error->isRetryable());
    EXPECT_FALSE(t.response.error->message().isEmpty());
    EXPECT_GE(t.elapsedMs, 700);
    EXPECT_LT(t.elapsedMs, 800 + 1000);
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(ApiClientStall, HeadersThenASilentBodyEndsAtTheTimeout)
{
    ScriptedHttpServer server([](const Request &) { return QByteArray(); });
    server.setStreamHandler([](const Request &) {
        return ScriptedHttpServer::Stream{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 5000\r\n\r\n{\"server_time\":",
                                          {},
                                          0,
                                          0};
    });
    const Timed t = timedGet(server, 800, 60000);
    ASSERT_FALSE(t.response.ok());
    EXPECT_EQ(t.response.error->kind, ApiError::Kind::Timeout);
    EXPECT_TRUE(t.response.body.isEmpty());
    EXPECT_LT(t.elapsedMs, 800 + 1000);
}

TEST(ApiClientStall, AByteEveryHalfSecondIsEndedByTheTotalTimeout)
{
    // The idle timeout (5 s) never fires: a byte arrives every 0.5 s. Only the total one ends it.
    ScriptedHttpServer server([](const Request &) { return QByteArray(); });
    server.setStreamHandler([](const Request &) {
        return ScriptedHttpServer::Stream{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Content-Length: 100000\r\n\r\n",
                                          " ", 500, -1};
    });
    const Timed t = timedGet(server, 5000, 1500);
    ASSERT_FALSE(t.response.ok());
    EXPECT_EQ(t.response.error->kind, ApiError::Kind::Timeout);
    EXPECT_TRUE(t.response.error->detail.contains(u"1500"_s));
    EXPECT_GE(t.elapsedMs, 1400);
    EXPECT_LT(t.elapsedMs, 1500 + 1000);
    EXPECT_GE(server.streamedBytes(), 1); // it was trickling, not silent
    spin(100);
    EXPECT_EQ(server.openSockets(), 0); // and the client hung up
}

// ---------------------------------------------------------------------------------------------
// Endless bodies stop at the cap, with the cap in the sentence and nothing kept.

namespace {
constexpr qint64 Cap = 256 * 1024;

ApiResponse cappedGet(ScriptedHttpServer &server)
{
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(server.url()));
    client.setToken(Token);
    client.setMaxBodyBytes(Cap);
    client.setTimeoutMs(10000);
    return waitFor(client.get(u"/internal/nodes"_s), 30000);
}

void expectStoppedAtTheCap(const ApiResponse &r, const ScriptedHttpServer &server)
{
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, ApiError::Kind::TooLarge);
    EXPECT_TRUE(r.body.isEmpty());
    EXPECT_FALSE(r.error->isRetryable());
    EXPECT_TRUE(r.error->message().contains(QLocale().formattedDataSize(Cap)))
        << r.error->message().toStdString();
    // The client stopped reading: what the server got out is the cap plus what fits in the
    // client's 1 MB read buffer and the kernel's socket buffers, not an endless stream.
    EXPECT_LT(server.streamedBytes(), Cap + 32LL * 1024 * 1024);
}
} // namespace

TEST(ApiClientCap, AnEndlessChunkedBodyIsStoppedAtTheCap)
{
    ScriptedHttpServer server([](const Request &) { return QByteArray(); });
    const QByteArray data(16384, 'x');
    server.setStreamHandler([&](const Request &) {
        return ScriptedHttpServer::Stream{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\n",
                                          "4000\r\n" + data + "\r\n", 0, -1};
    });
    const ApiResponse r = cappedGet(server);
    expectStoppedAtTheCap(r, server);
    EXPECT_GT(server.streamedBytes(), Cap); // it really was sent more than the cap
    spin(100);
    EXPECT_EQ(server.openSockets(), 0);
}

TEST(ApiClientCap, AHugeContentLengthIsRefusedBeforeTheBody)
{
    for (const QByteArray &length : {QByteArray("1000000000000"), QByteArray("9223372036854775807"),
                                     QByteArray("99999999999999999999999999")}) {
        ScriptedHttpServer server([](const Request &) { return QByteArray(); });
        server.setStreamHandler([&](const Request &) {
            return ScriptedHttpServer::Stream{
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length +
                    "\r\n\r\n",
                QByteArray(16384, 'x'), 0, -1};
        });
        const ApiResponse r = cappedGet(server);
        SCOPED_TRACE(length.toStdString());
        expectStoppedAtTheCap(r, server);
    }
}

TEST(ApiClientCap, ABodyLongerThanItsContentLengthIsCutAtTheLength)
{
    // Content-Length says 2 bytes; the rest (a whole second answer) is not part of this one.
    ScriptedHttpServer server([](const Request &) -> QByteArray {
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2"
                          "\r\n\r\n{}") +
               QByteArray(Cap * 2, ' ');
    });
    const ApiResponse r = cappedGet(server);
    ASSERT_TRUE(r.ok()) << r.error->message().toStdString();
    EXPECT_EQ(r.body, "{}");
    EXPECT_FALSE(ApiCodec::decodeNodes(r.body).value);
}

// ---------------------------------------------------------------------------------------------
// Malformed answers: every endpoint the console decodes, through the real client.

namespace {
struct Endpoint
{
    const char *name;
    bool post;
    QString path;
    QByteArray valid;
    // Empty when the body decodes, else the decoder's translated reason.
    std::function<QString(const QByteArray &)> decode;
};

template<typename D> QString reasonOf(const D &decoded)
{
    if (decoded.value)
        return {};
    return decoded.error.isEmpty() ? u"(decoder gave no reason)"_s : decoded.error;
}

const QList<Endpoint> &endpoints()
{
    static const QList<Endpoint> list{
        {"nodes", false, u"/internal/nodes"_s, NodesBody,
         [](const QByteArray &b) {
             const auto d = ApiCodec::decodeNodes(b);
             if (d.value) {
                 // Whatever got through is a number a view can draw.
                 for (const Node &n : d.value->nodes)
                     if (n.metrics)
                         for (const auto &v :
                              {n.metrics->cpuPct, n.metrics->memoryPct, n.metrics->diskPct})
                             if (v && (!std::isfinite(*v) || *v < 0 || *v > 100))
                                 return u"test: an impossible percentage got through"_s;
                 for (const Node &n : d.value->nodes)
                     if (n.metrics && n.metrics->tenantCount && *n.metrics->tenantCount < 0)
                         return u"test: a negative tenant count got through"_s;
             }
             return reasonOf(d);
         }},
        {"node", false, u"/internal/nodes/fsn1-shared-07"_s, NodeBody,
         [](const QByteArray &b) {
             return reasonOf(ApiCodec::decodeNode(b));
         }},
        {"whoami", false, u"/internal/whoami"_s, WhoAmIBody,
         [](const QByteArray &b) {
             return reasonOf(ApiCodec::decodeWhoAmI(b));
         }},
        {"jobs", false, u"/internal/provision-jobs"_s, JobsBody,
         [](const QByteArray &b) {
             return reasonOf(JobCodec::decodeJobs(b));
         }},
        {"job", false, u"/internal/provision-jobs/job-canary-7d41e0"_s, JobBody,
         [](const QByteArray &b) {
             return reasonOf(JobCodec::decodeJob(b));
         }},
        {"provision", true, u"/internal/provision-tenant"_s, JobBody,
         [](const QByteArray &b) {
             return reasonOf(JobCodec::decodeJob(b));
         }},
    };
    return list;
}

enum class Expect { Error, ErrorOrSane };

struct Hostile
{
    const char *name;
    std::function<QByteArray(const QByteArray &valid)> body;
    Expect expect = Expect::Error;
    QByteArray contentType = "application/json";
};

// `{"x":<value>, …the valid object…}`: a value that must not pass wherever it is.
QByteArray withField(const QByteArray &valid, const QByteArray &field)
{
    return "{" + field + "," + valid.mid(1);
}

const QList<Hostile> &hostileBodies()
{
    static const QList<Hostile> list{
        {"Garbage",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("not json at all");
         }},
        {"EmptyBodyWith200",
         [](const QByteArray &) -> QByteArray {
             return QByteArray();
         }},
        {"HtmlLoginPage",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("<html><body>Sign in</body></html>");
         },
         Expect::Error, "text/html; charset=utf-8"},
        {"ValidJsonAsTextHtml", [](const QByteArray &v) -> QByteArray { return v; }, Expect::Error,
         "text/html"},
        {"ValidJsonAsOctetStream", [](const QByteArray &v) -> QByteArray { return v; },
         Expect::Error, "application/octet-stream"},
        {"TopLevelArray",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("[]");
         }},
        {"TopLevelString",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("\"nodes\"");
         }},
        {"TopLevelNumber",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("42");
         }},
        {"TopLevelNull",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("null");
         }},
        {"WrongTypes",
         [](const QByteArray &) -> QByteArray {
             return QByteArray(R"({"server_time":5,"nodes":"many","jobs":{},"token_name":1,)"
                               R"("role":[],"job_id":7,"status":false,"node_id":null})");
         }},
        {"DeepArrays",
         [](const QByteArray &) -> QByteArray {
             return QByteArray(100000, '[');
         }},
        {"DeepObjects",
         [](const QByteArray &) -> QByteArray {
             return QByteArray("{\"a\":").repeated(100000);
         }},
        {"DeepButClosed",
         [](const QByteArray &v) -> QByteArray {
             return withField(v, "\"x\":" + QByteArray(100000, '[') + QByteArray(100000, ']'));
         },
         Expect::ErrorOrSane},
        {"InvalidUtf8",
         [](const QByteArray &v) -> QByteArray {
             return withField(v, "\"x\":\"\xc3\x28\xff\"");
         }},
        {"LoneSurrogate",
         [](const QByteArray &v) -> QByteArray { return withField(v, R"("x":"\ud800")"); },
         Expect::ErrorOrSane},
        {"ByteOrderMark", [](const QByteArray &v) -> QByteArray { return "\xEF\xBB\xBF" + v; },
         Expect::ErrorOrSane},
        {"TrailingGarbage",
         [](const QByteArray &v) -> QByteArray {
             return v + "}garbage";
         }},
        {"TwoDocuments",
         [](const QByteArray &v) -> QByteArray {
             return v + v;
         }},
        {"Truncated",
         [](const QByteArray &v) -> QByteArray {
             return v.left(v.size() / 2);
         }},
        {"NaNLiteral",
         [](const QByteArray &v) -> QByteArray {
             return withField(v, "\"x\":NaN");
         }},
        {"InfinityLiteral",
         [](const QByteArray &v) -> QByteArray {
             return withField(v, "\"x\":-Infinity");
         }},
        {"DuplicateKeys",
         [](const QByteArray &v) -> QByteArray { return withField(v, R"("status":"x")"); },
         Expect::ErrorOrSane},
        {"HugeExponent",
         [](const QByteArray &v) -> QByteArray { return withField(v, "\"x\":1e400"); },
         Expect::ErrorOrSane},
        {"TwoToThe64",
         [](const QByteArray &v) -> QByteArray {
             return withField(v, "\"x\":18446744073709551616");
         },
         Expect::ErrorOrSane},
        {"NegativeZero", [](const QByteArray &v) -> QByteArray { return withField(v, "\"x\":-0"); },
         Expect::ErrorOrSane},
        {"TenantCountTwoToThe64",
         [](const QByteArray &v) -> QByteArray {
             return QByteArray(v).replace("\"tenant_count\":12",
                                          "\"tenant_count\":18446744073709551616");
         },
         Expect::ErrorOrSane},
        {"CpuNegativeZero",
         [](const QByteArray &v) -> QByteArray {
             return QByteArray(v).replace("\"cpu_pct\":37.5", "\"cpu_pct\":-0");
         },
         Expect::ErrorOrSane},
        {"HugeNumbersInPlace",
         [](const QByteArray &v) -> QByteArray {
             QByteArray b = v;
             return b.replace("37.5", "1e400")
                 .replace("61.0", "-0")
                 .replace("12,", "18446744073709551616,");
         },
         Expect::ErrorOrSane},
    };
    return list;
}

class MalformedAnswers : public ::testing::TestWithParam<int>
{};
} // namespace

// One test per endpoint, every hostile body in turn (one process each would cost CI more than
// the requests do).
TEST_P(MalformedAnswers, AreAClearErrorThroughTheRealClient)
{
    const Endpoint &endpoint = endpoints().at(GetParam());
    // The valid body itself passes: each failure below is the hostile part's doing.
    ASSERT_TRUE(endpoint.decode(endpoint.valid).isEmpty());
    for (const Hostile &hostile : hostileBodies()) {
        SCOPED_TRACE(hostile.name);
        const QByteArray body = hostile.body(endpoint.valid);
        ScriptedHttpServer server([&](const Request &) {
            return ScriptedHttpServer::response(endpoint.post ? 201 : 200, body,
                                                {{"Content-Type", hostile.contentType}});
        });
        QNetworkAccessManager nam;
        ApiClient client(&nam, profileFor(server.url()));
        client.setToken(Token);
        const ApiResponse r =
            waitFor(endpoint.post ? client.post(endpoint.path, PostBody, IdempotencyKey)
                                  : client.get(endpoint.path));
        ASSERT_EQ(server.requests().size(), 1);
        QString reason;
        if (!r.ok()) {
            EXPECT_EQ(r.error->kind, ApiError::Kind::Decode) << r.error->message().toStdString();
            reason = r.error->message();
        } else {
            reason = endpoint.decode(r.body);
        }
        EXPECT_FALSE(reason.startsWith(u"test:"_s)) << reason.toStdString();
        if (hostile.expect == Expect::Error) {
            EXPECT_FALSE(reason.isEmpty()) << "accepted: " << body.left(200).toStdString();
        }
    }
}

namespace {
std::string endpointName(const ::testing::TestParamInfo<int> &info)
{
    return endpoints().at(info.param).name;
}
} // namespace

INSTANTIATE_TEST_SUITE_P(EveryEndpoint, MalformedAnswers,
                         ::testing::Range(0, int(endpoints().size())), endpointName);

TEST(MalformedAnswers, ADuplicateKeyMeansWhatItMeansToTheControlPlane)
{
    // The control plane is a Worker: JavaScript's JSON.parse keeps the last of duplicate keys.
    // The console reads them the same way, so both sides see one job, not two different ones.
    const auto job = JobCodec::decodeJob(R"({"job_id":"a","status":"Failed","status":"Queued"})");
    ASSERT_TRUE(job.value) << job.error.toStdString();
    EXPECT_EQ(job.value->status, u"Queued"_s);
    const auto who = ApiCodec::decodeWhoAmI(
        R"({"token_name":"t","role":"operator","role":"viewer","server_time":"2026-11-26T20:00:05Z"})");
    ASSERT_TRUE(who.value);
    EXPECT_EQ(who.value->role, u"viewer"_s);
    const auto nodes = ApiCodec::decodeNodes(QByteArray(NodesBody).replace(
        "\"status\":\"active\"", "\"status\":\"retired\",\"status\":\"active\""));
    ASSERT_TRUE(nodes.value) << nodes.error.toStdString();
    EXPECT_EQ(nodes.value->nodes.at(0).status, u"active"_s);
}

TEST(MalformedAnswers, ThePollerReportsEachAsAFailedPollAndKeepsPolling)
{
    qsizetype i = 0;
    QList<QByteArray> bodies;
    for (const Hostile &h : hostileBodies())
        if (h.expect == Expect::Error && h.contentType == "application/json")
            bodies.append(h.body(NodesBody));
    ScriptedHttpServer server([&](const Request &) {
        return ScriptedHttpServer::response(200, i < bodies.size() ? bodies.at(i) : NodesBody);
    });
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(server.url()));
    client.setToken(Token);
    ServerClock clock;
    ControlPlane controlPlane(&client);
    FleetPoller poller(&controlPlane, &clock);
    QSignalSpy failed(&poller, &FleetPoller::pollFailed);
    QSignalSpy snapshots(&poller, &FleetPoller::snapshotReceived);
    for (i = 0; i < bodies.size(); ++i) {
        poller.pollNow();
        ASSERT_TRUE(failed.wait(10000)) << i;
        const auto e = failed.last().at(0).value<ApiError>();
        EXPECT_EQ(e.kind, ApiError::Kind::Decode) << i;
        EXPECT_TRUE(e.message().contains(u"127.0.0.1"_s)) << e.message().toStdString();
        EXPECT_FALSE(e.detail.isEmpty()) << i;
    }
    EXPECT_TRUE(snapshots.isEmpty());
    poller.pollNow(); // a good answer after all that is taken
    ASSERT_TRUE(snapshots.wait(10000));
    EXPECT_EQ(snapshots.last().at(0).value<NodesSnapshot>().nodes.size(), 1);
}

// ---------------------------------------------------------------------------------------------
// Retry-After: seconds, an HTTP date, a past date, garbage, huge values.

TEST(RetryAfter, EveryFormIsReadAndCapped)
{
    const qint64 serverNow = 1795000000000; // the Date header the server sends
    const struct
    {
        QByteArray value;
        std::optional<int> seconds;
    } cases[] = {
        {"5", 5},
        {httpDate(serverNow + 120000), 120}, // relative to the server's Date, not our clock
        {httpDate(serverNow - 3600000), 0},  // a date in the past: at once
        {"soon", std::nullopt},
        {"-5", std::nullopt},
        {"1.5", std::nullopt},
        {"86400", 3600},
        {"18446744073709551616", 3600},
        {"99999999999999999999999999999999", 3600},
        {httpDate(serverNow + 10LL * 365 * 86400000), 3600},
    };
    for (const auto &c : cases) {
        for (int status : {429, 503}) {
            ScriptedHttpServer server([&](const Request &) {
                return ScriptedHttpServer::response(
                    status, R"({"error":{"code":"rate_limited","message":"slow down"}})",
                    {{"Retry-After", c.value}, {"Date", httpDate(serverNow)}});
            });
            QNetworkAccessManager nam;
            ApiClient client(&nam, profileFor(server.url()));
            client.setToken(Token);
            const ApiResponse r = waitFor(client.get(u"/internal/nodes"_s));
            SCOPED_TRACE(c.value.toStdString() + " " + std::to_string(status));
            ASSERT_FALSE(r.ok());
            EXPECT_EQ(r.error->httpStatus, status);
            EXPECT_EQ(r.error->retryAfterSeconds, c.seconds);
            EXPECT_TRUE(r.error->isRetryable());
            if (c.seconds && *c.seconds > 0) {
                EXPECT_TRUE(r.error->message().contains(QString::number(*c.seconds)))
                    << r.error->message().toStdString();
            }
        }
    }
}

namespace {
// A 503 with this Retry-After first, then good answers: when did the poller ask again?
void expectThePollerWaits(const std::function<QByteArray()> &retryAfter, qint64 minGapMs)
{
    int n = 0;
    ScriptedHttpServer real([&](const Request &) {
        const QByteArray date = httpDate(QDateTime::currentMSecsSinceEpoch());
        if (n++ == 0)
            return ScriptedHttpServer::response(503, {},
                                                {{"Retry-After", retryAfter()}, {"Date", date}});
        return ScriptedHttpServer::response(200, NodesBody, {{"Date", date}});
    });
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(real.url(), 1));
    client.setToken(Token);
    ServerClock clock;
    ControlPlane controlPlane(&client);
    FleetPoller poller(&controlPlane, &clock);
    QSignalSpy failed(&poller, &FleetPoller::pollFailed);
    QSignalSpy snapshots(&poller, &FleetPoller::snapshotReceived);
    poller.start();
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.last().at(0).value<ApiError>().httpStatus, 503);
    // F5 does not jump the queue the server asked for.
    poller.pollNow();
    spin(300);
    EXPECT_EQ(real.requests().size(), 1);
    ASSERT_TRUE(snapshots.wait(15000));
    ASSERT_EQ(real.requests().size(), 2); // nothing in between
    EXPECT_GE(real.requests().at(1).atMs - real.requests().at(0).atMs, minGapMs);
}
} // namespace

TEST(RetryAfter, ThePollerWaitsTheSecondsItWasGiven)
{
    // The poll interval is 1 s: only Retry-After explains a 2 s gap.
    expectThePollerWaits([] { return QByteArray("2"); }, 1950);
}

TEST(RetryAfter, ThePollerWaitsUntilTheDateItWasGiven)
{
    // Date and Retry-After are whole seconds: "now + 3 s" on the server's clock is a wait of at
    // least 2 s from the moment of the answer.
    expectThePollerWaits(
        [] {
            const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
            return httpDate(now + 3000);
        },
        1950);
}

// ---------------------------------------------------------------------------------------------
// The control plane down for "minutes" (compressed: 1 s interval, 4 s backoff cap, 5 s outage).

namespace {
constexpr int IntervalMs = 1000;
constexpr int CapMs = 4000;
constexpr int OutageMs = 5000;

// The backoff at the top of its jitter every time: waits of 1, 2, 4, 4, … s, so that a poller
// that followed it after a refused connection would come back 2-3 s after the server did.
Backoff topOfJitter(int capMs)
{
    return Backoff(IntervalMs, capMs, [] { return 0.999; });
}

QByteArray nodesAt(qint64 ms)
{
    const QByteArray t =
        QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray b = NodesBody;
    return b.replace(QByteArray("\"server_time\":\"2026-11-26T20:00:05Z\""),
                     QByteArray("\"server_time\":\"" + t + "\""));
}
} // namespace

TEST(ControlPlaneOutage, NothingListeningIsRetriedEachIntervalAndRecoveryTakesOneInterval)
{
    ScriptedHttpServer server([](const Request &) {
        return ScriptedHttpServer::response(200, nodesAt(QDateTime::currentMSecsSinceEpoch()));
    });
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(server.url(), IntervalMs / 1000));
    client.setToken(Token);
    ServerClock clock;
    ControlPlane controlPlane(&client);
    FleetPoller poller(&controlPlane, &clock);
    poller.setBackoff(topOfJitter(4 * CapMs));
    QSignalSpy snapshots(&poller, &FleetPoller::snapshotReceived);
    QSignalSpy failed(&poller, &FleetPoller::pollFailed);
    QSignalSpy started(&poller, &FleetPoller::pollStarted);
    poller.start();
    ASSERT_TRUE(snapshots.wait(10000));

    server.stop();
    const int startedBefore = int(started.size());
    spin(OutageMs);
    // Each try is a refused connection (no request reaches anything) once per interval: no
    // faster, and not given up.
    const int tries = int(started.size()) - startedBefore;
    EXPECT_LE(tries, OutageMs / IntervalMs + 1);
    EXPECT_GE(tries, 2);
    ASSERT_FALSE(failed.isEmpty());
    const auto e = failed.last().at(0).value<ApiError>();
    EXPECT_EQ(e.kind, ApiError::Kind::Network);
    EXPECT_TRUE(e.noServer);
    EXPECT_GE(poller.consecutiveFailures(), 2);
    const int snapshotsBefore = int(snapshots.size());

    ASSERT_TRUE(server.restart());
    QElapsedTimer back;
    back.start();
    ASSERT_TRUE(snapshots.wait(10000));
    EXPECT_EQ(snapshots.size(), snapshotsBefore + 1);
    EXPECT_LT(back.elapsed(), IntervalMs + 1000); // within one poll interval (+1 s margin)
    EXPECT_EQ(poller.consecutiveFailures(), 0);
}

TEST(ControlPlaneOutage, AnAnswering503FollowsTheBackoffAndRecoversWithinItsCap)
{
    bool down = false;
    ScriptedHttpServer server([&](const Request &) {
        if (down)
            return ScriptedHttpServer::response(
                503, R"({"error":{"code":"unavailable","message":"maintenance"}})");
        return ScriptedHttpServer::response(200, nodesAt(QDateTime::currentMSecsSinceEpoch()));
    });
    QNetworkAccessManager nam;
    ApiClient client(&nam, profileFor(server.url(), IntervalMs / 1000));
    client.setToken(Token);
    ServerClock clock;
    ControlPlane controlPlane(&client);
    FleetPoller poller(&controlPlane, &clock);
    poller.setBackoff(topOfJitter(CapMs));
    QSignalSpy snapshots(&poller, &FleetPoller::snapshotReceived);
    QSignalSpy failed(&poller, &FleetPoller::pollFailed);
    poller.start();
    ASSERT_TRUE(snapshots.wait(10000));

    down = true;
    const qsizetype before = server.requests().size();
    spin(OutageMs);
    down = false;
    const QList<Request> during = server.requests().mid(before);
    // The waits double from the interval up to the cap (1, 2, 4 s here): 3 or 4 requests in 5 s
    // where a poller ignoring the backoff would have made 5 or 6.
    EXPECT_LE(during.size(), 4);
    EXPECT_GE(during.size(), 2);
    for (qsizetype k = 1; k < during.size(); ++k) {
        const qint64 expected = std::min<qint64>(CapMs, IntervalMs * (1LL << (k - 1)));
        EXPECT_GE(during.at(k).atMs - during.at(k - 1).atMs, expected * 99 / 100 - 20) << k;
    }
    ASSERT_FALSE(failed.isEmpty());
    EXPECT_EQ(failed.last().at(0).value<ApiError>().httpStatus, 503);

    QElapsedTimer back;
    back.start();
    ASSERT_TRUE(snapshots.wait(15000));
    EXPECT_LT(back.elapsed(), CapMs + 1000); // the next poll, at most one backoff cap away
    EXPECT_EQ(poller.consecutiveFailures(), 0);
}
