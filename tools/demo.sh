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
    DBS_SIMULATOR_PID=
    stop_simulator() {
        if [ -n "$DBS_SIMULATOR_PID" ]; then kill "$DBS_SIMULATOR_PID" 2>/dev/null || true; fi
        rm -f "$out"
    }
    trap stop_simulator EXIT
    # Waits for the first line, but not forever: it stops when the simulator dies or hangs.
    source tools/start-simulator.sh
    dbs_start_simulator "$out" "$simulator" || exit 1
    url=$DBS_SIMULATOR_URL
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
