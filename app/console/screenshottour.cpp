#include "screenshottour.h"

#include "alertsview.h"

#include "fleettrayicon.h"
#include "heatmapgrid.h"
#include "heatmapview.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "provisionwizard.h"
#include "settingsdialog.h"
#include "storage/historyservice.h"
#include "verificationview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QRadioButton>
#include <QTimer>

#include <array>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr int TimeoutMs = 30000;
constexpr int SettleMs = 800; // lets tables lay out and charts paint before a grab
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &dir, const QString &node,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(dir)
    , m_node(node)
{
    QTimer::singleShot(TimeoutMs, this, [this] {
        if (m_stage == Stage::Done)
            return;
        qWarning("prego-console: the screenshots did not finish in time");
        m_stage = Stage::Done;
        Q_EMIT finished(1);
    });
}

void ScreenshotTour::begin(HistoryService *history, bool demo)
{
    m_demo = demo;
    m_stage = Stage::Dashboard;
    // The demo's simulated past is written right after the first snapshot: wait for it, so the
    // heatmap and the charts have a day to show.
    if (demo) {
        connect(history, &HistoryService::samplesIngested, this,
                [this](const HistoryIngestResult &result) {
                    if (result.offered > 1000 && m_stage == Stage::Dashboard)
                        settleThenStep();
                });
    } else {
        settleThenStep();
    }
}

void ScreenshotTour::settleThenStep()
{
    QTimer::singleShot(SettleMs, this, &ScreenshotTour::step);
}

bool ScreenshotTour::save(QWidget *widget, const QString &view)
{
    QDir().mkpath(m_dir);
    const QString lang = QLocale().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
    const QString file = QDir(m_dir).filePath(u"%1-%2.png"_s.arg(view, lang));
    const bool saved = widget->grab().save(file);
    if (saved)
        ++m_saved;
    else
        qWarning("prego-console: could not write %s", qUtf8Printable(file));
    return saved;
}

void ScreenshotTour::step()
{
    switch (m_stage) {
    case Stage::Waiting:
    case Stage::Done:
        return;
    case Stage::Dashboard: {
        save(m_window, u"dashboard"_s);
        m_stage = Stage::Heatmap;
        connect(m_window, &MainWindow::heatmapShown, this, [this] {
            if (m_stage == Stage::Heatmap)
                settleThenStep();
        });
        m_window->showView(MainWindow::View::Heatmap);
        return;
    }
    case Stage::Heatmap: {
        save(m_window, u"heatmap"_s);
        // The alerts page: its current alerts, then the maintenance silences.
        m_stage = Stage::Alerts;
        m_window->showView(MainWindow::View::Alerts);
        m_window->alertsView()->tabs()->setCurrentIndex(int(AlertsView::Tab::Current));
        QTimer::singleShot(1500, this, &ScreenshotTour::settleThenStep);
        return;
    }
    case Stage::Alerts: {
        save(m_window, u"alerts"_s);
        m_stage = Stage::Maintenance;
        m_window->alertsView()->tabs()->setCurrentIndex(int(AlertsView::Tab::Maintenance));
        settleThenStep();
        return;
    }
    case Stage::Maintenance: {
        save(m_window, u"alerts-maintenance"_s);
        m_window->alertsView()->tabs()->setCurrentIndex(int(AlertsView::Tab::Current));
        m_stage = Stage::Node;
        // The node asked for, else the worst row of the heatmap (it has a gap to show).
        QString node = m_node;
        const Heatmap &heatmap = m_window->heatmapView()->grid()->heatmap();
        if (node.isEmpty() && !heatmap.rows.isEmpty())
            node = heatmap.rows.first().nodeId;
        if (node.isEmpty() && !m_window->model()->nodes().isEmpty())
            node = m_window->model()->nodes().first().nodeId;
        m_window->openNode(node);
        NodeDetailView *detail = m_window->nodeDetail();
        connect(detail, &NodeDetailView::historyShown, this, [this] {
            // A moment more for the node's jobs (the annotations) to come.
            if (m_stage == Stage::Node)
                QTimer::singleShot(1000, this, &ScreenshotTour::settleThenStep);
        });
        return;
    }
    case Stage::Node: {
        save(m_window->nodeDetail(), u"node"_s);
        m_window->nodeDetail()->close();
        m_stage = Stage::Jobs;
        JobListView *jobs = m_window->jobListView();
        connect(jobs, &JobListView::refreshed, this, [this] {
            if (m_stage == Stage::Jobs)
                settleThenStep();
        });
        m_window->showView(MainWindow::View::Jobs);
        return;
    }
    case Stage::Jobs: {
        save(m_window, u"jobs"_s);
        m_stage = Stage::Verification;
        connect(m_window->verificationView(), &VerificationView::evaluated, this, [this] {
            if (m_stage == Stage::Verification)
                settleThenStep();
        });
        m_window->showView(MainWindow::View::Verification);
        return;
    }
    case Stage::Verification: {
        save(m_window, u"verification"_s);
        SettingsDialog *settings = m_window->openSettings();
        save(settings, u"settings"_s);
        settings->reject();
        ProvisionWizard *wizard = m_window->openWizard();
        if (!wizard || !m_demo) {
            // Only the demo gets a job made for the pictures: never a real control plane.
            finish();
            return;
        }
        // The wizard as an operator fills it in for a dedicated stack, page by page.
        wizard->tenantEdit()->setText(u"Acme_Corp.EU"_s);
        wizard->pathButton(ProvisionRequest::Path::Dedicated)->click();
        m_stage = Stage::WizardPath;
        settleThenStep();
        return;
    }
    case Stage::WizardPath:
    case Stage::WizardPlacement: {
        ProvisionWizard *wizard = m_window->wizard();
        const bool path = m_stage == Stage::WizardPath;
        save(wizard, path ? u"wizard-path"_s : u"wizard-placement"_s);
        if (!path)
            wizard->regionBox()->setCurrentIndex(wizard->regionBox()->findData(u"hel1"_s));
        wizard->next();
        if (!path)
            wizard->confirmation()->setChecked(true);
        m_stage = path ? Stage::WizardPlacement : Stage::WizardReview;
        settleThenStep();
        return;
    }
    case Stage::WizardReview: {
        ProvisionWizard *wizard = m_window->wizard();
        save(wizard, u"wizard-review"_s);
        m_stage = Stage::Job;
        connect(wizard, &ProvisionWizard::jobSubmitted, this, [this] {
            // Let the trace run for a few seconds: finished stages and a growing one.
            QTimer::singleShot(4000, this, &ScreenshotTour::step);
        });
        wizard->button(QWizard::FinishButton)->click();
        return;
    }
    case Stage::Job:
        save(m_window->jobWindow(), u"job"_s);
        finish();
        return;
    }
}

void ScreenshotTour::finish()
{
    m_stage = Stage::Done;
    // The tray icon of each state, as a 22 px tray draws it at 100 % and at 200 %.
    const std::array<std::pair<FleetNotifier::State, const char *>, 6> states{
        {{FleetNotifier::State::Unknown, "unknown"},
         {FleetNotifier::State::AllFresh, "all-fresh"},
         {FleetNotifier::State::SomeStale, "some-stale"},
         {FleetNotifier::State::Offline, "offline"},
         {FleetNotifier::State::AlertsFiring, "alerts-firing"},
         {FleetNotifier::State::AlertsPending, "alerts-pending"}}};
    for (const auto &[state, name] : states) {
        const QIcon icon = FleetTrayIcon::iconFor(state);
        for (const int scale : {1, 2}) {
            const QString file =
                QDir(m_dir).filePath(u"tray-%1@%2x.png"_s.arg(QLatin1StringView(name)).arg(scale));
            if (!icon.pixmap(QSize(22, 22), scale).save(file))
                qWarning("prego-console: could not write %s", qUtf8Printable(file));
        }
    }
    const int expected = m_demo ? 12 : 8;
    Q_EMIT finished(m_saved == expected ? 0 : 1);
}

} // namespace prego
