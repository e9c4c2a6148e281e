#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace prego {

struct NodeMetrics
{
    std::optional<double> cpuPct;
    std::optional<double> memoryPct;
    std::optional<double> diskPct;
    std::optional<qint64> tenantCount;
    qint64 updatedAtMs = 0; // server time of the last successful push

    bool operator==(const NodeMetrics &) const = default;
};

// A node as GET /internal/nodes describes it. Unknown fields are ignored; nullable ones are
// optionals.
struct Node
{
    QString nodeId;
    QString hostname;
    QString ipv4;
    QString region;
    QString placement;
    QString role;
    std::optional<QString> tenantId;
    std::optional<QString> stack;
    bool acceptsTenants = false;
    QString status;
    std::optional<qint64> createdAtMs;
    std::optional<NodeMetrics> metrics;

    std::optional<qint64> updatedAtMs() const
    {
        return metrics ? std::optional<qint64>(metrics->updatedAtMs) : std::nullopt;
    }
    bool operator==(const Node &) const = default;

    // The contract's node_id: [a-z0-9-]{1,63}.
    static bool isValidId(const QString &id);
};

// One answer of GET /internal/nodes.
struct NodesSnapshot
{
    qint64 serverTimeMs = 0;
    QList<Node> nodes;
    QStringList warnings; // translated notes about fields that had to be ignored

    // What the poller worked out on its decode thread, so that the UI thread need not compare
    // every node (see SnapshotDelta). 0: unknown (a stored snapshot, a test's).
    quint64 generation = 0;          // unique in the process
    quint64 sameIdsAsGeneration = 0; // that snapshot listed the same ids at the same positions
    QList<int> changedPositions;     // then: the positions whose node differs from it, ascending
};

// The change from one snapshot to the next, worked out off the UI thread. A fleet seldom gains
// or loses a node between two polls, and the control plane lists nodes in id order, so most
// answers list the same ids at the same positions as the one before: then only the nodes that
// pushed (a fifth of them at 10,000 nodes and a 5 s poll) differ, and a model that holds the
// previous snapshot applies just those.
namespace SnapshotDelta {
// Numbers `current` (a new process-wide generation) and, when its ids are those of `previous`
// position by position, records previous's generation and the changed positions.
void mark(const NodesSnapshot *previous, NodesSnapshot &current);
} // namespace SnapshotDelta

} // namespace prego

Q_DECLARE_METATYPE(prego::NodesSnapshot)
