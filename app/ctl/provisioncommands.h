#pragma once

#include "ctlapp.h"
#include "domain/dodchecks.h"
#include "errorreporter.h"
#include "types/job.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace prego {

class ApiClient;
class ControlPlane;
class JobOutbox;
class SecretStore;
struct Profile;

// prego-ctl's provisioning commands: jobs, job, retry, provision and recover. Same request rules,
// same local outbox and same submitter as the console's wizard. Every command that opens the
// outbox first recovers rows that were sent but never answered (startup recovery).
class ProvisionCommands
{
    Q_DECLARE_TR_FUNCTIONS(prego::ProvisionCommands)

public:
    // Exit code beyond CtlApp::Exit: the job ended Failed.
    static constexpr int JobFailed = 6;

    ProvisionCommands(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                      CtlApp::Io io);
    ~ProvisionCommands();

    static bool handles(const QString &command);
    static QString helpText();
    int run(const QString &command, const QStringList &args);

private:
    int jobs(const QStringList &args);
    int job(const QStringList &args);
    int retry(const QStringList &args);
    int provision(const QStringList &args);
    int recover(const QStringList &args);
    int verify(const QStringList &args);
    // verify --run-scenarios: submits E1, E2 and E3 as the wizard would and follows them; false
    // (exit code set) when they could not be started.
    bool runScenarios(int *exitCode);
    DodInput loadDodInput();

    // Profile, token (the control plane's client) and outbox; false (exit code set) when any is
    // missing.
    bool prepare(const QString &profileName, int *exitCode);
    void recoverOutbox(bool verbose);
    int follow(const QString &jobId);
    void printTimelineLine(const Job &job, const JobStage &stage);
    void printJob(const Job &job);

    QSettings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_nam;
    CtlApp::Io m_io;
    ErrorReporter m_errors;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ControlPlane> m_controlPlane;
    std::unique_ptr<JobOutbox> m_outbox;
    int m_followIntervalMs = 1000;
};

} // namespace prego
