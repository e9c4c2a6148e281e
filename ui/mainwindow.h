#pragma once

#include "consoleview.h"
#include "fleetnotifier.h"
#include "fleettrayicon.h"
#include "mainactions.h"
#include "settingsdialog.h"
#include "types/apierror.h"
#include "types/node.h"
#include "types/profile.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "storage/historyreader.h"

#include <optional>

class QLabel;
class QMenu;
class QStackedWidget;

namespace prego {

class AlertsView;
class DashboardView;
class HeatmapView;
class HistoryFeed;
class HistoryService;
class JobWindow;
class JobListView;
class NodeDetailView;
class ProvisionWizard;
class VerificationView;
class NodeTableModel;
class ServerClock;
class ViewStateStore;

// The console's main window: its pages, the windows it opens (node detail, job, wizard, settings)
// and the status bar; the menus are MainActions, the tray icon FleetTrayIcon. It shows what the
// fleet poll reports (handed in by the composition root, which owns the poller) and asks for a
// poll with refreshRequested().
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(ServerClock *clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The profile whose fleet is shown from now on.
    void showProfile(const Profile &profile);
    // What one poll of the fleet reported.
    void showSnapshot(const NodesSnapshot &snapshot);
    void showNotModified();
    void showPollFailed(const ApiError &error);
    // The saved profiles, for File → Switch profile; the current one is checked.
    void setProfiles(const QStringList &names, const QString &current)
    {
        m_actions->setProfiles(names, current);
    }
    QMenu *switchProfileMenu() const { return m_actions->switchProfileMenu(); }
    // The local history of the attached profile (may be null: no history, or it failed to open).
    // Asks it for the stored snapshot at once; the dashboard shows it "as of" until a poll answers.
    void setHistory(HistoryService *history);
    DashboardView *dashboard() const { return m_dashboard; }
    HeatmapView *heatmapView() const { return m_heatmap; }
    // The node detail window, once a node was opened (null before).
    NodeDetailView *nodeDetail() const { return m_nodeDetail; }
    // Provisioning for the profile shown (the wizard submits through it); null: none. `connected`:
    // a control plane to ask (the verification checks).
    void setProvisioning(bool canSubmit, bool connected);
    JobListView *jobListView() const { return m_jobs; }
    // View → Alerts (Ctrl+3): alerts, their history and the maintenance silences.
    AlertsView *alertsView() const { return m_alerts; }
    JobWindow *jobWindow() const { return m_jobWindow; }
    ProvisionWizard *wizard() const;
    // File → New provisioning… (Ctrl+N); returns the open wizard (null when provisioning is off).
    ProvisionWizard *openWizard();
    // Opens (or raises) the job window for this job.
    void openJob(const QString &jobId);
    VerificationView *verificationView() const { return m_verification; }
    using View = ConsoleView;
    void showView(View view);
    View currentView() const;
    // Opens (or raises) the node detail window for this node of the current fleet.
    bool openNode(const QString &nodeId);
    NodeTableModel *model() const { return m_model; }
    FleetNotifier *notifier() const { return m_notifier; }
    // Help → Open log folder opens this folder (empty: the entry is disabled).
    void setLogFolder(const QString &folder) { m_actions->setLogFolder(folder); }
    // Settings → desktop notifications (remembered by the owner).
    void setNotificationsEnabled(bool enabled);
    // Settings → the tray icon (when the desktop has a tray).
    void setTrayIconShown(bool shown) { m_tray->setShown(shown); }
    bool isTrayIconShown() const { return m_tray->isShown(); }
    // Which View → Language entry is checked: "en", "ko" or "system".
    void setLanguageChoice(const QString &choice) { m_actions->setLanguageChoice(choice); }
    // Settings → Colours: "system", "light" or "dark" (applied by the caller at start).
    void setColorSchemeChoice(const QString &scheme);
    // File → Settings… (Ctrl+,): opens (or raises) the dialog with the current values.
    SettingsDialog *openSettings();
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    SettingsDialog::Values currentSettings() const;
    // What the settings dialog accepted: applied now; the signals below tell the owner.
    void applySettings(const SettingsDialog::Values &values);

    // Where window geometry, splitters and table columns are kept (null: nothing is, as in
    // screenshot runs).
    void setViewStateStore(ViewStateStore *store);
    // Keeps the layout of the profile shown so far and brings this profile's: its columns and
    // splitters at once, its window geometry when the window is not shown yet.
    void setViewProfile(const QString &profile);
    QString viewProfile() const { return m_viewProfile; }
    void saveViews();
    // Once a second: ages, freshness, "last refresh N s ago".
    void tick();

Q_SIGNALS:
    void snapshotShown();
    // The dashboard shows the stored snapshot (before the first poll answered).
    void storedSnapshotShown();
    // The heatmap shows a fresh answer from the history.
    void heatmapShown();
    void tokenPromptRequested();
    void profilesRequested();
    void profileSwitchRequested(const QString &name);
    void profileRemovalRequested();
    // View → Language: "en", "ko" or "system" (to be remembered by the owner).
    void languageChosen(const QString &choice);
    void notificationsToggled(bool enabled);
    void trayIconToggled(bool shown);
    // Settings → Colours (to be remembered by the owner).
    void colorSchemeChosen(const QString &scheme);
    // View → Refresh (F5): poll the fleet now.
    void refreshRequested();
    // The job window was made (once): the owner answers its intents.
    void jobWindowCreated(prego::JobWindow *view);
    // A provisioning wizard was opened: the owner answers its submitRequested().
    void wizardOpened(prego::ProvisionWizard *wizard);
    // The node detail window now shows this node: the owner hands it the node's annotations.
    void nodeOpened(const QString &nodeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void markRefreshed();
    void retranslate();
    void updateStatus();
    void switchLanguage(const QString &language);
    void requestHeatmap();
    void onStoredSnapshot(const StoredSnapshot &stored);
    void restoreViews();

    ServerClock *m_clock;
    NodeTableModel *m_model;
    DashboardView *m_dashboard;
    HeatmapView *m_heatmap;
    AlertsView *m_alerts;
    JobListView *m_jobs;
    VerificationView *m_verification;
    QStackedWidget *m_stack;
    JobWindow *m_jobWindow = nullptr;
    QPointer<ProvisionWizard> m_wizard;
    bool m_canSubmit = false;
    NodeDetailView *m_nodeDetail = nullptr;
    HistoryFeed *m_historyFeed = nullptr;
    FleetNotifier *m_notifier;
    MainActions *m_actions = nullptr;
    FleetTrayIcon *m_tray = nullptr;
    bool m_notificationsEnabled = true;
    QString m_colorScheme = QStringLiteral("system");
    QPointer<SettingsDialog> m_settingsDialog;
    ViewStateStore *m_viewStates = nullptr;
    QString m_viewProfile;
    Profile m_profile;
    QTimer m_ticker;
    QElapsedTimer m_sinceRefresh;
    std::optional<qint64> m_dataServerTimeMs;
    bool m_lastPollFailed = false;
    QLabel *m_refreshLabel;
    QLabel *m_profileLabel;
};

} // namespace prego
