#include "jobspoller.h"

#include "controlplane.h"
#include "provisionsubmitter.h"
#include "storage/joboutbox.h"

#include <QDateTime>

namespace prego {

JobsPoller::JobsPoller(ControlPlane *controlPlane, JobOutbox *outbox, ProvisionSubmitter *submitter,
                       QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_outbox(outbox)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobsPoller::refresh);
    // A submit that ends changes a local row: list it at once.
    if (submitter)
        connect(submitter, &ProvisionSubmitter::submissionFinished, this, &JobsPoller::refresh);
}

void JobsPoller::setWatched(bool watched)
{
    m_watched = watched;
    if (watched)
        refresh();
    else
        m_timer.stop();
}

void JobsPoller::refresh()
{
    m_timer.stop();
    if (!m_controlPlane || m_call)
        return;
    m_call = m_controlPlane->jobs({}, this, [this](ApiResult<JobsPage> r) {
        m_call = nullptr; // done (deleted later): a refresh() from here on asks again
        if (r.ok())
            onAnswer(r.value, {});
        else
            onAnswer(std::nullopt, tr("The jobs could not be listed: %1").arg(r.error->message()));
    });
}

void JobsPoller::onAnswer(const std::optional<JobsPage> &page, const QString &problem)
{
    if (page) {
        m_serverJobs = page->jobs;
        m_listing.serverNowMs = page->serverTimeMs;
    } else if (!m_listing.answered) {
        m_listing.serverNowMs = QDateTime::currentMSecsSinceEpoch();
    }
    const QList<OutboxEntry> local = m_outbox ? m_outbox->all() : QList<OutboxEntry>{};
    m_listing.rows = JobList::merge(m_serverJobs, local);
    m_listing.problem = problem;
    m_listing.answered = true;
    if (m_watched)
        m_timer.start(JobList::hasActiveRows(m_listing.rows) ? ActiveRefreshMs : IdleRefreshMs);
    Q_EMIT listed(m_listing);
}

} // namespace prego
