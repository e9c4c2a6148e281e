#include "fleet.h"
#include "silencevalidator.h"
#include "simclock.h"
#include "simdatabase.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego::sim;

namespace {
constexpr qint64 Now = 1'800'000'000'000; // 2027-01-15T08:00:00Z
constexpr qint64 HourMs = 3600 * 1000;

QJsonObject body(const QJsonValue &nodeIds, const QJsonValue &region, const QString &endsAt,
                 const QString &reason = u"kernel upgrade"_s)
{
    QJsonObject o{{u"silence_id"_s, u"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"_s},
                  {u"ends_at"_s, endsAt},
                  {u"reason"_s, reason}};
    if (!nodeIds.isUndefined())
        o.insert(u"node_ids"_s, nodeIds);
    if (!region.isUndefined())
        o.insert(u"region"_s, region);
    return o;
}

QStringList fieldNames(const QMap<QString, QString> &fields)
{
    return fields.keys();
}
} // namespace

TEST(SilenceValidator, ParsesEitherNodesOrARegion)
{
    const auto nodes =
        SilenceValidator::parse(body(QJsonArray{u"fsn1-shared-01"_s, u"fsn1-shared-02"_s},
                                     QJsonValue::Null, u"2027-01-15T12:00:00Z"_s));
    ASSERT_TRUE(nodes.fields.isEmpty()) << fieldNames(nodes.fields).join(u", ").toStdString();
    EXPECT_EQ(nodes.request.nodeIds, (QStringList{u"fsn1-shared-01"_s, u"fsn1-shared-02"_s}));
    EXPECT_FALSE(nodes.request.region);
    EXPECT_EQ(nodes.request.endsAtMs, Now + 4 * HourMs);

    const auto region =
        SilenceValidator::parse(body(QJsonValue::Undefined, u"nbg1"_s, u"2027-01-15T12:00:00Z"_s));
    ASSERT_TRUE(region.fields.isEmpty());
    EXPECT_EQ(region.request.region, u"nbg1"_s);
    EXPECT_TRUE(region.request.nodeIds.isEmpty());

    for (const QJsonValue &nodeIds : {QJsonValue(QJsonValue::Undefined), QJsonValue()}) {
        const auto neither =
            SilenceValidator::parse(body(nodeIds, QJsonValue::Null, u"2027-01-15T12:00:00Z"_s));
        EXPECT_EQ(fieldNames(neither.fields), (QStringList{u"node_ids"_s, u"region"_s}));
    }
    const auto both = SilenceValidator::parse(
        body(QJsonArray{u"fsn1-shared-01"_s}, u"fsn1"_s, u"2027-01-15T12:00:00Z"_s));
    EXPECT_EQ(fieldNames(both.fields), (QStringList{u"node_ids"_s, u"region"_s}));
}

TEST(SilenceValidator, EndsAtIsRfc3339WithAZone)
{
    const struct
    {
        QString text;
        std::optional<qint64> ms;
    } cases[] = {
        {u"2027-01-15T12:00:00Z"_s, Now + 4 * HourMs},
        {u"2027-01-15t12:00:00z"_s, Now + 4 * HourMs},
        {u"2027-01-15T14:00:00+02:00"_s, Now + 4 * HourMs},
        {u"2027-01-15T07:30:00-04:30"_s, Now + 4 * HourMs},
        {u"2027-01-15T12:00:00.5Z"_s, Now + 4 * HourMs + 500},
        {u"2027-01-15T12:00:00.123456789Z"_s, Now + 4 * HourMs + 123},
        {u"2027-01-15T12:00:00"_s, std::nullopt}, // no zone: local time of whom?
        {u"2027-01-15"_s, std::nullopt},
        {u"2027-01-15 12:00:00Z"_s, std::nullopt},
        {u"2027-02-30T12:00:00Z"_s, std::nullopt},
        {u"2027-01-15T24:00:00Z"_s, std::nullopt},
        {u"2027-01-15T12:00:00+24:00"_s, std::nullopt},
        {u"2027-01-15T12:00:00Z\n"_s, std::nullopt},
        {u"tomorrow"_s, std::nullopt},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text.toStdString());
        EXPECT_EQ(SimClock::parseRfc3339(c.text), c.ms);
        const auto parsed = SilenceValidator::parse(
            body(QJsonArray{u"fsn1-shared-01"_s}, QJsonValue::Undefined, c.text));
        EXPECT_EQ(parsed.fields.contains(u"ends_at"_s), !c.ms);
    }
}

TEST(SilenceValidator, ReasonCountsCharactersNotBytes)
{
    EXPECT_EQ(SilenceValidator::characterCount(u"점검"_s), 2);
    EXPECT_EQ(SilenceValidator::characterCount(QString::fromUtf8("\xF0\x9F\x94\xA7 x")), 3);

    auto reasonFields = [](const QString &reason) {
        return SilenceValidator::parse(body(QJsonArray{u"fsn1-shared-01"_s}, QJsonValue::Undefined,
                                            u"2027-01-15T12:00:00Z"_s, reason))
            .fields;
    };
    EXPECT_FALSE(reasonFields(QString(500, QChar(0xC810))).contains(u"reason"_s));
    EXPECT_TRUE(reasonFields(QString(501, QChar(0xC810))).contains(u"reason"_s));
    // 250 emoji are 500 UTF-16 units but 250 characters; 501 of them are too many.
    const QString wrench = QString::fromUtf8("\xF0\x9F\x94\xA7");
    EXPECT_FALSE(reasonFields(wrench.repeated(500)).contains(u"reason"_s));
    EXPECT_TRUE(reasonFields(wrench.repeated(501)).contains(u"reason"_s));
    EXPECT_TRUE(reasonFields(u""_s).contains(u"reason"_s));
    EXPECT_TRUE(reasonFields(u" \t\n"_s).contains(u"reason"_s));
    EXPECT_FALSE(reasonFields(u"x"_s).contains(u"reason"_s));
}

TEST(SilenceValidator, CheckAgainstTheFleetAndTheClock)
{
    SimDatabase db;
    ASSERT_EQ(db.open(u":memory:"_s).toStdString(), "");
    Fleet fleet(db);
    NodeRecord n;
    n.nodeId = u"fsn1-shared-01"_s;
    n.hostname = u"h"_s;
    n.ipv4 = u"198.18.0.1"_s;
    n.region = u"fsn1"_s;
    n.placement = u"shared"_s;
    n.role = u"shared"_s;
    ASSERT_EQ(fleet.registerNode(n, Now), Fleet::RegisterResult::Created);

    SilenceRequest ok{u"id"_s, {u"fsn1-shared-01"_s}, std::nullopt, Now + HourMs, u"r"_s};
    EXPECT_TRUE(SilenceValidator::check(ok, fleet, Now).isEmpty());

    SilenceRequest unknown = ok;
    unknown.nodeIds << u"fsn1-shared-09"_s;
    const auto unknownFields = SilenceValidator::check(unknown, fleet, Now);
    EXPECT_EQ(fieldNames(unknownFields), QStringList{u"node_ids"_s});
    EXPECT_TRUE(unknownFields.value(u"node_ids"_s).contains(u"fsn1-shared-09"_s));

    SilenceRequest region{u"id"_s, {}, u"fsn1"_s, Now + HourMs, u"r"_s};
    EXPECT_TRUE(SilenceValidator::check(region, fleet, Now).isEmpty());
    region.region = u"hel1"_s;
    EXPECT_EQ(fieldNames(SilenceValidator::check(region, fleet, Now)), QStringList{u"region"_s});

    for (const qint64 endsAt : {Now - 1, Now, Now + SilenceValidator::MaxAheadMs + 1}) {
        SilenceRequest late = ok;
        late.endsAtMs = endsAt;
        EXPECT_EQ(fieldNames(SilenceValidator::check(late, fleet, Now)), QStringList{u"ends_at"_s})
            << endsAt - Now;
    }
    ok.endsAtMs = Now + SilenceValidator::MaxAheadMs;
    EXPECT_TRUE(SilenceValidator::check(ok, fleet, Now).isEmpty()) << "7 days exactly is allowed";
}
