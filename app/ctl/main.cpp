#include "ctlapp.h"
#include "i18n/translations.h"
#include "secrets/coredumpguard.h"
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // Before the token is read from stdin or the keychain: a crash must not write it into a core.
    prego::CoreDumpGuard::apply();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"prego"_s);
    QCoreApplication::setApplicationName(u"prego-console"_s); // shares the console's profiles

    QStringList args = app.arguments().mid(1);
    // --lang ko|en overrides the locale (LANG / LC_ALL / LC_MESSAGES).
    QString language;
    if (const qsizetype i = args.indexOf(u"--lang"_s); i >= 0 && i + 1 < args.size()) {
        language = args.at(i + 1);
        args.remove(i, 2);
    }
    prego::Translations::install(prego::Translations::resolve(language));
    if (args.size() == 1 && args.first() == u"--version") {
        std::printf("prego-ctl %s (Qt %s)\n", PREGO_VERSION, qVersion());
        return 0;
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    QSettings settings;
    prego::KeychainSecretStore secrets;
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    prego::CtlApp ctl(settings, secrets, nam, {&out, &err, &in, ::isatty(STDIN_FILENO) == 1});
    const int code = ctl.run(args);
    out.flush();
    err.flush();
    return code;
}
