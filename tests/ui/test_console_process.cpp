// The real prego-console as a process: SIGTERM and SIGINT end it cleanly (exit status 0, its
// settings written, its demo control plane stopped), and its prego-cp-sim child never outlives
// it, not even when the console is killed with SIGKILL. Also the SignalWatcher behind the clean
// end, in this process.
#include "signalwatcher.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct ProcStat
{
    QByteArray comm;
    char state = '?';
    qint64 ppid = 0;
};

// /proc/PID/stat: "pid (comm) state ppid …"; the name may hold spaces and parentheses.
std::optional<ProcStat> procStat(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.readAll();
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    if (rest.size() < 2 || rest.at(0).isEmpty())
        return std::nullopt;
    return ProcStat{line.mid(open + 1, close - open - 1), rest.at(0).at(0),
                    rest.at(1).toLongLong()};
}

const QByteArray SimName = "prego-cp-sim";

// The console's prego-cp-sim child: a process of that name whose parent is the console.
qint64 simChildOf(qint64 console)
{
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const auto stat = procStat(pid);
        if (stat && stat->ppid == console && stat->comm == SimName)
            return pid;
    }
    return 0;
}

// Whether the process has a TCP socket in LISTEN state: its socket inodes among the listening
// lines of /proc/PID/net/tcp{,6}.
bool isListening(qint64 pid)
{
    QSet<QByteArray> inodes;
    const QDir fds(u"/proc/%1/fd"_s.arg(pid));
    for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.contains(u"socket:["_s))
            inodes.insert(target.section(u'[', 1).chopped(1).toLatin1());
    }
    for (const char *table : {"tcp", "tcp6"}) {
        QFile file(u"/proc/%1/net/%2"_s.arg(pid).arg(QLatin1StringView(table)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // the header
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().simplified().split(' ');
            if (f.size() > 9 && f.at(3) == "0A" && inodes.contains(f.at(9)))
                return true;
        }
    }
    return false;
}

// Gone: no such process, a zombie (dead, not yet reaped by whoever inherited it) or another
// program under a reused id.
bool isGone(qint64 pid)
{
    const auto stat = procStat(pid);
    return !stat || stat->state == 'Z' || stat->state == 'X' || stat->comm != SimName;
}

bool waitGone(qint64 pid, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!isGone(pid)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

class ConsoleProcess : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(root.isValid());
        for (const char *name : {"config", "data", "cache", "state", "tmp", "home"})
            ASSERT_TRUE(QDir().mkpath(dir(name)));
    }

    void TearDown() override
    {
        // A console or child that the test failed to end must not outlive it either.
        if (console.state() != QProcess::NotRunning) {
            console.kill();
            console.waitForFinished(5000);
        }
        if (sim > 0 && !isGone(sim))
            ::kill(pid_t(sim), SIGKILL);
    }

    QString dir(const char *name) const { return root.filePath(QString::fromLatin1(name)); }

    // Starts `prego-console --demo` in its own directories (its own single-instance socket under
    // TMPDIR) and waits until its prego-cp-sim child listens.
    bool startDemo()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, dir("config"));
        env.insert(u"XDG_DATA_HOME"_s, dir("data"));
        env.insert(u"XDG_CACHE_HOME"_s, dir("cache"));
        env.insert(u"XDG_STATE_HOME"_s, dir("state"));
        env.insert(u"TMPDIR"_s, dir("tmp"));
        env.insert(u"HOME"_s, dir("home"));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"PREGO_CP_SIM"_s, QStringLiteral(PREGO_CP_SIM_BINARY));
        console.setProcessEnvironment(env);
        console.setWorkingDirectory(dir("home"));
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(QStringLiteral(PREGO_CONSOLE_BINARY), {u"--demo"_s, u"--lang"_s, u"en"_s});
        if (!console.waitForStarted(10000)) {
            failure = console.errorString();
            return false;
        }
        const QDeadlineTimer deadline(90000);
        while (!deadline.hasExpired()) {
            if (console.state() != QProcess::Running) {
                failure = u"the console ended before its control plane listened"_s;
                return false;
            }
            if (!sim)
                sim = simChildOf(console.processId());
            if (sim && isListening(sim))
                return true;
            console.waitForFinished(100); // reads its output meanwhile
        }
        failure = sim ? u"prego-cp-sim never listened"_s : u"no prego-cp-sim child appeared"_s;
        return false;
    }

    std::string output() { return failure.toStdString() + '\n' + console.readAll().toStdString(); }

    // SIGTERM or SIGINT: the console leaves its event loop, writes its settings, stops the child
    // and exits with status 0.
    void expectCleanEndOn(int signalNumber)
    {
        ASSERT_TRUE(startDemo()) << output();
        ASSERT_EQ(::kill(pid_t(console.processId()), signalNumber), 0);
        ASSERT_TRUE(console.waitForFinished(15000)) << "still running\n" << output();
        EXPECT_EQ(console.exitStatus(), QProcess::NormalExit) << output();
        EXPECT_EQ(console.exitCode(), 0) << output();
        // The console stopped and reaped its child itself.
        EXPECT_TRUE(waitGone(sim, 2000)) << "prego-cp-sim " << sim << " outlived the console";
        // The destructors ran: the demo's window layout was written to the settings.
        QSettings settings(QDir(dir("config")).filePath(u"prego/prego-console.conf"_s),
                           QSettings::IniFormat);
        const QStringList keys = settings.allKeys();
        EXPECT_TRUE(std::any_of(keys.cbegin(), keys.cend(), [](const QString &k) {
            return k.startsWith(u"views/demo/"_s);
        })) << keys.join(u' ').toStdString();
    }

    QTemporaryDir root;
    QProcess console;
    qint64 sim = 0;
    QString failure;
};

} // namespace

TEST_F(ConsoleProcess, SigtermEndsTheDemoCleanlyAndStopsItsControlPlane)
{
    expectCleanEndOn(SIGTERM);
}

TEST_F(ConsoleProcess, SigintEndsTheDemoCleanlyAndStopsItsControlPlane)
{
    expectCleanEndOn(SIGINT);
}

TEST_F(ConsoleProcess, TheDemoControlPlaneDiesWithAKilledConsole)
{
    ASSERT_TRUE(startDemo()) << output();
    console.kill(); // SIGKILL: no destructor runs
    ASSERT_TRUE(console.waitForFinished(5000));
    EXPECT_EQ(console.exitStatus(), QProcess::CrashExit);
    EXPECT_TRUE(waitGone(sim, 5000)) << "prego-cp-sim " << sim << " outlived the killed console";
}

TEST(SignalWatcher, DeliversSignalsOnTheEventLoopAndRestoresTheHandlerAfter)
{
    // Ignored before: should the watcher not catch the signal, raising it does no harm.
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    struct sigaction before = {};
    ASSERT_EQ(::sigaction(SIGUSR2, &ignore, &before), 0);
    {
        prego::SignalWatcher watcher({SIGUSR2});
        ASSERT_TRUE(watcher.isWatching());
        QSignalSpy received(&watcher, &prego::SignalWatcher::signalReceived);
        ::raise(SIGUSR2);
        ::raise(SIGUSR2);
        EXPECT_TRUE(received.count() > 0 || received.wait(5000));
        while (received.count() < 2 && received.wait(1000)) {
        }
        ASSERT_EQ(received.count(), 2);
        EXPECT_EQ(received.at(0).at(0).toInt(), SIGUSR2);
        EXPECT_EQ(received.at(1).at(0).toInt(), SIGUSR2);
        // The handler has one pipe to write to: a second watcher is refused and changes nothing.
        prego::SignalWatcher second({SIGUSR1});
        EXPECT_FALSE(second.isWatching());
    }
    struct sigaction after = {};
    ASSERT_EQ(::sigaction(SIGUSR2, &before, &after), 0);
    EXPECT_EQ(after.sa_handler, SIG_IGN);
}
