#include "consoleapp.h"
#include "dashboardview.h"
#include "democontrolplane.h"
#include "mainwindow.h"
#include "nodetablemodel.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretjob.h"
#include "simprocess.h"
#include "storage/profilestore.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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
