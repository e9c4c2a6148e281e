#include "fleetpoller.h"

#include "apiclient.h"
#include "domain/serverclock.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThreadPool>

#include <chrono>
#include <utility>

#include <memory>

namespace prego {

FleetPoller::FleetPoller(ApiClient *client, ServerClock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_backoff(client->profile().pollIntervalSeconds * 1000)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire 5 % early: 100 ms before a 2 s Retry-After is before "not before".
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FleetPoller::poll);
    connect(&m_decodeWatcher, &QFutureWatcher<DecodedNodes>::finished, this,
            &FleetPoller::onDecoded);
}

FleetPoller::~FleetPoller()
{
    stop();
    m_decodeWatcher.waitForFinished();
}

void FleetPoller::start()
{
    m_running = true;
    if (!m_inFlight && !m_decoding)
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
    if (m_inFlight || m_decoding)
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
    if (!m_client || m_inFlight)
        return;
    Q_EMIT pollStarted();
    m_inFlight = m_client->get(QStringLiteral("/internal/nodes"), {}, m_etag);
    connect(m_inFlight, &ApiCall::finished, this, &FleetPoller::onFinished);
}

void FleetPoller::onFinished(const ApiResponse &response)
{
    m_inFlight = nullptr;
    const int interval = m_client ? m_client->profile().pollIntervalSeconds * 1000 : 15000;
    if (response.dateMs && m_clock)
        m_clock->sync(*response.dateMs);
    if (!response.ok()) {
        if (response.error->kind == ApiError::Kind::Cancelled && !m_running)
            return;
        const ApiError &e = *response.error;
        int delay = m_backoff.nextDelayMs(e.retryAfterSeconds);
        // Nothing listening (a control plane restarting, a laptop offline): no request reaches a
        // server, so the next try comes after one interval rather than a growing backoff, and the
        // data is back within one interval of the server's return. A server that answers (503,
        // 429) or hangs (timeout) is left alone longer, as the backoff says.
        if (e.noServer && !e.retryAfterSeconds)
            delay = interval;
        m_notBeforeMs = e.retryAfterSeconds ? steadyNowMs() + *e.retryAfterSeconds * 1000LL : 0;
        scheduleNext(delay);
        Q_EMIT pollFailed(*response.error);
        return;
    }
    m_backoff.reset();
    m_notBeforeMs = 0;
    if (response.notModified()) {
        // 304: the last snapshot is still current; no body, no decode.
        scheduleNext(interval);
        Q_EMIT notModified();
        return;
    }
    // Decode on a worker thread; the UI thread only receives the finished snapshot.
    m_decoding = true;
    m_pendingEtag = response.etag;
    auto promise = std::make_shared<QPromise<DecodedNodes>>();
    m_decodeWatcher.setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, body = response.body, previous = m_previous] {
        promise->start();
        auto decoded = std::make_shared<Decoded<NodesSnapshot>>(ApiCodec::decodeNodes(body));
        if (decoded->value)
            SnapshotDelta::mark(previous.get(), *decoded->value);
        promise->addResult(std::move(decoded));
        promise->finish();
    });
}

void FleetPoller::onDecoded()
{
    m_decoding = false;
    const int interval = m_client ? m_client->profile().pollIntervalSeconds * 1000 : 15000;
    // Moved out of the future: a result left there was freed (100,000 nodes, a million strings)
    // on the UI thread by the next poll's setFuture(). (Not takeResult(): it resets the future's
    // state, and the promise finishing on its thread then reports a second finished.)
    Decoded<NodesSnapshot> decoded = std::move(*m_decodeWatcher.future().result());
    if (!decoded.value) {
        ApiError e;
        e.kind = ApiError::Kind::Decode;
        e.detail = decoded.error;
        if (m_client)
            e.url = m_client->profile().baseUrl;
        m_etag.clear();
        scheduleNext(m_backoff.nextDelayMs());
        Q_EMIT pollFailed(e);
        return;
    }
    m_etag = m_pendingEtag;
    if (m_clock)
        m_clock->sync(decoded.value->serverTimeMs);
    scheduleNext(interval);
    Q_EMIT snapshotReceived(*decoded.value);
    // Kept for the next decode to compare with; the one it replaces (100,000 nodes, a million
    // strings) is freed on a worker thread, not in the UI thread's event.
    std::shared_ptr<const NodesSnapshot> replaced =
        std::exchange(m_previous, std::make_shared<const NodesSnapshot>(std::move(*decoded.value)));
    QThreadPool::globalInstance()->start([done = std::move(replaced)] { Q_UNUSED(done); });
}

} // namespace prego
