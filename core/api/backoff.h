#pragma once

#include <functional>
#include <optional>

namespace prego {

// Exponential backoff with full jitter between failed attempts: the k-th delay is drawn
// uniformly from [floor, min(cap, floor * 2^k)], and never shorter than the server's Retry-After.
// The floor (the poll interval) keeps a failing poll from ever running faster than a healthy one.
class Backoff
{
public:
    using Random = std::function<double()>; // uniform in [0, 1); injectable for tests

    Backoff(int floorMs, int capMs = 5 * 60 * 1000, Random random = {});

    int nextDelayMs(std::optional<int> retryAfterSeconds = std::nullopt);
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }
    void setFloorMs(int floorMs) { m_floorMs = floorMs; }
    void setCapMs(int capMs) { m_capMs = capMs; }
    int capMs() const { return m_capMs; }

private:
    int m_floorMs;
    int m_capMs;
    Random m_random;
    int m_failures = 0;
};

} // namespace prego
