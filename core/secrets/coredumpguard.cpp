#include "coredumpguard.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace prego {

CoreDumpGuard::Outcome CoreDumpGuard::apply()
{
    if (qEnvironmentVariableIntValue("PREGO_ALLOW_CORE_DUMPS") == 1)
        return Outcome::AllowedByEnvironment;
#ifdef Q_OS_LINUX
    // Both: PR_SET_DUMPABLE alone still lets the kernel write a root-only core when
    // fs.suid_dumpable is 2, and RLIMIT_CORE alone does not stop a core_pattern pipe.
    const rlimit none{0, 0};
    const bool limited = ::setrlimit(RLIMIT_CORE, &none) == 0;
    const bool undumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return limited && undumpable ? Outcome::Disabled : Outcome::Failed;
#else
    return Outcome::Failed;
#endif
}

bool CoreDumpGuard::isDumpable()
{
#ifdef Q_OS_LINUX
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
#else
    return true;
#endif
}

} // namespace prego
