// The agent's /proc/stat parser (agent/cputimes). /proc is the kernel's, but the agent also reads
// whatever a test, a container runtime (lxcfs) or a bind mount puts there, and it runs on every
// node: it must never crash or misbehave. Properties: a parsed sample has idle <= total, and the
// busy percentage between any two samples is nullopt or within 0..100.
#include "cputimes.h"
#include "fuzzcheck.h"

using namespace prego::agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = prego::fuzz::bytes(data, size);
    // Two samples, as the agent takes them a push interval apart.
    const auto [first, second] = prego::fuzz::splitOnce(input, "\n\n\n");
    const Result<CpuTimes> before = CpuTimes::parse(first);
    const Result<CpuTimes> after = CpuTimes::parse(second);
    FUZZ_CHECK(before.ok() == before.error().isEmpty());
    if (before.ok())
        FUZZ_CHECK(before.value().idle <= before.value().total);
    if (before.ok() && after.ok()) {
        if (const std::optional<double> busy = CpuTimes::busyPercent(before.value(), after.value()))
            FUZZ_CHECK(*busy >= 0 && *busy <= 100);
    }
    return 0;
}
