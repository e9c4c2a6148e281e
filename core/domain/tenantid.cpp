#include "tenantid.h"

using namespace Qt::StringLiterals;

namespace prego::TenantId {

namespace {
bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}
bool isSeparator(QChar c)
{
    return c == u'.' || c == u'_' || c == u'-';
}
QStringView trimDashes(QStringView s)
{
    while (!s.isEmpty() && s.front() == u'-')
        s = s.sliced(1);
    while (!s.isEmpty() && s.back() == u'-')
        s.chop(1);
    return s;
}
} // namespace

bool isValid(QStringView tenantId)
{
    if (tenantId.isEmpty() || tenantId.size() > MaxLength || !isAsciiAlnum(tenantId.front()))
        return false;
    for (QChar c : tenantId) {
        if (!isAsciiAlnum(c) && !isSeparator(c))
            return false;
    }
    return true;
}

QString sanitize(QStringView tenantId)
{
    QString out;
    out.reserve(tenantId.size());
    bool inSeparatorRun = false;
    for (QChar c : tenantId) {
        if (isSeparator(c)) {
            if (!inSeparatorRun)
                out.append(u'-');
            inSeparatorRun = true;
        } else {
            out.append(c.toLower());
            inSeparatorRun = false;
        }
    }
    QStringView trimmed = trimDashes(out);
    trimmed = trimDashes(trimmed.first(std::min<qsizetype>(trimmed.size(), MaxSanitizedLength)));
    return trimmed.toString();
}

QString dedicatedStack(QStringView tenantId)
{
    return u"dedicated-"_s + sanitize(tenantId);
}

} // namespace prego::TenantId
