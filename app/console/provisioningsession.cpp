#include "provisioningsession.h"

#include "api/controlplane.h"
#include "api/jobfollower.h"
#include "api/jobspoller.h"
#include "api/provisionsubmission.h"
#include "api/provisionsubmitter.h"
#include "api/verificationloader.h"
#include "joblistview.h"
#include "jobwindow.h"
#include "mainwindow.h"
#include "provisionwizard.h"
#include "storage/joboutbox.h"
#include "verificationview.h"

namespace prego {

ProvisioningSession::ProvisioningSession(QString profileName, ControlPlane *controlPlane,
                                         std::unique_ptr<JobOutbox> outbox, MainWindow *window,
                                         QObject *parent)
    : QObject(parent)
    , m_profileName(std::move(profileName))
    , m_controlPlane(controlPlane)
    , m_window(window)
    , m_outbox(std::move(outbox))
{
    if (m_outbox)
        m_submitter = new ProvisionSubmitter(controlPlane, m_outbox.get(), this);
    m_jobsPoller = new JobsPoller(controlPlane, m_outbox.get(), m_submitter, this);

    JobListView *jobs = window->jobListView();
    jobs->clear();
    connect(m_jobsPoller, &JobsPoller::listed, jobs, &JobListView::showListing);
    connect(jobs, &JobListView::watchedChanged, m_jobsPoller, &JobsPoller::setWatched);
    if (jobs->isVisible())
        m_jobsPoller->setWatched(true);

    connect(window->verificationView(), &VerificationView::evaluationRequested, this,
            &ProvisioningSession::evaluate);
    if (window->jobWindow())
        attachJobWindow(window->jobWindow());
    connect(window, &MainWindow::jobWindowCreated, this, &ProvisioningSession::attachJobWindow);
    connect(window, &MainWindow::wizardOpened, this, &ProvisioningSession::attachWizard);
    window->setProvisioning(m_submitter != nullptr, true);
}

ProvisioningSession::~ProvisioningSession()
{
    m_window->setProvisioning(false, false);
    m_window->jobListView()->clear();
    delete m_follower;
    delete m_loader;
    // Its running submissions stop; their outbox rows are recovered on the next start.
    delete m_submitter;
}

QList<ProvisionSubmission *> ProvisioningSession::recover()
{
    return m_submitter ? m_submitter->recover() : QList<ProvisionSubmission *>{};
}

void ProvisioningSession::attachJobWindow(JobWindow *view)
{
    connect(view, &JobWindow::jobRequested, this, &ProvisioningSession::follow);
    connect(view, &JobWindow::retryRequested, this, &ProvisioningSession::retry);
    if (!view->jobId().isEmpty() && view->isVisible())
        follow(view->jobId()); // shown before this profile connected: ask this control plane
}

void ProvisioningSession::attachWizard(ProvisionWizard *wizard)
{
    connect(wizard, &ProvisionWizard::submitRequested, this,
            [this, wizard](const ProvisionRequest &request) {
                if (!m_submitter)
                    return;
                ProvisionSubmission *s = m_submitter->submit(request, m_profileName);
                connect(s, &ProvisionSubmission::stateChanged, wizard,
                        [wizard](OutboxState, const QString &note) {
                            wizard->showSubmissionProgress(note);
                        });
                connect(s, &ProvisionSubmission::finished, wizard,
                        &ProvisionWizard::showSubmissionResult);
            });
}

void ProvisioningSession::follow(const QString &jobId)
{
    delete m_follower;
    JobWindow *view = m_window->jobWindow();
    if (!view || !m_controlPlane)
        return;
    m_follower = new JobFollower(m_controlPlane, jobId, JobWindow::FollowIntervalMs, this);
    connect(m_follower, &JobFollower::jobUpdated, view,
            [view, jobId](const Job &job, const QByteArray &raw) {
                if (view->jobId() == jobId) // not an answer for a job no longer shown
                    view->setJob(job, raw);
            });
    connect(m_follower, &JobFollower::finished, view,
            [view, jobId](const JobFollower::Result &result) {
                if (result.error && result.error->kind != ApiError::Kind::Cancelled &&
                    view->jobId() == jobId)
                    view->showLoadError(*result.error);
            });
    m_follower->start();
}

void ProvisioningSession::retry(const QString &jobId)
{
    JobWindow *view = m_window->jobWindow();
    if (!m_controlPlane || !view)
        return;
    m_controlPlane->retry(jobId, this, [this, view, jobId](ApiResult<Job> r) {
        if (!r.ok() && r.error->kind != ApiError::Kind::Decode) {
            view->showRetryResult(r.error);
            return;
        }
        view->showRetryResult(std::nullopt);
        if (r.value && view->jobId() == jobId)
            view->setJob(*r.value, r.body);
        follow(jobId); // resumed: follow it to its new end
    });
}

void ProvisioningSession::evaluate()
{
    if (m_loader || !m_controlPlane)
        return; // one evaluation at a time
    VerificationView *view = m_window->verificationView();
    m_loader = new VerificationLoader(m_controlPlane, view->staleAfterSeconds(), this);
    connect(m_loader, &VerificationLoader::finished, view, [view](const VerificationInput &input) {
        view->showResults(Verification::evaluate(input));
    });
    m_loader->start();
}

} // namespace prego
