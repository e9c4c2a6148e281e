#include "simclock.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace prego::sim {

qint64 SimClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

QString SimClock::rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray SimClock::httpDate(qint64 ms)
{
    return QLocale::c()
        .toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC),
                  QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

std::optional<qint64> SimClock::parseRfc3339(const QString &text)
{
    // RFC 3339's date-time: a zone is required (a time without one would be read as local time).
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        u"(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
        "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))"_s));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    auto number = [&m](int group) {
        return m.capturedView(group).toInt();
    };
    const QDate date(number(1), number(2), number(3));
    const int ms = m.capturedView(7).isEmpty()
                       ? 0
                       : m.captured(7).leftJustified(3, u'0', true).toInt(); // milliseconds only
    const QTime time(number(4), number(5), number(6), ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 offsetSeconds = 0;
    if (m.capturedView(8).isEmpty()) {
        if (number(10) > 23 || number(11) > 59)
            return std::nullopt;
        offsetSeconds =
            (number(10) * 3600 + number(11) * 60) * (m.capturedView(9) == u"-" ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - offsetSeconds * 1000;
}

} // namespace prego::sim
