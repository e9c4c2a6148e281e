#include "memorytuning.h"

#include <cstdlib> // defines __GLIBC__ (through <features.h>) before it is tested below

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace prego {

bool MemoryTuning::apply()
{
#if defined(__GLIBC__)
    constexpr int MmapThresholdBytes = 128 * 1024; // glibc's initial value, now fixed
    constexpr int Arenas = 2;
    // Setting the threshold also turns off its dynamic growth (mallopt(3)).
    const bool threshold = ::mallopt(M_MMAP_THRESHOLD, MmapThresholdBytes) == 1;
    const bool arenas = ::mallopt(M_ARENA_MAX, Arenas) == 1;
    return threshold && arenas;
#else
    return false;
#endif
}

void MemoryTuning::releaseFree()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

} // namespace prego
