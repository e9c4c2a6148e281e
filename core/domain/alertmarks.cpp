#include "alertmarks.h"

#include <QLocale>

namespace prego {

int AlertMarks::severity(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return 3;
    case AlertState::Pending:
        return 2;
    case AlertState::Unknown:
        return 1;
    case AlertState::Resolved:
        return 0;
    }
    return 0;
}

std::optional<AlertState> AlertMarks::worst(const QList<Alert> &alerts)
{
    std::optional<AlertState> result;
    for (const Alert &a : alerts) {
        if (a.state == AlertState::Resolved)
            continue;
        if (!result || severity(a.state) > severity(*result))
            result = a.state;
    }
    return result;
}

QString AlertMarks::ruleName(AlertRule rule)
{
    switch (rule) {
    case AlertRule::Freshness:
        //: the alert rule on a node's freshness (stale, never reported)
        return tr("freshness");
    case AlertRule::Cpu:
        return tr("CPU");
    case AlertRule::Memory:
        return tr("memory");
    case AlertRule::Disk:
        return tr("disk");
    }
    return {};
}

QString AlertMarks::stateName(AlertState state)
{
    switch (state) {
    case AlertState::Pending:
        //: an alert's state: over the threshold, its window not yet full
        return tr("pending");
    case AlertState::Firing:
        //: an alert's state: over the threshold for its whole window
        return tr("firing");
    case AlertState::Resolved:
        return tr("resolved");
    case AlertState::Unknown:
        //: an alert's state: the node stopped pushing, so we cannot tell
        return tr("unknown");
    }
    return {};
}

QString AlertMarks::conditionText(AlertRule rule, const AlertThreshold &threshold,
                                  const QString &detail)
{
    const QString value = QLocale().toString(threshold.threshold); // 90, 87.5
    switch (rule) {
    case AlertRule::Freshness:
        if (detail == u"never_reported")
            //: a freshness alert's condition: the node has never pushed metrics
            return tr("never reported");
        //: a freshness alert's condition: the node's last push is older than the threshold
        return tr("stale");
    case AlertRule::Cpu:
        //: an alert's condition, e.g. "CPU ≥ 90 %"
        return tr("CPU ≥ %1 %").arg(value);
    case AlertRule::Memory:
        //: an alert's condition, e.g. "memory ≥ 90 %"
        return tr("memory ≥ %1 %").arg(value);
    case AlertRule::Disk:
        //: an alert's condition, e.g. "disk ≥ 85 %"
        return tr("disk ≥ %1 %").arg(value);
    }
    return {};
}

} // namespace prego
