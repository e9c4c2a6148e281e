// A canary token through a whole session: prego-ctl (login, nodes, history, provision, jobs,
// verify), the console on the canary's profile (every view rendered, then a live run with a node
// detail and a job open), the demo with its wizard submitting a job, and crashes of the console
// and of prego-ctl. Afterwards the token must appear 0 times, in any encoding, in any file under
// the session's config, data, cache, state (the log), temporary and home directories, in the
// programs' output, or in a core dump. Every program runs as a real process with those
// directories as its XDG ones and the test session's real keychain.
//
// A live process has the token in memory while it uses it (the client, Qt's request headers,
// socket buffers, freed blocks): a core of it holds the token. So the console and prego-ctl make
// themselves non-dumpable (CoreDumpGuard). The test proves both halves on this machine: a console
// and a prego-ctl allowed to dump (PREGO_ALLOW_CORE_DUMPS=1) and crashed write cores that the scan
// finds the canary in, and the same programs without the switch, crashed the same way, write none.
#include "httptestclient.h"
#include "plaintextscan.h"
#include "sanitized.h"
#include "simprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using prego::test::HttpTestClient;
using prego::test::SecretScan;
using prego::test::SimProcess;

namespace {

using prego::test::Sanitized;

const QString ProfileName = u"canary"_s;
const QString DetailNode = u"fsn1-shared-01"_s;

// 128 random bits, and characters a URL or a form encoding changes ('~' stays, '+' and '/' do
// not), so the percent-encoded forms differ from the plain one.
QString makeCanary()
{
    QString hex;
    for (int i = 0; i < 4; ++i)
        hex += u"%1"_s.arg(QRandomGenerator::system()->generate(), 8, 16, QChar(u'0'));
    return u"prego-canary-%1~+/"_s.arg(hex);
}

struct ProgramRun
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
};

class CanaryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(root.isValid());
        for (const char *dir : {"config", "data", "cache", "state", "tmp", "home", "cores"})
            ASSERT_TRUE(QDir().mkpath(root.filePath(QString::fromLatin1(dir))));
        sim.tokens.append({u"canary"_s, u"operator"_s, {}, canary});
        ASSERT_TRUE(sim.start(
            {u"--demo-fleet"_s, u"12"_s, u"--enable-sim-admin"_s, u"--time-scale"_s, u"0.01"_s}))
            << sim.error().toStdString();
    }

    void TearDown() override
    {
        // A failed run leaves the token where it was found: the temporary directory goes, and
        // with it any copy.
        QDir(controlCores.path()).removeRecursively();
    }

    QString dir(const char *name) const { return root.filePath(QString::fromLatin1(name)); }

    // The directories the issue names, as the programs see them.
    QStringList sessionDirs() const
    {
        return {dir("config"), dir("data"), dir("cache"), dir("state"),
                dir("tmp"),    dir("home"), dir("cores")};
    }

    QProcessEnvironment environment(bool allowCoreDumps = false) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, dir("config"));
        env.insert(u"XDG_DATA_HOME"_s, dir("data"));
        env.insert(u"XDG_CACHE_HOME"_s, dir("cache"));
        env.insert(u"XDG_STATE_HOME"_s, dir("state"));
        env.insert(u"TMPDIR"_s, dir("tmp"));
        env.insert(u"HOME"_s, dir("home"));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.remove(u"LC_ALL"_s);
        env.remove(u"LANGUAGE"_s);
        env.remove(u"PREGO_ALLOW_CORE_DUMPS"_s);
        if (allowCoreDumps)
            env.insert(u"PREGO_ALLOW_CORE_DUMPS"_s, u"1"_s);
        return env;
    }

    // Output is kept in a file under tmp/, which the final scan reads like every other file.
    void keepOutput(const QString &what, const ProgramRun &r)
    {
        QFile log(QDir(dir("tmp")).filePath(u"programs-output.txt"_s));
        ASSERT_TRUE(log.open(QIODevice::Append));
        log.write("== " + what.toUtf8() + "\n" + r.out + r.err);
    }

    ProgramRun ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setWorkingDirectory(dir("home"));
        p.start(QStringLiteral(PREGO_CTL_BINARY), args);
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        ProgramRun r{p.exitCode(), p.exitStatus(), p.readAllStandardOutput(),
                     p.readAllStandardError()};
        keepOutput(u"prego-ctl "_s + args.join(u' '), r);
        return r;
    }

    ProgramRun screenshots(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setWorkingDirectory(dir("home"));
        p.start(QStringLiteral(PREGO_CONSOLE_BINARY), args);
        p.waitForFinished(180000);
        ProgramRun r{p.exitCode(), p.exitStatus(), p.readAllStandardOutput(),
                     p.readAllStandardError()};
        keepOutput(u"prego-console "_s + args.join(u' '), r);
        return r;
    }

    // The simulator's /sim/ endpoints, with an operator's token.
    HttpTestClient &simAdmin()
    {
        if (!m_simAdmin) {
            m_simAdmin = std::make_unique<HttpTestClient>(sim.baseUrl());
            m_simAdmin->setToken(sim.tokenFor(u"operator"_s));
        }
        return *m_simAdmin;
    }

    qsizetype nodePollsByCanary()
    {
        const QJsonArray requests = simAdmin()
                                        .get(u"/sim/requests?path_prefix=/internal/nodes"_s)
                                        .json()[u"requests"]
                                        .toArray();
        return std::count_if(requests.begin(), requests.end(), [](const QJsonValue &r) {
            return r[u"token_name"].toString() == u"canary" && r[u"method"].toString() == u"GET";
        });
    }

    // A program crashed with SIGSEGV while it holds the token: started with its core size limit
    // unlimited and its working directory coreDir (core_pattern "core" writes there), and killed
    // once the simulator has seen `polls` more GETs of /internal/nodes with the canary's token.
    ProgramRun crashAfterPolls(const char *program, const QStringList &args, qsizetype polls,
                               const QString &coreDir, bool allowCoreDumps)
    {
        QProcess p;
        p.setProcessEnvironment(environment(allowCoreDumps));
        p.setWorkingDirectory(coreDir);
        p.setChildProcessModifier(unlimitedCores);
        const qsizetype pollsBefore = nodePollsByCanary();
        p.start(QString::fromLocal8Bit(program), args);
        EXPECT_TRUE(p.waitForStarted(10000));
        QDeadlineTimer deadline(90000);
        while (nodePollsByCanary() < pollsBefore + polls && !deadline.hasExpired() &&
               p.state() == QProcess::Running)
            QThread::msleep(250);
        EXPECT_GE(nodePollsByCanary(), pollsBefore + polls) << program << " did not poll";
        EXPECT_EQ(p.state(), QProcess::Running);
        ::kill(pid_t(p.processId()), SIGSEGV);
        p.waitForFinished(60000);
        ProgramRun r{p.exitCode(), p.exitStatus(), p.readAllStandardOutput(),
                     p.readAllStandardError()};
        keepOutput(QString::fromLocal8Bit(program) + u" (crashed) "_s + args.join(u' '), r);
        return r;
    }

    // The console as an operator leaves it running: the canary's profile, a node detail and a job
    // open; crashed once it has polled twice with the token.
    ProgramRun crashConsole(const QString &coreDir, bool allowCoreDumps, const QString &jobId)
    {
        QStringList args{u"--profile"_s, ProfileName, u"--node"_s, DetailNode};
        if (!jobId.isEmpty())
            args << u"--job"_s << jobId;
        return crashAfterPolls(PREGO_CONSOLE_BINARY, args, 2, coreDir, allowCoreDumps);
    }

    // prego-ctl in the middle of a request: the simulator holds its answer to `nodes` for two
    // minutes, and the program is crashed once the request (with the token) has arrived. Waiting
    // for the request, not for the program to have read its input, is what makes this step
    // deterministic.
    ProgramRun crashCtl(const QString &coreDir, bool allowCoreDumps)
    {
        HttpTestClient &admin = simAdmin();
        const QJsonObject slow{{u"path_prefix"_s, u"/internal/nodes"_s},
                               {u"method"_s, u"GET"_s},
                               {u"latency_ms"_s, 120000},
                               {u"count"_s, 1}};
        EXPECT_EQ(admin.post(u"/sim/faults"_s, slow).status, 201);
        ProgramRun r = crashAfterPolls(PREGO_CTL_BINARY, {u"nodes"_s, u"--profile"_s, ProfileName},
                                       1, coreDir, allowCoreDumps);
        admin.send("DELETE", u"/sim/faults"_s, {}, {});
        return r;
    }

    // ASan may handle SIGSEGV itself: it prints its report and exits with 1 instead of dying.
    static void expectCrashed(const ProgramRun &r)
    {
        if (Sanitized)
            EXPECT_TRUE(r.status == QProcess::CrashExit || r.exitCode != 0);
        else
            EXPECT_EQ(r.status, QProcess::CrashExit);
    }

    static void unlimitedCores()
    {
        rlimit limit{};
        ::getrlimit(RLIMIT_CORE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_CORE, &limit);
    }

    // A control run's cores: the program was allowed to dump while it used the token, so its
    // core holds it (which also shows that the scan would find it). They are removed afterwards.
    void expectCoreHoldsCanary(const char *program, const QStringList &cores)
    {
        const SecretScan control = prego::test::scanForSecret(cores, canary);
        std::printf("control: a %s allowed to dump left %lld byte(s) of core; the canary is in it "
                    "%lld time(s)\n",
                    program, qlonglong(control.bytes), qlonglong(control.occurrences()));
        EXPECT_GT(control.occurrences(), 0)
            << "a dumpable " << program << "'s core should hold the token it was using";
        for (const QString &core : cores)
            QFile::remove(core);
    }

    static QStringList coreFiles(const QString &path)
    {
        QStringList cores;
        QDirIterator it(path, {u"core*"_s}, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            cores << it.next();
        return cores;
    }

    QString canary = makeCanary();
    QTemporaryDir root;
    QTemporaryDir controlCores; // outside the session's directories, removed at the end
    SimProcess sim;
    std::unique_ptr<HttpTestClient> m_simAdmin;
};

} // namespace

TEST_F(CanaryTest, ScanFindsTheTokenInEveryFormItLooksFor)
{
    // The scan can fail: each form, embedded in other bytes and across a chunk boundary.
    const QString secret = makeCanary();
    QTemporaryDir d;
    int i = 0;
    for (const prego::test::SecretForm &form : prego::test::secretForms(secret)) {
        QFile f(d.filePath(u"f%1"_s.arg(i++)));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8 * 1024 * 1024 - 5, 'x') + form.bytes + "tail");
        f.close();
        const SecretScan one = prego::test::scanForSecret({f.fileName()}, secret);
        EXPECT_GE(one.occurrences(), 1) << form.name.toStdString();
    }
    // Base64 of a longer text, at each alignment, as a keyring or a settings file would hold it.
    for (const QByteArray &prefix : {QByteArray(), QByteArray("a"), QByteArray("ab")}) {
        QFile f(d.filePath(u"b64-%1"_s.arg(prefix.size())));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(prefix + "Bearer " + secret.toUtf8() + " end").toBase64());
        f.close();
        EXPECT_GE(prego::test::scanForSecret({f.fileName()}, secret).occurrences(), 1)
            << "Base64 with a prefix of " << prefix.size();
    }
    const SecretScan clean = prego::test::scanForSecret({d.path()}, makeCanary());
    EXPECT_EQ(clean.occurrences(), 0) << clean.describeHits().toStdString();
    EXPECT_EQ(clean.files, i + 3);
}

TEST_F(CanaryTest, TokenAppearsNowhereAfterAWholeSessionAndACrash)
{
    const QString url = sim.baseUrl().toString();

    // prego-ctl: the token goes in on standard input only (never an argument).
    ProgramRun r =
        ctl({u"profiles"_s, u"add"_s, ProfileName, u"--url"_s, url, u"--poll-interval"_s, u"5"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = ctl({u"login"_s, u"--profile"_s, ProfileName}, canary.toUtf8() + '\n');
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(ctl({u"whoami"_s, u"--profile"_s, ProfileName}).exitCode, 0);
    ASSERT_EQ(ctl({u"nodes"_s, u"--profile"_s, ProfileName, u"--output"_s, u"json"_s}).exitCode, 0);
    r = ctl({u"provision"_s, u"--profile"_s, ProfileName, u"--tenant"_s, u"canary-tenant"_s,
             u"--target"_s, DetailNode, u"--wait"_s});
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    r = ctl({u"jobs"_s, u"--profile"_s, ProfileName, u"--output"_s, u"json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonDocument jobsJson = QJsonDocument::fromJson(r.out);
    const QJsonArray jobs =
        jobsJson.isArray() ? jobsJson.array() : jobsJson.object()[u"jobs"].toArray();
    ASSERT_FALSE(jobs.isEmpty()) << r.out.toStdString();
    const QString jobId = jobs.first()[u"job_id"].toString();
    ASSERT_FALSE(jobId.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(ctl({u"job"_s, jobId, u"--profile"_s, ProfileName}).exitCode, 0);
    ctl({u"verify"_s, u"--profile"_s, ProfileName, u"--report"_s,
         QDir(dir("tmp")).filePath(u"verify.md"_s)}); // its verdict is not this test's concern

    // The console on the canary's profile renders every view; the demo drives the wizard to a
    // submitted job and its trace (the demo has its own token, and shares the directories).
    r = screenshots(
        {u"--profile"_s, ProfileName, u"--screenshot"_s, QDir(dir("tmp")).filePath(u"shots"_s)});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    // The history the console wrote, read back by prego-ctl.
    EXPECT_EQ(ctl({u"history"_s, u"--profile"_s, ProfileName, u"--node"_s, DetailNode}).exitCode,
              0);
    r = screenshots({u"--demo"_s, u"--screenshot"_s, QDir(dir("tmp")).filePath(u"shots-demo"_s)});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();

    // Control: a console allowed to dump, crashed the same way, writes a core holding the token.
    // Without it, "no core" below could mean this machine writes cores elsewhere or not at all.
    QFile pattern(u"/proc/sys/kernel/core_pattern"_s);
    const QByteArray corePattern =
        pattern.open(QIODevice::ReadOnly) ? pattern.readAll().trimmed() : QByteArray();
    bool coresObservable = false;
    if (!Sanitized) {
        ASSERT_TRUE(controlCores.isValid());
        r = crashConsole(controlCores.path(), true, jobId);
        EXPECT_EQ(r.status, QProcess::CrashExit);
        const QStringList cores = coreFiles(controlCores.path());
        if (!cores.isEmpty()) {
            coresObservable = true;
            expectCoreHoldsCanary("console", cores);

            // The same for prego-ctl, crashed while its request waits for an answer.
            r = crashCtl(controlCores.path(), true);
            EXPECT_EQ(r.status, QProcess::CrashExit);
            const QStringList ctlCores = coreFiles(controlCores.path());
            ASSERT_FALSE(ctlCores.isEmpty()) << "a dumpable prego-ctl wrote no core";
            expectCoreHoldsCanary("prego-ctl", ctlCores);
        } else {
            std::printf("control: no core appeared (core_pattern \"%s\"): the no-core check below "
                        "proves nothing on this machine\n",
                        corePattern.constData());
        }
    }

    // The console as shipped, crashed: no core anywhere in its directories.
    r = crashConsole(dir("cores"), false, jobId);
    expectCrashed(r);
    // prego-ctl as shipped, crashed in the middle of a request: no core either.
    r = crashCtl(dir("cores"), false);
    expectCrashed(r);
    const QStringList cores = coreFiles(root.path());
    EXPECT_TRUE(cores.isEmpty()) << cores.join(u' ').toStdString();

    // The log was written (the scan reads something real).
    EXPECT_TRUE(QFile::exists(QDir(dir("state")).filePath(u"prego/prego-console.log"_s)));

    const SecretScan scan = prego::test::scanForSecret(sessionDirs(), canary);
    std::printf("scanned %lld file(s), %lld byte(s) under config, data, cache, state, tmp, home "
                "and cores for the canary in %lld form(s): %lld hit(s); cores observable: %s\n",
                qlonglong(scan.files), qlonglong(scan.bytes),
                qlonglong(prego::test::secretForms(canary).size()), qlonglong(scan.occurrences()),
                Sanitized ? "no (sanitizer build)" : (coresObservable ? "yes" : "no"));
    EXPECT_GT(scan.files, 10);
    EXPECT_EQ(scan.occurrences(), 0) << scan.describeHits().toStdString();
}
