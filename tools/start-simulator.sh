# Sourced by tools/demo.sh (and tests/cli's tst_executables): starts dbs-simulator in the
# background and waits for its "listening on" line, but gives up when the simulator exits
# first or stays silent for DBS_SIMULATOR_START_TIMEOUT seconds (default 10).
#
# dbs_start_simulator OUTFILE SIMULATOR [ARGS...]
#   sets DBS_SIMULATOR_PID (also on failure, while the process lives) and DBS_SIMULATOR_URL;
#   returns 1 with a message on standard error when the simulator did not start.
dbs_start_simulator() {
    local out=$1
    shift
    "$@" >"$out" &
    DBS_SIMULATOR_PID=$!
    DBS_SIMULATOR_URL=
    local waited=0
    local limit=$((${DBS_SIMULATOR_START_TIMEOUT:-10} * 10))
    until grep -q '^listening on ' "$out" 2>/dev/null; do
        if ! kill -0 "$DBS_SIMULATOR_PID" 2>/dev/null; then
            echo "dbs-simulator exited before it was listening" >&2
            return 1
        fi
        if [ "$waited" -ge "$limit" ]; then
            echo "dbs-simulator printed no \"listening on\" line within" \
                "${DBS_SIMULATOR_START_TIMEOUT:-10} s; stopping it" >&2
            kill "$DBS_SIMULATOR_PID" 2>/dev/null
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    DBS_SIMULATOR_URL=$(sed -n 's/^listening on //p' "$out" | head -n 1)
}
