// GET/POST /internal/nodes and GET /internal/nodes/{node_id}: registration, idempotent
// re-registration, validation, filters and ETag/If-None-Match.
#include "cpsimtest.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace prego::test;

namespace {

class CpSimNodes : public CpSimTest
{};

TEST_F(CpSimNodes, RegisterReturns201WithTheNode)
{
    QJsonObject body = nodeBody(u"fsn1-shared-07"_s);
    body.insert(u"ipv4"_s, u"203.0.113.17"_s);
    const HttpResult result = registerNode(body);
    ASSERT_EQ(result.status, 201) << describe(result).toStdString();
    const QJsonObject node = result.json();
    EXPECT_EQ(node.value(u"node_id"_s).toString(), u"fsn1-shared-07"_s);
    EXPECT_EQ(node.value(u"hostname"_s).toString(), u"fsn1-shared-07.nodes.example.net"_s);
    EXPECT_EQ(node.value(u"ipv4"_s).toString(), u"203.0.113.17"_s);
    EXPECT_EQ(node.value(u"region"_s).toString(), u"fsn1"_s);
    EXPECT_EQ(node.value(u"placement"_s).toString(), u"shared"_s);
    EXPECT_EQ(node.value(u"role"_s).toString(), u"shared"_s);
    EXPECT_EQ(node.value(u"accepts_tenants"_s), QJsonValue(true));
    // Defaults (docs/cp-sim.md): status active, tenant_id and stack null.
    EXPECT_EQ(node.value(u"status"_s).toString(), u"active"_s);
    EXPECT_TRUE(node.value(u"tenant_id"_s).isNull()) << "tenant_id must be present and null";
    EXPECT_TRUE(node.value(u"stack"_s).isNull()) << "stack must be present and null";
    EXPECT_TRUE(node.value(u"metrics"_s).isNull()) << "metrics must be present and null";
    EXPECT_TRUE(isRfc3339Utc(node.value(u"created_at"_s).toString()))
        << node.value(u"created_at"_s).toString().toStdString();
    EXPECT_LE(
        std::abs(parseTime(node.value(u"created_at"_s)).secsTo(QDateTime::currentDateTimeUtc())),
        60);

    const HttpResult fetched = viewer->get(u"/internal/nodes/fsn1-shared-07"_s);
    ASSERT_EQ(fetched.status, 200) << describe(fetched).toStdString();
    EXPECT_EQ(fetched.json(), node);

    const QJsonArray nodes = listNodes(*viewer);
    EXPECT_EQ(nodeIds(nodes), QStringList{u"fsn1-shared-07"_s});
    EXPECT_EQ(findNode(nodes, u"fsn1-shared-07"_s), node);
}

TEST_F(CpSimNodes, RegisterKeepsExplicitOptionalFields)
{
    QJsonObject body = nodeBody(u"ded-initech-db"_s, u"hel1"_s);
    body.insert(u"placement"_s, u"dedicated"_s);
    body.insert(u"role"_s, u"db"_s);
    body.insert(u"accepts_tenants"_s, false);
    body.insert(u"tenant_id"_s, u"Initech"_s);
    body.insert(u"stack"_s, u"dedicated-initech"_s);
    body.insert(u"status"_s, u"provisioning"_s);
    const HttpResult result = registerNode(body);
    ASSERT_EQ(result.status, 201) << describe(result).toStdString();
    const QJsonObject node = result.json();
    for (const QString &key : body.keys())
        EXPECT_EQ(node.value(key), body.value(key)) << key.toStdString();
}

TEST_F(CpSimNodes, SameBodyTwiceIs201Then200)
{
    const QJsonObject body = nodeBody(u"nbg1-shared-02"_s, u"nbg1"_s);
    const HttpResult first = registerNode(body);
    ASSERT_EQ(first.status, 201) << describe(first).toStdString();
    const HttpResult second = registerNode(body);
    ASSERT_EQ(second.status, 200) << describe(second).toStdString();
    EXPECT_EQ(second.json(), first.json());
    EXPECT_EQ(nodeIds(listNodes(*op)), QStringList{u"nbg1-shared-02"_s});
}

TEST_F(CpSimNodes, SameIdOtherBodyIs409NodeExists)
{
    const QJsonObject body = nodeBody(u"hel1-shared-01"_s, u"hel1"_s);
    const HttpResult first = registerNode(body);
    ASSERT_EQ(first.status, 201);

    const QList<QPair<QString, QJsonValue>> changes{
        {u"hostname"_s, u"other.example.net"_s},
        {u"ipv4"_s, u"198.51.100.1"_s},
        {u"region"_s, u"nbg1"_s},
        {u"accepts_tenants"_s, false},
        {u"status"_s, u"draining"_s},
    };
    for (const auto &[key, value] : changes) {
        SCOPED_TRACE(key.toStdString());
        QJsonObject other = body;
        other.insert(key, value);
        EXPECT_TRUE(isError(registerNode(other), 409, u"node_exists"_s));
    }
    // The stored node is unchanged.
    EXPECT_EQ(op->get(u"/internal/nodes/hel1-shared-01"_s).json(), first.json());
}

TEST_F(CpSimNodes, MissingRequiredFieldsAre422WithEachField)
{
    const QStringList required{u"node_id"_s,   u"hostname"_s, u"ipv4"_s,           u"region"_s,
                               u"placement"_s, u"role"_s,     u"accepts_tenants"_s};
    EXPECT_TRUE(isValidationError(registerNode(QJsonObject{}), required));

    for (const QString &field : required) {
        SCOPED_TRACE(field.toStdString());
        QJsonObject body = nodeBody(u"fsn1-shared-09"_s);
        body.remove(field);
        EXPECT_TRUE(isValidationError(registerNode(body), {field}));
    }
    EXPECT_EQ(listNodes(*op).size(), 0);
}

TEST_F(CpSimNodes, InvalidValuesAre422WithTheField)
{
    const QList<QPair<QString, QJsonValue>> cases{
        {u"node_id"_s, u"FSN1-Shared-01"_s},
        {u"node_id"_s, u"fsn1_shared_01"_s},
        {u"node_id"_s, u"fsn1.shared.01"_s},
        {u"node_id"_s, u""_s},
        {u"node_id"_s, QString(64, u'a')},
        {u"node_id"_s, 17},
        {u"region"_s, u"mars1"_s},
        {u"region"_s, u"FSN1"_s},
        {u"placement"_s, u"mixed"_s},
        {u"role"_s, u"web"_s},
        {u"status"_s, u"broken"_s},
        {u"status"_s, u"Active"_s},
        {u"accepts_tenants"_s, u"yes"_s},
        {u"accepts_tenants"_s, 1},
        {u"ipv4"_s, u"not-an-address"_s},
        {u"ipv4"_s, u"300.1.2.3"_s},
        {u"hostname"_s, 42},
    };
    for (const auto &[field, value] : cases) {
        SCOPED_TRACE(QString(field + u" = "_s).toStdString() +
                     QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).toStdString());
        QJsonObject body = nodeBody(u"fsn1-shared-09"_s);
        body.insert(field, value);
        EXPECT_TRUE(isValidationError(registerNode(body), {field}));
    }

    // Several bad fields at once: each one is named.
    QJsonObject body = nodeBody(u"Bad_Id"_s);
    body.insert(u"region"_s, u"mars1"_s);
    body.insert(u"placement"_s, u"mixed"_s);
    body.insert(u"role"_s, u"web"_s);
    EXPECT_TRUE(isValidationError(registerNode(body),
                                  {u"node_id"_s, u"region"_s, u"placement"_s, u"role"_s}));
    EXPECT_EQ(listNodes(*op).size(), 0);
}

TEST_F(CpSimNodes, LongestValidNodeIdIsAccepted)
{
    const QString id = QString(61, u'a') + u"-1"_s; // 63 characters
    const HttpResult result = registerNode(nodeBody(id));
    EXPECT_EQ(result.status, 201) << describe(result).toStdString();
    EXPECT_EQ(op->get(u"/internal/nodes/"_s + id).status, 200);
}

TEST_F(CpSimNodes, EveryRegionOfTheContractIsAccepted)
{
    for (const QString &region : {u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s}) {
        const HttpResult result = registerNode(nodeBody(region + u"-shared-01"_s, region));
        EXPECT_EQ(result.status, 201)
            << region.toStdString() << ": " << describe(result).toStdString();
    }
    EXPECT_EQ(listNodes(*op).size(), 6);
}

TEST_F(CpSimNodes, UnknownNodeIs404)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    for (const QString &id : {u"fsn1-shared-02"_s, u"FSN1-SHARED-01"_s, u"fsn1-shared-0"_s}) {
        SCOPED_TRACE(id.toStdString());
        EXPECT_TRUE(isError(viewer->get(u"/internal/nodes/"_s + id), 404, u"not_found"_s));
    }
}

class CpSimNodeFilters : public CpSimTest
{
protected:
    void SetUp() override
    {
        CpSimTest::SetUp();
        if (HasFatalFailure())
            return;
        const struct
        {
            QString id;
            QString region;
            QString placement;
            QString role;
            QString status;
        } fleet[] = {
            {u"fsn1-shared-01"_s, u"fsn1"_s, u"shared"_s, u"shared"_s, u"active"_s},
            {u"fsn1-shared-02"_s, u"fsn1"_s, u"shared"_s, u"shared"_s, u"draining"_s},
            {u"nbg1-shared-01"_s, u"nbg1"_s, u"shared"_s, u"shared"_s, u"active"_s},
            {u"nbg1-shared-02"_s, u"nbg1"_s, u"shared"_s, u"shared"_s, u"retired"_s},
            {u"hel1-shared-01"_s, u"hel1"_s, u"shared"_s, u"shared"_s, u"provisioning"_s},
            {u"ded-acme-app"_s, u"fsn1"_s, u"dedicated"_s, u"app"_s, u"active"_s},
            {u"ded-acme-db"_s, u"fsn1"_s, u"dedicated"_s, u"db"_s, u"active"_s},
            {u"ded-acme-redis"_s, u"nbg1"_s, u"dedicated"_s, u"redis"_s, u"draining"_s},
        };
        for (const auto &n : fleet) {
            QJsonObject body = nodeBody(n.id, n.region);
            body.insert(u"placement"_s, n.placement);
            body.insert(u"role"_s, n.role);
            body.insert(u"status"_s, n.status);
            if (n.placement == u"dedicated"_s) {
                body.insert(u"accepts_tenants"_s, false);
                body.insert(u"tenant_id"_s, u"acme"_s);
                body.insert(u"stack"_s, u"dedicated-acme"_s);
            }
            const HttpResult result = registerNode(body);
            ASSERT_EQ(result.status, 201) << describe(result).toStdString();
        }
    }

    QSet<QString> idsFor(const QString &query)
    {
        const QStringList ids = nodeIds(listNodes(*viewer, query));
        EXPECT_EQ(ids.size(), QSet<QString>(ids.begin(), ids.end()).size()) << "duplicates";
        return QSet<QString>(ids.begin(), ids.end());
    }
};

TEST_F(CpSimNodeFilters, UnfilteredListHasEveryNode)
{
    EXPECT_EQ(idsFor({}).size(), 8);
}

TEST_F(CpSimNodeFilters, FilterByPlacement)
{
    EXPECT_EQ(idsFor(u"placement=dedicated"_s),
              (QSet<QString>{u"ded-acme-app"_s, u"ded-acme-db"_s, u"ded-acme-redis"_s}));
    EXPECT_EQ(idsFor(u"placement=shared"_s),
              (QSet<QString>{u"fsn1-shared-01"_s, u"fsn1-shared-02"_s, u"nbg1-shared-01"_s,
                             u"nbg1-shared-02"_s, u"hel1-shared-01"_s}));
}

TEST_F(CpSimNodeFilters, FilterByRegion)
{
    EXPECT_EQ(idsFor(u"region=nbg1"_s),
              (QSet<QString>{u"nbg1-shared-01"_s, u"nbg1-shared-02"_s, u"ded-acme-redis"_s}));
    EXPECT_EQ(idsFor(u"region=hel1"_s), (QSet<QString>{u"hel1-shared-01"_s}));
    EXPECT_TRUE(idsFor(u"region=sin"_s).isEmpty());
}

TEST_F(CpSimNodeFilters, FilterByStatus)
{
    EXPECT_EQ(idsFor(u"status=draining"_s),
              (QSet<QString>{u"fsn1-shared-02"_s, u"ded-acme-redis"_s}));
    EXPECT_EQ(idsFor(u"status=retired"_s), (QSet<QString>{u"nbg1-shared-02"_s}));
    EXPECT_EQ(idsFor(u"status=provisioning"_s), (QSet<QString>{u"hel1-shared-01"_s}));
    EXPECT_EQ(idsFor(u"status=active"_s), (QSet<QString>{u"fsn1-shared-01"_s, u"nbg1-shared-01"_s,
                                                         u"ded-acme-app"_s, u"ded-acme-db"_s}));
}

TEST_F(CpSimNodeFilters, FiltersCombine)
{
    EXPECT_EQ(idsFor(u"placement=shared&region=fsn1&status=active"_s),
              (QSet<QString>{u"fsn1-shared-01"_s}));
    EXPECT_EQ(idsFor(u"placement=dedicated&region=fsn1"_s),
              (QSet<QString>{u"ded-acme-app"_s, u"ded-acme-db"_s}));
    EXPECT_TRUE(idsFor(u"placement=dedicated&status=retired"_s).isEmpty());
}

TEST_F(CpSimNodeFilters, FilteredListCarriesServerTime)
{
    const QJsonObject response = nodesResponse(*viewer, u"region=fsn1"_s);
    EXPECT_TRUE(isRfc3339Utc(response.value(u"server_time"_s).toString()));
}

TEST_F(CpSimNodeFilters, UnknownFilterValuesAre422)
{
    const QList<QPair<QString, QString>> cases{
        {u"status=Bogus"_s, u"status"_s},
        {u"status=ACTIVE"_s, u"status"_s},
        {u"placement=mixed"_s, u"placement"_s},
        {u"region=mars1"_s, u"region"_s},
    };
    for (const auto &[query, field] : cases) {
        SCOPED_TRACE(query.toStdString());
        EXPECT_TRUE(isValidationError(viewer->get(u"/internal/nodes?"_s + query), {field}));
    }
}

TEST_F(CpSimNodes, ETagAnd304)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    const HttpResult first = viewer->get(u"/internal/nodes"_s);
    ASSERT_EQ(first.status, 200);
    const QByteArray etag = first.header("ETag");
    ASSERT_FALSE(etag.isEmpty()) << "GET /internal/nodes sends an ETag";

    // Same state, same tag.
    const HttpResult again = viewer->get(u"/internal/nodes"_s);
    EXPECT_EQ(again.header("ETag"), etag);

    const HttpResult notModified = viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etag}});
    EXPECT_EQ(notModified.status, 304) << describe(notModified).toStdString();
    EXPECT_TRUE(notModified.body.isEmpty()) << notModified.body.toStdString();
    EXPECT_FALSE(notModified.header("Date").isEmpty());

    // A tag that does not match gets the full list.
    const HttpResult otherTag =
        viewer->get(u"/internal/nodes"_s, {{"If-None-Match", "\"some-other-tag\""}});
    EXPECT_EQ(otherTag.status, 200);
    EXPECT_EQ(nodeIds(otherTag.json().value(u"nodes"_s).toArray()),
              QStringList{u"fsn1-shared-01"_s});

    // A metrics push changes the tag; the old tag then gets 200 with the new data.
    ASSERT_EQ(
        pushMetrics(QJsonObject{{u"node_id"_s, u"fsn1-shared-01"_s}, {u"cpu_pct"_s, 55.0}}).status,
        204);
    const HttpResult afterPush = viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etag}});
    ASSERT_EQ(afterPush.status, 200) << describe(afterPush).toStdString();
    const QByteArray etagAfterPush = afterPush.header("ETag");
    EXPECT_FALSE(etagAfterPush.isEmpty());
    EXPECT_NE(etagAfterPush, etag);
    EXPECT_EQ(findNode(afterPush.json().value(u"nodes"_s).toArray(), u"fsn1-shared-01"_s)
                  .value(u"metrics"_s)
                  .toObject()
                  .value(u"cpu_pct"_s)
                  .toDouble(),
              55.0);
    EXPECT_EQ(viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etagAfterPush}}).status, 304);

    // Registering a node changes it too.
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-02"_s)).status, 201);
    const HttpResult afterRegister =
        viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etagAfterPush}});
    EXPECT_EQ(afterRegister.status, 200);
    EXPECT_NE(afterRegister.header("ETag"), etagAfterPush);
}

TEST_F(CpSimNodes, ETagHoldsForTheSameFilteredView)
{
    ASSERT_EQ(registerNode(nodeBody(u"fsn1-shared-01"_s)).status, 201);
    ASSERT_EQ(registerNode(nodeBody(u"nbg1-shared-01"_s, u"nbg1"_s)).status, 201);
    const HttpResult fsn1 = viewer->get(u"/internal/nodes?region=fsn1"_s);
    ASSERT_EQ(fsn1.status, 200);
    const QByteArray etag = fsn1.header("ETag");
    ASSERT_FALSE(etag.isEmpty());
    EXPECT_EQ(viewer->get(u"/internal/nodes?region=fsn1"_s, {{"If-None-Match", etag}}).status, 304);
    // A different view of the fleet is different content: never a 304 on another view's tag.
    const HttpResult all = viewer->get(u"/internal/nodes"_s, {{"If-None-Match", etag}});
    EXPECT_EQ(all.status, 200);
    EXPECT_EQ(all.json().value(u"nodes"_s).toArray().size(), 2);
}

} // namespace
