#include "fleetpoller.h"

#include "apicall.h"
#include "apiclient.h"
#include "domain/serverclock.h"

#include <QCoreApplication>
#include <QThreadPool>

#include <chrono>
#include <utility>

#include <memory>

namespace prego {

FleetPoller::FleetPoller(ControlPlane *controlPlane, ServerClock *clock, QObject *parent)
    : QObject(parent)
    , m_controlPlane(controlPlane)
    , m_clock(clock)
    , m_backoff(controlPlane->client()->profile().pollIntervalSeconds * 1000)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5 % early: 100 ms before a 2 s Retry-After is before "not before".
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FleetPoller::poll);
}

FleetPoller::~FleetPoller()
{
    stop();
}

int FleetPoller::intervalMs() const
{
    return m_controlPlane && m_controlPlane->client()
               ? m_controlPlane->client()->profile().pollIntervalSeconds * 1000
               : 15000;
}

void FleetPoller::start()
{
    m_running = true;
    if (!m_busy)
        poll();
}

void FleetPoller::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_inFlight)
        m_inFlight->abort();
}

void FleetPoller::pollNow()
{
    m_backoff.reset();
    m_running = true;
    if (m_busy)
        return;
    // A server that said "not before" is not asked sooner because someone pressed F5 repeatedly.
    if (const qint64 wait = m_notBeforeMs - steadyNowMs(); wait > 0) {
        scheduleNext(int(wait));
        return;
    }
    m_timer.stop();
    poll();
}

qint64 FleetPoller::steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void FleetPoller::scheduleNext(int delayMs)
{
    m_nextDelayMs = delayMs;
    if (m_running)
        m_timer.start(delayMs);
}

void FleetPoller::poll()
{
    if (!m_controlPlane || m_busy)
        return;
    m_busy = true;
    Q_EMIT pollStarted();
    m_inFlight = m_controlPlane->nodes(
        this, [this](ApiResult<NodesSnapshot> r) { onAnswer(std::move(r)); }, m_etag, m_previous);
}

void FleetPoller::onAnswer(ApiResult<NodesSnapshot> result)
{
    m_busy = false;
    m_inFlight = nullptr;
    const int interval = intervalMs();
    if (result.dateMs && m_clock)
        m_clock->sync(*result.dateMs);
    if (!result.ok()) {
        const ApiError &e = *result.error;
        if (e.kind == ApiError::Kind::Cancelled && !m_running)
            return;
        if (e.kind == ApiError::Kind::Decode) {
            // A body that is not the contract: ask for the whole list again next time.
            m_etag.clear();
            scheduleNext(m_backoff.nextDelayMs());
            Q_EMIT pollFailed(e);
            return;
        }
        int delay = m_backoff.nextDelayMs(e.retryAfterSeconds);
        // Nothing listening (a control plane restarting, a laptop offline): no request reaches a
        // server, so the next try comes after one interval rather than a growing backoff, and the
        // data is back within one interval of the server's return. A server that answers (503,
        // 429) or hangs (timeout) is left alone longer, as the backoff says.
        if (e.noServer && !e.retryAfterSeconds)
            delay = interval;
        m_notBeforeMs = e.retryAfterSeconds ? steadyNowMs() + *e.retryAfterSeconds * 1000LL : 0;
        scheduleNext(delay);
        Q_EMIT pollFailed(e);
        return;
    }
    m_backoff.reset();
    m_notBeforeMs = 0;
    if (result.notModified) {
        // 304: the last snapshot is still current; no body, no decode.
        scheduleNext(interval);
        Q_EMIT notModified();
        return;
    }
    m_etag = result.etag;
    if (m_clock)
        m_clock->sync(result.value->serverTimeMs);
    scheduleNext(interval);
    Q_EMIT snapshotReceived(*result.value);
    // Kept for the next decode to compare with; the one it replaces (100,000 nodes, a million
    // strings) is freed on a worker thread, not in the UI thread's event.
    std::shared_ptr<const NodesSnapshot> replaced =
        std::exchange(m_previous, std::make_shared<const NodesSnapshot>(std::move(*result.value)));
    QThreadPool::globalInstance()->start([done = std::move(replaced)] { Q_UNUSED(done); });
}

} // namespace prego
