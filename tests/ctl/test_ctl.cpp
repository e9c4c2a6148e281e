// prego-ctl as an operator runs it: a real process with its own config directory, the test
// session's real keychain and the real reference control plane.
#include "ctlprocess.h"
#include "httptestclient.h"
#include "readonlydir.h"
#include "scriptedhttpserver.h"
#include "simprocess.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::test::CtlProcess;
using prego::test::CtlRun;
using prego::test::ScriptedHttpServer;
using prego::test::SimProcess;

namespace {
class CtlTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(home.isValid());
        ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"12"_s, u"--enable-sim-admin"_s}))
            << sim.error().toStdString();
    }

    // A profile name per test so parallel tests never share keychain entries.
    QString profile = u"t%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    QTemporaryDir home;
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    SimProcess sim;
};
} // namespace

TEST_F(CtlTest, ProfilesAddListRemove)
{
    CtlRun r = ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString(),
                    u"--poll-interval"_s, u"30"_s, u"--stale-after"_s, u"120"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = ctl({u"profiles"_s, u"list"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(profile));
    EXPECT_TRUE(r.out.contains(u"30 s"_s));
    EXPECT_TRUE(r.out.contains(u"120 s"_s));
    r = ctl({u"profiles"_s, u"remove"_s, profile});
    EXPECT_EQ(r.exitCode, 0);
    r = ctl({u"profiles"_s, u"remove"_s, profile});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_FALSE(r.err.isEmpty());
}

TEST_F(CtlTest, BadInputIsOneClearSentenceAndExitOne)
{
    CtlRun r = ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, u"http://cp.example.net"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"https"_s)) << r.err.toStdString();
    EXPECT_EQ(r.err.count(u'\n'), 1);
    r = ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, u"https://cp.example.net"_s,
             u"--poll-interval"_s, u"1"_s});
    EXPECT_EQ(r.exitCode, 1);
    r = ctl({u"frobnicate"_s});
    EXPECT_EQ(r.exitCode, 1);
    r = ctl({u"--help"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(u"Exit codes"_s));
}

TEST_F(CtlTest, PrintsItsVersion)
{
    const CtlRun r = ctl({u"--version"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith(u"prego-ctl "_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"(Qt 6."_s)) << r.out.toStdString();
    EXPECT_TRUE(r.err.isEmpty());
}

TEST_F(CtlTest, LoginWhoamiNodesLogoutWithTheRealKeychain)
{
    ASSERT_EQ(
        ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString()}).exitCode, 0);
    const QString token = sim.tokenFor(u"viewer"_s);

    CtlRun r = ctl({u"whoami"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 2); // no token yet
    EXPECT_TRUE(r.err.contains(u"login"_s));

    r = ctl({u"login"_s, u"--profile"_s, profile}, "wrong-token-wrong-token\n");
    EXPECT_EQ(r.exitCode, 2); // refused by the control plane: not stored
    r = ctl({u"whoami"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 2);

    r = ctl({u"login"_s, u"--profile"_s, profile}, token.toUtf8() + '\n');
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"test-viewer"_s));
    EXPECT_FALSE(r.out.contains(token));

    r = ctl({u"whoami"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(u"viewer"_s));
    EXPECT_TRUE(r.out.contains(u"\nOffers: "_s)) << r.out.toStdString();

    r = ctl({u"nodes"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray nodes = root.value(u"nodes").toArray();
    EXPECT_EQ(nodes.size(), 15); // 12 shared + the globex trio
    QStringList stale, never;
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        const QString f = n.value(u"freshness").toString();
        if (f == u"stale")
            stale.append(n.value(u"node_id").toString());
        if (f == u"never_reported") {
            never.append(n.value(u"node_id").toString());
            EXPECT_TRUE(n.value(u"age_seconds").isNull());
        }
        if (f == u"fresh") {
            EXPECT_LE(n.value(u"age_seconds").toInt(), 300);
        }
        EXPECT_TRUE(
            QStringList({u"fresh"_s, u"stale"_s, u"never_reported"_s, u"unknown"_s}).contains(f));
    }
    EXPECT_EQ(stale.size(), 2) << stale.join(u", "_s).toStdString();
    EXPECT_EQ(never.size(), 1);

    r = ctl({u"nodes"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(u"never reported"_s));
    EXPECT_TRUE(r.out.contains(u"2 stale"_s)) << r.out.toStdString();

    r = ctl({u"logout"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0);
    r = ctl({u"nodes"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 2);

    // The token never reached a file under the config, data or cache directories.
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_FALSE(f.readAll().contains(token.toUtf8())) << it.filePath().toStdString();
    }
}

TEST_F(CtlTest, StaleAfterFollowsTheProfile)
{
    ASSERT_EQ(ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString(),
                   u"--stale-after"_s, u"30"_s})
                  .exitCode,
              0);
    ASSERT_EQ(
        ctl({u"login"_s, u"--profile"_s, profile}, sim.tokenFor(u"viewer"_s).toUtf8()).exitCode, 0);
    // Backdate one node by 45 s: stale under a 30 s rule, fresh under the default 300 s.
    prego::test::HttpTestClient admin(sim.baseUrl());
    admin.setToken(sim.tokenFor(u"operator"_s));
    ASSERT_EQ(admin
                  .post(u"/sim/nodes/fsn1-shared-01"_s,
                        QJsonObject{{u"pushing"_s, false}, {u"last_push_age_seconds"_s, 45}})
                  .status,
              204);
    const CtlRun r = ctl({u"nodes"_s, u"--profile"_s, profile, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0);
    for (const QJsonValue &v :
         QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"nodes").toArray()) {
        const QJsonObject n = v.toObject();
        if (n.value(u"node_id").toString() == u"fsn1-shared-01") {
            EXPECT_EQ(n.value(u"freshness").toString(), u"stale"_s);
            EXPECT_GE(n.value(u"age_seconds").toInt(), 45);
        }
    }
    ctl({u"logout"_s, u"--profile"_s, profile});
}

TEST_F(CtlTest, UnreachableAndForbiddenHaveTheirExitCodes)
{
    ASSERT_EQ(ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, u"http://127.0.0.1:1"_s}).exitCode,
              0);
    CtlRun r = ctl({u"login"_s, u"--profile"_s, profile}, "some-token-1234567890");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains(u"127.0.0.1"_s)) << r.err.toStdString();
}

TEST_F(CtlTest, SpeaksKoreanWhenAskedOrWhenTheLocaleSaysSo)
{
    CtlRun r = ctl({u"--lang"_s, u"ko"_s, u"whoami"_s, u"--profile"_s, u"nope"_s});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.contains(u"프로필"_s)) << r.err.toStdString();
    r = ctl({u"whoami"_s, u"--profile"_s, u"nope"_s}, {}, CtlProcess::Locale::Korean);
    EXPECT_TRUE(r.err.contains(u"프로필"_s)) << r.err.toStdString();
    r = ctl({u"--lang"_s, u"en"_s, u"whoami"_s, u"--profile"_s, u"nope"_s}, {},
            CtlProcess::Locale::Korean);
    EXPECT_TRUE(r.err.contains(u"There is no profile"_s));
}

// Issue 9: XDG_CONFIG_HOME that cannot be written. Reading still works; every change says, in
// one translated sentence, that the settings file could not be written because its folder is
// read-only, exits non-zero, and changes nothing (remove keeps the profile, and so its token).
TEST_F(CtlTest, AReadOnlyConfigDirectoryIsReportedNotCrashedOn)
{
    CtlRun r = ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, sim.baseUrl().toString()});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString config = home.filePath(u"config"_s);
    prego::test::ReadOnlyDir readOnly(config);
    if (!readOnly.ok())
        GTEST_SKIP() << "the config directory cannot be made read-only here: " << readOnly.why();

    r = ctl({u"profiles"_s, u"list"_s});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(profile));

    r = ctl({u"profiles"_s, u"add"_s, profile + u"b"_s, u"--url"_s, sim.baseUrl().toString()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"could not be written"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"read-only"_s)) << r.err.toStdString();
    EXPECT_EQ(r.err.count(u'\n'), 1) << "one sentence: " << r.err.toStdString();

    r = ctl({u"profiles"_s, u"remove"_s, profile});
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(u"read-only"_s)) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(u"removed"_s)) << r.out.toStdString();

    r = ctl({u"profiles"_s, u"list"_s});
    EXPECT_TRUE(r.out.contains(profile)) << "the profile was lost";
    EXPECT_FALSE(r.out.contains(profile + u"b"_s));

    // Korean too.
    r = ctl({u"profiles"_s, u"add"_s, profile + u"c"_s, u"--url"_s, sim.baseUrl().toString()}, {},
            CtlProcess::Locale::Korean);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(r.err.contains(u"could not be written"_s)) << r.err.toStdString();
}

// A control plane whose answers are valid JSON but not what the contract says. Each command says
// which control plane answered and what is wrong with its answer, and exits 3; whoami lists the
// capabilities it knows, once each and in the order given.
TEST(CtlAgainstAScriptedControlPlane, AnAnswerThatBreaksTheContractIsNamedAndExitsThree)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    CtlProcess ctl{QStringLiteral(PREGO_CTL_BINARY), home.path()};
    const QString profile = u"h%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
    ScriptedHttpServer server([](const ScriptedHttpServer::Request &request) {
        if (request.path == "/internal/whoami")
            return ScriptedHttpServer::response(
                200, R"({"token_name":"scripted","role":"operator",)"
                     R"("server_time":"2026-01-05T10:00:00Z",)"
                     R"("features":["plans","teleport","silences","plans"]})");
        return ScriptedHttpServer::response(200, R"({"nodes":"many","jobs":7})");
    });
    ASSERT_EQ(ctl({u"profiles"_s, u"add"_s, profile, u"--url"_s, server.url().toString()}).exitCode,
              0);
    CtlRun r = ctl({u"login"_s, u"--profile"_s, profile}, "scripted-token-1234567890\n");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    r = ctl({u"whoami"_s, u"--profile"_s, profile});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"\nOffers: plans, silences\n"_s)) << r.out.toStdString();

    const QString jobId = u"0b7e6f2c-3c1a-4d8e-9f00-5a6b7c8d9e0f"_s;
    const QList<QStringList> commands{
        {u"nodes"_s, u"--profile"_s, profile},
        {u"jobs"_s, u"--profile"_s, profile},
        {u"job"_s, jobId, u"--profile"_s, profile},
        {u"retry"_s, jobId, u"--profile"_s, profile},
        {u"provision"_s, u"--profile"_s, profile, u"--tenant"_s, u"acme"_s, u"--target"_s,
         u"fsn1-shared-01"_s},
    };
    for (const QStringList &command : commands) {
        r = ctl(command);
        EXPECT_EQ(r.exitCode, 3) << command.first().toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(u"The answer from 127.0.0.1 does not follow the control plane "
                                   u"contract: "_s))
            << command.first().toStdString() << ": " << r.err.toStdString();
    }
    ctl({u"logout"_s, u"--profile"_s, profile});
}
