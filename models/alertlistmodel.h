#pragma once

#include "types/alert.h"
#include "types/silence.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace prego {

// The current alerts (pending, firing, unknown; resolved ones are left out), one row per
// Alert::key(). Updated by difference: rows that vanished are removed, new ones appended, the
// others changed in place, so selection survives a refresh. Rules are shown with the node's
// effective threshold; ages count to the server's clock; an active silence covering the node
// marks the row. RawValueRole gives sortable values (the state's rank puts firing first).
class AlertListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        RegionColumn,
        RuleColumn,
        StateColumn,
        ValueColumn,
        SinceColumn,
        AcknowledgedColumn,
        SilencedColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        KeyRole, // Alert::key()
        NodeIdRole,
        StateRole,        // int(prego::AlertState)
        AcknowledgedRole, // bool
        SilencedRole,     // bool: an active silence covers the node
    };
    Q_ENUM(Role)

    explicit AlertListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setAlerts(const QList<Alert> &alerts, qint64 serverNowMs);
    void setRules(const AlertRules &rules);
    // The silences as listed by the control plane; the active ones at serverNowMs mark rows.
    void setSilences(const QList<Silence> &silences, qint64 serverNowMs);
    void retranslate();

    const QList<Alert> &alerts() const { return m_alerts; }
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }
    // The active silence covering the alert's node, if any.
    std::optional<Silence> silenceFor(const Alert &alert) const;
    // Firing first, then pending, unknown, resolved: the StateColumn's raw value.
    static int stateRank(AlertState state);

private:
    QVariant displayValue(const Alert &alert, int column) const;
    QVariant rawValue(const Alert &alert, int column) const;
    QVariant toolTip(const Alert &alert, int column) const;
    void rebuildIndex();
    void allChanged();

    QList<Alert> m_alerts;
    QHash<QString, int> m_rowByKey;
    AlertRules m_rules;
    QList<Silence> m_silences;
    qint64 m_serverNowMs = 0;
    qint64 m_silencesNowMs = 0;
};

} // namespace prego
