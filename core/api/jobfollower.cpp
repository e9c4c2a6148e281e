#include "jobfollower.h"

#include "apicall.h"
#include "apiclient.h"
#include "jobcodec.h"

using namespace Qt::StringLiterals;

namespace prego {

JobFollower::JobFollower(ApiClient *client, QString jobId, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
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
    if (m_done || !m_client)
        return;
    m_call = m_client->get(JobCodec::jobPath(m_jobId));
    connect(m_call, &ApiCall::finished, this, &JobFollower::onAnswer);
}

void JobFollower::onAnswer(const ApiResponse &response)
{
    if (!response.ok()) {
        const ApiError &e = *response.error;
        if (e.isRetryable() && m_backoff.failures() + 1 < m_maxFailures) {
            m_timer.start(m_backoff.nextDelayMs(e.retryAfterSeconds));
            return;
        }
        finish({m_last, e});
        return;
    }
    const Decoded<Job> decoded = JobCodec::decodeJob(response.body);
    if (!decoded.value) {
        ApiError e;
        e.kind = ApiError::Kind::Decode;
        e.detail = decoded.error;
        e.url = m_client->urlFor(u"/internal/provision-jobs"_s);
        finish({m_last, e});
        return;
    }
    m_backoff.reset();
    const Job &job = *decoded.value;
    m_last = job;
    Q_EMIT jobUpdated(job);
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
