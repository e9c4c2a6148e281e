// File → Settings… (Ctrl+,): OK applies and is remembered, Cancel changes nothing; and the
// window layout (geometry, splitter, table columns) that each profile keeps across restarts.
#include "appearance.h"
#include "consoleapp.h"
#include "dashboardview.h"
#include "fleetnotifier.h"
#include "i18n/translations.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "nodetablemodel.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretjob.h"
#include "settingsdialog.h"
#include "statuscolors.h"
#include "storage/profilestore.h"
#include "viewstatestore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

// Whatever a test changed globally (palette, language) is put back, even when it fails.
struct GlobalLookGuard
{
    ~GlobalLookGuard()
    {
        prego::Appearance::apply(u"system"_s);
        prego::Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QAction *settingsAction(prego::MainWindow *window)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(u"Ctrl+,"_s))
            return a;
    }
    return nullptr;
}

} // namespace

TEST(Settings, CtrlCommaOpensThemAndOkAppliesAndRemembers)
{
    GlobalLookGuard guard;
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    {
        prego::ConsoleApp console(settings, nullptr, &nam);
        prego::MainWindow *window = console.window();
        // In the File menu, with its shortcut shown there.
        QAction *action = settingsAction(window);
        ASSERT_NE(action, nullptr);
        EXPECT_EQ(action->text(), u"&Settings…"_s);
        EXPECT_TRUE(window->menuBar()->actions().first()->menu()->actions().contains(action));
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        prego::SettingsDialog *dialog = window->settingsDialog();
        ASSERT_NE(dialog, nullptr);
        EXPECT_TRUE(dialog->isVisible());
        EXPECT_TRUE(dialog->trayCheck()->isChecked());
        EXPECT_TRUE(dialog->notificationsCheck()->isChecked());
        EXPECT_EQ(dialog->languageBox()->currentData().toString(), u"system"_s);

        dialog->notificationsCheck()->setChecked(false);
        dialog->trayCheck()->setChecked(false);
        // Without the tray there is nothing to show notifications with.
        EXPECT_FALSE(dialog->notificationsCheck()->isEnabled());
        dialog->colorSchemeBox()->setCurrentIndex(dialog->colorSchemeBox()->findData(u"dark"_s));
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"ko"_s));
        // Nothing happens before OK.
        EXPECT_TRUE(window->notifier()->isEnabled());
        EXPECT_FALSE(prego::StatusColors::isDark(QApplication::palette()));
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QApplication::processEvents(); // the palette reaches the widgets

        EXPECT_FALSE(window->notifier()->isEnabled());
        EXPECT_FALSE(window->isTrayIconShown());
        EXPECT_TRUE(prego::StatusColors::isDark(QApplication::palette()));
        EXPECT_TRUE(prego::StatusColors::isDark(window->palette()));
        EXPECT_EQ(window->windowTitle(), u"Prego 운영 콘솔"_s);
        EXPECT_EQ(action->text(), u"설정(&S)…"_s);
    }
    EXPECT_FALSE(settings.value(u"ui/notifications"_s).toBool());
    EXPECT_FALSE(settings.value(u"ui/trayIcon"_s).toBool());
    EXPECT_EQ(settings.value(u"ui/colorScheme"_s).toString(), u"dark"_s);
    EXPECT_EQ(settings.value(u"ui/language"_s).toString(), u"ko"_s);

    // The next start: the console comes back as it was set.
    prego::ConsoleApp again(settings, nullptr, &nam);
    EXPECT_FALSE(again.window()->notifier()->isEnabled());
    EXPECT_FALSE(again.window()->isTrayIconShown());
    prego::SettingsDialog *dialog = again.window()->openSettings();
    EXPECT_FALSE(dialog->notificationsCheck()->isChecked());
    EXPECT_FALSE(dialog->trayCheck()->isChecked());
    EXPECT_EQ(dialog->colorSchemeBox()->currentData().toString(), u"dark"_s);
    EXPECT_EQ(dialog->languageBox()->currentData().toString(), u"ko"_s);
    dialog->reject();
}

TEST(Settings, CancelChangesNothing)
{
    GlobalLookGuard guard;
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, nullptr, &nam);
    prego::MainWindow *window = console.window();
    const QString title = window->windowTitle();
    prego::SettingsDialog *dialog = window->openSettings();
    dialog->notificationsCheck()->setChecked(false);
    dialog->trayCheck()->setChecked(false);
    dialog->colorSchemeBox()->setCurrentIndex(dialog->colorSchemeBox()->findData(u"dark"_s));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"ko"_s));
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();

    EXPECT_TRUE(window->notifier()->isEnabled());
    EXPECT_TRUE(window->isTrayIconShown());
    EXPECT_FALSE(prego::StatusColors::isDark(QApplication::palette()));
    EXPECT_EQ(window->windowTitle(), title);
    settings.sync();
    EXPECT_TRUE(settings.allKeys().filter(u"ui/"_s).isEmpty())
        << settings.allKeys().join(u' ').toStdString();
    // Opened again, it shows what is in force, not what was cancelled.
    dialog = window->openSettings();
    EXPECT_TRUE(dialog->notificationsCheck()->isChecked());
    EXPECT_EQ(dialog->colorSchemeBox()->currentData().toString(), u"system"_s);
    dialog->reject();
}

namespace {

// A console started on a profile whose token is in the (memory) keychain; its control plane
// does not answer, which is all the layout needs.
struct Restartable
{
    QTemporaryDir home;
    std::unique_ptr<QSettings> settings;
    prego::MemorySecretStore keychain;
    QNetworkAccessManager nam;

    Restartable()
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
        settings =
            std::make_unique<QSettings>(home.filePath(u"console.conf"_s), QSettings::IniFormat);
        prego::ProfileStore store(*settings);
        for (const QString &name : {u"alpha"_s, u"beta"_s}) {
            prego::Profile p;
            p.name = name;
            p.baseUrl = QUrl(u"http://127.0.0.1:9"_s);
            p.pollIntervalSeconds = prego::Profile::MaxPollIntervalSeconds;
            store.save(p);
            QSignalSpy written(keychain.write(name, u"token-"_s + name),
                               &prego::SecretJob::finished);
            written.wait(2000);
        }
    }

    std::unique_ptr<prego::ConsoleApp> start(const QString &profile)
    {
        auto console = std::make_unique<prego::ConsoleApp>(*settings, &keychain, &nam);
        prego::ConsoleApp::Options options;
        options.profile = profile;
        console->start(options);
        [&] {
            ASSERT_TRUE(QTest::qWaitFor([&] { return console->poller(); }, 5000));
        }();
        return console;
    }
};

QHeaderView *nodeHeader(prego::ConsoleApp &console)
{
    return console.window()->dashboard()->table()->horizontalHeader();
}

} // namespace

TEST(ViewState, EachProfileGetsItsWindowSplitterAndColumnsBackAfterARestart)
{
    Restartable r;
    constexpr int Region = prego::NodeTableModel::RegionColumn;
    constexpr int Host = prego::NodeTableModel::NodeColumn;
    const QString job = u"0b9c3d6e-0000-4000-8000-000000000001"_s;
    QList<int> splitterSizes;
    {
        auto console = r.start(u"alpha"_s);
        prego::MainWindow *window = console->window();
        window->resize(1000, 640);
        QHeaderView *header = nodeHeader(*console);
        header->resizeSection(Region, 231);
        header->moveSection(header->visualIndex(Region), 0);
        console->window()->dashboard()->table()->sortByColumn(Host, Qt::DescendingOrder);
        console->window()->jobListView()->table()->horizontalHeader()->resizeSection(1, 177);
        window->openJob(job);
        QSplitter *splitter = window->jobWindow()->splitter();
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 2 + 40, total / 2 - 40});
        splitterSizes = splitter->sizes();
    }
    {
        auto console = r.start(u"alpha"_s);
        prego::MainWindow *window = console->window();
        EXPECT_EQ(window->size(), QSize(1000, 640));
        QHeaderView *header = nodeHeader(*console);
        EXPECT_EQ(header->sectionSize(Region), 231);
        EXPECT_EQ(header->visualIndex(Region), 0);
        EXPECT_EQ(header->sortIndicatorSection(), Host);
        EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
        EXPECT_EQ(window->jobListView()->table()->horizontalHeader()->sectionSize(1), 177);
        window->openJob(job);
        EXPECT_EQ(window->jobWindow()->splitter()->sizes(), splitterSizes);

        // Another profile has its own layout: the first-run one while it has none.
        console->switchProfile(u"beta"_s);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return console->currentProfile().name == u"beta"_s; }, 5000));
        EXPECT_NE(header->sectionSize(Region), 231);
        EXPECT_EQ(header->visualIndex(Region), Region);
        EXPECT_EQ(header->sortIndicatorSection(), int(prego::NodeTableModel::FreshnessColumn));
        header->resizeSection(Region, 143);
    }
    {
        auto console = r.start(u"beta"_s);
        EXPECT_EQ(nodeHeader(*console)->sectionSize(Region), 143);
        EXPECT_EQ(nodeHeader(*console)->visualIndex(Region), Region);
    }
    {
        auto console = r.start(u"alpha"_s);
        EXPECT_EQ(nodeHeader(*console)->sectionSize(Region), 231);
        // Removing a profile removes its layout.
        console->removeProfile(u"beta"_s);
    }
    r.settings->sync();
    EXPECT_FALSE(r.settings->value(u"views/beta/mainWindow/geometry"_s).isValid());
    EXPECT_TRUE(r.settings->value(u"views/alpha/mainWindow/geometry"_s).isValid());
    // Nothing of the token in the settings file.
    QFile file(r.home.filePath(u"console.conf"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains("token-"));
}
