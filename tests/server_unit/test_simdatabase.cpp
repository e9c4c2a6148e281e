#include "simdatabase.h"

#include <QFile>
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
