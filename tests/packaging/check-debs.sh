#!/usr/bin/env bash
# Installs the .deb packages from scripts/package.sh into a fresh Debian 12 root and checks that
# they start there:
#   - a minimal root (debootstrap --variant=minbase bookworm, from the mirror this machine's apt
#     uses), the packages installed with `apt-get install --no-install-recommends ./*.deb`, so the
#     Depends alone must bring in everything (dependencies come from the archive);
#   - prego-ctl --version / --help (and in Korean); prego-cp-sim listens on loopback and answers
#     HTTP; prego-metrics-agent --once pushes to it as its system user; the unit is installed,
#     enabled and passes systemd-analyze verify; prego-console --version, --help and a --demo
#     --screenshot run under QT_QPA_PLATFORM=offscreen; Qt's Korean catalogue is installed;
#   - purge of the agent and removal of the others leave nothing behind but the system user.
#
# Usage (as root): tests/packaging/check-debs.sh [DEB_DIR]      (default build-deb/debs)
# Not part of CI: the first run downloads about 100 MB. The pristine root is kept in
# $PREGO_ROOT_CACHE (default /var/tmp/prego-bookworm-minbase) and copied for every run;
# delete it to debootstrap again. PREGO_MIRROR overrides the mirror.
set -euo pipefail
cd "$(dirname "$0")/../.."
deb_dir=${1:-build-deb/debs}
cache=${PREGO_ROOT_CACHE:-/var/tmp/prego-bookworm-minbase}

[ "$(id -u)" -eq 0 ] || { echo "check-debs: run as root (debootstrap, chroot, mount)" >&2; exit 1; }
shopt -s nullglob
debs=("$deb_dir"/prego-*.deb)
[ ${#debs[@]} -eq 3 ] || { echo "check-debs: want 3 packages in $deb_dir, run scripts/package.sh" >&2; exit 1; }

# The URI of the first apt source with the suite "bookworm" (deb822 .sources or one-line .list).
apt_mirror() {
  local suite=$1
  local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
  for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    awk -v want="$suite" '
      /^[[:space:]]*deb[[:space:]]/ { for (i = 2; i < NF; i++) if ($i !~ /^\[/ && $i ~ /:\/\//) {
          if ($(i + 1) == want) { print $i; exit } } }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == want) found = 1 }
      /^[[:space:]]*$/ { if (found && uri) { print uri; exit } uri = ""; found = 0 }
      END { if (found && uri) print uri }' "$f"
  done | sed -n 1p
}
mirror=${PREGO_MIRROR:-$(apt_mirror bookworm)}
security=$(apt_mirror bookworm-security)
[ -n "$mirror" ] || { echo "check-debs: no bookworm source in /etc/apt; set PREGO_MIRROR" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }

if [ ! -d "$cache" ]; then
  step "debootstrap --variant=minbase bookworm $cache $mirror"
  rm -rf "$cache.tmp"
  debootstrap --variant=minbase bookworm "$cache.tmp" "$mirror" >"$cache.log" 2>&1 ||
    { tail -20 "$cache.log"; exit 1; }
  mv "$cache.tmp" "$cache"
fi

root=$(mktemp -d /var/tmp/prego-root.XXXXXX)
cleanup() {
  # Whatever was started inside (the simulator), then the mounts, then the root.
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && kill "${proc#/proc/}" 2>/dev/null
  done
  umount "$root/proc" "$root/dev" 2>/dev/null || true
  rm -rf --one-file-system "$root"
  rm -f "$root.apt.log" "$root.console.log"
}
trap cleanup EXIT
step "fresh root: copy of $cache in $root"
cp -a "$cache/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
{
  echo "deb $mirror bookworm main"
  echo "deb $mirror bookworm-updates main"
  [ -z "$security" ] || echo "deb $security bookworm-security main"
} >"$root/etc/apt/sources.list"
mkdir -p "$root/tmp/debs"
cp "${debs[@]}" "$root/tmp/debs/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 "$@"; }

step "apt-get install --no-install-recommends ./prego-*.deb"
in_root apt-get update -q >/dev/null
in_root sh -c 'cd /tmp/debs && DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends ./prego-*.deb' >"$root.apt.log" 2>&1 ||
  { cat "$root.apt.log"; exit 1; }
grep -E '^(Setting up prego|[0-9]+ upgraded)' "$root.apt.log"
in_root dpkg-query -W -f '${Package} ${Version} ${Status}\n' prego-console prego-metrics-agent \
  prego-cp-sim

step "prego-ctl"
in_root prego-ctl --version
in_root prego-ctl --help | sed -n 1,3p
in_root prego-ctl --lang ko --help | sed -n 1p

step "Korean catalogues"
in_root ls -l /usr/share/qt6/translations/qtbase_ko.qm
# The console's own catalogues are compiled into the binaries (:/i18n/prego_ko.qm): the Korean
# help above comes from there.

step "prego-cp-sim on loopback"
token_op=prego-check-operator-token-0123456789
token_agent=prego-check-agent-token-0123456789
in_root sh -c "umask 077; printf '%s\n' 'ops operator $token_op' \
  'agent1 agent fsn1-shared-01 $token_agent' >/tmp/tokens"
in_root sh -c 'prego-cp-sim --listen 127.0.0.1:0 --tokens-file /tmp/tokens --demo-fleet 3 \
  >/tmp/cp-sim.out 2>/tmp/cp-sim.err & echo $! >/tmp/cp-sim.pid'
for _ in $(seq 50); do
  grep -q '^listening on' "$root/tmp/cp-sim.out" 2>/dev/null && break
  sleep 0.2
done
sed -n 1p "$root/tmp/cp-sim.out"
url=$(sed -n '1s/^listening on //p' "$root/tmp/cp-sim.out")
[ -n "$url" ] || { cat "$root/tmp/cp-sim.err"; exit 1; }
port=${url##*:}
# HTTP through bash's /dev/tcp: minbase has no curl, and nothing is installed besides the packages.
http_get() {
  in_root bash -c "exec 3<>/dev/tcp/127.0.0.1/$port
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nConnection: close\r\n\r\n' \
      '$1' '$2' >&3
    cat <&3"
}
reply=$(http_get /internal/whoami "$token_op")
echo "GET /internal/whoami: ${reply%%$'\r'*} ${reply##*$'\n'}"
[[ ${reply%%$'\r'*} == *' 200 '* ]] || { echo "whoami failed: $reply"; exit 1; }
reply=$(http_get /internal/nodes "$token_op")
echo "GET /internal/nodes: ${reply%%$'\r'*}, $(grep -o '"node_id":"[^"]*"' <<<"$reply" | wc -l) nodes"
[[ $reply == *fsn1-shared-01* ]] || { echo "no nodes: $reply"; exit 1; }
in_root prego-ctl profiles add sim --url "$url"
in_root prego-ctl profiles list

step "prego-metrics-agent"
in_root getent passwd prego-metrics-agent
in_root id prego-metrics-agent
in_root ls -l /lib/systemd/system/prego-metrics-agent.service /etc/default/prego-metrics-agent
in_root ls -l /etc/systemd/system/multi-user.target.wants/prego-metrics-agent.service
in_root ls -ld /etc/prego
in_root prego-metrics-agent --version
# One push as the service's user, with a token file and a tenant count it can read.
in_root sh -c "umask 077; echo $token_agent >/tmp/agent-token; echo 3 >/tmp/tenant-count;
  chown prego-metrics-agent: /tmp/agent-token /tmp/tenant-count"
in_root runuser -u prego-metrics-agent -- prego-metrics-agent --url "$url" \
  --node-id fsn1-shared-01 --token-file /tmp/agent-token --tenant-count-file /tmp/tenant-count \
  --once
echo "agent --once: exit $?"
reply=$(http_get /internal/nodes/fsn1-shared-01 "$token_op")
grep -o '"tenant_count":[0-9]*' <<<"${reply##*$'\n'}" || { echo "$reply"; exit 1; }
# The minimal root has no systemd: verify the installed unit with this machine's systemd-analyze,
# ExecStart pointed at the installed binary as the agent's unit test does.
if command -v systemd-analyze >/dev/null; then
  unit_dir=$(mktemp -d)
  sed "s|/usr/bin/prego-metrics-agent|$root/usr/bin/prego-metrics-agent|" \
    "$root/lib/systemd/system/prego-metrics-agent.service" \
    >"$unit_dir/prego-metrics-agent.service"
  out=$(systemd-analyze verify --man=no "$unit_dir/prego-metrics-agent.service" 2>&1 || true)
  rm -rf "$unit_dir"
  ours=$(echo "$out" | grep prego-metrics-agent || true)
  [ -z "$ours" ] || { echo "systemd-analyze verify: $ours"; exit 1; }
  echo "systemd-analyze verify prego-metrics-agent.service: ok"
fi

step "prego-console (QT_QPA_PLATFORM=offscreen)"
in_root prego-console --version
in_root install -d -m 0700 /run/user/0
gui() { in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/run/user/0 "$@"; }
gui prego-console --help | sed -n 1,2p
gui timeout 300 prego-console --demo --screenshot /tmp/shots >"$root.console.log" 2>&1 ||
  { cat "$root.console.log"; exit 1; }
shots=("$root"/tmp/shots/*.png)
echo "--demo --screenshot: ${#shots[@]} PNG files: ${shots[*]##*/}"
[ ${#shots[@]} -gt 0 ] || exit 1
# Kept to be looked at: fonts and icons as the minimal root renders them.
rm -rf "$deb_dir/check-debs-shots"
cp -r "$root/tmp/shots" "$deb_dir/check-debs-shots"
echo "copied to $deb_dir/check-debs-shots"

in_root sh -c 'kill $(cat /tmp/cp-sim.pid)'

step "purge prego-metrics-agent, remove the others"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q prego-metrics-agent \
  >"$root.apt.log" 2>&1 || { cat "$root.apt.log"; exit 1; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q prego-console prego-cp-sim \
  >"$root.apt.log" 2>&1 || { cat "$root.apt.log"; exit 1; }
for f in /lib/systemd/system/prego-metrics-agent.service /etc/default/prego-metrics-agent \
  /etc/systemd/system/multi-user.target.wants/prego-metrics-agent.service /etc/prego \
  /usr/bin/prego-console /usr/bin/prego-ctl /usr/bin/prego-cp-sim /usr/bin/prego-metrics-agent; do
  [ ! -e "$root$f" ] || { echo "still there after removal: $f"; exit 1; }
done
echo "no files left; packages: $(in_root dpkg -l 'prego-*' 2>/dev/null | grep -c '^[ir]i' || true) installed"
echo "system user kept (Debian practice): $(in_root getent passwd prego-metrics-agent)"

step "check-debs: ok"
