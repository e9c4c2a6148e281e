#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan into build-fuzz and runs each
# for a short time on its seed corpus (fuzz/corpus/TARGET, read only: new inputs go to a scratch
# directory). Fails on any crash, sanitizer report, leak, timeout or out-of-memory; the input
# that caused it is kept in build-fuzz/artifacts/.
# Usage: scripts/fuzz.sh [TARGET…]   (default: every target)
# PREGO_FUZZ_SECONDS (default 10) per target; PREGO_FUZZ_RUNS=N runs N executions instead
# (scripts/fuzz-long.sh uses that), stopping early after PREGO_FUZZ_MAX_SECONDS when set;
# PREGO_FUZZ_RSS_LIMIT_MB (default 2048) is the memory a fuzzer may hold before it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${PREGO_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${PREGO_FUZZ_SECONDS:-10}
runs=${PREGO_FUZZ_RUNS:-}
# Above half this limit libFuzzer purges the sanitizer allocator every second; every allocation
# after a purge faults in fresh pages. Long runs pass a higher one (scripts/fuzz-long.sh).
rss_limit_mb=${PREGO_FUZZ_RSS_LIMIT_MB:-2048}

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPREGO_FUZZ=ON -DPREGO_WERROR=ON \
    -DPREGO_BUILD_TESTS=OFF -DPREGO_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build_dir" -j "${PREGO_JOBS:-2}" --target fuzzers

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for source in fuzz/fuzz_*.cpp; do
    targets+=("$(basename "$source" .cpp)")
  done
fi

dictionary_for() {
  case "$1" in
    fuzz_agent_cputimes | fuzz_agent_meminfo) echo fuzz/dict/proc.dict ;;
    fuzz_api_times | fuzz_agent_pushanswer) echo fuzz/dict/http.dict ;;
    fuzz_api_* | fuzz_jsonreader | fuzz_provision_request | fuzz_server_provision) echo fuzz/dict/json.dict ;;
  esac
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts="$build_dir/artifacts"
mkdir -p "$artifacts"
# halt_on_error: the first report ends the run (UBSan too: -fno-sanitize-recover);
# ASan's own leak check at exit is what -detect_leaks reports per input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=()
summary=()
for t in "${targets[@]}"; do
  seeds="fuzz/corpus/$t"
  if [ ! -d "$seeds" ]; then
    echo "fuzz: $t has no seed corpus ($seeds)" >&2
    exit 1
  fi
  mkdir -p "$scratch/$t"
  args=(-timeout=10 "-rss_limit_mb=$rss_limit_mb" -malloc_limit_mb=1024 -print_final_stats=1
        "-artifact_prefix=$artifacts/$t-")
  if [ -n "$runs" ]; then
    args+=("-runs=$runs")
    [ -n "${PREGO_FUZZ_MAX_SECONDS:-}" ] && args+=("-max_total_time=$PREGO_FUZZ_MAX_SECONDS")
  else
    # A fixed seed: CI's short run explores the same inputs each time (reproducible), and a
    # faster machine only goes further along the same path. PREGO_FUZZ_SEED=0 picks a random one.
    args+=("-max_total_time=$seconds" "-seed=${PREGO_FUZZ_SEED:-1}")
  fi
  dict=$(dictionary_for "$t")
  [ -n "$dict" ] && args+=("-dict=$dict")
  log="$scratch/$t.log"
  echo "fuzz: $t ${args[*]}"
  if "$build_dir/fuzz/$t" "${args[@]}" "$scratch/$t" "$seeds" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$t")
    # libFuzzer's report (sanitizer output, FUZZ_CHECK message, the input's file) ends the log.
    tail -n 60 "$log"
    cp "$log" "$artifacts/$t.log"
  fi
  executed=$(sed -n 's/^stat::number_of_executed_units: //p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: //p' "$log" | tail -1)
  summary+=("$(printf '%-26s %-6s %12s executions %9s exec/s' "$t" "$status" "${executed:-?}" "${rate:-?}")")
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in $artifacts/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no crash"
