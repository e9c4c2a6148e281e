#include "appearance.h"
#include "consoleapp.h"
#include "consoleoptions.h"
#include "i18n/translations.h"
#include "logfile.h"
#include "mainwindow.h"
#include "memorytuning.h"
#include "secrets/coredumpguard.h"
#include "secrets/keychainsecretstore.h"
#include "signalwatcher.h"
#include "singleinstance.h"
#include "storage/consolesettings.h"

#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>

#include <csignal>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // Before anything reads a token: a crash must not write it into a core file.
    prego::CoreDumpGuard::apply();
    // Before any thread allocates: RSS stays flat over a day of polling.
    prego::MemoryTuning::apply();
    // Before QApplication, so that it works without a display (package checks, scripts).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("prego-console %s (Qt %s)\n", PREGO_VERSION, qVersion());
            return 0;
        }
    }
    QApplication app(argc, argv);
    // SIGTERM (logout, `kill`) and SIGINT (a terminal's Ctrl+C) leave the event loop like File →
    // Quit: the destructors save the settings and views and stop the demo's control plane.
    bool signalled = false;
    prego::SignalWatcher signalWatcher({SIGTERM, SIGINT});
    QObject::connect(&signalWatcher, &prego::SignalWatcher::signalReceived, &app, [&signalled] {
        signalled = true;
        QApplication::exit(0);
    });
    QApplication::setOrganizationName(u"prego"_s);
    QApplication::setApplicationName(u"prego-console"_s); // shares profiles with prego-ctl
    QApplication::setApplicationVersion(QStringLiteral(PREGO_VERSION));
    QGuiApplication::setDesktopFileName(u"io.prego.Console"_s); // the installed .desktop entry

    const QStringList args = app.arguments().mid(1);
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::fputs(qUtf8Printable(prego::ConsoleOptions::helpText()), stdout);
        return 0;
    }
    QString error;
    const auto options = prego::ConsoleOptions::parse(args, &error);
    // --lang for this run, else the choice remembered from View → Language, else the system's.
    QSettings settings;
    prego::ConsoleSettings preferences(settings);
    QString language = options ? options->language : QString();
    if (language.isEmpty())
        language = preferences.language();
    prego::Translations::install(prego::Translations::resolve(language));
    if (!options) {
        std::fprintf(stderr, "prego-console: %s\n", qUtf8Printable(error));
        return 1;
    }
    // --palette for this run, else Settings → Colours; "system" leaves the desktop's palette.
    const QString scheme =
        options->colorScheme.isEmpty() ? preferences.colorScheme() : options->colorScheme;
    prego::Appearance::apply(scheme);

    // One console per user: a second start hands over what it was asked to open and exits.
    // Screenshot runs are always their own.
    prego::SingleInstance instance(prego::SingleInstance::defaultKey());
    if (options->screenshotDir.isEmpty()) {
        QJsonObject request{{u"node"_s, options->node}, {u"job"_s, options->job}};
        if (instance.sendToRunning(request))
            return 0;
        instance.listen();
    }

    // The log: size-capped, in the state directory, never a secret.
    // (Qt 6.4 has no StateLocation: $XDG_STATE_HOME, else ~/.local/state, as the spec says.)
    const QString stateHome =
        qEnvironmentVariable("XDG_STATE_HOME", QDir::homePath() + u"/.local/state"_s);
    const QString logDir = QDir(stateHome).filePath(u"prego"_s);
    prego::LogFile::install(QDir(logDir).filePath(u"prego-console.log"_s));

    prego::KeychainSecretStore keychain;
    // The one QNetworkAccessManager; ApiClient sets the redirect policy per request.
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    prego::ConsoleApp console(settings, &keychain, &nam);
    QObject::connect(&console, &prego::ConsoleApp::exitRequested, &app, &QApplication::exit);
    console.window()->setLogFolder(logDir);
    QObject::connect(&instance, &prego::SingleInstance::messageReceived, &console,
                     &prego::ConsoleApp::activate);
    console.start(*options);
    // A signal handled by an event loop that ran before this one (a dialog's) must still end it.
    return signalled ? 0 : app.exec();
}
