#pragma once

namespace prego {

// Keeps the token out of core dumps. A process that uses a bearer token has it in memory (in the
// client, in Qt's request headers and socket buffers, in freed blocks nobody overwrote): a core
// file of it would hold the token on disk, readable by whoever collects crash reports. So the
// console and prego-ctl make themselves non-dumpable at start (KeePassXC does the same): the
// kernel writes no core for them, and other processes of the same user can no longer ptrace them
// or read their /proc/PID/mem. The price: a crash leaves no core to debug; a developer who
// needs one sets PREGO_ALLOW_CORE_DUMPS=1 for that run (anyone who can set the console's
// environment can already LD_PRELOAD into it, so the switch gives an attacker nothing).
class CoreDumpGuard
{
public:
    enum class Outcome {
        Disabled,             // non-dumpable, core size limit 0
        AllowedByEnvironment, // PREGO_ALLOW_CORE_DUMPS=1: left as it was
        Failed,               // the kernel refused (not Linux, or a seccomp policy)
    };

    // Call first thing in main(), before any token is read.
    static Outcome apply();
    static bool isDumpable();
};

} // namespace prego
