// POST /internal/provision-tenant: the 202 job, request validation, idempotent replays (also when
// identical requests arrive at once), tenant id sanitizing and dedicated stack conflicts.
#include "cpsimtest.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <vector>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

const QStringList JobStatuses{u"Queued"_s, u"Running"_s, u"Completed"_s, u"Failed"_s};

class CpSimProvisioning : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--time-scale"_s, u"0.01"_s}; }

    void SetUp() override
    {
        CpSimTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
        QJsonObject draining = nodeBody(u"fsn1-shared-02"_s);
        draining.insert(u"status"_s, u"draining"_s);
        ASSERT_EQ(registerNode(draining).status, 201);
        QJsonObject closed = nodeBody(u"fsn1-shared-03"_s);
        closed.insert(u"accepts_tenants"_s, false);
        ASSERT_EQ(registerNode(closed).status, 201);
        QJsonObject dedicated = nodeBody(u"ded-zeta-app"_s);
        dedicated.insert(u"placement"_s, u"dedicated"_s);
        dedicated.insert(u"role"_s, u"app"_s);
        dedicated.insert(u"accepts_tenants"_s, false);
        dedicated.insert(u"tenant_id"_s, u"zeta"_s);
        ASSERT_EQ(registerNode(dedicated).status, 201);
        QJsonObject provisioning = nodeBody(u"fsn1-shared-04"_s);
        provisioning.insert(u"status"_s, u"provisioning"_s);
        ASSERT_EQ(registerNode(provisioning).status, 201);
        ASSERT_EQ(registerNode(nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s)).status, 201);
    }

    int jobCount(const QString &query = {})
    {
        const HttpResult result = op->get(u"/internal/provision-jobs?limit=200"_s +
                                          (query.isEmpty() ? QString() : u"&"_s + query));
        EXPECT_EQ(result.status, 200) << describe(result).toStdString();
        return int(result.json().value(u"jobs"_s).toArray().size());
    }

    int nodeCount() { return int(listNodes(*op).size()); }
};

TEST_F(CpSimProvisioning, NewJobIs202WithTheJob)
{
    const QString trace = newTraceId();
    const QJsonObject body =
        sharedExistingBody(u"acme-corp"_s, u"fsn1"_s, u"fsn1-shared-01"_s, trace);
    const HttpResult result = submitJob(*op, body);
    ASSERT_EQ(result.status, 202) << describe(result).toStdString();
    const QJsonObject job = result.json();
    const QString jobId = body.value(u"job_id"_s).toString();
    EXPECT_EQ(job.value(u"job_id"_s).toString(), jobId);
    EXPECT_EQ(job.value(u"tenant_id"_s).toString(), u"acme-corp"_s);
    EXPECT_EQ(job.value(u"path"_s).toString(), u"shared-existing"_s);
    EXPECT_TRUE(JobStatuses.contains(job.value(u"status"_s).toString()))
        << job.value(u"status"_s).toString().toStdString();
    EXPECT_NE(job.value(u"status"_s).toString(), u"Failed"_s);
    const QJsonObject request = job.value(u"request"_s).toObject();
    for (const QString &key : body.keys())
        EXPECT_EQ(request.value(key), body.value(key)) << "request." << key.toStdString();
    EXPECT_TRUE(job.contains(u"stack"_s) && job.value(u"stack"_s).isNull());
    EXPECT_EQ(job.value(u"target_server_id"_s).toString(), u"fsn1-shared-01"_s);
    EXPECT_EQ(job.value(u"trace_id"_s).toString(), trace);
    EXPECT_EQ(job.value(u"trace_recorded"_s), QJsonValue(true));
    EXPECT_TRUE(isRfc3339Utc(job.value(u"created_at"_s).toString()));
    EXPECT_TRUE(isRfc3339Utc(job.value(u"updated_at"_s).toString()));
    EXPECT_TRUE(job.contains(u"finished_at"_s));
    EXPECT_TRUE(job.contains(u"error"_s) && job.value(u"error"_s).isNull());
    EXPECT_TRUE(job.value(u"stages"_s).isArray());
    EXPECT_TRUE(job.value(u"outputs"_s).isObject());
    ASSERT_TRUE(job.value(u"audit"_s).isArray());
    const QList<QJsonObject> created = auditRows(job, u"job.created"_s);
    ASSERT_EQ(created.size(), 1) << "one job.created row";
    EXPECT_EQ(created.first().value(u"actor"_s).toString(), u"test-operator"_s);
    EXPECT_TRUE(isRfc3339Utc(created.first().value(u"at"_s).toString()));
    EXPECT_FALSE(result.body.contains(sim.tokenFor(u"operator"_s).toUtf8()));

    const HttpResult fetched = viewer->get(u"/internal/provision-jobs/"_s + jobId);
    ASSERT_EQ(fetched.status, 200) << describe(fetched).toStdString();
    EXPECT_EQ(fetched.json().value(u"job_id"_s).toString(), jobId);
    EXPECT_EQ(fetched.json().value(u"created_at"_s), job.value(u"created_at"_s));
}

TEST_F(CpSimProvisioning, EachShapeGetsItsPath)
{
    const QJsonObject sharedNew = sharedNewBody(u"beta"_s, u"nbg1"_s);
    const HttpResult a = submitJob(*op, sharedNew);
    ASSERT_EQ(a.status, 202) << describe(a).toStdString();
    EXPECT_EQ(a.json().value(u"path"_s).toString(), u"shared-new"_s);

    const HttpResult b = submitJob(*op, dedicatedBody(u"gamma"_s, u"hel1"_s));
    ASSERT_EQ(b.status, 202) << describe(b).toStdString();
    EXPECT_EQ(b.json().value(u"path"_s).toString(), u"dedicated"_s);
    EXPECT_TRUE(b.json().value(u"target_server_id"_s).isNull());
}

struct BadRequest
{
    const char *what;
    std::function<void(QJsonObject &)> change;
    QStringList fields; // empty: any field may be named, but `fields` must not be empty
};

TEST_F(CpSimProvisioning, InvalidRequestsAre422WithTheField)
{
    const auto set = [](const QString &key, const QJsonValue &value) {
        return [key, value](QJsonObject &body) {
            body.insert(key, value);
        };
    };
    const auto drop = [](const QString &key) {
        return [key](QJsonObject &body) {
            body.remove(key);
        };
    };
    const QList<BadRequest> cases{
        {"job_id missing", drop(u"job_id"_s), {u"job_id"_s}},
        {"job_id not a UUID", set(u"job_id"_s, u"job-1"_s), {u"job_id"_s}},
        {"job_id empty", set(u"job_id"_s, u""_s), {u"job_id"_s}},
        {"tenant_id missing", drop(u"tenant_id"_s), {u"tenant_id"_s}},
        {"tenant_id empty", set(u"tenant_id"_s, u""_s), {u"tenant_id"_s}},
        {"tenant_id starts with -", set(u"tenant_id"_s, u"-acme"_s), {u"tenant_id"_s}},
        {"tenant_id starts with .", set(u"tenant_id"_s, u".acme"_s), {u"tenant_id"_s}},
        {"tenant_id starts with _", set(u"tenant_id"_s, u"_acme"_s), {u"tenant_id"_s}},
        {"tenant_id with a space", set(u"tenant_id"_s, u"acme corp"_s), {u"tenant_id"_s}},
        {"tenant_id with a slash", set(u"tenant_id"_s, u"acme/corp"_s), {u"tenant_id"_s}},
        {"tenant_id not ASCII", set(u"tenant_id"_s, u"acm\u00e9"_s), {u"tenant_id"_s}},
        {"tenant_id 64 chars", set(u"tenant_id"_s, QString(64, u'a')), {u"tenant_id"_s}},
        {"tenant_id a number", set(u"tenant_id"_s, 42), {u"tenant_id"_s}},
        {"tenant_id only separators", set(u"tenant_id"_s, u"--"_s), {u"tenant_id"_s}},
        {"region missing", drop(u"region"_s), {u"region"_s}},
        {"region unknown", set(u"region"_s, u"mars1"_s), {u"region"_s}},
        {"region differs from the target's", set(u"region"_s, u"nbg1"_s), {u"region"_s}},
        {"create_new_server missing", drop(u"create_new_server"_s), {u"create_new_server"_s}},
        {"create_new_server a string",
         set(u"create_new_server"_s, u"false"_s),
         {u"create_new_server"_s}},
        {"dedicated missing", drop(u"dedicated"_s), {u"dedicated"_s}},
        {"dedicated a number", set(u"dedicated"_s, 0), {u"dedicated"_s}},
        {"trace_id upper case",
         set(u"trace_id"_s, u"4BF92F3577B34DA6A3CE929D0E0E4736"_s),
         {u"trace_id"_s}},
        {"trace_id 31 hex",
         set(u"trace_id"_s, u"4bf92f3577b34da6a3ce929d0e0e473"_s),
         {u"trace_id"_s}},
        {"trace_id 33 hex",
         set(u"trace_id"_s, u"4bf92f3577b34da6a3ce929d0e0e47360"_s),
         {u"trace_id"_s}},
        {"trace_id not hex",
         set(u"trace_id"_s, u"zzf92f3577b34da6a3ce929d0e0e4736"_s),
         {u"trace_id"_s}},
        {"target unknown",
         set(u"target_server_id"_s, u"fsn1-shared-99"_s),
         {u"target_server_id"_s}},
        {"target draining",
         set(u"target_server_id"_s, u"fsn1-shared-02"_s),
         {u"target_server_id"_s}},
        {"target not accepting tenants",
         set(u"target_server_id"_s, u"fsn1-shared-03"_s),
         {u"target_server_id"_s}},
        {"target dedicated",
         set(u"target_server_id"_s, u"ded-zeta-app"_s),
         {u"target_server_id"_s}},
        {"target still provisioning",
         set(u"target_server_id"_s, u"fsn1-shared-04"_s),
         {u"target_server_id"_s}},
        {"shared-existing without a target",
         set(u"target_server_id"_s, QJsonValue::Null),
         {u"target_server_id"_s}},
        {"shared-new with a target",
         [](QJsonObject &body) { body.insert(u"create_new_server"_s, true); },
         {}},
        {"dedicated without a new server",
         [](QJsonObject &body) {
             body.insert(u"dedicated"_s, true);
             body.insert(u"target_server_id"_s, QJsonValue::Null);
         },
         {}},
        {"dedicated with a target",
         [](QJsonObject &body) {
             body.insert(u"dedicated"_s, true);
             body.insert(u"create_new_server"_s, true);
         },
         {}},
    };
    for (const BadRequest &c : cases) {
        SCOPED_TRACE(c.what);
        QJsonObject body = sharedExistingBody(u"acme"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
        c.change(body);
        // The header must equal job_id; send it only when there is a string job_id to match.
        const HttpResult result =
            body.value(u"job_id"_s).isString() && !body.value(u"job_id"_s).toString().isEmpty()
                ? submitJob(*op, body)
                : op->post(u"/internal/provision-tenant"_s, body);
        EXPECT_TRUE(isValidationError(result, c.fields));
    }
    EXPECT_EQ(jobCount(), 0) << "refused requests create no job";
}

TEST_F(CpSimProvisioning, EveryBadFieldIsNamed)
{
    QJsonObject body = sharedExistingBody(u"-acme"_s, u"mars1"_s, u"fsn1-shared-01"_s);
    body.insert(u"trace_id"_s, u"NOT-A-TRACE"_s);
    EXPECT_TRUE(
        isValidationError(submitJob(*op, body), {u"tenant_id"_s, u"region"_s, u"trace_id"_s}));
}

TEST_F(CpSimProvisioning, IdempotencyKeyMustEqualJobId)
{
    const QJsonObject body = sharedExistingBody(u"acme"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    const HttpResult result =
        op->post(u"/internal/provision-tenant"_s, body, idempotencyHeader(newJobId()));
    EXPECT_TRUE(isValidationError(result, {u"Idempotency-Key"_s}));
    EXPECT_EQ(op->get(u"/internal/provision-jobs/"_s + body.value(u"job_id"_s).toString()).status,
              404);

    // Without the header the request is fine (the header is checked only when sent).
    const HttpResult withoutHeader = op->post(u"/internal/provision-tenant"_s, body);
    EXPECT_EQ(withoutHeader.status, 202) << describe(withoutHeader).toStdString();
}

TEST_F(CpSimProvisioning, QuotedIdempotencyKeyAsTheContractShowsIsAccepted)
{
    // The contract's example sends `Idempotency-Key: "<job_id>"` (a structured-field string).
    const QJsonObject body = sharedExistingBody(u"quoted"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    const QString jobId = body.value(u"job_id"_s).toString();
    const HttpResult first =
        op->post(u"/internal/provision-tenant"_s, body, idempotencyHeader(jobId, true));
    EXPECT_EQ(first.status, 202) << describe(first);
    const HttpResult replay =
        op->post(u"/internal/provision-tenant"_s, body, idempotencyHeader(jobId, true));
    EXPECT_EQ(replay.status, 200) << describe(replay);
    // A quoted key that names another job is still refused.
    QJsonObject other = sharedExistingBody(u"quoted"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    EXPECT_TRUE(isValidationError(
        op->post(u"/internal/provision-tenant"_s, other, idempotencyHeader(newJobId(), true)),
        {u"Idempotency-Key"_s}));
}

TEST_F(CpSimProvisioning, TenantIdEdgesThatAreValid)
{
    for (const QString &tenant :
         {u"A"_s, u"9lives"_s, u"a.b_c-d"_s, u"acme-"_s, u"Z..__--"_s, QString(63, u'x')}) {
        SCOPED_TRACE(tenant.toStdString());
        const HttpResult result =
            submitJob(*op, sharedExistingBody(tenant, u"fsn1"_s, u"fsn1-shared-01"_s));
        EXPECT_EQ(result.status, 202) << describe(result).toStdString();
        EXPECT_EQ(result.json().value(u"tenant_id"_s).toString(), tenant);
    }
}

TEST_F(CpSimProvisioning, ReplayReturnsTheSameJobAndCreatesNothing)
{
    const QJsonObject body = sharedNewBody(u"replay-co"_s, u"nbg1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const int nodesBefore = nodeCount();

    const HttpResult first = submitJob(*op, body);
    ASSERT_EQ(first.status, 202) << describe(first).toStdString();

    // While it runs.
    const HttpResult early = submitJob(*op, body);
    ASSERT_EQ(early.status, 200) << describe(early).toStdString();
    EXPECT_EQ(early.json().value(u"job_id"_s).toString(), jobId);
    EXPECT_EQ(early.json().value(u"created_at"_s), first.json().value(u"created_at"_s));

    const QJsonObject done = waitForJobEnd(*op, jobId);
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(nodeCount(), nodesBefore + 1);

    // After it finished.
    const HttpResult late = submitJob(*op, body);
    ASSERT_EQ(late.status, 200) << describe(late).toStdString();
    const QJsonObject replayed = late.json();
    EXPECT_EQ(replayed.value(u"job_id"_s).toString(), jobId);
    EXPECT_EQ(replayed.value(u"status"_s).toString(), u"Completed"_s);
    EXPECT_EQ(replayed.value(u"created_at"_s), done.value(u"created_at"_s));
    EXPECT_EQ(replayed.value(u"outputs"_s), done.value(u"outputs"_s));
    EXPECT_EQ(replayed.value(u"stages"_s), done.value(u"stages"_s));

    EXPECT_EQ(jobCount(), 1);
    EXPECT_EQ(jobCount(u"tenant_id=replay-co"_s), 1);
    EXPECT_EQ(nodeCount(), nodesBefore + 1) << "a replay creates no node";

    const QJsonObject afterReplay = op->get(u"/internal/provision-jobs/"_s + jobId).json();
    const QList<QJsonObject> rows = auditRows(afterReplay, u"job.replayed"_s);
    ASSERT_EQ(rows.size(), 2) << PrintToString(afterReplay.value(u"audit"_s));
    for (const QJsonObject &row : rows)
        EXPECT_EQ(row.value(u"actor"_s).toString(), u"test-operator"_s);
    EXPECT_EQ(auditRows(afterReplay, u"job.created"_s).size(), 1);
}

TEST_F(CpSimProvisioning, ReplayComparesNormalisedFields)
{
    // No trace_id; then the same request with keys in another order and trace_id: null, and
    // without the Idempotency-Key header.
    const QString jobId = newJobId();
    const QByteArray original = QByteArrayLiteral(R"({"job_id":")") + jobId.toUtf8() +
                                R"(","tenant_id":"norm","region":"fsn1","create_new_server":)"
                                R"(false,"target_server_id":"fsn1-shared-01","dedicated":false})";
    const QByteArray reordered =
        QByteArrayLiteral(R"({"dedicated":false,"trace_id":null,"target_server_id":)") +
        R"("fsn1-shared-01","create_new_server":false,"region":"fsn1","tenant_id":"norm",)" +
        R"("job_id":")" + jobId.toUtf8() + R"("})";
    const HttpResult first =
        op->post(u"/internal/provision-tenant"_s, original, idempotencyHeader(jobId));
    ASSERT_EQ(first.status, 202) << describe(first).toStdString();
    EXPECT_EQ(first.json().value(u"trace_recorded"_s), QJsonValue(false));
    const HttpResult second =
        op->post(u"/internal/provision-tenant"_s, reordered, idempotencyHeader(jobId));
    EXPECT_EQ(second.status, 200) << describe(second).toStdString();
    EXPECT_EQ(second.json().value(u"job_id"_s).toString(), jobId);
    const HttpResult third = op->post(u"/internal/provision-tenant"_s, reordered);
    EXPECT_EQ(third.status, 200) << describe(third).toStdString();
    EXPECT_EQ(jobCount(), 1);
}

TEST_F(CpSimProvisioning, SameJobIdOtherBodyIs422IdempotencyKeyReused)
{
    const QJsonObject body =
        sharedExistingBody(u"acme"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const HttpResult first = submitJob(*op, body);
    ASSERT_EQ(first.status, 202) << describe(first).toStdString();

    const QList<QPair<QString, QJsonValue>> changes{
        {u"tenant_id"_s, u"acme-2"_s},
        {u"trace_id"_s, newTraceId()},
        {u"trace_id"_s, QJsonValue::Null},
        {u"target_server_id"_s, u"nbg1-shared-01"_s},
    };
    for (const auto &[key, value] : changes) {
        SCOPED_TRACE(key.toStdString());
        QJsonObject other = body;
        other.insert(key, value);
        if (key == u"target_server_id"_s)
            other.insert(u"region"_s, u"nbg1"_s);
        EXPECT_TRUE(isError(submitJob(*op, other), 422, u"idempotency_key_reused"_s));
    }
    {
        SCOPED_TRACE("shape changed to shared-new");
        QJsonObject other = body;
        other.insert(u"create_new_server"_s, true);
        other.insert(u"target_server_id"_s, QJsonValue::Null);
        EXPECT_TRUE(isError(submitJob(*op, other), 422, u"idempotency_key_reused"_s));
    }
    EXPECT_EQ(jobCount(), 1);
    const QJsonObject job = op->get(u"/internal/provision-jobs/"_s + jobId).json();
    EXPECT_EQ(job.value(u"tenant_id"_s).toString(), u"acme"_s);
    EXPECT_EQ(job.value(u"request"_s).toObject().value(u"trace_id"_s), body.value(u"trace_id"_s));
}

// Raw HTTP/1.1 over separate sockets: every request is on the wire before any answer is read.
struct RawAnswer
{
    int status = 0;
    QByteArray body;
};

// Request i carries bodies[i] with idempotencyKeys[i]; every connection is open and every request
// written before the first answer is read.
QList<RawAnswer> postEachAtOnce(const QUrl &base, const QByteArray &token, const QByteArray &path,
                                const QList<QByteArray> &bodies,
                                const QList<QByteArray> &idempotencyKeys)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(base.host(), quint16(base.port()));
        if (!socket->waitForConnected(5000))
            return {};
        sockets.push_back(std::move(socket));
    }
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        const QByteArray &body = bodies.at(i);
        sockets[size_t(i)]->write(
            "POST " + path + " HTTP/1.1\r\nHost: " + base.host().toUtf8() + ':' +
            QByteArray::number(base.port()) + "\r\nAuthorization: Bearer " + token +
            "\r\nContent-Type: application/json\r\nIdempotency-Key: " + idempotencyKeys.at(i) +
            "\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n" + body);
    }
    for (auto &socket : sockets)
        socket->waitForBytesWritten(5000);

    QList<RawAnswer> answers;
    for (auto &socket : sockets) {
        QByteArray data;
        QDeadlineTimer deadline(20000);
        RawAnswer answer;
        qsizetype headerEnd = -1;
        qsizetype contentLength = -1;
        while (!deadline.hasExpired()) {
            if (socket->bytesAvailable() == 0 && !socket->waitForReadyRead(100)) {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    break;
                continue;
            }
            data += socket->readAll();
            if (headerEnd < 0) {
                headerEnd = data.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
                    const QList<QByteArray> statusLine = lines.first().split(' ');
                    if (statusLine.size() >= 2)
                        answer.status = statusLine.at(1).toInt();
                    for (const QByteArray &line : lines) {
                        const qsizetype colon = line.indexOf(':');
                        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                            contentLength = line.mid(colon + 1).trimmed().toLongLong();
                    }
                }
            }
            if (headerEnd >= 0 && contentLength >= 0 &&
                data.size() >= headerEnd + 4 + contentLength)
                break;
        }
        data += socket->readAll();
        if (headerEnd >= 0)
            answer.body = data.mid(headerEnd + 4, contentLength >= 0 ? contentLength : -1);
        answers << answer;
    }
    return answers;
}

QList<RawAnswer> postAllAtOnce(const QUrl &base, const QByteArray &token, const QByteArray &path,
                               const QByteArray &body, const QByteArray &idempotencyKey, int count)
{
    return postEachAtOnce(base, token, path, QList<QByteArray>(count, body),
                          QList<QByteArray>(count, idempotencyKey));
}

TEST_F(CpSimProvisioning, ConcurrentIdenticalSubmitsOverRawSocketsMakeOneJob)
{
    const QJsonObject body = sharedNewBody(u"race-raw"_s, u"nbg1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const int nodesBefore = nodeCount();
    const QList<RawAnswer> answers = postAllAtOnce(
        sim.baseUrl(), sim.tokenFor(u"operator"_s).toUtf8(), "/internal/provision-tenant",
        QJsonDocument(body).toJson(), jobId.toUtf8(), 5);
    ASSERT_EQ(answers.size(), 5);
    int accepted = 0;
    int replayed = 0;
    for (const RawAnswer &answer : answers) {
        if (answer.status == 202)
            ++accepted;
        else if (answer.status == 200)
            ++replayed;
        else
            ADD_FAILURE() << "unexpected answer " << answer.status << ' '
                          << answer.body.toStdString();
        EXPECT_EQ(QJsonDocument::fromJson(answer.body).object().value(u"job_id"_s).toString(),
                  jobId);
    }
    EXPECT_EQ(accepted, 1);
    EXPECT_EQ(replayed, 4);
    EXPECT_EQ(jobCount(), 1);

    const QJsonObject done = waitForJobEnd(*op, jobId);
    EXPECT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(nodeCount(), nodesBefore + 1) << "one job, one new node";
    EXPECT_EQ(auditRows(done, u"job.created"_s).size(), 1);
    EXPECT_EQ(auditRows(done, u"job.replayed"_s).size(), 4);
}

TEST_F(CpSimProvisioning, ConcurrentIdenticalSubmitsOverQNetworkAccessManagerMakeOneJob)
{
    const QJsonObject body = dedicatedBody(u"Race_QNam"_s, u"hel1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const int nodesBefore = nodeCount();

    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (int i = 0; i < 6; ++i) {
        QNetworkRequest request(sim.baseUrl().resolved(QUrl(u"/internal/provision-tenant"_s)));
        request.setRawHeader("Authorization", "Bearer " + sim.tokenFor(u"operator"_s).toUtf8());
        request.setRawHeader("Idempotency-Key", jobId.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        replies << nam.post(request, payload);
    }
    QEventLoop loop;
    int pending = int(replies.size());
    for (QNetworkReply *reply : replies) {
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_EQ(pending, 0) << "not every reply finished";

    QList<int> statuses;
    for (QNetworkReply *reply : replies) {
        statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        EXPECT_EQ(QJsonDocument::fromJson(reply->readAll()).object().value(u"job_id"_s).toString(),
                  jobId);
        reply->deleteLater();
    }
    EXPECT_EQ(statuses.count(202), 1) << PrintToString(statuses);
    EXPECT_EQ(statuses.count(200), 5) << PrintToString(statuses);
    EXPECT_EQ(jobCount(), 1);

    const QJsonObject done = waitForJobEnd(*op, jobId);
    EXPECT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(nodeCount(), nodesBefore + 3) << "one dedicated job, three servers";
}

TEST_F(CpSimProvisioning, DedicatedStackNamesAreSanitized)
{
    const QList<QPair<QString, QString>> cases{
        {u"Acme_Corp.EU"_s, u"acme-corp-eu"_s},
        {u"a.._--b"_s, u"a-b"_s},
        {u"Zed__"_s, u"zed"_s},
        {u"9-_.-Lives..."_s, u"9-lives"_s},
        {u"MiXeD.Case_Name"_s, u"mixed-case-name"_s},
        // 63 characters; cut to 48 ends on the separator, which is trimmed again.
        {QString(47, u'a') + u'_' + QString(15, u'b'), QString(47, u'a')},
        {QString(63, u'Q'), QString(48, u'q')},
        {u'x' + QString(10, u'-') + QString(52, u'y'), u"x-"_s + QString(46, u'y')},
    };
    QList<QPair<QString, QString>> jobs; // job id, expected sanitized id
    for (const auto &[tenant, sanitized] : cases) {
        SCOPED_TRACE(tenant.toStdString());
        const QJsonObject body = dedicatedBody(tenant, u"fsn1"_s);
        const HttpResult result = submitJob(*op, body);
        ASSERT_EQ(result.status, 202) << describe(result).toStdString();
        jobs.append({body.value(u"job_id"_s).toString(), sanitized});
    }
    for (const auto &[jobId, sanitized] : jobs) {
        SCOPED_TRACE(sanitized.toStdString());
        const QJsonObject job = waitForJobEnd(*op, jobId);
        ASSERT_EQ(job.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(job);
        EXPECT_EQ(job.value(u"stack"_s).toString(), u"dedicated-"_s + sanitized);
        for (const QString &role : {u"app"_s, u"db"_s, u"redis"_s}) {
            const HttpResult node = op->get(u"/internal/nodes/ded-"_s + sanitized + u'-' + role);
            ASSERT_EQ(node.status, 200) << describe(node).toStdString();
            EXPECT_EQ(node.json().value(u"stack"_s).toString(), u"dedicated-"_s + sanitized);
        }
    }
}

TEST_F(CpSimProvisioning, DedicatedStackOfAnotherTenantIs409StackConflict)
{
    const QJsonObject first = dedicatedBody(u"acme-corp"_s, u"fsn1"_s);
    ASSERT_EQ(submitJob(*op, first).status, 202);
    const QJsonObject done = waitForJobEnd(*op, first.value(u"job_id"_s).toString());
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    const int nodesAfterFirst = nodeCount();

    for (const QString &tenant :
         {u"Acme_Corp"_s, u"ACME.CORP"_s, u"acme--corp"_s, u"acme_corp-"_s}) {
        SCOPED_TRACE(tenant.toStdString());
        const QJsonObject other = dedicatedBody(tenant, u"fsn1"_s);
        EXPECT_TRUE(isError(submitJob(*op, other), 409, u"stack_conflict"_s));
        EXPECT_EQ(
            op->get(u"/internal/provision-jobs/"_s + other.value(u"job_id"_s).toString()).status,
            404);
    }
    EXPECT_EQ(jobCount(), 1);
    EXPECT_EQ(nodeCount(), nodesAfterFirst);

    // A shared job of such a tenant does not involve the dedicated stack.
    const HttpResult shared =
        submitJob(*op, sharedExistingBody(u"Acme_Corp"_s, u"fsn1"_s, u"fsn1-shared-01"_s));
    EXPECT_EQ(shared.status, 202) << describe(shared).toStdString();
}

TEST_F(CpSimProvisioning, SameDedicatedTenantAgainReusesTheStack)
{
    const QJsonObject first = dedicatedBody(u"Initech"_s, u"hel1"_s);
    ASSERT_EQ(submitJob(*op, first).status, 202);
    const QJsonObject firstDone = waitForJobEnd(*op, first.value(u"job_id"_s).toString());
    ASSERT_EQ(firstDone.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(firstDone);
    QStringList nodesAfterFirst = nodeIds(listNodes(*op));
    nodesAfterFirst.sort();

    const QJsonObject second = dedicatedBody(u"Initech"_s, u"hel1"_s, newTraceId());
    const HttpResult accepted = submitJob(*op, second);
    ASSERT_EQ(accepted.status, 202) << describe(accepted).toStdString();
    const QJsonObject secondDone = waitForJobEnd(*op, second.value(u"job_id"_s).toString());
    ASSERT_EQ(secondDone.value(u"status"_s).toString(), u"Completed"_s)
        << PrintToString(secondDone);
    EXPECT_EQ(secondDone.value(u"stack"_s).toString(), u"dedicated-initech"_s);
    QStringList nodesAfterSecond = nodeIds(listNodes(*op));
    nodesAfterSecond.sort();
    EXPECT_EQ(nodesAfterSecond, nodesAfterFirst) << "the second job creates nothing";
    EXPECT_EQ(secondDone.value(u"outputs"_s), firstDone.value(u"outputs"_s));
}

TEST_F(CpSimProvisioning, UnknownJobIs404)
{
    for (const QString &id : {newJobId(), u"not-a-uuid"_s}) {
        SCOPED_TRACE(id.toStdString());
        EXPECT_TRUE(isError(viewer->get(u"/internal/provision-jobs/"_s + id), 404, u"not_found"_s));
        EXPECT_TRUE(
            isError(op->post(u"/internal/provision-jobs/"_s + id + u"/retry"_s, QByteArray()), 404,
                    u"not_found"_s));
    }
}

class CpSimTwoOperators : public CpSimProvisioning
{
protected:
    void SetUp() override
    {
        sim.tokens.append({u"ops-bot"_s, u"operator"_s, {}, u"second-operator-token-61c0e2a9d4"_s});
        CpSimProvisioning::SetUp();
    }
};

TEST_F(CpSimTwoOperators, AuditNamesTheTokenThatActed)
{
    HttpTestClient bot(sim.baseUrl());
    bot.setToken(u"second-operator-token-61c0e2a9d4"_s);
    const QJsonObject body = sharedExistingBody(u"actors"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    const QString jobId = body.value(u"job_id"_s).toString();
    ASSERT_EQ(submitJob(*op, body).status, 202);
    const HttpResult replay = submitJob(bot, body);
    ASSERT_EQ(replay.status, 200) << describe(replay);

    const QJsonObject job = op->get(u"/internal/provision-jobs/"_s + jobId).json();
    const QList<QJsonObject> created = auditRows(job, u"job.created"_s);
    const QList<QJsonObject> replayed = auditRows(job, u"job.replayed"_s);
    ASSERT_EQ(created.size(), 1) << PrintToString(job.value(u"audit"_s));
    ASSERT_EQ(replayed.size(), 1) << PrintToString(job.value(u"audit"_s));
    EXPECT_EQ(created.first().value(u"actor"_s).toString(), u"test-operator"_s);
    EXPECT_EQ(replayed.first().value(u"actor"_s).toString(), u"ops-bot"_s);
    const QByteArray text = QJsonDocument(job).toJson();
    EXPECT_FALSE(text.contains("second-operator-token-61c0e2a9d4"));
    EXPECT_FALSE(text.contains(sim.tokenFor(u"operator"_s).toUtf8()));
}

// Issue 9: 100 connections in flight at once, against a database file (the state a restart
// reads back), so that an idempotency race would show as a second job or a second server.
class CpSimProvisioningOnDisk : public CpSimProvisioning
{
protected:
    QStringList simArgs() const override
    {
        return {u"--time-scale"_s, u"0.01"_s, u"--db"_s, m_dir.filePath(u"cp.sqlite"_s)};
    }
    QTemporaryDir m_dir;
};

TEST_F(CpSimProvisioningOnDisk, HundredConcurrentIdenticalSubmitsMakeOneJobAndOneServer)
{
    constexpr int Clients = 100;
    const QJsonObject body = sharedNewBody(u"race-hundred"_s, u"nbg1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    const int nodesBefore = nodeCount();
    const QList<RawAnswer> answers = postAllAtOnce(
        sim.baseUrl(), sim.tokenFor(u"operator"_s).toUtf8(), "/internal/provision-tenant",
        QJsonDocument(body).toJson(QJsonDocument::Compact), jobId.toUtf8(), Clients);
    ASSERT_EQ(answers.size(), Clients) << "not every connection was accepted";
    QList<int> statuses;
    for (const RawAnswer &answer : answers) {
        statuses << answer.status;
        EXPECT_EQ(QJsonDocument::fromJson(answer.body).object().value(u"job_id"_s).toString(),
                  jobId);
    }
    EXPECT_EQ(statuses.count(202), 1) << PrintToString(statuses);
    EXPECT_EQ(statuses.count(200), Clients - 1) << PrintToString(statuses);
    EXPECT_EQ(jobCount(), 1);

    const QJsonObject done = waitForJobEnd(*op, jobId);
    EXPECT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(nodeCount(), nodesBefore + 1) << "one job, one new server";
    EXPECT_EQ(auditRows(done, u"job.created"_s).size(), 1);
    EXPECT_EQ(auditRows(done, u"job.replayed"_s).size(), size_t(Clients - 1));

    // What the database holds, read back by a restarted simulator.
    startSim(simArgs());
    ASSERT_FALSE(HasFatalFailure());
    EXPECT_EQ(jobCount(), 1);
    EXPECT_EQ(nodeCount(), nodesBefore + 1);
}

TEST_F(CpSimProvisioningOnDisk, HundredConcurrentJobsForOneDedicatedTenantCreateItsServersOnce)
{
    // 100 different intents (job ids) for the same dedicated tenant at once: 100 jobs, but the
    // stack's three servers are created once (pulumi_up is idempotent on (stack, role)).
    constexpr int Clients = 100;
    QList<QByteArray> bodies;
    QList<QByteArray> keys;
    for (int i = 0; i < Clients; ++i) {
        const QJsonObject body = dedicatedBody(u"Hundred_Co"_s, u"fsn1"_s);
        bodies << QJsonDocument(body).toJson(QJsonDocument::Compact);
        keys << body.value(u"job_id"_s).toString().toUtf8();
    }
    const int nodesBefore = nodeCount();
    const QList<RawAnswer> answers =
        postEachAtOnce(sim.baseUrl(), sim.tokenFor(u"operator"_s).toUtf8(),
                       "/internal/provision-tenant", bodies, keys);
    ASSERT_EQ(answers.size(), Clients);
    for (const RawAnswer &answer : answers)
        EXPECT_EQ(answer.status, 202) << answer.body.toStdString();
    EXPECT_EQ(jobCount(u"tenant_id=Hundred_Co"_s), Clients);
    for (const QByteArray &key : std::as_const(keys)) {
        const QJsonObject done = waitForJobEnd(*op, QString::fromUtf8(key));
        ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
        EXPECT_EQ(done.value(u"stack"_s).toString(), u"dedicated-hundred-co"_s);
    }
    QStringList dedicated;
    for (const QJsonValue &n : listNodes(*op, u"placement=dedicated"_s)) {
        if (n.toObject().value(u"tenant_id"_s).toString() == u"Hundred_Co"_s)
            dedicated << n.toObject().value(u"node_id"_s).toString();
    }
    dedicated.sort();
    EXPECT_EQ(dedicated, (QStringList{u"ded-hundred-co-app"_s, u"ded-hundred-co-db"_s,
                                      u"ded-hundred-co-redis"_s}));
    EXPECT_EQ(nodeCount(), nodesBefore + 3) << "one stack, three servers, whatever the job count";
}

} // namespace
