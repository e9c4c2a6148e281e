#include "joblistmodel.h"

#include "api/jobcodec.h"
#include "domain/jobtext.h"
#include "storage/joboutbox.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace prego {

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobListModel::pathName(const QString &pathKey)
{
    if (pathKey == u"shared-existing")
        return tr("existing shared node");
    if (pathKey == u"shared-new")
        return tr("new shared node");
    if (pathKey == u"dedicated")
        return tr("dedicated stack");
    return pathKey;
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JobColumn:
        return tr("Job");
    case TenantColumn:
        return tr("Tenant");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case StageColumn:
        return tr("Stage");
    case CreatedColumn:
        return tr("Created");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

QVariant JobListModel::displayValue(const JobListRow &row, int column) const
{
    const Job &j = row.job;
    switch (column) {
    case JobColumn:
        return j.jobId.left(8);
    case TenantColumn:
        return j.tenantId;
    case PathColumn:
        return pathName(j.path);
    case StatusColumn:
        return row.local ? row.localNote : JobText::jobStatus(j.status);
    case StageColumn:
        return j.currentStage();
    case CreatedColumn:
        return j.createdAtMs ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*j.createdAtMs),
                                                  QLocale::ShortFormat)
                             : QString();
    case DurationColumn: {
        if (!j.createdAtMs || row.local)
            return QString();
        const qint64 end = j.finishedAtMs.value_or(std::max(m_serverNowMs, *j.createdAtMs));
        return JobText::seconds(end - *j.createdAtMs);
    }
    }
    return {};
}

QVariant JobListModel::rawValue(const JobListRow &row, int column) const
{
    const Job &j = row.job;
    switch (column) {
    case CreatedColumn:
        return j.createdAtMs.value_or(0);
    case DurationColumn:
        return j.createdAtMs ? j.finishedAtMs.value_or(m_serverNowMs) - *j.createdAtMs : -1;
    case JobColumn:
        return j.jobId;
    default:
        return displayValue(row, column);
    }
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const JobListRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == JobColumn)
            return row.job.jobId;
        if (index.column() == StatusColumn && row.job.error)
            return tr("Failed in stage %1 (%2): %3")
                .arg(row.job.error->stage, row.job.error->code, row.job.error->message);
        return {};
    case RawValueRole:
        return rawValue(row, index.column());
    case JobIdRole:
        return row.job.jobId;
    case StatusKeyRole:
        return row.local ? u"local:"_s + JobOutbox::stateKey(row.localState) : row.job.status;
    case PathKeyRole:
        return row.job.path;
    case LocalRole:
        return row.local;
    case SearchTextRole:
        return QStringList{row.job.jobId, row.job.tenantId, row.job.stack.value_or(QString()),
                           row.job.targetServerId.value_or(QString())}
            .join(u' ');
    default:
        return {};
    }
}

void JobListModel::setRows(const QList<JobListRow> &rows, qint64 serverNowMs)
{
    m_serverNowMs = serverNowMs;
    bool sameJobs = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameJobs && i < rows.size(); ++i)
        sameJobs = rows.at(i).job.jobId == m_rows.at(i).job.jobId;
    if (sameJobs) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    m_rowById.clear();
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).job.jobId, int(i));
    endResetModel();
}

bool JobListModel::hasActiveJobs() const
{
    return JobList::hasActiveRows(m_rows);
}

void JobListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace prego
