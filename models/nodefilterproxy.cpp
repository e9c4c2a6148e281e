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

bool NodeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    if (!src)
        return true;
    const auto value = [&](int column, int role) {
        return src->data(src->index(sourceRow, column, sourceParent), role);
    };
    if (!m_region.isEmpty() &&
        value(NodeTableModel::RegionColumn, NodeTableModel::RawValueRole).toString() != m_region)
        return false;
    if (!m_placement.isEmpty() &&
        value(NodeTableModel::PlacementColumn, NodeTableModel::RawValueRole).toString() !=
            m_placement)
        return false;
    if (m_freshness &&
        value(NodeTableModel::FreshnessColumn, NodeTableModel::FreshnessRole).toInt() !=
            *m_freshness)
        return false;
    if (!m_text.isEmpty() && !value(NodeTableModel::NodeColumn, NodeTableModel::SearchTextRole)
                                  .toString()
                                  .contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool NodeFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *nodes = qobject_cast<const NodeTableModel *>(sourceModel());
        nodes && left.column() == right.column())
        return nodes->lessThan(left.row(), right.row(), left.column());
    const QVariant l = left.data(NodeTableModel::RawValueRole);
    const QVariant r = right.data(NodeTableModel::RawValueRole);
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString) {
        const int c = QString::localeAwareCompare(l.toString(), r.toString());
        if (c != 0)
            return c < 0;
    } else {
        const double a = l.toDouble();
        const double b = r.toDouble();
        if (a != b)
            return a < b;
    }
    // Ties: by node id, so the order is stable across refreshes.
    const QModelIndex li = left.sibling(left.row(), NodeTableModel::NodeColumn);
    const QModelIndex ri = right.sibling(right.row(), NodeTableModel::NodeColumn);
    return li.data(NodeTableModel::RawValueRole).toString() <
           ri.data(NodeTableModel::RawValueRole).toString();
}

} // namespace prego
