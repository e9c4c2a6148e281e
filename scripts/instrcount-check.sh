#!/usr/bin/env bash
# One instruction-count guard: runs a case of bench/instrcount_console under callgrind, counting
# only the measured step, and holds the count to the threshold committed in
# bench/instrcount-thresholds.txt (1.5x the figure measured when it was set, so a 2x regression
# fails while compiler and library noise does not). Registered as a CTest with label "perf".
# Usage: scripts/instrcount-check.sh INSTRCOUNT_BINARY CASE THRESHOLDS_FILE
set -euo pipefail
bin=$1
case=$2
thresholds=$3
read -r measured threshold < <(awk -v c="$case" '$1 == c { print $2, $3 }' "$thresholds")
if [ -z "${threshold:-}" ]; then
  echo "instrcount: no threshold for '$case' in $thresholds" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fixed hash seed: QHash's per-process seed would move the count a little from run to run.
if ! QT_HASH_SEED=0 "${VALGRIND:-valgrind}" --tool=callgrind --instr-atstart=no \
    --callgrind-out-file="$work/callgrind.out" "$bin" "$case" >"$work/log" 2>&1; then
  cat "$work/log" >&2
  echo "instrcount: $case failed under callgrind" >&2
  exit 1
fi
count=$(awk '/^totals:/ { print $2; exit }' "$work/callgrind.out")
awk -v c="$case" -v n="$count" -v m="$measured" -v t="$threshold" 'BEGIN {
  printf "instrcount %s: %d instructions; threshold %d; ratio to threshold %.2f ", c, n, t, n / t
  printf "(%.2fx the %d measured when the threshold was set)\n", n / m, m
  if (n > t) {
    printf "instrcount %s: FAILED, over the threshold\n", c
    exit 1
  }
}'
