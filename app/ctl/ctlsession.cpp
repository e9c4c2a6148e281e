#include "ctlsession.h"

#include "api/apiclient.h"
#include "api/controlplane.h"
#include "api/provisionsubmitter.h"
#include "ctlapp.h"
#include "domain/jobtext.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "storage/joboutbox.h"
#include "storage/profilestore.h"
#include "types/profile.h"

#include <QEventLoop>
#include <QTextStream>

namespace prego {

CtlSession::CtlSession(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &nam,
                       QTextStream &err)
    : m_settings(settings)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_err(err)
    , m_errors(err)
{}

CtlSession::~CtlSession() = default;

bool CtlSession::findProfile(const QString &name, int *exitCode)
{
    if (name.isEmpty()) {
        *exitCode = m_errors.fail(CtlApp::Usage, tr("Name a profile with --profile NAME."));
        return false;
    }
    ProfileStore store(m_settings);
    const auto profile = store.find(name);
    if (!profile) {
        *exitCode =
            m_errors.fail(CtlApp::NotFound, tr("There is no profile named %1; see 'prego-ctl "
                                               "profiles list'.")
                                                .arg(name));
        return false;
    }
    m_profile = std::make_unique<Profile>(*profile);
    return true;
}

bool CtlSession::useStoredToken(int *exitCode)
{
    const SecretResult secret = waitForSecretJob(m_secrets.read(m_profile->name));
    if (!secret.ok()) {
        if (secret.error.kind == SecretError::Kind::NotFound)
            *exitCode = m_errors.fail(CtlApp::NotAuthorized,
                                      tr("No token is stored for profile %1. Run 'prego-ctl login "
                                         "--profile %1' first.")
                                          .arg(m_profile->name));
        else
            *exitCode = m_errors.fail(CtlApp::Keyring, secret.error.message());
        return false;
    }
    useToken(*secret.secret);
    return true;
}

void CtlSession::useToken(const QString &token)
{
    m_controlPlane.reset();
    m_client = std::make_unique<ApiClient>(&m_nam, *m_profile);
    m_client->setToken(token);
    m_controlPlane = std::make_unique<ControlPlane>(m_client.get());
}

bool CtlSession::open(const QString &profileName, int *exitCode)
{
    return findProfile(profileName, exitCode) && useStoredToken(exitCode);
}

bool CtlSession::openWithOutbox(const QString &profileName, int *exitCode)
{
    return open(profileName, exitCode) && openOutbox(exitCode);
}

bool CtlSession::openOutbox(int *exitCode)
{
    m_outbox = std::make_unique<JobOutbox>(JobOutbox::defaultPath(m_profile->name));
    if (const QString error = m_outbox->open(); !error.isEmpty()) {
        *exitCode = m_errors.fail(CtlApp::Usage, error);
        return false;
    }
    return true;
}

void CtlSession::recoverOutbox(bool verbose)
{
    ProvisionSubmitter submitter(m_controlPlane.get(), m_outbox.get());
    // One look per row: what stays unknown is looked up again next time.
    submitter.setOptions({1, 1000, 1000});
    QEventLoop loop;
    int open = 0;
    QObject::connect(
        &submitter, &ProvisionSubmitter::submissionFinished, &loop, [&](const SubmitResult &r) {
            if (r.accepted() && r.replayed)
                m_err << tr("prego-ctl: job %1 was sent before without an "
                            "answer; the control plane has it (%2).")
                             .arg(r.jobId, r.job ? JobText::jobStatus(r.job->status) : QString())
                      << Qt::endl;
            else if (r.accepted())
                m_err << tr("prego-ctl: job %1 never reached the control plane; "
                            "the stored request was sent again and accepted.")
                             .arg(r.jobId)
                      << Qt::endl;
            else if (r.rejected())
                m_err << tr("prego-ctl: job %1 was rejected: %2").arg(r.jobId, r.message)
                      << Qt::endl;
            else
                m_err << tr("prego-ctl: the outcome of job %1 is still unknown: "
                            "%2")
                             .arg(r.jobId, r.message)
                      << Qt::endl;
            if (--open == 0)
                loop.quit();
        });
    open = int(submitter.recover().size());
    if (open > 0)
        loop.exec();
    else if (verbose)
        m_err << tr("prego-ctl: no job is waiting for an answer.") << Qt::endl;
}

const Profile &CtlSession::profile() const
{
    Q_ASSERT(m_profile);
    return *m_profile;
}

ControlPlane &CtlSession::controlPlane() const
{
    Q_ASSERT(m_controlPlane);
    return *m_controlPlane;
}

JobOutbox &CtlSession::outbox() const
{
    Q_ASSERT(m_outbox);
    return *m_outbox;
}

} // namespace prego
