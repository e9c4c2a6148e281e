// prego-ctl alerts and ack against the real reference control plane: the freshness rule fires
// for the demo's stale nodes, a silenced one does not make --exit-code fail on its own, and an
// acknowledgement is kept in the profile's alerts file for the next run.
#include "ctlprocess.h"
#include "simprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::test::CtlProcess;
using prego::test::CtlRun;
using prego::test::SimProcess;

namespace {
class AlertCtlTest : public ::testing::Test
{
protected:
    void start(const QStringList &simArgs = {})
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(sim.start(QStringList{u"--demo-fleet"_s, u"6"_s} + simArgs))
            << sim.error().toStdString();
        ASSERT_EQ(
            ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString()}).exitCode,
            0);
        const CtlRun login =
            ctl({u"login"_s, u"--profile"_s, profile}, sim.tokenFor(u"operator"_s).toUtf8() + '\n');
        ASSERT_EQ(login.exitCode, 0) << login.err.toStdString();
    }

    // node id -> the freshness alert's JSON.
    QHash<QString, QJsonObject> freshnessAlerts(int *exitCode = nullptr)
    {
        const CtlRun r =
            ctl({u"alerts"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s, u"--exit-code"_s});
        if (exitCode)
            *exitCode = r.exitCode;
        QHash<QString, QJsonObject> out;
        const QJsonArray alerts =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"alerts").toArray();
        for (const QJsonValue &v : alerts) {
            const QJsonObject a = v.toObject();
            if (a.value(u"rule").toString() == u"freshness")
                out.insert(a.value(u"node_id").toString(), a);
        }
        return out;
    }

    QString profile = u"t%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    QTemporaryDir home;
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    SimProcess sim;
};
} // namespace

TEST_F(AlertCtlTest, StaleNodesFireAndAnAcknowledgementIsKept)
{
    start();
    int exitCode = -1;
    QHash<QString, QJsonObject> alerts = freshnessAlerts(&exitCode);
    // The demo: two nodes stopped pushing, one never did; the one stale longest is silenced.
    ASSERT_EQ(alerts.size(), 3) << QStringList(alerts.keys()).join(u", ").toStdString();
    int silenced = 0;
    QString loud;
    for (const QJsonObject &a : std::as_const(alerts)) {
        EXPECT_EQ(a.value(u"state").toString(), u"firing"_s);
        if (a.value(u"silence_id").isString())
            ++silenced;
        else if (a.value(u"detail").toString() == u"stale")
            loud = a.value(u"node_id").toString();
    }
    EXPECT_EQ(silenced, 1);
    ASSERT_FALSE(loud.isEmpty());
    EXPECT_EQ(exitCode, 8); // unsilenced alerts fire: a cron job hears it

    // The table says the same in words.
    CtlRun r = ctl({u"alerts"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0); // without --exit-code, listing is a success
    EXPECT_TRUE(r.out.contains(u"Firing"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"alice-laptop"_s)) << r.out.toStdString();

    // Bad input changes nothing.
    r = ctl({u"ack"_s, loud, u"--comment"_s, u"  "_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 1);
    r = ctl({u"ack"_s, u"no-such-node"_s, u"--comment"_s, u"x"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"no-such-node"_s));

    r = ctl({u"ack"_s, loud + u"/freshness"_s, u"--comment"_s, u"교체 중 — on it"_s, u"--profile"_s,
             profile});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    alerts = freshnessAlerts();
    const QJsonObject ack = alerts.value(loud).value(u"ack").toObject();
    EXPECT_EQ(ack.value(u"by").toString(), u"test-operator"_s);
    EXPECT_EQ(ack.value(u"comment").toString(), u"교체 중 — on it"_s);
    // Still firing while acknowledged: an acknowledgement quiets, it does not resolve.
    EXPECT_EQ(alerts.value(loud).value(u"state").toString(), u"firing"_s);
}

TEST_F(AlertCtlTest, WithoutSilencesEveryFiringAlertCounts)
{
    start({u"--features"_s, u"none"_s});
    int exitCode = -1;
    const QHash<QString, QJsonObject> alerts = freshnessAlerts(&exitCode);
    ASSERT_EQ(alerts.size(), 3);
    for (const QJsonObject &a : alerts)
        EXPECT_TRUE(a.value(u"silence_id").isNull());
    EXPECT_EQ(exitCode, 8);
}
