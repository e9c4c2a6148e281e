#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace prego {

// The alert rules of console.md ("Alerts, acknowledgement and maintenance"). Freshness fires when
// a node is stale or has never reported (its window is the profile's stale threshold); the metric
// rules fire when a value stays at or above a threshold for a window.
enum class AlertRule { Freshness, Cpu, Memory, Disk };

inline constexpr std::array<AlertRule, 4> AllAlertRules{AlertRule::Freshness, AlertRule::Cpu,
                                                        AlertRule::Memory, AlertRule::Disk};

// Pending: over the threshold, window not yet full. Firing: window full. Resolved: under the
// clear level (threshold − clear margin) for a whole window. Unknown: the node stopped pushing
// while a metric alert was pending or firing: we cannot tell, so it is never called resolved.
enum class AlertState { Pending, Firing, Resolved, Unknown };

// Stable keys for storage, JSON output and settings.
inline QString alertRuleKey(AlertRule rule)
{
    switch (rule) {
    case AlertRule::Freshness:
        return QStringLiteral("freshness");
    case AlertRule::Cpu:
        return QStringLiteral("cpu");
    case AlertRule::Memory:
        return QStringLiteral("memory");
    case AlertRule::Disk:
        return QStringLiteral("disk");
    }
    return {};
}

inline std::optional<AlertRule> alertRuleFromKey(const QString &key)
{
    for (AlertRule rule : AllAlertRules) {
        if (alertRuleKey(rule) == key)
            return rule;
    }
    return std::nullopt;
}

inline QString alertStateKey(AlertState state)
{
    switch (state) {
    case AlertState::Pending:
        return QStringLiteral("pending");
    case AlertState::Firing:
        return QStringLiteral("firing");
    case AlertState::Resolved:
        return QStringLiteral("resolved");
    case AlertState::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

inline std::optional<AlertState> alertStateFromKey(const QString &key)
{
    for (AlertState state :
         {AlertState::Pending, AlertState::Firing, AlertState::Resolved, AlertState::Unknown}) {
        if (alertStateKey(state) == key)
            return state;
    }
    return std::nullopt;
}

// One rule's settings. For Freshness only `enabled` counts (the window is the profile's stale
// threshold). A firing metric alert clears only once the value stays below
// threshold − clearMargin for a whole window (hysteresis).
struct AlertThreshold
{
    bool enabled = true;
    double threshold = 0;   // percent
    int windowSeconds = 0;  // how long the value must stay over (or, to clear, under)
    double clearMargin = 5; // percentage points

    bool operator==(const AlertThreshold &) const = default;
};

// A per-node or per-region change to one rule; what is not set comes from the level above
// (node over region over the profile's defaults).
struct AlertOverride
{
    std::optional<bool> enabled;
    std::optional<double> threshold;
    std::optional<int> windowSeconds;
    std::optional<double> clearMargin;

    bool isEmpty() const { return !enabled && !threshold && !windowSeconds && !clearMargin; }
    // `base` with what this override sets.
    AlertThreshold appliedTo(AlertThreshold base) const
    {
        if (enabled)
            base.enabled = *enabled;
        if (threshold)
            base.threshold = *threshold;
        if (windowSeconds)
            base.windowSeconds = *windowSeconds;
        if (clearMargin)
            base.clearMargin = *clearMargin;
        return base;
    }
    bool operator==(const AlertOverride &) const = default;
};

using AlertOverrides = QMap<AlertRule, AlertOverride>;

// The rules of one profile.
struct AlertRules
{
    static constexpr int MinWindowSeconds = 0;
    static constexpr int MaxWindowSeconds = 24 * 3600;

    AlertThreshold freshness{true, 0, 0, 0};
    AlertThreshold cpu{true, 90, 600, 5};
    AlertThreshold memory{true, 90, 600, 5};
    AlertThreshold disk{true, 85, 300, 5};
    QMap<QString, AlertOverrides> nodeOverrides;   // node id -> rule -> override
    QMap<QString, AlertOverrides> regionOverrides; // region -> rule -> override

    // The profile's default for a rule.
    const AlertThreshold &defaults(AlertRule rule) const
    {
        switch (rule) {
        case AlertRule::Freshness:
            return freshness;
        case AlertRule::Cpu:
            return cpu;
        case AlertRule::Memory:
            return memory;
        case AlertRule::Disk:
            return disk;
        }
        return freshness;
    }
    AlertThreshold &defaults(AlertRule rule)
    {
        return const_cast<AlertThreshold &>(std::as_const(*this).defaults(rule));
    }
    // The rule as it applies to one node: the node's override over its region's over the
    // default, field by field.
    AlertThreshold effective(AlertRule rule, const QString &nodeId, const QString &region) const
    {
        AlertThreshold t = defaults(rule);
        // Found, never value(): a default-made optional trips GCC 12's maybe-uninitialized.
        const auto apply = [&](const QMap<QString, AlertOverrides> &overrides, const QString &key) {
            if (const auto byKey = overrides.constFind(key); byKey != overrides.cend()) {
                if (const auto byRule = byKey->constFind(rule); byRule != byKey->cend())
                    t = byRule->appliedTo(t);
            }
        };
        apply(regionOverrides, region);
        apply(nodeOverrides, nodeId);
        return t;
    }

    bool operator==(const AlertRules &) const = default;
};

// Who acknowledged an alert ("I am on it"), kept locally per profile. An acknowledged alert does
// not notify again until it resolves.
struct AlertAck
{
    QString who;
    qint64 atMs = 0;
    QString comment;

    bool operator==(const AlertAck &) const = default;
};

// One (node, rule) alert as it stands: pending, firing, unknown, or resolved (then kept for the
// history).
struct Alert
{
    QString nodeId;
    QString region;
    AlertRule rule = AlertRule::Freshness;
    AlertState state = AlertState::Pending;
    std::optional<double> value; // the last value (metric rules)
    QString detail;              // Freshness: "stale" or "never_reported"
    qint64 sinceMs = 0;          // server time the condition began
    std::optional<qint64> firingSinceMs;
    std::optional<qint64> resolvedAtMs;
    std::optional<AlertAck> ack;

    // "node/rule": one alert per node and rule at a time.
    QString key() const { return nodeId + QLatin1Char('/') + alertRuleKey(rule); }
    bool operator==(const Alert &) const = default;
};

// A change of state, as the history lists it and as notifications are made from.
struct AlertTransition
{
    QString nodeId;
    QString region;
    AlertRule rule = AlertRule::Freshness;
    std::optional<AlertState> from; // none: the alert began
    AlertState to = AlertState::Pending;
    qint64 atMs = 0; // server time
    std::optional<double> value;
    QString detail;

    bool operator==(const AlertTransition &) const = default;
};

} // namespace prego
