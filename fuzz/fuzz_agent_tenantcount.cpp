// The tenant count the agent reads from an operator's file or command output
// (agent/tenantcountsource): a count, or nullopt, never a negative or a crash. The file and the
// command are the operator's, but their content is whatever the command prints.
#include "fuzzcheck.h"
#include "tenantcountsource.h"

using namespace prego::agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = prego::fuzz::bytes(data, size);
    if (const std::optional<qint64> count = TenantCountSource::parseCount(text))
        FUZZ_CHECK(*count >= 0);
    return 0;
}
