#include "consoleapp.h"
#include "i18n/translations.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"prego"_s);
    QApplication::setApplicationName(u"prego-console"_s); // shares profiles with prego-ctl

    const QStringList args = app.arguments().mid(1);
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::fputs(qUtf8Printable(prego::ConsoleApp::helpText()), stdout);
        return 0;
    }
    QString error;
    const auto options = prego::ConsoleApp::parse(args, &error);
    // --lang for this run, else the choice remembered from View → Language, else the system's.
    QString language = options ? options->language : QString();
    if (language.isEmpty())
        language = prego::ConsoleApp::rememberedLanguage();
    prego::Translations::install(prego::Translations::resolve(language));
    if (!options) {
        std::fprintf(stderr, "prego-console: %s\n", qUtf8Printable(error));
        return 1;
    }

    QSettings settings;
    prego::KeychainSecretStore keychain;
    // The one QNetworkAccessManager; ApiClient sets the redirect policy per request.
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    prego::ConsoleApp console(settings, &keychain, &nam);
    QObject::connect(&console, &prego::ConsoleApp::exitRequested, &app, &QApplication::exit);
    console.start(*options);
    return app.exec();
}
