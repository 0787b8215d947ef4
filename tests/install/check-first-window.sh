#!/usr/bin/env bash
# The first window fits the screen it opens on: a fresh HOME (no remembered geometry), a real X
# server (Xvfb) of 1600x1000 at QT_SCALE_FACTOR=2 and of 1024x768 at 1, the demo, a screenshot
# of the window; its size in device pixels must be within the screen's.
#   check-first-window.sh BROWSER WORKDIR
set -euo pipefail
browser=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
status=0
for case in "1600 1000 2" "1024 768 1"; do
    read -r width height scale <<<"$case"
    home="$work/home-$width"
    mkdir -p "$home"
    png="$work/window-$width.png"
    HOME=$home QT_SCALE_FACTOR=$scale DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/dbs-test-bus \
        xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
        "$browser" --demo --screenshot "$png" >"$work/log-$width.txt" 2>&1 || {
        echo "check-first-window: the browser failed on ${width}x${height}:" >&2
        cat "$work/log-$width.txt" >&2
        exit 1
    }
    # "PNG image data, 1440 x 900, ..."
    size=$(file -b "$png" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\).*/\1 \2/p')
    read -r shotWidth shotHeight <<<"$size"
    echo "check-first-window: ${width}x${height} at scale $scale: window ${shotWidth}x${shotHeight}"
    if [ "$shotWidth" -gt "$width" ] || [ "$shotHeight" -gt "$height" ]; then
        echo "check-first-window: the window is larger than the ${width}x${height} screen" >&2
        status=1
    fi
done
exit $status
