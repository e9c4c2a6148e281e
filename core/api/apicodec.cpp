#include "apicodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego::ApiCodec {

namespace {
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(QStringView s, qsizetype pos, int count, int *out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = s[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    *out = v;
    return true;
}

bool isValidNodeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 63)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}

std::optional<double> percent(const QJsonValue &v, bool *bad)
{
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0 || v.toDouble() > 100) {
        *bad = true;
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<QString> optionalString(const QJsonValue &v, bool *bad)
{
    if (v.isString())
        return v.toString();
    if (!v.isNull() && !v.isUndefined())
        *bad = true;
    return std::nullopt;
}

QString string(const QJsonValue &v, bool *bad)
{
    if (v.isString())
        return v.toString();
    if (!v.isUndefined())
        *bad = true;
    return {};
}

// One node; nullopt when it has no usable node_id. Wrong-typed fields become nulls and a warning.
std::optional<Node> nodeFrom(const QJsonObject &o, QStringList *warnings)
{
    const QString id = o.value(u"node_id").toString();
    if (!isValidNodeId(id)) {
        warnings->append(QCoreApplication::translate(
            "prego::ApiCodec", "A node without a valid node_id was ignored."));
        return std::nullopt;
    }
    bool bad = false;
    Node n;
    n.nodeId = id;
    n.hostname = string(o.value(u"hostname"), &bad);
    n.ipv4 = string(o.value(u"ipv4"), &bad);
    n.region = string(o.value(u"region"), &bad);
    n.placement = string(o.value(u"placement"), &bad);
    n.role = string(o.value(u"role"), &bad);
    n.tenantId = optionalString(o.value(u"tenant_id"), &bad);
    n.stack = optionalString(o.value(u"stack"), &bad);
    const QJsonValue accepts = o.value(u"accepts_tenants");
    if (accepts.isBool())
        n.acceptsTenants = accepts.toBool();
    else if (!accepts.isUndefined())
        bad = true;
    n.status = string(o.value(u"status"), &bad);
    if (const QJsonValue created = o.value(u"created_at"); created.isString())
        n.createdAtMs = parseTimestamp(created.toString());

    const QJsonValue metrics = o.value(u"metrics");
    if (metrics.isObject()) {
        const QJsonObject m = metrics.toObject();
        const auto updated = parseTimestamp(m.value(u"updated_at").toString());
        if (!updated) {
            // Without a valid updated_at nothing can be said about freshness: keep it "never".
            bad = true;
        } else {
            NodeMetrics nm;
            nm.updatedAtMs = *updated;
            nm.cpuPct = percent(m.value(u"cpu_pct"), &bad);
            nm.memoryPct = percent(m.value(u"memory_pct"), &bad);
            nm.diskPct = percent(m.value(u"disk_pct"), &bad);
            const QJsonValue tc = m.value(u"tenant_count");
            if (tc.isDouble() && tc.toDouble() >= 0 && tc.toDouble() <= 1e12 &&
                std::floor(tc.toDouble()) == tc.toDouble())
                nm.tenantCount = qint64(tc.toDouble());
            else if (!tc.isNull() && !tc.isUndefined())
                bad = true;
            n.metrics = nm;
        }
    } else if (!metrics.isNull() && !metrics.isUndefined()) {
        bad = true;
    }
    if (bad)
        warnings->append(
            QCoreApplication::translate(
                "prego::ApiCodec", "Node %1 has fields of the wrong type; they are shown as empty.")
                .arg(id));
    return n;
}

QJsonDocument parse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("prego::ApiCodec",
                                             "the answer is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
    } else if (!doc.isObject()) {
        *error = QCoreApplication::translate("prego::ApiCodec", "the answer is not a JSON object");
    }
    return doc;
}
} // namespace

std::optional<qint64> parseTimestamp(QStringView s)
{
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, &year) || s.size() < 20 || s[4] != u'-' || !digits(s, 5, 2, &month) ||
        s[7] != u'-' || !digits(s, 8, 2, &day) || (s[10] != u'T' && s[10] != u't') ||
        !digits(s, 11, 2, &hour) || s[13] != u':' || !digits(s, 14, 2, &minute) || s[16] != u':' ||
        !digits(s, 17, 2, &second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    qsizetype pos = 19;
    qint64 ms = 0;
    if (pos < s.size() && s[pos] == u'.') {
        ++pos;
        int count = 0;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            if (count < 3)
                ms = ms * 10 + (s[pos].unicode() - u'0');
            ++count;
            ++pos;
        }
        if (count == 0)
            return std::nullopt;
        for (int i = count; i < 3; ++i)
            ms *= 10;
    }
    qint64 offsetMinutes = 0;
    if (pos < s.size() && (s[pos] == u'Z' || s[pos] == u'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, &oh) || pos + 3 >= s.size() || s[pos + 3] != u':' ||
            !digits(s, pos + 4, 2, &om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = (oh * 60 + om) * (s[pos] == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 secs =
        days * 86400 + hour * 3600 + minute * 60 + std::min(second, 59) - offsetMinutes * 60;
    return secs * 1000 + ms;
}

std::optional<qint64> parseHttpDate(const QByteArray &text)
{
    static const QRegularExpression re(
        u"^[A-Za-z]{3}, (\\d{2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"_s);
    static const QStringList months{u"Jan"_s, u"Feb"_s, u"Mar"_s, u"Apr"_s, u"May"_s, u"Jun"_s,
                                    u"Jul"_s, u"Aug"_s, u"Sep"_s, u"Oct"_s, u"Nov"_s, u"Dec"_s};
    const auto m = re.match(QString::fromLatin1(text.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    const int month = int(months.indexOf(m.captured(2))) + 1;
    const int day = m.captured(1).toInt(), hour = m.captured(4).toInt(),
              minute = m.captured(5).toInt(), second = m.captured(6).toInt();
    if (month == 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    return (daysFromCivil(m.captured(3).toInt(), unsigned(month), unsigned(day)) * 86400 +
            hour * 3600 + minute * 60 + std::min(second, 59)) *
           1000;
}

std::optional<int> parseRetryAfter(const QByteArray &value, qint64 serverNowMs)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min<qlonglong>(seconds, 3600)));
    if (const auto at = parseHttpDate(v)) {
        const qint64 delta = (*at - serverNowMs + 999) / 1000;
        return int(std::clamp<qint64>(delta, 0, 3600));
    }
    return std::nullopt;
}

Decoded<NodesSnapshot> decodeNodes(const QByteArray &body)
{
    Decoded<NodesSnapshot> out;
    const QJsonDocument doc = parse(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QJsonObject root = doc.object();
    const auto serverTime = parseTimestamp(root.value(u"server_time").toString());
    if (!serverTime) {
        out.error = QCoreApplication::translate("prego::ApiCodec",
                                                "server_time is missing or not an RFC 3339 time");
        return out;
    }
    const QJsonValue nodes = root.value(u"nodes");
    if (!nodes.isArray()) {
        out.error =
            QCoreApplication::translate("prego::ApiCodec", "nodes is missing or not a list");
        return out;
    }
    NodesSnapshot snap;
    snap.serverTimeMs = *serverTime;
    const QJsonArray array = nodes.toArray();
    snap.nodes.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (!v.isObject()) {
            snap.warnings.append(QCoreApplication::translate(
                "prego::ApiCodec", "An entry of the node list is not an object and was ignored."));
            continue;
        }
        if (auto n = nodeFrom(v.toObject(), &snap.warnings))
            snap.nodes.append(std::move(*n));
    }
    out.value = std::move(snap);
    return out;
}

Decoded<Node> decodeNode(const QByteArray &body)
{
    Decoded<Node> out;
    const QJsonDocument doc = parse(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    QStringList warnings;
    out.value = nodeFrom(doc.object(), &warnings);
    if (!out.value)
        out.error = QCoreApplication::translate("prego::ApiCodec", "the node has no valid node_id");
    return out;
}

Decoded<WhoAmI> decodeWhoAmI(const QByteArray &body)
{
    Decoded<WhoAmI> out;
    const QJsonDocument doc = parse(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QJsonObject o = doc.object();
    WhoAmI w;
    w.tokenName = o.value(u"token_name").toString();
    w.role = o.value(u"role").toString();
    if (o.value(u"node_id").isString())
        w.nodeId = o.value(u"node_id").toString();
    const auto serverTime = parseTimestamp(o.value(u"server_time").toString());
    if (w.tokenName.isEmpty() || w.role.isEmpty() || !serverTime) {
        out.error = QCoreApplication::translate("prego::ApiCodec",
                                                "token_name, role or server_time is missing");
        return out;
    }
    w.serverTimeMs = *serverTime;
    out.value = w;
    return out;
}

void decodeErrorBody(const QByteArray &body, ApiError *error)
{
    const QJsonObject e = QJsonDocument::fromJson(body).object().value(u"error").toObject();
    if (e.isEmpty())
        return;
    error->code = e.value(u"code").toString().left(100);
    error->serverMessage = e.value(u"message").toString().left(1000);
    const QJsonObject fields = e.value(u"fields").toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        error->fields.insert(it.key().left(100), it.value().toString().left(500));
}

} // namespace prego::ApiCodec
