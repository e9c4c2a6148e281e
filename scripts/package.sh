#!/usr/bin/env bash
# Builds the Debian packages: a release build for /usr in its own directory (no tests, no
# benchmarks, Debian's hardening flags), CPack's DEB generator, then lintian.
# Usage: scripts/package.sh [BUILD_DIR]   (default build-deb; the .deb files go to BUILD_DIR/debs)
# Prints each package with its size and lintian's findings; fails if lintian reports an error.
# tests/packaging/check-debs.sh then installs them into a fresh Debian 12 root.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-deb}
out_dir=$build_dir/debs

scripts/install-deps.sh >/dev/null

# The flags Debian builds its own packages with (hardening: PIE, fortify, stack protector,
# RELRO and BIND_NOW).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)

# The whole configuration on every run: CPack takes the install layout from the cache.
cmake -S . -B "$build_dir" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$cxxflags" \
  -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_INSTALL_SYSCONFDIR=/etc \
  -DPREGO_SYSTEMD_UNITDIR=/lib/systemd/system \
  -DPREGO_BUILD_TESTS=OFF -DPREGO_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build_dir" -j "${PREGO_JOBS:-2}"

rm -rf "$out_dir"
cpack --config "$build_dir/CPackConfig.cmake" -B "$out_dir" >"$build_dir/cpack.log" 2>&1 ||
  { cat "$build_dir/cpack.log"; exit 1; }
rm -rf "$out_dir/_CPack_Packages"

debs=("$out_dir"/*.deb)
# The changelog's newest entry must be the version the packages carry.
want=$(dpkg-parsechangelog -l packaging/changelog.Debian -S Version)
for deb in "${debs[@]}"; do
  got=$(dpkg-deb -f "$deb" Version)
  [ "$got" = "$want" ] || { echo "package: $deb is $got, packaging/changelog.Debian says $want" >&2; exit 1; }
done
echo
echo "== packages ($out_dir)"
for deb in "${debs[@]}"; do
  printf '%-48s %8s  installed %6s KiB\n' "$(basename "$deb")" "$(du -h "$deb" | cut -f1)" \
    "$(dpkg-deb -f "$deb" Installed-Size)"
done

echo
echo "== lintian"
status=0
# Errors and warnings, and the informational tags too (docs/packaging.md says why those left are).
lintian --display-info --tag-display-limit 0 "${debs[@]}" >"$build_dir/lintian.log" 2>&1 ||
  status=$?
cat "$build_dir/lintian.log"
count() { grep -c "^$1: " "$build_dir/lintian.log" || true; }
echo "lintian: $(count E) errors, $(count W) warnings, $(count I) info"
if [ "$status" -ne 0 ]; then
  echo "package: lintian reported errors" >&2
  exit 1
fi
