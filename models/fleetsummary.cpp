#include "fleetsummary.h"

namespace prego {

FleetSummary FleetSummary::compute(const QList<Node> &nodes, qint64 serverNowMs,
                                   int staleAfterSeconds, bool pollCurrent)
{
    FleetSummary s;
    s.total = int(nodes.size());
    for (const Node &n : nodes) {
        const Freshness f =
            FreshnessRule::classify(n.updatedAtMs(), serverNowMs, staleAfterSeconds, pollCurrent);
        if (f == Freshness::Unknown)
            ++s.unknown;
        if (!FreshnessRule::isBound(n.placement, n.acceptsTenants, n.status))
            continue;
        ++s.bound;
        switch (f) {
        case Freshness::Fresh:
            ++s.fresh;
            break;
        case Freshness::Stale:
            ++s.stale;
            break;
        case Freshness::NeverReported:
            ++s.neverReported;
            break;
        case Freshness::Unknown:
            break;
        }
    }
    return s;
}

} // namespace prego
