#include "nodetablemodel.h"

#include "domain/agetext.h"
#include "domain/serverclock.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QString percentText(const std::optional<double> &v)
{
    //: Shown in a cell when the node did not report this value
    return v ? NodeTableModel::tr("%1 %").arg(QLocale().toString(*v, 'f', 1))
             : NodeTableModel::tr("–");
}

QVariant optionalRaw(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(-1.0);
}

} // namespace

// The contract's placement and status values in words; values we do not know are shown as sent.
QString NodeTableModel::placementName(const QString &placement)
{
    if (placement == u"shared")
        //: node placement: tenants share the node
        return NodeTableModel::tr("shared");
    if (placement == u"dedicated")
        //: node placement: the node belongs to one tenant
        return NodeTableModel::tr("dedicated");
    return placement;
}

QString NodeTableModel::statusName(const QString &status)
{
    if (status == u"provisioning")
        return NodeTableModel::tr("provisioning");
    if (status == u"active")
        return NodeTableModel::tr("active");
    if (status == u"draining")
        return NodeTableModel::tr("draining");
    if (status == u"retired")
        return NodeTableModel::tr("retired");
    return status;
}

QString NodeTableModel::placementText(const Node &n)
{
    if (n.role.isEmpty() || n.role == n.placement)
        return NodeTableModel::placementName(n.placement);
    //: placement and role of a node, e.g. "dedicated · db"
    return NodeTableModel::tr("%1 · %2").arg(NodeTableModel::placementName(n.placement), n.role);
}

NodeTableModel::NodeTableModel(const ServerClock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Freshness NodeTableModel::freshnessAt(int row) const
{
    return freshnessOf(m_nodes.at(row));
}

Freshness NodeTableModel::freshnessOf(const Node &n) const
{
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    return FreshnessRule::classify(n.updatedAtMs(), now, m_staleAfterSeconds, m_pollCurrent);
}

FleetSummary NodeTableModel::summary() const
{
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    return FleetSummary::compute(m_nodes, now, m_staleAfterSeconds, m_pollCurrent);
}

QString NodeTableModel::freshnessText(Freshness f)
{
    switch (f) {
    case Freshness::Fresh:
        return tr("Fresh");
    case Freshness::Stale:
        return tr("Stale");
    case Freshness::NeverReported:
        return tr("Never reported");
    case Freshness::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString NodeTableModel::freshnessDescription(Freshness f)
{
    switch (f) {
    case Freshness::Fresh:
        return tr("The node pushed its metrics within the stale threshold.");
    case Freshness::Stale:
        return tr("The node has not pushed its metrics for longer than the stale threshold.");
    case Freshness::NeverReported:
        return tr("The node has never pushed any metrics.");
    case Freshness::Unknown:
        return tr("Our own last poll failed or is too old; the values shown may be out of date.");
    }
    return {};
}

QVariant NodeTableModel::displayValue(const Node &n, int column) const
{
    const std::optional<NodeMetrics> &m = n.metrics;
    switch (column) {
    case NodeColumn:
        return n.nodeId;
    case RegionColumn:
        return n.region;
    case PlacementColumn:
        return placementText(n);
    case StatusColumn:
        return statusName(n.status);
    case TenantsColumn:
        return (m && m->tenantCount) ? QLocale().toString(*m->tenantCount) : tr("–");
    case CpuColumn:
        return percentText(m ? m->cpuPct : std::nullopt);
    case MemoryColumn:
        return percentText(m ? m->memoryPct : std::nullopt);
    case DiskColumn:
        return percentText(m ? m->diskPct : std::nullopt);
    case LastReportColumn: {
        const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
        return AgeText::ago(FreshnessRule::ageSeconds(n.updatedAtMs(), now));
    }
    case FreshnessColumn:
        return freshnessText(freshnessOf(n));
    }
    return {};
}

QVariant NodeTableModel::rawValue(const Node &n, int column) const
{
    const std::optional<NodeMetrics> &m = n.metrics;
    switch (column) {
    case NodeColumn:
        return n.nodeId;
    case RegionColumn:
        return n.region;
    case PlacementColumn:
        return n.placement;
    case StatusColumn:
        return n.status;
    case TenantsColumn:
        return (m && m->tenantCount) ? *m->tenantCount : qint64(-1);
    case CpuColumn:
        return optionalRaw(m ? m->cpuPct : std::nullopt);
    case MemoryColumn:
        return optionalRaw(m ? m->memoryPct : std::nullopt);
    case DiskColumn:
        return optionalRaw(m ? m->diskPct : std::nullopt);
    case LastReportColumn:
        // Never reported sorts as the oldest.
        return m ? m->updatedAtMs : qint64(0);
    case FreshnessColumn:
        return int(attentionRank(freshnessOf(n)));
    }
    return {};
}

quint8 NodeTableModel::attentionRank(Freshness f)
{
    // Sorted by need of attention: never reported, stale, unknown, then fresh.
    switch (f) {
    case Freshness::NeverReported:
        return 0;
    case Freshness::Stale:
        return 1;
    case Freshness::Unknown:
        return 2;
    case Freshness::Fresh:
        return 3;
    }
    return 3;
}

void NodeTableModel::updateRanks()
{
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    m_attentionRank.resize(m_nodes.size());
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_attentionRank[i] = attentionRank(FreshnessRule::classify(
            m_nodes.at(i).updatedAtMs(), now, m_staleAfterSeconds, m_pollCurrent));
}

bool NodeTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Node &l = m_nodes.at(leftRow);
    const Node &r = m_nodes.at(rightRow);
    const auto number = [&](const Node &n) -> double {
        const std::optional<NodeMetrics> &m = n.metrics;
        switch (column) {
        case TenantsColumn:
            return (m && m->tenantCount) ? double(*m->tenantCount) : -1.0;
        case CpuColumn:
            return (m && m->cpuPct) ? *m->cpuPct : -1.0;
        case MemoryColumn:
            return (m && m->memoryPct) ? *m->memoryPct : -1.0;
        case DiskColumn:
            return (m && m->diskPct) ? *m->diskPct : -1.0;
        case LastReportColumn:
            return m ? double(m->updatedAtMs) : 0.0;
        default:
            return 0.0;
        }
    };
    int c = 0;
    switch (column) {
    case NodeColumn:
        break;
    case RegionColumn:
    case PlacementColumn:
    case StatusColumn: {
        const QVariant a = rawValue(l, column), b = rawValue(r, column);
        c = QString::localeAwareCompare(a.toString(), b.toString());
        break;
    }
    case FreshnessColumn: {
        const bool cached = m_attentionRank.size() == m_nodes.size();
        const int a = cached ? m_attentionRank.at(leftRow) : attentionRank(freshnessOf(l));
        const int b = cached ? m_attentionRank.at(rightRow) : attentionRank(freshnessOf(r));
        c = a < b ? -1 : (a > b ? 1 : 0);
        break;
    }
    default: {
        const double a = number(l), b = number(r);
        c = a < b ? -1 : (a > b ? 1 : 0);
        break;
    }
    }
    if (c != 0)
        return c < 0;
    // Ties: by node id, so the order is stable across refreshes.
    return l.nodeId < r.nodeId;
}

QString NodeTableModel::toolTip(const Node &n, int column) const
{
    if (column == FreshnessColumn || column == LastReportColumn) {
        const Freshness f = freshnessOf(n);
        if (!n.metrics)
            return freshnessDescription(f);
        const QString when =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(n.metrics->updatedAtMs).toLocalTime(),
                               QLocale::LongFormat);
        return tr("%1\nLast report: %2").arg(freshnessDescription(f), when);
    }
    if (column == NodeColumn) {
        const QString tenant = n.tenantId.value_or(tr("–"));
        return tr("%1\nHost: %2\nIPv4: %3\nTenant: %4").arg(n.nodeId, n.hostname, n.ipv4, tenant);
    }
    return {};
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node &n = m_nodes.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(n, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(n, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (column == TenantsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (!m_pollCurrent) {
            // Greyed: our data is not current. (No palette without a GUI application.)
            if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
                return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
            return QBrush(Qt::gray);
        }
        return {};
    case RawValueRole:
        return rawValue(n, column);
    case FreshnessRole:
        return int(freshnessAt(index.row()));
    case NodeIdRole:
        return n.nodeId;
    case SearchTextRole:
        return QStringList{n.nodeId, n.hostname, n.region, n.tenantId.value_or(QString())}.join(
            u'\n');
    }
    return {};
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case RegionColumn:
        return tr("Region");
    case PlacementColumn:
        return tr("Placement");
    case StatusColumn:
        return tr("Status");
    case TenantsColumn:
        return tr("Tenants");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case DiskColumn:
        return tr("Disk");
    case LastReportColumn:
        return tr("Last report");
    case FreshnessColumn:
        return tr("Freshness");
    }
    return {};
}

void NodeTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i)
        m_rowById.insert(m_nodes.at(i).nodeId, i);
    updateRanks(); // rows moved: the cached ranks follow
}

void NodeTableModel::applySnapshot(const NodesSnapshot &snapshot)
{
    QHash<QString, const Node *> incoming;
    incoming.reserve(snapshot.nodes.size());
    for (const Node &n : snapshot.nodes)
        incoming.insert(n.nodeId, &n);

    // 1. Remove the rows whose node vanished, in contiguous ranges from the bottom up.
    for (int row = int(m_nodes.size()) - 1; row >= 0;) {
        if (incoming.contains(m_nodes.at(row).nodeId)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_nodes.at(first - 1).nodeId))
            --first;
        beginRemoveRows({}, first, row);
        m_nodes.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    rebuildIndex();

    // 2. Replace changed rows and report them in contiguous ranges, as long as there are few.
    //    Beyond that one dataChanged over every row: each signal costs the sorting proxy a
    //    re-sort, and a fifth of a 10,000-node fleet pushes between two polls, in rows scattered
    //    over the table (the ages of all rows change with the server's clock anyway).
    constexpr qsizetype MaxRanges = 16;
    QList<std::pair<int, int>> ranges;
    int rangeStart = -1;
    for (int row = 0; row <= m_nodes.size(); ++row) {
        bool changed = false;
        if (row < m_nodes.size()) {
            const Node *next = incoming.value(m_nodes.at(row).nodeId);
            if (!(*next == m_nodes.at(row))) {
                m_nodes[row] = *next;
                changed = true;
            }
        }
        if (changed && rangeStart < 0)
            rangeStart = row;
        if (!changed && rangeStart >= 0) {
            ranges.append({rangeStart, row - 1});
            rangeStart = -1;
        }
    }
    const bool manyChanged = ranges.size() > MaxRanges;
    if (!manyChanged) {
        updateRanks();
        for (const auto &[first, last] : std::as_const(ranges))
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }

    // 3. Append the nodes we have not seen, in the snapshot's order.
    QList<Node> added;
    QSet<QString> seen;
    for (const Node &n : snapshot.nodes) {
        if (!m_rowById.contains(n.nodeId) && !seen.contains(n.nodeId)) {
            added.append(n);
            seen.insert(n.nodeId);
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_nodes.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_nodes.append(added);
        rebuildIndex();
        endInsertRows();
    }

    m_hasSnapshot = true;
    // The server's time moved on: every age may read differently now.
    emitChanged(manyChanged ? 0 : int(LastReportColumn), FreshnessColumn);
    Q_EMIT nodesUpdated();
}

void NodeTableModel::emitChanged(int firstColumn, int lastColumn)
{
    updateRanks(); // before the proxy asks
    if (m_nodes.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, firstColumn), index(int(m_nodes.size()) - 1, lastColumn));
}

void NodeTableModel::setPollCurrent(bool current)
{
    if (m_pollCurrent == current)
        return;
    m_pollCurrent = current;
    emitChanged(0, ColumnCount - 1);
    Q_EMIT nodesUpdated();
}

void NodeTableModel::setStaleAfterSeconds(int seconds)
{
    if (m_staleAfterSeconds == seconds)
        return;
    m_staleAfterSeconds = seconds;
    emitChanged(LastReportColumn, FreshnessColumn);
}

void NodeTableModel::tick()
{
    emitChanged(LastReportColumn, FreshnessColumn);
}

void NodeTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emitChanged(0, ColumnCount - 1);
}

} // namespace prego
