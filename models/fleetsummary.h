#pragma once

#include "domain/freshness.h"
#include "types/node.h"

#include <QList>

namespace prego {

// The numbers of the dashboard's summary strip. Fresh, stale and never reported count only the
// nodes the Definition of Done binds (FreshnessRule::isBound); unknown counts every node while
// our own poll is not current.
struct FleetSummary
{
    int total = 0;
    int bound = 0;
    int fresh = 0;
    int stale = 0;
    int neverReported = 0;
    int unknown = 0;

    static FleetSummary compute(const QList<Node> &nodes, qint64 serverNowMs, int staleAfterSeconds,
                                bool pollCurrent);

    bool operator==(const FleetSummary &) const = default;
};

} // namespace prego
