#pragma once

#include "types/alert.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace prego {

// How an alert is marked and named where it is not the main subject (a table's mark, a tray
// tooltip, a notification): which state is worse, the threshold in force for a node, and the
// rule and state in words.
class AlertMarks
{
    Q_DECLARE_TR_FUNCTIONS(prego::AlertMarks)
public:
    // Firing 3, Pending 2, Unknown 1 (we cannot tell), Resolved 0: how much it asks of an operator.
    static int severity(AlertState state);
    // The worst state among the alerts that are not resolved, or nullopt when every one is.
    static std::optional<AlertState> worst(const QList<Alert> &alerts);

    // "CPU", "memory", "disk", "freshness".
    static QString ruleName(AlertRule rule);
    // "firing", "pending", "resolved", "unknown".
    static QString stateName(AlertState state);
    // What the rule watches for, as a condition: "CPU ≥ 90 %", "disk ≥ 85 %", "stale",
    // "never reported" (Freshness: by the alert's detail).
    static QString conditionText(AlertRule rule, const AlertThreshold &threshold,
                                 const QString &detail = {});
};

} // namespace prego
