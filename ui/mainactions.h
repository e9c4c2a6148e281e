#pragma once

#include "consoleview.h"

#include <QObject>
#include <QStringList>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace prego {

// The main window's menus and their shortcuts: File (profiles, provisioning, token, settings,
// quit), View (the pages, refresh, filter, language) and Help. What an entry asks for is a signal;
// the window answers it. The texts follow the language through retranslate().
class MainActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)
public:
    // Adds the menus to the window's menu bar.
    explicit MainActions(QMainWindow *window);

    // The saved profiles, for File → Switch profile; the current one is checked.
    void setProfiles(const QStringList &names, const QString &current);
    QMenu *switchProfileMenu() const { return m_switchMenu; }
    // Checks the View entry of the page shown.
    void setCurrentView(ConsoleView view);
    // File → New provisioning… (Ctrl+N) is offered only with provisioning.
    void setProvisioningEnabled(bool enabled);
    // Help → Open log folder opens this folder (empty: the entry is disabled).
    void setLogFolder(const QString &folder);
    // Which View → Language entry is checked: "en", "ko" or "system".
    void setLanguageChoice(const QString &choice);
    QString languageChoice() const { return m_languageChoice; }
    void retranslate();

Q_SIGNALS:
    void profilesRequested();
    void profileSwitchRequested(const QString &name);
    void profileRemovalRequested();
    void provisioningRequested();
    void tokenPromptRequested();
    void settingsRequested();
    void viewRequested(prego::ConsoleView view);
    // View → Refresh (F5).
    void refreshRequested();
    // View → Filter nodes (Ctrl+F).
    void filterRequested();
    // View → Language: "en", "ko" or "system".
    void languageRequested(const QString &choice);

private:
    void showAbout();

    QMainWindow *m_window;
    QMenu *m_fileMenu;
    QAction *m_profilesAction;
    QMenu *m_switchMenu;
    QActionGroup *m_switchGroup;
    QAction *m_removeProfileAction;
    QAction *m_provisionAction;
    QAction *m_tokenAction;
    QAction *m_settingsAction;
    QAction *m_quitAction;
    QStringList m_profileNames;
    QString m_currentProfileName;

    QMenu *m_viewMenu;
    QAction *m_dashboardAction;
    QAction *m_heatmapAction;
    QAction *m_alertsAction;
    QAction *m_jobsAction;
    QAction *m_verificationAction;
    QAction *m_refreshAction;
    QAction *m_filterAction;
    QMenu *m_languageMenu;
    QAction *m_englishAction;
    QAction *m_koreanAction;
    QAction *m_systemAction;
    QString m_languageChoice = QStringLiteral("system");

    QMenu *m_helpMenu;
    QAction *m_aboutAction;
    QAction *m_aboutQtAction;
    QAction *m_logFolderAction;
    QString m_logFolder;
};

} // namespace prego
