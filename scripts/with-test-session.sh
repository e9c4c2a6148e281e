#!/usr/bin/env bash
# Runs a command the way the tests need it: a private D-Bus session with an unlocked
# gnome-keyring (Secret Service) and Qt's offscreen platform, so keychain and widget tests run for real.
# Usage: scripts/with-test-session.sh COMMAND [ARGS…]
set -euo pipefail
if [ -z "${PREGO_IN_TEST_SESSION:-}" ]; then
  export PREGO_IN_TEST_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
# A throwaway home for the keyring so a developer's own keyring is never touched.
PREGO_TEST_HOME=$(mktemp -d /tmp/prego-test-home.XXXXXX)
trap 'rm -rf "$PREGO_TEST_HOME"' EXIT
export XDG_DATA_HOME="$PREGO_TEST_HOME/data" XDG_CONFIG_HOME="$PREGO_TEST_HOME/config"
export XDG_CACHE_HOME="$PREGO_TEST_HOME/cache" XDG_STATE_HOME="$PREGO_TEST_HOME/state"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
# An empty password line on stdin: the login keyring is created (encrypted) and left unlocked.
eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export QT_QPA_PLATFORM=offscreen
"$@"
