#pragma once

#include "types/alert.h"

#include <QString>

#include <optional>

namespace prego::AlertText {

// Translated words for the alert rules and states, shared by the alert models and dialogs.
QString ruleName(AlertRule rule);
// The rule with its threshold and window: "CPU ≥ 90 % for 10 min"; Freshness by name only (its
// window is the profile's stale threshold).
QString ruleLabel(AlertRule rule, const AlertThreshold &threshold);
QString stateName(AlertState state);
// An alert's value: "93.4 %" for the metric rules, "Stale" / "Never reported" for Freshness.
QString value(std::optional<double> value, const QString &detail);
// A percentage in the active locale, shortest form: "90 %", "87.5 %".
QString percent(double value);
// Percentage points (a clear margin): "5 points".
QString points(double value);
// A date and time in local time, the locale's short format.
QString localDateTime(qint64 ms);

} // namespace prego::AlertText
