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
};

// One answer of GET /internal/nodes.
struct NodesSnapshot
{
    qint64 serverTimeMs = 0;
    QList<Node> nodes;
    QStringList warnings; // translated notes about fields that had to be ignored
};

struct WhoAmI
{
    QString tokenName;
    QString role;
    std::optional<QString> nodeId;
    qint64 serverTimeMs = 0;
};

} // namespace prego

Q_DECLARE_METATYPE(prego::NodesSnapshot)
