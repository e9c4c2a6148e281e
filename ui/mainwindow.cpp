#include "mainwindow.h"

#include "alertsview.h"
#include "api/provisionsubmitter.h"
#include "appearance.h"
#include "dashboardview.h"
#include "domain/agetext.h"
#include "domain/serverclock.h"
#include "fleetnotifier.h"
#include "fleettrayicon.h"
#include "heatmapview.h"
#include "historyfeed.h"
#include "i18n/translations.h"
#include "joblistmodel.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainactions.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "provisionwizard.h"
#include "verificationview.h"
#include "viewstatestore.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace prego {

MainWindow::MainWindow(ServerClock *clock, QWidget *parent)
    : QMainWindow(parent)
    , m_clock(clock)
    , m_model(new NodeTableModel(clock, this))
    , m_dashboard(new DashboardView(m_model, clock, this))
    , m_heatmap(new HeatmapView(this))
    , m_alerts(new AlertsView(this))
    , m_jobs(new JobListView(this))
    , m_verification(new VerificationView(this))
    , m_stack(new QStackedWidget(this))
    , m_notifier(new FleetNotifier(this))
{
    setObjectName(u"mainWindow"_s);
    m_stack->addWidget(m_dashboard);
    m_stack->addWidget(m_heatmap);
    m_stack->addWidget(m_alerts);
    m_stack->addWidget(m_jobs);
    m_stack->addWidget(m_verification);
    setCentralWidget(m_stack);
    resize(1280, 720);

    m_actions = new MainActions(this);
    connect(m_actions, &MainActions::profilesRequested, this, &MainWindow::profilesRequested);
    connect(m_actions, &MainActions::profileSwitchRequested, this,
            &MainWindow::profileSwitchRequested);
    connect(m_actions, &MainActions::profileRemovalRequested, this,
            &MainWindow::profileRemovalRequested);
    connect(m_actions, &MainActions::provisioningRequested, this, &MainWindow::openWizard);
    connect(m_actions, &MainActions::tokenPromptRequested, this, &MainWindow::tokenPromptRequested);
    connect(m_actions, &MainActions::settingsRequested, this, &MainWindow::openSettings);
    connect(m_actions, &MainActions::viewRequested, this, &MainWindow::showView);
    connect(m_actions, &MainActions::refreshRequested, this, &MainWindow::refreshRequested);
    connect(m_actions, &MainActions::filterRequested, this, [this] {
        m_dashboard->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_dashboard->filterEdit()->selectAll();
    });
    connect(m_actions, &MainActions::languageRequested, this, &MainWindow::switchLanguage);

    m_profileLabel = new QLabel(this);
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(u"lastRefreshLabel"_s);
    statusBar()->addWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);
    m_historyFeed = new HistoryFeed(m_dashboard, m_heatmap, statusBar(), this);
    connect(m_historyFeed, &HistoryFeed::storedSnapshotRead, this, &MainWindow::onStoredSnapshot);
    connect(m_historyFeed, &HistoryFeed::heatmapShown, this, &MainWindow::heatmapShown);

    connect(m_dashboard, &DashboardView::tokenPromptRequested, this,
            &MainWindow::tokenPromptRequested);
    connect(m_dashboard, &DashboardView::nodeActivated, this, &MainWindow::openNode);
    connect(m_heatmap, &HeatmapView::nodeActivated, this, &MainWindow::openNode);
    connect(m_alerts, &AlertsView::nodeActivated, this, &MainWindow::openNode);
    // The fleet table's "Silence…" opens the alerts page's dialog: one way to set a silence.
    connect(m_dashboard, &DashboardView::silenceRequested, m_alerts, &AlertsView::silenceNodes);
    // Region silences hatch the heatmap's slots of every node in the region.
    m_heatmap->setRegionLookup([this](const QString &id) {
        const int row = m_model->rowOf(id);
        return row < 0 ? QString() : m_model->nodeAt(row).region;
    });
    connect(m_jobs, &JobListView::jobActivated, this, &MainWindow::openJob);
    connect(m_jobs, &JobListView::newProvisioningRequested, this, &MainWindow::openWizard);
    connect(m_verification, &VerificationView::nodeActivated, this, &MainWindow::openNode);
    connect(m_verification, &VerificationView::jobActivated, this, &MainWindow::openJob);
    // The tray: the fleet's state at a glance, and the desktop notifications.
    m_tray = new FleetTrayIcon(m_notifier, this);
    connect(m_tray, &FleetTrayIcon::windowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &FleetTrayIcon::quitRequested, this, &QWidget::close);
    connect(m_jobs, &JobListView::refreshed, this, [this] {
        QList<Job> jobs;
        for (const JobListRow &row : m_jobs->model()->rows()) {
            if (!row.local)
                jobs.append(row.job);
        }
        m_notifier->observeJobs(jobs);
    });
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &MainWindow::tick);
    m_ticker.start();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::setHistory(HistoryService *history)
{
    if (m_nodeDetail)
        m_nodeDetail->setHistory(history);
    m_historyFeed->setHistory(history);
    if (currentView() == View::Heatmap)
        requestHeatmap();
}

void MainWindow::onStoredSnapshot(const StoredSnapshot &stored)
{
    // A poll that answered first wins: its data is newer.
    if (m_model->hasSnapshot() || m_sinceRefresh.isValid())
        return;
    m_dataServerTimeMs = stored.snapshot.serverTimeMs;
    m_model->setPollCurrent(false);
    m_model->applySnapshot(stored.snapshot);
    if (!m_lastPollFailed)
        m_dashboard->showStoredData(stored.snapshot.serverTimeMs);
    Q_EMIT storedSnapshotShown();
}

void MainWindow::setProvisioning(bool canSubmit, bool connected)
{
    m_canSubmit = canSubmit;
    m_actions->setProvisioningEnabled(canSubmit);
    m_verification->setProfile(connected, m_profile.name, m_profile.baseUrl.toDisplayString(),
                               m_profile.staleAfterSeconds);
    if (m_wizard)
        m_wizard->close();
}

ProvisionWizard *MainWindow::wizard() const
{
    return m_wizard;
}

ProvisionWizard *MainWindow::openWizard()
{
    if (!m_canSubmit)
        return nullptr;
    if (m_wizard && m_wizard->isVisible()) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *wizard = new ProvisionWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setFleet(m_model->nodes(), m_clock->nowMs(), m_profile.staleAfterSeconds);
    connect(wizard, &ProvisionWizard::jobSubmitted, this, [this](const QString &jobId) {
        openJob(jobId); // the jobs list hears of the submission from the submitter
    });
    m_wizard = wizard;
    Q_EMIT wizardOpened(wizard);
    wizard->open();
    return wizard;
}

void MainWindow::openJob(const QString &jobId)
{
    if (jobId.isEmpty())
        return;
    if (!m_jobWindow) {
        m_jobWindow = new JobWindow(m_clock, this);
        m_jobWindow->setWindowFlag(Qt::Window);
        if (m_viewStates)
            m_jobWindow->setKeepColumnWidths(m_viewStates->restore(m_viewProfile, m_jobWindow));
        connect(m_jobWindow, &JobWindow::nodeActivated, this, &MainWindow::openNode);
        connect(m_jobWindow, &JobWindow::jobShown, this,
                [this](const Job &job) { m_notifier->observeJobs({job}); });
        Q_EMIT jobWindowCreated(m_jobWindow);
    }
    m_jobWindow->showJob(jobId);
    m_jobWindow->show();
    m_jobWindow->raise();
    m_jobWindow->activateWindow();
}

void MainWindow::showView(View view)
{
    QWidget *page = m_dashboard;
    if (view == View::Heatmap)
        page = m_heatmap;
    else if (view == View::Alerts)
        page = m_alerts;
    else if (view == View::Jobs)
        page = m_jobs;
    else if (view == View::Verification)
        page = m_verification;
    m_stack->setCurrentWidget(page);
    m_actions->setCurrentView(view);
    if (view == View::Heatmap)
        requestHeatmap();
}

MainWindow::View MainWindow::currentView() const
{
    if (m_stack->currentWidget() == m_heatmap)
        return View::Heatmap;
    if (m_stack->currentWidget() == m_alerts)
        return View::Alerts;
    if (m_stack->currentWidget() == m_jobs)
        return View::Jobs;
    if (m_stack->currentWidget() == m_verification)
        return View::Verification;
    return View::Dashboard;
}

void MainWindow::requestHeatmap()
{
    m_historyFeed->requestHeatmap(m_clock->nowMs(), qint64(m_profile.staleAfterSeconds) * 1000);
}

bool MainWindow::openNode(const QString &nodeId)
{
    const int row = m_model->rowOf(nodeId);
    if (!m_nodeDetail) {
        m_nodeDetail = new NodeDetailView(m_clock, this);
        m_nodeDetail->setWindowFlag(Qt::Window);
        m_nodeDetail->setHistory(m_historyFeed->history());
        connect(m_nodeDetail, &NodeDetailView::jobActivated, this, &MainWindow::openJob);
        if (m_viewStates)
            m_viewStates->restore(m_viewProfile, m_nodeDetail);
    }
    m_nodeDetail->setStaleAfterSeconds(m_profile.staleAfterSeconds);
    if (row >= 0) {
        m_nodeDetail->showNode(m_model->nodeAt(row));
    } else {
        // Not in the fleet now (or not yet polled): its history may still be there.
        Node gone;
        gone.nodeId = nodeId;
        m_nodeDetail->showNode(gone);
        m_nodeDetail->showNodeGone(nodeId);
    }
    m_nodeDetail->show();
    m_nodeDetail->raise();
    m_nodeDetail->activateWindow();
    Q_EMIT nodeOpened(nodeId);
    return row >= 0;
}

void MainWindow::showProfile(const Profile &profile)
{
    // Another control plane: its fleet's changes are not compared with the last one's.
    if (profile.name != m_profile.name || profile.baseUrl != m_profile.baseUrl)
        m_notifier->reset();
    m_profile = profile;
    m_model->setStaleAfterSeconds(profile.staleAfterSeconds);
    if (m_nodeDetail)
        m_nodeDetail->setStaleAfterSeconds(profile.staleAfterSeconds);
    m_sinceRefresh.invalidate();
    m_lastPollFailed = false;
    retranslate();
}

void MainWindow::markRefreshed()
{
    m_sinceRefresh.start();
    m_lastPollFailed = false;
    m_model->setPollCurrent(true);
    m_dashboard->showConnected();
    updateStatus();
}

void MainWindow::showSnapshot(const NodesSnapshot &snapshot)
{
    m_dataServerTimeMs = snapshot.serverTimeMs;
    m_model->applySnapshot(snapshot);
    markRefreshed();
    m_notifier->observeSnapshot(snapshot, m_clock->nowMs(), m_profile.staleAfterSeconds);
    if (m_nodeDetail && !m_nodeDetail->nodeId().isEmpty()) {
        const int row = m_model->rowOf(m_nodeDetail->nodeId());
        if (row >= 0)
            m_nodeDetail->updateNode(m_model->nodeAt(row));
        else
            m_nodeDetail->showNodeGone(m_nodeDetail->nodeId());
    }
    if (currentView() == View::Heatmap)
        requestHeatmap();
    if (m_wizard)
        m_wizard->setFleet(m_model->nodes(), m_clock->nowMs(), m_profile.staleAfterSeconds);
    if (currentView() == View::Verification)
        m_verification->evaluate(); // re-evaluated on every poll while shown
    Q_EMIT snapshotShown();
}

void MainWindow::showNotModified()
{
    // 304: the data we show is current as of now.
    m_dataServerTimeMs = m_clock->nowMs();
    markRefreshed();
}

void MainWindow::showPollFailed(const ApiError &error)
{
    m_lastPollFailed = true;
    m_notifier->observePollFailed();
    m_model->setPollCurrent(false);
    m_dashboard->showPollFailed(error, m_dataServerTimeMs);
    updateStatus();
}

void MainWindow::tick()
{
    // Our own data is "unknown" when the last success is older than two poll intervals.
    if (!m_lastPollFailed && m_sinceRefresh.isValid() &&
        m_sinceRefresh.elapsed() > 2LL * m_profile.pollIntervalSeconds * 1000)
        m_model->setPollCurrent(false);
    m_model->tick();
    m_dashboard->refreshStatus();
    if (m_nodeDetail && m_nodeDetail->isVisible())
        m_nodeDetail->tick();
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (m_sinceRefresh.isValid())
        m_refreshLabel->setText(
            tr("Last refresh: %1").arg(AgeText::ago(m_sinceRefresh.elapsed() / 1000)));
    else
        m_refreshLabel->setText(tr("Not refreshed yet"));
    if (m_profile.name.isEmpty())
        m_profileLabel->setText(tr("No control plane"));
    else
        m_profileLabel->setText(
            tr("Profile %1 — %2").arg(m_profile.name, m_profile.baseUrl.toDisplayString()));
}

void MainWindow::retranslate()
{
    setWindowTitle(m_profile.name.isEmpty()
                       ? tr("Prego Operator Console")
                       : tr("Prego Operator Console — %1").arg(m_profile.name));
    m_actions->retranslate();
    m_tray->retranslate();
    updateStatus();
}

void MainWindow::setNotificationsEnabled(bool enabled)
{
    m_notificationsEnabled = enabled;
    m_notifier->setEnabled(enabled);
}

void MainWindow::setColorSchemeChoice(const QString &scheme)
{
    m_colorScheme = scheme;
}

SettingsDialog::Values MainWindow::currentSettings() const
{
    SettingsDialog::Values v;
    v.trayIcon = m_tray->isShown();
    v.notifications = m_notificationsEnabled;
    v.language = m_actions->languageChoice();
    v.colorScheme = m_colorScheme;
    return v;
}

SettingsDialog *MainWindow::openSettings()
{
    if (m_settingsDialog && m_settingsDialog->isVisible()) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return m_settingsDialog;
    }
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setValues(currentSettings());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog->values()); });
    m_settingsDialog = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::applySettings(const SettingsDialog::Values &values)
{
    const SettingsDialog::Values before = currentSettings();
    if (values.trayIcon != before.trayIcon) {
        setTrayIconShown(values.trayIcon);
        Q_EMIT trayIconToggled(values.trayIcon);
    }
    if (values.notifications != before.notifications) {
        setNotificationsEnabled(values.notifications);
        Q_EMIT notificationsToggled(values.notifications);
    }
    if (values.colorScheme != before.colorScheme) {
        m_colorScheme = values.colorScheme;
        Appearance::apply(values.colorScheme);
        Q_EMIT colorSchemeChosen(values.colorScheme);
    }
    if (values.language != before.language)
        switchLanguage(values.language);
}

void MainWindow::setViewStateStore(ViewStateStore *store)
{
    m_viewStates = store;
}

void MainWindow::setViewProfile(const QString &profile)
{
    if (profile == m_viewProfile)
        return;
    saveViews();
    m_viewProfile = profile;
    restoreViews();
}

void MainWindow::saveViews()
{
    if (!m_viewStates || m_viewProfile.isEmpty())
        return;
    m_viewStates->save(m_viewProfile, this);
    if (m_nodeDetail)
        m_viewStates->save(m_viewProfile, m_nodeDetail);
    if (m_jobWindow)
        m_viewStates->save(m_viewProfile, m_jobWindow);
}

void MainWindow::restoreViews()
{
    if (!m_viewStates || m_viewProfile.isEmpty())
        return;
    // A window already on screen stays where it is: only what is inside it follows the profile.
    const QStringList headers = m_viewStates->restore(m_viewProfile, this, !isVisible());
    m_dashboard->setKeepColumnWidths(headers.contains(m_dashboard->table()->objectName()));
    m_jobs->setKeepColumnWidths(headers.contains(m_jobs->table()->objectName()));
    m_alerts->setKeepColumnWidths(headers);
    if (m_nodeDetail)
        m_viewStates->restore(m_viewProfile, m_nodeDetail, !m_nodeDetail->isVisible());
    if (m_jobWindow)
        m_jobWindow->setKeepColumnWidths(
            m_viewStates->restore(m_viewProfile, m_jobWindow, !m_jobWindow->isVisible()));
}

void MainWindow::switchLanguage(const QString &language)
{
    // Chosen before the texts change: retranslating checks the chosen entry.
    m_actions->setLanguageChoice(language);
    Translations::install(Translations::resolve(language));
    Q_EMIT languageChosen(language);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace prego
