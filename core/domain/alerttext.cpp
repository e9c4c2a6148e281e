#include "alerttext.h"

#include "domain/agetext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace prego::AlertText {

QString ruleName(AlertRule rule)
{
    switch (rule) {
    case AlertRule::Freshness:
        return QCoreApplication::translate("prego::AlertText", "Stale or never reported");
    case AlertRule::Cpu:
        return QCoreApplication::translate("prego::AlertText", "CPU");
    case AlertRule::Memory:
        return QCoreApplication::translate("prego::AlertText", "Memory");
    case AlertRule::Disk:
        return QCoreApplication::translate("prego::AlertText", "Disk");
    }
    return {};
}

QString ruleLabel(AlertRule rule, const AlertThreshold &threshold)
{
    if (rule == AlertRule::Freshness)
        return ruleName(rule);
    if (threshold.windowSeconds <= 0) {
        //: %1: the rule's metric (CPU, Memory, Disk), %2: a percentage ("90 %")
        return QCoreApplication::translate("prego::AlertText", "%1 ≥ %2")
            .arg(ruleName(rule), percent(threshold.threshold));
    }
    //: %1: the rule's metric (CPU, Memory, Disk), %2: a percentage ("90 %"), %3: a duration
    return QCoreApplication::translate("prego::AlertText", "%1 ≥ %2 for %3")
        .arg(ruleName(rule), percent(threshold.threshold),
             AgeText::duration(threshold.windowSeconds));
}

QString stateName(AlertState state)
{
    switch (state) {
    case AlertState::Pending:
        //: alert state: over the threshold, the window not yet full
        return QCoreApplication::translate("prego::AlertText", "Pending");
    case AlertState::Firing:
        //: alert state: over the threshold for the whole window
        return QCoreApplication::translate("prego::AlertText", "Firing");
    case AlertState::Resolved:
        //: alert state
        return QCoreApplication::translate("prego::AlertText", "Resolved");
    case AlertState::Unknown:
        //: alert state: the node stopped pushing, so the alert can be neither firing nor resolved
        return QCoreApplication::translate("prego::AlertText", "Unknown");
    }
    return {};
}

QString value(std::optional<double> value, const QString &detail)
{
    if (value)
        return percent(*value);
    if (detail == u"stale")
        return QCoreApplication::translate("prego::AlertText", "Stale");
    if (detail == u"never_reported")
        return QCoreApplication::translate("prego::AlertText", "Never reported");
    return detail;
}

QString percent(double value)
{
    return QCoreApplication::translate("prego::AlertText", "%1 %")
        .arg(QLocale().toString(value, 'f', QLocale::FloatingPointShortest));
}

QString points(double value)
{
    //: percentage points, the distance below a threshold at which an alert clears
    return QCoreApplication::translate("prego::AlertText", "%1 points")
        .arg(QLocale().toString(value, 'f', QLocale::FloatingPointShortest));
}

QString localDateTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace prego::AlertText
