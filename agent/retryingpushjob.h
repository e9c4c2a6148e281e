#pragma once

#include "backoff.h"
#include "metricsendpoint.h"
#include "pushresult.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace prego::agent {

class PushJob;

// Pushes one sample, retrying network errors, 429 and 5xx with exponential backoff and full
// jitter, waiting at least as long as a Retry-After header asks. Emits finished() once, with the
// last attempt's result; the retries in between are not reported, so a storm is one log line.
class RetryingPushJob final : public QObject
{
    Q_OBJECT

public:
    RetryingPushJob(QNetworkAccessManager *network, MetricsEndpoint endpoint, QByteArray body,
                    QString nodeId, RetryPolicy policy, QObject *parent = nullptr);
    ~RetryingPushJob() override;

    void start();
    // Gives up now (the next push is due) and reports the last failure.
    void abandon();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const prego::agent::PushResult &result, int attempts);

private:
    void attempt();
    void onAttemptFinished(const prego::agent::PushResult &result);
    void finish(const PushResult &result);

    QPointer<QNetworkAccessManager> m_network;
    MetricsEndpoint m_endpoint;
    QByteArray m_body;
    QString m_nodeId;
    RetryPolicy m_policy;
    Backoff m_backoff;
    PushJob *m_attempt = nullptr; // owned: parented to this job
    QTimer m_retryTimer;
    std::optional<PushResult> m_lastResult;
    int m_attempts = 0;
    bool m_running = false;
};

} // namespace prego::agent
