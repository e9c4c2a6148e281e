#!/usr/bin/env bash
# Fails when the sources hold a string the committed Korean translation lacks, or when any Korean
# entry (or English plural form) is unfinished or empty. Runs lupdate on copies: nothing is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dirs=""
for d in core models ui app; do [ -d "$d" ] && dirs="$dirs $d"; done
status=0
cp translations/prego_ko.ts "$tmp/ko.ts"
cp translations/prego_en.ts "$tmp/en.ts"
# shellcheck disable=SC2086
timeout 120 "$lupdate" -silent -no-obsolete -locations none $dirs -ts "$tmp/ko.ts"
# shellcheck disable=SC2086
timeout 120 "$lupdate" -silent -no-obsolete -locations none -pluralonly $dirs -ts "$tmp/en.ts"
for ts in ko en; do
  if ! python3 scripts/ts_fill.py --report "$tmp/$ts.ts" > "$tmp/$ts.missing"; then
    echo "check-translations: prego_$ts.ts lacks $(wc -l < "$tmp/$ts.missing") entries:" >&2
    head -n 20 "$tmp/$ts.missing" >&2
    status=1
  fi
done
python3 scripts/ts_fill.py --report translations/prego_metrics_agent_ko.ts > "$tmp/agent.missing" || {
  echo "check-translations: prego_metrics_agent_ko.ts has unfinished entries" >&2; status=1; }
[ $status -eq 0 ] && echo "check-translations: every string has its Korean translation"
exit $status
