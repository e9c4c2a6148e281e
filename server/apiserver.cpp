#include "apiserver.h"

#include "auditlog.h"
#include "fleet.h"
#include "fleetsimulator.h"
#include "jsonwriter.h"
#include "pipeline.h"
#include "provisionvalidator.h"
#include "silences.h"
#include "simclock.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
constexpr qsizetype MaxBodyBytes = 1024 * 1024;
constexpr size_t MaxRequestLog = 1000;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QString faultCode(int status)
{
    switch (status) {
    case 429:
        return u"rate_limited"_s;
    case 500:
        return u"internal_error"_s;
    case 502:
        return u"bad_gateway"_s;
    case 503:
        return u"unavailable"_s;
    case 504:
        return u"gateway_timeout"_s;
    default:
        return u"simulated_fault"_s;
    }
}

bool isPercent(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0.0 &&
           v.toDouble() <= 100.0;
}

QByteArray encodeCursor(qint64 seq)
{
    return QByteArray("seq:" + QByteArray::number(seq))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<qint64> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("seq:"))
        return std::nullopt;
    bool ok = false;
    const qint64 seq = decoded.decoded.mid(4).toLongLong(&ok);
    if (!ok || seq <= 0)
        return std::nullopt;
    return seq;
}
} // namespace

ApiServer::ApiServer(const TokenStore &tokens, Fleet &fleet, Pipeline &pipeline,
                     FleetSimulator &simulator, Silences &silences, const AuditLog &audit,
                     SimClock &clock, bool simAdminEnabled, FeatureSet features, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_tokens(tokens)
    , m_fleet(fleet)
    , m_pipeline(pipeline)
    , m_simulator(simulator)
    , m_silences(silences)
    , m_audit(audit)
    , m_clock(clock)
    , m_simAdmin(simAdminEnabled)
    , m_features(features)
{}

QByteArray ApiServer::header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    Call call;
    call.method = methodName(request.method());
    call.path = request.url().path();
    call.segments = call.path.split(u'/', Qt::SkipEmptyParts);
    call.request = &request;
    const QByteArray auth = header(request, "Authorization");
    if (auth.startsWith("Bearer "))
        call.token = m_tokens.lookup(auth.mid(7).trimmed());

    const bool isAdminCall = !call.segments.isEmpty() && call.segments.first() == u"sim";
    Response response;
    qint64 latencyMs = 0;
    bool faulted = false;
    if (!isAdminCall) {
        for (qsizetype i = 0; i < m_faults.size(); ++i) {
            Fault &f = m_faults[i];
            if (!call.path.startsWith(f.pathPrefix) ||
                (!f.method.isEmpty() && f.method != call.method))
                continue;
            latencyMs = f.latencyMs;
            if (f.status != 0) {
                response = error(f.status, faultCode(f.status),
                                 u"simulated fault (HTTP %1)"_s.arg(f.status));
                if (!f.retryAfter.isEmpty())
                    response.headers.emplaceBack("Retry-After", f.retryAfter);
                faulted = true;
            }
            if (f.remaining && --*f.remaining <= 0)
                m_faults.removeAt(i);
            break;
        }
    }
    if (!faulted) {
        if (request.body().size() > MaxBodyBytes)
            response = error(413, u"payload_too_large"_s, u"request body exceeds 1 MiB"_s);
        else
            response = route(call);
    }
    if (!isAdminCall)
        record(call, response.status);

    const bool closeAfter =
        header(request, "Connection").compare("close", Qt::CaseInsensitive) == 0;
    if (closeAfter)
        response.headers.emplaceBack("Connection", "close");
    if (latencyMs <= 0) {
        write(socket, response);
        if (closeAfter)
            socket->disconnectFromHost();
        return true;
    }
    // Delayed answer; if the client gives up first, the socket (the timer's context) is gone.
    QPointer<QTcpSocket> guarded(socket);
    QTimer::singleShot(std::chrono::milliseconds(latencyMs), socket,
                       [this, guarded, response, closeAfter] {
                           if (!guarded)
                               return;
                           write(guarded, response);
                           if (closeAfter)
                               guarded->disconnectFromHost();
                       });
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    write(socket, error(404, u"not_found"_s, u"no such endpoint"_s));
}

void ApiServer::write(QTcpSocket *socket, const Response &r) const
{
    QByteArray out;
    out.reserve(r.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    out += "Date: " + SimClock::httpDate(m_clock.nowMs()) + "\r\n";
    bool hasContentType = false;
    for (const auto &[key, value] : r.headers) {
        out += key + ": " + value + "\r\n";
        hasContentType |= key.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    const bool bodyless = r.status == 204 || r.status == 304;
    if (!bodyless) {
        if (!hasContentType)
            out += "Content-Type: application/json; charset=utf-8\r\n";
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    }
    out += "\r\n";
    if (!bodyless)
        out += r.body;
    socket->write(out);
}

ApiServer::Response ApiServer::json(int status, const QByteArray &body) const
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

ApiServer::Response ApiServer::error(int status, const QString &code, const QString &message,
                                     const QMap<QString, QString> &fields) const
{
    JsonWriter w;
    w.beginObject().key("error").beginObject();
    w.key("code").value(QStringView(code));
    w.key("message").value(QStringView(message));
    if (!fields.isEmpty()) {
        w.key("fields").beginObject();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            w.key(it.key()).value(QStringView(it.value()));
        w.endObject();
    }
    w.endObject().endObject();
    Response r = json(status, w.take());
    if (status == 401)
        r.headers.emplaceBack("WWW-Authenticate", "Bearer realm=\"prego-control-plane\"");
    return r;
}

ApiServer::Response ApiServer::methodNotAllowed(const QByteArray &allow) const
{
    Response r = error(405, u"method_not_allowed"_s, u"method not allowed on this endpoint"_s);
    r.headers.emplaceBack("Allow", allow);
    return r;
}

ApiServer::Response ApiServer::refuseRole(Role role, const QString &what) const
{
    return error(403, u"forbidden"_s,
                 u"this token's role (%1) may not %2"_s.arg(roleName(role), what));
}

std::optional<ApiServer::Response> ApiServer::refuseUnlessEnabled(Feature feature) const
{
    if (m_features.contains(feature))
        return std::nullopt;
    return error(404, u"not_found"_s,
                 u"this control plane does not offer %1"_s.arg(FeatureSet::name(feature)));
}

std::optional<ApiServer::Response> ApiServer::parseBody(const Call &call, QJsonObject *out) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request->body(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(
            400, u"invalid_json"_s,
            u"request body is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                .arg(parseError.offset));
    if (!doc.isObject())
        return error(422, u"validation_failed"_s, u"request body must be a JSON object"_s,
                     {{u"body"_s, u"must be a JSON object"_s}});
    *out = doc.object();
    return std::nullopt;
}

ApiServer::Response ApiServer::route(Call &call)
{
    if (call.segments.isEmpty())
        return error(404, u"not_found"_s, u"no such endpoint"_s);
    if (call.segments.first() == u"internal") {
        if (!call.token)
            return error(401, u"unauthorized"_s, u"missing or invalid bearer token"_s);
        return routeInternal(call);
    }
    if (call.segments.first() == u"sim" && m_simAdmin) {
        if (!call.token)
            return error(401, u"unauthorized"_s, u"missing or invalid bearer token"_s);
        if (call.token->role != Role::Operator)
            return error(403, u"forbidden"_s,
                         u"the /sim/ admin endpoints need an operator token"_s);
        return routeSim(call);
    }
    return error(404, u"not_found"_s, u"no such endpoint"_s);
}

ApiServer::Response ApiServer::routeInternal(Call &call)
{
    const QList<QString> &s = call.segments;
    const Role role = call.token->role;
    auto forbidden = [this, role](const QString &what) {
        return refuseRole(role, what);
    };
    const bool isGet = call.method == "GET";
    const bool isPost = call.method == "POST";

    if (s.size() == 2 && s[1] == u"whoami") {
        if (!isGet)
            return methodNotAllowed("GET");
        return whoami(call);
    }
    if (s.size() == 2 && s[1] == u"nodes") {
        if (isGet)
            return role == Role::Agent ? forbidden(u"read nodes"_s) : listNodes(call);
        if (isPost)
            return role == Role::Operator ? registerNode(call) : forbidden(u"register nodes"_s);
        return methodNotAllowed("GET, POST");
    }
    if (s.size() == 3 && s[1] == u"nodes") {
        if (!isGet)
            return methodNotAllowed("GET");
        return role == Role::Agent ? forbidden(u"read nodes"_s) : getNode(s[2]);
    }
    if (s.size() == 2 && s[1] == u"server-metrics") {
        if (!isPost)
            return methodNotAllowed("POST");
        return role == Role::Viewer ? forbidden(u"push metrics"_s) : pushMetrics(call);
    }
    if (s.size() == 2 && s[1] == u"provision-tenant") {
        if (!isPost)
            return methodNotAllowed("POST");
        return role == Role::Operator ? provision(call) : forbidden(u"provision tenants"_s);
    }
    if (s.size() == 2 && s[1] == u"provision-jobs") {
        if (!isGet)
            return methodNotAllowed("GET");
        return role == Role::Agent ? forbidden(u"read provisioning jobs"_s) : listJobs(call);
    }
    if (s.size() == 3 && s[1] == u"provision-jobs") {
        if (!isGet)
            return methodNotAllowed("GET");
        return role == Role::Agent ? forbidden(u"read provisioning jobs"_s) : getJob(s[2]);
    }
    if (s.size() == 4 && s[1] == u"provision-jobs" && s[3] == u"retry") {
        if (!isPost)
            return methodNotAllowed("POST");
        return role == Role::Operator ? retryJob(call, s[2]) : forbidden(u"retry jobs"_s);
    }
    if ((s.size() == 2 || s.size() == 3) && s[1] == u"silences")
        return routeSilences(call);
    return error(404, u"not_found"_s, u"no such endpoint"_s);
}

ApiServer::Response ApiServer::routeSilences(const Call &call)
{
    // Before the role: a run without the capability answers as if the path did not exist.
    if (auto refused = refuseUnlessEnabled(Feature::Silences))
        return *refused;
    const Role role = call.token->role;
    if (call.segments.size() == 2) {
        if (call.method == "GET")
            return role == Role::Agent ? refuseRole(role, u"read silences"_s) : listSilences(call);
        if (call.method == "POST")
            return role == Role::Operator ? createSilence(call)
                                          : refuseRole(role, u"set silences"_s);
        return methodNotAllowed("GET, POST");
    }
    if (call.method != "DELETE")
        return methodNotAllowed("DELETE");
    return role == Role::Operator ? endSilence(call, call.segments[2])
                                  : refuseRole(role, u"end silences"_s);
}

ApiServer::Response ApiServer::whoami(const Call &call)
{
    JsonWriter w;
    w.beginObject();
    w.key("token_name").value(QStringView(call.token->name));
    w.key("role").value(QStringView(roleName(call.token->role)));
    if (!call.token->boundNodeId.isEmpty())
        w.key("node_id").value(QStringView(call.token->boundNodeId));
    w.key("server_time").value(QStringView(SimClock::rfc3339(m_clock.nowMs())));
    w.key("features").beginArray();
    for (const QString &name : m_features.names())
        w.value(QStringView(name));
    w.endArray();
    w.endObject();
    return json(200, w.take());
}

ApiServer::Response ApiServer::listNodes(const Call &call)
{
    const QUrlQuery query = call.request->query();
    Fleet::Filter filter;
    filter.placement = query.queryItemValue(u"placement"_s);
    filter.region = query.queryItemValue(u"region"_s);
    filter.status = query.queryItemValue(u"status"_s);
    QMap<QString, QString> fields;
    if (!filter.placement.isEmpty() && filter.placement != u"shared" &&
        filter.placement != u"dedicated")
        fields.insert(u"placement"_s, u"must be shared or dedicated"_s);
    if (!filter.region.isEmpty() && !ProvisionValidator::isKnownRegion(filter.region))
        fields.insert(u"region"_s, u"unknown region"_s);
    static const QStringList statuses{u"provisioning"_s, u"active"_s, u"draining"_s, u"retired"_s};
    if (!filter.status.isEmpty() && !statuses.contains(filter.status))
        fields.insert(u"status"_s, u"must be provisioning, active, draining or retired"_s);
    if (!fields.isEmpty())
        return error(422, u"validation_failed"_s, u"invalid filter"_s, fields);

    const QByteArray filterKey =
        (filter.placement + u'|' + filter.region + u'|' + filter.status).toUtf8();
    const QByteArray etag = "\"n" + QByteArray::number(m_fleet.version()) + '-' +
                            QByteArray::number(qHash(filterKey), 16) + '"';
    const QByteArray ifNoneMatch = header(*call.request, "If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
        const QList<QByteArray> tags = ifNoneMatch.split(',');
        for (const QByteArray &tag : tags) {
            const QByteArray t = tag.trimmed();
            if (t == etag || t == "W/" + etag || t == "*") {
                Response r;
                r.status = 304;
                r.headers.emplaceBack("ETag", etag);
                return r;
            }
        }
    }
    QByteArray body = "{\"server_time\":";
    JsonWriter::appendEscaped(body, SimClock::rfc3339(m_clock.nowMs()));
    body += ",\"nodes\":";
    body += m_fleet.nodesJsonArray(filter);
    body += '}';
    Response r = json(200, body);
    r.headers.emplaceBack("ETag", etag);
    r.headers.emplaceBack("Cache-Control", "no-cache");
    return r;
}

ApiServer::Response ApiServer::getNode(const QString &nodeId)
{
    const QByteArray body = m_fleet.nodeJson(nodeId);
    if (body.isEmpty())
        return error(404, u"not_found"_s, u"no node with id %1"_s.arg(nodeId));
    return json(200, body);
}

ApiServer::Response ApiServer::registerNode(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    QMap<QString, QString> fields;
    NodeRecord n;
    auto requiredString = [&](const char *name, QString *out) {
        const QJsonValue v = body.value(QLatin1StringView(name));
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 253)
            fields.insert(QString::fromLatin1(name), u"required string"_s);
        else
            *out = v.toString();
    };
    auto optionalString = [&](const char *name, std::optional<QString> *out) {
        const QJsonValue v = body.value(QLatin1StringView(name));
        if (v.isString() && !v.toString().isEmpty())
            *out = v.toString();
        else if (!v.isNull() && !v.isUndefined())
            fields.insert(QString::fromLatin1(name), u"must be a non-empty string or null"_s);
    };
    requiredString("node_id", &n.nodeId);
    requiredString("hostname", &n.hostname);
    requiredString("ipv4", &n.ipv4);
    requiredString("region", &n.region);
    requiredString("placement", &n.placement);
    requiredString("role", &n.role);
    optionalString("tenant_id", &n.tenantId);
    optionalString("stack", &n.stack);
    if (!n.nodeId.isEmpty() && !ProvisionValidator::isValidNodeId(n.nodeId))
        fields.insert(u"node_id"_s, u"must match [a-z0-9-]{1,63}"_s);
    if (!n.ipv4.isEmpty()) {
        QHostAddress address;
        if (!address.setAddress(n.ipv4) || address.protocol() != QAbstractSocket::IPv4Protocol)
            fields.insert(u"ipv4"_s, u"must be an IPv4 address"_s);
    }
    if (!n.region.isEmpty() && !ProvisionValidator::isKnownRegion(n.region))
        fields.insert(u"region"_s, u"unknown region"_s);
    if (!n.placement.isEmpty() && n.placement != u"shared" && n.placement != u"dedicated")
        fields.insert(u"placement"_s, u"must be shared or dedicated"_s);
    static const QStringList roles{u"shared"_s, u"app"_s, u"db"_s, u"redis"_s};
    if (!n.role.isEmpty() && !roles.contains(n.role))
        fields.insert(u"role"_s, u"must be shared, app, db or redis"_s);
    if (n.placement == u"shared" && !n.role.isEmpty() && n.role != u"shared")
        fields.insert(u"role"_s, u"a shared node has role shared"_s);
    if (n.placement == u"dedicated" && n.role == u"shared")
        fields.insert(u"role"_s, u"a dedicated node has role app, db or redis"_s);
    if (n.placement == u"dedicated" && !n.tenantId)
        fields.insert(u"tenant_id"_s, u"required for a dedicated node"_s);
    if (n.tenantId && !ProvisionValidator::isValidTenantId(*n.tenantId))
        fields.insert(u"tenant_id"_s, u"invalid tenant id"_s);
    const QJsonValue accepts = body.value(u"accepts_tenants");
    if (!accepts.isBool())
        fields.insert(u"accepts_tenants"_s, u"must be true or false"_s);
    else
        n.acceptsTenants = accepts.toBool();
    const QJsonValue status = body.value(u"status");
    static const QStringList statuses{u"provisioning"_s, u"active"_s, u"draining"_s, u"retired"_s};
    if (status.isString() && statuses.contains(status.toString()))
        n.status = status.toString();
    else if (!status.isUndefined() && !status.isNull())
        fields.insert(u"status"_s, u"must be provisioning, active, draining or retired"_s);
    if (!fields.isEmpty())
        return error(422, u"validation_failed"_s, u"the node is not valid"_s, fields);

    switch (m_fleet.registerNode(n, m_clock.nowMs())) {
    case Fleet::RegisterResult::Created:
        return json(201, m_fleet.nodeJson(n.nodeId));
    case Fleet::RegisterResult::AlreadyRegistered:
        return json(200, m_fleet.nodeJson(n.nodeId));
    case Fleet::RegisterResult::Conflict:
        break;
    }
    return error(409, u"node_exists"_s,
                 u"node %1 is already registered with different attributes"_s.arg(n.nodeId));
}

ApiServer::Response ApiServer::pushMetrics(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    QMap<QString, QString> fields;
    const QJsonValue nodeIdValue = body.value(u"node_id");
    const QString nodeId = nodeIdValue.toString();
    if (!nodeIdValue.isString() || !ProvisionValidator::isValidNodeId(nodeId))
        fields.insert(u"node_id"_s, u"must match [a-z0-9-]{1,63}"_s);
    Metrics m;
    auto percent = [&](const char16_t *name, std::optional<double> *out) {
        const QJsonValue v = body.value(QStringView(name));
        if (v.isNull() || v.isUndefined())
            return;
        if (!isPercent(v))
            fields.insert(QString::fromUtf16(name), u"must be a number from 0 to 100, or null"_s);
        else
            *out = v.toDouble();
    };
    percent(u"cpu_pct", &m.cpuPct);
    percent(u"memory_pct", &m.memoryPct);
    percent(u"disk_pct", &m.diskPct);
    const QJsonValue tenants = body.value(u"tenant_count");
    if (!tenants.isNull() && !tenants.isUndefined()) {
        const double d = tenants.toDouble(-1);
        if (!tenants.isDouble() || d < 0 || d > 1e9 || std::floor(d) != d)
            fields.insert(u"tenant_count"_s, u"must be an integer >= 0, or null"_s);
        else
            m.tenantCount = qint64(d);
    }
    if (!fields.isEmpty())
        return error(422, u"validation_failed"_s, u"the metrics are not valid"_s, fields);
    if (!call.token->boundNodeId.isEmpty() && call.token->boundNodeId != nodeId)
        return error(
            403, u"forbidden"_s,
            u"this agent token may only push metrics for node %1"_s.arg(call.token->boundNodeId));
    m.updatedAtMs = m_clock.nowMs();
    if (!m_fleet.pushMetrics(nodeId, m))
        return error(404, u"not_found"_s, u"no node with id %1"_s.arg(nodeId));
    ++m_metricPushes;
    Response r;
    r.status = 204;
    return r;
}

ApiServer::Response ApiServer::provision(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    const Pipeline::Outcome outcome =
        m_pipeline.submit(body, header(*call.request, "Idempotency-Key"), call.token->name);
    if (!outcome.errorCode.isEmpty())
        return error(outcome.httpStatus, outcome.errorCode, outcome.message, outcome.fields);
    return json(outcome.httpStatus, Pipeline::toJson(*outcome.job, true));
}

ApiServer::Response ApiServer::listJobs(const Call &call)
{
    const QUrlQuery query = call.request->query();
    QMap<QString, QString> fields;
    const QString status = query.queryItemValue(u"status"_s);
    static const QStringList statuses{u"Queued"_s, u"Running"_s, u"Completed"_s, u"Failed"_s};
    if (!status.isEmpty() && !statuses.contains(status))
        fields.insert(u"status"_s, u"must be Queued, Running, Completed or Failed"_s);
    int limit = 50;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 200)
            fields.insert(u"limit"_s, u"must be an integer from 1 to 200"_s);
    }
    qint64 beforeSeq = 0;
    const QString cursor = query.queryItemValue(u"cursor"_s);
    if (!cursor.isEmpty()) {
        if (auto seq = decodeCursor(cursor))
            beforeSeq = *seq;
        else
            fields.insert(u"cursor"_s, u"not a cursor returned by this endpoint"_s);
    }
    if (!fields.isEmpty())
        return error(422, u"validation_failed"_s, u"invalid query"_s, fields);

    bool hasMore = false;
    const QList<const Job *> jobs =
        m_pipeline.list(status, query.queryItemValue(u"tenant_id"_s), limit, beforeSeq, &hasMore);
    QByteArray body = "{\"server_time\":";
    JsonWriter::appendEscaped(body, SimClock::rfc3339(m_clock.nowMs()));
    body += ",\"jobs\":[";
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (i > 0)
            body += ',';
        body += Pipeline::toJson(*jobs[i], false);
    }
    body += "],\"next_cursor\":";
    if (hasMore && !jobs.isEmpty())
        body += '"' + encodeCursor(jobs.last()->seq) + '"';
    else
        body += "null";
    body += '}';
    return json(200, body);
}

ApiServer::Response ApiServer::getJob(const QString &jobId)
{
    const Job *job = m_pipeline.job(jobId);
    if (!job)
        return error(404, u"not_found"_s, u"no job with id %1"_s.arg(jobId));
    return json(200, Pipeline::toJson(*job, true));
}

ApiServer::Response ApiServer::retryJob(const Call &call, const QString &jobId)
{
    const Pipeline::Outcome outcome = m_pipeline.retry(jobId, call.token->name);
    if (!outcome.errorCode.isEmpty())
        return error(outcome.httpStatus, outcome.errorCode, outcome.message);
    return json(outcome.httpStatus, Pipeline::toJson(*outcome.job, true));
}

ApiServer::Response ApiServer::listSilences(const Call &call)
{
    const QUrlQuery query = call.request->query();
    const QString active = query.queryItemValue(u"active"_s);
    if (query.hasQueryItem(u"active"_s) && active != u"true" && active != u"false")
        return error(422, u"validation_failed"_s, u"invalid query"_s,
                     {{u"active"_s, u"must be true or false"_s}});
    QByteArray body = "{\"server_time\":";
    JsonWriter::appendEscaped(body, SimClock::rfc3339(m_clock.nowMs()));
    body += ",\"silences\":[";
    const QList<const SilenceRecord *> silences = m_silences.list(active == u"true");
    for (qsizetype i = 0; i < silences.size(); ++i) {
        if (i > 0)
            body += ',';
        body += Silences::toJson(*silences[i]);
    }
    body += "]}";
    return json(200, body);
}

ApiServer::Response ApiServer::createSilence(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    const Silences::Outcome outcome = m_silences.create(body, call.token->name);
    if (!outcome.errorCode.isEmpty())
        return error(outcome.httpStatus, outcome.errorCode, outcome.message, outcome.fields);
    return json(outcome.httpStatus, Silences::toJson(*outcome.silence));
}

ApiServer::Response ApiServer::endSilence(const Call &call, const QString &silenceId)
{
    const Silences::Outcome outcome = m_silences.end(silenceId, call.token->name);
    if (!outcome.errorCode.isEmpty())
        return error(outcome.httpStatus, outcome.errorCode, outcome.message);
    return json(outcome.httpStatus, Silences::toJson(*outcome.silence));
}

ApiServer::Response ApiServer::routeSim(Call &call)
{
    const QList<QString> &s = call.segments;
    if (s.size() == 2 && s[1] == u"faults") {
        if (call.method == "POST")
            return simAddFault(call);
        if (call.method == "DELETE") {
            m_faults.clear();
            Response r;
            r.status = 204;
            return r;
        }
    }
    if (s.size() == 2 && s[1] == u"fleet" && call.method == "POST")
        return simFleet(call);
    if (s.size() == 3 && s[1] == u"nodes" && call.method == "POST")
        return simNode(call, s[2]);
    if (s.size() == 2 && s[1] == u"fail-stage" && call.method == "POST")
        return simFailStage(call);
    if (s.size() == 2 && s[1] == u"clock" && call.method == "POST")
        return simClock(call);
    if (s.size() == 2 && s[1] == u"requests" && call.method == "GET")
        return simRequests(call);
    if (s.size() == 2 && s[1] == u"stats" && call.method == "GET")
        return simStats();
    if (s.size() == 2 && s[1] == u"audit" && call.method == "GET")
        return simAudit(call);
    return error(404, u"not_found"_s, u"no such admin endpoint"_s);
}

ApiServer::Response ApiServer::simAddFault(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    Fault f;
    f.id = m_nextFaultId++;
    f.pathPrefix = body.value(u"path_prefix").toString(u"/internal/"_s);
    f.method = body.value(u"method").toString().toUpper().toLatin1();
    f.status = body.value(u"status").toInt(0);
    f.latencyMs = qint64(body.value(u"latency_ms").toDouble(0));
    if (body.value(u"count").isDouble())
        f.remaining = body.value(u"count").toInt();
    const QJsonValue retryAfter = body.value(u"retry_after");
    if (retryAfter.isString())
        f.retryAfter = retryAfter.toString().toLatin1();
    else if (retryAfter.isDouble())
        f.retryAfter = QByteArray::number(retryAfter.toInteger());
    if ((f.status != 0 && (f.status < 400 || f.status > 599)) || f.latencyMs < 0 ||
        (f.status == 0 && f.latencyMs == 0))
        return error(422, u"validation_failed"_s, u"a fault needs a 4xx/5xx status or a latency"_s,
                     {{u"status"_s, u"4xx or 5xx, or 0 with latency_ms"_s}});
    m_faults.append(f);
    JsonWriter w;
    w.beginObject().key("fault_id").value(f.id).endObject();
    return json(201, w.take());
}

ApiServer::Response ApiServer::simFleet(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    if (!body.value(u"pushing").isBool())
        return error(422, u"validation_failed"_s, u"invalid request"_s,
                     {{u"pushing"_s, u"must be true or false"_s}});
    m_simulator.setAllPushing(body.value(u"pushing").toBool());
    Response r;
    r.status = 204;
    return r;
}

ApiServer::Response ApiServer::simNode(const Call &call, const QString &nodeId)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    if (!m_fleet.node(nodeId))
        return error(404, u"not_found"_s, u"no node with id %1"_s.arg(nodeId));
    if (body.value(u"pushing").isBool()) {
        const bool pushing = body.value(u"pushing").toBool();
        if (!m_simulator.setPushing(nodeId, pushing) && pushing)
            m_simulator.startAgent(nodeId, 0);
    }
    if (body.value(u"last_push_age_seconds").isDouble()) {
        const qint64 ageMs = qint64(body.value(u"last_push_age_seconds").toDouble() * 1000);
        if (!m_fleet.setUpdatedAt(nodeId, m_clock.nowMs() - ageMs))
            return error(409, u"never_reported"_s,
                         u"node %1 has never pushed metrics"_s.arg(nodeId));
    }
    Response r;
    r.status = 204;
    return r;
}

ApiServer::Response ApiServer::simFailStage(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    const QString stage = body.value(u"stage").toString();
    const QStringList all = Pipeline::stageNames(u"shared-new"_s) + QStringList{u"resolve_host"_s};
    if (!all.contains(stage))
        return error(422, u"validation_failed"_s, u"unknown stage"_s,
                     {{u"stage"_s, u"unknown stage"_s}});
    m_pipeline.addFailStage({stage, body.value(u"tenant_glob").toString()});
    Response r;
    r.status = 204;
    return r;
}

ApiServer::Response ApiServer::simClock(const Call &call)
{
    QJsonObject body;
    if (auto bad = parseBody(call, &body))
        return *bad;
    m_clock.setOffsetSeconds(body.value(u"offset_seconds").toInteger());
    Response r;
    r.status = 204;
    return r;
}

ApiServer::Response ApiServer::simRequests(const Call &call)
{
    const QString prefix = call.request->query().queryItemValue(u"path_prefix"_s);
    QJsonArray out;
    for (const QJsonObject &entry : m_requestLog) {
        if (prefix.isEmpty() || entry.value(u"path").toString().startsWith(prefix))
            out.append(entry);
    }
    return json(200,
                QJsonDocument(QJsonObject{{u"requests"_s, out}}).toJson(QJsonDocument::Compact));
}

ApiServer::Response ApiServer::simStats()
{
    JsonWriter w;
    w.beginObject();
    w.key("requests").value(m_requests);
    w.key("metric_pushes_accepted").value(m_metricPushes);
    w.key("simulated_pushes").value(m_simulator.pushesSimulated());
    w.key("jobs").value(qint64(m_pipeline.jobCount()));
    w.key("nodes").value(qint64(m_fleet.nodes().size()));
    w.endObject();
    return json(200, w.take());
}

ApiServer::Response ApiServer::simAudit(const Call &call)
{
    const QUrlQuery query = call.request->query();
    const QList<AuditEntry> rows =
        m_audit.rows(query.queryItemValue(u"action"_s), query.queryItemValue(u"subject"_s));
    JsonWriter w;
    w.beginObject().key("audit").beginArray();
    for (const AuditEntry &row : rows) {
        w.beginObject();
        w.key("at").value(QStringView(SimClock::rfc3339(row.atMs)));
        w.key("actor").value(QStringView(row.actor));
        w.key("action").value(QStringView(row.action));
        w.key("subject").value(QStringView(row.subject));
        w.key("detail").value(QStringView(row.detail));
        w.endObject();
    }
    w.endArray().endObject();
    return json(200, w.take());
}

void ApiServer::record(const Call &call, int status)
{
    // Never the Authorization header: only the token's name.
    QJsonObject entry;
    entry[u"at"] = SimClock::rfc3339(m_clock.nowMs());
    entry[u"method"] = QString::fromLatin1(call.method);
    entry[u"path"] = call.path;
    entry[u"query"] = call.request->query().toString();
    entry[u"token_name"] = call.token ? QJsonValue(call.token->name) : QJsonValue();
    const QByteArray key = header(*call.request, "Idempotency-Key");
    entry[u"idempotency_key"] = key.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(key));
    const QByteArray body = call.request->body();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isNull())
        entry[u"body"] = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    else if (!body.isEmpty())
        entry[u"body"] = QString::fromUtf8(body.left(4096));
    entry[u"status"] = status;
    m_requestLog.push_back(entry);
    while (m_requestLog.size() > MaxRequestLog)
        m_requestLog.pop_front();
}

} // namespace prego::sim
