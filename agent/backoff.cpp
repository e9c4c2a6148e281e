#include "backoff.h"

#include <algorithm>

namespace prego::agent {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap,
                 QRandomGenerator random)
    : m_base(base)
    , m_cap(cap)
    , m_random(random)
{}

std::chrono::milliseconds Backoff::ceiling(int retry) const
{
    // Past 2^30 the cap has long been reached; stopping there avoids overflow.
    const qint64 factor = qint64(1) << std::clamp(retry, 0, 30);
    const qint64 bound =
        m_base.count() > m_cap.count() / factor ? m_cap.count() : m_base.count() * factor;
    return std::chrono::milliseconds(std::min(bound, qint64(m_cap.count())));
}

std::chrono::milliseconds Backoff::delay(int retry)
{
    const qint64 bound = ceiling(retry).count();
    return std::chrono::milliseconds(bound <= 0 ? 0 : m_random.bounded(bound + 1));
}

} // namespace prego::agent
