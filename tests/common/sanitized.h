#pragma once

namespace prego::test {

// Whether this test program was built with AddressSanitizer (GCC defines __SANITIZE_ADDRESS__,
// clang answers __has_feature). ASan turns core dumps off, keeps freed memory in quarantine and
// intercepts malloc, so tests of core files, RSS and the allocator's behaviour say nothing there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool Sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool Sanitized = true;
#else
inline constexpr bool Sanitized = false;
#endif
#else
inline constexpr bool Sanitized = false;
#endif

} // namespace prego::test
