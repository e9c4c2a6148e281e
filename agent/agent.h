#pragma once

#include "agentconfig.h"
#include "cputimes.h"
#include "metricsendpoint.h"
#include "metricssample.h"
#include "pushresult.h"
#include "result.h"
#include "retryingpushjob.h"
#include "systemreader.h"
#include "tenantcountsource.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace prego::agent {

// Collects and pushes: once (--once) or every interval until the process is stopped.
class Agent final : public QObject
{
    Q_OBJECT

public:
    Agent(AgentConfig config, MetricsEndpoint endpoint, QNetworkAccessManager *network,
          QObject *parent = nullptr);
    ~Agent() override;

    // Test seams: shorter waits than production needs.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    void setCpuSampleGap(std::chrono::milliseconds gap) { m_cpuSampleGap = gap; }
    void setTenantCountSource(TenantCountSource source) { m_tenants = std::move(source); }

    void start();

    // The retry policies the agent uses unless a test sets another.
    static RetryPolicy oncePolicy();
    static RetryPolicy loopPolicy(std::chrono::seconds interval);

Q_SIGNALS:
    // Only in --once mode: the process should exit with this code.
    void finished(int exitCode);
    // After every push (with its retries), in both modes.
    void pushFinished(const prego::agent::PushResult &result, int attempts);

private:
    void collectAndPush();
    MetricsSample collect();
    void onPushFinished(const prego::agent::PushResult &result, int attempts);
    static QString describe(const MetricsSample &sample);

    AgentConfig m_config;
    MetricsEndpoint m_endpoint;
    QPointer<QNetworkAccessManager> m_network;
    SystemReader m_reader;
    TenantCountSource m_tenants;
    RetryPolicy m_retryPolicy;
    std::chrono::milliseconds m_cpuSampleGap{1000};
    std::optional<CpuTimes> m_lastCpu;
    QTimer m_intervalTimer;
    RetryingPushJob *m_push = nullptr; // owned: parented to this agent
    MetricsSample m_pushedSample;
    QDeadlineTimer m_holdUntil; // a Retry-After that outlasted the push asks for quiet until then
    int m_failedPushes = 0;
    bool m_everPushed = false;
};

} // namespace prego::agent
