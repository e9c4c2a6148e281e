// POST /internal/server-metrics: 204, the values land in the node with updated_at = server time,
// range and type validation, unknown nodes.
#include "cpsimtest.h"

#include <QThread>

using namespace Qt::StringLiterals;
using namespace prego::test;

namespace {

class CpSimMetrics : public CpSimTest
{
protected:
    void SetUp() override
    {
        CpSimTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    }

    QJsonObject metricsOf(const QString &nodeId)
    {
        const HttpResult result = op->get(u"/internal/nodes/"_s + nodeId);
        EXPECT_EQ(result.status, 200) << describe(result).toStdString();
        return result.json().value(u"metrics"_s).toObject();
    }

    static QJsonObject fullPush(double cpu = 37.5)
    {
        return QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s},
                           {u"cpu_pct"_s, cpu},
                           {u"memory_pct"_s, 61.0},
                           {u"disk_pct"_s, 48.2},
                           {u"tenant_count"_s, 12}};
    }
};

TEST_F(CpSimMetrics, PushIs204AndVisibleInTheNode)
{
    const HttpResult push = agent->post(u"/internal/server-metrics"_s, fullPush());
    ASSERT_EQ(push.status, 204) << describe(push).toStdString();
    EXPECT_TRUE(push.body.isEmpty());

    const QJsonObject response = nodesResponse(*viewer);
    const QJsonObject node = findNode(response.value(u"nodes"_s).toArray(), u"fsn1-shared-01"_s);
    const QJsonObject metrics = node.value(u"metrics"_s).toObject();
    ASSERT_FALSE(metrics.isEmpty()) << "metrics still null after a push";
    EXPECT_DOUBLE_EQ(metrics.value(u"cpu_pct"_s).toDouble(), 37.5);
    EXPECT_DOUBLE_EQ(metrics.value(u"memory_pct"_s).toDouble(), 61.0);
    EXPECT_DOUBLE_EQ(metrics.value(u"disk_pct"_s).toDouble(), 48.2);
    EXPECT_EQ(metrics.value(u"tenant_count"_s), QJsonValue(12));
    const QJsonValue updatedAt = metrics.value(u"updated_at"_s);
    EXPECT_TRUE(isRfc3339Utc(updatedAt.toString())) << updatedAt.toString().toStdString();
    const double age = secondsBetween(updatedAt, response.value(u"server_time"_s));
    EXPECT_GE(age, -0.5);
    EXPECT_LE(age, 5.0);

    // The single-node view says the same.
    EXPECT_EQ(metricsOf(u"fsn1-shared-01"_s), metrics);
}

TEST_F(CpSimMetrics, LaterPushReplacesValuesAndMovesUpdatedAt)
{
    ASSERT_EQ(pushMetrics(fullPush(10.0)).status, 204);
    const QJsonObject first = metricsOf(u"fsn1-shared-01"_s);
    QThread::msleep(20);
    ASSERT_EQ(pushMetrics(fullPush(90.0)).status, 204);
    const QJsonObject second = metricsOf(u"fsn1-shared-01"_s);
    EXPECT_DOUBLE_EQ(second.value(u"cpu_pct"_s).toDouble(), 90.0);
    EXPECT_GT(parseTime(second.value(u"updated_at"_s)), parseTime(first.value(u"updated_at"_s)));
}

TEST_F(CpSimMetrics, AbsentAndNullFieldsAreNull)
{
    ASSERT_EQ(pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}}).status, 204);
    QJsonObject metrics = metricsOf(u"fsn1-shared-01"_s);
    ASSERT_FALSE(metrics.isEmpty());
    for (const QString &key : {u"cpu_pct"_s, u"memory_pct"_s, u"disk_pct"_s, u"tenant_count"_s}) {
        EXPECT_TRUE(metrics.contains(key)) << key.toStdString();
        EXPECT_TRUE(metrics.value(key).isNull()) << key.toStdString();
    }
    EXPECT_TRUE(isRfc3339Utc(metrics.value(u"updated_at"_s).toString()));

    ASSERT_EQ(pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s},
                                      {u"cpu_pct"_s, QJsonValue::Null},
                                      {u"memory_pct"_s, 20.0},
                                      {u"disk_pct"_s, QJsonValue::Null},
                                      {u"tenant_count"_s, QJsonValue::Null}})
                  .status,
              204);
    metrics = metricsOf(u"fsn1-shared-01"_s);
    EXPECT_TRUE(metrics.value(u"cpu_pct"_s).isNull());
    EXPECT_DOUBLE_EQ(metrics.value(u"memory_pct"_s).toDouble(), 20.0);
    EXPECT_TRUE(metrics.value(u"disk_pct"_s).isNull());
    EXPECT_TRUE(metrics.value(u"tenant_count"_s).isNull());
}

TEST_F(CpSimMetrics, BoundariesAreAccepted)
{
    for (double v : {0.0, 100.0}) {
        SCOPED_TRACE(v);
        const HttpResult push = pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s},
                                                        {u"cpu_pct"_s, v},
                                                        {u"memory_pct"_s, v},
                                                        {u"disk_pct"_s, v},
                                                        {u"tenant_count"_s, 0}});
        EXPECT_EQ(push.status, 204) << describe(push).toStdString();
        const QJsonObject metrics = metricsOf(u"fsn1-shared-01"_s);
        EXPECT_DOUBLE_EQ(metrics.value(u"disk_pct"_s).toDouble(), v);
        EXPECT_EQ(metrics.value(u"tenant_count"_s), QJsonValue(0));
    }
    // A large whole tenant count is fine.
    EXPECT_EQ(
        pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"tenant_count"_s, 5000}})
            .status,
        204);
}

TEST_F(CpSimMetrics, OutOfRangeOrWrongTypeIs422AndChangesNothing)
{
    ASSERT_EQ(pushMetrics(fullPush(11.0)).status, 204);
    const QJsonObject before = metricsOf(u"fsn1-shared-01"_s);

    const QList<QPair<QString, QJsonValue>> cases{
        {u"cpu_pct"_s, 100.01},      {u"cpu_pct"_s, -0.01},          {u"cpu_pct"_s, 1000},
        {u"memory_pct"_s, 101},      {u"memory_pct"_s, -1},          {u"disk_pct"_s, 100.5},
        {u"disk_pct"_s, -50},        {u"tenant_count"_s, -1},        {u"tenant_count"_s, 1.5},
        {u"tenant_count"_s, 0.001},  {u"cpu_pct"_s, u"50"_s},        {u"memory_pct"_s, true},
        {u"tenant_count"_s, u"3"_s}, {u"disk_pct"_s, QJsonObject{}},
    };
    for (const auto &[field, value] : cases) {
        SCOPED_TRACE(QString(field + u" = "_s).toStdString() +
                     QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).toStdString());
        QJsonObject body = fullPush(22.0);
        body.insert(field, value);
        EXPECT_TRUE(isValidationError(pushMetrics(body), {field}));
    }
    EXPECT_EQ(metricsOf(u"fsn1-shared-01"_s), before) << "a refused push must not change metrics";

    // Several bad fields: each named.
    EXPECT_TRUE(
        isValidationError(pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s},
                                                  {u"cpu_pct"_s, 120},
                                                  {u"memory_pct"_s, -3},
                                                  {u"disk_pct"_s, 101},
                                                  {u"tenant_count"_s, -2}}),
                          {u"cpu_pct"_s, u"memory_pct"_s, u"disk_pct"_s, u"tenant_count"_s}));
}

TEST_F(CpSimMetrics, MissingNodeIdIs422)
{
    EXPECT_TRUE(isValidationError(pushMetrics(QJsonObject{{u"cpu_pct"_s, 10.0}}), {u"node_id"_s}));
    EXPECT_TRUE(isValidationError(pushMetrics(QJsonObject{{u"node_id"_s, 5}, {u"cpu_pct"_s, 10.0}}),
                                  {u"node_id"_s}));
}

TEST_F(CpSimMetrics, UnknownNodeIs404)
{
    QJsonObject body = fullPush();
    body.insert(u"node_id"_s, u"fsn1-shared-99"_s);
    EXPECT_TRUE(isError(agent->post(u"/internal/server-metrics"_s, body), 404, u"not_found"_s));
    EXPECT_EQ(op->get(u"/internal/nodes/fsn1-shared-99"_s).status, 404) << "a push never creates";
}

TEST_F(CpSimMetrics, PushForRetiredNodeIsAccepted)
{
    QJsonObject retired = nodeBody(u"fsn1-shared-02"_s);
    retired.insert(u"status"_s, u"retired"_s);
    ASSERT_EQ(registerNode(retired).status, 201);
    QJsonObject body = fullPush();
    body.insert(u"node_id"_s, u"fsn1-shared-02"_s);
    EXPECT_EQ(agent->post(u"/internal/server-metrics"_s, body).status, 204);
    EXPECT_FALSE(metricsOf(u"fsn1-shared-02"_s).isEmpty());
}

TEST_F(CpSimMetrics, PushDoesNotTouchOtherNodes)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-02"_s)).status, 201);
    ASSERT_EQ(pushMetrics(fullPush()).status, 204);
    EXPECT_TRUE(op->get(u"/internal/nodes/fsn1-shared-02"_s).json().value(u"metrics"_s).isNull());
}

} // namespace
