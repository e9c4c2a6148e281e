#pragma once

#include "types/alert.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace prego {

// A profile's alert rules as JSON (how AlertStore keeps them, and what a rules file holds), with
// the limits every editor of them checks:
//
//   {"freshness": {"enabled": true},
//    "cpu": {"enabled": true, "threshold": 90, "window_seconds": 600, "clear_margin": 5},
//    "memory": {…}, "disk": {…},
//    "node_overrides": {"fsn1-shared-000001": {"cpu": {"threshold": 95}}},
//    "region_overrides": {"fsn1": {"disk": {"enabled": false}}}}
//
// A rule or field left out takes the default (AlertRules); anything unknown, of the wrong type or
// out of range is refused with a translated sentence naming the field by its path
// ("node_overrides.fsn1-shared-000001.cpu.threshold"), so a typo never silently does nothing.
class AlertRulesCodec
{
    Q_DECLARE_TR_FUNCTIONS(prego::AlertRulesCodec)

public:
    static constexpr double MinThreshold = 0;
    static constexpr double MaxThreshold = 100;
    static constexpr double MinClearMargin = 0;
    static constexpr double MaxClearMargin = 50;

    struct Decoded
    {
        std::optional<AlertRules> rules;
        QString error; // translated; set when rules is empty
    };

    static QByteArray toJson(const AlertRules &rules);
    static Decoded fromJson(const QByteArray &json);
    // The first problem of rules built elsewhere (the rules dialog), named as fromJson names it;
    // empty when they are valid.
    static QString validate(const AlertRules &rules);
};

} // namespace prego
