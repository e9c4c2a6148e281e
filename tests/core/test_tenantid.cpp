#include "domain/tenantid.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace prego;

TEST(TenantId, AcceptsTheContractsCharacterSet)
{
    EXPECT_TRUE(TenantId::isValid(u"acme-corp"));
    EXPECT_TRUE(TenantId::isValid(u"Acme_Corp.EU"));
    EXPECT_TRUE(TenantId::isValid(u"0day"));
    EXPECT_TRUE(TenantId::isValid(QString(63, u'a')));
}

TEST(TenantId, RejectsWhatTheContractRefuses)
{
    EXPECT_FALSE(TenantId::isValid(u""));
    EXPECT_FALSE(TenantId::isValid(QString(64, u'a')));
    EXPECT_FALSE(TenantId::isValid(u"-acme"));
    EXPECT_FALSE(TenantId::isValid(u".acme"));
    EXPECT_FALSE(TenantId::isValid(u"_acme"));
    EXPECT_FALSE(TenantId::isValid(u"acme corp"));
    EXPECT_FALSE(TenantId::isValid(u"acme/corp"));
    EXPECT_FALSE(TenantId::isValid(u"ácme"));
    EXPECT_FALSE(TenantId::isValid(u"acme\n"));
}

TEST(TenantId, SanitizesAsTheContractsExample)
{
    EXPECT_EQ(TenantId::sanitize(u"Acme_Corp.EU"), u"acme-corp-eu"_s);
    EXPECT_EQ(TenantId::dedicatedStack(u"Acme_Corp.EU"), u"dedicated-acme-corp-eu"_s);
}

TEST(TenantId, CollapsesRunsOfMixedSeparators)
{
    EXPECT_EQ(TenantId::sanitize(u"a._-_.b"), u"a-b"_s);
    EXPECT_EQ(TenantId::sanitize(u"a--b__c..d"), u"a-b-c-d"_s);
}

TEST(TenantId, TrimsTrailingSeparators)
{
    EXPECT_EQ(TenantId::sanitize(u"acme..."), u"acme"_s);
    EXPECT_EQ(TenantId::sanitize(u"acme_-"), u"acme"_s);
}

TEST(TenantId, CutsToFortyEightAndTrimsAgain)
{
    // 47 letters, then a separator at position 48: the cut leaves a trailing '-' that must go.
    const QString id = QString(47, u'a') + u"_bcdef"_s;
    const QString sanitized = TenantId::sanitize(id);
    EXPECT_EQ(sanitized, QString(47, u'a'));
    EXPECT_LE(sanitized.size(), 48);

    const QString exact = QString(63, u'b');
    EXPECT_EQ(TenantId::sanitize(exact), QString(48, u'b'));
}

TEST(TenantId, LowercasesOnlyAscii)
{
    EXPECT_EQ(TenantId::sanitize(u"ACME"), u"acme"_s);
    EXPECT_EQ(TenantId::sanitize(u"Tenant9"), u"tenant9"_s);
}
