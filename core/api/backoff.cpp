#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace prego {

Backoff::Backoff(int floorMs, int capMs, Random random)
    : m_floorMs(floorMs)
    , m_capMs(capMs)
    , m_random(random ? std::move(random)
                      : [] { return QRandomGenerator::global()->generateDouble(); })
{}

int Backoff::nextDelayMs(std::optional<int> retryAfterSeconds)
{
    const int exponent = std::min(m_failures, 20);
    const double ceiling = std::min<double>(m_capMs, double(m_floorMs) * double(1LL << exponent));
    ++m_failures;
    const double span = std::max(0.0, ceiling - m_floorMs);
    int delay = int(m_floorMs + span * m_random());
    if (retryAfterSeconds)
        delay = std::max(delay, *retryAfterSeconds * 1000);
    return std::min(delay, std::max(m_capMs, retryAfterSeconds.value_or(0) * 1000));
}

} // namespace prego
