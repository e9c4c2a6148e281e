#pragma once

#include "featureset.h"
#include "tokenstore.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <deque>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace prego::sim {

class AuditLog;
class Fleet;
class FleetSimulator;
class Pipeline;
class Silences;
class SimClock;

// The HTTP face of the simulator: routing, bearer auth and roles, the contract's error shape,
// ETag/304, and the /sim/ admin endpoints (faults, latency, pushes, clock, request log, audit).
// Qt HttpServer parses requests; responses are written here so headers and delays are exact.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiServer(const TokenStore &tokens, Fleet &fleet, Pipeline &pipeline, FleetSimulator &simulator,
              Silences &silences, const AuditLog &audit, SimClock &clock, bool simAdminEnabled,
              FeatureSet features, QObject *parent = nullptr);

    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // JSON unless a Content-Type header says otherwise
    };

    qint64 requestCount() const { return m_requests; }
    qint64 metricPushesAccepted() const { return m_metricPushes; }

    // For the endpoints of an optional capability: 404 not_found when this run does not offer it
    // (--features), as a control plane without that capability would answer; nullopt when it does.
    std::optional<Response> refuseUnlessEnabled(Feature feature) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QList<QString> segments; // path split on '/', without the empty first one
        const QHttpServerRequest *request = nullptr;
        std::optional<TokenInfo> token;
    };
    struct Fault
    {
        qint64 id = 0;
        QString pathPrefix;
        QByteArray method; // empty = any
        int status = 0;    // 0 = latency only
        std::optional<int> remaining;
        QByteArray retryAfter;
        qint64 latencyMs = 0;
    };

    Response route(Call &call);
    Response routeInternal(Call &call);
    Response routeSim(Call &call);

    Response whoami(const Call &call);
    Response listNodes(const Call &call);
    Response getNode(const QString &nodeId);
    Response registerNode(const Call &call);
    Response pushMetrics(const Call &call);
    Response provision(const Call &call);
    Response listJobs(const Call &call);
    Response getJob(const QString &jobId);
    Response retryJob(const Call &call, const QString &jobId);
    Response routeSilences(const Call &call);
    Response listSilences(const Call &call);
    Response createSilence(const Call &call);
    Response endSilence(const Call &call, const QString &silenceId);

    Response simAddFault(const Call &call);
    Response simFleet(const Call &call);
    Response simNode(const Call &call, const QString &nodeId);
    Response simFailStage(const Call &call);
    Response simClock(const Call &call);
    Response simRequests(const Call &call);
    Response simStats();
    Response simAudit(const Call &call);

    Response json(int status, const QByteArray &body) const;
    Response error(int status, const QString &code, const QString &message,
                   const QMap<QString, QString> &fields = {}) const;
    std::optional<Response> parseBody(const Call &call, QJsonObject *out) const;
    Response methodNotAllowed(const QByteArray &allow) const;  // 405 with Allow
    Response refuseRole(Role role, const QString &what) const; // 403 naming the role
    static QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
    void write(QTcpSocket *socket, const Response &response) const;
    void record(const Call &call, int status);

    const TokenStore &m_tokens;
    Fleet &m_fleet;
    Pipeline &m_pipeline;
    FleetSimulator &m_simulator;
    Silences &m_silences;
    const AuditLog &m_audit;
    SimClock &m_clock;
    bool m_simAdmin;
    FeatureSet m_features;
    QList<Fault> m_faults;
    qint64 m_nextFaultId = 1;
    std::deque<QJsonObject> m_requestLog;
    qint64 m_requests = 0;
    qint64 m_metricPushes = 0;
};

} // namespace prego::sim
