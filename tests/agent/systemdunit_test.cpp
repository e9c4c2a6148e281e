// The shipped systemd unit: hardened, token as a credential, and consistent with the agent and
// its defaults file.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {
QString readText(const char *path)
{
    QFile file(QLatin1StringView{path});
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Key=value lines of the unit, comments dropped; a key may appear more than once.
QMultiHash<QString, QString> directives(const QString &unit)
{
    QMultiHash<QString, QString> result;
    const QStringList lines = unit.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u'['))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            result.insert(line.left(eq), line.mid(eq + 1));
    }
    return result;
}
} // namespace

TEST(SystemdUnit, IsHardenedAndTakesTheTokenAsACredential)
{
    const QString unit = readText(PREGO_AGENT_UNIT_FILE);
    ASSERT_FALSE(unit.isEmpty());
    const auto d = directives(unit);
    EXPECT_EQ(d.value(u"DynamicUser"_s), u"yes"_s);
    // The user the prego-metrics-agent package creates (packaging/agent/postinst).
    EXPECT_EQ(d.value(u"User"_s), u"prego-metrics-agent"_s);
    EXPECT_EQ(d.value(u"Group"_s), u"prego-metrics-agent"_s);
    EXPECT_EQ(d.value(u"ConditionPathExists"_s), u"/etc/prego/agent-token"_s);
    EXPECT_EQ(d.value(u"LoadCredential"_s), u"token:/etc/prego/agent-token"_s);
    EXPECT_EQ(d.value(u"EnvironmentFile"_s), u"/etc/default/prego-metrics-agent"_s);
    EXPECT_EQ(d.value(u"ProtectSystem"_s), u"strict"_s);
    EXPECT_EQ(d.value(u"ProtectHome"_s), u"yes"_s);
    EXPECT_EQ(d.value(u"NoNewPrivileges"_s), u"yes"_s);
    EXPECT_EQ(d.value(u"PrivateTmp"_s), u"yes"_s);
    EXPECT_EQ(d.value(u"RestrictAddressFamilies"_s), u"AF_INET AF_INET6 AF_UNIX"_s);
    EXPECT_EQ(d.value(u"Restart"_s), u"always"_s);
    EXPECT_TRUE(d.contains(u"RestartSec"_s));
    // ProcSubset=pid would hide /proc/stat and /proc/meminfo: the agent would report nothing.
    EXPECT_FALSE(d.contains(u"ProcSubset"_s));

    const QString exec = d.value(u"ExecStart"_s);
    EXPECT_TRUE(exec.startsWith(u"/usr/bin/prego-metrics-agent "_s));
    EXPECT_TRUE(exec.contains(u"--token-file ${CREDENTIALS_DIRECTORY}/token"_s))
        << exec.toStdString();
    EXPECT_TRUE(exec.contains(u"--url ${PREGO_CP_URL}"_s));
    EXPECT_TRUE(exec.contains(u"--node-id ${PREGO_NODE_ID}"_s));
    EXPECT_FALSE(exec.contains(u"--once"_s));
}

TEST(SystemdUnit, EveryVariableItUsesIsInTheDefaultsFile)
{
    const QString unit = readText(PREGO_AGENT_UNIT_FILE);
    const QString defaults = readText(PREGO_AGENT_DEFAULT_FILE);
    ASSERT_FALSE(defaults.isEmpty());
    static const QRegularExpression variable(u"\\$\\{?([A-Z_]+)\\}?"_s);
    const QString exec = directives(unit).value(u"ExecStart"_s);
    auto it = variable.globalMatch(exec);
    int checked = 0;
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (name == u"CREDENTIALS_DIRECTORY"_s)
            continue; // set by systemd
        ++checked;
        EXPECT_TRUE(defaults.contains(u"\n"_s + name + u'=') || defaults.startsWith(name + u'='))
            << name.toStdString() << " is used by ExecStart but not set in the defaults file";
    }
    EXPECT_EQ(checked, 3);
}

TEST(SystemdUnit, PassesSystemdAnalyzeVerify)
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty())
        GTEST_SKIP() << "systemd-analyze is not installed";
    // Point ExecStart at the binary built here, so verify can check it is executable.
    QTemporaryDir dir;
    QString unit = readText(PREGO_AGENT_UNIT_FILE);
    unit.replace(u"/usr/bin/prego-metrics-agent"_s, QStringLiteral(PREGO_METRICS_AGENT_BINARY));
    const QString path = dir.filePath(u"prego-metrics-agent.service"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(unit.toUtf8());
    file.close();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(analyze, {u"verify"_s, u"--man=no"_s, path});
    ASSERT_TRUE(process.waitForFinished(60000));
    const QString output = QString::fromUtf8(process.readAll());
    // Only complaints about this unit count; a container without a running systemd adds noise
    // about the host's own units.
    QStringList ours;
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (line.contains(u"prego-metrics-agent"_s))
            ours << line;
    }
    EXPECT_TRUE(ours.isEmpty()) << output.toStdString();
}
