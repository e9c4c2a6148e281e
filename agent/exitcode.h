#pragma once

namespace prego::agent {

// The process exit codes; --help documents them and scripts (and the tests) rely on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsageError = 1,  // bad options, unusable token file or CA file
    ExitRejected = 2,    // the control plane answered and refused the push (401/403/404/422…)
    ExitUnavailable = 3, // no usable answer after the retries (network, TLS, 429, 5xx)
};

} // namespace prego::agent
