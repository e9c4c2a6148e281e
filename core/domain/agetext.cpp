#include "agetext.h"

#include <QCoreApplication>

#include <algorithm>

namespace prego::AgeText {

// The counts are computed before the translate() calls: Qt 6.4's lupdate loops forever on a '/'
// inside translate()'s argument list.
QString ago(std::optional<qint64> ageSeconds)
{
    if (!ageSeconds)
        return QCoreApplication::translate("prego::AgeText", "never");
    const qint64 s = *ageSeconds;
    const int minutes = int(s / 60);
    const int hours = int(s / 3600);
    const int days = int(s / 86400);
    if (s < 5)
        return QCoreApplication::translate("prego::AgeText", "just now");
    if (s < 60)
        return QCoreApplication::translate("prego::AgeText", "%n s ago", "seconds, abbreviated",
                                           int(s));
    if (s < 3600)
        return QCoreApplication::translate("prego::AgeText", "%n min ago", "minutes, abbreviated",
                                           minutes);
    if (s < 2 * 86400)
        return QCoreApplication::translate("prego::AgeText", "%n h ago", "hours, abbreviated",
                                           hours);
    return QCoreApplication::translate("prego::AgeText", "%n day(s) ago", nullptr, days);
}

QString duration(qint64 seconds)
{
    const qint64 s = std::max<qint64>(0, seconds);
    const int minutes = int(s / 60);
    const int hours = int(s / 3600);
    const int days = int(s / 86400);
    if (s < 60)
        return QCoreApplication::translate("prego::AgeText", "%n s", "duration in seconds", int(s));
    if (s < 3600)
        return QCoreApplication::translate("prego::AgeText", "%n min", "duration in minutes",
                                           minutes);
    if (s < 2 * 86400)
        return QCoreApplication::translate("prego::AgeText", "%n h", "duration in hours", hours);
    return QCoreApplication::translate("prego::AgeText", "%n day(s)", "duration in days", days);
}

} // namespace prego::AgeText
