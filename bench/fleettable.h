#pragma once

#include "domain/serverclock.h"
#include "nodefilterproxy.h"
#include "nodetablemodel.h"

namespace prego {

// The dashboard's table as a poll meets it: the clock synced to the server, the node model
// under the filter proxy sorted by freshness, and the first snapshot applied.
struct FleetTable
{
    ServerClock clock;
    NodeTableModel model{&clock};
    NodeFilterProxy proxy;

    FleetTable(qint64 serverTimeMs, const NodesSnapshot &first)
    {
        clock.sync(serverTimeMs);
        proxy.setSourceModel(&model);
        proxy.sort(NodeTableModel::FreshnessColumn);
        model.applySnapshot(first);
    }
};

} // namespace prego
