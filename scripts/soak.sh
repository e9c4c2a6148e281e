#!/usr/bin/env bash
# The long soak: the whole console polling a simulated fleet every second, node details opened and
# views switched meanwhile, RSS sampled every 5 s. Fails when RSS grows by 10 MB or more after
# warm-up (PREGO_SOAK_MAX_GROWTH_MB to change). CTest runs a 5-minute version (label "soak").
#
#   scripts/soak.sh [SECONDS] [BUILD_DIR]     default 7200 s (2 hours), build/
#   PREGO_SOAK_NODES=1000                      fleet size
#   PREGO_SOAK_WARMUP=SECONDS                  warm-up not judged (default: a fifth, 60..600 s)
#
# With a sanitizer build directory (configured with -DPREGO_SANITIZE=ON) LeakSanitizer checks at
# exit instead of RSS being judged.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-7200}
build_dir=${2:-build}
nodes=${PREGO_SOAK_NODES:-1000}
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build_dir" -j "${PREGO_JOBS:-2}" --target soak_console prego-cp-sim
args=("$nodes" "$seconds")
if [ -n "${PREGO_SOAK_WARMUP:-}" ]; then
  args+=("$PREGO_SOAK_WARMUP")
fi
if grep -q '^PREGO_SANITIZE:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  export ASAN_OPTIONS=detect_leaks=1
  export LSAN_OPTIONS="suppressions=$PWD/tests/soak/lsan-suppressions.txt:print_suppressions=1"
fi
export QT_QPA_PLATFORM=offscreen
started=$(date +%s)
status=0
"$build_dir/tests/soak/soak_console" "${args[@]}" || status=$?
echo "soak: ${seconds} s of polling, $(($(date +%s) - started)) s wall time, exit status $status"
exit $status
