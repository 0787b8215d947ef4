#!/usr/bin/env bash
# with-keyring.sh CMD [ARGS...]
#
# Runs CMD inside a private D-Bus session with a freshly created, unlocked gnome-keyring
# (Secret Service), in a throw-away HOME, so tests use the real keychain without touching the
# user's own. Exits with CMD's status, or with 2 when the keyring could not be set up: a test
# that needs it must fail, never skip. The daemon and the temporary folder are always removed.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 64
fi
for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-keyring: $tool not found (install dbus-x11 and gnome-keyring)" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dbs-keyring.XXXXXXXX")
chmod 700 "$tmp"

cleanup() {
    local pid
    if [[ -s "$tmp/daemon.pid" ]]; then
        pid=$(<"$tmp/daemon.pid")
        # Only the daemon this script started, and only if that pid still is one.
        if [[ "$pid" =~ ^[0-9]+$ ]] &&
            [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == gnome-keyring-d* ]]; then
            kill "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 700 "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
# Tests read these to know they run here, and which folders to search for leaked secrets.
export DBS_KEYRING_TEST_ROOT="$tmp"
export DBS_KEYRING_PIDFILE="$tmp/daemon.pid"
# Nothing may reach a desktop session or an X server outside this sandbox.
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION

status=0
# The inner script must be quoted as a whole: the bus exists only inside dbus-run-session.
dbus-run-session -- bash -c '
    set -euo pipefail
    # Creates the "login" keyring with this password on first use and unlocks it; it may print
    # environment assignments (GNOME_KEYRING_CONTROL=...), which we export.
    out=$(printf test-password | gnome-keyring-daemon --unlock --components=secrets) || {
        echo "with-keyring: gnome-keyring-daemon --unlock failed" >&2
        exit 2
    }
    while IFS= read -r line; do
        [[ "$line" =~ ^[A-Z_][A-Z0-9_]*= ]] && export "$line"
    done <<<"$out"

    # Wait (up to 10 s) until the daemon owns the Secret Service name, and record its pid so
    # the outer script can stop exactly this process.
    pid=""
    for _ in $(seq 100); do
        pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
                  /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
                  string:org.freedesktop.secrets 2>/dev/null | awk "{print \$NF}") || true
        [[ -n "$pid" ]] && break
        sleep 0.1
    done
    if [[ -z "$pid" ]]; then
        echo "with-keyring: org.freedesktop.secrets did not appear on the session bus" >&2
        exit 2
    fi
    echo "$pid" >"$DBS_KEYRING_PIDFILE"
    exec "$@"
' with-keyring "$@" || status=$?
exit "$status"
