#pragma once

#include "consoleapp.h"
#include "mainwindow.h"
#include "simprocess.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace prego::test {

// A console connected, as operator, to a real prego-cp-sim: its own settings file and data
// directory (XDG_DATA_HOME), its main window shown, the first snapshot on screen.
struct ConsoleSession
{
    QTemporaryDir home;
    SimProcess sim;
    std::unique_ptr<QSettings> settings;
    QNetworkAccessManager nam;
    std::unique_ptr<ConsoleApp> console;

    // beforeConnect runs once the sim listens and the settings exist, before the console starts.
    bool open(const QStringList &simArgs, const QString &profileName,
              const std::function<void()> &beforeConnect = {})
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
        if (!sim.start(simArgs))
            return false;
        settings = std::make_unique<QSettings>(home.filePath(QStringLiteral("console.conf")),
                                               QSettings::IniFormat);
        if (beforeConnect)
            beforeConnect();
        console = std::make_unique<ConsoleApp>(*settings, nullptr, &nam);
        Profile profile;
        profile.name = profileName;
        profile.baseUrl = sim.baseUrl();
        profile.pollIntervalSeconds = Profile::MinPollIntervalSeconds;
        console->window()->show();
        QSignalSpy shown(console->window(), &MainWindow::snapshotShown);
        console->connectWith(profile, sim.tokenFor(QStringLiteral("operator")),
                             console->sessionStore());
        return shown.wait(15000);
    }

    MainWindow *window() const { return console->window(); }
};

} // namespace prego::test
