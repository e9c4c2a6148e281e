#include "joblistview.h"

#include "api/jobspoller.h"
#include "domain/jobtext.h"
#include "emptystate.h"
#include "joblistmodel.h"
#include "tablecolumns.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {

// Filters on the model's keys (status, path) and search text; sorts on raw values.
class JobFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString status; // "" = all, "active" = queued/running/local, else a contract status
    QString path;
    QString text;

    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        const QString s = i.data(JobListModel::StatusKeyRole).toString();
        if (status == u"active") {
            if (s != u"Queued" && s != u"Running" && !i.data(JobListModel::LocalRole).toBool())
                return false;
        } else if (!status.isEmpty() && s != status) {
            return false;
        }
        if (!path.isEmpty() && i.data(JobListModel::PathKeyRole).toString() != path)
            return false;
        return text.isEmpty() ||
               i.data(JobListModel::SearchTextRole).toString().contains(text, Qt::CaseInsensitive);
    }
    bool lessThan(const QModelIndex &l, const QModelIndex &r) const override
    {
        return QVariant::compare(l.data(JobListModel::RawValueRole),
                                 r.data(JobListModel::RawValueRole)) < 0;
    }
};

} // namespace

JobListView::JobListView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JobListModel(this))
    , m_proxy(new JobFilterProxy(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_path(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_shown(new QLabel(this))
    , m_new(new QPushButton(this))
{
    setObjectName(u"jobsView"_s);
    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(u"jobTable"_s);
    m_empty = new EmptyState(m_table);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(JobListModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_columns = new ColumnFitter(m_table);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT jobActivated(index.data(JobListModel::JobIdRole).toString());
    });
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &JobListView::applyFilters);
    connect(m_status, &QComboBox::currentIndexChanged, this, &JobListView::applyFilters);
    connect(m_path, &QComboBox::currentIndexChanged, this, &JobListView::applyFilters);
    connect(m_new, &QPushButton::clicked, this, &JobListView::newProvisioningRequested);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(u"jobsProblem"_s);
    m_problem->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_status);
    bar->addWidget(m_path);
    bar->addWidget(m_shown, 1);
    bar->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);
    // The table was made first: Tab still reads the filters, then the table.
    setTabOrder(m_filter, m_status);
    setTabOrder(m_status, m_path);
    setTabOrder(m_path, m_new);
    setTabOrder(m_new, m_table);

    retranslate();
}

void JobListView::clear()
{
    m_model->setRows({}, 0);
    m_problem->hide();
    m_problem->clear();
    m_answered = false;
    applyFilters();
}

void JobListView::showListing(const JobListing &listing)
{
    m_model->setRows(listing.rows, listing.serverNowMs);
    m_problem->setText(listing.problem);
    m_problem->setVisible(!listing.problem.isEmpty());
    m_answered = listing.answered;
    applyFilters();
    fitColumns();
    Q_EMIT refreshed();
}

QString JobListView::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

QString JobListView::emptyText() const
{
    return m_empty->message();
}

void JobListView::applyFilters()
{
    auto *proxy = static_cast<JobFilterProxy *>(m_proxy);
    proxy->status = m_status->currentData().toString();
    proxy->path = m_path->currentData().toString();
    proxy->text = m_filter->text().trimmed();
    proxy->refilter();
    m_shown->setText(
        tr("%1 of %n job(s) shown", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
    // Nothing to say before the first answer, nor when the problem above already says it.
    QString empty;
    if (m_answered && m_proxy->rowCount() == 0) {
        if (m_model->rowCount() > 0)
            empty = tr("No job matches the filters.");
        else if (m_problem->text().isEmpty())
            empty = tr("No provisioning jobs yet. “New provisioning…” starts one.");
    }
    m_empty->setMessage(empty);
}

void JobListView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT watchedChanged(true);
}

void JobListView::hideEvent(QHideEvent *event)
{
    Q_EMIT watchedChanged(false);
    QWidget::hideEvent(event);
}

void JobListView::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by job id, tenant, stack or node…"));
    m_filter->setAccessibleName(tr("Job filter"));
    const int status = std::max(0, m_status->currentIndex());
    const int path = std::max(0, m_path->currentIndex());
    {
        const QSignalBlocker block(m_status);
        m_status->clear();
        m_status->addItem(tr("All statuses"), QString());
        m_status->addItem(tr("Active (queued, running, not confirmed)"), u"active"_s);
        for (const QString &s : {u"Queued"_s, u"Running"_s, u"Completed"_s, u"Failed"_s})
            m_status->addItem(JobText::jobStatus(s), s);
        m_status->setCurrentIndex(status);
        m_status->setAccessibleName(tr("Status filter"));
    }
    {
        const QSignalBlocker block(m_path);
        m_path->clear();
        m_path->addItem(tr("All paths"), QString());
        for (const QString &p : {u"shared-existing"_s, u"shared-new"_s, u"dedicated"_s})
            m_path->addItem(JobListModel::pathName(p), p);
        m_path->setCurrentIndex(path);
        m_path->setAccessibleName(tr("Path filter"));
    }
    m_new->setText(tr("&New provisioning…"));
    m_table->setAccessibleName(tr("Provisioning jobs"));
    m_model->retranslate();
    applyFilters();
    fitColumns();
}

void JobListView::setKeepColumnWidths(bool keep)
{
    m_columns->setKeepWidths(keep);
}

void JobListView::fitColumns()
{
    if (m_proxy->rowCount() > 0)
        m_columns->fit();
}

void JobListView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace prego
