#include "provisionvalidator.h"

#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace prego::sim {

const QStringList &ProvisionValidator::regions()
{
    static const QStringList all{u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s};
    return all;
}

bool ProvisionValidator::isKnownRegion(const QString &region)
{
    return regions().contains(region);
}

bool ProvisionValidator::isValidTenantId(const QString &tenantId)
{
    // anchoredPattern (\A…\z), not ^…$: '$' also matches before a final newline, so "acme\n"
    // would pass. Likewise below.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9._-]{0,62}"_s));
    return pattern.match(tenantId).hasMatch();
}

bool ProvisionValidator::isValidNodeId(const QString &nodeId)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(u"[a-z0-9-]{1,63}"_s));
    return pattern.match(nodeId).hasMatch();
}

bool ProvisionValidator::isUuid(const QString &text)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        u"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"_s));
    return pattern.match(text).hasMatch();
}

QString ProvisionValidator::sanitizeTenantId(const QString &tenantId)
{
    static const QRegularExpression separators(u"[._-]+"_s);
    static const QRegularExpression edgeDashes(u"^-+|-+$"_s);
    QString s = tenantId.toLower();
    s.replace(separators, u"-"_s);
    s.remove(edgeDashes);
    s.truncate(48);
    s.remove(edgeDashes);
    return s;
}

ProvisionValidator::Result ProvisionValidator::parse(const QJsonObject &body)
{
    static const QRegularExpression traceId(QRegularExpression::anchoredPattern(u"[0-9a-f]{32}"_s));

    Result r;
    ProvisionRequest &req = r.request;

    const QJsonValue jobId = body.value(u"job_id");
    if (!jobId.isString() || !isUuid(jobId.toString()))
        r.fields.insert(u"job_id"_s, u"must be a UUID"_s);
    else
        req.jobId = jobId.toString();

    const QJsonValue tenant = body.value(u"tenant_id");
    if (!tenant.isString() || !isValidTenantId(tenant.toString()))
        r.fields.insert(u"tenant_id"_s,
                        u"must be 1-63 of [A-Za-z0-9._-], starting with a letter or digit"_s);
    else
        req.tenantId = tenant.toString();

    const QJsonValue region = body.value(u"region");
    if (!region.isString() || !isKnownRegion(region.toString()))
        r.fields.insert(u"region"_s, u"must be one of %1"_s.arg(regions().join(u", ")));
    else
        req.region = region.toString();

    const QJsonValue createNew = body.value(u"create_new_server");
    if (!createNew.isBool())
        r.fields.insert(u"create_new_server"_s, u"must be true or false"_s);
    else
        req.createNewServer = createNew.toBool();

    const QJsonValue dedicated = body.value(u"dedicated");
    if (!dedicated.isBool())
        r.fields.insert(u"dedicated"_s, u"must be true or false"_s);
    else
        req.dedicated = dedicated.toBool();

    const QJsonValue target = body.value(u"target_server_id");
    if (target.isString()) {
        if (!isValidNodeId(target.toString()))
            r.fields.insert(u"target_server_id"_s, u"must be a node id ([a-z0-9-]{1,63})"_s);
        else
            req.targetServerId = target.toString();
    } else if (!target.isNull() && !target.isUndefined()) {
        r.fields.insert(u"target_server_id"_s, u"must be a node id or null"_s);
    }

    const QJsonValue trace = body.value(u"trace_id");
    if (trace.isString()) {
        // W3C Trace Context: an all-zero trace id is invalid (the console refuses it too).
        if (!traceId.match(trace.toString()).hasMatch() || trace.toString() == QString(32, u'0'))
            r.fields.insert(u"trace_id"_s,
                            u"must be 32 lowercase hexadecimal characters, not all zero"_s);
        else
            req.traceId = trace.toString();
    } else if (!trace.isNull() && !trace.isUndefined()) {
        r.fields.insert(u"trace_id"_s, u"must be a string or null"_s);
    }

    if (!r.fields.isEmpty())
        return r;

    // The three valid shapes.
    if (req.dedicated) {
        if (!req.createNewServer)
            r.fields.insert(u"create_new_server"_s, u"must be true when dedicated is true"_s);
        if (req.targetServerId)
            r.fields.insert(u"target_server_id"_s, u"must be null when dedicated is true"_s);
    } else if (req.createNewServer) {
        if (req.targetServerId)
            r.fields.insert(u"target_server_id"_s,
                            u"must be null when create_new_server is true"_s);
    } else if (!req.targetServerId) {
        r.fields.insert(u"target_server_id"_s, u"is required when create_new_server is false"_s);
    }
    return r;
}

} // namespace prego::sim
