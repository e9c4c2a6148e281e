// The simulated demo fleet of docs/cp-sim.md (--demo-fleet N): node ids, stale and silent nodes,
// the draining node, the dedicated tenant globex, and a 10,000-node fleet served whole.
#include "cpsimtest.h"

#include <QHash>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace prego::test;
using ::testing::PrintToString;

namespace {

const QStringList Regions{u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s};

// The shared node ids of `--demo-fleet n`, in creation order.
QStringList expectedSharedIds(int n)
{
    QStringList ids;
    QHash<QString, int> perRegion;
    for (int i = 0; i < n; ++i) {
        const QString region = Regions.at(i % Regions.size());
        const int number = ++perRegion[region];
        ids << u"%1-shared-%2"_s.arg(region).arg(number, 2, 10, QLatin1Char('0'));
    }
    return ids;
}

const QStringList GlobexIds{u"ded-globex-app"_s, u"ded-globex-db"_s, u"ded-globex-redis"_s};

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

class CpSimFleet12 : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--demo-fleet"_s, u"12"_s, u"--seed"_s, u"42"_s, u"--time-scale"_s, u"0.01"_s};
    }
};

TEST_F(CpSimFleet12, NodeIdsAreAsDocumented)
{
    const QJsonArray nodes = listNodes(*viewer);
    const QStringList ids = nodeIds(nodes);
    EXPECT_EQ(ids.size(), 15);
    EXPECT_EQ(toSet(ids), toSet(expectedSharedIds(12)) + toSet(GlobexIds)) << PrintToString(ids);
    for (const QString &id : expectedSharedIds(12)) {
        SCOPED_TRACE(id.toStdString());
        const QJsonObject node = findNode(nodes, id);
        EXPECT_EQ(node.value(u"region"_s).toString(), id.section(u'-', 0, 0));
        EXPECT_EQ(node.value(u"placement"_s).toString(), u"shared"_s);
        EXPECT_EQ(node.value(u"role"_s).toString(), u"shared"_s);
        EXPECT_EQ(node.value(u"accepts_tenants"_s), QJsonValue(true));
        EXPECT_TRUE(node.value(u"tenant_id"_s).isNull());
        EXPECT_FALSE(node.value(u"hostname"_s).toString().isEmpty());
        EXPECT_FALSE(node.value(u"ipv4"_s).toString().isEmpty());
        EXPECT_TRUE(isRfc3339Utc(node.value(u"created_at"_s).toString()));
    }
}

TEST_F(CpSimFleet12, StaleSilentAndDrainingNodes)
{
    const QJsonObject response = nodesResponse(*viewer);
    const QJsonValue serverTime = response.value(u"server_time"_s);
    const QJsonArray nodes = response.value(u"nodes"_s).toArray();

    QStringList neverReported;
    QStringList stale;
    QStringList draining;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        const QString id = node.value(u"node_id"_s).toString();
        if (node.value(u"status"_s).toString() == u"draining"_s)
            draining << id;
        const QJsonValue metrics = node.value(u"metrics"_s);
        if (metrics.isNull()) {
            neverReported << id;
            continue;
        }
        const QJsonObject m = metrics.toObject();
        for (const QString &key : {u"cpu_pct"_s, u"memory_pct"_s, u"disk_pct"_s}) {
            if (!m.value(key).isNull()) {
                EXPECT_GE(m.value(key).toDouble(), 0.0) << id.toStdString();
                EXPECT_LE(m.value(key).toDouble(), 100.0) << id.toStdString();
            }
        }
        if (!m.value(u"tenant_count"_s).isNull()) {
            EXPECT_GE(m.value(u"tenant_count"_s).toInt(-1), 0) << id.toStdString();
        }
        if (secondsBetween(m.value(u"updated_at"_s), serverTime) > 300)
            stale << id;
    }
    EXPECT_EQ(neverReported.size(), 1) << PrintToString(neverReported);
    EXPECT_GE(stale.size(), 2) << PrintToString(stale);
    EXPECT_EQ(draining.size(), 1) << PrintToString(draining);

    // The last two shared nodes stopped pushing 7 and 19 minutes before start.
    QList<double> ages;
    for (const QString &id : {u"hil-shared-02"_s, u"sin-shared-02"_s}) {
        const QJsonObject node = findNode(nodes, id);
        ASSERT_TRUE(node.value(u"metrics"_s).isObject()) << id.toStdString();
        ages << secondsBetween(node.value(u"metrics"_s).toObject().value(u"updated_at"_s),
                               serverTime);
    }
    std::sort(ages.begin(), ages.end());
    EXPECT_GE(ages.at(0), 7 * 60 - 5);
    EXPECT_LE(ages.at(0), 7 * 60 + 60);
    EXPECT_GE(ages.at(1), 19 * 60 - 5);
    EXPECT_LE(ages.at(1), 19 * 60 + 60);
    EXPECT_EQ(toSet(stale), (QSet<QString>{u"hil-shared-02"_s, u"sin-shared-02"_s}))
        << "every other node that reported is fresh";
}

TEST_F(CpSimFleet12, StaleNodesStaySilent)
{
    const QJsonArray before = listNodes(*viewer);
    QThread::msleep(3000);
    const QJsonArray after = listNodes(*viewer);
    for (const QString &id : {u"hil-shared-02"_s, u"sin-shared-02"_s}) {
        SCOPED_TRACE(id.toStdString());
        EXPECT_EQ(findNode(after, id).value(u"metrics"_s),
                  findNode(before, id).value(u"metrics"_s));
    }
}

TEST_F(CpSimFleet12, GlobexHasItsDedicatedTrio)
{
    const QJsonArray nodes = listNodes(*viewer, u"placement=dedicated"_s);
    EXPECT_EQ(toSet(nodeIds(nodes)), toSet(GlobexIds));
    for (const QString &role : {u"app"_s, u"db"_s, u"redis"_s}) {
        SCOPED_TRACE(role.toStdString());
        const QJsonObject node = findNode(nodes, u"ded-globex-"_s + role);
        EXPECT_EQ(node.value(u"placement"_s).toString(), u"dedicated"_s);
        EXPECT_EQ(node.value(u"role"_s).toString(), role);
        EXPECT_EQ(node.value(u"tenant_id"_s).toString(), u"globex"_s);
        EXPECT_EQ(node.value(u"stack"_s).toString(), u"dedicated-globex"_s);
        EXPECT_EQ(node.value(u"accepts_tenants"_s), QJsonValue(false));
        EXPECT_TRUE(node.value(u"metrics"_s).isObject()) << "globex's servers push too";
    }
}

TEST_F(CpSimFleet12, GlobexAgainReusesItsStackAndOtherTenantsConflict)
{
    const QJsonObject again = dedicatedBody(u"globex"_s, u"fsn1"_s, newTraceId());
    const HttpResult accepted = submitJob(*op, again);
    ASSERT_EQ(accepted.status, 202) << describe(accepted).toStdString();
    const QJsonObject done = waitForJobEnd(*op, again.value(u"job_id"_s).toString());
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_EQ(done.value(u"stack"_s).toString(), u"dedicated-globex"_s);
    EXPECT_EQ(listNodes(*viewer).size(), 15) << "the same tenant again creates nothing";
    QSet<QString> outputIds;
    for (const QJsonValue &server :
         done.value(u"outputs"_s).toObject().value(u"servers"_s).toArray())
        outputIds << server.toObject().value(u"node_id"_s).toString();
    EXPECT_EQ(outputIds, toSet(GlobexIds));

    EXPECT_TRUE(
        isError(submitJob(*op, dedicatedBody(u"Globex"_s, u"fsn1"_s)), 409, u"stack_conflict"_s));
    EXPECT_TRUE(
        isError(submitJob(*op, dedicatedBody(u"globex."_s, u"fsn1"_s)), 409, u"stack_conflict"_s));
}

TEST_F(CpSimFleet12, SharedNewTakesTheNextFreeNumberOfItsRegion)
{
    const QJsonObject body = sharedNewBody(u"grow-co"_s, u"fsn1"_s);
    ASSERT_EQ(submitJob(*op, body).status, 202);
    const QJsonObject done = waitForJobEnd(*op, body.value(u"job_id"_s).toString());
    ASSERT_EQ(done.value(u"status"_s).toString(), u"Completed"_s) << PrintToString(done);
    EXPECT_FALSE(findNode(listNodes(*viewer), u"fsn1-shared-03"_s).isEmpty());
    EXPECT_EQ(listNodes(*viewer).size(), 16);
}

TEST_F(CpSimFleet12, SharedExistingOnADemoNode)
{
    const QJsonObject body =
        sharedExistingBody(u"tenant-on-demo"_s, u"nbg1"_s, u"nbg1-shared-01"_s, newTraceId());
    const HttpResult accepted = submitJob(*op, body);
    if (findNode(listNodes(*viewer), u"nbg1-shared-01"_s).value(u"status"_s).toString() !=
        u"active"_s) {
        EXPECT_TRUE(isValidationError(accepted, {u"target_server_id"_s}));
        return;
    }
    ASSERT_EQ(accepted.status, 202) << describe(accepted).toStdString();
    EXPECT_EQ(waitForJobEnd(*op, body.value(u"job_id"_s).toString()).value(u"status"_s).toString(),
              u"Completed"_s);
}

class CpSimFleet3 : public CpSimTest
{
protected:
    QStringList simArgs() const override { return {u"--demo-fleet"_s, u"3"_s}; }
};

TEST_F(CpSimFleet3, SmallFleetIsAllFresh)
{
    const QJsonObject response = nodesResponse(*viewer);
    const QJsonArray nodes = response.value(u"nodes"_s).toArray();
    EXPECT_EQ(toSet(nodeIds(nodes)),
              (QSet<QString>{u"fsn1-shared-01"_s, u"nbg1-shared-01"_s, u"hel1-shared-01"_s}) +
                  toSet(GlobexIds));
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        SCOPED_TRACE(node.value(u"node_id"_s).toString().toStdString());
        EXPECT_EQ(node.value(u"status"_s).toString(), u"active"_s);
        ASSERT_TRUE(node.value(u"metrics"_s).isObject());
        EXPECT_LE(secondsBetween(node.value(u"metrics"_s).toObject().value(u"updated_at"_s),
                                 response.value(u"server_time"_s)),
                  300);
    }
}

class CpSimFleet10000 : public CpSimTest
{
protected:
    QStringList simArgs() const override
    {
        return {u"--demo-fleet"_s, u"10000"_s, u"--seed"_s, u"7"_s};
    }
};

TEST_F(CpSimFleet10000, ServesTheWholeFleet)
{
    const HttpResult result = viewer->get(u"/internal/nodes"_s);
    ASSERT_EQ(result.status, 200) << describe(result).toStdString();
    const QJsonArray nodes = result.json().value(u"nodes"_s).toArray();
    const QStringList ids = nodeIds(nodes);
    ASSERT_EQ(ids.size(), 10003);
    const QSet<QString> unique = toSet(ids);
    EXPECT_EQ(unique.size(), 10003) << "duplicate node ids";
    const QSet<QString> expected = toSet(expectedSharedIds(10000)) + toSet(GlobexIds);
    QStringList missing = (expected - unique).values();
    QStringList unexpected = (unique - expected).values();
    missing.sort();
    unexpected.sort();
    EXPECT_TRUE(missing.isEmpty())
        << missing.size() << " missing, e.g. " << PrintToString(missing.mid(0, 10));
    EXPECT_TRUE(unexpected.isEmpty())
        << unexpected.size() << " unexpected, e.g. " << PrintToString(unexpected.mid(0, 10));

    QHash<QString, int> perRegion;
    int neverReported = 0;
    int draining = 0;
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        if (node.value(u"placement"_s).toString() == u"shared"_s)
            ++perRegion[node.value(u"region"_s).toString()];
        neverReported += node.value(u"metrics"_s).isNull() ? 1 : 0;
        draining += node.value(u"status"_s).toString() == u"draining"_s ? 1 : 0;
    }
    EXPECT_EQ(perRegion.value(u"fsn1"_s), 1667);
    EXPECT_EQ(perRegion.value(u"nbg1"_s), 1667);
    EXPECT_EQ(perRegion.value(u"hel1"_s), 1667);
    EXPECT_EQ(perRegion.value(u"ash"_s), 1667);
    EXPECT_EQ(perRegion.value(u"hil"_s), 1666);
    EXPECT_EQ(perRegion.value(u"sin"_s), 1666);
    EXPECT_EQ(neverReported, 1);
    EXPECT_EQ(draining, 1);

    // ETag works on the big list too, and a filter narrows it.
    const QByteArray etag = result.header("ETag");
    ASSERT_FALSE(etag.isEmpty());
    const HttpResult sin = viewer->get(u"/internal/nodes?region=sin&placement=shared"_s);
    ASSERT_EQ(sin.status, 200);
    EXPECT_EQ(sin.json().value(u"nodes"_s).toArray().size(), 1666);
}

} // namespace
