// The agent's disk percentage (agent/diskusage) from statvfs numbers: 32 bytes are the four
// counts. Whatever a filesystem (FUSE, network, a broken driver) reports, the result is nullopt
// or within 0..100 and never NaN.
#include "diskusage.h"
#include "fuzzcheck.h"

#include <cmath>

using namespace prego::agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = prego::fuzz::bytes(data, size);
    DiskUsage::Stats stats;
    stats.blocks = quint64(prego::fuzz::takeInt64(&input));
    stats.freeBlocks = quint64(prego::fuzz::takeInt64(&input));
    stats.availableBlocks = quint64(prego::fuzz::takeInt64(&input));
    stats.fragmentSize = quint64(prego::fuzz::takeInt64(&input));
    if (const std::optional<double> percent = DiskUsage::percent(stats))
        FUZZ_CHECK(!std::isnan(*percent) && *percent >= 0 && *percent <= 100);
    return 0;
}
