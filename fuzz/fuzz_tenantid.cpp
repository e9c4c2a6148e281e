// The tenant-id rules (core/domain/tenantid): what the wizard, prego-ctl and the stack name of a
// dedicated tenant rest on. Properties, for any text:
//  - sanitize never crashes and never gives more than MaxSanitizedLength characters;
//  - for a valid id: the result is non-empty, only [a-z0-9-], no leading, trailing or doubled
//    '-', is itself a valid id, and sanitizing it again changes nothing (idempotent);
//  - the reference server's independent rules (server/provisionvalidator) agree on validity and
//    on the sanitized form, or the wizard would show one stack and the server create another.
#include "domain/tenantid.h"
#include "fuzzcheck.h"
#include "provisionvalidator.h"

#include <QString>

using namespace prego;

namespace {
bool onlyLowerAlnumAndDash(QStringView s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString id = QString::fromUtf8(fuzz::bytes(data, size));

    const bool valid = TenantId::isValid(id);
    const QString sanitized = TenantId::sanitize(id);
    FUZZ_CHECK(sanitized.size() <= TenantId::MaxSanitizedLength);
    FUZZ_CHECK(valid == sim::ProvisionValidator::isValidTenantId(id));
    if (!valid)
        return 0;

    FUZZ_CHECK(!sanitized.isEmpty());
    FUZZ_CHECK(onlyLowerAlnumAndDash(sanitized));
    FUZZ_CHECK(!sanitized.startsWith(u'-') && !sanitized.endsWith(u'-'));
    FUZZ_CHECK(!sanitized.contains(u"--"));
    FUZZ_CHECK(TenantId::isValid(sanitized));
    FUZZ_CHECK(TenantId::sanitize(sanitized) == sanitized);
    FUZZ_CHECK(TenantId::dedicatedStack(id) == u"dedicated-" + sanitized);
    FUZZ_CHECK(sim::ProvisionValidator::sanitizeTenantId(id) == sanitized);
    return 0;
}
