#!/usr/bin/env bash
# The long versions of the issue 9 robustness tests (CI runs short ones):
#   - prego-cp-sim under 200 concurrent clients for 60 s (tests/server/test_cpsim_load.cpp): every
#     push a client saw accepted is counted by the server and stored; prints requests/s, latency
#     p50/p99, errors, pushes sent vs counted.
#   - kill -9 during history writes (tests/history/test_history_crash.cpp), 100 kills or more.
# Usage: scripts/load.sh [CLIENTS] [SECONDS] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-200}
seconds=${2:-60}
kills=${3:-100}
./scripts/build.sh build >/dev/null

PREGO_LOAD_CLIENTS=$clients PREGO_LOAD_SECONDS=$seconds \
  build/tests/server/test_cpsim_load --gtest_brief=1 | grep -E '^\[ load|FAIL|PASSED'
PREGO_CRASH_TRIALS=$kills \
  build/tests/history/test_history_crash --gtest_brief=1 | grep -E '^\[ crash|FAIL|PASSED'
