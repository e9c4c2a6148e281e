#include "jobwindow.h"

#include "domain/jobtext.h"
#include "domain/serverclock.h"
#include "joblistmodel.h"
#include "statuscolors.h"
#include "tablecolumns.h"
#include "tracetimeline.h"
#include "types/apierror.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
QTableWidget *makeTable(QWidget *parent, const QString &name)
{
    auto *t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

// Stage times: the clock with seconds (the header has the date).
QString clockTime(std::optional<qint64> ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms).time(), u"HH:mm:ss"_s)
              : u"–"_s;
}

QString localTime(std::optional<qint64> ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms), QLocale::ShortFormat)
              : u"–"_s;
}
} // namespace

JobWindow::JobWindow(const ServerClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_errorBox(new QFrame(this))
    , m_error(new QLabel(m_errorBox))
    , m_serverMessage(new QLabel(m_errorBox))
    , m_retry(new QPushButton(m_errorBox))
    , m_trace(new QLabel(this))
    , m_copyTrace(new QPushButton(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_timeline(new TraceTimeline(this))
    , m_tabs(new QTabWidget(this))
    , m_stages(makeTable(this, u"stageTable"_s))
    , m_servers(makeTable(this, u"serverTable"_s))
    , m_audit(makeTable(this, u"auditTable"_s))
    , m_request(new QPlainTextEdit(this))
    , m_copy(new QPushButton(this))
    , m_export(new QPushButton(this))
{
    setObjectName(u"jobView"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_errorBox->setObjectName(u"jobErrorBox"_s);
    m_errorBox->setFrameShape(QFrame::StyledPanel);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The control plane's words, as it sent them (English), under the translated explanation.
    m_serverMessage->setObjectName(u"serverMessage"_s);
    m_serverMessage->setWordWrap(true);
    m_serverMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorTexts = new QVBoxLayout;
    errorTexts->addWidget(m_error);
    errorTexts->addWidget(m_serverMessage);
    auto *errorLayout = new QHBoxLayout(m_errorBox);
    errorLayout->addLayout(errorTexts, 1);
    errorLayout->addWidget(m_retry);
    m_errorBox->hide();
    connect(m_retry, &QPushButton::clicked, this, &JobWindow::retry);

    m_trace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_copyTrace, &QPushButton::clicked, this, [this] {
        if (m_job && m_job->traceId)
            QApplication::clipboard()->setText(*m_job->traceId);
    });
    auto *traceRow = new QHBoxLayout;
    traceRow->addWidget(m_trace, 1);
    traceRow->addWidget(m_copyTrace);

    m_request->setReadOnly(true);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_stages, QString());
    m_tabs->addTab(m_servers, QString());
    m_tabs->addTab(m_audit, QString());
    m_tabs->addTab(m_request, QString());
    connect(m_servers, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_servers->item(row, 1))
            Q_EMIT nodeActivated(item->text());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_export);
    connect(m_copy, &QPushButton::clicked, this, &JobWindow::copyText);
    connect(m_export, &QPushButton::clicked, this, &JobWindow::exportJsonInteractive);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_errorBox);
    layout->addLayout(traceRow);
    // The operator shares the height between the trace and the tables (remembered per profile).
    for (QTableWidget *table : {m_stages, m_servers, m_audit})
        m_columnFitters.append(new ColumnFitter(table));
    m_splitter->setObjectName(u"jobSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_timeline);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(buttons);
    resize(980, 720);

    // The running stage's bar grows between answers too.
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, [this] { m_timeline->setNow(m_clock->nowMs()); });
    updateColors();
    retranslate();
}

void JobWindow::updateColors()
{
    m_errorBox->setStyleSheet(StatusColors::bannerStyle(m_errorBox->objectName(),
                                                        StatusColors::problemBanner(palette())));
}

void JobWindow::showJob(const QString &jobId)
{
    if (jobId != m_jobId) {
        m_job.reset();
        m_raw.clear();
        m_problem.clear();
    }
    m_jobId = jobId;
    retranslate();
    Q_EMIT jobRequested(jobId);
}

void JobWindow::showLoadError(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 404)
        showProblem(tr("The control plane does not know job %1 (yet).").arg(m_jobId));
    else
        showProblem(error.message());
}

void JobWindow::showProblem(const QString &message)
{
    m_problem = message;
    retranslate();
    Q_EMIT loadFailed(message);
}

void JobWindow::setJob(const Job &job, const QByteArray &raw)
{
    m_job = job;
    m_raw = raw;
    m_problem.clear();
    m_timeline->setJob(job, m_clock->nowMs());
    if (job.isFinished())
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start();
    fillTables();
    retranslate();
    Q_EMIT jobShown(job);
}

void JobWindow::retry()
{
    if (!m_job || m_job->status != u"Failed")
        return;
    m_retry->setEnabled(false);
    Q_EMIT retryRequested(m_jobId);
}

void JobWindow::showRetryResult(const std::optional<ApiError> &error)
{
    m_retry->setEnabled(true);
    if (error)
        m_error->setText(tr("Retry failed: %1").arg(error->message()));
}

QString JobWindow::asText() const
{
    return m_job ? JobText::describe(*m_job) : QString();
}

QString JobWindow::exportJson(const QString &path) const
{
    if (m_raw.isEmpty())
        return tr("There is nothing to export yet.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    }
    file.write(QJsonDocument::fromJson(m_raw).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return {};
}

void JobWindow::copyText()
{
    QApplication::clipboard()->setText(asText());
}

void JobWindow::exportJsonInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export job as JSON"), u"job-%1.json"_s.arg(m_jobId), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportJson(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export job as JSON"), error);
}

QString JobWindow::summaryText() const
{
    return m_summary->text();
}

QString JobWindow::errorText() const
{
    return m_errorBox->isVisibleTo(this) ? m_error->text() + u'\n' + m_serverMessage->text()
                                         : QString();
}

QString JobWindow::traceText() const
{
    return m_trace->text();
}

QString JobWindow::statusText() const
{
    return m_summary->text();
}

void JobWindow::fillTables()
{
    if (!m_job)
        return;
    const Job &j = *m_job;
    m_stages->setRowCount(int(j.stages.size()));
    for (int i = 0; i < j.stages.size(); ++i) {
        const JobStage &s = j.stages.at(i);
        const auto d = s.durationMs();
        const QStringList cells{s.name,
                                JobText::stageStatus(s.status),
                                clockTime(s.startedAtMs),
                                clockTime(s.finishedAtMs),
                                d ? JobText::seconds(*d) : u"–"_s,
                                s.skipReason ? tr("skipped: %1").arg(*s.skipReason)
                                             : s.detail.value_or(QString())};
        for (int c = 0; c < cells.size(); ++c)
            m_stages->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_servers->setRowCount(int(j.servers.size()));
    for (int i = 0; i < j.servers.size(); ++i) {
        const JobServer &s = j.servers.at(i);
        const QStringList cells{s.role, s.nodeId, s.hostname, s.ipv4};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 1) {
                QFont f = item->font();
                f.setUnderline(true);
                item->setFont(f);
                item->setToolTip(tr("Double-click to open this node."));
            }
            m_servers->setItem(i, c, item);
        }
    }
    m_audit->setRowCount(int(j.audit.size()));
    for (int i = 0; i < j.audit.size(); ++i) {
        const JobAuditEntry &a = j.audit.at(i);
        const QStringList cells{localTime(a.atMs), a.actor, a.action, a.detail};
        for (int c = 0; c < cells.size(); ++c)
            m_audit->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_request->setPlainText(QString::fromUtf8(
        j.request.isEmpty() ? QByteArray()
                            : QJsonDocument::fromJson(j.request).toJson(QJsonDocument::Indented)));
    fitColumns();
}

void JobWindow::setKeepColumnWidths(const QStringList &tables)
{
    for (ColumnFitter *columns : std::as_const(m_columnFitters))
        columns->setKeepWidths(tables.contains(columns->table()->objectName()));
}

void JobWindow::fitColumns()
{
    // A followed job refreshes every second: a table the operator sized keeps its widths.
    for (ColumnFitter *columns : std::as_const(m_columnFitters))
        columns->fit();
}

void JobWindow::retranslate()
{
    m_retry->setText(tr("&Retry"));
    m_retry->setToolTip(tr("Resume the job at the failed stage, under the same job id. Nothing "
                           "that was already created is created again."));
    m_copyTrace->setText(tr("Copy trace id"));
    m_copy->setText(tr("&Copy as text"));
    m_export->setText(tr("&Export JSON…"));
    m_tabs->setTabText(0, tr("Stages"));
    m_tabs->setTabText(1, tr("Servers"));
    m_tabs->setTabText(2, tr("Audit"));
    m_tabs->setTabText(3, tr("Request"));
    m_stages->setAccessibleName(tr("Stages"));
    m_servers->setAccessibleName(tr("Servers"));
    m_audit->setAccessibleName(tr("Audit"));
    m_request->setAccessibleName(tr("Request"));
    m_stages->setColumnCount(6);
    m_stages->setHorizontalHeaderLabels(
        {tr("Stage"), tr("Status"), tr("Started"), tr("Finished"), tr("Duration"), tr("Detail")});
    m_servers->setColumnCount(4);
    m_servers->setHorizontalHeaderLabels({tr("Role"), tr("Node"), tr("Hostname"), tr("IPv4")});
    m_audit->setColumnCount(4);
    m_audit->setHorizontalHeaderLabels({tr("Time"), tr("Actor"), tr("Action"), tr("Detail")});
    m_timeline->setAccessibleName(tr("Trace timeline"));

    setWindowTitle(tr("Job %1 — Prego Operator Console").arg(m_jobId));
    if (!m_job) {
        m_title->setText(tr("Job %1").arg(m_jobId));
        m_summary->setText(m_problem.isEmpty() ? tr("Loading…") : m_problem);
        m_errorBox->hide();
        m_trace->clear();
        m_copyTrace->hide();
        m_copy->setEnabled(false);
        m_export->setEnabled(false);
        return;
    }
    const Job &j = *m_job;
    //: job title: tenant and status, e.g. "acme-corp — Running"
    m_title->setText(tr("%1 — %2").arg(j.tenantId, JobText::jobStatus(j.status)));
    const QString stack = j.stack.value_or(u"–"_s);
    // A target only when the request named one (shared-existing): a new node and a dedicated
    // stack have none, their servers are listed below.
    QString summary =
        !j.targetServerId
            ? tr("Job %1 · %2 · stack %3 · created %4 · finished %5")
                  .arg(j.jobId, JobListModel::pathName(j.path), stack, localTime(j.createdAtMs),
                       localTime(j.finishedAtMs))
            : tr("Job %1 · %2 · stack %3 · target %4 · created %5 · finished %6")
                  .arg(j.jobId, JobListModel::pathName(j.path), stack, *j.targetServerId,
                       localTime(j.createdAtMs), localTime(j.finishedAtMs));
    if (!m_problem.isEmpty())
        summary = tr("%1 (last refresh failed: %2)").arg(summary, m_problem);
    m_summary->setText(summary);
    if (j.status == u"Failed") {
        m_error->setText(j.error ? tr("Failed in stage %1 (%2). %3")
                                       .arg(j.error->stage, j.error->code,
                                            JobText::stageExplanation(j.error->stage))
                                 : tr("The job failed."));
        m_serverMessage->setText(j.error ? tr("The control plane says: %1").arg(j.error->message)
                                         : QString());
        m_serverMessage->setVisible(j.error && !j.error->message.isEmpty());
        m_errorBox->show();
    } else {
        m_errorBox->hide();
    }
    if (j.traceId && j.traceRecorded) {
        m_trace->setText(tr("Trace %1").arg(*j.traceId));
        m_copyTrace->show();
        m_timeline->show();
    } else {
        m_trace->setText(tr("This job has no trace: it was submitted without a trace id."));
        m_copyTrace->hide();
        m_timeline->hide();
    }
    m_copy->setEnabled(true);
    m_export->setEnabled(!m_raw.isEmpty());
}

void JobWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillTables();
    }
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

} // namespace prego
