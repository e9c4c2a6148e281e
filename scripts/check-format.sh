#!/usr/bin/env bash
# Fails when a C++ file is not formatted with the committed .clang-format. --fix rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null; git ls-files --others --exclude-standard '*.cpp' '*.h' 2>/dev/null)
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/prego-format.log; then
  echo "check-format: files differ from .clang-format (run scripts/check-format.sh --fix):" >&2
  grep -oE '^[^ :]+\.(cpp|h):[0-9]+:[0-9]+: (error|warning)' /tmp/prego-format.log | cut -d: -f1 | sort -u >&2
  exit 1
fi
