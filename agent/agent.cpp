#include "agent.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace prego::agent {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcAgent, "prego.agent", QtInfoMsg)

namespace {
TenantCountSource tenantSourceFor(const AgentConfig &config)
{
    if (!config.tenantCountFile.isEmpty())
        return TenantCountSource::fromFile(config.tenantCountFile);
    if (!config.tenantCountCommand.isEmpty())
        return TenantCountSource::fromCommand(config.tenantCountCommand);
    return TenantCountSource::none();
}
} // namespace

Agent::Agent(AgentConfig config, MetricsEndpoint endpoint, QNetworkAccessManager *network,
             QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_endpoint(std::move(endpoint))
    , m_network(network)
    , m_reader(m_config.procRoot, m_config.rootPath)
    , m_tenants(tenantSourceFor(m_config))
    , m_retryPolicy(m_config.once ? oncePolicy() : loopPolicy(m_config.interval))
{
    m_intervalTimer.setInterval(m_config.interval);
    connect(&m_intervalTimer, &QTimer::timeout, this, &Agent::collectAndPush);
}

Agent::~Agent() = default;

RetryPolicy Agent::oncePolicy()
{
    // A one-shot run (cron, a deploy check) should answer within a minute or so.
    return {2s, 30s, 4};
}

RetryPolicy Agent::loopPolicy(std::chrono::seconds interval)
{
    // Retries stop when the next push is due: its data is newer anyway.
    return {2s, std::min<std::chrono::milliseconds>(5min, interval), 0};
}

void Agent::start()
{
    if (!m_config.once) {
        qCInfo(lcAgent).noquote() << tr("pushing metrics for node %1 to %2 every %n s", nullptr,
                                        int(m_config.interval.count()))
                                         .arg(m_config.nodeId, m_endpoint.url().toDisplayString());
    }
    // The CPU percentage needs two samples; the first push comes one gap after this one.
    const Result<CpuTimes> cpu = m_reader.readCpuTimes();
    if (cpu.ok())
        m_lastCpu = cpu.value();
    QTimer::singleShot(m_cpuSampleGap, this, &Agent::collectAndPush);
}

MetricsSample Agent::collect()
{
    MetricsSample sample;
    sample.nodeId = m_config.nodeId;

    const Result<CpuTimes> cpu = m_reader.readCpuTimes();
    if (cpu.ok()) {
        if (m_lastCpu)
            sample.cpuPercent = CpuTimes::busyPercent(*m_lastCpu, cpu.value());
        m_lastCpu = cpu.value();
    } else {
        m_lastCpu.reset();
        qCWarning(lcAgent).noquote() << cpu.error();
    }

    const Result<double> memory = m_reader.readMemoryPercent();
    if (memory.ok())
        sample.memoryPercent = memory.value();
    else
        qCWarning(lcAgent).noquote() << memory.error();

    const Result<double> disk = m_reader.readDiskPercent();
    if (disk.ok())
        sample.diskPercent = disk.value();
    else
        qCWarning(lcAgent).noquote() << disk.error();

    const TenantCountSource::Reading tenants = m_tenants.read();
    sample.tenantCount = tenants.count;
    if (!tenants.warning.isEmpty())
        qCWarning(lcAgent).noquote() << tenants.warning;
    return sample;
}

void Agent::collectAndPush()
{
    // The control plane asked for a pause longer than one push could wait: pushing anyway every
    // interval is exactly the load it asked to shed. The next push's CPU covers the whole pause.
    if (!m_holdUntil.hasExpired())
        return;

    if (m_push && m_push->isRunning())
        m_push->abandon(); // reports its failure through onPushFinished
    if (m_push) {
        m_push->deleteLater();
        m_push = nullptr;
    }

    m_pushedSample = collect();
    const QByteArray body = QJsonDocument(m_pushedSample.toJson()).toJson(QJsonDocument::Compact);
    m_push = new RetryingPushJob(m_network, m_endpoint, body, m_config.nodeId, m_retryPolicy, this);
    connect(m_push, &RetryingPushJob::finished, this, &Agent::onPushFinished);
    m_push->start();

    if (!m_config.once && !m_intervalTimer.isActive())
        m_intervalTimer.start();
}

QString Agent::describe(const MetricsSample &sample)
{
    const auto percent = [](const std::optional<double> &value) {
        //: A percentage, e.g. "37.5%"
        return value ? tr("%1%").arg(MetricsSample::roundPercent(*value), 0, 'f', 1)
                     //: A metric value that could not be read
                     : tr("unknown");
    };
    return tr("CPU %1, memory %2, disk %3, tenants %4")
        .arg(percent(sample.cpuPercent), percent(sample.memoryPercent), percent(sample.diskPercent),
             sample.tenantCount ? QString::number(*sample.tenantCount) : tr("unknown"));
}

void Agent::onPushFinished(const PushResult &result, int attempts)
{
    Q_EMIT pushFinished(result, attempts);

    if (m_config.once) {
        if (result.ok()) {
            qCInfo(lcAgent).noquote() << tr("metrics pushed for node %1: %2")
                                             .arg(m_config.nodeId, describe(m_pushedSample));
        } else if (attempts > 1) {
            qCCritical(lcAgent).noquote()
                << tr("push failed after %n attempts: %1", nullptr, attempts).arg(result.message);
        } else {
            qCCritical(lcAgent).noquote() << tr("push failed: %1").arg(result.message);
        }
        Q_EMIT finished(result.exitCode());
        return;
    }

    // One line per push, however many retries it took.
    if (result.ok()) {
        if (m_failedPushes == 1) {
            qCInfo(lcAgent).noquote() << tr("pushes work again after one failed push");
        } else if (m_failedPushes > 1) {
            qCInfo(lcAgent).noquote()
                << tr("pushes work again after %n failed pushes", nullptr, m_failedPushes);
        } else if (!m_everPushed) {
            qCInfo(lcAgent).noquote() << tr("first metrics pushed for node %1: %2")
                                             .arg(m_config.nodeId, describe(m_pushedSample));
        }
        m_everPushed = true;
        m_failedPushes = 0;
        return;
    }
    ++m_failedPushes;
    if (result.retryAfter && result.retryAfter->count() > 0)
        m_holdUntil.setRemainingTime(*result.retryAfter);
    if (attempts > 1) {
        qCWarning(lcAgent).noquote()
            << tr("push failed after %n attempts: %1", nullptr, attempts).arg(result.message);
    } else {
        qCWarning(lcAgent).noquote() << tr("push failed: %1").arg(result.message);
    }
}

} // namespace prego::agent
