#include "agentlanguage.h"
#include "agentoptions.h"

#include <gtest/gtest.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;

namespace {
Result<AgentOptions::Parsed> parse(QStringList arguments)
{
    arguments.prepend(u"prego-metrics-agent"_s);
    return AgentOptions::parse(arguments);
}

QStringList required()
{
    return {u"--url"_s,          u"https://cp.example.net"_s, u"--node-id"_s,
            u"fsn1-shared-01"_s, u"--token-file"_s,           u"/etc/prego/agent-token"_s};
}
} // namespace

TEST(AgentOptions, DefaultsFromTheIssue)
{
    const auto parsed = parse(required());
    ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
    const AgentConfig &config = parsed.value().config;
    EXPECT_EQ(config.url, QUrl(u"https://cp.example.net"_s));
    EXPECT_EQ(config.nodeId, u"fsn1-shared-01"_s);
    EXPECT_EQ(config.interval.count(), 60);
    EXPECT_EQ(config.timeout.count(), 15);
    EXPECT_FALSE(config.once);
    EXPECT_EQ(config.procRoot, u"/proc"_s);
    EXPECT_EQ(config.rootPath, u"/"_s);
    EXPECT_TRUE(config.tenantCountFile.isEmpty() && config.tenantCountCommand.isEmpty());
}

TEST(AgentOptions, EveryOption)
{
    const auto parsed =
        parse(required() + QStringList{u"--once"_s, u"--interval=5"_s, u"--timeout"_s, u"3"_s,
                                       u"--proc-root"_s, u"/tmp/p"_s, u"--root-path"_s, u"/srv"_s,
                                       u"--tenant-count-cmd"_s, u"echo 1"_s, u"--ca-file"_s,
                                       u"/etc/prego/ca.pem"_s, u"--lang"_s, u"ko"_s});
    ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
    const AgentConfig &config = parsed.value().config;
    EXPECT_TRUE(config.once);
    EXPECT_EQ(config.interval.count(), 5);
    EXPECT_EQ(config.timeout.count(), 3);
    EXPECT_EQ(config.procRoot, u"/tmp/p"_s);
    EXPECT_EQ(config.rootPath, u"/srv"_s);
    EXPECT_EQ(config.tenantCountCommand, u"echo 1"_s);
    EXPECT_EQ(config.caFile, u"/etc/prego/ca.pem"_s);
}

TEST(AgentOptions, HttpsRequiredExceptLoopback)
{
    for (const QString &url :
         {u"http://127.0.0.1:8787"_s, u"http://127.3.2.1"_s, u"http://[::1]:8787"_s,
          u"http://localhost:8787/cp"_s, u"https://cp.example.net/base/"_s}) {
        EXPECT_TRUE(AgentOptions::parseUrl(url).ok()) << url.toStdString();
    }
    for (const QString &url : {u"http://cp.example.net"_s, u"http://10.0.0.1"_s,
                               u"http://128.0.0.1"_s, u"http://localhost.example.net"_s}) {
        const Result<QUrl> result = AgentOptions::parseUrl(url);
        ASSERT_FALSE(result.ok()) << url.toStdString();
        EXPECT_TRUE(result.error().contains(u"unencrypted"_s)) << result.error().toStdString();
    }
    EXPECT_FALSE(AgentOptions::parseUrl(u"ftp://cp.example.net"_s).ok());
    EXPECT_FALSE(AgentOptions::parseUrl(u"cp.example.net"_s).ok());
    EXPECT_FALSE(AgentOptions::parseUrl(u"https://cp.example.net/?x=1"_s).ok());
}

TEST(AgentOptions, CredentialsInTheUrlAreRefusedWithoutEchoingThem)
{
    const Result<QUrl> result = AgentOptions::parseUrl(u"https://agent:hunter2@cp.example.net"_s);
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(result.error().contains(u"hunter2"_s)) << result.error().toStdString();
}

TEST(AgentOptions, NodeIdRules)
{
    EXPECT_TRUE(AgentOptions::isValidNodeId(u"fsn1-shared-01"_s));
    EXPECT_TRUE(AgentOptions::isValidNodeId(QString(63, u'a')));
    EXPECT_FALSE(AgentOptions::isValidNodeId(QString(64, u'a')));
    EXPECT_FALSE(AgentOptions::isValidNodeId({}));
    EXPECT_FALSE(AgentOptions::isValidNodeId(u"FSN1-shared-01"_s));
    EXPECT_FALSE(AgentOptions::isValidNodeId(u"fsn1_shared"_s));
    EXPECT_FALSE(AgentOptions::isValidNodeId(u"fsn1 shared"_s));

    QStringList arguments = required();
    arguments[3] = u"Bad_Node"_s;
    const auto parsed = parse(arguments);
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().contains(u"--node-id"_s));
}

TEST(AgentOptions, IntervalAtLeastFiveSeconds)
{
    for (const QString &interval : {u"4"_s, u"0"_s, u"-60"_s, u"1m"_s, u"2.5"_s}) {
        const auto parsed = parse(required() + QStringList{u"--interval"_s, interval});
        ASSERT_FALSE(parsed.ok()) << interval.toStdString();
        EXPECT_TRUE(parsed.error().contains(u"--interval"_s));
    }
}

TEST(AgentOptions, MissingRequiredOptionsAreNamed)
{
    for (qsizetype drop = 0; drop < 3; ++drop) {
        QStringList arguments = required();
        const QString name = arguments.at(drop * 2);
        arguments.remove(drop * 2, 2);
        const auto parsed = parse(arguments);
        ASSERT_FALSE(parsed.ok());
        EXPECT_TRUE(parsed.error().contains(name)) << parsed.error().toStdString();
    }
}

// The shipped defaults file leaves PREGO_CP_URL and PREGO_NODE_ID empty; systemd then passes
// empty arguments, which must read as "missing", not as a URL or node id.
TEST(AgentOptions, EmptyValuesFromAnUnfilledDefaultsFileAreMissing)
{
    const auto parsed = parse({u"--url"_s, u""_s, u"--node-id"_s, u""_s, u"--token-file"_s,
                               u"/run/credentials/prego-metrics-agent.service/token"_s});
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().contains(u"--url is required"_s)) << parsed.error().toStdString();
}

TEST(AgentOptions, TokenOnTheCommandLineIsRefusedAndNeverEchoed)
{
    for (const QStringList &extra :
         {QStringList{u"--token"_s, u"s3cret-value"_s}, QStringList{u"--token=s3cret-value"_s},
          QStringList{u"s3cret-value"_s}}) {
        const auto parsed = parse(required() + extra);
        ASSERT_FALSE(parsed.ok());
        EXPECT_FALSE(parsed.error().contains(u"s3cret"_s)) << parsed.error().toStdString();
    }
}

TEST(AgentOptions, TenantPoliciesAreExclusive)
{
    const auto parsed = parse(required() + QStringList{u"--tenant-count-file"_s, u"/run/t"_s,
                                                       u"--tenant-count-cmd"_s, u"echo 1"_s});
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().contains(u"cannot be used together"_s));
}

TEST(AgentOptions, HelpDocumentsEveryOptionAndTheExitCodes)
{
    const auto parsed = parse({u"--help"_s});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().action, AgentOptions::Action::ShowHelp);
    const QString help = AgentOptions::helpText();
    for (const char *option :
         {"--url", "--node-id", "--token-file", "--ca-file", "--interval", "--once", "--timeout",
          "--tenant-count-file", "--tenant-count-cmd", "--proc-root", "--root-path", "--lang"}) {
        EXPECT_TRUE(help.contains(QLatin1StringView(option))) << option;
    }
    for (const char *code : {"\n  0  ", "\n  1  ", "\n  2  ", "\n  3  "})
        EXPECT_TRUE(help.contains(QLatin1StringView(code))) << "exit code line" << code;
}

TEST(AgentOptions, LangMustBeEnOrKo)
{
    const auto parsed = parse(required() + QStringList{u"--lang"_s, u"fr"_s});
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().contains(u"--lang"_s));
}

TEST(AgentLanguage, OptionBeatsLocaleAndLocaleOrderIsPosix)
{
    using L = AgentLanguage::Language;
    const auto env = [](std::initializer_list<std::pair<const char *, const char *>> vars) {
        QProcessEnvironment e;
        for (const auto &[k, v] : vars)
            e.insert(QLatin1StringView(k), QLatin1StringView(v));
        return e;
    };
    const QStringList none{u"agent"_s};
    EXPECT_EQ(AgentLanguage::choose(none, env({})), L::English);
    EXPECT_EQ(AgentLanguage::choose(none, env({{"LANG", "ko_KR.UTF-8"}})), L::Korean);
    EXPECT_EQ(AgentLanguage::choose(none, env({{"LANG", "ko_KR.UTF-8"}, {"LC_MESSAGES", "C"}})),
              L::English);
    EXPECT_EQ(AgentLanguage::choose(none, env({{"LC_MESSAGES", "C"}, {"LC_ALL", "ko_KR.UTF-8"}})),
              L::Korean);
    EXPECT_EQ(AgentLanguage::choose({u"agent"_s, u"--lang"_s, u"en"_s}, env({{"LC_ALL", "ko_KR"}})),
              L::English);
    EXPECT_EQ(AgentLanguage::choose({u"agent"_s, u"--lang=ko"_s}, env({{"LANG", "C.UTF-8"}})),
              L::Korean);
}
