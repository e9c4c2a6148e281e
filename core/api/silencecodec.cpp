#include "silencecodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace prego::SilenceCodec {

namespace {

std::optional<qint64> time(const QJsonValue &v)
{
    return v.isString() ? ApiCodec::parseTimestamp(v.toString()) : std::nullopt;
}

std::optional<Silence> silenceFrom(const QJsonObject &o)
{
    Silence s;
    s.silenceId = o.value(u"silence_id").toString();
    const auto starts = time(o.value(u"starts_at"));
    const auto ends = time(o.value(u"ends_at"));
    if (s.silenceId.isEmpty() || !starts || !ends)
        return std::nullopt;
    s.startsAtMs = *starts;
    s.endsAtMs = *ends;
    s.endedAtMs = time(o.value(u"ended_at"));
    for (const QJsonValue &id : o.value(u"node_ids").toArray()) {
        if (id.isString())
            s.nodeIds.append(id.toString());
    }
    if (const QJsonValue region = o.value(u"region"); region.isString())
        s.region = region.toString();
    if (s.nodeIds.isEmpty() && !s.region)
        return std::nullopt; // it would silence nothing we could name
    s.reason = o.value(u"reason").toString();
    s.createdBy = o.value(u"created_by").toString();
    s.createdAtMs = time(o.value(u"created_at")).value_or(s.startsAtMs);
    return s;
}

} // namespace

Decoded<Silence> decodeSilence(const QByteArray &body)
{
    Decoded<Silence> out;
    const QJsonDocument doc = ApiCodec::parseObject(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    out.value = silenceFrom(doc.object());
    if (!out.value)
        out.error = QCoreApplication::translate(
            "prego::SilenceCodec",
            "a silence has no silence_id, no valid starts_at or ends_at, or names no node");
    return out;
}

Decoded<SilencesList> decodeSilences(const QByteArray &body)
{
    Decoded<SilencesList> out;
    const QJsonDocument doc = ApiCodec::parseObject(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QJsonObject o = doc.object();
    const auto serverTime = time(o.value(u"server_time"));
    if (!serverTime || !o.value(u"silences").isArray()) {
        out.error = QCoreApplication::translate("prego::SilenceCodec",
                                                "server_time or the silences list is missing");
        return out;
    }
    SilencesList list;
    list.serverTimeMs = *serverTime;
    for (const QJsonValue &v : o.value(u"silences").toArray()) {
        if (auto s = silenceFrom(v.toObject()))
            list.silences.append(std::move(*s));
    }
    out.value = std::move(list);
    return out;
}

QString formatTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray encodeRequest(const SilenceRequest &request)
{
    QJsonObject o{{u"silence_id"_s, request.silenceId},
                  {u"ends_at"_s, formatTimestamp(request.endsAtMs)},
                  {u"reason"_s, request.reason}};
    if (request.region)
        o.insert(u"region"_s, *request.region);
    else
        o.insert(u"node_ids"_s, QJsonArray::fromStringList(request.nodeIds));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace prego::SilenceCodec
