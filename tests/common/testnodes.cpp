#include "testnodes.h"

using namespace Qt::StringLiterals;

namespace prego::test {

Node node(const QString &id, std::optional<qint64> updatedAtMs, std::optional<double> cpu,
          const QString &region)
{
    Node n;
    n.nodeId = id;
    n.hostname = u"host-"_s + id + u".example.net"_s;
    n.ipv4 = u"10.0.0.1"_s;
    n.region = region;
    n.placement = u"shared"_s;
    n.role = u"shared"_s;
    n.acceptsTenants = true;
    n.status = u"active"_s;
    if (updatedAtMs)
        n.metrics = NodeMetrics{cpu, 50.5, 40.25, 3, *updatedAtMs};
    return n;
}

Node AgedNodes::operator()(const QString &id, std::optional<qint64> ageSeconds,
                           std::optional<double> cpu, const QString &region) const
{
    return node(id, ageSeconds ? std::optional(m_serverNowMs - *ageSeconds * 1000) : std::nullopt,
                cpu, region);
}

} // namespace prego::test
