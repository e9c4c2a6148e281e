#include "retryafter.h"

#include <QLocale>
#include <QString>

#include <algorithm>

namespace prego::agent {

using namespace Qt::StringLiterals;

QDateTime RetryAfter::parseHttpDate(const QByteArray &value)
{
    // The weekday is dropped before parsing: it is redundant, and Qt would check it against a
    // two-digit year's 19xx date and refuse the RFC 850 form.
    const QString text = QString::fromLatin1(value.simplified());
    const qsizetype comma = text.indexOf(u',');
    const qsizetype space = text.indexOf(u' ');
    const QString withoutWeekday = comma > 0   ? text.mid(comma + 1).trimmed()
                                   : space > 0 ? text.mid(space + 1)
                                               : text;
    const QLocale c = QLocale::c();
    for (const QString &format : {u"dd MMM yyyy HH:mm:ss 'GMT'"_s, u"dd-MMM-yy HH:mm:ss 'GMT'"_s,
                                  u"MMM d HH:mm:ss yyyy"_s}) {
        QDateTime parsed = c.toDateTime(withoutWeekday, format);
        if (parsed.isValid()) {
            // Two-digit years of RFC 850 dates are in this century for any server alive today.
            if (parsed.date().year() < 1970)
                parsed = parsed.addYears(100);
            parsed.setTimeSpec(Qt::UTC);
            return parsed;
        }
    }
    return {};
}

std::optional<std::chrono::milliseconds>
RetryAfter::parse(const QByteArray &value, const QByteArray &dateHeader, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (std::all_of(trimmed.cbegin(), trimmed.cend(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qint64 seconds = trimmed.left(9).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return std::chrono::seconds(seconds);
    }
    const QDateTime retryAt = parseHttpDate(trimmed);
    if (!retryAt.isValid())
        return std::nullopt;
    QDateTime reference = parseHttpDate(dateHeader);
    if (!reference.isValid())
        reference = now;
    return std::chrono::milliseconds(std::max<qint64>(0, reference.msecsTo(retryAt)));
}

} // namespace prego::agent
