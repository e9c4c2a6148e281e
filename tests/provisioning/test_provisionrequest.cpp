#include "domain/provisionrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using prego::ProvisionRequest;

namespace {
ProvisionRequest request(ProvisionRequest::Path path)
{
    ProvisionRequest r;
    r.path = path;
    r.tenantId = u"Acme_Corp.EU"_s;
    r.region = u"fsn1"_s;
    if (path == ProvisionRequest::Path::SharedExisting)
        r.targetServerId = u"fsn1-shared-07"_s;
    r.jobId = u"9b0c6a3e-8a51-4c1e-9a43-0d4f2e1b7c55"_s;
    r.traceId = u"4bf92f3577b34da6a3ce929d0e0e4736"_s;
    return r;
}
} // namespace

TEST(ProvisionRequest, BodyIsTheContractsShapeInItsKeyOrder)
{
    EXPECT_EQ(request(ProvisionRequest::Path::SharedExisting).toJson(),
              QByteArray(R"({"job_id":"9b0c6a3e-8a51-4c1e-9a43-0d4f2e1b7c55","tenant_id":)"
                         R"("Acme_Corp.EU","region":"fsn1","create_new_server":false,)"
                         R"("target_server_id":"fsn1-shared-07","dedicated":false,)"
                         R"("trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"})"));
    const QJsonObject shared =
        QJsonDocument::fromJson(request(ProvisionRequest::Path::SharedNew).toJson()).object();
    EXPECT_TRUE(shared.value(u"create_new_server").toBool());
    EXPECT_FALSE(shared.value(u"dedicated").toBool());
    EXPECT_TRUE(shared.value(u"target_server_id").isNull());
    const QJsonObject dedicated =
        QJsonDocument::fromJson(request(ProvisionRequest::Path::Dedicated).toJson()).object();
    EXPECT_TRUE(dedicated.value(u"create_new_server").toBool());
    EXPECT_TRUE(dedicated.value(u"dedicated").toBool());
    ProvisionRequest noTrace = request(ProvisionRequest::Path::SharedNew);
    noTrace.traceId.clear();
    EXPECT_TRUE(QJsonDocument::fromJson(noTrace.toJson()).object().value(u"trace_id").isNull());
}

TEST(ProvisionRequest, RoundTripsThroughTheStoredBody)
{
    for (auto path : {ProvisionRequest::Path::SharedExisting, ProvisionRequest::Path::SharedNew,
                      ProvisionRequest::Path::Dedicated}) {
        const ProvisionRequest r = request(path);
        const auto back = ProvisionRequest::fromJson(r.toJson());
        ASSERT_TRUE(back);
        EXPECT_EQ(*back, r);
        EXPECT_EQ(back->toJson(), r.toJson());
    }
    EXPECT_FALSE(ProvisionRequest::fromJson("{}"));
    EXPECT_FALSE(ProvisionRequest::fromJson("not json"));
}

TEST(ProvisionRequest, StackAndServersFollowThePath)
{
    EXPECT_FALSE(request(ProvisionRequest::Path::SharedExisting).stack());
    EXPECT_EQ(request(ProvisionRequest::Path::SharedNew).stack(), u"fsn1"_s);
    EXPECT_EQ(request(ProvisionRequest::Path::Dedicated).stack(), u"dedicated-acme-corp-eu"_s);
    EXPECT_EQ(request(ProvisionRequest::Path::SharedExisting).serversCreated(), 0);
    EXPECT_EQ(request(ProvisionRequest::Path::SharedNew).serversCreated(), 1);
    EXPECT_EQ(request(ProvisionRequest::Path::Dedicated).serversCreated(), 3);
    EXPECT_TRUE(request(ProvisionRequest::Path::Dedicated)
                    .describe()
                    .contains(u"dedicated-acme-corp-eu"_s));
    EXPECT_TRUE(
        request(ProvisionRequest::Path::SharedExisting).describe().contains(u"fsn1-shared-07"_s));
}

TEST(ProvisionRequest, ValidationNamesEachBadField)
{
    EXPECT_TRUE(request(ProvisionRequest::Path::SharedExisting).validate().isEmpty());
    ProvisionRequest r = request(ProvisionRequest::Path::SharedExisting);
    r.tenantId = u"-acme"_s;
    r.region = u"mars1"_s;
    r.targetServerId.clear();
    r.jobId = u"not-a-uuid"_s;
    r.traceId = u"ABC"_s;
    const auto fields = r.validate();
    EXPECT_EQ(fields.keys(), QStringList({u"job_id"_s, u"region"_s, u"target_server_id"_s,
                                          u"tenant_id"_s, u"trace_id"_s}));
    EXPECT_TRUE(fields.value(u"region"_s).contains(u"hel1"_s));

    r = request(ProvisionRequest::Path::SharedNew);
    r.targetServerId = u"fsn1-shared-01"_s;
    EXPECT_TRUE(r.validate().contains(u"target_server_id"_s));
    r = request(ProvisionRequest::Path::Dedicated);
    r.tenantId = QString(64, u'a');
    EXPECT_TRUE(r.validate().contains(u"tenant_id"_s));
    r.tenantId = u"a"_s;
    r.region.clear();
    EXPECT_TRUE(r.validate().contains(u"region"_s));
}

TEST(ProvisionRequest, IdsAreMadeOncePerIntent)
{
    const ProvisionRequest a = ProvisionRequest::create(ProvisionRequest::Path::SharedNew);
    const ProvisionRequest b = ProvisionRequest::create(ProvisionRequest::Path::SharedNew);
    EXPECT_TRUE(ProvisionRequest::isValidJobId(a.jobId));
    EXPECT_TRUE(ProvisionRequest::isValidTraceId(a.traceId));
    EXPECT_NE(a.jobId, b.jobId);
    EXPECT_NE(a.traceId, b.traceId);
    EXPECT_FALSE(ProvisionRequest::isValidJobId(u"{9b0c6a3e-8a51-4c1e-9a43-0d4f2e1b7c55}"_s));
    EXPECT_FALSE(ProvisionRequest::isValidTraceId(QString(32, u'0')));
}

TEST(ProvisionRequest, ARejectedFieldLeadsBackToItsPage)
{
    using Step = ProvisionRequest::Step;
    EXPECT_EQ(ProvisionRequest::stepForField(u"tenant_id"), Step::TenantAndPath);
    EXPECT_EQ(ProvisionRequest::stepForField(u"target_server_id"), Step::Placement);
    EXPECT_EQ(ProvisionRequest::stepForField(u"region"), Step::Placement);
    EXPECT_EQ(ProvisionRequest::stepForField(u"Idempotency-Key"), Step::Review);
}
