#include "mainactions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace prego {

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_fileMenu = window->menuBar()->addMenu(QString());
    m_profilesAction = m_fileMenu->addAction(QString());
    connect(m_profilesAction, &QAction::triggered, this, &MainActions::profilesRequested);
    m_switchMenu = m_fileMenu->addMenu(QString());
    m_switchMenu->setObjectName(u"switchProfileMenu"_s);
    m_switchGroup = new QActionGroup(this);
    m_switchGroup->setExclusive(true);
    m_removeProfileAction = m_fileMenu->addAction(QString());
    connect(m_removeProfileAction, &QAction::triggered, this,
            &MainActions::profileRemovalRequested);
    m_fileMenu->addSeparator();
    m_provisionAction = m_fileMenu->addAction(QString());
    m_provisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_provisionAction->setEnabled(false);
    connect(m_provisionAction, &QAction::triggered, this, &MainActions::provisioningRequested);
    m_fileMenu->addSeparator();
    m_tokenAction = m_fileMenu->addAction(QString());
    connect(m_tokenAction, &QAction::triggered, this, &MainActions::tokenPromptRequested);
    m_fileMenu->addSeparator();
    m_settingsAction = m_fileMenu->addAction(QString());
    // Ctrl+, as on most desktops (QKeySequence::Preferences has none on GNOME).
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainActions::settingsRequested);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, window, &QWidget::close);

    m_viewMenu = window->menuBar()->addMenu(QString());
    auto *views = new QActionGroup(this);
    const auto addView = [this, views](ConsoleView view, Qt::Key key) {
        QAction *action = m_viewMenu->addAction(QString());
        action->setShortcut(QKeySequence(Qt::CTRL | key));
        action->setCheckable(true);
        views->addAction(action);
        connect(action, &QAction::triggered, this, [this, view] { Q_EMIT viewRequested(view); });
        return action;
    };
    m_dashboardAction = addView(ConsoleView::Dashboard, Qt::Key_1);
    m_dashboardAction->setChecked(true);
    m_heatmapAction = addView(ConsoleView::Heatmap, Qt::Key_2);
    m_alertsAction = addView(ConsoleView::Alerts, Qt::Key_3);
    m_jobsAction = addView(ConsoleView::Jobs, Qt::Key_4);
    m_verificationAction = addView(ConsoleView::Verification, Qt::Key_5);
    m_viewMenu->addSeparator();
    m_refreshAction = m_viewMenu->addAction(QString());
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refreshAction, &QAction::triggered, this, &MainActions::refreshRequested);
    m_filterAction = m_viewMenu->addAction(QString());
    m_filterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_filterAction, &QAction::triggered, this, &MainActions::filterRequested);
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
    connect(m_englishAction, &QAction::triggered, this,
            [this] { Q_EMIT languageRequested(u"en"_s); });
    connect(m_koreanAction, &QAction::triggered, this,
            [this] { Q_EMIT languageRequested(u"ko"_s); });
    connect(m_systemAction, &QAction::triggered, this,
            [this] { Q_EMIT languageRequested(u"system"_s); });

    m_helpMenu = window->menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString());
    connect(m_aboutAction, &QAction::triggered, this, &MainActions::showAbout);
    m_aboutQtAction = m_helpMenu->addAction(QString());
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(m_window); });
    m_logFolderAction = m_helpMenu->addAction(QString());
    m_logFolderAction->setEnabled(false);
    connect(m_logFolderAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_logFolder)); });
}

void MainActions::setProfiles(const QStringList &names, const QString &current)
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

void MainActions::setCurrentView(ConsoleView view)
{
    m_dashboardAction->setChecked(view == ConsoleView::Dashboard);
    m_heatmapAction->setChecked(view == ConsoleView::Heatmap);
    m_alertsAction->setChecked(view == ConsoleView::Alerts);
    m_jobsAction->setChecked(view == ConsoleView::Jobs);
    m_verificationAction->setChecked(view == ConsoleView::Verification);
}

void MainActions::setProvisioningEnabled(bool enabled)
{
    m_provisionAction->setEnabled(enabled);
}

void MainActions::setLogFolder(const QString &folder)
{
    m_logFolder = folder;
    m_logFolderAction->setEnabled(!folder.isEmpty());
}

void MainActions::setLanguageChoice(const QString &choice)
{
    m_languageChoice = choice;
    m_englishAction->setChecked(choice == u"en");
    m_koreanAction->setChecked(choice == u"ko");
    m_systemAction->setChecked(choice != u"en" && choice != u"ko");
}

void MainActions::retranslate()
{
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
    m_alertsAction->setText(tr("&Alerts"));
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
    //: View → Language: follow the system's language
    m_systemAction->setText(tr("&System language"));
    setLanguageChoice(m_languageChoice);
}

void MainActions::showAbout()
{
    QMessageBox::about(
        m_window, tr("About Prego Operator Console"),
        tr("<h3>Prego Operator Console %1</h3>"
           "<p>Watches the fleet of the Prego control plane and provisions tenants.</p>"
           "<p>Built with Qt %2 (running on Qt %3), QtKeychain and SQLite.</p>"
           "<p>Qt is used under the GNU LGPL version 3; QtKeychain under the BSD licence; "
           "SQLite is in the public domain.</p>")
            .arg(QApplication::applicationVersion(), QLatin1StringView(QT_VERSION_STR),
                 QLatin1StringView(qVersion())));
}

} // namespace prego
