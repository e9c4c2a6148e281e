#include "cpsimtest.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <iostream>

using namespace Qt::StringLiterals;

void PrintTo(const QString &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}

void PrintTo(const QByteArray &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}

void PrintTo(const QJsonValue &value, std::ostream *os)
{
    if (value.isObject())
        PrintTo(value.toObject(), os);
    else if (value.isArray())
        PrintTo(value.toArray(), os);
    else if (value.isUndefined())
        *os << "undefined";
    else
        *os << QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).toStdString();
}

void PrintTo(const QJsonObject &value, std::ostream *os)
{
    *os << QJsonDocument(value).toJson(QJsonDocument::Compact).toStdString();
}

void PrintTo(const QJsonArray &value, std::ostream *os)
{
    *os << QJsonDocument(value).toJson(QJsonDocument::Compact).toStdString();
}

void PrintTo(const QStringList &value, std::ostream *os)
{
    *os << '[' << value.join(u", "_s).toStdString() << ']';
}

std::ostream &operator<<(std::ostream &os, const QString &value)
{
    return os << value.toStdString();
}

std::ostream &operator<<(std::ostream &os, const QByteArray &value)
{
    return os << value.toStdString();
}

std::ostream &operator<<(std::ostream &os, const QJsonValue &value)
{
    PrintTo(value, &os);
    return os;
}

std::ostream &operator<<(std::ostream &os, const QJsonObject &value)
{
    PrintTo(value, &os);
    return os;
}

namespace prego::test {

bool isRfc3339Utc(const QString &text)
{
    static const QRegularExpression pattern(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"_s);
    return pattern.match(text).hasMatch() && parseTime(text).isValid();
}

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (time.isValid())
        time = time.toUTC();
    return time;
}

double secondsBetween(const QJsonValue &earlier, const QJsonValue &later)
{
    return double(parseTime(earlier).msecsTo(parseTime(later))) / 1000.0;
}

QString newJobId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString newTraceId()
{
    QString id;
    for (int i = 0; i < 4; ++i)
        id += u"%1"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    return id;
}

QJsonObject nodeBody(const QString &nodeId, const QString &region)
{
    return QJsonObject{
        {u"node_id"_s, nodeId},
        {u"hostname"_s, QString(nodeId + u".nodes.example.net"_s)},
        {u"ipv4"_s, u"203.0.113.%1"_s.arg(QRandomGenerator::global()->bounded(1, 255))},
        {u"region"_s, region},
        {u"placement"_s, u"shared"_s},
        {u"role"_s, u"shared"_s},
        {u"accepts_tenants"_s, true},
    };
}

namespace {
QJsonObject provisionBody(const QString &tenantId, const QString &region, bool createNew,
                          const QJsonValue &target, bool dedicated, const QString &traceId)
{
    QJsonObject body{
        {u"job_id"_s, newJobId()},       {u"tenant_id"_s, tenantId},
        {u"region"_s, region},           {u"create_new_server"_s, createNew},
        {u"target_server_id"_s, target}, {u"dedicated"_s, dedicated},
    };
    if (!traceId.isEmpty())
        body.insert(u"trace_id"_s, traceId);
    return body;
}
} // namespace

QJsonObject sharedExistingBody(const QString &tenantId, const QString &region,
                               const QString &targetServerId, const QString &traceId)
{
    return provisionBody(tenantId, region, false, targetServerId, false, traceId);
}

QJsonObject sharedNewBody(const QString &tenantId, const QString &region, const QString &traceId)
{
    return provisionBody(tenantId, region, true, QJsonValue::Null, false, traceId);
}

QJsonObject dedicatedBody(const QString &tenantId, const QString &region, const QString &traceId)
{
    return provisionBody(tenantId, region, true, QJsonValue::Null, true, traceId);
}

Headers idempotencyHeader(const QString &jobId, bool quoted)
{
    const QByteArray value = quoted ? QByteArray('"' + jobId.toUtf8() + '"') : jobId.toUtf8();
    return {{QByteArrayLiteral("Idempotency-Key"), value}};
}

HttpResult submitJob(HttpTestClient &client, const QJsonObject &body)
{
    return client.post(u"/internal/provision-tenant"_s, body,
                       idempotencyHeader(body.value(u"job_id"_s).toString()));
}

QJsonObject pollJob(HttpTestClient &client, const QString &jobId,
                    const std::function<bool(const QJsonObject &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QJsonObject last;
    int unanswered = 0;
    while (true) {
        const HttpResult result = client.get(u"/internal/provision-jobs/"_s + jobId);
        if (result.status == 200) {
            last = result.json();
            if (done(last))
                return last;
        }
        // A server that stopped answering will not come back: do not wait out the deadline.
        unanswered = result.status == 0 ? unanswered + 1 : 0;
        if (deadline.hasExpired() || unanswered >= 20)
            return last;
        QThread::msleep(50);
    }
}

QJsonObject waitForJobEnd(HttpTestClient &client, const QString &jobId, int timeoutMs)
{
    return pollJob(
        client, jobId,
        [](const QJsonObject &job) {
            const QString status = job.value(u"status"_s).toString();
            return status == u"Completed"_s || status == u"Failed"_s;
        },
        timeoutMs);
}

QStringList stageNames(const QJsonObject &job)
{
    QStringList names;
    const QJsonArray stages = job.value(u"stages"_s).toArray();
    for (const QJsonValue &stage : stages)
        names << stage.toObject().value(u"name"_s).toString();
    return names;
}

QJsonObject stageNamed(const QJsonObject &job, const QString &name)
{
    const QJsonArray stages = job.value(u"stages"_s).toArray();
    for (const QJsonValue &stage : stages) {
        if (stage.toObject().value(u"name"_s).toString() == name)
            return stage.toObject();
    }
    return {};
}

QStringList auditActions(const QJsonObject &job)
{
    QStringList actions;
    const QJsonArray audit = job.value(u"audit"_s).toArray();
    for (const QJsonValue &row : audit)
        actions << row.toObject().value(u"action"_s).toString();
    return actions;
}

QList<QJsonObject> auditRows(const QJsonObject &job, const QString &action)
{
    QList<QJsonObject> rows;
    const QJsonArray audit = job.value(u"audit"_s).toArray();
    for (const QJsonValue &row : audit) {
        if (row.toObject().value(u"action"_s).toString() == action)
            rows << row.toObject();
    }
    return rows;
}

QJsonObject nodesResponse(HttpTestClient &client, const QString &query)
{
    const HttpResult result =
        client.get(query.isEmpty() ? u"/internal/nodes"_s : u"/internal/nodes?"_s + query);
    EXPECT_EQ(result.status, 200) << describe(result);
    return result.json();
}

QJsonArray listNodes(HttpTestClient &client, const QString &query)
{
    return nodesResponse(client, query).value(u"nodes"_s).toArray();
}

QStringList nodeIds(const QJsonArray &nodes)
{
    QStringList ids;
    for (const QJsonValue &node : nodes)
        ids << node.toObject().value(u"node_id"_s).toString();
    return ids;
}

QJsonObject findNode(const QJsonArray &nodes, const QString &nodeId)
{
    for (const QJsonValue &node : nodes) {
        if (node.toObject().value(u"node_id"_s).toString() == nodeId)
            return node.toObject();
    }
    return {};
}

QString describe(const HttpResult &result)
{
    QString text = u"HTTP %1"_s.arg(result.status);
    if (!result.networkError.isEmpty())
        text += u" (network error: %1)"_s.arg(result.networkError);
    text += u" body: "_s + QString::fromUtf8(result.body.left(2000));
    return text;
}

QStringList contractFeatures()
{
    return {u"silences"_s, u"plans"_s, u"cancel"_s, u"attempts"_s, u"logs"_s};
}

QStringList whoamiFeatures(HttpTestClient &client)
{
    const HttpResult result = client.get(u"/internal/whoami"_s);
    EXPECT_EQ(result.status, 200) << describe(result);
    const QJsonValue features = result.json().value(u"features"_s);
    EXPECT_TRUE(features.isArray()) << "features is not an array: " << describe(result);
    const QStringList known = contractFeatures();
    QStringList names;
    qsizetype previous = -1;
    for (const QJsonValue &value : features.toArray()) {
        const qsizetype index = known.indexOf(value.toString());
        EXPECT_TRUE(value.isString() && index >= 0)
            << "not one of the contract's features: " << value;
        EXPECT_GT(index, previous)
            << "features repeated or out of the contract's order: " << describe(result);
        previous = index;
        names << value.toString();
    }
    return names;
}

::testing::AssertionResult isError(const HttpResult &result, int status, const QString &code)
{
    if (result.status != status) {
        return ::testing::AssertionFailure()
               << "expected HTTP " << status << " " << code.toStdString() << ", got "
               << describe(result).toStdString();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return ::testing::AssertionFailure()
               << "error body is not a JSON object: " << describe(result).toStdString();
    }
    const QJsonValue error = doc.object().value(u"error"_s);
    if (!error.isObject()) {
        return ::testing::AssertionFailure()
               << "no \"error\" object: " << describe(result).toStdString();
    }
    const QJsonObject errorObject = error.toObject();
    if (errorObject.value(u"code"_s).toString() != code) {
        return ::testing::AssertionFailure() << "expected error.code " << code.toStdString()
                                             << ", got " << describe(result).toStdString();
    }
    const QJsonValue message = errorObject.value(u"message"_s);
    if (!message.isString() || message.toString().trimmed().isEmpty()) {
        return ::testing::AssertionFailure()
               << "error.message missing or empty: " << describe(result).toStdString();
    }
    const QJsonValue fields = errorObject.value(u"fields"_s);
    if (code == u"validation_failed"_s) {
        if (!fields.isObject() || fields.toObject().isEmpty()) {
            return ::testing::AssertionFailure()
                   << "validation_failed without a non-empty \"fields\" object: "
                   << describe(result).toStdString();
        }
    } else if (!fields.isUndefined() && !fields.isNull()) {
        return ::testing::AssertionFailure()
               << "\"fields\" is only for validation_failed: " << describe(result).toStdString();
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult isValidationError(const HttpResult &result, const QStringList &fields)
{
    ::testing::AssertionResult base = isError(result, 422, u"validation_failed"_s);
    if (!base)
        return base;
    const QJsonObject got =
        result.json().value(u"error"_s).toObject().value(u"fields"_s).toObject();
    for (const QString &field : fields) {
        if (!got.contains(field)) {
            return ::testing::AssertionFailure() << "error.fields lacks \"" << field.toStdString()
                                                 << "\": " << describe(result).toStdString();
        }
        if (!got.value(field).isString() || got.value(field).toString().isEmpty()) {
            return ::testing::AssertionFailure()
                   << "error.fields." << field.toStdString()
                   << " should say why: " << describe(result).toStdString();
        }
    }
    return ::testing::AssertionSuccess();
}

void CpSimTest::SetUp()
{
    ASSERT_NO_FATAL_FAILURE(startSim(simArgs()));
}

void CpSimTest::TearDown()
{
    if (HasFailure())
        std::cerr << "---- prego-cp-sim output ----\n" << sim.output().toStdString() << "\n----\n";
}

void CpSimTest::startSim(const QStringList &args)
{
    op.reset();
    viewer.reset();
    agent.reset();
    anon.reset();
    sim.stop();
    ASSERT_TRUE(sim.start(args)) << sim.error().toStdString();
    op = std::make_unique<HttpTestClient>(sim.baseUrl());
    op->setToken(sim.tokenFor(u"operator"_s));
    viewer = std::make_unique<HttpTestClient>(sim.baseUrl());
    viewer->setToken(sim.tokenFor(u"viewer"_s));
    agent = std::make_unique<HttpTestClient>(sim.baseUrl());
    agent->setToken(sim.tokenFor(u"agent"_s));
    anon = std::make_unique<HttpTestClient>(sim.baseUrl());
}

HttpResult CpSimTest::registerNode(const QJsonObject &body)
{
    return op->post(u"/internal/nodes"_s, body);
}

HttpResult CpSimTest::pushMetrics(const QJsonObject &body)
{
    return op->post(u"/internal/server-metrics"_s, body);
}

} // namespace prego::test
