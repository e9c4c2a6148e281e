#pragma once

#include "backoff.h"
#include "controlplane.h"
#include "types/node.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace prego {

class ApiCall;
class ControlPlane;
class ServerClock;

// Polls GET /internal/nodes on the profile's interval with If-None-Match, decodes answers on a
// worker thread, backs off with jitter after failures and honours Retry-After. It only reports
// facts; models and views decide what they mean.
class FleetPoller final : public QObject
{
    Q_OBJECT
public:
    FleetPoller(ControlPlane *controlPlane, ServerClock *clock, QObject *parent = nullptr);
    ~FleetPoller() override;

    void start();
    void stop();
    // F5: poll at once, resetting the backoff; but not before a Retry-After the server asked for.
    void pollNow();
    // The longest wait between failed polls (default 5 min); tests compress an outage with it.
    void setBackoffCapMs(int capMs) { m_backoff.setCapMs(capMs); }
    // Tests: a backoff with a known jitter, so the waits of an outage can be counted.
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    bool isRunning() const { return m_running; }
    int consecutiveFailures() const { return m_backoff.failures(); }
    int nextDelayMs() const { return m_nextDelayMs; }

Q_SIGNALS:
    void snapshotReceived(const prego::NodesSnapshot &snapshot);
    void notModified();
    void pollFailed(const prego::ApiError &error);
    void pollStarted();

private:
    void poll();
    void onAnswer(ApiResult<NodesSnapshot> result);
    int intervalMs() const;
    void scheduleNext(int delayMs);
    static qint64 steadyNowMs();

    QPointer<ControlPlane> m_controlPlane;
    ServerClock *m_clock;
    QTimer m_timer;
    QPointer<ApiCall> m_inFlight;
    // The last snapshot emitted: the next one is compared with it on the decode thread
    // (SnapshotDelta). Its strings are shared with the model's copies, so keeping it costs
    // little more than its list of nodes.
    std::shared_ptr<const NodesSnapshot> m_previous;
    QByteArray m_etag;
    Backoff m_backoff;
    bool m_running = false;
    bool m_busy = false; // a call or its decode is under way
    int m_nextDelayMs = 0;
    qint64 m_notBeforeMs = 0; // steady clock: no request before this (Retry-After)
};

} // namespace prego
