#pragma once

#include "api/apierror.h"
#include "api/node.h"
#include "domain/profile.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace prego {

class DashboardView;
class FleetPoller;
class NodeTableModel;
class ServerClock;

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
    DashboardView *dashboard() const { return m_dashboard; }
    NodeTableModel *model() const { return m_model; }
    // Once a second: ages, freshness, "last refresh N s ago".
    void tick();

Q_SIGNALS:
    void snapshotShown();
    void tokenPromptRequested();
    void profilesRequested();
    void profileSwitchRequested(const QString &name);
    void profileRemovalRequested();

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

    ServerClock *m_clock;
    NodeTableModel *m_model;
    DashboardView *m_dashboard;
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
    QAction *m_refreshAction;
    QAction *m_filterAction;
    QAction *m_englishAction;
    QAction *m_koreanAction;
    QLabel *m_refreshLabel;
    QLabel *m_profileLabel;
};

} // namespace prego
