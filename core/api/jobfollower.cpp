#include "jobfollower.h"

#include "apicall.h"

namespace prego {

JobFollower::JobFollower(ControlPlane *controlPlane, QString jobId, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_jobId(std::move(jobId))
    , m_intervalMs(intervalMs)
    , m_backoff(intervalMs, 60 * 1000)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobFollower::poll);
}

void JobFollower::start()
{
    poll();
}

void JobFollower::stop()
{
    m_timer.stop();
    if (m_call)
        m_call->disconnect(this);
    finish({m_last, std::nullopt});
}

void JobFollower::poll()
{
    if (m_done || !m_controlPlane)
        return;
    m_call = m_controlPlane->job(m_jobId, this, [this](ApiResult<Job> r) { onAnswer(r); });
}

void JobFollower::onAnswer(const ApiResult<Job> &result)
{
    if (!result.ok()) {
        const ApiError &e = *result.error;
        if (e.isRetryable() && m_backoff.failures() + 1 < m_maxFailures) {
            m_timer.start(m_backoff.nextDelayMs(e.retryAfterSeconds));
            return;
        }
        finish({m_last, e});
        return;
    }
    m_backoff.reset();
    const Job &job = *result.value;
    m_last = job;
    Q_EMIT jobUpdated(job, result.body);
    for (const JobStage &stage : job.stages) {
        if (m_seen.value(stage.name) == stage.status)
            continue;
        m_seen.insert(stage.name, stage.status);
        if (stage.status != u"pending") // a retry resets the failed stage; not worth a line
            Q_EMIT stageChanged(job, stage);
    }
    if (job.isFinished()) {
        finish({job, std::nullopt});
        return;
    }
    m_timer.start(m_intervalMs);
}

void JobFollower::finish(Result result)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    Q_EMIT finished(result);
}

} // namespace prego
