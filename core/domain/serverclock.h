#pragma once

#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace prego {

// The control plane's clock as seen from here: the last server_time (or Date header) plus the
// monotonic time elapsed since it arrived. A local clock that is off by an hour still labels every
// node's age correctly. The local wall clock is only used to report skew.
class ServerClock
{
public:
    using WallClock = std::function<qint64()>; // ms since epoch; injectable for tests

    explicit ServerClock(WallClock localWallClock = {});

    void sync(qint64 serverTimeMs);
    bool isSynced() const { return m_serverTimeAtSyncMs.has_value(); }
    // Server time now; before the first sync, the local clock.
    qint64 nowMs() const;
    // Server minus local, in ms, measured at the last sync.
    qint64 skewMs() const { return m_skewMs; }
    // Milliseconds since the last sync (monotonic), or nullopt before the first.
    std::optional<qint64> msSinceSync() const;

    // For tests: pretend this much monotonic time passed since the last sync.
    void advanceForTesting(qint64 ms) { m_extraElapsedMs += ms; }

private:
    WallClock m_localWallClock;
    std::optional<qint64> m_serverTimeAtSyncMs;
    QElapsedTimer m_sinceSync;
    qint64 m_skewMs = 0;
    qint64 m_extraElapsedMs = 0;
};

} // namespace prego
