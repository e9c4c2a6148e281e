#include "alertrulescodec.h"

#include "types/node.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

const QString KeyEnabled = u"enabled"_s;
const QString KeyThreshold = u"threshold"_s;
const QString KeyWindow = u"window_seconds"_s;
const QString KeyClearMargin = u"clear_margin"_s;
const QString KeyNodeOverrides = u"node_overrides"_s;
const QString KeyRegionOverrides = u"region_overrides"_s;

QString path(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

// The profile-wide settings of one rule (AlertRules or const AlertRules).
template<typename Rules> auto &defaultsOf(Rules &rules, AlertRule rule)
{
    switch (rule) {
    case AlertRule::Freshness:
        return rules.freshness;
    case AlertRule::Cpu:
        return rules.cpu;
    case AlertRule::Memory:
        return rules.memory;
    case AlertRule::Disk:
        break;
    }
    return rules.disk;
}

// The limits, one sentence each, shared by the decoder and validate().
struct Limits
{
    static QString threshold(double v, const QString &field)
    {
        if (std::isfinite(v) && v >= AlertRulesCodec::MinThreshold &&
            v <= AlertRulesCodec::MaxThreshold)
            return {};
        return AlertRulesCodec::tr("The setting %1 must be a number from 0 to 100 (percent).")
            .arg(field);
    }
    static QString window(double v, const QString &field)
    {
        if (std::isfinite(v) && v == std::floor(v) && v >= AlertRules::MinWindowSeconds &&
            v <= AlertRules::MaxWindowSeconds)
            return {};
        return AlertRulesCodec::tr(
                   "The setting %1 must be a whole number of seconds from 0 to 86400 (one day).")
            .arg(field);
    }
    static QString clearMargin(double v, const QString &field)
    {
        if (std::isfinite(v) && v >= AlertRulesCodec::MinClearMargin &&
            v <= AlertRulesCodec::MaxClearMargin)
            return {};
        return AlertRulesCodec::tr(
                   "The setting %1 must be a number of percentage points from 0 to 50.")
            .arg(field);
    }
    static QString freshnessOnlyEnabled(const QString &field)
    {
        return AlertRulesCodec::tr("The setting %1 does not exist: the freshness rule can only be "
                                   "turned on or off (its window is the profile's stale "
                                   "threshold).")
            .arg(field);
    }
    static QString nodeId(const QString &id, const QString &field)
    {
        if (Node::isValidId(id))
            return {};
        return AlertRulesCodec::tr("%1 is not a valid node id (lowercase letters, digits and "
                                   "hyphens, at most 63).")
            .arg(field);
    }
    static QString region(const QString &name, const QString &field)
    {
        if (!name.trimmed().isEmpty())
            return {};
        return AlertRulesCodec::tr("%1 names a region with an empty name.").arg(field);
    }
};

class Decoder
{
public:
    QString error;

    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }

    bool object(const QJsonValue &v, const QString &field, QJsonObject *out)
    {
        if (!v.isObject())
            return fail(AlertRulesCodec::tr("The setting %1 must be a JSON object.").arg(field));
        *out = v.toObject();
        return true;
    }

    bool number(const QJsonValue &v, const QString &field, double *out)
    {
        if (!v.isDouble())
            return fail(AlertRulesCodec::tr("The setting %1 must be a number.").arg(field));
        *out = v.toDouble();
        return true;
    }

    std::optional<AlertRule> rule(const QString &key, const QString &field)
    {
        const std::optional<AlertRule> rule = alertRuleFromKey(key);
        if (!rule)
            fail(AlertRulesCodec::tr("%1 is not an alert rule; the rules are freshness, cpu, "
                                     "memory and disk.")
                     .arg(field));
        return rule;
    }

    // One rule's fields into an override (every field optional).
    bool ruleFields(const QJsonObject &o, AlertRule rule, const QString &parent, AlertOverride *out)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString field = path(parent, it.key());
            if (rule == AlertRule::Freshness && it.key() != KeyEnabled)
                return fail(Limits::freshnessOnlyEnabled(field));
            double v = 0;
            if (it.key() == KeyEnabled) {
                if (!it->isBool())
                    return fail(
                        AlertRulesCodec::tr("The setting %1 must be true or false.").arg(field));
                out->enabled = it->toBool();
            } else if (it.key() == KeyThreshold) {
                if (!number(*it, field, &v) || !check(Limits::threshold(v, field)))
                    return false;
                out->threshold = v;
            } else if (it.key() == KeyWindow) {
                if (!number(*it, field, &v) || !check(Limits::window(v, field)))
                    return false;
                out->windowSeconds = int(v);
            } else if (it.key() == KeyClearMargin) {
                if (!number(*it, field, &v) || !check(Limits::clearMargin(v, field)))
                    return false;
                out->clearMargin = v;
            } else {
                return fail(
                    AlertRulesCodec::tr("%1 is not a setting of an alert rule; the settings are "
                                        "enabled, threshold, window_seconds and clear_margin.")
                        .arg(field));
            }
        }
        return true;
    }

    bool overrides(const QJsonValue &v, const QString &parent, bool nodes,
                   QMap<QString, AlertOverrides> *out)
    {
        QJsonObject byName;
        if (!object(v, parent, &byName))
            return false;
        for (auto it = byName.begin(); it != byName.end(); ++it) {
            const QString scope = path(parent, it.key());
            if (!check(nodes ? Limits::nodeId(it.key(), scope) : Limits::region(it.key(), scope)))
                return false;
            QJsonObject byRule;
            if (!object(*it, scope, &byRule))
                return false;
            AlertOverrides rules;
            for (auto r = byRule.begin(); r != byRule.end(); ++r) {
                const QString field = path(scope, r.key());
                const std::optional<AlertRule> rule = this->rule(r.key(), field);
                QJsonObject fields;
                AlertOverride o;
                if (!rule || !object(*r, field, &fields) || !ruleFields(fields, *rule, field, &o))
                    return false;
                if (!o.isEmpty())
                    rules.insert(*rule, o);
            }
            if (!rules.isEmpty())
                out->insert(it.key(), rules);
        }
        return true;
    }

    bool check(const QString &problem) { return problem.isEmpty() || fail(problem); }
};

QJsonObject ruleObject(AlertRule rule, const AlertOverride &o)
{
    QJsonObject out;
    if (o.enabled)
        out.insert(KeyEnabled, *o.enabled);
    if (rule == AlertRule::Freshness)
        return out;
    if (o.threshold)
        out.insert(KeyThreshold, *o.threshold);
    if (o.windowSeconds)
        out.insert(KeyWindow, *o.windowSeconds);
    if (o.clearMargin)
        out.insert(KeyClearMargin, *o.clearMargin);
    return out;
}

QJsonObject overridesObject(const QMap<QString, AlertOverrides> &overrides)
{
    QJsonObject out;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        QJsonObject byRule;
        for (auto r = it->begin(); r != it->end(); ++r) {
            if (!r->isEmpty())
                byRule.insert(alertRuleKey(r.key()), ruleObject(r.key(), *r));
        }
        if (!byRule.isEmpty())
            out.insert(it.key(), byRule);
    }
    return out;
}

QString validateOverride(AlertRule rule, const AlertOverride &o, const QString &field)
{
    if (rule == AlertRule::Freshness) {
        if (o.threshold)
            return Limits::freshnessOnlyEnabled(path(field, KeyThreshold));
        if (o.windowSeconds)
            return Limits::freshnessOnlyEnabled(path(field, KeyWindow));
        if (o.clearMargin)
            return Limits::freshnessOnlyEnabled(path(field, KeyClearMargin));
        return {};
    }
    QString problem;
    if (o.threshold)
        problem = Limits::threshold(*o.threshold, path(field, KeyThreshold));
    if (problem.isEmpty() && o.windowSeconds)
        problem = Limits::window(*o.windowSeconds, path(field, KeyWindow));
    if (problem.isEmpty() && o.clearMargin)
        problem = Limits::clearMargin(*o.clearMargin, path(field, KeyClearMargin));
    return problem;
}

QString validateOverrides(const QMap<QString, AlertOverrides> &overrides, const QString &parent,
                          bool nodes)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        const QString scope = path(parent, it.key());
        QString problem = nodes ? Limits::nodeId(it.key(), scope) : Limits::region(it.key(), scope);
        for (auto r = it->begin(); problem.isEmpty() && r != it->end(); ++r)
            problem = validateOverride(r.key(), *r, path(scope, alertRuleKey(r.key())));
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

} // namespace

QByteArray AlertRulesCodec::toJson(const AlertRules &rules)
{
    QJsonObject root;
    for (AlertRule rule : AllAlertRules) {
        const AlertThreshold &t = defaultsOf(rules, rule);
        root.insert(alertRuleKey(rule),
                    ruleObject(rule, {t.enabled, t.threshold, t.windowSeconds, t.clearMargin}));
    }
    root.insert(KeyNodeOverrides, overridesObject(rules.nodeOverrides));
    root.insert(KeyRegionOverrides, overridesObject(rules.regionOverrides));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

AlertRulesCodec::Decoded AlertRulesCodec::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {std::nullopt, tr("The alert rules are not valid JSON (%1 at byte %2).")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset)};
    if (!doc.isObject())
        return {std::nullopt, tr("The alert rules must be a JSON object.")};

    AlertRules rules;
    Decoder d;
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end() && d.error.isEmpty(); ++it) {
        if (it.key() == KeyNodeOverrides) {
            d.overrides(*it, it.key(), true, &rules.nodeOverrides);
            continue;
        }
        if (it.key() == KeyRegionOverrides) {
            d.overrides(*it, it.key(), false, &rules.regionOverrides);
            continue;
        }
        const std::optional<AlertRule> rule = alertRuleFromKey(it.key());
        if (!rule) {
            d.fail(tr("%1 is not part of the alert rules; they are freshness, cpu, memory, disk, "
                      "node_overrides and region_overrides.")
                       .arg(it.key()));
            break;
        }
        QJsonObject fields;
        AlertOverride o;
        if (!d.object(*it, it.key(), &fields) || !d.ruleFields(fields, *rule, it.key(), &o))
            break;
        AlertThreshold &t = defaultsOf(rules, *rule);
        t.enabled = o.enabled.value_or(t.enabled);
        t.threshold = o.threshold.value_or(t.threshold);
        t.windowSeconds = o.windowSeconds.value_or(t.windowSeconds);
        t.clearMargin = o.clearMargin.value_or(t.clearMargin);
    }
    if (!d.error.isEmpty())
        return {std::nullopt, d.error};
    return {rules, {}};
}

QString AlertRulesCodec::validate(const AlertRules &rules)
{
    for (AlertRule rule : AllAlertRules) {
        if (rule == AlertRule::Freshness)
            continue; // only `enabled` counts; the other fields are ignored
        const AlertThreshold &t = defaultsOf(rules, rule);
        const QString field = alertRuleKey(rule);
        QString problem = Limits::threshold(t.threshold, path(field, KeyThreshold));
        if (problem.isEmpty())
            problem = Limits::window(t.windowSeconds, path(field, KeyWindow));
        if (problem.isEmpty())
            problem = Limits::clearMargin(t.clearMargin, path(field, KeyClearMargin));
        if (!problem.isEmpty())
            return problem;
    }
    if (QString problem = validateOverrides(rules.nodeOverrides, KeyNodeOverrides, true);
        !problem.isEmpty())
        return problem;
    return validateOverrides(rules.regionOverrides, KeyRegionOverrides, false);
}

} // namespace prego
