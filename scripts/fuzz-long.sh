#!/usr/bin/env bash
# The long fuzzing run: every libFuzzer target (or the ones named) for 10,000,000 executions
# each, one after the other (each fuzzer uses one core), then the executions and exec/s of each.
# Usage: scripts/fuzz-long.sh [TARGET…]   PREGO_FUZZ_RUNS overrides the count;
# PREGO_FUZZ_MAX_SECONDS=S stops each target after S seconds (the summary then shows how far it got).
# Several hours in all: the JSON decoders run 1,000–10,000 executions a second under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
export PREGO_FUZZ_RUNS=${PREGO_FUZZ_RUNS:-10000000}
# A fuzzer's RSS grows over millions of executions (corpus, allocator caches: ~1 GB after 4 million
# for fuzz_api_nodes). Past half of the limit libFuzzer purges the allocator every second, and
# each allocation then faults in fresh pages: fuzz_api_nodes fell from 16,000 to 800 exec/s at
# the default 2048. With 6144 the purging starts at 3 GB.
export PREGO_FUZZ_RSS_LIMIT_MB=${PREGO_FUZZ_RSS_LIMIT_MB:-6144}
exec scripts/fuzz.sh "$@"
