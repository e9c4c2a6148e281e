#pragma once

#include "storage/historysample.h"
#include "types/node.h"

#include <QList>

namespace prego::DemoHistory {

// The demo fleet's simulated past: for every node of the demo's first snapshot that has pushed,
// a day of one-minute pushes that ends at its current values and its updated_at (so a node the
// simulator shows stale has stopped pushing in its past too), with outages and late pushes on
// some nodes, chosen from the node id so every demo run looks alike. Written only into the demo's
// throwaway history database: a real profile's history is only what the console has seen.
QList<HistorySample> pastDay(const NodesSnapshot &snapshot);

// The same past as the snapshots a poller would have seen once a minute (each node with its
// latest push by then), oldest first, for the alert rules to evaluate.
QList<NodesSnapshot> asSnapshots(const NodesSnapshot &now, const QList<HistorySample> &past);

} // namespace prego::DemoHistory
