#include "nodefilterproxy.h"

#include "nodetablemodel.h"

namespace prego {

NodeFilterProxy::NodeFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(NodeTableModel::RawValueRole);
    // Ages and freshness change on every tick; keep the order and the filter current.
    setDynamicSortFilter(true);
}

void NodeFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void NodeFilterProxy::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    invalidateFilter();
}

void NodeFilterProxy::setPlacement(const QString &placement)
{
    if (placement == m_placement)
        return;
    m_placement = placement;
    invalidateFilter();
}

void NodeFilterProxy::setFreshness(std::optional<int> freshness)
{
    if (freshness == m_freshness)
        return;
    m_freshness = freshness;
    invalidateFilter();
}

void NodeFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    QSortFilterProxyModel::setSourceModel(model);
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void NodeFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (auto *nodes = qobject_cast<NodeTableModel *>(sourceModel()))
        nodes->sort(column, order);
}

bool NodeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *nodes = qobject_cast<const NodeTableModel *>(sourceModel());
    if (!nodes)
        return true;
    const Node &n = nodes->nodeAt(sourceRow);
    if (!m_region.isEmpty() && n.region != m_region)
        return false;
    if (!m_placement.isEmpty() && n.placement != m_placement)
        return false;
    if (m_freshness && int(nodes->freshnessAt(sourceRow)) != *m_freshness)
        return false;
    if (!m_text.isEmpty()) {
        const auto has = [this](const QString &s) {
            return s.contains(m_text, Qt::CaseInsensitive);
        };
        if (!has(n.nodeId) && !has(n.hostname) && !has(n.region) &&
            !(n.tenantId && has(*n.tenantId)))
            return false;
    }
    return true;
}

} // namespace prego
