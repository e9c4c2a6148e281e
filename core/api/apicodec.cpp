#include "apicodec.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string_view>

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

// The characters of a timestamp: UTF-16 from QJsonDocument or bytes from JsonReader.
template<typename Ch> struct Text
{
    const Ch *data;
    qsizetype n;
    qsizetype size() const { return n; }
    char16_t operator[](qsizetype i) const
    {
        if constexpr (sizeof(Ch) == 1)
            return char16_t(static_cast<unsigned char>(data[i]));
        else
            return data[i];
    }
};

template<typename Ch> bool digits(Text<Ch> s, qsizetype pos, int count, int *out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = s[pos + i];
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c - u'0');
    }
    *out = v;
    return true;
}

// YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
template<typename Ch> std::optional<qint64> timestampFrom(Text<Ch> s)
{
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
                ms = ms * 10 + (s[pos] - u'0');
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

// --- One node's rules, over either reader --------------------------------------------------
//
// nodeFrom reads a node through a small accessor so that the QJsonDocument path and the
// JsonReader path cannot drift apart: an accessor gives each field's Kind, its text, number,
// boolean and timestamp, and the metrics object's accessor.

enum class Kind { Absent, Null, Bool, Number, String, Object, Other };

enum class Key {
    NodeId,
    Hostname,
    Ipv4,
    Region,
    Placement,
    Role,
    TenantId,
    Stack,
    AcceptsTenants,
    Status,
    CreatedAt,
    Metrics,
    // inside metrics
    CpuPct,
    MemoryPct,
    DiskPct,
    TenantCount,
    UpdatedAt,
    Count
};

constexpr std::array<std::string_view, size_t(Key::Count)> KeyNames{
    "node_id",  "hostname",        "ipv4",      "region",     "placement", "role",    "tenant_id",
    "stack",    "accepts_tenants", "status",    "created_at", "metrics",   "cpu_pct", "memory_pct",
    "disk_pct", "tenant_count",    "updated_at"};

template<typename Access> std::optional<double> percent(const Access &a, Key k, bool *bad)
{
    const Kind kind = a.kind(k);
    if (kind == Kind::Null || kind == Kind::Absent)
        return std::nullopt;
    const double v = kind == Kind::Number ? a.number(k) : 0;
    if (kind != Kind::Number || !std::isfinite(v) || v < 0 || v > 100) {
        *bad = true;
        return std::nullopt;
    }
    return v;
}

template<typename Access> std::optional<QString> optionalString(const Access &a, Key k, bool *bad)
{
    const Kind kind = a.kind(k);
    if (kind == Kind::String)
        return a.text(k);
    if (kind != Kind::Null && kind != Kind::Absent)
        *bad = true;
    return std::nullopt;
}

template<typename Access> QString string(const Access &a, Key k, bool *bad)
{
    const Kind kind = a.kind(k);
    if (kind == Kind::String)
        return a.text(k);
    if (kind != Kind::Absent)
        *bad = true;
    return {};
}

template<typename Access> std::optional<qint64> timestamp(const Access &a, Key k)
{
    return a.kind(k) == Kind::String ? a.timestamp(k) : std::nullopt;
}

// One node; nullopt when it has no usable node_id. Wrong-typed fields become nulls and a warning.
template<typename Access> std::optional<Node> nodeFrom(const Access &o, QStringList *warnings)
{
    const QString id = o.kind(Key::NodeId) == Kind::String ? o.text(Key::NodeId) : QString();
    if (!Node::isValidId(id)) {
        warnings->append(QCoreApplication::translate(
            "prego::ApiCodec", "A node without a valid node_id was ignored."));
        return std::nullopt;
    }
    bool bad = false;
    Node n;
    n.nodeId = id;
    n.hostname = string(o, Key::Hostname, &bad);
    n.ipv4 = string(o, Key::Ipv4, &bad);
    n.region = string(o, Key::Region, &bad);
    n.placement = string(o, Key::Placement, &bad);
    n.role = string(o, Key::Role, &bad);
    n.tenantId = optionalString(o, Key::TenantId, &bad);
    n.stack = optionalString(o, Key::Stack, &bad);
    if (const Kind accepts = o.kind(Key::AcceptsTenants); accepts == Kind::Bool)
        n.acceptsTenants = o.boolean(Key::AcceptsTenants);
    else if (accepts != Kind::Absent)
        bad = true;
    n.status = string(o, Key::Status, &bad);
    n.createdAtMs = timestamp(o, Key::CreatedAt);

    if (const Kind metrics = o.kind(Key::Metrics); metrics == Kind::Object) {
        const auto m = o.metrics();
        const auto updated = timestamp(m, Key::UpdatedAt);
        if (!updated) {
            // Without a valid updated_at nothing can be said about freshness: keep it "never".
            bad = true;
        } else {
            NodeMetrics nm;
            nm.updatedAtMs = *updated;
            nm.cpuPct = percent(m, Key::CpuPct, &bad);
            nm.memoryPct = percent(m, Key::MemoryPct, &bad);
            nm.diskPct = percent(m, Key::DiskPct, &bad);
            const Kind tc = m.kind(Key::TenantCount);
            const double count = tc == Kind::Number ? m.number(Key::TenantCount) : -1;
            if (tc == Kind::Number && count >= 0 && count <= 1e12 && std::floor(count) == count)
                nm.tenantCount = qint64(count);
            else if (tc != Kind::Null && tc != Kind::Absent)
                bad = true;
            n.metrics = nm;
        }
    } else if (metrics != Kind::Null && metrics != Kind::Absent) {
        bad = true;
    }
    if (bad)
        warnings->append(
            QCoreApplication::translate(
                "prego::ApiCodec", "Node %1 has fields of the wrong type; they are shown as empty.")
                .arg(id));
    return n;
}

// nodeFrom's accessor over a QJsonObject.
class QJsonAccess
{
public:
    explicit QJsonAccess(QJsonObject o)
        : m_o(std::move(o))
    {}
    QJsonValue value(Key k) const
    {
        const std::string_view name = KeyNames[size_t(k)];
        return m_o.value(QLatin1StringView(name.data(), qsizetype(name.size())));
    }
    Kind kind(Key k) const
    {
        switch (value(k).type()) {
        case QJsonValue::Undefined:
            return Kind::Absent;
        case QJsonValue::Null:
            return Kind::Null;
        case QJsonValue::Bool:
            return Kind::Bool;
        case QJsonValue::Double:
            return Kind::Number;
        case QJsonValue::String:
            return Kind::String;
        case QJsonValue::Object:
            return Kind::Object;
        case QJsonValue::Array:
            return Kind::Other;
        }
        return Kind::Other;
    }
    QString text(Key k) const { return value(k).toString(); }
    double number(Key k) const { return value(k).toDouble(); }
    bool boolean(Key k) const { return value(k).toBool(); }
    std::optional<qint64> timestamp(Key k) const { return parseTimestamp(value(k).toString()); }
    QJsonAccess metrics() const { return QJsonAccess(value(Key::Metrics).toObject()); }

private:
    QJsonObject m_o;
};

// --- The fast path: JsonReader straight into the structs ------------------------------------

// One field as JsonReader read it (objects and arrays are checked and skipped, except metrics).
struct ReadField
{
    Kind kind = Kind::Absent;
    bool boolean = false;
    double number = 0;
    JsonString string;
};

// The last few distinct values of one field, shared between nodes: region, placement, role,
// status and stack repeat across a fleet, and a shared QString saves an allocation per node.
class StringPool
{
public:
    QString get(const JsonString &s)
    {
        if (!s.plain())
            return s.toString();
        const QLatin1StringView text(s.raw.data(), s.raw.size());
        for (const QString &v : m_values) {
            if (v == text)
                return v;
        }
        QString v = s.toString();
        if (m_values.size() < m_values.capacity())
            m_values.append(v);
        return v;
    }

private:
    QVarLengthArray<QString, 8> m_values;
};

// nodeFrom's accessor over the fields JsonReader read from one node (its metrics included).
class ReaderAccess
{
public:
    explicit ReaderAccess(std::array<StringPool, size_t(Key::Count)> *pools)
        : m_pools(pools)
    {}

    std::array<ReadField, size_t(Key::Count)> fields;

    Kind kind(Key k) const { return field(k).kind; }
    QString text(Key k) const
    {
        switch (k) {
        case Key::Region:
        case Key::Placement:
        case Key::Role:
        case Key::Status:
        case Key::Stack:
        case Key::TenantId:
            return (*m_pools)[size_t(k)].get(field(k).string);
        default:
            return field(k).string.toString();
        }
    }
    double number(Key k) const { return field(k).number; }
    bool boolean(Key k) const { return field(k).boolean; }
    std::optional<qint64> timestamp(Key k) const { return timestampOf(field(k).string); }
    const ReaderAccess &metrics() const { return *this; }

    static std::optional<qint64> timestampOf(const JsonString &s)
    {
        if (s.plain())
            return timestampFrom(Text<char>{s.raw.data(), s.raw.size()});
        return parseTimestamp(s.toString());
    }

private:
    const ReadField &field(Key k) const { return fields[size_t(k)]; }

    std::array<StringPool, size_t(Key::Count)> *m_pools;
};

// The key among [first, last), trying `guess` first (fields mostly come in the contract's order).
std::optional<Key> keyOf(QByteArrayView name, Key first, Key last, Key guess)
{
    const auto matches = [&](Key k) {
        const std::string_view n = KeyNames[size_t(k)];
        return name.size() == qsizetype(n.size()) &&
               std::memcmp(name.data(), n.data(), n.size()) == 0;
    };
    if (guess >= first && guess < last && matches(guess))
        return guess;
    for (auto k = size_t(first); k < size_t(last); ++k) {
        if (matches(Key(k)))
            return Key(k);
    }
    return std::nullopt;
}

bool readField(JsonReader &r, ReadField *f)
{
    const char c = r.peek();
    if (c == '"') {
        f->kind = Kind::String;
        return r.readString(&f->string);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        f->kind = Kind::Number;
        return r.readNumber(&f->number);
    }
    if (c == 't' || c == 'f' || c == 'n') {
        bool isNull = false;
        if (!r.readLiteral(&f->boolean, &isNull))
            return false;
        f->kind = isNull ? Kind::Null : Kind::Bool;
        return true;
    }
    f->kind = c == '{' ? Kind::Object : Kind::Other;
    return r.skipValue();
}

// The members of one object into fields[first, last); unknown members are checked and skipped.
// A known key twice (QJsonDocument keeps the last) is left to the reference path.
template<typename Nested>
bool readObject(JsonReader &r, ReaderAccess *a, Key first, Key last, Nested nested)
{
    if (!r.consume('{'))
        return false;
    if (r.consume('}'))
        return true;
    quint32 seen = 0;
    Key guess = first;
    do {
        JsonString name;
        if (!r.readString(&name) || name.escaped || !r.consume(':'))
            return false;
        const auto key = keyOf(name.raw, first, last, guess);
        if (!key) {
            if (!r.skipValue())
                return false;
            continue;
        }
        const quint32 bit = 1u << unsigned(*key);
        if (seen & bit)
            return false;
        seen |= bit;
        guess = Key(int(*key) + 1);
        if (!nested(*key) && !readField(r, &a->fields[size_t(*key)]))
            return false;
    } while (r.consume(','));
    return r.consume('}');
}

// The node list, each node decoded as it is read.
bool readNodes(JsonReader &r, NodesSnapshot *snap)
{
    if (!r.consume('['))
        return false;
    if (r.consume(']'))
        return true;
    std::array<StringPool, size_t(Key::Count)> pools;
    do {
        if (r.peek() != '{') {
            if (!r.skipValue())
                return false;
            snap->warnings.append(QCoreApplication::translate(
                "prego::ApiCodec", "An entry of the node list is not an object and was ignored."));
            continue;
        }
        ReaderAccess a(&pools);
        bool ok = true;
        const auto metrics = [&](Key k) {
            if (k != Key::Metrics || r.peek() != '{')
                return false;
            a.fields[size_t(Key::Metrics)].kind = Kind::Object;
            ok = readObject(r, &a, Key::CpuPct, Key::Count, [](Key) { return false; });
            return true;
        };
        if (!readObject(r, &a, Key::NodeId, Key::CpuPct, metrics) || !ok)
            return false;
        if (auto n = nodeFrom(a, &snap->warnings))
            snap->nodes.append(std::move(*n));
    } while (r.consume(','));
    return r.consume(']');
}

// nullopt when the body is not plain strict JSON or has a shape left to the reference path
// (a root that is not an object, duplicate keys); those go through QJsonDocument.
std::optional<Decoded<NodesSnapshot>> decodeNodesFast(const QByteArray &body)
{
    JsonReader r(body);
    if (!r.consume('{'))
        return std::nullopt;
    NodesSnapshot snap;
    ReadField serverTime;
    bool nodesSeen = false, nodesIsList = false;
    if (!r.consume('}')) {
        do {
            JsonString name;
            if (!r.readString(&name) || name.escaped || !r.consume(':'))
                return std::nullopt;
            if (name.raw == "server_time") {
                if (serverTime.kind != Kind::Absent || !readField(r, &serverTime))
                    return std::nullopt;
            } else if (name.raw == "nodes") {
                if (nodesSeen)
                    return std::nullopt;
                nodesSeen = true;
                nodesIsList = r.peek() == '[';
                if (!(nodesIsList ? readNodes(r, &snap) : r.skipValue()))
                    return std::nullopt;
            } else if (!r.skipValue()) {
                return std::nullopt;
            }
        } while (r.consume(','));
        if (!r.consume('}'))
            return std::nullopt;
    }
    if (!r.atEnd())
        return std::nullopt;

    Decoded<NodesSnapshot> out;
    const auto time = serverTime.kind == Kind::String ? ReaderAccess::timestampOf(serverTime.string)
                                                      : std::nullopt;
    if (!time) {
        out.error = QCoreApplication::translate("prego::ApiCodec",
                                                "server_time is missing or not an RFC 3339 time");
        return out;
    }
    if (!nodesIsList) {
        out.error =
            QCoreApplication::translate("prego::ApiCodec", "nodes is missing or not a list");
        return out;
    }
    snap.serverTimeMs = *time;
    out.value = std::move(snap);
    return out;
}

} // namespace

QJsonDocument parseObject(const QByteArray &body, QString *error)
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
std::optional<qint64> parseTimestamp(QStringView s)
{
    return timestampFrom(Text<char16_t>{s.utf16(), s.size()});
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
    // delay-seconds is 1*DIGIT: a number too long for 64 bits is still "very long", clamped like
    // any other; a sign, a fraction or spaces make it no number at all.
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qulonglong seconds = v.toULongLong(&ok);
        return int(ok ? std::min<qulonglong>(seconds, 3600) : 3600);
    }
    if (const auto at = parseHttpDate(v)) {
        const qint64 delta = (*at - serverNowMs + 999) / 1000;
        return int(std::clamp<qint64>(delta, 0, 3600));
    }
    return std::nullopt;
}

Decoded<NodesSnapshot> decodeNodes(const QByteArray &body)
{
    if (auto fast = decodeNodesFast(body))
        return std::move(*fast);
    return decodeNodesWithQJsonDocument(body);
}

Decoded<NodesSnapshot> decodeNodesWithQJsonDocument(const QByteArray &body)
{
    Decoded<NodesSnapshot> out;
    const QJsonDocument doc = parseObject(body, &out.error);
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
        if (auto n = nodeFrom(QJsonAccess(v.toObject()), &snap.warnings))
            snap.nodes.append(std::move(*n));
    }
    out.value = std::move(snap);
    return out;
}

Decoded<Node> decodeNode(const QByteArray &body)
{
    Decoded<Node> out;
    const QJsonDocument doc = parseObject(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    QStringList warnings;
    out.value = nodeFrom(QJsonAccess(doc.object()), &warnings);
    if (!out.value)
        out.error = QCoreApplication::translate("prego::ApiCodec", "the node has no valid node_id");
    return out;
}

Decoded<WhoAmI> decodeWhoAmI(const QByteArray &body)
{
    Decoded<WhoAmI> out;
    const QJsonDocument doc = parseObject(body, &out.error);
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
    // Optional capabilities: strings; anything else, and names this console does not know, are
    // ignored (control-plane-api.md, Optional capabilities).
    const QJsonArray features = o.value(u"features").toArray();
    for (const QJsonValue &f : features) {
        if (const auto feature = featureFromKey(f.toString()); feature && !w.offers(*feature))
            w.features.append(*feature);
    }
    out.value = w;
    return out;
}

QJsonObject nodeFields(const Node &node)
{
    const auto optional = [](const std::optional<QString> &v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{u"node_id"_s, node.nodeId},
                       {u"hostname"_s, node.hostname},
                       {u"ipv4"_s, node.ipv4},
                       {u"region"_s, node.region},
                       {u"placement"_s, node.placement},
                       {u"role"_s, node.role},
                       {u"tenant_id"_s, optional(node.tenantId)},
                       {u"stack"_s, optional(node.stack)},
                       {u"accepts_tenants"_s, node.acceptsTenants},
                       {u"status"_s, node.status}};
}

QByteArray encodeNode(const Node &node)
{
    return QJsonDocument(nodeFields(node)).toJson(QJsonDocument::Compact);
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
