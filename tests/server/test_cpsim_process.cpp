// The process contract of prego-cp-sim (docs/cp-sim.md): first stdout line, exit codes, the
// tokens file and its permissions, loopback only, secrets kept out of output and database, and
// state that survives a restart or a crash.
#include "cpsimtest.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

const QString Binary = QStringLiteral(PREGO_CP_SIM_BINARY);

// A prego-cp-sim started directly, for what SimProcess hides (first line, exit code).
class RawSim
{
public:
    RawSim(const QStringList &args, const QByteArray &stdinData)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(Binary, args);
        if (m_process.waitForStarted(5000)) {
            m_process.write(stdinData);
            m_process.closeWriteChannel();
        }
    }
    ~RawSim()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The first stdout line (without the newline), or empty when none came in time.
    QByteArray firstLine(int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine() && !deadline.hasExpired()) {
            if (!m_process.waitForReadyRead(100) && m_process.state() != QProcess::Running)
                break;
        }
        if (!m_process.canReadLine())
            return {};
        QByteArray line = m_process.readLine();
        m_stdout += line;
        if (line.endsWith('\n'))
            line.chop(1);
        return line;
    }

    // Waits for the exit; -1 when it is still running after the timeout or crashed.
    int exitCode(int timeoutMs = 15000)
    {
        if (!m_process.waitForFinished(timeoutMs) && m_process.state() != QProcess::NotRunning)
            return -1;
        collect();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    int terminate()
    {
        m_process.terminate();
        return exitCode();
    }

    QByteArray output()
    {
        collect();
        return m_stdout + m_stderr;
    }
    QByteArray standardOutput()
    {
        collect();
        return m_stdout;
    }

private:
    void collect()
    {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }

    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

const QByteArray TokenLines = "# comment line\n"
                              "\n"
                              "file-operator operator tok-op-7f3a9c1e5d\n"
                              "   \n"
                              "file-viewer viewer tok-vw-2b8e6d4f0a\n"
                              "file-agent agent fsn1-shared-01 tok-ag-9c1d3e5f7b\n";

QString writeTokensFile(const QTemporaryDir &dir, QFileDevice::Permissions permissions)
{
    const QString path = dir.filePath(u"tokens.txt"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(TokenLines);
    file.close();
    file.setPermissions(permissions);
    return path;
}

QByteArray stdinTokens()
{
    return "cli-operator operator tok-stdin-op-4c2a\n";
}

TEST(CpSimProcess, FirstStdoutLineIsTheAddressAndSigtermExitsZero)
{
    RawSim sim({u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, u"-"_s}, stdinTokens());
    const QByteArray line = sim.firstLine();
    static const QRegularExpression pattern(u"^listening on http://127\\.0\\.0\\.1:(\\d+)$"_s);
    const auto match = pattern.match(QString::fromUtf8(line));
    ASSERT_TRUE(match.hasMatch()) << "first line: " << line.toStdString();
    const int port = match.captured(1).toInt();
    EXPECT_GT(port, 0);
    EXPECT_LT(port, 65536);

    HttpTestClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    client.setToken(u"tok-stdin-op-4c2a"_s);
    const HttpResult whoami = client.get(u"/internal/whoami"_s);
    EXPECT_EQ(whoami.status, 200) << describe(whoami).toStdString();
    EXPECT_EQ(whoami.json().value(u"token_name"_s).toString(), u"cli-operator"_s);

    EXPECT_EQ(sim.terminate(), 0) << sim.output().toStdString();
    EXPECT_FALSE(sim.output().contains("tok-stdin-op-4c2a"));
}

TEST(CpSimProcess, TokensFileReadableByGroupOrOthersIsRefused)
{
    const QList<QPair<const char *, QFileDevice::Permissions>> modes{
        {"0644", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther},
        {"0640", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup},
        {"0604", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther},
    };
    for (const auto &[name, permissions] : modes) {
        SCOPED_TRACE(name);
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        const QString path = writeTokensFile(dir, permissions);
        RawSim sim({u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, path}, {});
        const int code = sim.exitCode();
        EXPECT_EQ(code, 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
        EXPECT_FALSE(sim.output().contains("tok-op-7f3a9c1e5d"));
        EXPECT_FALSE(sim.output().contains("tok-ag-9c1d3e5f7b"));
    }
}

TEST(CpSimProcess, OwnerOnlyTokensFileIsReadWithCommentsAndBoundAgents)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = writeTokensFile(dir, QFile::ReadOwner | QFile::WriteOwner);
    RawSim sim({u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, path}, {});
    const QByteArray line = sim.firstLine();
    ASSERT_TRUE(line.startsWith("listening on http://127.0.0.1:")) << sim.output().toStdString();
    const QUrl base(QString::fromUtf8(line.mid(int(qstrlen("listening on ")))));

    HttpTestClient op(base);
    op.setToken(u"tok-op-7f3a9c1e5d"_s);
    EXPECT_EQ(op.get(u"/internal/whoami"_s).json().value(u"token_name"_s).toString(),
              u"file-operator"_s);
    HttpTestClient viewer(base);
    viewer.setToken(u"tok-vw-2b8e6d4f0a"_s);
    EXPECT_EQ(viewer.get(u"/internal/whoami"_s).json().value(u"role"_s).toString(), u"viewer"_s);

    ASSERT_EQ(op.post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(op.post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-02"_s)).status, 201);
    HttpTestClient agent(base);
    agent.setToken(u"tok-ag-9c1d3e5f7b"_s);
    EXPECT_EQ(agent
                  .post(u"/internal/server-metrics"_s,
                        QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 3.0}})
                  .status,
              204);
    EXPECT_EQ(agent
                  .post(u"/internal/server-metrics"_s,
                        QJsonObject{{u"node_id"_s, u"fsn1-shared-02"_s}, {u"cpu_pct"_s, 3.0}})
                  .status,
              403);
    EXPECT_EQ(sim.terminate(), 0);
    for (const char *token : {"tok-op-7f3a9c1e5d", "tok-vw-2b8e6d4f0a", "tok-ag-9c1d3e5f7b"})
        EXPECT_FALSE(sim.output().contains(token)) << token;
}

TEST(CpSimProcess, UnusableFilesExit1)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    {
        SCOPED_TRACE("missing tokens file");
        RawSim sim(
            {u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, dir.filePath(u"nope.txt"_s)}, {});
        EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
    }
    {
        SCOPED_TRACE("database in a missing directory");
        RawSim sim({u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, u"-"_s, u"--db"_s,
                    dir.filePath(u"missing/dir/cp.db"_s)},
                   stdinTokens());
        EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
    }
}

TEST(CpSimProcess, NonLoopbackListenAddressIsRefused)
{
    for (const QString &listen : {u"0.0.0.0:0"_s, u"10.1.2.3:0"_s, u"192.0.2.10:8787"_s}) {
        SCOPED_TRACE(listen.toStdString());
        RawSim sim({u"--listen"_s, listen, u"--tokens-file"_s, u"-"_s}, stdinTokens());
        EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
    }
}

TEST(CpSimProcess, PortInUseExits2)
{
    QTcpServer blocker;
    ASSERT_TRUE(blocker.listen(QHostAddress::LocalHost, 0));
    RawSim sim(
        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(blocker.serverPort()), u"--tokens-file"_s, u"-"_s},
        stdinTokens());
    EXPECT_EQ(sim.exitCode(), 2) << sim.output().toStdString();
    EXPECT_FALSE(sim.standardOutput().contains("listening on"));
}

TEST(CpSimProcess, BadOptionsExit1)
{
    const QList<QStringList> cases{
        {u"--no-such-option"_s},         {u"--time-scale"_s, u"fast"_s},
        {u"--demo-fleet"_s, u"many"_s},  {u"--fail-stage"_s, u"no_such_stage"_s},
        {u"--listen"_s, u"127.0.0.1"_s},
    };
    for (const QStringList &extra : cases) {
        SCOPED_TRACE(extra.join(u' ').toStdString());
        QStringList args{u"--tokens-file"_s, u"-"_s};
        if (!extra.contains(u"--listen"_s))
            args << u"--listen"_s << u"127.0.0.1:0"_s;
        RawSim sim(args + extra, stdinTokens());
        EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
    }
}

// --features refuses what it cannot offer: an unknown name, a contract name the simulator does not
// implement (one that `all` does not list), or a name given twice.
TEST(CpSimProcess, BadFeatureListExits1NamingTheFeature)
{
    QStringList notOffered = contractFeatures();
    {
        SimProcess running;
        ASSERT_TRUE(running.start()) << running.error().toStdString();
        HttpTestClient op(running.baseUrl());
        op.setToken(running.tokenFor(u"operator"_s));
        for (const QString &name : whoamiFeatures(op))
            notOffered.removeAll(name);
    }
    QList<QPair<QString, QString>> cases{
        {u"teleport"_s, u"teleport"_s},
        {u"Logs"_s, u"Logs"_s},
        {u"logs,logs"_s, u"logs"_s},
        {u",cancel"_s, u"\",cancel\""_s},
    };
    for (const QString &name : notOffered)
        cases.append({name, name});
    for (const auto &[list, named] : cases) {
        SCOPED_TRACE(list.toStdString());
        RawSim sim(
            {u"--listen"_s, u"127.0.0.1:0"_s, u"--tokens-file"_s, u"-"_s, u"--features"_s, list},
            stdinTokens());
        EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
        EXPECT_FALSE(sim.standardOutput().contains("listening on"));
        const QString output = QString::fromUtf8(sim.output());
        EXPECT_TRUE(output.contains(u"--features"_s) && output.contains(named))
            << output.toStdString();
        EXPECT_TRUE(output.contains(u"accepted: all"_s)) << output.toStdString();
    }
}

class CpSimPersistence : public CpSimTest
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        CpSimTest::SetUp();
    }

    QStringList simArgs() const override { return dbArgs(u"0.01"_s); }

    QStringList dbArgs(const QString &timeScale) const
    {
        return {u"--db"_s, m_dir.filePath(u"cp.db"_s), u"--time-scale"_s, timeScale};
    }

    // Every byte of the database and its side files (-wal, -shm, -journal).
    QByteArray databaseBytes() const
    {
        QByteArray bytes;
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

    void interruptAndResume(bool crash);

    static QJsonObject withoutMetrics(QJsonObject node)
    {
        node.remove(u"metrics"_s);
        return node;
    }

    QTemporaryDir m_dir;
};

TEST_F(CpSimPersistence, TokenValuesNeverReachOutputOrDatabase)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(agent
                  ->post(u"/internal/server-metrics"_s,
                         QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 5.0}})
                  .status,
              204);
    const QJsonObject body =
        sharedExistingBody(u"secret-co"_s, u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
    ASSERT_EQ(submitJob(*op, body).status, 202);
    const QJsonObject job = waitForJobEnd(*op, body.value(u"job_id"_s).toString());
    EXPECT_EQ(job.value(u"status"_s).toString(), u"Completed"_s);
    EXPECT_EQ(viewer->get(u"/internal/whoami"_s).status, 200);
    EXPECT_EQ(viewer->post(u"/internal/nodes"_s, nodeBody(u"fsn1-shared-02"_s)).status, 403);
    sim.stop();

    const QString output = sim.output();
    const QByteArray db = databaseBytes();
    ASSERT_FALSE(db.isEmpty()) << "no database written";
    // The actor of the audit rows is in there, so we are looking at real data.
    EXPECT_TRUE(db.contains("test-operator"));
    for (const SimProcess::Token &token : sim.tokens) {
        SCOPED_TRACE(token.name.toStdString());
        EXPECT_FALSE(output.contains(token.value)) << "token value in the process output";
        EXPECT_FALSE(db.contains(token.value.toUtf8())) << "token value in the database";
        const QByteArray utf16(reinterpret_cast<const char *>(token.value.utf16()),
                               token.value.size() * 2);
        EXPECT_FALSE(db.contains(utf16)) << "token value (UTF-16) in the database";
    }
}

TEST_F(CpSimPersistence, NodesAndJobsSurviveARestart)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    QJsonObject draining = nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s);
    draining.insert(u"status"_s, u"draining"_s);
    ASSERT_EQ(registerNode(draining).status, 201);
    ASSERT_EQ(pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s},
                                      {u"cpu_pct"_s, 42.0},
                                      {u"tenant_count"_s, 7}})
                  .status,
              204);
    const QJsonObject sharedNew = sharedNewBody(u"persist-co"_s, u"fsn1"_s, newTraceId());
    const QJsonObject existing =
        sharedExistingBody(u"persist-two"_s, u"fsn1"_s, u"fsn1-shared-01"_s);
    ASSERT_EQ(submitJob(*op, sharedNew).status, 202);
    ASSERT_EQ(submitJob(*op, existing).status, 202);
    const QString newId = sharedNew.value(u"job_id"_s).toString();
    const QString existingId = existing.value(u"job_id"_s).toString();
    ASSERT_EQ(waitForJobEnd(*op, newId).value(u"status"_s).toString(), u"Completed"_s);
    ASSERT_EQ(waitForJobEnd(*op, existingId).value(u"status"_s).toString(), u"Completed"_s);

    const QJsonArray nodesBefore = listNodes(*op);
    const HttpResult jobsBefore = op->get(u"/internal/provision-jobs"_s);
    const QJsonObject jobBefore = op->get(u"/internal/provision-jobs/"_s + newId).json();
    ASSERT_EQ(nodesBefore.size(), 3);

    ASSERT_NO_FATAL_FAILURE(startSim(simArgs()));

    const QJsonArray nodesAfter = listNodes(*op);
    ASSERT_EQ(nodesAfter.size(), nodesBefore.size());
    for (const QJsonValue &value : nodesBefore) {
        const QJsonObject before = value.toObject();
        const QString id = before.value(u"node_id"_s).toString();
        SCOPED_TRACE(id.toStdString());
        EXPECT_EQ(withoutMetrics(findNode(nodesAfter, id)), withoutMetrics(before));
    }
    const QJsonObject metrics =
        findNode(nodesAfter, u"fsn1-shared-01"_s).value(u"metrics"_s).toObject();
    ASSERT_FALSE(metrics.isEmpty()) << "metrics lost in the restart";

    const HttpResult jobsAfter = op->get(u"/internal/provision-jobs"_s);
    EXPECT_EQ(jobsAfter.json().value(u"jobs"_s), jobsBefore.json().value(u"jobs"_s));
    EXPECT_EQ(op->get(u"/internal/provision-jobs/"_s + newId).json(), jobBefore);

    // Idempotency survives too: the same request is a replay, not a new job.
    const HttpResult replay = submitJob(*op, sharedNew);
    EXPECT_EQ(replay.status, 200) << describe(replay).toStdString();
    EXPECT_EQ(listNodes(*op).size(), 3);
    // And shared-new numbering continues after the node made before the restart.
    const QJsonObject another = sharedNewBody(u"persist-three"_s, u"fsn1"_s);
    ASSERT_EQ(submitJob(*op, another).status, 202);
    ASSERT_EQ(
        waitForJobEnd(*op, another.value(u"job_id"_s).toString()).value(u"status"_s).toString(),
        u"Completed"_s);
    EXPECT_FALSE(findNode(listNodes(*op), u"fsn1-shared-03"_s).isEmpty());
}

TEST_F(CpSimPersistence, DemoFleetOnlySeedsAnEmptyDatabase)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_NO_FATAL_FAILURE(startSim(simArgs() + QStringList{u"--demo-fleet"_s, u"3"_s}));
    EXPECT_EQ(nodeIds(listNodes(*op)), QStringList{u"fsn1-shared-01"_s});
}

TEST_F(CpSimPersistence, DemoFleetIsNotAddedTwice)
{
    const QStringList fresh{u"--db"_s, m_dir.filePath(u"fleet.db"_s)};
    ASSERT_NO_FATAL_FAILURE(startSim(fresh + QStringList{u"--demo-fleet"_s, u"3"_s}));
    QStringList first = nodeIds(listNodes(*op));
    EXPECT_EQ(first.size(), 6);
    ASSERT_NO_FATAL_FAILURE(startSim(fresh + QStringList{u"--demo-fleet"_s, u"5"_s}));
    QStringList second = nodeIds(listNodes(*op));
    first.sort();
    second.sort();
    EXPECT_EQ(second, first);
}

// --demo-jobs: one job of each path through the real pipeline, so the demo's job list shows
// completed, node-creating and failed jobs; the dedicated one fails in ansible once and Retry
// completes it. A restart on the same database submits nothing more.
TEST_F(CpSimPersistence, DemoJobsShowEachPathOnceAndAreNotSubmittedTwice)
{
    const QStringList args{u"--db"_s,         m_dir.filePath(u"demo.db"_s),
                           u"--demo-fleet"_s, u"8"_s,
                           u"--demo-jobs"_s,  u"--time-scale"_s,
                           u"0.01"_s};
    ASSERT_NO_FATAL_FAILURE(startSim(args));
    const QJsonArray listed =
        op->get(u"/internal/provision-jobs"_s).json().value(u"jobs"_s).toArray();
    ASSERT_EQ(listed.size(), 3) << PrintToString(listed);
    QHash<QString, QString> jobIdByTenant;
    for (const QJsonValue &value : listed)
        jobIdByTenant.insert(value.toObject().value(u"tenant_id"_s).toString(),
                             value.toObject().value(u"job_id"_s).toString());
    ASSERT_EQ(QSet<QString>(jobIdByTenant.keyBegin(), jobIdByTenant.keyEnd()),
              (QSet<QString>{u"acme-corp"_s, u"umbrella"_s, u"initech"_s}));

    const QJsonObject existing = waitForJobEnd(*op, jobIdByTenant.value(u"acme-corp"_s));
    EXPECT_EQ(existing.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(existing);
    EXPECT_EQ(existing.value(u"path"_s).toString(), u"shared-existing"_s);
    EXPECT_FALSE(existing.value(u"trace_id"_s).toString().isEmpty());
    EXPECT_EQ(auditRows(existing, u"job.created"_s).value(0).value(u"actor"_s).toString(),
              u"demo"_s);

    const QJsonObject sharedNew = waitForJobEnd(*op, jobIdByTenant.value(u"umbrella"_s));
    EXPECT_EQ(sharedNew.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(sharedNew);
    EXPECT_EQ(sharedNew.value(u"path"_s).toString(), u"shared-new"_s);
    EXPECT_FALSE(findNode(listNodes(*op), u"nbg1-shared-03"_s).isEmpty())
        << "the shared-new job registers the region's next node";

    const QString dedicatedId = jobIdByTenant.value(u"initech"_s);
    const QJsonObject failed = waitForJobEnd(*op, dedicatedId);
    ASSERT_EQ(failed.value(u"status"_s).toString(), u"Failed"_s) << PrintToString(failed);
    EXPECT_EQ(failed.value(u"error"_s).toObject().value(u"stage"_s).toString(), u"ansible"_s);
    ASSERT_EQ(
        op->post(u"/internal/provision-jobs/"_s + dedicatedId + u"/retry"_s, QByteArray()).status,
        202);
    EXPECT_EQ(waitForJobEnd(*op, dedicatedId).value(u"status"_s).toString(), u"Completed"_s);
    const QStringList nodesBefore = nodeIds(listNodes(*op));
    EXPECT_TRUE(nodesBefore.contains(u"ded-initech-app"_s)) << PrintToString(nodesBefore);

    ASSERT_NO_FATAL_FAILURE(startSim(args));
    EXPECT_EQ(op->get(u"/internal/provision-jobs"_s).json().value(u"jobs"_s).toArray().size(), 3);
    EXPECT_EQ(nodeIds(listNodes(*op)), nodesBefore);
}

TEST(CpSimProcess, DemoJobsWithoutANodeToPlaceOnExit1)
{
    RawSim sim({u"--tokens-file"_s, u"-"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--demo-jobs"_s},
               stdinTokens());
    EXPECT_EQ(sim.exitCode(), 1) << sim.output().toStdString();
    EXPECT_TRUE(sim.output().contains("--demo-jobs needs an active shared node"))
        << sim.output().toStdString();
    EXPECT_FALSE(sim.standardOutput().contains("listening on"));
}

// A shared-new job interrupted in pulumi_up (stage durations x 0.05) must end after a restart:
// resumed to Completed with a job.resumed audit row, or Failed with a recorded reason; never left
// Running, and never with a second server.
void CpSimPersistence::interruptAndResume(bool crash)
{
    ASSERT_NO_FATAL_FAILURE(startSim(dbArgs(u"0.05"_s)));
    const QJsonObject body = sharedNewBody(u"crash-co"_s, u"hel1"_s, newTraceId());
    const QString jobId = body.value(u"job_id"_s).toString();
    ASSERT_EQ(submitJob(*op, body).status, 202);
    const QJsonObject running = pollJob(*op, jobId, [](const QJsonObject &job) {
        return stageNamed(job, u"pulumi_up"_s).value(u"status"_s).toString() == u"running"_s;
    });
    ASSERT_EQ(stageNamed(running, u"pulumi_up"_s).value(u"status"_s).toString(), u"running"_s)
        << PrintToString(running);

    if (crash)
        sim.kill();
    else
        sim.stop();
    ASSERT_NO_FATAL_FAILURE(startSim(dbArgs(u"0.01"_s)));

    const QJsonObject job = waitForJobEnd(*op, jobId);
    const QString status = job.value(u"status"_s).toString();
    ASSERT_TRUE(status == u"Completed"_s || status == u"Failed"_s)
        << "left " << status.toStdString() << ": " << PrintToString(job);
    if (status == u"Completed"_s) {
        EXPECT_TRUE(auditActions(job).contains(u"job.resumed"_s))
            << PrintToString(job.value(u"audit"_s));
        EXPECT_EQ(stageNames(job), (QStringList{u"validate"_s, u"pulumi_up"_s, u"register_node"_s,
                                                u"dns"_s, u"ansible"_s, u"callbacks"_s}));
        for (const QJsonValue &stage : job.value(u"stages"_s).toArray())
            EXPECT_EQ(stage.toObject().value(u"status"_s).toString(), u"succeeded"_s);
        EXPECT_EQ(listNodes(*op, u"region=hel1"_s).size(), 1) << "exactly one new server";
    } else {
        EXPECT_FALSE(job.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty())
            << PrintToString(job);
        EXPECT_LE(listNodes(*op, u"region=hel1"_s).size(), 1);
    }
}

TEST_F(CpSimPersistence, JobInterruptedByACrashResumesAfterRestart)
{
    interruptAndResume(true);
}

TEST_F(CpSimPersistence, JobInterruptedByAStopResumesAfterRestart)
{
    interruptAndResume(false);
}

TEST_F(CpSimPersistence, JobQueuedAtACrashIsNotLeftBehind)
{
    ASSERT_NO_FATAL_FAILURE(startSim(dbArgs(u"1"_s)));
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject body =
            sharedExistingBody(u"queued-%1"_s.arg(i), u"fsn1"_s, u"fsn1-shared-01"_s, newTraceId());
        ASSERT_EQ(submitJob(*op, body).status, 202);
        ids << body.value(u"job_id"_s).toString();
    }
    sim.kill();
    ASSERT_NO_FATAL_FAILURE(startSim(dbArgs(u"0.01"_s)));
    for (const QString &id : ids) {
        SCOPED_TRACE(id.toStdString());
        const QJsonObject job = waitForJobEnd(*op, id);
        const QString status = job.value(u"status"_s).toString();
        EXPECT_TRUE(status == u"Completed"_s || status == u"Failed"_s)
            << "left " << status.toStdString();
        if (status == u"Failed"_s) {
            EXPECT_FALSE(job.value(u"error"_s).isNull());
        }
    }
}

} // namespace
