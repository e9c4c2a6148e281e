// The real agent binary against the real reference control plane (prego-cp-sim): the push shows
// up on the node the console reads, and node-bound agent tokens are enforced.
#include "agentprocess.h"
#include "diskusage.h"
#include "httptestclient.h"
#include "procfifo.h"
#include "simprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace prego::test;
using namespace prego::agent;
using namespace Qt::StringLiterals;

namespace {
QString fixture(const char *dir, const char *file)
{
    return QStringLiteral(PREGO_AGENT_FIXTURES) + u'/' + QLatin1StringView(dir) + u'/' +
           QLatin1StringView(file);
}

QByteArray readFixture(const char *dir, const char *file)
{
    QFile f(fixture(dir, file));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString randomToken(const char *prefix)
{
    return QLatin1StringView(prefix) +
           QString::number(QRandomGenerator::global()->generate64(), 16) +
           QString::number(QRandomGenerator::global()->generate64(), 16);
}

class AgentAgainstSim : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_fsn1Token = randomToken("fsn1-");
        m_nbg1Token = randomToken("nbg1-");
        m_sim.tokens.append({u"fsn1-agent"_s, u"agent"_s, u"fsn1-shared-01"_s, m_fsn1Token});
        m_sim.tokens.append({u"nbg1-agent"_s, u"agent"_s, u"nbg1-shared-01"_s, m_nbg1Token});
        ASSERT_TRUE(m_sim.start({u"--demo-fleet"_s, u"3"_s, u"--enable-sim-admin"_s}))
            << m_sim.error().toStdString();
        m_operator = std::make_unique<HttpTestClient>(m_sim.baseUrl());
        m_operator->setToken(m_sim.tokenFor(u"operator"_s));
        m_viewer = std::make_unique<HttpTestClient>(m_sim.baseUrl());
        m_viewer->setToken(m_sim.tokenFor(u"viewer"_s));
        // The simulated agent of fsn1-shared-01 would overwrite our values; silence it.
        const HttpResult silenced =
            m_operator->post(u"/sim/nodes/fsn1-shared-01"_s, QJsonObject{{u"pushing"_s, false}});
        ASSERT_EQ(silenced.status, 204) << silenced.body.constData();
    }

    QStringList arguments(const QString &tokenFile, const QString &nodeId,
                          const QString &procRoot) const
    {
        return {u"--once"_s,      u"--url"_s,       m_sim.baseUrl().toString(),
                u"--node-id"_s,   nodeId,           u"--token-file"_s,
                tokenFile,        u"--proc-root"_s, procRoot,
                u"--root-path"_s, m_root.path(),    u"--lang"_s,
                u"en"_s};
    }

    void expectNoToken(const AgentRun &run)
    {
        for (const QString &token : {m_fsn1Token, m_nbg1Token, m_sim.tokenFor(u"agent"_s)})
            EXPECT_FALSE(run.output().contains(token)) << run.output().toStdString();
    }

    SimProcess m_sim;
    QString m_fsn1Token;
    QString m_nbg1Token;
    std::unique_ptr<HttpTestClient> m_operator;
    std::unique_ptr<HttpTestClient> m_viewer;
    QTemporaryDir m_tokens;
    QTemporaryDir m_root;
};
} // namespace

TEST_F(AgentAgainstSim, PushedValuesShowOnTheNode)
{
    QFile tenants(m_root.filePath(u"tenant-count"_s));
    ASSERT_TRUE(tenants.open(QIODevice::WriteOnly));
    tenants.write(" 7\n");
    tenants.close();

    ProcFifo proc({readFixture("proc-normal", "stat"), readFixture("proc-later", "stat")},
                  fixture("proc-normal", "meminfo"));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    const AgentRun run = runAgent(arguments(writeTokenFile(m_tokens, m_fsn1Token.toLatin1()),
                                            u"fsn1-shared-01"_s, proc.path()) +
                                  QStringList{u"--tenant-count-file"_s, tenants.fileName()});
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.output().toStdString();
    EXPECT_EQ(proc.samplesServed(), 2);
    expectNoToken(run);

    const std::optional<double> disk = DiskUsage::percent(DiskUsage::stat(m_root.path()).value());
    ASSERT_TRUE(disk.has_value());

    const HttpResult node = m_viewer->get(u"/internal/nodes/fsn1-shared-01"_s);
    ASSERT_EQ(node.status, 200) << node.body.constData();
    const QJsonObject metrics = node.json().value("metrics"_L1).toObject();
    EXPECT_DOUBLE_EQ(metrics.value("cpu_pct"_L1).toDouble(), 40.0) << node.body.constData();
    EXPECT_DOUBLE_EQ(metrics.value("memory_pct"_L1).toDouble(), 61.1);
    EXPECT_NEAR(metrics.value("disk_pct"_L1).toDouble(), *disk, 0.3);
    EXPECT_EQ(metrics.value("tenant_count"_L1).toInteger(), 7);

    const QDateTime updated =
        QDateTime::fromString(metrics.value("updated_at"_L1).toString(), Qt::ISODateWithMs);
    ASSERT_TRUE(updated.isValid()) << node.body.constData();
    EXPECT_GE(updated, before);
    QDateTime serverNow = QLocale::c().toDateTime(QString::fromLatin1(node.header("Date")),
                                                  u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    serverNow.setTimeSpec(Qt::UTC);
    ASSERT_TRUE(serverNow.isValid()) << "no Date header: " << node.header("Date").constData();
    EXPECT_LE(std::abs(updated.secsTo(serverNow)), 30) << "updated_at is not fresh";

    // The control plane saw this push under the node-bound token's name.
    const HttpResult requests =
        m_operator->get(u"/sim/requests?path_prefix=/internal/server-metrics"_s);
    ASSERT_EQ(requests.status, 200);
    bool seen = false;
    const QJsonArray list = requests.json().value("requests"_L1).toArray();
    for (const QJsonValue &entry : list) {
        const QJsonObject r = entry.toObject();
        if (r.value("token_name"_L1).toString() == u"fsn1-agent"_s &&
            r.value("status"_L1).toInt() == 204)
            seen = true;
    }
    EXPECT_TRUE(seen) << requests.body.constData();
}

TEST_F(AgentAgainstSim, TokenBoundToAnotherNodeExitsTwoWithTheForbiddenMessage)
{
    const QStringList args =
        arguments(writeTokenFile(m_tokens, m_nbg1Token.toLatin1()), u"fsn1-shared-01"_s,
                  QStringLiteral(PREGO_AGENT_FIXTURES) + u"/proc-normal"_s);
    const AgentRun run = runAgent(args);
    EXPECT_EQ(run.exitCode, 2) << run.output().toStdString();
    EXPECT_TRUE(run.standardError.contains(u"HTTP 403"_s)) << run.output().toStdString();
    EXPECT_TRUE(run.standardError.contains(u"may not push metrics for node fsn1-shared-01"_s));
    expectNoToken(run);

    QStringList korean = args;
    korean.removeLast();
    korean.append(u"ko"_s);
    const AgentRun ko = runAgent(korean);
    EXPECT_EQ(ko.exitCode, 2);
    EXPECT_TRUE(ko.standardError.contains(u"403"_s) && ko.standardError.contains(u"노드"_s))
        << ko.output().toStdString();
    expectNoToken(ko);
}

TEST_F(AgentAgainstSim, UnknownNodeAndWrongTokenAreDistinctRefusals)
{
    const QString procRoot = QStringLiteral(PREGO_AGENT_FIXTURES) + u"/proc-normal"_s;
    const AgentRun unknown =
        runAgent(arguments(writeTokenFile(m_tokens, m_sim.tokenFor(u"agent"_s).toLatin1()),
                           u"ash-shared-99"_s, procRoot));
    EXPECT_EQ(unknown.exitCode, 2) << unknown.output().toStdString();
    EXPECT_TRUE(unknown.standardError.contains(u"node ash-shared-99 is not registered"_s))
        << unknown.output().toStdString();
    expectNoToken(unknown);

    const AgentRun wrong = runAgent(
        arguments(writeTokenFile(m_tokens, "not-a-known-token"), u"fsn1-shared-01"_s, procRoot));
    EXPECT_EQ(wrong.exitCode, 2) << wrong.output().toStdString();
    EXPECT_TRUE(wrong.standardError.contains(u"rejected the token (HTTP 401)"_s))
        << wrong.output().toStdString();
}
