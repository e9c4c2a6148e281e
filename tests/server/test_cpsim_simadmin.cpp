// The /sim/ admin endpoints of docs/cp-sim.md: faults, latency, stopping a node's pushes, the
// clock offset, the request log (never the token), run-time stage failures and stats.
#include "cpsimtest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QThread>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

class CpSimAdmin : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--enable-sim-admin"_s, u"--time-scale"_s, u"0.01"_s};
    }

    HttpResult addFault(const QJsonObject &fault) { return op->post(u"/sim/faults"_s, fault); }
};

TEST_F(CpSimAdmin, AdminEndpointsNeedAnOperator)
{
    const QJsonObject fault{{u"path_prefix"_s, u"/internal/whoami"_s},
                            {u"method"_s, u"GET"_s},
                            {u"status"_s, 503},
                            {u"count"_s, 1},
                            {u"retry_after"_s, u"3"_s},
                            {u"latency_ms"_s, 0}};
    EXPECT_TRUE(isError(anon->get(u"/sim/stats"_s), 401, u"unauthorized"_s));
    EXPECT_TRUE(isError(viewer->get(u"/sim/stats"_s), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(agent->get(u"/sim/requests"_s), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(viewer->post(u"/sim/faults"_s, fault), 403, u"forbidden"_s));
    EXPECT_TRUE(isError(agent->post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, 60}}), 403,
                        u"forbidden"_s));
    // None of them took effect.
    EXPECT_EQ(op->get(u"/internal/whoami"_s).status, 200);
}

TEST_F(CpSimAdmin, FaultAnswersTheNextCountRequestsWithStatusAndRetryAfter)
{
    const HttpResult created = addFault(QJsonObject{{u"path_prefix"_s, u"/internal/nodes"_s},
                                                    {u"method"_s, u"GET"_s},
                                                    {u"status"_s, 503},
                                                    {u"count"_s, 2},
                                                    {u"retry_after"_s, u"3"_s},
                                                    {u"latency_ms"_s, 0}});
    ASSERT_EQ(created.status, 201) << describe(created).toStdString();
    const QJsonValue faultId = created.json().value(u"fault_id"_s);
    EXPECT_TRUE((faultId.isString() && !faultId.toString().isEmpty()) || faultId.isDouble())
        << PrintToString(created.json());

    // Other paths and methods are not affected, and do not use up the count.
    EXPECT_EQ(viewer->get(u"/internal/whoami"_s).status, 200);
    EXPECT_EQ(op->post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-01"_s)).status, 201);

    for (int i = 0; i < 2; ++i) {
        SCOPED_TRACE(i);
        const HttpResult faulted = viewer->get(u"/internal/nodes"_s);
        EXPECT_EQ(faulted.status, 503) << describe(faulted).toStdString();
        EXPECT_EQ(faulted.header("Retry-After"), QByteArrayLiteral("3"));
        EXPECT_FALSE(faulted.errorCode().isEmpty())
            << "an error body: " << describe(faulted).toStdString();
        EXPECT_FALSE(faulted.header("Date").isEmpty());
    }
    const HttpResult after = viewer->get(u"/internal/nodes"_s);
    EXPECT_EQ(after.status, 200) << describe(after).toStdString();
    EXPECT_TRUE(after.header("Retry-After").isEmpty());
}

TEST_F(CpSimAdmin, FaultWithoutCountLastsUntilCleared)
{
    ASSERT_EQ(addFault(QJsonObject{{u"path_prefix"_s, u"/internal/whoami"_s},
                                   {u"method"_s, u"GET"_s},
                                   {u"status"_s, 429},
                                   {u"count"_s, QJsonValue::Null},
                                   {u"retry_after"_s, u"Wed, 21 Oct 2026 07:28:00 GMT"_s},
                                   {u"latency_ms"_s, 0}})
                  .status,
              201);
    for (int i = 0; i < 4; ++i) {
        const HttpResult faulted = viewer->get(u"/internal/whoami"_s);
        EXPECT_EQ(faulted.status, 429) << describe(faulted).toStdString();
        EXPECT_EQ(faulted.header("Retry-After"),
                  QByteArrayLiteral("Wed, 21 Oct 2026 07:28:00 GMT"));
    }
    const HttpResult cleared = op->send("DELETE", u"/sim/faults"_s, {}, {});
    EXPECT_EQ(cleared.status, 204) << describe(cleared).toStdString();
    EXPECT_EQ(viewer->get(u"/internal/whoami"_s).status, 200);
}

TEST_F(CpSimAdmin, FaultWithoutRetryAfterSendsNone)
{
    ASSERT_EQ(addFault(QJsonObject{{u"path_prefix"_s, u"/internal/provision-jobs"_s},
                                   {u"method"_s, u"GET"_s},
                                   {u"status"_s, 500},
                                   {u"count"_s, 1},
                                   {u"retry_after"_s, QJsonValue::Null},
                                   {u"latency_ms"_s, 0}})
                  .status,
              201);
    const HttpResult faulted = viewer->get(u"/internal/provision-jobs"_s);
    EXPECT_EQ(faulted.status, 500);
    EXPECT_TRUE(faulted.header("Retry-After").isEmpty());
    EXPECT_EQ(viewer->get(u"/internal/provision-jobs"_s).status, 200);
}

TEST_F(CpSimAdmin, LatencyOnlyFaultDelaysTheAnswer)
{
    ASSERT_EQ(addFault(QJsonObject{{u"path_prefix"_s, u"/internal/whoami"_s},
                                   {u"method"_s, u"GET"_s},
                                   {u"status"_s, 0},
                                   {u"count"_s, 1},
                                   {u"retry_after"_s, QJsonValue::Null},
                                   {u"latency_ms"_s, 800}})
                  .status,
              201);
    QElapsedTimer timer;
    timer.start();
    const HttpResult delayed = viewer->get(u"/internal/whoami"_s);
    const qint64 elapsed = timer.elapsed();
    EXPECT_EQ(delayed.status, 200) << describe(delayed).toStdString();
    EXPECT_EQ(delayed.json().value(u"token_name"_s).toString(), u"test-viewer"_s);
    EXPECT_GE(elapsed, 750);
}

TEST_F(CpSimAdmin, StoppedNodeIsBackdatedAndStaysStale)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(
        pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 20.0}}).status,
        204);
    const HttpResult stopped =
        op->post(u"/sim/nodes/fsn1-shared-01"_s,
                 QJsonObject{{u"pushing"_s, false}, {u"last_push_age_seconds"_s, 600}});
    ASSERT_EQ(stopped.status, 204) << describe(stopped).toStdString();

    for (int i = 0; i < 2; ++i) {
        const QJsonObject response = nodesResponse(*viewer);
        const QJsonObject node =
            findNode(response.value(u"nodes"_s).toArray(), u"fsn1-shared-01"_s);
        const double age =
            secondsBetween(node.value(u"metrics"_s).toObject().value(u"updated_at"_s),
                           response.value(u"server_time"_s));
        EXPECT_GE(age, 599.0 + i) << PrintToString(node);
        EXPECT_LE(age, 615.0) << PrintToString(node);
        EXPECT_DOUBLE_EQ(node.value(u"metrics"_s).toObject().value(u"cpu_pct"_s).toDouble(), 20.0);
        QThread::msleep(1100);
    }
}

TEST_F(CpSimAdmin, SimNodesOfAnUnknownNodeIs404)
{
    EXPECT_TRUE(
        isError(op->post(u"/sim/nodes/nope-01"_s,
                         QJsonObject{{u"pushing"_s, false}, {u"last_push_age_seconds"_s, 600}}),
                404, u"not_found"_s));
}

TEST_F(CpSimAdmin, ClockOffsetShiftsServerTime)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const HttpResult shifted = op->post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, 3600}});
    ASSERT_EQ(shifted.status, 204) << describe(shifted).toStdString();

    const QDateTime expected = QDateTime::currentDateTimeUtc().addSecs(3600);
    const HttpResult whoami = viewer->get(u"/internal/whoami"_s);
    EXPECT_LE(std::abs(parseTime(whoami.json().value(u"server_time"_s)).secsTo(expected)), 30)
        << PrintToString(whoami.json());
    const QJsonObject nodes = nodesResponse(*viewer);
    EXPECT_LE(std::abs(parseTime(nodes.value(u"server_time"_s)).secsTo(expected)), 30)
        << PrintToString(nodes.value(u"server_time"_s));
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(whoami.header("Date")),
                                                   u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    QDateTime dateUtc = date;
    dateUtc.setTimeZone(QTimeZone::utc());
    EXPECT_LE(std::abs(dateUtc.secsTo(expected)), 30) << whoami.header("Date").toStdString();

    // A push is stamped with the server's (shifted) clock, so the node is fresh to the server.
    ASSERT_EQ(
        pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 1.0}}).status,
        204);
    const QJsonObject after = nodesResponse(*viewer);
    const QJsonObject node = findNode(after.value(u"nodes"_s).toArray(), u"fsn1-shared-01"_s);
    const double age = secondsBetween(node.value(u"metrics"_s).toObject().value(u"updated_at"_s),
                                      after.value(u"server_time"_s));
    EXPECT_GE(age, -0.5);
    EXPECT_LE(age, 5.0);

    ASSERT_EQ(op->post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, 0}}).status, 204);
    EXPECT_LE(std::abs(parseTime(viewer->get(u"/internal/whoami"_s).json().value(u"server_time"_s))
                           .secsTo(QDateTime::currentDateTimeUtc())),
              30);
}

TEST_F(CpSimAdmin, RequestLogNeverHoldsTheToken)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    EXPECT_EQ(agent
                  ->post(u"/internal/server-metrics"_s,
                         QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 9.0}})
                  .status,
              204);
    const QJsonObject body =
        sharedExistingBody(u"logged"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
    ASSERT_EQ(submitJob(*op, body).status, 202);
    EXPECT_EQ(viewer->get(u"/internal/nodes"_s).status, 200);
    EXPECT_EQ(anon->get(u"/internal/nodes"_s, {{"Authorization", "Bearer not-a-real-secret-93d1"}})
                  .status,
              401);

    const HttpResult log = op->get(u"/sim/requests"_s);
    ASSERT_EQ(log.status, 200) << describe(log).toStdString();
    for (const SimProcess::Token &token : sim.tokens)
        EXPECT_FALSE(log.body.contains(token.value.toUtf8())) << token.name.toStdString();
    EXPECT_FALSE(log.body.contains("not-a-real-secret-93d1"));
    EXPECT_FALSE(log.body.contains("Bearer"));

    const QJsonDocument doc = QJsonDocument::fromJson(log.body);
    const QJsonArray entries =
        doc.isArray() ? doc.array() : doc.object().value(u"requests"_s).toArray();
    ASSERT_FALSE(entries.isEmpty()) << log.body.toStdString();
    QJsonObject provision;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"path"_s).toString() == u"/internal/provision-tenant"_s)
            provision = entry;
    }
    ASSERT_FALSE(provision.isEmpty()) << log.body.toStdString();
    EXPECT_EQ(provision.value(u"method"_s).toString(), u"POST"_s);
    EXPECT_EQ(provision.value(u"token_name"_s).toString(), u"test-operator"_s);
    EXPECT_TRUE(provision.value(u"idempotency_key"_s)
                    .toString()
                    .contains(body.value(u"job_id"_s).toString()))
        << PrintToString(provision);
    EXPECT_EQ(provision.value(u"status"_s).toInt(), 202);
    EXPECT_EQ(provision.value(u"body"_s).toObject().value(u"tenant_id"_s).toString(), u"logged"_s)
        << PrintToString(provision);

    const HttpResult filtered = op->get(u"/sim/requests?path_prefix=/internal/server-metrics"_s);
    ASSERT_EQ(filtered.status, 200);
    const QJsonDocument filteredDoc = QJsonDocument::fromJson(filtered.body);
    const QJsonArray only = filteredDoc.isArray()
                                ? filteredDoc.array()
                                : filteredDoc.object().value(u"requests"_s).toArray();
    ASSERT_FALSE(only.isEmpty()) << filtered.body.toStdString();
    bool agentPush = false;
    for (const QJsonValue &value : only) {
        const QJsonObject entry = value.toObject();
        EXPECT_TRUE(entry.value(u"path"_s).toString().startsWith(u"/internal/server-metrics"_s))
            << PrintToString(entry);
        agentPush = agentPush || (entry.value(u"token_name"_s).toString() == u"test-agent"_s &&
                                  entry.value(u"status"_s).toInt() == 204);
    }
    EXPECT_TRUE(agentPush) << filtered.body.toStdString();
}

TEST_F(CpSimAdmin, FailStageAtRunTime)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const HttpResult set = op->post(
        u"/sim/fail-stage"_s, QJsonObject{{u"stage"_s, u"dns"_s}, {u"tenant_glob"_s, u"rt-*"_s}});
    ASSERT_EQ(set.status, 204) << describe(set).toStdString();

    const QJsonObject failing =
        sharedExistingBody(u"rt-1"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
    const QJsonObject passing =
        sharedExistingBody(u"other-1"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
    ASSERT_EQ(submitJob(*op, failing).status, 202);
    ASSERT_EQ(submitJob(*op, passing).status, 202);
    const QString failingId = failing.value(u"job_id"_s).toString();
    const QJsonObject failed = waitForJobEnd(*op, failingId);
    EXPECT_EQ(failed.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(failed);
    EXPECT_EQ(failed.value(u"error"_s).toObject().value(u"code"_s).toString(), u"dns_failed"_s);
    EXPECT_EQ(
        waitForJobEnd(*op, passing.value(u"job_id"_s).toString()).value(u"status"_s).toString(),
        u"Completed"_s);

    ASSERT_EQ(
        op->post(u"/internal/provision-jobs/"_s + failingId + u"/retry"_s, QByteArray()).status,
        202);
    EXPECT_EQ(waitForJobEnd(*op, failingId).value(u"status"_s).toString(), u"Completed"_s);
}

TEST_F(CpSimAdmin, StatsCountWhatHappened)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}}).status, 204);
    const HttpResult stats = op->get(u"/sim/stats"_s);
    ASSERT_EQ(stats.status, 200) << describe(stats).toStdString();
    const QJsonObject json = stats.json();
    ASSERT_FALSE(json.isEmpty()) << stats.body.toStdString();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.value().isDouble()) {
            EXPECT_GE(it.value().toDouble(), 0.0) << it.key().toStdString();
        }
    }
}

class CpSimWithoutAdmin : public CpSimTest
{};

TEST_F(CpSimWithoutAdmin, SimEndpointsAre404WithoutTheFlag)
{
    EXPECT_TRUE(isError(op->get(u"/sim/stats"_s), 404, u"not_found"_s));
    EXPECT_TRUE(isError(op->get(u"/sim/requests"_s), 404, u"not_found"_s));
    EXPECT_TRUE(
        isError(op->post(u"/sim/faults"_s, QJsonObject{{u"path_prefix"_s, u"/internal/whoami"_s},
                                                       {u"method"_s, u"GET"_s},
                                                       {u"status"_s, 503},
                                                       {u"count"_s, 5}}),
                404, u"not_found"_s));
    EXPECT_TRUE(isError(op->post(u"/sim/clock"_s, QJsonObject{{u"offset_seconds"_s, 3600}}), 404,
                        u"not_found"_s));
    EXPECT_TRUE(isError(op->send("DELETE", u"/sim/faults"_s, {}, {}), 404, u"not_found"_s));
    // Nothing took effect.
    const HttpResult whoami = op->get(u"/internal/whoami"_s);
    EXPECT_EQ(whoami.status, 200);
    EXPECT_LE(std::abs(parseTime(whoami.json().value(u"server_time"_s))
                           .secsTo(QDateTime::currentDateTimeUtc())),
              30);
}

} // namespace

class CpSimAdminFleet : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--enable-sim-admin"_s, u"--demo-fleet"_s, u"6"_s, u"--seed"_s, u"7"_s};
    }
};

// POST /sim/fleet stops every simulated push at once (the list then answers 304 to its own ETag)
// and starts them again (every node pushes at once: the ETag moves).
TEST_F(CpSimAdminFleet, AQuietFleetAnswers304AndPushesAgainWhenStarted)
{
    EXPECT_TRUE(isError(op->post(u"/sim/fleet"_s, QJsonObject{{u"pushing"_s, u"no"_s}}), 422,
                        u"validation_failed"_s));
    const HttpResult stopped = op->post(u"/sim/fleet"_s, QJsonObject{{u"pushing"_s, false}});
    ASSERT_EQ(stopped.status, 204) << describe(stopped).toStdString();
    const QByteArray etag = viewer->get(u"/internal/nodes"_s).header("ETag");
    ASSERT_FALSE(etag.isEmpty());
    QThread::msleep(3000);
    EXPECT_EQ(viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etag}}).status, 304);

    ASSERT_EQ(op->post(u"/sim/fleet"_s, QJsonObject{{u"pushing"_s, true}}).status, 204);
    QThread::msleep(1500);
    const HttpResult moved = viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etag}});
    EXPECT_EQ(moved.status, 200);
    EXPECT_NE(moved.header("ETag"), etag);
}
