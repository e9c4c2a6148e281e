#pragma once

#include "types/alert.h"

#include <QAbstractTableModel>
#include <QList>

namespace prego {

// The alerts' changes of state (the last 7 days, as the engine keeps them), newest first: when,
// node, rule, from → to, value. Times in local time; RawValueRole gives sortable values.
class AlertHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, NodeColumn, RuleColumn, TransitionColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        NodeIdRole,
        ToStateRole, // int(prego::AlertState)
    };
    Q_ENUM(Role)

    explicit AlertHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTransitions(const QList<AlertTransition> &transitions);
    const QList<AlertTransition> &transitions() const { return m_transitions; }
    void retranslate();

private:
    QVariant displayValue(const AlertTransition &t, int column) const;

    QList<AlertTransition> m_transitions; // newest first
};

} // namespace prego
