#include "provisioningsession.h"

#include "api/controlplane.h"
#include "api/dodinputloader.h"
#include "api/jobfollower.h"
#include "api/jobspoller.h"
#include "api/provisionsubmitter.h"
#include "jobsview.h"
#include "jobview.h"
#include "mainwindow.h"
#include "storage/joboutbox.h"
#include "verificationview.h"

namespace prego {

ProvisioningSession::ProvisioningSession(ControlPlane *controlPlane,
                                         std::unique_ptr<JobOutbox> outbox, MainWindow *window,
                                         QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_window(window)
    , m_outbox(std::move(outbox))
{
    if (m_outbox)
        m_submitter = new ProvisionSubmitter(controlPlane, m_outbox.get(), this);
    m_jobsPoller = new JobsPoller(controlPlane, m_outbox.get(), m_submitter, this);

    JobsView *jobs = window->jobsView();
    jobs->clear();
    connect(m_jobsPoller, &JobsPoller::listed, jobs, &JobsView::showListing);
    connect(jobs, &JobsView::watchedChanged, m_jobsPoller, &JobsPoller::setWatched);
    if (jobs->isVisible())
        m_jobsPoller->setWatched(true);

    connect(window->verificationView(), &VerificationView::evaluationRequested, this,
            &ProvisioningSession::evaluate);
    if (window->jobView())
        attachJobView(window->jobView());
    connect(window, &MainWindow::jobViewCreated, this, &ProvisioningSession::attachJobView);
    window->setProvisioning(m_submitter, true);
}

ProvisioningSession::~ProvisioningSession()
{
    m_window->setProvisioning(nullptr, false);
    m_window->jobsView()->clear();
    delete m_follower;
    delete m_loader;
    // Its running submissions stop; their outbox rows are recovered on the next start.
    delete m_submitter;
}

QList<ProvisionSubmission *> ProvisioningSession::recover()
{
    return m_submitter ? m_submitter->recover() : QList<ProvisionSubmission *>{};
}

void ProvisioningSession::attachJobView(JobView *view)
{
    connect(view, &JobView::jobRequested, this, &ProvisioningSession::follow);
    connect(view, &JobView::retryRequested, this, &ProvisioningSession::retry);
    if (!view->jobId().isEmpty() && view->isVisible())
        follow(view->jobId()); // shown before this profile connected: ask this control plane
}

void ProvisioningSession::follow(const QString &jobId)
{
    delete m_follower;
    JobView *view = m_window->jobView();
    if (!view || !m_controlPlane)
        return;
    m_follower = new JobFollower(m_controlPlane, jobId, JobView::FollowIntervalMs, this);
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
    JobView *view = m_window->jobView();
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
    m_loader = new DodInputLoader(m_controlPlane, view->staleAfterSeconds(), this);
    connect(m_loader, &DodInputLoader::finished, view,
            [view](const DodInput &input) { view->showResults(DodChecks::evaluate(input)); });
    m_loader->start();
}

} // namespace prego
