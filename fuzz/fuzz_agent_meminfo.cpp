// The agent's /proc/meminfo parser (agent/memoryusage): any text gives a percentage within 0..100
// or a reason, never a crash.
#include "fuzzcheck.h"
#include "memoryusage.h"

using namespace prego::agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<double> percent = MemoryUsage::percentFromMeminfo(prego::fuzz::bytes(data, size));
    FUZZ_CHECK(percent.ok() == percent.error().isEmpty());
    if (percent.ok())
        FUZZ_CHECK(percent.value() >= 0 && percent.value() <= 100);
    return 0;
}
