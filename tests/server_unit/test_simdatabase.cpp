#include "simdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego::sim;

TEST(SimDatabase, JobRoundTripsThroughStorage)
{
    Job job;
    job.seq = 7;
    job.request = {u"9b0c1f6e-8a47-4b7e-9c1d-0a1b2c3d4e5f"_s,
                   u"Acme_Corp"_s,
                   u"fsn1"_s,
                   true,
                   std::nullopt,
                   true,
                   u"4bf92f3577b34da6a3ce929d0e0e4736"_s};
    job.status = u"Failed"_s;
    job.stack = u"dedicated-acme-corp"_s;
    job.createdAtMs = 1000;
    job.finishedAtMs = 5000;
    job.error = JobError{u"ansible"_s, u"ansible_failed"_s, u"boom"_s};
    job.stages = {Stage{u"validate"_s, u"succeeded"_s, 1000, 2000, u"ok"_s, {}}};
    job.outputs = {ServerOutput{u"app"_s, u"ded-acme-corp-app"_s, u"h"_s, u"198.18.0.1"_s}};
    job.audit = {AuditRow{1000, u"alice"_s, u"job.created"_s, u"x"_s}};
    job.injectedFailuresSpent = {u"ansible"_s};

    const auto back = SimDatabase::jobFromStorage(SimDatabase::jobToStorage(job));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->request, job.request);
    EXPECT_EQ(back->status, job.status);
    EXPECT_EQ(back->stack, job.stack);
    EXPECT_EQ(back->error->code, u"ansible_failed"_s);
    EXPECT_EQ(back->stages.size(), 1);
    EXPECT_EQ(back->stages[0].finishedAtMs, 2000);
    EXPECT_EQ(back->outputs[0].nodeId, u"ded-acme-corp-app"_s);
    EXPECT_EQ(back->audit[0].actor, u"alice"_s);
    EXPECT_TRUE(back->injectedFailuresSpent.contains(u"ansible"_s));
}

TEST(SimDatabase, StatePersistsAcrossReopen)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sim.db"_s);
    {
        SimDatabase db;
        ASSERT_TRUE(db.open(path).isEmpty());
        NodeRecord n;
        n.nodeId = u"fsn1-shared-01"_s;
        n.hostname = u"h"_s;
        n.ipv4 = u"198.18.0.1"_s;
        n.region = u"fsn1"_s;
        n.placement = u"shared"_s;
        n.role = u"shared"_s;
        n.createdAtMs = 42;
        n.metrics = Metrics{12.5, std::nullopt, 40.0, 3, 99};
        db.saveNode(n);
        db.saveSimAgent(n.nodeId, false);
    }
    SimDatabase db;
    ASSERT_TRUE(db.open(path).isEmpty());
    const QList<NodeRecord> nodes = db.loadNodes();
    ASSERT_EQ(nodes.size(), 1);
    ASSERT_TRUE(nodes[0].metrics);
    EXPECT_EQ(nodes[0].metrics->cpuPct, 12.5);
    EXPECT_FALSE(nodes[0].metrics->memoryPct); // null stays null
    EXPECT_EQ(nodes[0].metrics->tenantCount, 3);
    EXPECT_EQ(db.loadSimAgents().value(u"fsn1-shared-01"_s, true), false);
}

TEST(SimDatabase, RefusesAFileThatIsNotADatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"garbage.db"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    SimDatabase db;
    EXPECT_FALSE(db.open(path).isEmpty());
}

namespace {
// A file as the schema-version-1 simulator left it: one node, no silences or audit tables.
void writeVersion1Database(const QString &path, const QString &version = u"1"_s)
{
    const QString connection = u"v1-writer"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO meta VALUES ('schema_version', '%1')"_s.arg(version)));
        ASSERT_TRUE(q.exec(
            u"CREATE TABLE nodes (node_id TEXT PRIMARY KEY, hostname TEXT NOT NULL, ipv4 TEXT NOT "
            "NULL, region TEXT NOT NULL, placement TEXT NOT NULL, role TEXT NOT NULL, tenant_id "
            "TEXT, stack TEXT, accepts_tenants INTEGER NOT NULL, status TEXT NOT NULL, "
            "created_at_ms INTEGER NOT NULL) WITHOUT ROWID"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO nodes VALUES ('fsn1-shared-01', 'h', '198.18.0.1', "
                           "'fsn1', 'shared', 'shared', NULL, 'fsn1', 1, 'active', 42)"_s));
    }
    QSqlDatabase::removeDatabase(connection);
}
} // namespace

TEST(SimDatabase, Version1IsMigratedKeepingItsNodes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v1.db"_s);
    ASSERT_NO_FATAL_FAILURE(writeVersion1Database(path));

    SimDatabase db;
    ASSERT_EQ(db.open(path).toStdString(), "");
    ASSERT_EQ(db.loadNodes().size(), 1);
    EXPECT_EQ(db.loadNodes().first().nodeId, u"fsn1-shared-01"_s);

    SilenceRecord s;
    s.seq = 1;
    s.request = {u"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"_s,
                 {u"fsn1-shared-01"_s},
                 std::nullopt,
                 5000,
                 u"커널 업그레이드"_s};
    s.startsAtMs = 1000;
    s.createdBy = u"alice-laptop"_s;
    s.createdAtMs = 1000;
    db.saveSilence(s);
    db.appendAudit(
        AuditEntry{0, 1000, u"alice-laptop"_s, u"silence.created"_s, s.request.silenceId, u"x"_s});
    s.endedAtMs = 2000;
    db.saveSilence(s);
    db.appendAudit(AuditEntry{0, 2000, u"bob"_s, u"silence.ended"_s, s.request.silenceId, u"y"_s});

    // Reopened, as the next start would: version 2 now, nothing migrated twice.
    SimDatabase again;
    ASSERT_EQ(again.open(path).toStdString(), "");
    const QList<SilenceRecord> silences = again.loadSilences();
    ASSERT_EQ(silences.size(), 1);
    EXPECT_EQ(silences[0].request, s.request);
    EXPECT_EQ(silences[0].endedAtMs, 2000);
    EXPECT_EQ(silences[0].createdBy, u"alice-laptop"_s);
    const QList<AuditEntry> all = again.loadAudit({}, {});
    ASSERT_EQ(all.size(), 2);
    EXPECT_LT(all[0].seq, all[1].seq);
    const QList<AuditEntry> ended = again.loadAudit(u"silence.ended"_s, s.request.silenceId);
    ASSERT_EQ(ended.size(), 1);
    EXPECT_EQ(ended[0].actor, u"bob"_s);
    EXPECT_TRUE(again.loadAudit({}, u"another"_s).isEmpty());
}

TEST(SimDatabase, RefusesANewerSchemaVersion)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.db"_s);
    ASSERT_NO_FATAL_FAILURE(writeVersion1Database(path, u"99"_s));
    SimDatabase db;
    const QString error = db.open(path);
    EXPECT_TRUE(error.contains(u"schema version 99"_s)) << error.toStdString();
}
