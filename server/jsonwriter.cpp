#include "jsonwriter.h"

#include <cmath>

namespace prego::sim {

void JsonWriter::separator()
{
    if (m_needComma)
        m_out.append(',');
    m_needComma = false;
}

JsonWriter &JsonWriter::beginObject()
{
    separator();
    m_out.append('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separator();
    m_out.append('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    separator();
    appendEscaped(m_out, name);
    m_out.append(':');
    return *this;
}

JsonWriter &JsonWriter::key(const char *asciiName)
{
    separator();
    m_out.append('"').append(asciiName).append("\":");
    return *this;
}

JsonWriter &JsonWriter::value(QStringView s)
{
    separator();
    appendEscaped(m_out, s);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(const char *asciiText)
{
    return value(QStringView(QString::fromLatin1(asciiText)));
}

JsonWriter &JsonWriter::value(bool b)
{
    separator();
    m_out.append(b ? "true" : "false");
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 n)
{
    separator();
    m_out.append(QByteArray::number(n));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(double d)
{
    if (!std::isfinite(d))
        return null();
    separator();
    m_out.append(QByteArray::number(d, 'g', 15));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separator();
    m_out.append("null");
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separator();
    m_out.append(json);
    m_needComma = true;
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xf]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

} // namespace prego::sim
