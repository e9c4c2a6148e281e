#pragma once

#include "api/joblist.h"

#include <QAbstractTableModel>
#include <QHash>

namespace prego {

// The jobs list: the control plane's jobs merged with local ones it has not confirmed yet
// (JobList::merge). Updated in place when the same jobs come back in the same order (selection
// survives a refresh); reset when the set changed. Times are shown in local time, statuses
// translated; RawValueRole gives sortable values, StatusKeyRole the contract's status (or the
// local state's key) for filters.
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        JobColumn,
        TenantColumn,
        PathColumn,
        StatusColumn,
        StageColumn,
        CreatedColumn,
        DurationColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        JobIdRole,
        StatusKeyRole, // Queued | Running | Completed | Failed, or local:<state>
        PathKeyRole,
        LocalRole, // bool: not confirmed by the control plane yet
        SearchTextRole,
    };
    Q_ENUM(Role)

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRows(const QList<JobListRow> &rows, qint64 serverNowMs);
    const QList<JobListRow> &rows() const { return m_rows; }
    int rowOf(const QString &jobId) const { return m_rowById.value(jobId, -1); }
    // Some job is queued, running or not confirmed yet: the list keeps refreshing.
    bool hasActiveJobs() const;
    void retranslate();

    static QString pathName(const QString &pathKey);

private:
    QVariant displayValue(const JobListRow &row, int column) const;
    QVariant rawValue(const JobListRow &row, int column) const;

    QList<JobListRow> m_rows;
    QHash<QString, int> m_rowById;
    qint64 m_serverNowMs = 0;
};

} // namespace prego
