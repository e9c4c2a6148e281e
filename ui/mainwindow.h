#pragma once

#include "api/apierror.h"
#include "api/node.h"
#include "domain/profile.h"
#include "fleetnotifier.h"
#include "settingsdialog.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "storage/historyreader.h"

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;

namespace prego {

class DashboardView;
class FleetPoller;
class ApiClient;
class HeatmapView;
class HistoryService;
class JobOutbox;
class JobView;
class JobsView;
class NodeDetailView;
class ProvisionSubmitter;
class ProvisionWizard;
class VerificationView;
class NodeTableModel;
class ServerClock;
class ViewStateStore;

// The console's main window: menus, shortcuts, the dashboard and the status bar. It shows what a
// FleetPoller reports; the composition root owns the poller and the client.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ServerClock *clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    void attach(FleetPoller *poller, const Profile &profile);
    // The saved profiles, for File → Switch profile; the current one is checked.
    void setProfiles(const QStringList &names, const QString &current);
    QMenu *switchProfileMenu() const { return m_switchMenu; }
    // The local history of the attached profile (may be null: no history, or it failed to open).
    // Asks it for the stored snapshot at once; the dashboard shows it "as of" until a poll answers.
    void setHistory(HistoryService *history);
    DashboardView *dashboard() const { return m_dashboard; }
    HeatmapView *heatmapView() const { return m_heatmap; }
    // The node detail window, once a node was opened (null before).
    NodeDetailView *nodeDetail() const { return m_nodeDetail; }
    // What provisioning uses for the attached profile (any may be null: provisioning is off).
    void setProvisioning(ApiClient *client, JobOutbox *outbox, ProvisionSubmitter *submitter);
    JobsView *jobsView() const { return m_jobs; }
    JobView *jobView() const { return m_jobView; }
    ProvisionWizard *wizard() const;
    // File → New provisioning… (Ctrl+N); returns the open wizard (null when provisioning is off).
    ProvisionWizard *openWizard();
    // Opens (or raises) the job window for this job.
    void openJob(const QString &jobId);
    VerificationView *verificationView() const { return m_verification; }
    enum class View { Dashboard, Heatmap, Jobs, Verification };
    void showView(View view);
    View currentView() const;
    // Opens (or raises) the node detail window for this node of the current fleet.
    bool openNode(const QString &nodeId);
    NodeTableModel *model() const { return m_model; }
    FleetNotifier *notifier() const { return m_notifier; }
    // Help → Open log folder opens this folder (empty: the entry is disabled).
    void setLogFolder(const QString &folder);
    // Settings → desktop notifications (remembered by the owner).
    void setNotificationsEnabled(bool enabled);
    // Settings → the tray icon (when the desktop has a tray).
    void setTrayIconShown(bool shown);
    bool isTrayIconShown() const { return m_trayShown; }
    // Which View → Language entry is checked: "en", "ko" or "system".
    void setLanguageChoice(const QString &choice);
    // Settings → Colours: "system", "light" or "dark" (applied by the caller at start).
    void setColorSchemeChoice(const QString &scheme);
    // File → Settings… (Ctrl+,): opens (or raises) the dialog with the current values.
    SettingsDialog *openSettings();
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    SettingsDialog::Values currentSettings() const;
    // What the settings dialog accepted: applied now; the signals below tell the owner.
    void applySettings(const SettingsDialog::Values &values);
    // The tray icon for a fleet state, drawn at any size (crisp at 200 %).
    static QIcon trayIcon(FleetNotifier::State state);

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

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSnapshot(const NodesSnapshot &snapshot);
    void onNotModified();
    void onPollFailed(const ApiError &error);
    void markRefreshed();
    void retranslate();
    void updateStatus();
    void switchLanguage(const QString &language);
    void requestHeatmap();
    void updateTray();
    void showAbout();
    void onStoredSnapshot(int requestId, const std::optional<StoredSnapshot> &stored);
    void restoreViews();

    ServerClock *m_clock;
    NodeTableModel *m_model;
    DashboardView *m_dashboard;
    HeatmapView *m_heatmap;
    JobsView *m_jobs;
    VerificationView *m_verification;
    QStackedWidget *m_stack;
    JobView *m_jobView = nullptr;
    QPointer<ProvisionWizard> m_wizard;
    QPointer<ApiClient> m_client;
    QPointer<ProvisionSubmitter> m_submitter;
    NodeDetailView *m_nodeDetail = nullptr;
    QPointer<HistoryService> m_history;
    FleetNotifier *m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_notificationsEnabled = true;
    bool m_trayShown = true;
    QString m_colorScheme = QStringLiteral("system");
    QAction *m_settingsAction;
    QPointer<SettingsDialog> m_settingsDialog;
    ViewStateStore *m_viewStates = nullptr;
    QString m_viewProfile;
    QMenu *m_helpMenu;
    QAction *m_aboutAction;
    QAction *m_aboutQtAction;
    QAction *m_logFolderAction;
    QString m_logFolder;
    QAction *m_trayShowAction = nullptr;
    QAction *m_trayQuitAction = nullptr;
    int m_snapshotRequest = 0;
    int m_heatmapRequest = 0;
    bool m_storageNoticeIsRecovery = false; // the notice says a damaged history was moved aside
    QPointer<FleetPoller> m_poller;
    Profile m_profile;
    QTimer m_ticker;
    QElapsedTimer m_sinceRefresh;
    std::optional<qint64> m_dataServerTimeMs;
    bool m_lastPollFailed = false;

    QMenu *m_fileMenu;
    QMenu *m_viewMenu;
    QMenu *m_languageMenu;
    QAction *m_profilesAction;
    QMenu *m_switchMenu;
    QActionGroup *m_switchGroup;
    QAction *m_removeProfileAction;
    QStringList m_profileNames;
    QString m_currentProfileName;
    QAction *m_tokenAction;
    QAction *m_quitAction;
    QAction *m_dashboardAction;
    QAction *m_heatmapAction;
    QAction *m_jobsAction;
    QAction *m_verificationAction;
    QAction *m_provisionAction;
    QAction *m_refreshAction;
    QAction *m_filterAction;
    QAction *m_englishAction;
    QAction *m_koreanAction;
    QAction *m_systemAction;
    QString m_languageChoice = QStringLiteral("system");
    QLabel *m_refreshLabel;
    QLabel *m_profileLabel;
};

} // namespace prego
