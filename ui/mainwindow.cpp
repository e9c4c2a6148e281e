#include "mainwindow.h"

#include "api/apiclient.h"
#include "api/fleetpoller.h"
#include "api/provisionsubmitter.h"
#include "appearance.h"
#include "dashboardview.h"
#include "domain/agetext.h"
#include "domain/serverclock.h"
#include "fleetnotifier.h"
#include "heatmapview.h"
#include "i18n/translations.h"
#include "joblistmodel.h"
#include "jobsview.h"
#include "jobview.h"
#include "nodedetailview.h"
#include "nodetablemodel.h"
#include "provisionwizard.h"
#include "storage/historyservice.h"
#include "trayiconengine.h"
#include "verificationview.h"
#include "viewstatestore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace prego {

MainWindow::MainWindow(ServerClock *clock, QWidget *parent)
    : QMainWindow(parent)
    , m_clock(clock)
    , m_model(new NodeTableModel(clock, this))
    , m_dashboard(new DashboardView(m_model, clock, this))
    , m_heatmap(new HeatmapView(this))
    , m_jobs(new JobsView(this))
    , m_verification(new VerificationView(this))
    , m_stack(new QStackedWidget(this))
    , m_notifier(new FleetNotifier(this))
{
    setObjectName(u"mainWindow"_s);
    m_stack->addWidget(m_dashboard);
    m_stack->addWidget(m_heatmap);
    m_stack->addWidget(m_jobs);
    m_stack->addWidget(m_verification);
    setCentralWidget(m_stack);
    resize(1280, 720);

    m_fileMenu = menuBar()->addMenu(QString());
    m_profilesAction = m_fileMenu->addAction(QString());
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::profilesRequested);
    m_switchMenu = m_fileMenu->addMenu(QString());
    m_switchMenu->setObjectName(u"switchProfileMenu"_s);
    m_switchGroup = new QActionGroup(this);
    m_switchGroup->setExclusive(true);
    m_removeProfileAction = m_fileMenu->addAction(QString());
    m_fileMenu->addSeparator();
    m_provisionAction = m_fileMenu->addAction(QString());
    m_provisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_provisionAction->setEnabled(false);
    connect(m_provisionAction, &QAction::triggered, this, &MainWindow::openWizard);
    m_fileMenu->addSeparator();
    connect(m_removeProfileAction, &QAction::triggered, this, &MainWindow::profileRemovalRequested);
    m_tokenAction = m_fileMenu->addAction(QString());
    connect(m_tokenAction, &QAction::triggered, this, &MainWindow::tokenPromptRequested);
    m_fileMenu->addSeparator();
    m_settingsAction = m_fileMenu->addAction(QString());
    // Ctrl+, as on most desktops (QKeySequence::Preferences has none on GNOME).
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    m_dashboardAction = m_viewMenu->addAction(QString());
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_dashboardAction->setCheckable(true);
    m_dashboardAction->setChecked(true);
    connect(m_dashboardAction, &QAction::triggered, this, [this] { showView(View::Dashboard); });
    m_heatmapAction = m_viewMenu->addAction(QString());
    m_heatmapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_heatmapAction->setCheckable(true);
    connect(m_heatmapAction, &QAction::triggered, this, [this] { showView(View::Heatmap); });
    m_jobsAction = m_viewMenu->addAction(QString());
    m_jobsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_jobsAction->setCheckable(true);
    connect(m_jobsAction, &QAction::triggered, this, [this] { showView(View::Jobs); });
    m_verificationAction = m_viewMenu->addAction(QString());
    m_verificationAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    m_verificationAction->setCheckable(true);
    connect(m_verificationAction, &QAction::triggered, this,
            [this] { showView(View::Verification); });
    auto *views = new QActionGroup(this);
    views->addAction(m_dashboardAction);
    views->addAction(m_heatmapAction);
    views->addAction(m_jobsAction);
    views->addAction(m_verificationAction);
    m_viewMenu->addSeparator();
    m_refreshAction = m_viewMenu->addAction(QString());
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (m_poller)
            m_poller->pollNow();
    });
    m_filterAction = m_viewMenu->addAction(QString());
    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_dashboard->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_dashboard->filterEdit()->selectAll();
    });
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *languages = new QActionGroup(this);
    // Language names are written in their own language, never translated.
    m_englishAction = m_languageMenu->addAction(u"English"_s);
    m_koreanAction = m_languageMenu->addAction(u"한국어"_s);
    m_languageMenu->addSeparator();
    m_systemAction = m_languageMenu->addAction(QString());
    for (QAction *a : {m_englishAction, m_koreanAction, m_systemAction}) {
        a->setCheckable(true);
        languages->addAction(a);
    }
    connect(m_englishAction, &QAction::triggered, this, [this] { switchLanguage(u"en"_s); });
    connect(m_koreanAction, &QAction::triggered, this, [this] { switchLanguage(u"ko"_s); });
    connect(m_systemAction, &QAction::triggered, this, [this] { switchLanguage(u"system"_s); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString());
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = m_helpMenu->addAction(QString());
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this); });
    m_logFolderAction = m_helpMenu->addAction(QString());
    m_logFolderAction->setEnabled(false);
    connect(m_logFolderAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_logFolder)); });

    m_profileLabel = new QLabel(this);
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(u"lastRefreshLabel"_s);
    statusBar()->addWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_refreshLabel);

    connect(m_dashboard, &DashboardView::tokenPromptRequested, this,
            &MainWindow::tokenPromptRequested);
    connect(m_dashboard, &DashboardView::nodeActivated, this, &MainWindow::openNode);
    connect(m_heatmap, &HeatmapView::nodeActivated, this, &MainWindow::openNode);
    connect(m_jobs, &JobsView::jobActivated, this, &MainWindow::openJob);
    connect(m_jobs, &JobsView::newProvisioningRequested, this, &MainWindow::openWizard);
    connect(m_verification, &VerificationView::nodeActivated, this, &MainWindow::openNode);
    connect(m_verification, &VerificationView::jobActivated, this, &MainWindow::openJob);
    // The tray: the fleet's state at a glance, and the desktop notifications.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        auto *menu = new QMenu(this);
        m_trayShowAction = menu->addAction(QString());
        connect(m_trayShowAction, &QAction::triggered, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        m_trayQuitAction = menu->addAction(QString());
        connect(m_trayQuitAction, &QAction::triggered, this, &QWidget::close);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
            if (reason == QSystemTrayIcon::Trigger) {
                showNormal();
                raise();
                activateWindow();
            }
        });
        m_tray->show();
    }
    connect(m_notifier, &FleetNotifier::stateChanged, this, &MainWindow::updateTray);
    connect(m_notifier, &FleetNotifier::notificationRequested, this,
            [this](const QString &title, const QString &body, FleetNotifier::Severity severity) {
                if (m_tray && m_tray->isVisible())
                    m_tray->showMessage(title, body,
                                        severity == FleetNotifier::Severity::Warning
                                            ? QSystemTrayIcon::Warning
                                            : QSystemTrayIcon::Information,
                                        10000);
            });
    connect(m_jobs, &JobsView::refreshed, this, [this] {
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
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    m_snapshotRequest = 0;
    m_heatmapRequest = 0;
    m_storageNoticeIsRecovery = false;
    m_dashboard->hideStorageNotice();
    const auto recoveryNoticeShown = [this] {
        return m_storageNoticeIsRecovery && !m_dashboard->storageNotice().isEmpty();
    };
    if (m_nodeDetail)
        m_nodeDetail->setHistory(history);
    if (!history) {
        m_heatmap->setUnavailable(tr("No local history for this profile."));
        return;
    }
    connect(history, &HistoryService::lastSnapshotRead, this, &MainWindow::onStoredSnapshot);
    connect(history, &HistoryService::heatmapRead, this,
            [this](int requestId, const Heatmap &heatmap) {
                if (requestId != m_heatmapRequest)
                    return;
                m_heatmapRequest = 0;
                m_heatmap->setHeatmap(heatmap);
                Q_EMIT heatmapShown();
            });
    // Problems with the local files stay on screen until dismissed (a status-bar message is gone
    // before an operator who was away from the desk looks); a write that succeeds again takes
    // away a write failure, never the notice that a damaged file was moved aside.
    connect(history, &HistoryService::failed, this,
            [this, recoveryNoticeShown](const QString &message) {
                const QString text = tr("Local history: %1").arg(message);
                statusBar()->showMessage(text, 15000);
                if (!recoveryNoticeShown())
                    m_dashboard->showStorageNotice(text);
            });
    connect(history, &HistoryService::samplesIngested, this,
            [this, recoveryNoticeShown](const HistoryIngestResult &result) {
                if (result.error.isEmpty() && !recoveryNoticeShown())
                    m_dashboard->hideStorageNotice();
            });
    connect(history, &HistoryService::opened, this, [this](const HistoryOpenResult &result) {
        if (!result.ok) {
            m_heatmap->setUnavailable(result.error);
            m_dashboard->showStorageNotice(tr("Local history: %1").arg(result.error));
        } else if (!result.recoveryNotice.isEmpty()) {
            statusBar()->showMessage(result.recoveryNotice, 30000);
            m_storageNoticeIsRecovery = true;
            m_dashboard->showStorageNotice(result.recoveryNotice);
        }
    });
    m_snapshotRequest = history->requestLastSnapshot();
    if (currentView() == View::Heatmap)
        requestHeatmap();
}

void MainWindow::onStoredSnapshot(int requestId, const std::optional<StoredSnapshot> &stored)
{
    if (requestId != m_snapshotRequest)
        return;
    m_snapshotRequest = 0;
    // A poll that answered first wins: its data is newer.
    if (!stored || m_model->hasSnapshot() || m_sinceRefresh.isValid())
        return;
    m_dataServerTimeMs = stored->snapshot.serverTimeMs;
    m_model->setPollCurrent(false);
    m_model->applySnapshot(stored->snapshot);
    if (!m_lastPollFailed)
        m_dashboard->showStoredData(stored->snapshot.serverTimeMs);
    Q_EMIT storedSnapshotShown();
}

void MainWindow::setProvisioning(ApiClient *client, JobOutbox *outbox,
                                 ProvisionSubmitter *submitter)
{
    m_client = client;
    m_submitter = submitter;
    m_provisionAction->setEnabled(client && outbox && submitter);
    m_jobs->attach(client, outbox, submitter);
    m_verification->attach(client, m_profile.name, m_profile.baseUrl.toDisplayString(),
                           m_profile.staleAfterSeconds);
    if (m_jobView)
        m_jobView->setClient(client);
    if (m_wizard)
        m_wizard->close();
}

ProvisionWizard *MainWindow::wizard() const
{
    return m_wizard;
}

ProvisionWizard *MainWindow::openWizard()
{
    if (!m_submitter || !m_client)
        return nullptr;
    if (m_wizard && m_wizard->isVisible()) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *wizard = new ProvisionWizard(m_submitter, m_profile.name, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setFleet(m_model->nodes(), m_clock->nowMs(), m_profile.staleAfterSeconds);
    connect(wizard, &ProvisionWizard::jobSubmitted, this, [this](const QString &jobId) {
        openJob(jobId);
        m_jobs->refresh();
    });
    m_wizard = wizard;
    wizard->open();
    return wizard;
}

void MainWindow::openJob(const QString &jobId)
{
    if (jobId.isEmpty())
        return;
    if (!m_jobView) {
        m_jobView = new JobView(m_client, m_clock, this);
        m_jobView->setWindowFlag(Qt::Window);
        if (m_viewStates)
            m_jobView->setKeepColumnWidths(m_viewStates->restore(m_viewProfile, m_jobView));
        connect(m_jobView, &JobView::nodeActivated, this, &MainWindow::openNode);
        connect(m_jobView, &JobView::jobShown, this,
                [this](const Job &job) { m_notifier->observeJobs({job}); });
    }
    m_jobView->showJob(jobId);
    m_jobView->show();
    m_jobView->raise();
    m_jobView->activateWindow();
}

void MainWindow::showView(View view)
{
    QWidget *page = m_dashboard;
    if (view == View::Heatmap)
        page = m_heatmap;
    else if (view == View::Jobs)
        page = m_jobs;
    else if (view == View::Verification)
        page = m_verification;
    m_stack->setCurrentWidget(page);
    m_dashboardAction->setChecked(view == View::Dashboard);
    m_heatmapAction->setChecked(view == View::Heatmap);
    m_jobsAction->setChecked(view == View::Jobs);
    m_verificationAction->setChecked(view == View::Verification);
    if (view == View::Heatmap)
        requestHeatmap();
}

MainWindow::View MainWindow::currentView() const
{
    if (m_stack->currentWidget() == m_heatmap)
        return View::Heatmap;
    if (m_stack->currentWidget() == m_jobs)
        return View::Jobs;
    if (m_stack->currentWidget() == m_verification)
        return View::Verification;
    return View::Dashboard;
}

void MainWindow::requestHeatmap()
{
    if (!m_history || m_heatmapRequest != 0)
        return; // one question at a time; the next snapshot asks again
    m_heatmapRequest =
        m_history->requestHeatmap(m_clock->nowMs(), qint64(m_profile.staleAfterSeconds) * 1000);
}

bool MainWindow::openNode(const QString &nodeId)
{
    const int row = m_model->rowOf(nodeId);
    if (!m_nodeDetail) {
        m_nodeDetail = new NodeDetailView(m_clock, this);
        m_nodeDetail->setWindowFlag(Qt::Window);
        m_nodeDetail->setHistory(m_history);
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
    return row >= 0;
}
void MainWindow::attach(FleetPoller *poller, const Profile &profile)
{
    if (m_poller)
        disconnect(m_poller, nullptr, this, nullptr);
    m_poller = poller;
    m_profile = profile;
    m_model->setStaleAfterSeconds(profile.staleAfterSeconds);
    if (profile.name != m_profile.name || profile.baseUrl != m_profile.baseUrl)
        m_notifier->reset();
    if (m_nodeDetail)
        m_nodeDetail->setStaleAfterSeconds(profile.staleAfterSeconds);
    m_sinceRefresh.invalidate();
    m_lastPollFailed = false;
    if (poller) {
        connect(poller, &FleetPoller::snapshotReceived, this, &MainWindow::onSnapshot);
        connect(poller, &FleetPoller::notModified, this, &MainWindow::onNotModified);
        connect(poller, &FleetPoller::pollFailed, this, &MainWindow::onPollFailed);
    }
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

void MainWindow::onSnapshot(const NodesSnapshot &snapshot)
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

void MainWindow::onNotModified()
{
    // 304: the data we show is current as of now.
    m_dataServerTimeMs = m_clock->nowMs();
    markRefreshed();
}

void MainWindow::onPollFailed(const ApiError &error)
{
    m_lastPollFailed = true;
    m_notifier->observePollFailed();
    m_model->setPollCurrent(false);
    m_dashboard->showPollFailed(error, m_dataServerTimeMs);
    updateStatus();
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 401 && m_poller)
        m_poller->stop(); // polling again with a refused token only fills the server's log
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

void MainWindow::setProfiles(const QStringList &names, const QString &current)
{
    m_profileNames = names;
    m_currentProfileName = current;
    for (QAction *action : m_switchGroup->actions())
        delete action;
    m_switchMenu->clear();
    for (const QString &name : names) {
        QAction *action = m_switchMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(name == current);
        m_switchGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] {
            if (name != m_currentProfileName)
                Q_EMIT profileSwitchRequested(name);
        });
    }
    if (names.isEmpty()) {
        QAction *none = m_switchMenu->addAction(tr("No saved profiles"));
        none->setEnabled(false);
    }
    m_removeProfileAction->setEnabled(names.contains(current));
}

void MainWindow::retranslate()
{
    setWindowTitle(m_profile.name.isEmpty()
                       ? tr("Prego Operator Console")
                       : tr("Prego Operator Console — %1").arg(m_profile.name));
    m_fileMenu->setTitle(tr("&File"));
    m_profilesAction->setText(tr("&Profiles…"));
    m_switchMenu->setTitle(tr("&Switch profile"));
    m_removeProfileAction->setText(tr("&Remove this profile…"));
    setProfiles(m_profileNames, m_currentProfileName);
    m_tokenAction->setText(tr("Enter &token…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_dashboardAction->setText(tr("&Dashboard"));
    m_heatmapAction->setText(tr("&Heatmap"));
    m_jobsAction->setText(tr("&Jobs"));
    m_verificationAction->setText(tr("&Verification"));
    m_provisionAction->setText(tr("&New provisioning…"));
    m_refreshAction->setText(tr("&Refresh"));
    m_filterAction->setText(tr("&Filter nodes"));
    m_languageMenu->setTitle(tr("&Language"));
    m_settingsAction->setText(tr("&Settings…"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Prego Operator Console"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_logFolderAction->setText(tr("Open &log folder"));
    if (m_trayShowAction) {
        m_trayShowAction->setText(tr("Show the console"));
        m_trayQuitAction->setText(tr("Quit"));
    }
    updateTray();
    //: View → Language: follow the system's language
    m_systemAction->setText(tr("&System language"));
    setLanguageChoice(m_languageChoice);
    updateStatus();
}

void MainWindow::setLogFolder(const QString &folder)
{
    m_logFolder = folder;
    m_logFolderAction->setEnabled(!folder.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Prego Operator Console"),
        tr("<h3>Prego Operator Console %1</h3>"
           "<p>Watches the fleet of the Prego control plane and provisions tenants.</p>"
           "<p>Built with Qt %2 (running on Qt %3), QtKeychain and SQLite.</p>"
           "<p>Qt is used under the GNU LGPL version 3; QtKeychain under the BSD licence; "
           "SQLite is in the public domain.</p>")
            .arg(QApplication::applicationVersion(), QLatin1StringView(QT_VERSION_STR),
                 QLatin1StringView(qVersion())));
}

void MainWindow::setNotificationsEnabled(bool enabled)
{
    m_notificationsEnabled = enabled;
    m_notifier->setEnabled(enabled);
}

void MainWindow::setTrayIconShown(bool shown)
{
    m_trayShown = shown;
    if (m_tray)
        m_tray->setVisible(shown);
}

void MainWindow::setColorSchemeChoice(const QString &scheme)
{
    m_colorScheme = scheme;
}

SettingsDialog::Values MainWindow::currentSettings() const
{
    SettingsDialog::Values v;
    v.trayIcon = m_trayShown;
    v.notifications = m_notificationsEnabled;
    v.language = m_languageChoice;
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

QIcon MainWindow::trayIcon(FleetNotifier::State state)
{
    // A dot in the state's colour with the state's own mark; the tooltip says it in words.
    switch (state) {
    case FleetNotifier::State::AllFresh:
        return QIcon(new TrayIconEngine(QColor(0x2e, 0x7d, 0x32), TrayIconEngine::Mark::Tick));
    case FleetNotifier::State::SomeStale:
        return QIcon(new TrayIconEngine(QColor(0xef, 0x6c, 0x00), TrayIconEngine::Mark::Clock));
    case FleetNotifier::State::Offline:
        return QIcon(new TrayIconEngine(QColor(0xc6, 0x28, 0x28), TrayIconEngine::Mark::Cross));
    case FleetNotifier::State::Unknown:
        break;
    }
    return QIcon(new TrayIconEngine(QColor(0x9e, 0x9e, 0x9e), TrayIconEngine::Mark::Dash));
}

void MainWindow::updateTray()
{
    if (!m_tray)
        return;
    m_tray->setIcon(trayIcon(m_notifier->state()));
    m_tray->setToolTip(m_notifier->stateText());
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
    if (m_jobView)
        m_viewStates->save(m_viewProfile, m_jobView);
}

void MainWindow::restoreViews()
{
    if (!m_viewStates || m_viewProfile.isEmpty())
        return;
    // A window already on screen stays where it is: only what is inside it follows the profile.
    const QStringList headers = m_viewStates->restore(m_viewProfile, this, !isVisible());
    m_dashboard->setKeepColumnWidths(headers.contains(m_dashboard->table()->objectName()));
    m_jobs->setKeepColumnWidths(headers.contains(m_jobs->table()->objectName()));
    if (m_nodeDetail)
        m_viewStates->restore(m_viewProfile, m_nodeDetail, !m_nodeDetail->isVisible());
    if (m_jobView)
        m_jobView->setKeepColumnWidths(
            m_viewStates->restore(m_viewProfile, m_jobView, !m_jobView->isVisible()));
}

void MainWindow::setLanguageChoice(const QString &choice)
{
    m_languageChoice = choice;
    m_englishAction->setChecked(choice == u"en");
    m_koreanAction->setChecked(choice == u"ko");
    m_systemAction->setChecked(choice != u"en" && choice != u"ko");
}

void MainWindow::switchLanguage(const QString &language)
{
    m_languageChoice = language;
    Translations::install(Translations::resolve(language));
    setLanguageChoice(language);
    Q_EMIT languageChosen(language);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace prego
