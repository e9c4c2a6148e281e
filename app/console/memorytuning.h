#pragma once

namespace prego {

// How glibc's allocator should behave in a console that polls all day (the 2-hour soak showed
// why). Each poll allocates a few large blocks (the reply body, the decoded node list, the
// history batch) on several threads. By default glibc raises its mmap threshold to the size of
// the largest block freed so far, so after the first poll those blocks come from the heaps
// instead of fresh mappings; and every thread that allocates gets a heap ("arena") of its own.
// Large blocks freed in the middle of a heap cannot be given back, so each arena keeps the
// high-water mark of what ran through it: RSS crept up by ~15 MB an hour while the memory in
// use stayed flat. Fixing the threshold at 128 KiB sends the large blocks to mappings that are
// returned on free, and two arenas are plenty for a process whose work is one UI thread and a
// few short jobs. What is still freed in the middle of a heap is handed back by releaseFree(),
// which the console calls every few minutes.
class MemoryTuning
{
public:
    // Call first thing in main(), before any thread starts. Returns false where there is nothing
    // to tune (not glibc) or glibc refused a setting.
    static bool apply();
    // Gives the kernel back the whole free pages inside the heaps (malloc_trim(3)): a few
    // milliseconds, nothing in use is touched.
    static void releaseFree();
    static constexpr int ReleaseIntervalMs = 5 * 60 * 1000;
};

} // namespace prego
