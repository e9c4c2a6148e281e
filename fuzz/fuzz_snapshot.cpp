// The stored snapshot (history database, read at every start-up before the first poll): a blob
// that a crash, a full disk, another program or another version may have left damaged. Beyond
// "no crash, no UB, no huge allocation": what decodes re-encodes to a blob that decodes to the
// same snapshot.
#include "fuzzcheck.h"
#include "storage/snapshotcodec.h"

using namespace prego;

namespace {
bool sameMetrics(const std::optional<NodeMetrics> &a, const std::optional<NodeMetrics> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return fuzz::sameBits(a->cpuPct, b->cpuPct) && fuzz::sameBits(a->memoryPct, b->memoryPct) &&
           fuzz::sameBits(a->diskPct, b->diskPct) && a->tenantCount == b->tenantCount &&
           a->updatedAtMs == b->updatedAtMs;
}

bool sameNode(const Node &a, const Node &b)
{
    return a.nodeId == b.nodeId && a.hostname == b.hostname && a.ipv4 == b.ipv4 &&
           a.region == b.region && a.placement == b.placement && a.role == b.role &&
           a.tenantId == b.tenantId && a.stack == b.stack && a.acceptsTenants == b.acceptsTenants &&
           a.status == b.status && a.createdAtMs == b.createdAtMs &&
           sameMetrics(a.metrics, b.metrics);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<NodesSnapshot> decoded = SnapshotCodec::decode(fuzz::bytes(data, size));
    if (!decoded)
        return 0;
    const std::optional<NodesSnapshot> again =
        SnapshotCodec::decode(SnapshotCodec::encode(*decoded));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->serverTimeMs == decoded->serverTimeMs);
    FUZZ_CHECK(again->nodes.size() == decoded->nodes.size());
    for (qsizetype i = 0; i < again->nodes.size(); ++i)
        FUZZ_CHECK(sameNode(again->nodes[i], decoded->nodes[i]));
    return 0;
}
