#!/usr/bin/env bash
# Installs what is missing, builds, and starts the demo: the reference control plane
# (prego-cp-sim) with a simulated fleet. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
./scripts/build.sh build

if [ -x build/app/console/prego-console ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
    exec build/app/console/prego-console --demo "$@"
  fi
  echo "run.sh: no display (DISPLAY / WAYLAND_DISPLAY unset): starting the demo control plane alone."
  echo "        On a desktop, ./run.sh opens the console on it."
fi

# The control plane alone, with a throwaway operator token kept in a private directory (never on
# a command line) and removed on exit.
demo_dir=$(mktemp -d "${XDG_RUNTIME_DIR:-/tmp}/prego-demo.XXXXXX")
chmod 700 "$demo_dir"
cleanup() { rm -rf "$demo_dir"; }
trap cleanup EXIT
token="demo-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
( umask 077; printf 'demo-operator operator %s\n' "$token" > "$demo_dir/tokens" )
( umask 077; printf 'Authorization: Bearer %s\n' "$token" > "$demo_dir/auth-header" )

build/server/prego-cp-sim --listen 127.0.0.1:0 --tokens-file "$demo_dir/tokens" \
  --demo-fleet "${PREGO_DEMO_NODES:-40}" --time-scale "${PREGO_DEMO_TIME_SCALE:-0.2}" \
  --enable-sim-admin "$@" > "$demo_dir/sim.out" &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; wait $sim_pid 2>/dev/null; cleanup' EXIT INT TERM
for _ in $(seq 50); do
  grep -q '^listening on ' "$demo_dir/sim.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$demo_dir/sim.out" | head -n 1)
if [ -z "$url" ]; then
  echo "run.sh: prego-cp-sim did not start" >&2
  exit 1
fi
cat <<MSG

Prego demo control plane listening on $url
  fleet: ${PREGO_DEMO_NODES:-40} shared nodes (2 stale, 1 never reported) + the dedicated tenant globex
  operator token: as a curl header file in $demo_dir/auth-header (mode 600, deleted on exit)

Try:
  curl -s -H @$demo_dir/auth-header $url/internal/nodes | python3 -m json.tool | less

Ctrl+C stops it.
MSG
wait $sim_pid
