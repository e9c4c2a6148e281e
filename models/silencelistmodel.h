#pragma once

#include "types/silence.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace prego {

// Maintenance silences as the control plane lists them (active ones and those ended in the last
// 7 days), one row per silence id, updated by difference so selection survives a refresh: target
// (nodes or a region), reason, who set it, from, until, and its state at the server's time.
class SilenceListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TargetColumn,
        ReasonColumn,
        CreatedByColumn,
        FromColumn,
        UntilColumn,
        StateColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        SilenceIdRole,
        StateRole,   // int(SilenceListModel::State)
        EndableRole, // bool: active or scheduled, so it can still be ended
    };
    Q_ENUM(Role)
    // In this order on the StateColumn's raw value: what is in force first.
    enum class State { Active, Scheduled, EndedEarly, Expired };
    Q_ENUM(State)

    explicit SilenceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSilences(const QList<Silence> &silences, qint64 serverNowMs);
    void retranslate();

    const QList<Silence> &silences() const { return m_silences; }
    int rowOf(const QString &silenceId) const { return m_rowById.value(silenceId, -1); }

    static State stateAt(const Silence &silence, qint64 serverNowMs);
    static QString stateName(State state);
    // "fsn1-a, fsn1-b" (the first three and how many more), or "Region fsn1".
    static QString targetText(const Silence &silence);

private:
    QVariant displayValue(const Silence &silence, int column) const;
    QVariant rawValue(const Silence &silence, int column) const;
    void rebuildIndex();

    QList<Silence> m_silences;
    QHash<QString, int> m_rowById;
    qint64 m_serverNowMs = 0;
};

} // namespace prego
