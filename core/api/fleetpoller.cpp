#include "fleetpoller.h"

#include "apiclient.h"
#include "domain/serverclock.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace prego {

FleetPoller::FleetPoller(ApiClient *client, ServerClock *clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_backoff(client->profile().pollIntervalSeconds * 1000)
{
    m_timer.setSingleShot(true);
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
    m_timer.stop();
    poll();
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
        const int delay = m_backoff.nextDelayMs(response.error->retryAfterSeconds);
        scheduleNext(delay);
        Q_EMIT pollFailed(*response.error);
        return;
    }
    m_backoff.reset();
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
    QThreadPool::globalInstance()->start([promise, body = response.body] {
        promise->start();
        promise->addResult(std::make_shared<Decoded<NodesSnapshot>>(ApiCodec::decodeNodes(body)));
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
    // The receivers keep what they need (the model its own copies of changed nodes): the rest is
    // freed on a worker thread, not in the UI thread's event.
    QThreadPool::globalInstance()->start([done = std::move(decoded)] { Q_UNUSED(done); });
}

} // namespace prego
