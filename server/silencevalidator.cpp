#include "silencevalidator.h"

#include "fleet.h"
#include "provisionvalidator.h"
#include "simclock.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
bool isGiven(const QJsonValue &v)
{
    return !v.isUndefined() && !v.isNull();
}

// At most a few names in a message, so that 500 unknown ids do not make a 10 kB error.
QString someOf(const QStringList &names)
{
    constexpr qsizetype Shown = 5;
    if (names.size() <= Shown)
        return names.join(u", "_s);
    return u"%1 and %2 more"_s.arg(names.first(Shown).join(u", "_s)).arg(names.size() - Shown);
}
} // namespace

qsizetype SilenceValidator::characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

SilenceValidator::Result SilenceValidator::parse(const QJsonObject &body)
{
    Result r;
    SilenceRequest &req = r.request;

    const QJsonValue id = body.value(u"silence_id");
    if (!id.isString() || !ProvisionValidator::isUuid(id.toString()))
        r.fields.insert(u"silence_id"_s, u"must be a UUID"_s);
    else
        req.silenceId = id.toString();

    const QJsonValue nodeIds = body.value(u"node_ids");
    const QJsonValue region = body.value(u"region");
    if (isGiven(nodeIds) == isGiven(region)) {
        const QString why = u"give exactly one of node_ids and region"_s;
        r.fields.insert(u"node_ids"_s, why);
        r.fields.insert(u"region"_s, why);
    } else if (isGiven(nodeIds)) {
        const QJsonArray ids = nodeIds.toArray();
        if (!nodeIds.isArray() || ids.isEmpty() || ids.size() > MaxNodes) {
            r.fields.insert(
                u"node_ids"_s,
                nodeIds.isArray()
                    ? u"must list 1 to %1 node ids (got %2)"_s.arg(MaxNodes).arg(ids.size())
                    : u"must be an array of 1 to %1 node ids"_s.arg(MaxNodes));
        } else {
            QSet<QString> seen;
            for (const QJsonValue &v : ids) {
                const QString nodeId = v.toString();
                if (!v.isString() || !ProvisionValidator::isValidNodeId(nodeId)) {
                    r.fields.insert(u"node_ids"_s,
                                    u"every entry must be a node id ([a-z0-9-]{1,63})"_s);
                    break;
                }
                if (seen.contains(nodeId)) {
                    r.fields.insert(u"node_ids"_s, u"lists %1 more than once"_s.arg(nodeId));
                    break;
                }
                seen.insert(nodeId);
                req.nodeIds.append(nodeId);
            }
        }
    } else if (!region.isString() || !ProvisionValidator::isKnownRegion(region.toString())) {
        r.fields.insert(u"region"_s,
                        u"must be one of %1"_s.arg(ProvisionValidator::regions().join(u", "_s)));
    } else {
        req.region = region.toString();
    }

    const QJsonValue endsAt = body.value(u"ends_at");
    const std::optional<qint64> endsAtMs =
        endsAt.isString() ? SimClock::parseRfc3339(endsAt.toString()) : std::nullopt;
    if (!endsAtMs)
        r.fields.insert(u"ends_at"_s,
                        u"must be an RFC 3339 time with a zone, e.g. 2026-11-26T20:00:05Z"_s);
    else
        req.endsAtMs = *endsAtMs;

    const QJsonValue reason = body.value(u"reason");
    const qsizetype length = characterCount(reason.toString());
    if (!reason.isString() || reason.toString().trimmed().isEmpty())
        r.fields.insert(u"reason"_s, u"required: 1 to %1 characters"_s.arg(MaxReasonCharacters));
    else if (length > MaxReasonCharacters)
        r.fields.insert(u"reason"_s,
                        u"at most %1 characters (got %2)"_s.arg(MaxReasonCharacters).arg(length));
    else
        req.reason = reason.toString();
    return r;
}

QMap<QString, QString> SilenceValidator::check(const SilenceRequest &request, const Fleet &fleet,
                                               qint64 nowMs)
{
    QMap<QString, QString> fields;
    QStringList unknown;
    for (const QString &nodeId : request.nodeIds) {
        if (!fleet.node(nodeId))
            unknown << nodeId;
    }
    if (!unknown.isEmpty())
        fields.insert(u"node_ids"_s, u"unknown node: %1"_s.arg(someOf(unknown)));
    if (request.region) {
        bool hasNode = false;
        for (const NodeRecord &n : fleet.nodes()) {
            if (n.region == *request.region) {
                hasNode = true;
                break;
            }
        }
        if (!hasNode)
            fields.insert(u"region"_s, u"the fleet has no node in %1"_s.arg(*request.region));
    }
    if (request.endsAtMs <= nowMs)
        fields.insert(u"ends_at"_s,
                      u"must be after now (server time %1)"_s.arg(SimClock::rfc3339(nowMs)));
    else if (request.endsAtMs - nowMs > MaxAheadMs)
        fields.insert(u"ends_at"_s, u"must be at most 7 days ahead (no later than %1)"_s.arg(
                                        SimClock::rfc3339(nowMs + MaxAheadMs)));
    return fields;
}

} // namespace prego::sim
