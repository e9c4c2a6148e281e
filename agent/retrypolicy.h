#pragma once

#include <chrono>

namespace prego::agent {

// How one push retries: exponential backoff from `base` up to `cap`, for at most `maxAttempts`
// attempts (0: until the push is abandoned because the next one is due).
struct RetryPolicy
{
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{std::chrono::minutes(5)};
    int maxAttempts = 0;
};

} // namespace prego::agent
