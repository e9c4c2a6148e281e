#include "jsonreader.h"

#include <charconv>
#include <cstring>

namespace prego {

namespace {

// Whether any of the 8 bytes needs a closer look in a string: a quote, a backslash, a control
// character or a byte above 0x7f (the usual SWAR tests; a hit only sends the word to the byte
// loop, so a false positive above a true one does no harm).
bool wordNeedsAttention(const char *p)
{
    constexpr quint64 Ones = 0x0101010101010101ULL, High = 0x8080808080808080ULL;
    quint64 v;
    std::memcpy(&v, p, sizeof v);
    const auto zeroByte = [](quint64 x) {
        return (x - Ones) & ~x & High;
    };
    const quint64 below0x20 = (v - Ones * 0x20) & ~v & High;
    return (below0x20 | zeroByte(v ^ (Ones * '"')) | zeroByte(v ^ (Ones * '\\')) | (v & High)) != 0;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (p + 4 <= end checked by the caller).
int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexValue(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

// Length of the valid UTF-8 sequence starting at p (its first byte >= 0x80), 0 when invalid:
// no overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629).
int utf8Length(const unsigned char *p, const unsigned char *end)
{
    const auto cont = [&](int i) {
        return p + i < end && (p[i] & 0xc0) == 0x80;
    };
    const unsigned char b = p[0];
    if (b >= 0xc2 && b <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b >= 0xe0 && b <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((b == 0xe0 && p[1] < 0xa0) || (b == 0xed && p[1] > 0x9f))
            return 0;
        return 3;
    }
    if (b >= 0xf0 && b <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((b == 0xf0 && p[1] < 0x90) || (b == 0xf4 && p[1] > 0x8f))
            return 0;
        return 4;
    }
    return 0;
}

// QString::fromUtf8 drops a byte-order mark at the start of its input. QJsonDocument decodes a
// string with escapes character by character and keeps every U+FEFF in it, so the runs between
// escapes put it back.
void appendUtf8(QString &out, const char *p, qsizetype n)
{
    while (n >= 3 && quint8(p[0]) == 0xef && quint8(p[1]) == 0xbb && quint8(p[2]) == 0xbf) {
        out.append(QChar(u'\ufeff'));
        p += 3;
        n -= 3;
    }
    out.append(QString::fromUtf8(p, n));
}

} // namespace

QString JsonString::toString() const
{
    if (plain())
        return QString::fromLatin1(raw.data(), raw.size());
    if (!escaped) // like QJsonDocument, which also drops a byte-order mark that opens it
        return QString::fromUtf8(raw.data(), raw.size());
    // Escapes were checked when the string was read.
    QString out;
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *const end = p + raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            appendUtf8(out, run, p - run);
        if (p == end)
            break;
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out.append(QChar(u'\b'));
            break;
        case 'f':
            out.append(QChar(u'\f'));
            break;
        case 'n':
            out.append(QChar(u'\n'));
            break;
        case 'r':
            out.append(QChar(u'\r'));
            break;
        case 't':
            out.append(QChar(u'\t'));
            break;
        case 'u':
            out.append(QChar(char16_t(hex4(p))));
            p += 4;
            break;
        default:
            out.append(QChar(char16_t(e)));
            break; // " \ /
        }
    }
    return out;
}

bool JsonReader::atEnd()
{
    peek();
    return m_p == m_end;
}

bool JsonReader::readString(JsonString *out)
{
    if (!consume('"'))
        return false;
    const char *const begin = m_p;
    bool escaped = false, ascii = true;
    for (;;) {
        // The common case: a run of printable ASCII, eight bytes at a time.
        while (m_end - m_p >= 8 && !wordNeedsAttention(m_p))
            m_p += 8;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"')
            break;
        if (c < 0x20)
            return false; // QJsonDocument takes raw control characters; let it decide
        if (c >= 0x80) {
            const int n = utf8Length(reinterpret_cast<const unsigned char *>(m_p),
                                     reinterpret_cast<const unsigned char *>(m_end));
            if (n == 0)
                return false;
            ascii = false;
            m_p += n;
            continue;
        }
        // A backslash.
        escaped = true;
        if (m_end - m_p < 2)
            return false;
        const char e = m_p[1];
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
            e == 't') {
            m_p += 2;
            continue;
        }
        if (e != 'u' || m_end - m_p < 6)
            return false;
        const int unit = hex4(m_p + 2);
        if (unit < 0 || (unit >= 0xdc00 && unit <= 0xdfff))
            return false;
        m_p += 6;
        if (unit >= 0xd800 && unit <= 0xdbff) {
            // A high surrogate must be followed by an escaped low one.
            if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            const int low = hex4(m_p + 2);
            if (low < 0xdc00 || low > 0xdfff)
                return false;
            m_p += 6;
        }
    }
    out->raw = QByteArrayView(begin, m_p - begin);
    out->escaped = escaped;
    out->ascii = ascii;
    ++m_p; // the closing quote
    return true;
}

bool JsonReader::readNumber(double *out)
{
    peek();
    const char *const begin = m_p;
    const char *p = m_p;
    if (p < m_end && *p == '-')
        ++p;
    if (p == m_end || !isDigit(*p))
        return false;
    if (*p == '0') {
        ++p;
    } else {
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && *p == '.') {
        ++p;
        if (p == m_end || !isDigit(*p))
            return false;
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !isDigit(*p))
            return false;
        while (p < m_end && isDigit(*p))
            ++p;
    }
    // Leading zeros ("01") are left to QJsonDocument's own reading.
    if (p < m_end && isDigit(*p))
        return false;
    double v = 0;
    const auto [end, ec] = std::from_chars(begin, p, v);
    if (ec != std::errc() || end != p)
        return false;        // out of a double's range: QJsonDocument calls it an illegal number
    *out = v == 0 ? 0.0 : v; // QJsonValue reads -0 as 0
    m_p = p;
    return true;
}

bool JsonReader::readLiteral(bool *value, bool *isNull)
{
    const char c = peek();
    const auto take = [this](const char *word, qsizetype n) {
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    };
    *isNull = false;
    if (c == 't' && take("true", 4)) {
        *value = true;
        return true;
    }
    if (c == 'f' && take("false", 5)) {
        *value = false;
        return true;
    }
    if (c == 'n' && take("null", 4)) {
        *value = false;
        *isNull = true;
        return true;
    }
    return false;
}

bool JsonReader::skipValue()
{
    return skipValue(0);
}

bool JsonReader::skipValue(int depth)
{
    const char c = peek();
    if (c == '"') {
        JsonString s;
        return readString(&s);
    }
    if (c == '-' || isDigit(c)) {
        double d;
        return readNumber(&d);
    }
    if (c == 't' || c == 'f' || c == 'n') {
        bool b, isNull;
        return readLiteral(&b, &isNull);
    }
    if (depth >= MaxDepth)
        return false;
    if (consume('[')) {
        if (consume(']'))
            return true;
        do {
            if (!skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume(']');
    }
    if (consume('{')) {
        if (consume('}'))
            return true;
        do {
            JsonString key;
            if (!readString(&key) || !consume(':') || !skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume('}');
    }
    return false;
}

} // namespace prego
