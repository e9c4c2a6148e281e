#pragma once

#include "simmodel.h"

#include <QByteArray>
#include <QHash>
#include <QMap>

namespace prego::sim {

class SimDatabase;

// The node registry: every node and its latest metrics, in memory and written through to SQLite.
// Each node's JSON is cached and rebuilt only when that node changes, so listing 10,000 nodes is a
// concatenation. A version number changes with every change and makes the ETag.
class Fleet
{
public:
    explicit Fleet(SimDatabase &db);

    void loadFromDatabase();

    enum class RegisterResult { Created, AlreadyRegistered, Conflict };
    // The one code path for POST /internal/nodes and the pipeline's register_node stage.
    RegisterResult registerNode(NodeRecord node, qint64 nowMs);

    // Returns false when the node is unknown.
    bool pushMetrics(const QString &nodeId, const Metrics &metrics);
    // Moves a node's updated_at (admin endpoint); false when it never reported or is unknown.
    bool setUpdatedAt(const QString &nodeId, qint64 updatedAtMs);

    const NodeRecord *node(const QString &nodeId) const;
    const QMap<QString, NodeRecord> &nodes() const { return m_nodes; }
    quint64 version() const { return m_version; }

    struct Filter
    {
        QString placement, region, status; // empty = any
    };
    // The "nodes" array of GET /internal/nodes, ordered by node_id.
    QByteArray nodesJsonArray(const Filter &filter) const;
    QByteArray nodeJson(const QString &nodeId) const;

    // Next free "{region}-shared-NN" id, also avoiding ids reserved elsewhere (stack resources).
    QString nextSharedNodeId(const QString &region, const QSet<QString> &reserved) const;

private:
    void touch(const QString &nodeId);
    static QByteArray serialize(const NodeRecord &node);

    SimDatabase &m_db;
    QMap<QString, NodeRecord> m_nodes;
    mutable QHash<QString, QByteArray> m_jsonCache;
    quint64 m_version = 1;
};

} // namespace prego::sim
