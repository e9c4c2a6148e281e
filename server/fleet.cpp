#include "fleet.h"

#include "jsonwriter.h"
#include "simclock.h"
#include "simdatabase.h"

using namespace Qt::StringLiterals;

namespace prego::sim {

Fleet::Fleet(SimDatabase &db)
    : m_db(db)
{}

void Fleet::loadFromDatabase()
{
    m_nodes.clear();
    m_jsonCache.clear();
    const QList<NodeRecord> nodes = m_db.loadNodes();
    for (const NodeRecord &n : nodes)
        m_nodes.insert(n.nodeId, n);
    ++m_version;
}

void Fleet::touch(const QString &nodeId)
{
    m_jsonCache.remove(nodeId);
    ++m_version;
}

Fleet::RegisterResult Fleet::registerNode(NodeRecord node, qint64 nowMs)
{
    const auto it = m_nodes.constFind(node.nodeId);
    if (it != m_nodes.cend())
        return it->sameRegistration(node) ? RegisterResult::AlreadyRegistered
                                          : RegisterResult::Conflict;
    node.createdAtMs = nowMs;
    node.metrics.reset();
    m_db.saveNode(node);
    const QString id = node.nodeId;
    m_nodes.insert(id, std::move(node));
    touch(id);
    return RegisterResult::Created;
}

bool Fleet::pushMetrics(const QString &nodeId, const Metrics &metrics)
{
    auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end())
        return false;
    it->metrics = metrics;
    m_db.saveMetrics(nodeId, metrics);
    touch(nodeId);
    return true;
}

bool Fleet::setUpdatedAt(const QString &nodeId, qint64 updatedAtMs)
{
    auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end() || !it->metrics)
        return false;
    it->metrics->updatedAtMs = updatedAtMs;
    m_db.saveMetrics(nodeId, *it->metrics);
    touch(nodeId);
    return true;
}

const NodeRecord *Fleet::node(const QString &nodeId) const
{
    const auto it = m_nodes.constFind(nodeId);
    return it == m_nodes.cend() ? nullptr : &*it;
}

QByteArray Fleet::serialize(const NodeRecord &n)
{
    JsonWriter w(512);
    w.beginObject();
    w.key("node_id").value(QStringView(n.nodeId));
    w.key("hostname").value(QStringView(n.hostname));
    w.key("ipv4").value(QStringView(n.ipv4));
    w.key("region").value(QStringView(n.region));
    w.key("placement").value(QStringView(n.placement));
    w.key("role").value(QStringView(n.role));
    w.key("tenant_id").value(n.tenantId);
    w.key("stack").value(n.stack);
    w.key("accepts_tenants").value(n.acceptsTenants);
    w.key("status").value(QStringView(n.status));
    w.key("created_at").value(QStringView(SimClock::rfc3339(n.createdAtMs)));
    w.key("metrics");
    if (n.metrics) {
        w.beginObject();
        w.key("cpu_pct").value(n.metrics->cpuPct);
        w.key("memory_pct").value(n.metrics->memoryPct);
        w.key("disk_pct").value(n.metrics->diskPct);
        w.key("tenant_count").value(n.metrics->tenantCount);
        w.key("updated_at").value(QStringView(SimClock::rfc3339(n.metrics->updatedAtMs)));
        w.endObject();
    } else {
        w.null();
    }
    w.endObject();
    return w.take();
}

QByteArray Fleet::nodeJson(const QString &nodeId) const
{
    const auto it = m_nodes.constFind(nodeId);
    if (it == m_nodes.cend())
        return {};
    auto cached = m_jsonCache.constFind(nodeId);
    if (cached == m_jsonCache.cend())
        cached = m_jsonCache.insert(nodeId, serialize(*it));
    return *cached;
}

QByteArray Fleet::nodesJsonArray(const Filter &filter) const
{
    QByteArray out;
    out.reserve(m_nodes.size() * 460 + 2);
    out.append('[');
    bool first = true;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const NodeRecord &n = *it;
        if ((!filter.placement.isEmpty() && n.placement != filter.placement) ||
            (!filter.region.isEmpty() && n.region != filter.region) ||
            (!filter.status.isEmpty() && n.status != filter.status))
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append(nodeJson(n.nodeId));
    }
    out.append(']');
    return out;
}

QString Fleet::nextSharedNodeId(const QString &region, const QSet<QString> &reserved) const
{
    for (int n = 1;; ++n) {
        const QString id = u"%1-shared-%2"_s.arg(region).arg(n, 2, 10, QLatin1Char('0'));
        if (!m_nodes.contains(id) && !reserved.contains(id))
            return id;
    }
}

} // namespace prego::sim
