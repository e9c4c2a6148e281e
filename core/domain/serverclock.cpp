#include "serverclock.h"

#include <QDateTime>

namespace prego {

ServerClock::ServerClock(WallClock localWallClock)
    : m_localWallClock(localWallClock ? std::move(localWallClock)
                                      : [] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void ServerClock::sync(qint64 serverTimeMs)
{
    m_serverTimeAtSyncMs = serverTimeMs;
    m_sinceSync.start();
    m_extraElapsedMs = 0;
    m_skewMs = serverTimeMs - m_localWallClock();
}

qint64 ServerClock::nowMs() const
{
    if (!m_serverTimeAtSyncMs)
        return m_localWallClock();
    return *m_serverTimeAtSyncMs + m_sinceSync.elapsed() + m_extraElapsedMs;
}

std::optional<qint64> ServerClock::msSinceSync() const
{
    if (!m_serverTimeAtSyncMs)
        return std::nullopt;
    return m_sinceSync.elapsed() + m_extraElapsedMs;
}

} // namespace prego
