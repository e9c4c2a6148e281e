#!/usr/bin/env bash
# `cmake --install` of the build tree into a throwaway prefix: the standard layout is there and the
# desktop entry and AppStream metainfo pass their validators.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/prego-console bin/prego-ctl bin/prego-cp-sim bin/prego-metrics-agent \
         share/applications/io.prego.Console.desktop share/metainfo/io.prego.Console.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.prego.Console.svg \
         share/icons/hicolor/16x16/apps/io.prego.Console.png \
         share/icons/hicolor/256x256/apps/io.prego.Console.png \
         share/man/man1/prego-console.1.gz share/man/man1/prego-ctl.1.gz \
         share/man/man1/prego-cp-sim.1.gz share/man/man1/prego-metrics-agent.1.gz \
         lib/systemd/system/prego-metrics-agent.service \
         etc/default/prego-metrics-agent \
         share/doc/prego-console/copyright share/doc/prego-console/changelog.Debian.gz \
         share/doc/prego-metrics-agent/copyright share/doc/prego-cp-sim/copyright; do
  [ -e "$prefix/$f" ] || { echo "missing after install: $f"; exit 1; }
done
desktop-file-validate "$prefix/share/applications/io.prego.Console.desktop"
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/io.prego.Console.metainfo.xml"
for page in prego-console prego-ctl prego-cp-sim prego-metrics-agent; do
  [[ $(zcat "$prefix/share/man/man1/$page.1.gz" | sed -n 1p) == .TH\ * ]] ||
    { echo "man $page: no .TH"; exit 1; }
  # Rendered with warnings on, where man-db is installed (not part of the package list).
  if command -v man >/dev/null; then
    out=$(LC_ALL=C.UTF-8 MANWIDTH=80 MANROFFSEQ='' man --warnings -l "$prefix/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)
    [ -z "$out" ] || { echo "man $page: $out"; exit 1; }
  fi
done
# Every install rule names its component (= Debian package, packaging/CMakeLists.txt): a file
# without one would silently be left out of the .deb packages.
loose=$(mktemp -d)
cmake --install "$build" --prefix "$loose" --component Unspecified >/dev/null
left=$(cd "$loose" && find . -type f)
rm -rf "$loose"
[ -z "$left" ] || { echo "installed without a COMPONENT (in no package): $left"; exit 1; }
echo "install layout and validators: ok"
