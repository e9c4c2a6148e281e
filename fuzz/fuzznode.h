#pragma once

#include "fuzzcheck.h"
#include "types/node.h"

namespace prego::fuzz {

// Every field of a node equal, doubles bit for bit (the decoders' and codecs' round trips).
inline bool sameMetrics(const std::optional<NodeMetrics> &a, const std::optional<NodeMetrics> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return sameBits(a->cpuPct, b->cpuPct) && sameBits(a->memoryPct, b->memoryPct) &&
           sameBits(a->diskPct, b->diskPct) && a->tenantCount == b->tenantCount &&
           a->updatedAtMs == b->updatedAtMs;
}

inline bool sameNode(const Node &a, const Node &b)
{
    return a.nodeId == b.nodeId && a.hostname == b.hostname && a.ipv4 == b.ipv4 &&
           a.region == b.region && a.placement == b.placement && a.role == b.role &&
           a.tenantId == b.tenantId && a.stack == b.stack && a.acceptsTenants == b.acceptsTenants &&
           a.status == b.status && a.createdAtMs == b.createdAtMs &&
           sameMetrics(a.metrics, b.metrics);
}

} // namespace prego::fuzz
