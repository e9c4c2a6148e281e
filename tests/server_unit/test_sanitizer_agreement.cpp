#include "domain/provisionrequest.h"
#include "domain/tenantid.h"
#include "provisionvalidator.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

// The console (core/domain) and the reference server sanitize tenant ids with independent code.
// They must agree on every input, or the wizard would show one stack and the server use another.
TEST(SanitizerAgreement, ConsoleAndServerAgreeOnRandomIds)
{
    static const QString alphabet = u"abcXYZ019._-"_s;
    QRandomGenerator rng(20261126);
    int compared = 0;
    for (int i = 0; i < 20000; ++i) {
        const int length = 1 + int(rng.bounded(63));
        QString id;
        for (int c = 0; c < length; ++c)
            id.append(alphabet.at(rng.bounded(alphabet.size())));
        const bool consoleValid = prego::TenantId::isValid(id);
        ASSERT_EQ(consoleValid, prego::sim::ProvisionValidator::isValidTenantId(id))
            << qPrintable(id);
        if (!consoleValid)
            continue;
        ASSERT_EQ(prego::TenantId::sanitize(id),
                  prego::sim::ProvisionValidator::sanitizeTenantId(id))
            << qPrintable(id);
        ++compared;
    }
    EXPECT_GT(compared, 10000);
}

TEST(SanitizerAgreement, EdgeCases)
{
    const QStringList cases{u"Acme_Corp.EU"_s,
                            u"a"_s,
                            u"A...B"_s,
                            u"x-"_s,
                            u"0_"_s,
                            QString(63, u'z'),
                            QString(47, u'q') + u"-rest"_s,
                            QString(48, u'q') + u"-rest"_s,
                            u"a" + QString(60, u'.') + u"b"};
    for (const QString &id : cases) {
        EXPECT_EQ(prego::TenantId::sanitize(id),
                  prego::sim::ProvisionValidator::sanitizeTenantId(id))
            << qPrintable(id);
    }
    EXPECT_EQ(prego::sim::ProvisionValidator::sanitizeTenantId(u"a" + QString(60, u'.') + u"b"),
              u"a-b"_s);
}

// Found by fuzz/fuzz_tenantid: the server's patterns were ^…$, and '$' also matches before a
// final newline, so it accepted "acme\n" as a tenant id (and ids, UUIDs and trace ids with a
// trailing newline) where the console refuses them; the newline then reached the stack name,
// the audit and the logs.
TEST(SanitizerAgreement, ATrailingNewlineIsValidNowhere)
{
    using prego::sim::ProvisionValidator;
    EXPECT_FALSE(prego::TenantId::isValid(u"acme\n"));
    EXPECT_FALSE(ProvisionValidator::isValidTenantId(u"acme\n"_s));
    EXPECT_TRUE(ProvisionValidator::isValidTenantId(u"acme"_s));
    EXPECT_FALSE(ProvisionValidator::isValidNodeId(u"fsn1-shared-01\n"_s));
    EXPECT_TRUE(ProvisionValidator::isValidNodeId(u"fsn1-shared-01"_s));

    const auto body = [](const QString &jobId, const QString &tenant, const QString &trace) {
        return QJsonObject{{u"job_id"_s, jobId},     {u"tenant_id"_s, tenant},
                           {u"region"_s, u"fsn1"_s}, {u"create_new_server"_s, true},
                           {u"dedicated"_s, true},   {u"target_server_id"_s, QJsonValue::Null},
                           {u"trace_id"_s, trace}};
    };
    const QString job = u"9b0c5a1e-7f3d-4c2a-9e8b-1d2c3b4a5f60"_s;
    const QString trace = u"4bf92f3577b34da6a3ce929d0e0e4736"_s;
    EXPECT_TRUE(ProvisionValidator::parse(body(job, u"acme"_s, trace)).fields.isEmpty());
    EXPECT_TRUE(ProvisionValidator::parse(body(job + u'\n', u"acme"_s, trace))
                    .fields.contains(u"job_id"_s));
    EXPECT_TRUE(
        ProvisionValidator::parse(body(job, u"acme\n"_s, trace)).fields.contains(u"tenant_id"_s));
    EXPECT_TRUE(ProvisionValidator::parse(body(job, u"acme"_s, trace + u'\n'))
                    .fields.contains(u"trace_id"_s));
}

// Found by fuzz/fuzz_server_provision (a request the server accepts must be one the console
// accepts): the server took the all-zero trace id, which W3C Trace Context and the console refuse.
TEST(SanitizerAgreement, TheAllZeroTraceIdIsRefusedByBoth)
{
    const QJsonObject body{{u"job_id"_s, u"9b0c5a1e-7f3d-4c2a-9e8b-1d2c3b4a5f61"_s},
                           {u"tenant_id"_s, u"beta.co"_s},
                           {u"region"_s, u"hel1"_s},
                           {u"create_new_server"_s, true},
                           {u"dedicated"_s, false},
                           {u"target_server_id"_s, QJsonValue::Null},
                           {u"trace_id"_s, QString(32, u'0')}};
    EXPECT_FALSE(prego::ProvisionRequest::isValidTraceId(QString(32, u'0')));
    const auto parsed = prego::sim::ProvisionValidator::parse(body);
    EXPECT_TRUE(parsed.fields.contains(u"trace_id"_s));
    QJsonObject withTrace = body;
    withTrace[u"trace_id"_s] = u"4bf92f3577b34da6a3ce929d0e0e4736"_s;
    EXPECT_TRUE(prego::sim::ProvisionValidator::parse(withTrace).fields.isEmpty());
}
