#include "consoleapp.h"
#include "dashboardview.h"
#include "democontrolplane.h"
#include "mainwindow.h"
#include "nodetablemodel.h"
#include "profiledialog.h"
#include "readonlydir.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "simprocess.h"
#include "storage/profilestore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

TEST(ConsoleSession, CanaryTokenIsInNoFileUnderConfigOrDataDirectories)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(u"data"_s)));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(u"cache"_s)));

    const QString canary = u"canary-"_s + QUuid::createUuid().toString(QUuid::Id128);
    prego::test::SimProcess sim;
    sim.tokens.append({u"canary"_s, u"operator"_s, {}, canary});
    ASSERT_TRUE(sim.start({u"--demo-fleet"_s, u"4"_s})) << sim.error().toStdString();

    const QString settingsFile =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
        u"/prego/prego-console.conf"_s;
    ASSERT_TRUE(settingsFile.startsWith(home.path()));
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        prego::KeychainSecretStore keychain(u"prego-console-test-"_s +
                                            QUuid::createUuid().toString(QUuid::Id128));
        QNetworkAccessManager nam;
        prego::ConsoleApp console(settings, &keychain, &nam);

        prego::Profile profile;
        profile.name = u"canary"_s;
        profile.baseUrl = sim.baseUrl();
        ASSERT_TRUE(prego::ProfileStore(settings).save(profile).isEmpty());
        // The keychain when the session has one, else "keep for this session only".
        prego::SecretStore *store = &keychain;
        if (!prego::waitForSecretJob(keychain.write(profile.name, canary)).ok()) {
            store = console.sessionStore();
            ASSERT_TRUE(prego::waitForSecretJob(store->write(profile.name, canary)).ok());
        }
        QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
        console.openProfile(profile, store);
        ASSERT_TRUE(shown.wait(15000));
        EXPECT_EQ(console.window()->model()->rowCount(), 7);
        EXPECT_EQ(console.currentProfile().name, u"canary"_s);
        settings.sync();
        if (store == &keychain)
            prego::waitForSecretJob(keychain.remove(profile.name));
    }
    ASSERT_TRUE(QFile::exists(settingsFile));
    EXPECT_EQ(filesContaining(home.path(), canary.toUtf8()), QStringList{});
    EXPECT_EQ(filesContaining(home.path(), canary.toUtf8().toBase64()), QStringList{});
}

TEST(ConsoleSession, DemoStartsTheSimulatorWithATokenInMemoryOnly)
{
    qputenv("PREGO_CP_SIM", PREGO_CP_SIM_BINARY);
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, nullptr, &nam);
    QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
    console.startDemo();
    ASSERT_TRUE(shown.wait(20000));
    EXPECT_EQ(console.currentProfile().name, u"demo"_s);
    EXPECT_EQ(console.window()->model()->rowCount(), prego::DemoControlPlane::DefaultFleetSize + 3);
    settings.sync();
    EXPECT_TRUE(prego::ProfileStore(settings).list().isEmpty()); // nothing demo is saved
}

TEST(ConsoleSession, SwitchesBetweenSavedProfilesAndRemovesOneWithItsToken)
{
    prego::test::SimProcess first, second;
    ASSERT_TRUE(first.start({u"--demo-fleet"_s, u"4"_s})) << first.error().toStdString();
    ASSERT_TRUE(second.start({u"--demo-fleet"_s, u"6"_s})) << second.error().toStdString();
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    // A keychain service of this test's own, so parallel tests never share entries.
    prego::KeychainSecretStore keychain(u"prego-console-test-"_s +
                                        QUuid::createUuid().toString(QUuid::Id128));
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, &keychain, &nam);

    prego::Profile a;
    a.name = u"alpha"_s;
    a.baseUrl = first.baseUrl();
    prego::Profile b;
    b.name = u"beta"_s;
    b.baseUrl = second.baseUrl();
    prego::ProfileStore store(settings);
    ASSERT_TRUE(store.save(a).isEmpty());
    ASSERT_TRUE(store.save(b).isEmpty());
    prego::SecretStore *secrets = &keychain;
    if (!prego::waitForSecretJob(keychain.write(a.name, first.tokenFor(u"viewer"_s))).ok())
        secrets = console.sessionStore(); // no usable keyring: the session store, same code path
    ASSERT_TRUE(prego::waitForSecretJob(secrets->write(a.name, first.tokenFor(u"viewer"_s))).ok());
    ASSERT_TRUE(prego::waitForSecretJob(secrets->write(b.name, second.tokenFor(u"viewer"_s))).ok());

    QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
    console.openProfile(a, secrets);
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_EQ(console.window()->model()->rowCount(), 7); // 4 shared + the globex trio

    // File → Switch profile lists both, the current one checked.
    QMenu *menu = console.window()->switchProfileMenu();
    QStringList listed;
    QString checked;
    for (QAction *action : menu->actions()) {
        listed.append(action->text());
        if (action->isChecked())
            checked = action->text();
    }
    EXPECT_EQ(listed, (QStringList{u"alpha"_s, u"beta"_s}));
    EXPECT_EQ(checked, u"alpha"_s);

    if (secrets == &keychain) {
        // Switching reads beta's token from the keychain and connects to the other plane.
        console.switchProfile(u"beta"_s);
    } else {
        console.openProfile(b, secrets);
    }
    ASSERT_TRUE(shown.wait(15000));
    EXPECT_EQ(console.currentProfile().name, u"beta"_s);
    EXPECT_EQ(console.window()->model()->rowCount(), 9); // 6 shared + the trio

    // Removing beta forgets the profile and its token, and goes back to alpha.
    const qsizetype shownBefore = shown.count();
    console.removeProfile(u"beta"_s);
    EXPECT_FALSE(prego::ProfileStore(settings).find(u"beta"_s).has_value());
    if (secrets == &keychain) {
        EXPECT_EQ(prego::waitForSecretJob(keychain.read(u"beta"_s)).error.kind,
                  prego::SecretError::Kind::NotFound);
        // waitForSecretJob spins the event loop: alpha's first snapshot may already be shown.
        ASSERT_TRUE(shown.count() > shownBefore || shown.wait(15000));
        EXPECT_EQ(console.currentProfile().name, u"alpha"_s);
        EXPECT_EQ(console.window()->model()->rowCount(), 7);
        prego::waitForSecretJob(keychain.remove(u"alpha"_s));
    }
    listed.clear();
    for (QAction *action : menu->actions())
        listed.append(action->text());
    EXPECT_EQ(listed, QStringList{u"alpha"_s});
}

// First start without profiles: the welcome box offers the demo and "Add control plane…".
// Choosing the demo starts it; choosing "Add control plane…" opens the profile dialog.
TEST(ConsoleSession, FirstRunOffersTheDemoAndAddingAControlPlane)
{
    qputenv("PREGO_CP_SIM", PREGO_CP_SIM_BINARY);
    QTemporaryDir home;
    QSettings settings(home.filePath(u"console.conf"_s), QSettings::IniFormat);
    QNetworkAccessManager nam;
    {
        prego::ConsoleApp console(settings, nullptr, &nam);
        QStringList offered;
        QTimer::singleShot(200, [&offered] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr);
            QAbstractButton *demo = nullptr;
            for (QAbstractButton *button : box->buttons()) {
                offered.append(button->text());
                if (button->text() == u"Start the demo"_s)
                    demo = button;
            }
            ASSERT_NE(demo, nullptr);
            demo->click();
        });
        QSignalSpy shown(console.window(), &prego::MainWindow::snapshotShown);
        console.start({});
        EXPECT_TRUE(offered.contains(u"Add control plane…"_s))
            << offered.join(u", "_s).toStdString();
        ASSERT_TRUE(shown.wait(20000));
        EXPECT_EQ(console.currentProfile().name, u"demo"_s);
    }
    {
        prego::ConsoleApp console(settings, nullptr, &nam);
        bool profileDialogOpened = false;
        QTimer::singleShot(200, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr);
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == u"Add control plane…"_s)
                    button->click();
            }
        });
        console.start({});
        QTimer::singleShot(0, [&profileDialogOpened] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<prego::ProfileDialog *>(w);
                    dialog && dialog->isVisible()) {
                    profileDialogOpened = true;
                    dialog->reject();
                }
            }
        });
        QTest::qWait(300);
        EXPECT_TRUE(profileDialogOpened);
    }
}

// Issue 9: a settings folder that cannot be written (XDG_CONFIG_HOME read-only). Removing a
// profile tells the operator why it could not be done, in a message box, and keeps the profile;
// the console does not crash and does not pretend.
TEST(ConsoleSession, ARemoveThatCannotBeWrittenIsReportedAndTheProfileKept)
{
    QTemporaryDir home;
    const QString configDir = home.filePath(u"config"_s);
    ASSERT_TRUE(QDir().mkpath(configDir));
    const QString file = QDir(configDir).filePath(u"console.conf"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        prego::Profile p;
        p.name = u"kept"_s;
        p.baseUrl = QUrl(u"https://cp.example.net"_s);
        ASSERT_EQ(prego::ProfileStore(settings).save(p), QString());
    }
    prego::test::ReadOnlyDir readOnly(configDir);
    if (!readOnly.ok())
        GTEST_SKIP() << "the settings folder cannot be made read-only here: " << readOnly.why();

    QSettings settings(file, QSettings::IniFormat);
    QNetworkAccessManager nam;
    prego::ConsoleApp console(settings, nullptr, &nam);
    QString shown;
    QTimer::singleShot(200, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    console.removeProfile(u"kept"_s);
    EXPECT_TRUE(shown.contains(u"could not be written"_s)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(u"read-only"_s)) << shown.toStdString();
    // Still listed in this process, and still in the file.
    EXPECT_TRUE(prego::ProfileStore(settings).find(u"kept"_s).has_value())
        << "the profile vanished from the console";
    QFile stored(file);
    ASSERT_TRUE(stored.open(QIODevice::ReadOnly));
    EXPECT_TRUE(stored.readAll().contains("cp.example.net")) << "the profile was lost";
}
