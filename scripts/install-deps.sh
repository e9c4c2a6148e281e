#!/usr/bin/env bash
# The one list of Debian 12 packages this project needs to build, test and run.
# Idempotent: installs only what is missing. Works as root or through sudo.
# Fails loudly (non-zero exit, the package named) when something cannot be installed.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format
  # Qt 6 (Charts needs libqt6opengl6-dev, HttpServer needs qt6-websockets-dev)
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
  qtkeychain-qt6-dev
  # SQLite's own API on Qt Sql's connection (history ingest and compaction)
  libsqlite3-dev
  # the libFuzzer targets (scripts/fuzz.sh): clang and its runtime (libclang_rt.fuzzer, ASan,
  # UBSan), a Recommends of clang that --no-install-recommends would leave out
  clang libclang-rt-14-dev
  # tests and benchmarks (simdjson: the decode benchmark's practical limit; valgrind: the
  # instruction-count guards)
  libgtest-dev libgmock-dev libbenchmark-dev libsimdjson-dev valgrind
  # headless GUI, keychain (Secret Service) for tests
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  # Korean-capable font
  fonts-noto-cjk
  # tools used by scripts
  curl python3 sqlite3 openssl
  # validators of the installed desktop files (a test runs them)
  desktop-file-utils appstream
  # .deb packages (scripts/package.sh: CPack needs file and dpkg-shlibdeps) and their checks
  # (lintian; tests/packaging/check-debs.sh installs them into a fresh debootstrap root)
  dpkg-dev file fakeroot lintian debootstrap
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and not root, no sudo" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q || { echo "install-deps: apt-get update failed" >&2; exit 1; }
if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  echo "install-deps: FAILED to install: ${missing[*]}" >&2
  exit 1
fi
for p in "${missing[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    echo "install-deps: package $p is still not installed" >&2
    exit 1
  fi
done
echo "install-deps: done"
