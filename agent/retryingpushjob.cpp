#include "retryingpushjob.h"

#include "pushjob.h"

#include <algorithm>
#include <climits>

namespace prego::agent {

using namespace std::chrono_literals;

RetryingPushJob::RetryingPushJob(QNetworkAccessManager *network, MetricsEndpoint endpoint,
                                 QByteArray body, QString nodeId, RetryPolicy policy,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_body(std::move(body))
    , m_nodeId(std::move(nodeId))
    , m_policy(policy)
    , m_backoff(policy.base, policy.cap)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &RetryingPushJob::attempt);
}

RetryingPushJob::~RetryingPushJob()
{
    if (m_attempt)
        m_attempt->abort();
}

void RetryingPushJob::start()
{
    m_running = true;
    attempt();
}

void RetryingPushJob::attempt()
{
    ++m_attempts;
    m_attempt = new PushJob(m_network, m_endpoint, m_body, m_nodeId, this);
    connect(m_attempt, &PushJob::finished, this, &RetryingPushJob::onAttemptFinished);
    m_attempt->start();
}

void RetryingPushJob::onAttemptFinished(const PushResult &result)
{
    if (m_attempt) {
        m_attempt->deleteLater();
        m_attempt = nullptr;
    }
    m_lastResult = result;
    if (!result.retryable()) {
        finish(result);
        return;
    }
    if (m_policy.maxAttempts > 0 && m_attempts >= m_policy.maxAttempts) {
        finish(result);
        return;
    }
    // A Retry-After beyond the cap would outlast this push's usefulness: report it instead.
    if (result.retryAfter && *result.retryAfter > m_backoff.cap()) {
        PushResult given = result;
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(*result.retryAfter);
        given.message = tr("%1; it asked to be retried in %n s, later than this push can wait",
                           nullptr, int(std::min<qint64>(seconds.count(), INT_MAX)))
                            .arg(result.message);
        finish(given);
        return;
    }
    const std::chrono::milliseconds jitter = m_backoff.delay(m_attempts - 1);
    m_retryTimer.start(std::max(jitter, result.retryAfter.value_or(0ms)));
}

void RetryingPushJob::abandon()
{
    if (!m_running)
        return;
    m_retryTimer.stop();
    if (m_attempt) {
        m_attempt->abort();
        m_attempt->deleteLater();
        m_attempt = nullptr;
    }
    finish(m_lastResult.value_or(PushResult::unavailable(
        tr("no answer from the control plane before the next push was due"))));
}

void RetryingPushJob::finish(const PushResult &result)
{
    m_running = false;
    Q_EMIT finished(result, m_attempts);
}

} // namespace prego::agent
