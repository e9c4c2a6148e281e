#include "node.h"

#include <atomic>

namespace prego::SnapshotDelta {

void mark(const NodesSnapshot *previous, NodesSnapshot &current)
{
    static std::atomic<quint64> counter{0};
    current.generation = ++counter;
    current.sameIdsAsGeneration = 0;
    current.changedPositions.clear();
    if (!previous || previous->generation == 0 || previous->nodes.size() != current.nodes.size())
        return;
    QList<int> changed;
    for (qsizetype i = 0; i < current.nodes.size(); ++i) {
        const Node &before = previous->nodes.at(i);
        const Node &now = current.nodes.at(i);
        if (before.nodeId != now.nodeId)
            return; // another fleet, or another order: the receiver compares everything
        if (!(before == now))
            changed.append(int(i));
    }
    current.sameIdsAsGeneration = previous->generation;
    current.changedPositions = std::move(changed);
}

} // namespace prego::SnapshotDelta
