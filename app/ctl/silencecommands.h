#pragma once

#include "ctlapp.h"
#include "ctlsession.h"
#include "errorreporter.h"

#include <QCoreApplication>
#include <QStringList>

class QNetworkAccessManager;
class QSettings;

namespace prego {

class SecretStore;
struct Silence;

// prego-ctl's maintenance commands, on a control plane that offers silences
// (control-plane-api.md, Silences): `silence` sets one for nodes or a region, `silences` lists
// them, `unsilence` ends one early. Without the capability each says so and exits NotOffered.
class SilenceCommands
{
    Q_DECLARE_TR_FUNCTIONS(prego::SilenceCommands)

public:
    SilenceCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                    CtlApp::Io io);

    static bool handles(const QString &command);
    static QString helpText();
    int run(const QString &command, const QStringList &args);

private:
    int silence(const QStringList &args);
    int silences(const QStringList &args);
    int unsilence(const QStringList &args);
    // open(), whoami, and the capability check. The server's clock is left in *serverNowMs.
    bool openOffering(const QString &profileName, qint64 *serverNowMs, int *exitCode);
    void printSilence(const Silence &silence, qint64 serverNowMs);

    CtlApp::Io m_io;
    ErrorReporter m_errors;
    CtlSession m_session;
};

} // namespace prego
