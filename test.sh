#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors), runs every test and prints CTest's summary.
# Options: --sanitize  build into build-asan with ASan+UBSan and run the tests there too, and run
#                     every libFuzzer target briefly (scripts/fuzz.sh: clang, build-fuzz).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
./scripts/check-format.sh
./scripts/check-translations.sh
./scripts/build.sh build -DPREGO_WERROR=ON
./scripts/with-test-session.sh ctest --test-dir build --output-on-failure -j2 --timeout 300
if [ "${1:-}" = "--sanitize" ] || [ -n "${PREGO_SANITIZE_TESTS:-}" ]; then
  ./scripts/build.sh build-asan -DPREGO_WERROR=ON -DPREGO_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ./scripts/with-test-session.sh ctest --test-dir build-asan --output-on-failure -j2 --timeout 600
  ./scripts/fuzz.sh
fi
