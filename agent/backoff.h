#pragma once

#include <QRandomGenerator>

#include <chrono>

namespace prego::agent {

// Exponential backoff with full jitter: retry n waits a uniformly random time in
// [0, min(cap, base * 2^n)], which spreads a fleet's retries instead of synchronising them.
class Backoff
{
public:
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap,
            QRandomGenerator random = QRandomGenerator::securelySeeded());

    // The upper bound for retry `retry` (0 for the first retry).
    std::chrono::milliseconds ceiling(int retry) const;
    std::chrono::milliseconds delay(int retry);

    std::chrono::milliseconds cap() const { return m_cap; }

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_cap;
    QRandomGenerator m_random;
};

} // namespace prego::agent
