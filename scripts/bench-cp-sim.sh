#!/usr/bin/env bash
# prego-cp-sim at fleet scale: GET /internal/nodes over real HTTP with N simulated nodes pushing
# (median and p90 of repeated requests), then the serialization benchmark with its naive
# baseline measured in the same run. Usage: scripts/bench-cp-sim.sh [NODES] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-10000}
requests=${2:-60}
./scripts/build.sh build >/dev/null

work=$(mktemp -d)
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
token="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
( umask 077; printf 'bench operator %s\n' "$token" > "$work/tokens"
  printf 'Authorization: Bearer %s\n' "$token" > "$work/auth" )
build/server/prego-cp-sim --listen 127.0.0.1:0 --tokens-file "$work/tokens" --demo-fleet "$nodes" \
  > "$work/out" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do grep -q '^listening on ' "$work/out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/out")

for _ in 1 2 3; do curl -s -o /dev/null -H @"$work/auth" "$url/internal/nodes"; done
for _ in $(seq "$requests"); do
  curl -s -o /dev/null -w '%{time_total} %{size_download}\n' -H @"$work/auth" "$url/internal/nodes"
done > "$work/times"
python3 - "$work/times" "$nodes" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
t = sorted(float(r[0]) * 1000 for r in rows)
size = int(rows[-1][1])
p90 = t[int(len(t) * 0.9) - 1]
print(f"GET /internal/nodes, {sys.argv[2]} nodes (+3 dedicated), {len(t)} requests over loopback, "
      f"{size/1e6:.1f} MB each: median {statistics.median(t):.1f} ms, p90 {p90:.1f} ms, max {t[-1]:.1f} ms "
      f"(target: median <= 100 ms)")
PY
echo
echo "Serialization of the node list, cached per-node JSON vs naive QJsonDocument (same run):"
build/bench/bench_cpsim_nodes --benchmark_filter="/${nodes}/" 2>/dev/null | grep -E '_median' | \
  awk '{print} /Cached/{c=$2} /Naive/{n=$2} END{if(c>0) printf "ratio naive/cached: %.1fx\n", n/c}'
