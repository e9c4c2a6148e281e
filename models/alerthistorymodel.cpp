#include "alerthistorymodel.h"

#include "domain/alerttext.h"

#include <algorithm>

namespace prego {

AlertHistoryModel::AlertHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AlertHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_transitions.size());
}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NodeColumn:
        return tr("Node");
    case RuleColumn:
        return tr("Rule");
    case TransitionColumn:
        return tr("Change");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

QVariant AlertHistoryModel::displayValue(const AlertTransition &t, int column) const
{
    switch (column) {
    case TimeColumn:
        return AlertText::localDateTime(t.atMs);
    case NodeColumn:
        return t.nodeId;
    case RuleColumn:
        return AlertText::ruleName(t.rule);
    case TransitionColumn:
        if (!t.from) {
            //: an alert began in this state
            return tr("New → %1").arg(AlertText::stateName(t.to));
        }
        //: an alert's change of state: from → to
        return tr("%1 → %2").arg(AlertText::stateName(*t.from), AlertText::stateName(t.to));
    case ValueColumn:
        return AlertText::value(t.value, t.detail);
    }
    return {};
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_transitions.size())
        return {};
    const AlertTransition &t = m_transitions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(t, index.column());
    case Qt::ToolTipRole:
        return index.column() == NodeColumn && !t.region.isEmpty()
                   ? QVariant(tr("Region %1").arg(t.region))
                   : QVariant();
    case RawValueRole:
        switch (index.column()) {
        case TimeColumn:
            return t.atMs;
        case RuleColumn:
            return int(t.rule);
        case ValueColumn:
            return t.value.value_or(-1.0);
        default:
            return displayValue(t, index.column());
        }
    case NodeIdRole:
        return t.nodeId;
    case ToStateRole:
        return int(t.to);
    default:
        return {};
    }
}

void AlertHistoryModel::setTransitions(const QList<AlertTransition> &transitions)
{
    beginResetModel();
    m_transitions = transitions;
    std::stable_sort(
        m_transitions.begin(), m_transitions.end(),
        [](const AlertTransition &a, const AlertTransition &b) { return a.atMs > b.atMs; });
    endResetModel();
}

void AlertHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_transitions.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_transitions.size()) - 1, ColumnCount - 1));
}

} // namespace prego
