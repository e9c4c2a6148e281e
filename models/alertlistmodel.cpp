#include "alertlistmodel.h"

#include "domain/agetext.h"
#include "domain/alertmarks.h"
#include "domain/alerttext.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QString oneLine(QString text)
{
    return text.replace(u'\n', u' ').simplified();
}
} // namespace

AlertListModel::AlertListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case RegionColumn:
        return tr("Region");
    case RuleColumn:
        return tr("Rule");
    case StateColumn:
        return tr("State");
    case ValueColumn:
        return tr("Value");
    case SinceColumn:
        return tr("Since");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    case SilencedColumn:
        return tr("Silenced");
    }
    return {};
}

int AlertListModel::stateRank(AlertState state)
{
    // Worst first: firing, pending, unknown, resolved.
    return 3 - AlertMarks::severity(state);
}

std::optional<Silence> AlertListModel::silenceFor(const Alert &alert) const
{
    const qint64 now = std::max(m_serverNowMs, m_silencesNowMs);
    for (const Silence &s : m_silences) {
        if (s.isActiveAt(now) && s.covers(alert.nodeId, alert.region))
            return s;
    }
    return std::nullopt;
}

QVariant AlertListModel::displayValue(const Alert &alert, int column) const
{
    switch (column) {
    case NodeColumn:
        return alert.nodeId;
    case RegionColumn:
        return alert.region;
    case RuleColumn:
        return AlertText::ruleLabel(alert.rule,
                                    m_rules.effective(alert.rule, alert.nodeId, alert.region));
    case StateColumn:
        return AlertText::stateName(alert.state);
    case ValueColumn:
        return AlertText::value(alert.value, alert.detail);
    case SinceColumn:
        return AgeText::ago(std::max<qint64>(0, (m_serverNowMs - alert.sinceMs) / 1000));
    case AcknowledgedColumn:
        if (!alert.ack)
            return QString();
        //: who acknowledged the alert · their comment
        return tr("%1 · %2").arg(alert.ack->who, oneLine(alert.ack->comment));
    case SilencedColumn:
        return silenceFor(alert) ? tr("Silenced") : QString();
    }
    return {};
}

QVariant AlertListModel::rawValue(const Alert &alert, int column) const
{
    switch (column) {
    case RuleColumn:
        return int(alert.rule);
    case StateColumn:
        return stateRank(alert.state);
    case ValueColumn:
        return alert.value.value_or(-1.0);
    case SinceColumn:
        return alert.sinceMs;
    case AcknowledgedColumn:
        return alert.ack ? alert.ack->atMs : qint64(0);
    case SilencedColumn:
        return silenceFor(alert).has_value();
    default:
        return displayValue(alert, column);
    }
}

QVariant AlertListModel::toolTip(const Alert &alert, int column) const
{
    switch (column) {
    case SinceColumn:
        if (alert.firingSinceMs) {
            return tr("Over the threshold since %1, firing since %2")
                .arg(AlertText::localDateTime(alert.sinceMs),
                     AlertText::localDateTime(*alert.firingSinceMs));
        }
        return tr("Since %1").arg(AlertText::localDateTime(alert.sinceMs));
    case AcknowledgedColumn:
        if (!alert.ack)
            return {};
        //: %1: who, %2: when, %3: their comment
        return tr("Acknowledged by %1 at %2: %3")
            .arg(alert.ack->who, AlertText::localDateTime(alert.ack->atMs), alert.ack->comment);
    case SilencedColumn:
        if (const auto s = silenceFor(alert)) {
            //: %1: who set the silence, %2: when it ends, %3: why
            return tr("Silenced by %1 until %2: %3")
                .arg(s->createdBy, AlertText::localDateTime(s->endsAtMs), s->reason);
        }
        return {};
    default:
        return {};
    }
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_alerts.size())
        return {};
    const Alert &alert = m_alerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(alert, index.column());
    case Qt::ToolTipRole:
        return toolTip(alert, index.column());
    case RawValueRole:
        return rawValue(alert, index.column());
    case KeyRole:
        return alert.key();
    case NodeIdRole:
        return alert.nodeId;
    case StateRole:
        return int(alert.state);
    case AcknowledgedRole:
        return alert.ack.has_value();
    case SilencedRole:
        return silenceFor(alert).has_value();
    default:
        return {};
    }
}

void AlertListModel::setAlerts(const QList<Alert> &alerts, qint64 serverNowMs)
{
    m_serverNowMs = serverNowMs;
    QList<Alert> current;
    QSet<QString> keys;
    for (const Alert &a : alerts) {
        if (a.state != AlertState::Resolved && !keys.contains(a.key())) {
            keys.insert(a.key());
            current.append(a);
        }
    }
    // Vanished rows go, in runs from the end so the rows before a run keep their numbers.
    for (int end = int(m_alerts.size()) - 1; end >= 0;) {
        if (keys.contains(m_alerts.at(end).key())) {
            --end;
            continue;
        }
        int first = end;
        while (first > 0 && !keys.contains(m_alerts.at(first - 1).key()))
            --first;
        beginRemoveRows({}, first, end);
        m_alerts.remove(first, end - first + 1);
        endRemoveRows();
        end = first - 1;
    }
    rebuildIndex();
    QList<Alert> added;
    for (const Alert &a : std::as_const(current)) {
        if (const int row = rowOf(a.key()); row >= 0)
            m_alerts[row] = a;
        else
            added.append(a);
    }
    allChanged(); // ages move on with the server's clock
    if (!added.isEmpty()) {
        const int first = int(m_alerts.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_alerts.append(added);
        rebuildIndex();
        endInsertRows();
    }
}

void AlertListModel::setRules(const AlertRules &rules)
{
    m_rules = rules;
    if (!m_alerts.isEmpty())
        Q_EMIT dataChanged(index(0, RuleColumn), index(int(m_alerts.size()) - 1, RuleColumn));
}

void AlertListModel::setSilences(const QList<Silence> &silences, qint64 serverNowMs)
{
    m_silences = silences;
    m_silencesNowMs = serverNowMs;
    if (!m_alerts.isEmpty()) {
        Q_EMIT dataChanged(index(0, SilencedColumn),
                           index(int(m_alerts.size()) - 1, SilencedColumn));
    }
}

void AlertListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    allChanged();
}

void AlertListModel::rebuildIndex()
{
    m_rowByKey.clear();
    for (int i = 0; i < m_alerts.size(); ++i)
        m_rowByKey.insert(m_alerts.at(i).key(), i);
}

void AlertListModel::allChanged()
{
    if (!m_alerts.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_alerts.size()) - 1, ColumnCount - 1));
}

} // namespace prego
