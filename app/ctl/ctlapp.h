#pragma once

#include "errorreporter.h"

#include <QObject>
#include <QStringList>

#include <optional>

class QIODevice;
class QNetworkAccessManager;
class QSettings;
class QTextStream;

namespace prego {

class SecretStore;
struct WhoAmI;

// prego-ctl's composition root: the same core as the console, driven from the command line.
// Streams, settings, the keychain and the network are injected so tests can run it in-process.
class CtlApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CtlApp)

public:
    enum Exit {
        Ok = 0,
        Usage = 1,         // bad arguments or invalid input
        NotAuthorized = 2, // no token, 401, 403
        Unreachable = 3,   // network, TLS, timeout, 5xx, an answer that breaks the contract
        Keyring = 4,       // the keychain could not be used
        NotFound = 5,      // unknown profile, node or job
        JobFailed = 6,     // the job ended Failed (job, provision --wait, retry --wait)
        NotOffered = 7,    // the control plane does not offer the capability (silences, …)
        Firing = 8,        // alerts --exit-code: an alert is firing
    };

    struct Io
    {
        QTextStream *out;
        QTextStream *err;
        QIODevice *in;
        bool inIsTerminal = false;
    };

    CtlApp(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam, Io io,
           QObject *parent = nullptr);

    int run(const QStringList &arguments); // arguments without the program name
    static QString helpText();

private:
    int profiles(const QStringList &args);
    int login(const QStringList &args);
    int logout(const QStringList &args);
    int whoami(const QStringList &args);
    int nodes(const QStringList &args);

    // For commands whose only option is --profile NAME: its value; nullopt (exit code set) when
    // the arguments do not parse.
    std::optional<QString> profileOption(const QStringList &args, int *exitCode);
    QString readToken();
    // One line: the optional capabilities whoami listed, by their contract names.
    static QString offersText(const WhoAmI &who);

    QSettings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_nam;
    Io m_io;
    ErrorReporter m_errors;
};

} // namespace prego
