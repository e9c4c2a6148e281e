#include "domain/tenantid.h"
#include "provisionvalidator.h"

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
