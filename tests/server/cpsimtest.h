#pragma once

#include "httptestclient.h"
#include "simprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>

// gtest prints Qt values readably in failure messages (found by ADL: Qt types are global).
void PrintTo(const QString &value, std::ostream *os);
void PrintTo(const QByteArray &value, std::ostream *os);
void PrintTo(const QJsonValue &value, std::ostream *os);
void PrintTo(const QJsonObject &value, std::ostream *os);
void PrintTo(const QJsonArray &value, std::ostream *os);
void PrintTo(const QStringList &value, std::ostream *os);
// And so that they can be streamed into assertion messages.
std::ostream &operator<<(std::ostream &os, const QString &value);
std::ostream &operator<<(std::ostream &os, const QByteArray &value);
std::ostream &operator<<(std::ostream &os, const QJsonValue &value);
std::ostream &operator<<(std::ostream &os, const QJsonObject &value);

namespace prego::test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline constexpr int JobDeadlineMs = 20000;

// RFC 3339, UTC, 'Z'; docs/cp-sim.md: written with milliseconds.
bool isRfc3339Utc(const QString &text);
QDateTime parseTime(const QJsonValue &value);
// Seconds from `earlier` to `later` (both RFC 3339 values), fractional.
double secondsBetween(const QJsonValue &earlier, const QJsonValue &later);

QString newJobId();
QString newTraceId();

// A node body for POST /internal/nodes: shared, active, accepting tenants.
QJsonObject nodeBody(const QString &nodeId, const QString &region = QStringLiteral("fsn1"));

// The three valid provisioning shapes. An empty traceId leaves trace_id out (tracing off).
QJsonObject sharedExistingBody(const QString &tenantId, const QString &region,
                               const QString &targetServerId, const QString &traceId = {});
QJsonObject sharedNewBody(const QString &tenantId, const QString &region,
                          const QString &traceId = {});
QJsonObject dedicatedBody(const QString &tenantId, const QString &region,
                          const QString &traceId = {});

// `Idempotency-Key: <job_id>`; with `quoted`, the structured-field string form the contract's
// example shows (`Idempotency-Key: "<job_id>"`).
Headers idempotencyHeader(const QString &jobId, bool quoted = false);

// POST /internal/provision-tenant with the Idempotency-Key header matching body.job_id.
HttpResult submitJob(HttpTestClient &client, const QJsonObject &body);

// Polls GET /internal/provision-jobs/{id} (50 ms apart) until `done` holds or the deadline passes;
// returns the last job seen (empty when none could be read).
QJsonObject pollJob(HttpTestClient &client, const QString &jobId,
                    const std::function<bool(const QJsonObject &)> &done,
                    int timeoutMs = JobDeadlineMs);
// Until the job is Completed or Failed.
QJsonObject waitForJobEnd(HttpTestClient &client, const QString &jobId,
                          int timeoutMs = JobDeadlineMs);

QStringList stageNames(const QJsonObject &job);
QJsonObject stageNamed(const QJsonObject &job, const QString &name);
QStringList auditActions(const QJsonObject &job);
QList<QJsonObject> auditRows(const QJsonObject &job, const QString &action);

// GET /internal/nodes[?query]; fails the test (non-fatally) on anything but 200.
QJsonObject nodesResponse(HttpTestClient &client, const QString &query = {});
QJsonArray listNodes(HttpTestClient &client, const QString &query = {});
QStringList nodeIds(const QJsonArray &nodes);
QJsonObject findNode(const QJsonArray &nodes, const QString &nodeId);

// Status, error.code, a non-empty error.message, and `fields` only on validation_failed.
::testing::AssertionResult isError(const HttpResult &result, int status, const QString &code);
// isError(422, validation_failed) and every name in `fields` appears in error.fields.
::testing::AssertionResult isValidationError(const HttpResult &result, const QStringList &fields);

QString describe(const HttpResult &result);

// The contract's optional capabilities, in its order (control-plane-api.md, Optional
// capabilities).
QStringList contractFeatures();
// GET /internal/whoami's `features`; fails the test (non-fatally) unless it is an array of
// contract names, each once, in the contract's order.
QStringList whoamiFeatures(HttpTestClient &client);

// One running prego-cp-sim per test, with a client per role and one without a token.
class CpSimTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Extra command-line arguments for the simulator started in SetUp.
    virtual QStringList simArgs() const { return {}; }

    // (Re)starts the simulator with these arguments and makes fresh clients for its address.
    void startSim(const QStringList &args);

    HttpResult registerNode(const QJsonObject &body);
    HttpResult pushMetrics(const QJsonObject &body);

    SimProcess sim;
    std::unique_ptr<HttpTestClient> op;
    std::unique_ptr<HttpTestClient> viewer;
    std::unique_ptr<HttpTestClient> agent;
    std::unique_ptr<HttpTestClient> anon;
};

} // namespace prego::test
