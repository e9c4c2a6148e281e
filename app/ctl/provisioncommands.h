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
struct JobStage;

// prego-ctl's provisioning commands: provision, retry and recover. Same request rules, same local
// outbox and same submitter as the console's wizard. Every command that opens the outbox first
// recovers rows that were sent but never answered (startup recovery).
class ProvisionCommands
{
    Q_DECLARE_TR_FUNCTIONS(prego::ProvisionCommands)

public:
    ProvisionCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                      CtlApp::Io io);

    static bool handles(const QString &command);
    // The help of every provisioning command: these, the job queries (JobQueryCommands) and
    // verify (VerifyCommand).
    static QString helpText();
    int run(const QString &command, const QStringList &args);

private:
    int provision(const QStringList &args);
    int retry(const QStringList &args);
    int recover(const QStringList &args);
    int follow(const QString &jobId);
    void printTimelineLine(const Job &job, const JobStage &stage);

    CtlApp::Io m_io;
    ErrorReporter m_errors;
    CtlSession m_session;
    int m_followIntervalMs = 1000;
};

} // namespace prego
