// The alert rules as JSON: a round trip keeps every setting and override, and each field that is
// wrong is refused with a sentence naming it.
#include "domain/alertrulescodec.h"

#include <gtest/gtest.h>

using namespace prego;
using namespace Qt::StringLiterals;

namespace {

AlertRules customised()
{
    AlertRules rules;
    rules.freshness.enabled = false;
    rules.cpu = {true, 87.5, 900, 7.5};
    rules.disk.enabled = false;
    rules.nodeOverrides[u"fsn1-shared-000001"_s][AlertRule::Cpu].threshold = 97;
    rules.nodeOverrides[u"fsn1-shared-000001"_s][AlertRule::Freshness].enabled = true;
    rules.regionOverrides[u"nbg1"_s][AlertRule::Memory].windowSeconds = 0;
    rules.regionOverrides[u"nbg1"_s][AlertRule::Memory].clearMargin = 0;
    rules.regionOverrides[u"hel1"_s][AlertRule::Disk].enabled = true;
    return rules;
}

// `json` must be refused with a sentence containing `words` (the field's path among them).
void expectRefused(const QString &json, const QString &words)
{
    const AlertRulesCodec::Decoded d = AlertRulesCodec::fromJson(json.toUtf8());
    EXPECT_FALSE(d.rules) << json.toStdString();
    EXPECT_TRUE(d.error.contains(words))
        << json.toStdString() << " gave: " << d.error.toStdString();
    EXPECT_TRUE(d.error.endsWith(u'.')) << d.error.toStdString();
}

} // namespace

TEST(AlertRulesCodec, RoundTripKeepsEverySettingAndOverride)
{
    for (const AlertRules &rules : {AlertRules{}, customised()}) {
        const AlertRulesCodec::Decoded d =
            AlertRulesCodec::fromJson(AlertRulesCodec::toJson(rules));
        ASSERT_TRUE(d.rules) << d.error.toStdString();
        EXPECT_EQ(*d.rules, rules);
        EXPECT_TRUE(AlertRulesCodec::validate(rules).isEmpty());
    }
}

TEST(AlertRulesCodec, WhatIsLeftOutTakesTheDefault)
{
    const auto d = AlertRulesCodec::fromJson(R"({"cpu": {"threshold": 80}})");
    ASSERT_TRUE(d.rules) << d.error.toStdString();
    AlertRules expected;
    expected.cpu.threshold = 80;
    EXPECT_EQ(*d.rules, expected);
    EXPECT_EQ(d.rules->cpu.windowSeconds, 600);
    EXPECT_EQ(d.rules->disk.threshold, 85);
    EXPECT_EQ(*AlertRulesCodec::fromJson("{}").rules, AlertRules{});
}

TEST(AlertRulesCodec, EachInvalidFieldIsNamed)
{
    expectRefused(u"{\"cpu\": {\"threshold\": 101}}"_s,
                  u"cpu.threshold must be a number from 0 to 100"_s);
    expectRefused(u"{\"memory\": {\"threshold\": -0.5}}"_s, u"memory.threshold"_s);
    expectRefused(u"{\"disk\": {\"threshold\": \"85\"}}"_s, u"disk.threshold must be a number"_s);
    expectRefused(u"{\"cpu\": {\"window_seconds\": 86401}}"_s,
                  u"cpu.window_seconds must be a whole number of seconds from 0 to 86400"_s);
    expectRefused(u"{\"cpu\": {\"window_seconds\": 1.5}}"_s, u"cpu.window_seconds"_s);
    expectRefused(u"{\"cpu\": {\"window_seconds\": -1}}"_s, u"cpu.window_seconds"_s);
    expectRefused(u"{\"cpu\": {\"clear_margin\": 50.5}}"_s,
                  u"cpu.clear_margin must be a number of percentage points from 0 to 50"_s);
    expectRefused(u"{\"cpu\": {\"enabled\": 1}}"_s, u"cpu.enabled must be true or false"_s);
    expectRefused(u"{\"cpu\": {\"treshold\": 80}}"_s,
                  u"cpu.treshold is not a setting of an alert rule"_s);
    expectRefused(u"{\"freshness\": {\"window_seconds\": 60}}"_s,
                  u"freshness.window_seconds does not exist"_s);
    expectRefused(u"{\"gpu\": {\"threshold\": 80}}"_s, u"gpu is not part of the alert rules"_s);
    expectRefused(u"{\"cpu\": 80}"_s, u"cpu must be a JSON object"_s);
    // Overrides: an unknown rule, a bad node id, an empty region, a bad value deep inside.
    expectRefused(u"{\"node_overrides\": {\"web-1\": {\"gpu\": {\"enabled\": false}}}}"_s,
                  u"node_overrides.web-1.gpu is not an alert rule"_s);
    expectRefused(u"{\"node_overrides\": {\"Web_1\": {\"cpu\": {\"enabled\": false}}}}"_s,
                  u"node_overrides.Web_1 is not a valid node id"_s);
    expectRefused(u"{\"region_overrides\": {\" \": {\"cpu\": {\"enabled\": false}}}}"_s,
                  u"empty name"_s);
    expectRefused(u"{\"region_overrides\": {\"fsn1\": {\"disk\": {\"clear_margin\": 60}}}}"_s,
                  u"region_overrides.fsn1.disk.clear_margin"_s);
    expectRefused(u"{\"node_overrides\": []}"_s, u"node_overrides must be a JSON object"_s);
    // Not rules at all.
    expectRefused(u"{\"cpu\": "_s, u"not valid JSON"_s);
    expectRefused(u"[1, 2]"_s, u"must be a JSON object"_s);
}

TEST(AlertRulesCodec, ValidateNamesTheFirstProblemOfRulesBuiltInADialog)
{
    AlertRules rules;
    rules.disk.threshold = 120;
    EXPECT_EQ(AlertRulesCodec::validate(rules),
              u"The setting disk.threshold must be a number from 0 to 100 (percent)."_s);
    rules = {};
    rules.cpu.windowSeconds = AlertRules::MaxWindowSeconds + 1;
    EXPECT_TRUE(AlertRulesCodec::validate(rules).contains(u"cpu.window_seconds"_s));
    rules = {};
    rules.memory.threshold = std::nan("");
    EXPECT_TRUE(AlertRulesCodec::validate(rules).contains(u"memory.threshold"_s));
    rules = {};
    rules.nodeOverrides[u"web-1"_s][AlertRule::Disk].clearMargin = -1;
    EXPECT_TRUE(
        AlertRulesCodec::validate(rules).contains(u"node_overrides.web-1.disk.clear_margin"_s));
    rules = {};
    rules.regionOverrides[u"fsn1"_s][AlertRule::Freshness].threshold = 50;
    EXPECT_TRUE(
        AlertRulesCodec::validate(rules).contains(u"region_overrides.fsn1.freshness.threshold"_s));
    rules = {};
    rules.nodeOverrides[u"NOT VALID"_s][AlertRule::Cpu].enabled = false;
    EXPECT_TRUE(AlertRulesCodec::validate(rules).contains(u"node_overrides.NOT VALID"_s));
}
