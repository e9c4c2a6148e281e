// Authentication, roles and the conventions every response follows (contract: Conventions;
// docs/cp-sim.md: Decisions where the contract is silent).
#include "cpsimtest.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace prego::test;

namespace {

struct Call
{
    QByteArray method;
    QString path;
    QByteArray body;
};

// Every /internal endpoint of the contract (and the optional capabilities the simulator offers by
// default), with a plausible body.
QList<Call> allEndpoints()
{
    const QByteArray node = QJsonDocument(nodeBody(u"fsn1-shared-01"_s)).toJson();
    const QByteArray metrics = R"({"node_id":"fsn1-shared-01","cpu_pct":1})";
    const QByteArray job = QJsonDocument(sharedNewBody(u"acme"_s, u"fsn1"_s)).toJson();
    const QByteArray silence =
        R"({"silence_id":"00000000-0000-4000-8000-000000000001","node_ids":["fsn1-shared-01"],)"
        R"("ends_at":"2099-01-01T00:00:00Z","reason":"kernel upgrade"})";
    return {
        {"GET", u"/internal/whoami"_s, {}},
        {"GET", u"/internal/nodes"_s, {}},
        {"GET", u"/internal/nodes/fsn1-shared-01"_s, {}},
        {"POST", u"/internal/nodes"_s, node},
        {"POST", u"/internal/server-metrics"_s, metrics},
        {"POST", u"/internal/provision-tenant"_s, job},
        {"GET", u"/internal/provision-jobs"_s, {}},
        {"GET", u"/internal/provision-jobs/00000000-0000-4000-8000-000000000000"_s, {}},
        {"POST", u"/internal/provision-jobs/00000000-0000-4000-8000-000000000000/retry"_s, {}},
        {"GET", u"/internal/silences"_s, {}},
        {"POST", u"/internal/silences"_s, silence},
        {"DELETE", u"/internal/silences/00000000-0000-4000-8000-000000000000"_s, {}},
    };
}

// An HTTP date (RFC 9110 IMF-fixdate), e.g. "Thu, 26 Nov 2026 20:00:05 GMT".
QDateTime parseHttpDate(const QByteArray &value)
{
    QDateTime time =
        QLocale::c().toDateTime(QString::fromLatin1(value), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

class CpSimAuth : public CpSimTest
{
protected:
    // A job that stays Running for a while (time scale 1), for the retry endpoint's role rules.
    QString startLongJob()
    {
        EXPECT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
        const QJsonObject body = sharedExistingBody(u"acme"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
        const HttpResult result = submitJob(*op, body);
        EXPECT_EQ(result.status, 202) << describe(result).toStdString();
        return body.value(u"job_id"_s).toString();
    }
};

TEST_F(CpSimAuth, WhoamiNamesTheTokenAndItsRole)
{
    const struct
    {
        HttpTestClient *client;
        QString name;
        QString role;
    } cases[] = {
        {op.get(), u"test-operator"_s, u"operator"_s},
        {viewer.get(), u"test-viewer"_s, u"viewer"_s},
        {agent.get(), u"test-agent"_s, u"agent"_s},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.role.toStdString());
        const HttpResult result = c.client->get(u"/internal/whoami"_s);
        ASSERT_EQ(result.status, 200) << describe(result).toStdString();
        const QJsonObject json = result.json();
        EXPECT_EQ(json.value(u"token_name"_s).toString(), c.name);
        EXPECT_EQ(json.value(u"role"_s).toString(), c.role);
        EXPECT_TRUE(isRfc3339Utc(json.value(u"server_time"_s).toString()))
            << json.value(u"server_time"_s).toString().toStdString();
        const qint64 skew = std::abs(
            parseTime(json.value(u"server_time"_s)).secsTo(QDateTime::currentDateTimeUtc()));
        EXPECT_LE(skew, 60);
        EXPECT_FALSE(result.body.contains(sim.tokenFor(c.role).toUtf8()));
    }
}

// Optional capabilities: whoami announces what this run offers, `--features all` (the default)
// being everything the simulator implements; each of those can be offered alone.
TEST_F(CpSimAuth, WhoamiListsTheOfferedFeaturesForEveryRole)
{
    const QStringList features = whoamiFeatures(*op);
    EXPECT_EQ(whoamiFeatures(*viewer), features);
    EXPECT_EQ(whoamiFeatures(*agent), features);

    ASSERT_NO_FATAL_FAILURE(startSim({u"--features"_s, u"all"_s}));
    EXPECT_EQ(whoamiFeatures(*op), features);
    for (const QString &name : features) {
        SCOPED_TRACE(name.toStdString());
        ASSERT_NO_FATAL_FAILURE(startSim({u"--features"_s, name}));
        EXPECT_EQ(whoamiFeatures(*op), QStringList{name});
    }
}

class CpSimNoFeatures : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--features"_s, u"none"_s}; }
};

TEST_F(CpSimNoFeatures, WhoamiListsAnEmptyFeaturesArray)
{
    for (HttpTestClient *client : {op.get(), viewer.get(), agent.get()}) {
        const HttpResult result = client->get(u"/internal/whoami"_s);
        ASSERT_EQ(result.status, 200) << describe(result).toStdString();
        const QJsonValue features = result.json().value(u"features"_s);
        EXPECT_TRUE(features.isArray()) << describe(result).toStdString();
        EXPECT_EQ(features.toArray(), QJsonArray()) << describe(result).toStdString();
    }
}

TEST_F(CpSimAuth, MissingTokenIs401OnEveryEndpoint)
{
    for (const Call &call : allEndpoints()) {
        SCOPED_TRACE(QByteArray(call.method + ' ' + call.path.toUtf8()).toStdString());
        const HttpResult result = anon->send(call.method, call.path, call.body, {});
        EXPECT_TRUE(isError(result, 401, u"unauthorized"_s));
        EXPECT_TRUE(result.header("WWW-Authenticate").startsWith("Bearer"))
            << result.header("WWW-Authenticate").toStdString();
    }
    // Nothing was created by the refused calls.
    EXPECT_EQ(op->get(u"/internal/nodes/fsn1-shared-01"_s).status, 404);
    EXPECT_EQ(op->get(u"/internal/provision-jobs"_s).json().value(u"jobs"_s).toArray().size(), 0);
}

TEST_F(CpSimAuth, InvalidTokenIs401OnEveryEndpoint)
{
    const QByteArray operatorToken = sim.tokenFor(u"operator"_s).toUtf8();
    const QList<QByteArray> badAuthorizations{
        "Bearer not-a-known-token",
        "Bearer ",
        "Bearer",
        "Bearer " + operatorToken + 'x',
        "Bearer " + operatorToken.left(operatorToken.size() - 1),
        operatorToken,
        "Basic " + QByteArray("test-operator:" + operatorToken).toBase64(),
    };
    for (const QByteArray &authorization : badAuthorizations) {
        for (const Call &call : allEndpoints()) {
            SCOPED_TRACE(QByteArray(call.method + ' ' + call.path.toUtf8()).toStdString());
            const HttpResult result =
                anon->send(call.method, call.path, call.body, {{"Authorization", authorization}});
            EXPECT_TRUE(isError(result, 401, u"unauthorized"_s));
            EXPECT_TRUE(result.header("WWW-Authenticate").startsWith("Bearer"));
        }
    }
}

TEST_F(CpSimAuth, ViewerMayReadEverything)
{
    const QString jobId = startLongJob();
    for (const QString &path : QStringList{
             u"/internal/whoami"_s, u"/internal/nodes"_s, u"/internal/nodes/fsn1-shared-01"_s,
             u"/internal/provision-jobs"_s, u"/internal/provision-jobs/"_s + jobId}) {
        SCOPED_TRACE(path.toStdString());
        const HttpResult result = viewer->get(path);
        EXPECT_EQ(result.status, 200) << describe(result).toStdString();
    }
}

TEST_F(CpSimAuth, ViewerPostIs403AndChangesNothing)
{
    const QString jobId = startLongJob();
    const QJsonObject newNode = nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s);
    EXPECT_TRUE(isError(viewer->post(u"/internal/nodes"_s, newNode), 403, u"forbidden"_s));
    EXPECT_EQ(op->get(u"/internal/nodes/nbg1-shared-01"_s).status, 404);

    EXPECT_TRUE(isError(
        viewer->post(u"/internal/server-metrics"_s,
                     QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 10.0}}),
        403, u"forbidden"_s));
    EXPECT_TRUE(op->get(u"/internal/nodes/fsn1-shared-01"_s).json().value(u"metrics"_s).isNull());

    const QJsonObject job = sharedNewBody(u"viewer-tenant"_s, u"fsn1"_s);
    EXPECT_TRUE(isError(submitJob(*viewer, job), 403, u"forbidden"_s));
    EXPECT_EQ(op->get(u"/internal/provision-jobs/"_s + job.value(u"job_id"_s).toString()).status,
              404);

    EXPECT_TRUE(
        isError(viewer->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()),
                403, u"forbidden"_s));
}

TEST_F(CpSimAuth, AgentMayOnlyPushMetricsAndAskWhoami)
{
    const QString jobId = startLongJob();
    for (const QString &path :
         QStringList{u"/internal/nodes"_s, u"/internal/nodes/fsn1-shared-01"_s,
                     u"/internal/provision-jobs"_s, u"/internal/provision-jobs/"_s + jobId}) {
        SCOPED_TRACE(path.toStdString());
        EXPECT_TRUE(isError(agent->get(path), 403, u"forbidden"_s));
    }
    EXPECT_TRUE(isError(agent->post(u"/internal/nodes"_s, nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s)),
                        403, u"forbidden"_s));
    EXPECT_EQ(op->get(u"/internal/nodes/nbg1-shared-01"_s).status, 404);
    EXPECT_TRUE(isError(submitJob(*agent, sharedNewBody(u"agent-tenant"_s, u"fsn1"_s)), 403,
                        u"forbidden"_s));
    EXPECT_TRUE(
        isError(agent->post(u"/internal/provision-jobs/"_s + jobId + u"/retry"_s, QByteArray()),
                403, u"forbidden"_s));

    EXPECT_EQ(agent->get(u"/internal/whoami"_s).status, 200);
    const HttpResult push =
        agent->post(u"/internal/server-metrics"_s,
                    QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 12.5}});
    EXPECT_EQ(push.status, 204) << describe(push).toStdString();
}

TEST_F(CpSimAuth, OperatorMayPushMetrics)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const HttpResult push =
        pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 12.5}});
    EXPECT_EQ(push.status, 204) << describe(push).toStdString();
}

class CpSimBoundAgent : public CpSimTest
{
protected:
    void SetUp() override
    {
        sim.tokens.append({u"agent-fsn1-01"_s, u"agent"_s, u"fsn1-shared-01"_s,
                           u"bound-agent-token-5f1c9a7e2b"_s});
        CpSimTest::SetUp();
    }
};

TEST_F(CpSimBoundAgent, AgentBoundToAnotherNodeIs403)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-02"_s)).status, 201);
    HttpTestClient bound(sim.baseUrl());
    bound.setToken(u"bound-agent-token-5f1c9a7e2b"_s);

    const HttpResult whoami = bound.get(u"/internal/whoami"_s);
    ASSERT_EQ(whoami.status, 200);
    EXPECT_EQ(whoami.json().value(u"token_name"_s).toString(), u"agent-fsn1-01"_s);
    EXPECT_EQ(whoami.json().value(u"role"_s).toString(), u"agent"_s);

    const HttpResult own =
        bound.post(u"/internal/server-metrics"_s,
                   QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 40.0}});
    EXPECT_EQ(own.status, 204) << describe(own).toStdString();

    const HttpResult other =
        bound.post(u"/internal/server-metrics"_s,
                   QJsonObject{{u"node_id"_s, u"fsn1-shared-02"_s}, {u"cpu_pct"_s, 40.0}});
    EXPECT_TRUE(isError(other, 403, u"forbidden"_s));
    EXPECT_TRUE(op->get(u"/internal/nodes/fsn1-shared-02"_s).json().value(u"metrics"_s).isNull());
    EXPECT_FALSE(op->get(u"/internal/nodes/fsn1-shared-01"_s).json().value(u"metrics"_s).isNull());

    // The unbound agent token may push for any node.
    EXPECT_EQ(agent
                  ->post(u"/internal/server-metrics"_s,
                         QJsonObject{{u"node_id"_s, u"fsn1-shared-02"_s}, {u"cpu_pct"_s, 1.0}})
                  .status,
              204);
}

TEST_F(CpSimAuth, EveryResponseCarriesADateHeader)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const QString etag = QString::fromLatin1(op->get(u"/internal/nodes"_s).header("ETag"));
    const struct
    {
        HttpResult result;
        int status;
    } cases[] = {
        {op->get(u"/internal/whoami"_s), 200},
        {op->get(u"/internal/nodes"_s, {{"If-None-Match", etag.toLatin1()}}), 304},
        {op->post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-02"_s)), 201},
        {op->post(u"/internal/server-metrics"_s,
                  QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 3.0}}),
         204},
        {op->post(u"/internal/server-metrics"_s,
                  QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 300.0}}),
         422},
        {anon->get(u"/internal/nodes"_s), 401},
        {viewer->post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-03"_s)), 403},
        {op->get(u"/internal/nodes/nope"_s), 404},
        {op->get(u"/internal/provision-jobs"_s), 200},
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &c : cases) {
        SCOPED_TRACE(c.status);
        EXPECT_EQ(c.result.status, c.status) << describe(c.result).toStdString();
        const QByteArray date = c.result.header("Date");
        ASSERT_FALSE(date.isEmpty()) << "no Date header";
        const QDateTime parsed = parseHttpDate(date);
        ASSERT_TRUE(parsed.isValid()) << date.toStdString();
        EXPECT_LE(std::abs(parsed.secsTo(now)), 60) << date.toStdString();
    }
}

TEST_F(CpSimAuth, CollectionsCarryServerTime)
{
    for (const QString &path : {u"/internal/nodes"_s, u"/internal/provision-jobs"_s}) {
        SCOPED_TRACE(path.toStdString());
        const HttpResult result = viewer->get(path);
        ASSERT_EQ(result.status, 200) << describe(result).toStdString();
        const QJsonValue serverTime = result.json().value(u"server_time"_s);
        EXPECT_TRUE(isRfc3339Utc(serverTime.toString())) << serverTime.toString().toStdString();
        EXPECT_LE(std::abs(parseTime(serverTime).secsTo(QDateTime::currentDateTimeUtc())), 60);
        // server_time agrees with the Date header (same clock, within a couple of seconds).
        const QDateTime date = parseHttpDate(result.header("Date"));
        EXPECT_LE(std::abs(parseTime(serverTime).secsTo(date)), 2);
    }
}

TEST_F(CpSimAuth, UnknownPathIs404)
{
    for (const QString &path : {u"/internal/nope"_s, u"/internal/nodes/a/b/c"_s, u"/"_s,
                                u"/internal/provision-jobs/x/y/z"_s}) {
        SCOPED_TRACE(path.toStdString());
        EXPECT_TRUE(isError(op->get(path), 404, u"not_found"_s));
    }
}

TEST_F(CpSimAuth, WrongMethodIs405WithAllow)
{
    const struct
    {
        QByteArray method;
        QString path;
        QList<QByteArray> allowed;
    } cases[] = {
        {"DELETE", u"/internal/nodes"_s, {"GET", "POST"}},
        {"PUT", u"/internal/whoami"_s, {"GET"}},
        {"GET", u"/internal/server-metrics"_s, {"POST"}},
        {"GET", u"/internal/provision-tenant"_s, {"POST"}},
        {"POST", u"/internal/provision-jobs"_s, {"GET"}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(QByteArray(c.method + ' ' + c.path.toUtf8()).toStdString());
        const HttpResult result = op->send(c.method, c.path, {}, {});
        EXPECT_TRUE(isError(result, 405, u"method_not_allowed"_s));
        const QByteArray allow = result.header("Allow").toUpper();
        for (const QByteArray &method : c.allowed)
            EXPECT_TRUE(allow.contains(method)) << "Allow: " << allow.toStdString();
        EXPECT_FALSE(allow.contains(c.method)) << "Allow: " << allow.toStdString();
    }
}

TEST_F(CpSimAuth, MalformedJsonIs400)
{
    for (const QString &path :
         {u"/internal/nodes"_s, u"/internal/server-metrics"_s, u"/internal/provision-tenant"_s}) {
        for (const QByteArray &body : {QByteArray("{not json"), QByteArray("{\"node_id\":"),
                                       QByteArray("\xff\xfe garbage")}) {
            SCOPED_TRACE(QString(path + u' ').toStdString() + body.toStdString());
            EXPECT_TRUE(isError(op->post(path, body), 400, u"invalid_json"_s));
        }
    }
}

TEST_F(CpSimAuth, BodyOverOneMebibyteIs413)
{
    QJsonObject body = nodeBody(u"fsn1-shared-01"_s);
    body.insert(u"padding"_s, QString(1024 * 1024 + 16, u'x'));
    const HttpResult result = op->post(u"/internal/nodes"_s, body);
    EXPECT_TRUE(isError(result, 413, u"payload_too_large"_s));
    EXPECT_EQ(op->get(u"/internal/nodes/fsn1-shared-01"_s).status, 404);
}

} // namespace
