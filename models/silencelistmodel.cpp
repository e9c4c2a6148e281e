#include "silencelistmodel.h"

#include "domain/alerttext.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int NodesNamed = 3; // the target column names this many nodes, then counts the rest
}

SilenceListModel::SilenceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SilenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_silences.size());
}

int SilenceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Silenced");
    case ReasonColumn:
        return tr("Reason");
    case CreatedByColumn:
        return tr("Set by");
    case FromColumn:
        return tr("From");
    case UntilColumn:
        return tr("Until");
    case StateColumn:
        return tr("State");
    }
    return {};
}

SilenceListModel::State SilenceListModel::stateAt(const Silence &silence, qint64 serverNowMs)
{
    if (silence.endedAtMs && *silence.endedAtMs < silence.endsAtMs)
        return State::EndedEarly;
    if (silence.endedAtMs || serverNowMs >= silence.endsAtMs)
        return State::Expired;
    if (serverNowMs < silence.startsAtMs)
        return State::Scheduled;
    return State::Active;
}

QString SilenceListModel::stateName(State state)
{
    switch (state) {
    case State::Active:
        //: a maintenance silence in force now
        return tr("Active");
    case State::Scheduled:
        //: a maintenance silence that starts later
        return tr("Scheduled");
    case State::EndedEarly:
        return tr("Ended early");
    case State::Expired:
        //: a maintenance silence that reached its end
        return tr("Expired");
    }
    return {};
}

QString SilenceListModel::targetText(const Silence &silence)
{
    if (silence.region)
        return tr("Region %1").arg(*silence.region);
    if (silence.nodeIds.size() <= NodesNamed)
        return silence.nodeIds.join(u", "_s);
    const int more = int(silence.nodeIds.size()) - NodesNamed;
    //: %1: the first node ids, then how many more nodes the silence names
    return tr("%1 and %n more", nullptr, more).arg(silence.nodeIds.first(NodesNamed).join(u", "_s));
}

QVariant SilenceListModel::displayValue(const Silence &silence, int column) const
{
    switch (column) {
    case TargetColumn:
        return targetText(silence);
    case ReasonColumn:
        return QString(silence.reason).replace(u'\n', u' ');
    case CreatedByColumn:
        return silence.createdBy;
    case FromColumn:
        return AlertText::localDateTime(silence.startsAtMs);
    case UntilColumn:
        return AlertText::localDateTime(silence.endsAtMs);
    case StateColumn:
        return stateName(stateAt(silence, m_serverNowMs));
    }
    return {};
}

QVariant SilenceListModel::rawValue(const Silence &silence, int column) const
{
    switch (column) {
    case FromColumn:
        return silence.startsAtMs;
    case UntilColumn:
        return silence.endsAtMs;
    case StateColumn:
        return int(stateAt(silence, m_serverNowMs));
    default:
        return displayValue(silence, column);
    }
}

QVariant SilenceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_silences.size())
        return {};
    const Silence &s = m_silences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(s, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TargetColumn:
            return s.region ? QVariant() : QVariant(s.nodeIds.join(u", "_s));
        case ReasonColumn:
            return s.reason;
        case UntilColumn:
        case StateColumn:
            if (stateAt(s, m_serverNowMs) == State::EndedEarly)
                return tr("Ended early at %1").arg(AlertText::localDateTime(*s.endedAtMs));
            return {};
        case CreatedByColumn:
            return tr("Set at %1").arg(AlertText::localDateTime(s.createdAtMs));
        default:
            return {};
        }
    case RawValueRole:
        return rawValue(s, index.column());
    case SilenceIdRole:
        return s.silenceId;
    case StateRole:
        return int(stateAt(s, m_serverNowMs));
    case EndableRole: {
        const State state = stateAt(s, m_serverNowMs);
        return state == State::Active || state == State::Scheduled;
    }
    default:
        return {};
    }
}

void SilenceListModel::setSilences(const QList<Silence> &silences, qint64 serverNowMs)
{
    m_serverNowMs = serverNowMs;
    QList<Silence> next;
    QSet<QString> ids;
    for (const Silence &s : silences) {
        if (!ids.contains(s.silenceId)) {
            ids.insert(s.silenceId);
            next.append(s);
        }
    }
    // Vanished rows go, in runs from the end so the rows before a run keep their numbers.
    for (int end = int(m_silences.size()) - 1; end >= 0;) {
        if (ids.contains(m_silences.at(end).silenceId)) {
            --end;
            continue;
        }
        int first = end;
        while (first > 0 && !ids.contains(m_silences.at(first - 1).silenceId))
            --first;
        beginRemoveRows({}, first, end);
        m_silences.remove(first, end - first + 1);
        endRemoveRows();
        end = first - 1;
    }
    rebuildIndex();
    QList<Silence> added;
    for (const Silence &s : std::as_const(next)) {
        if (const int row = rowOf(s.silenceId); row >= 0)
            m_silences[row] = s;
        else
            added.append(s);
    }
    if (!m_silences.isEmpty()) // states move on with the server's clock
        Q_EMIT dataChanged(index(0, 0), index(int(m_silences.size()) - 1, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = int(m_silences.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_silences.append(added);
        rebuildIndex();
        endInsertRows();
    }
}

void SilenceListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_silences.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_silences.size()) - 1, ColumnCount - 1));
}

void SilenceListModel::rebuildIndex()
{
    m_rowById.clear();
    for (int i = 0; i < m_silences.size(); ++i)
        m_rowById.insert(m_silences.at(i).silenceId, i);
}

} // namespace prego
