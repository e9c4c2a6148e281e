#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace prego::sim {

// A small append-only JSON writer. The reference server writes its own JSON (it never shares the
// console's codecs), and writing straight into one buffer keeps /internal/nodes fast at 10,000
// nodes. The caller is responsible for the structure; the writer handles commas and escaping.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QStringView name);
    JsonWriter &key(const char *asciiName);

    JsonWriter &value(QStringView s);
    JsonWriter &value(const char *asciiText);
    JsonWriter &value(bool b);
    JsonWriter &value(qint64 n);
    JsonWriter &value(int n) { return value(qint64(n)); }
    JsonWriter &value(double d);
    JsonWriter &null();
    JsonWriter &raw(const QByteArray &json); // an already serialized JSON value

    JsonWriter &value(const std::optional<QString> &s)
    {
        return s ? value(QStringView(*s)) : null();
    }
    JsonWriter &value(const std::optional<double> &d) { return d ? value(*d) : null(); }
    JsonWriter &value(const std::optional<qint64> &n) { return n ? value(*n) : null(); }

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

    static void appendEscaped(QByteArray &out, QStringView s);

private:
    void separator();
    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace prego::sim
