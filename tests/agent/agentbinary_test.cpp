// The real prego-metrics-agent binary against a scripted server: what an operator running it by
// hand, or systemd running it, sees (exit codes, messages, what goes over the wire).
#include "agentprocess.h"
#include "cannedhttpserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace prego::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QByteArray Token = "agt-bin-5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";

QString fixtureDir(const char *name)
{
    return QStringLiteral(PREGO_AGENT_FIXTURES) + u'/' + QLatin1StringView(name);
}

QStringList onceArguments(const QUrl &url, const QString &tokenFile)
{
    return {u"--once"_s,
            u"--url"_s,
            url.toString(),
            u"--node-id"_s,
            u"fsn1-shared-01"_s,
            u"--token-file"_s,
            tokenFile,
            u"--proc-root"_s,
            fixtureDir("proc-normal"),
            u"--lang"_s,
            u"en"_s};
}

void expectNoToken(const AgentRun &run)
{
    EXPECT_FALSE(run.output().contains(QString::fromLatin1(Token)))
        << "the token leaked into the agent's output:\n"
        << run.output().toStdString();
}

QProcessEnvironment envWith(const QString &name, const QString &value)
{
    QProcessEnvironment env;
    env.insert(name, value);
    return env;
}
} // namespace

TEST(AgentBinary, HelpDocumentsTheExitCodes)
{
    const AgentRun run = runAgent({u"--help"_s});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_TRUE(run.standardOutput.contains(u"Exit codes:"_s)) << run.output().toStdString();
    EXPECT_TRUE(run.standardOutput.contains(u"  2  the control plane refused the push"_s));
    EXPECT_TRUE(run.standardOutput.contains(u"  3  the control plane could not be reached"_s));
}

TEST(AgentBinary, KoreanFromTheOptionOrTheLocale)
{
    const AgentRun option = runAgent({u"--lang"_s, u"ko"_s, u"--help"_s});
    EXPECT_EQ(option.exitCode, 0);
    EXPECT_TRUE(option.standardOutput.contains(u"사용법"_s)) << option.output().toStdString();
    EXPECT_TRUE(option.standardOutput.contains(u"종료 코드"_s));

    const AgentRun locale = runAgent({u"--help"_s}, envWith(u"LANG"_s, u"ko_KR.UTF-8"_s));
    EXPECT_TRUE(locale.standardOutput.contains(u"사용법"_s)) << locale.output().toStdString();

    const AgentRun overridden =
        runAgent({u"--help"_s, u"--lang=en"_s}, envWith(u"LC_ALL"_s, u"ko_KR.UTF-8"_s));
    EXPECT_TRUE(overridden.standardOutput.contains(u"Usage:"_s));
    EXPECT_FALSE(overridden.standardOutput.contains(u"사용법"_s));

    // Qt's own parser errors are in the catalogue too.
    const AgentRun unknown = runAgent({u"--lang"_s, u"ko"_s, u"--bogus"_s});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.standardError.contains(u"알 수 없는 옵션"_s))
        << unknown.output().toStdString();
}

TEST(AgentBinary, UsageErrorsExitWithOne)
{
    EXPECT_EQ(runAgent({u"--bogus"_s}).exitCode, 1);
    const AgentRun missing = runAgent({u"--once"_s, u"--url"_s, u"https://cp.example.net"_s});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.standardError.contains(u"--node-id is required"_s))
        << missing.output().toStdString();

    const AgentRun plainHttp = runAgent({u"--url"_s, u"http://cp.example.net"_s, u"--node-id"_s,
                                         u"n1"_s, u"--token-file"_s, u"/nonexistent"_s});
    EXPECT_EQ(plainHttp.exitCode, 1);
    EXPECT_TRUE(plainHttp.standardError.contains(u"https"_s));
}

TEST(AgentBinary, UnsafeTokenFileIsRefusedInBothLanguages)
{
    QTemporaryDir dir;
    const QString tokenFile = writeTokenFile(dir, Token, 0644);
    const QStringList arguments = onceArguments(QUrl(u"http://127.0.0.1:9"_s), tokenFile);

    const AgentRun english = runAgent(arguments);
    EXPECT_EQ(english.exitCode, 1);
    EXPECT_TRUE(english.standardError.contains(u"readable by other users"_s))
        << english.output().toStdString();
    expectNoToken(english);

    const AgentRun korean = runAgent(arguments + QStringList{u"--lang"_s, u"ko"_s});
    EXPECT_EQ(korean.exitCode, 1);
    EXPECT_TRUE(korean.standardError.contains(u"토큰 파일"_s)) << korean.output().toStdString();
    expectNoToken(korean);
}

TEST(AgentBinary, CaFileWithoutCertificatesIsAConfigurationError)
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(u"ca.pem"_s);
    QFile file(ca);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const AgentRun run =
        runAgent(onceArguments(QUrl(u"https://cp.example.net"_s), writeTokenFile(dir, Token)) +
                 QStringList{u"--ca-file"_s, ca});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.standardError.contains(u"contains no PEM certificate"_s))
        << run.output().toStdString();
}

TEST(AgentBinary, OncePushesAndExitsZero)
{
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    server.enqueue({204, {}, {}});
    QTemporaryDir dir;
    const AgentRun run = runAgent(onceArguments(server.url(), writeTokenFile(dir, Token)));
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.output().toStdString();
    expectNoToken(run);

    ASSERT_EQ(server.requests().size(), 1);
    const CannedHttpServer::Request &request = server.requests().first();
    EXPECT_EQ(request.header("Authorization"), "Bearer " + Token);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    EXPECT_EQ(body.value("node_id"_L1).toString(), u"fsn1-shared-01"_s);
    EXPECT_DOUBLE_EQ(body.value("memory_pct"_L1).toDouble(), 61.1);
    EXPECT_TRUE(body.value("disk_pct"_L1).isDouble());
    // The fixture's stat does not change between the two samples: CPU unknown, not 0.
    EXPECT_TRUE(body.value("cpu_pct"_L1).isNull());
    // No tenant count policy: null, and one warning naming the Definition of Done.
    EXPECT_TRUE(body.value("tenant_count"_L1).isNull());
    EXPECT_EQ(run.standardError.count(u"Definition of Done"_s), 1) << run.output().toStdString();
    EXPECT_TRUE(run.standardError.contains(u"metrics pushed for node fsn1-shared-01"_s));
}

TEST(AgentBinary, TenantCountFromCommandIsSent)
{
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    QTemporaryDir dir;
    const AgentRun run = runAgent(onceArguments(server.url(), writeTokenFile(dir, Token)) +
                                  QStringList{u"--tenant-count-cmd"_s, u"echo 23"_s});
    EXPECT_EQ(run.exitCode, 0) << run.output().toStdString();
    ASSERT_EQ(server.requests().size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(server.requests().first().body).object();
    EXPECT_EQ(body.value("tenant_count"_L1).toInteger(), 23);
    EXPECT_FALSE(run.standardError.contains(u"Definition of Done"_s));
}

TEST(AgentBinary, RefusalsExitWithTwo)
{
    for (const int status : {401, 403, 404, 422}) {
        CannedHttpServer server;
        ASSERT_TRUE(server.listen());
        server.enqueue(CannedHttpServer::error(status, u"refused"_s, u"no"_s));
        QTemporaryDir dir;
        const AgentRun run = runAgent(onceArguments(server.url(), writeTokenFile(dir, Token)));
        EXPECT_EQ(run.exitCode, 2) << status << run.output().toStdString();
        EXPECT_TRUE(run.standardError.contains(u"HTTP "_s + QString::number(status)));
        EXPECT_EQ(server.requests().size(), 1);
        expectNoToken(run);
    }
}

TEST(AgentBinary, RedirectExitsWithTwoAndIsNotFollowed)
{
    CannedHttpServer server;
    CannedHttpServer elsewhere;
    ASSERT_TRUE(server.listen());
    ASSERT_TRUE(elsewhere.listen());
    server.enqueue(
        {307, {{"Location", elsewhere.url().toEncoded() + "/internal/server-metrics"}}, {}});
    QTemporaryDir dir;
    const AgentRun run = runAgent(onceArguments(server.url(), writeTokenFile(dir, Token)));
    EXPECT_EQ(run.exitCode, 2) << run.output().toStdString();
    EXPECT_TRUE(run.standardError.contains(u"redirect"_s));
    EXPECT_EQ(elsewhere.connectionCount(), 0);
}

TEST(AgentBinary, RetriesAfterServiceUnavailableThenSucceeds)
{
    CannedHttpServer server;
    ASSERT_TRUE(server.listen());
    CannedHttpServer::Response busy = CannedHttpServer::error(503, u"unavailable"_s, {});
    busy.addHeader("Retry-After", "1");
    server.enqueue(busy);
    server.enqueue({204, {}, {}});
    QTemporaryDir dir;
    const AgentRun run = runAgent(onceArguments(server.url(), writeTokenFile(dir, Token)));
    EXPECT_EQ(run.exitCode, 0) << run.output().toStdString();
    ASSERT_EQ(server.requests().size(), 2);
    EXPECT_GE(server.requests().at(1).receivedAtMs - server.requests().at(0).receivedAtMs, 1000);
}

TEST(AgentBinary, UnreachableControlPlaneExitsWithThree)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const QUrl url(u"http://127.0.0.1:"_s + QString::number(probe.serverPort()));
    probe.close();
    QTemporaryDir dir;
    QElapsedTimer clock;
    clock.start();
    const AgentRun run = runAgent(onceArguments(url, writeTokenFile(dir, Token)));
    EXPECT_EQ(run.exitCode, 3) << run.output().toStdString();
    EXPECT_TRUE(run.standardError.contains(u"cannot reach the control plane"_s));
    // --once gives up within its retry budget (4 attempts, waits of at most 2 + 4 + 8 s).
    EXPECT_LT(clock.elapsed(), 30000);
    expectNoToken(run);
}
