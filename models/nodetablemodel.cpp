#include "nodetablemodel.h"

#include "domain/agetext.h"
#include "domain/serverclock.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <vector>

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
    return parent.isValid() ? 0 : int(m_order.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Freshness NodeTableModel::freshnessAt(int row) const
{
    return freshnessOf(nodeAt(row));
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

bool NodeTableModel::updateRanks()
{
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    const bool resized = m_attentionRank.size() != m_nodes.size();
    m_attentionRank.resize(m_nodes.size());
    bool changed = resized;
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const quint8 rank = attentionRank(FreshnessRule::classify(
            m_nodes.at(i).updatedAtMs(), now, m_staleAfterSeconds, m_pollCurrent));
        changed = changed || rank != m_attentionRank.at(i);
        m_attentionRank[i] = rank;
    }
    return changed;
}

int NodeTableModel::rowOf(const QString &nodeId) const
{
    const int slot = m_slotById.value(nodeId, -1);
    return slot < 0 ? -1 : m_rowOfSlot.at(slot);
}

void NodeTableModel::updateIdRanks()
{
    QList<int> slots(m_nodes.size());
    std::iota(slots.begin(), slots.end(), 0);
    const auto byId = [this](int a, int b) {
        return m_nodes.at(a).nodeId < m_nodes.at(b).nodeId;
    };
    // The control plane lists nodes by id: then arrival order is id order and no sort is needed.
    if (!std::is_sorted(slots.begin(), slots.end(), byId))
        std::sort(slots.begin(), slots.end(), byId);
    m_idRank.resize(m_nodes.size());
    for (int i = 0; i < slots.size(); ++i)
        m_idRank[slots.at(i)] = i;
}

void NodeTableModel::rebuildRowOfSlot()
{
    m_rowOfSlot.resize(m_nodes.size());
    for (int row = 0; row < m_order.size(); ++row)
        m_rowOfSlot[m_order.at(row)] = row;
}

void NodeTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = (column >= 0 && column < ColumnCount) ? column : -1;
    m_sortOrder = order;
    resort();
}

void NodeTableModel::resort()
{
    if (m_sortColumn < 0 || m_order.size() < 2)
        return;
    // One key per slot, then one sort of plain structs: no QVariant, no clock read, no string
    // comparison inside the sort (texts become the rank of their value among the few distinct
    // ones, node ids their precomputed rank).
    struct Key
    {
        double key;
        int idRank;
        int slot;
    };
    std::vector<Key> keys(size_t(m_order.size()));
    const auto textRanks = [this](auto field) {
        QHash<QString, int> rank;
        for (const Node &n : std::as_const(m_nodes))
            rank.insert(field(n), 0);
        QStringList distinct = rank.keys();
        std::sort(distinct.begin(), distinct.end(), [](const QString &a, const QString &b) {
            return QString::localeAwareCompare(a, b) < 0;
        });
        for (int i = 0; i < distinct.size(); ++i)
            rank[distinct.at(i)] = i;
        return rank;
    };
    QHash<QString, int> texts;
    if (m_sortColumn == RegionColumn)
        texts = textRanks([](const Node &n) { return n.region; });
    else if (m_sortColumn == PlacementColumn)
        texts = textRanks([](const Node &n) { return n.placement; });
    else if (m_sortColumn == StatusColumn)
        texts = textRanks([](const Node &n) { return n.status; });
    // Keys in the rows' current order: most polls and ticks leave it sorted, which one pass sees.
    for (int row = 0; row < m_order.size(); ++row) {
        const int slot = m_order.at(row);
        const Node &n = m_nodes.at(slot);
        const std::optional<NodeMetrics> &m = n.metrics;
        double key = 0;
        switch (m_sortColumn) {
        case NodeColumn:
            key = m_idRank.at(slot);
            break;
        case RegionColumn:
            key = texts.value(n.region);
            break;
        case PlacementColumn:
            key = texts.value(n.placement);
            break;
        case StatusColumn:
            key = texts.value(n.status);
            break;
        case TenantsColumn:
            key = (m && m->tenantCount) ? double(*m->tenantCount) : -1.0;
            break;
        case CpuColumn:
            key = (m && m->cpuPct) ? *m->cpuPct : -1.0;
            break;
        case MemoryColumn:
            key = (m && m->memoryPct) ? *m->memoryPct : -1.0;
            break;
        case DiskColumn:
            key = (m && m->diskPct) ? *m->diskPct : -1.0;
            break;
        case LastReportColumn:
            key = m ? double(m->updatedAtMs) : 0.0; // never reported sorts as the oldest
            break;
        case FreshnessColumn:
            key = m_attentionRank.at(slot);
            break;
        }
        keys[size_t(row)] = {key, m_idRank.at(slot), slot};
    }
    const auto ascending = [](const Key &a, const Key &b) {
        return a.key != b.key ? a.key < b.key : a.idRank < b.idRank;
    };
    if (m_sortOrder == Qt::AscendingOrder) {
        if (std::is_sorted(keys.begin(), keys.end(), ascending))
            return;
        std::sort(keys.begin(), keys.end(), ascending);
    } else {
        const auto descending = [&](const Key &a, const Key &b) {
            return ascending(b, a);
        };
        if (std::is_sorted(keys.begin(), keys.end(), descending))
            return;
        std::sort(keys.begin(), keys.end(), descending);
    }

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Asked after layoutAboutToBeChanged: listeners (the proxy) make theirs in answer to it.
    const QModelIndexList before = persistentIndexList();
    QList<int> beforeSlots;
    beforeSlots.reserve(before.size());
    for (const QModelIndex &i : before)
        beforeSlots.append(m_order.at(i.row()));
    for (size_t row = 0; row < keys.size(); ++row)
        m_order[qsizetype(row)] = keys[row].slot;
    rebuildRowOfSlot();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(m_rowOfSlot.at(beforeSlots.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString NodeTableModel::toolTip(const Node &n, int column) const
{
    QString tip;
    if (column == FreshnessColumn || column == LastReportColumn) {
        const Freshness f = freshnessOf(n);
        if (!n.metrics) {
            tip = freshnessDescription(f);
        } else {
            const QString when = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(n.metrics->updatedAtMs).toLocalTime(),
                QLocale::LongFormat);
            tip = tr("%1\nLast report: %2").arg(freshnessDescription(f), when);
        }
    } else if (column == NodeColumn) {
        const QString tenant = n.tenantId.value_or(tr("–"));
        tip = tr("%1\nHost: %2\nIPv4: %3\nTenant: %4").arg(n.nodeId, n.hostname, n.ipv4, tenant);
    }
    // The node's and the freshness cell's tooltips say what its mark is about.
    if (column == NodeColumn || column == FreshnessColumn) {
        const QString marks = m_marks.toolTip(n);
        if (!marks.isEmpty())
            tip += u'\n' + marks;
    }
    return tip;
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node &n = nodeAt(index.row());
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
    case SilencedRole:
        return m_marks.silenceOf(n) != nullptr;
    case AlertStateRole: {
        const std::optional<AlertState> worst = m_marks.worstAlertOf(n.nodeId);
        return worst ? QVariant(int(*worst)) : QVariant();
    }
    case MarkRole:
        return int(m_marks.markOf(n));
    case MarkTextRole:
        return NodeMarks::markText(m_marks.markOf(n));
    case Qt::AccessibleTextRole:
        if (column == FreshnessColumn) {
            const QString mark = NodeMarks::markText(m_marks.markOf(n));
            const QString freshness = displayValue(n, column).toString();
            //: the freshness cell read aloud with its mark: "Stale, Silenced"
            return mark.isEmpty() ? freshness : tr("%1, %2").arg(freshness, mark);
        }
        return {};
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

void NodeTableModel::removeAbsent(const QList<bool> &present)
{
    // Remove the rows in contiguous ranges from the bottom up; storage is compacted after.
    for (int row = int(m_order.size()) - 1; row >= 0;) {
        if (present.at(m_order.at(row))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !present.at(m_order.at(first - 1)))
            --first;
        beginRemoveRows({}, first, row);
        m_order.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    QList<int> newSlot(m_nodes.size(), -1);
    QList<Node> kept;
    kept.reserve(m_order.size());
    for (int slot = 0; slot < m_nodes.size(); ++slot) {
        if (present.at(slot)) {
            newSlot[slot] = int(kept.size());
            kept.append(std::move(m_nodes[slot]));
        }
    }
    m_nodes = std::move(kept);
    for (int &slot : m_order)
        slot = newSlot.at(slot);
    m_slotById.clear();
    m_slotById.reserve(m_nodes.size());
    for (int slot = 0; slot < m_nodes.size(); ++slot)
        m_slotById.insert(m_nodes.at(slot).nodeId, slot);
    rebuildRowOfSlot();
}

void NodeTableModel::applySnapshot(const NodesSnapshot &snapshot)
{
    QList<int> changedSlots;
    QList<const Node *> added; // their slots are reserved in m_slotById as they are met
    bool removed = false;
    // Per position in the snapshot: the slot of its node, -1 for a repeated id, and -2 - k for
    // the k-th added node (its slot is known once it is appended).
    QList<int> slotOfPosition;
    const bool delta = snapshot.sameIdsAsGeneration != 0 &&
                       snapshot.sameIdsAsGeneration == m_appliedGeneration &&
                       m_slotOfPosition.size() == snapshot.nodes.size();
    if (delta) {
        // 1'. The same ids at the same positions as the snapshot we hold: the decode thread
        //     found the changed ones, nothing is looked up or compared here.
        changedSlots.reserve(snapshot.changedPositions.size());
        for (const int position : snapshot.changedPositions) {
            const int slot = m_slotOfPosition.value(position, -1);
            if (slot < 0)
                continue;
            m_nodes[slot] = snapshot.nodes.at(position);
            changedSlots.append(slot);
        }
    } else {
        // 1. Match the incoming nodes to the stored ones by id (the first of duplicates counts).
        const qsizetype stored = m_nodes.size();
        QList<bool> present(stored, false);
        slotOfPosition.resize(snapshot.nodes.size(), -1);
        for (qsizetype position = 0; position < snapshot.nodes.size(); ++position) {
            const Node &n = snapshot.nodes.at(position);
            const qsizetype known = m_slotById.size();
            int &entry = m_slotById[n.nodeId]; // one lookup that inserts when new
            if (m_slotById.size() != known) {
                entry = int(stored + added.size());
                slotOfPosition[position] = -2 - int(added.size());
                added.append(&n);
                continue;
            }
            const int slot = entry;
            if (slot >= stored || present.at(slot))
                continue;
            present[slot] = true;
            slotOfPosition[position] = slot;
            if (!(m_nodes.at(slot) == n)) {
                m_nodes[slot] = n;
                changedSlots.append(slot);
            }
        }

        // 2. Rows whose node vanished go.
        removed = present.contains(false);
        if (removed) {
            for (const Node *n : std::as_const(added))
                m_slotById.remove(n->nodeId); // removeAbsent() numbers the slots anew

            QList<int> newSlot(m_nodes.size(), -1);
            for (int slot = 0, next = 0; slot < m_nodes.size(); ++slot)
                newSlot[slot] = present.at(slot) ? next++ : -1;
            for (int &slot : changedSlots)
                slot = newSlot.at(slot);
            for (int &slot : slotOfPosition)
                if (slot >= 0)
                    slot = newSlot.at(slot);
            removeAbsent(present);
        }
    }

    // 3. Changed rows, in contiguous ranges as long as there are few. Beyond that one
    //    dataChanged over every row: a fifth of a 10,000-node fleet pushes between two polls,
    //    in rows scattered over the table (the ages of all rows change with the clock anyway).
    constexpr qsizetype MaxRanges = 16;
    QList<std::pair<int, int>> ranges;
    if (!changedSlots.isEmpty()) {
        QList<bool> changedRow(m_order.size(), false);
        for (int slot : std::as_const(changedSlots))
            changedRow[m_rowOfSlot.at(slot)] = true;
        for (int row = 0; row < changedRow.size(); ++row) {
            if (!changedRow.at(row))
                continue;
            if (!ranges.isEmpty() && ranges.last().second + 1 == row)
                ranges.last().second = row;
            else
                ranges.append({row, row});
        }
    }
    const bool manyChanged = ranges.size() > MaxRanges;
    updateRanks();
    if (!manyChanged) {
        for (const auto &[first, last] : std::as_const(ranges))
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }

    // 4. The nodes we have not seen are appended, in the snapshot's order.
    if (!added.isEmpty()) {
        // Into an empty table (the first snapshot) a reset: views and the proxy rebuild once
        // instead of handling 100,000 inserted rows.
        const bool reset = m_order.isEmpty();
        const int first = int(m_order.size());
        if (reset)
            beginResetModel();
        else
            beginInsertRows({}, first, first + int(added.size()) - 1);
        m_nodes.reserve(m_nodes.size() + added.size());
        m_order.reserve(m_order.size() + added.size());
        const int firstAdded = int(m_nodes.size());
        for (const Node *n : std::as_const(added)) {
            const int slot = int(m_nodes.size());
            m_nodes.append(*n);
            m_slotById.insert(n->nodeId, slot); // the same slot, or anew after removals
            m_order.append(slot);
        }
        for (int &slot : slotOfPosition)
            if (slot <= -2)
                slot = firstAdded + (-2 - slot);
        rebuildRowOfSlot();
        updateRanks();
        if (reset)
            endResetModel();
        else
            endInsertRows();
    }
    if (removed || !added.isEmpty())
        updateIdRanks();

    if (!delta)
        m_slotOfPosition = std::move(slotOfPosition);
    m_appliedGeneration = snapshot.generation;
    m_hasSnapshot = true;
    resort();
    // The server's time moved on: every age may read differently now.
    emitChanged(manyChanged ? 0 : int(LastReportColumn), FreshnessColumn);
    Q_EMIT nodesUpdated();
}

void NodeTableModel::emitChanged(int firstColumn, int lastColumn)
{
    // Freshness moves with the clock: a node turning stale moves up when sorted by it.
    if (updateRanks() && m_sortColumn == FreshnessColumn)
        resort();
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
    // A silence starting or ending moves marks on every row it covers: one repaint of all.
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    emitChanged(m_marks.advanceTo(now) ? 0 : int(LastReportColumn), FreshnessColumn);
}

void NodeTableModel::setSilences(QList<Silence> silences, qint64 serverNowMs)
{
    if (m_marks.setSilences(std::move(silences), serverNowMs) && !m_order.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_order.size()) - 1, ColumnCount - 1));
}

void NodeTableModel::setAlerts(const QList<Alert> &alerts)
{
    const QStringList changed = m_marks.setAlerts(alerts);
    if (changed.isEmpty() || m_order.isEmpty())
        return;
    // Beyond a few rows, one signal over all of them (as a poll's many changes are reported).
    constexpr qsizetype MaxSingleRows = 64;
    if (changed.size() > MaxSingleRows) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_order.size()) - 1, ColumnCount - 1));
        return;
    }
    for (const QString &id : changed) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void NodeTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emitChanged(0, ColumnCount - 1);
}

} // namespace prego
