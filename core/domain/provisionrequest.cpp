#include "provisionrequest.h"

#include "types/node.h"

#include "tenantid.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
void appendJsonString(QByteArray &out, const QString &value)
{
    out.append('"');
    for (const char c : value.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00").append(hex[u >> 4]).append(hex[u & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

bool isLowerHex(QStringView s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

} // namespace

ProvisionRequest ProvisionRequest::create(Path path)
{
    ProvisionRequest r;
    r.path = path;
    r.jobId = newJobId();
    r.traceId = newTraceId();
    return r;
}

QString ProvisionRequest::newJobId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

QString ProvisionRequest::newTraceId()
{
    // W3C trace ids must not be all zeros; 128 random bits never are in practice, but be exact.
    QString id;
    do {
        quint32 words[4];
        QRandomGenerator::system()->fillRange(words);
        id = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
    } while (id == QString(32, u'0'));
    return id;
}

bool ProvisionRequest::isValidJobId(const QString &jobId)
{
    const QUuid uuid = QUuid::fromString(jobId);
    return !uuid.isNull() && jobId.size() == 36 &&
           uuid.toString(QUuid::WithoutBraces) == jobId.toLower();
}

bool ProvisionRequest::isValidTraceId(const QString &traceId)
{
    return traceId.size() == 32 && isLowerHex(traceId) && traceId != QString(32, u'0');
}

const QStringList &ProvisionRequest::regions()
{
    static const QStringList all{u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s};
    return all;
}

QString ProvisionRequest::pathKey(Path path)
{
    switch (path) {
    case Path::SharedExisting:
        return u"shared-existing"_s;
    case Path::SharedNew:
        return u"shared-new"_s;
    case Path::Dedicated:
        return u"dedicated"_s;
    }
    return {};
}

std::optional<ProvisionRequest::Path> ProvisionRequest::pathFromKey(QStringView key)
{
    if (key == u"shared-existing")
        return Path::SharedExisting;
    if (key == u"shared-new")
        return Path::SharedNew;
    if (key == u"dedicated")
        return Path::Dedicated;
    return std::nullopt;
}

QMap<QString, QString> ProvisionRequest::validate() const
{
    QMap<QString, QString> fields;
    if (tenantId.isEmpty())
        fields.insert(u"tenant_id"_s, tr("Enter a tenant id."));
    else if (!TenantId::isValid(tenantId))
        fields.insert(u"tenant_id"_s, tr("A tenant id has 1 to 63 letters, digits, dots, "
                                         "underscores or hyphens and starts with a letter or "
                                         "digit."));
    else if (path == Path::Dedicated && TenantId::sanitize(tenantId).isEmpty())
        fields.insert(u"tenant_id"_s, tr("This tenant id gives an empty stack name."));

    const QString regionList = regions().join(u", ");
    if (region.isEmpty())
        fields.insert(u"region"_s, tr("Choose a region: %1.").arg(regionList));
    else if (!regions().contains(region))
        fields.insert(u"region"_s,
                      tr("%1 is not a known region; choose one of %2.").arg(region, regionList));

    if (path == Path::SharedExisting) {
        if (targetServerId.isEmpty())
            fields.insert(u"target_server_id"_s, tr("Choose the node that receives the tenant."));
        else if (!Node::isValidId(targetServerId))
            fields.insert(u"target_server_id"_s,
                          tr("A node id has 1 to 63 lowercase letters, digits or hyphens."));
    } else if (!targetServerId.isEmpty()) {
        fields.insert(u"target_server_id"_s,
                      tr("Only a tenant on an existing node names a target node."));
    }

    if (!isValidJobId(jobId))
        fields.insert(u"job_id"_s, tr("The job id must be a UUID."));
    if (!traceId.isEmpty() && !isValidTraceId(traceId))
        fields.insert(u"trace_id"_s, tr("The trace id must be 32 lowercase hexadecimal digits."));
    return fields;
}

ProvisionRequest::Step ProvisionRequest::stepForField(QStringView field)
{
    if (field == u"tenant_id" || field == u"dedicated" || field == u"create_new_server")
        return Step::TenantAndPath;
    if (field == u"region" || field == u"target_server_id")
        return Step::Placement;
    return Step::Review; // job_id, trace_id, Idempotency-Key: not the operator's typing
}

QByteArray ProvisionRequest::toJson() const
{
    const bool existing = path == Path::SharedExisting;
    QByteArray out;
    out.reserve(256);
    out.append("{\"job_id\":");
    appendJsonString(out, jobId);
    out.append(",\"tenant_id\":");
    appendJsonString(out, tenantId);
    out.append(",\"region\":");
    appendJsonString(out, region);
    out.append(",\"create_new_server\":").append(existing ? "false" : "true");
    out.append(",\"target_server_id\":");
    if (existing)
        appendJsonString(out, targetServerId);
    else
        out.append("null");
    out.append(",\"dedicated\":").append(path == Path::Dedicated ? "true" : "false");
    out.append(",\"trace_id\":");
    if (traceId.isEmpty())
        out.append("null");
    else
        appendJsonString(out, traceId);
    out.append('}');
    return out;
}

std::optional<ProvisionRequest> ProvisionRequest::fromJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.value(u"job_id").isString() || !o.value(u"tenant_id").isString() ||
        !o.value(u"region").isString() || !o.value(u"create_new_server").isBool() ||
        !o.value(u"dedicated").isBool())
        return std::nullopt;
    ProvisionRequest r;
    r.jobId = o.value(u"job_id").toString();
    r.tenantId = o.value(u"tenant_id").toString();
    r.region = o.value(u"region").toString();
    r.targetServerId = o.value(u"target_server_id").toString();
    r.traceId = o.value(u"trace_id").toString();
    const bool createNew = o.value(u"create_new_server").toBool();
    const bool dedicated = o.value(u"dedicated").toBool();
    if (dedicated && createNew)
        r.path = Path::Dedicated;
    else if (!dedicated && createNew)
        r.path = Path::SharedNew;
    else if (!dedicated && !createNew)
        r.path = Path::SharedExisting;
    else
        return std::nullopt;
    return r;
}

std::optional<QString> ProvisionRequest::stack() const
{
    switch (path) {
    case Path::SharedExisting:
        return std::nullopt;
    case Path::SharedNew:
        return region;
    case Path::Dedicated:
        return TenantId::dedicatedStack(tenantId);
    }
    return std::nullopt;
}

int ProvisionRequest::serversCreated() const
{
    switch (path) {
    case Path::SharedExisting:
        return 0;
    case Path::SharedNew:
        return 1;
    case Path::Dedicated:
        return 3;
    }
    return 0;
}

QString ProvisionRequest::describe() const
{
    const QString stackName = stack().value_or(QString());
    switch (path) {
    case Path::SharedExisting:
        return tr("Place tenant %1 on the existing shared node %2 in %3. No server is created and "
                  "Pulumi does not run.")
            .arg(tenantId, targetServerId, region);
    case Path::SharedNew:
        return tr("Create one new shared server in %1 with Pulumi stack %2, register it as a node "
                  "and place tenant %3 on it. The new server costs money.")
            .arg(region, stackName, tenantId);
    case Path::Dedicated:
        return tr("Create three dedicated servers (app, db and redis) for tenant %1 in %2 with "
                  "Pulumi stack %3. The new servers cost money.")
            .arg(tenantId, region, stackName);
    }
    return {};
}

} // namespace prego
