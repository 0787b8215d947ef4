#!/usr/bin/env bash
# Installs what is missing, builds, and starts the browser on its embedded demo inventory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
build_dir=${BUILD_DIR:-build}
browser="$build_dir/app/browser/dbs-gateway-browser"
if [ ! -x "$browser" ]; then
    # No window in this build: list the demo simulator's gateways instead.
    simulator="$build_dir/app/simulator/dbs-simulator"
    out=$(mktemp)
    "$simulator" >"$out" &
    trap 'kill $! 2>/dev/null; rm -f "$out"' EXIT
    until [ -s "$out" ]; do sleep 0.1; done
    url=$(sed -n 's/^listening on //p' "$out")
    ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemoDBSGateway \
        ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-for-production \
        "$build_dir/app/gateways/dbs-gateways" list --region cn-hangzhou --endpoint "$url" --format table
    exit 0
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: starting under Xvfb (set DISPLAY to see the window)." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$browser" --demo "$@"
fi
exec "$browser" --demo "$@"
