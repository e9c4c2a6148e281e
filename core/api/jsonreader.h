#pragma once

#include <QByteArrayView>
#include <QString>

namespace prego {

// A string as it stands in the JSON text, between its quotes, already checked: valid escapes,
// no lone surrogates, valid UTF-8.
struct JsonString
{
    QByteArrayView raw;
    bool escaped = false; // has a backslash escape
    bool ascii = true;    // no byte above 0x7f

    bool plain() const { return !escaped && ascii; }
    QString toString() const;
};

// A strict, allocation-free pull reader of RFC 8259 JSON for the hot decode paths. It refuses
// everything that is not plain strict JSON (lax forms QJsonDocument accepts, lone surrogates,
// numbers a double cannot hold, nesting deeper than MaxDepth): the caller then falls back to
// QJsonDocument, which decides what such input means and words the error. It never reads past
// the end of its text and never recurses deeper than MaxDepth.
class JsonReader
{
public:
    static constexpr int MaxDepth = 64;

    explicit JsonReader(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    // The next byte after whitespace, or 0 at the end. Inline: called for every token.
    char peek()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
        return m_p < m_end ? *m_p : '\0';
    }
    // Consumes c (after whitespace) when it is next.
    bool consume(char c)
    {
        if (peek() != c || m_p == m_end)
            return false;
        ++m_p;
        return true;
    }
    bool readString(JsonString *out);
    // A JSON number as a double (the value QJsonValue::toDouble gives, -0 read as 0).
    bool readNumber(double *out);
    // true, false or null; *isNull tells which.
    bool readLiteral(bool *value, bool *isNull);
    // Any one value, checked and thrown away.
    bool skipValue();
    bool atEnd();

private:
    bool skipValue(int depth);

    const char *m_p;
    const char *m_end;
};

} // namespace prego
