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
struct Job;

// prego-ctl's job queries: `jobs` lists the control plane's jobs together with local ones it has
// not confirmed yet, `job` shows one job and its trace. Like every command that opens the outbox,
// they first recover rows that were sent but never answered.
class JobQueryCommands
{
    Q_DECLARE_TR_FUNCTIONS(prego::JobQueryCommands)

public:
    JobQueryCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                     CtlApp::Io io);

    static bool handles(const QString &command);
    int run(const QString &command, const QStringList &args);

private:
    int jobs(const QStringList &args);
    int job(const QStringList &args);
    void printJob(const Job &job);

    CtlApp::Io m_io;
    ErrorReporter m_errors;
    CtlSession m_session;
};

} // namespace prego
