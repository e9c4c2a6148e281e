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

// prego-ctl's alerts: `alerts` polls the fleet once, evaluates the profile's alert rules on top of
// what the profile's alerts file holds (the console's, when it runs on this machine: the same
// windows and acknowledgements) and lists what is pending, firing or unknown; with --exit-code it
// exits Firing while an alert of an unsilenced node fires, for cron and scripts. `ack` records
// "I am on it" with a comment.
class AlertCommands
{
    Q_DECLARE_TR_FUNCTIONS(prego::AlertCommands)

public:
    AlertCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                  CtlApp::Io io);

    static bool handles(const QString &command);
    static QString helpText();
    int run(const QString &command, const QStringList &args);

private:
    int alerts(const QStringList &args);
    int ack(const QStringList &args);

    CtlApp::Io m_io;
    ErrorReporter m_errors;
    CtlSession m_session;
};

} // namespace prego
