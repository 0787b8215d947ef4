#!/usr/bin/env bash
# Benchmarks of issue 5: builds in Release, installs the official SDK (@alicloud/pop-core, pinned by
# tests/interop's package-lock.json) with npm into the build tree, runs every scenario and prints
# one table: scenario | ours | reference | ratio | target | met.
#
#   tests/bench/run.sh [--runs N] [--sdk-runs N]
#
# Environment: BUILD_DIR (default <repo>/build-bench), JOBS (default 2).
#
# Benchmarks report; they do not judge the machine. The exit status is 0 whenever every answer
# was right, targets met or not; it is 1 only when an answer was wrong (dbs-gateways failed, or
# its rows differ from the SDK's in count or set, or a bench_* executable exited non-zero) and 2
# when the build (of any bench_* too: the others still run) or the SDK install failed.
#
# Every scenario is one or more lines on standard output of the form
#   BENCH<TAB>scenario<TAB>ours<TAB>reference<TAB>ratio<TAB>target<TAB>met
# Scenarios 1 and 2 (dbs-gateways against the SDK) are measured here; every other one comes from
# the executables named bench_* in the build's tests/bench tree, which print such lines too.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build-bench}
JOBS=${JOBS:-2}
RUNS=5     # dbs-gateways runs per scenario (the median counts)
SDK_RUNS=5 # SDK runs per scenario
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --sdk-runs) SDK_RUNS=$2; shift 2 ;;
    -h | --help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dbs-bench.XXXXXX")
SIM_PID=""
stop_simulator() {
    if [ -n "$SIM_PID" ]; then
        kill -TERM "$SIM_PID" 2>/dev/null
        wait "$SIM_PID" 2>/dev/null
        SIM_PID=""
    fi
}
cleanup() {
    stop_simulator
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

WRONG=0 # set when an answer was wrong
LINES="$WORK/bench.tsv"
: >"$LINES"
note() { echo "run.sh: $*" >&2; }
bench_line() { # scenario ours reference ratio target met
    local line
    line=$(printf 'BENCH\t%s\t%s\t%s\t%s\t%s\t%s' "$@")
    echo "$line"
    echo "$line" >>"$LINES"
}

# ---- build ----
note "building in Release in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$WORK/configure.log" 2>&1 ||
    { cat "$WORK/configure.log" >&2; exit 2; }
mapfile -t BENCH_TARGETS < <(cmake --build "$BUILD" --target help 2>/dev/null |
    grep -oE '^bench_[A-Za-z0-9_]+' | grep -vE '_autogen(_timestamp_deps)?$' | sort -u)
cmake --build "$BUILD" -j "$JOBS" --target dbs-gateways dbs-simulator \
    >"$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log" >&2; exit 2; }
# One by one: a bench that does not build is reported, and the others still run.
BUILD_FAILED=0
declare -A NOT_BUILT
for target in "${BENCH_TARGETS[@]}"; do
    if ! cmake --build "$BUILD" -j "$JOBS" --target "$target" >"$WORK/build.log" 2>&1; then
        note "$target does not build:"
        tail -30 "$WORK/build.log" >&2
        bench_line "$target" "does not build" "-" "-" "-" "no"
        BUILD_FAILED=1
        NOT_BUILT[$target]=1
    fi
done
GATEWAYS_EXE=$(find "$BUILD" -type f -executable -name dbs-gateways | head -1)
SIMULATOR_EXE=$(find "$BUILD" -type f -executable -name dbs-simulator | head -1)

# ---- the SDK, pinned by tests/interop's lock file ----
NPM_DIR="$BUILD/bench-npm"
mkdir -p "$NPM_DIR"
if ! cmp -s "$ROOT/tests/interop/package-lock.json" "$NPM_DIR/package-lock.json" ||
    [ ! -f "$NPM_DIR/node_modules/@alicloud/pop-core/package.json" ]; then
    note "installing @alicloud/pop-core with npm ci into $NPM_DIR"
    cp "$ROOT/tests/interop/package.json" "$ROOT/tests/interop/package-lock.json" "$NPM_DIR/"
    (cd "$NPM_DIR" && npm_config_update_notifier=false npm ci --no-audit --no-fund \
        --ignore-scripts --loglevel=warn) >&2 || { note "npm ci failed"; exit 2; }
fi
SDK_SCRIPT="$ROOT/tests/bench/sdk_list.mjs"
SDK_VERSION=$(node -p "require('$NPM_DIR/node_modules/@alicloud/pop-core/package.json').version")

# The demo key pair the simulator accepts (README); both programs read it from the environment.
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemoDBSGateway
export ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-for-production
unset ALIBABA_CLOUD_SECURITY_TOKEN ALIBABA_CLOUD_PROFILE
export QT_QPA_PLATFORM=offscreen

# ---- helpers ----
start_simulator() { # args for dbs-simulator; sets SIM_URL, SIM_STARTUP_MS
    local t0 line
    t0=$EPOCHREALTIME
    coproc SIM { exec "$SIMULATOR_EXE" "$@" 2>&1; }
    SIM_PID=$SIM_PID
    if ! read -r -t 120 line <&"${SIM[0]}" || [[ $line != "listening on "* ]]; then
        note "dbs-simulator did not start: $line"
        exit 2
    fi
    SIM_STARTUP_MS=$(ms_since "$t0")
    SIM_URL=${line#listening on }
}
ms_since() { # EPOCHREALTIME at the start -> milliseconds since, as an integer
    awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 + 0.5 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
at_most() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "yes" : "no" }'; }
# Runs a command with stdout to $1, times it; appends "wall_ms max_rss_kb" to $2. Non-zero exit:
# the command failed.
timed() {
    local out=$1 record=$2 t0 wall rc
    shift 2
    t0=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$WORK/rss" "$@" >"$out" 2>"$WORK/stderr"
    rc=$?
    wall=$(ms_since "$t0")
    echo "$wall $(tail -1 "$WORK/rss")" >>"$record"
    if [ $rc -ne 0 ]; then
        note "failed ($rc): $*"
        sed 's/^/    /' "$WORK/stderr" >&2
    fi
    return $rc
}
ours_list() { # out record extra-args...
    local out=$1 record=$2
    shift 2
    timed "$out" "$record" "$GATEWAYS_EXE" list --region cn-hangzhou --endpoint "$SIM_URL" \
        --page-size 100 --format csv "$@"
}
sdk_list() { # out record
    timed "$1" "$2" node "$SDK_SCRIPT" list --modules "$NPM_DIR/node_modules" \
        --endpoint "$SIM_URL" --region cn-hangzhou --page-size 100 --ids "$WORK/sdk.ids"
}
same_answer() { # csv: the rows dbs-gateways printed, against the SDK's last listing
    if ! node "$SDK_SCRIPT" compare --csv "$1" --ids "$WORK/sdk.ids"; then
        WRONG=1
        return 1
    fi
}

# Runs dbs-gateways $2 times and the SDK $SDK_RUNS times, taking turns, so that both meet the
# same load on a shared machine; records "wall_ms max_rss_kb" lines in $1-ours and $1-sdk.
alternate() {
    local prefix=$1 runs=$2 i
    for ((i = 0; i < runs || i < SDK_RUNS; ++i)); do
        if ((i < runs)); then ours_list "$prefix.csv" "$prefix-ours" || WRONG=1; fi
        if ((i < SDK_RUNS)); then sdk_list "$prefix-sdk.json" "$prefix-sdk" || WRONG=1; fi
    done
    note "  dbs-gateways runs (ms, KB): $(tr '\n' ';' <"$prefix-ours")"
    note "  pop-core runs (ms, KB): $(tr '\n' ';' <"$prefix-sdk")"
}

# dbs-gateways runs with its default --concurrency: the network limit depends on it.
CONCURRENCY=$(grep -oE 'defaultFetchConcurrency = [0-9]+' "$ROOT/app/api/fetchall.h" |
    grep -oE '[0-9]+$')
[ -n "$CONCURRENCY" ] || { note "no defaultFetchConcurrency in app/api/fetchall.h"; exit 2; }

# ---- scenario 1: 10,000 gateways, 20 ms latency ----
note "scenario 1: 10,000 gateways behind 20 ms, $RUNS runs of dbs-gateways, $SDK_RUNS of pop-core"
start_simulator --gateways 10000 --regions cn-hangzhou --latency-ms 20
ours_list "$WORK/s1.csv" /dev/null || WRONG=1 # warm-up (page cache, connections of the OS)
: >"$WORK/s1-ours" && : >"$WORK/s1-sdk"
alternate "$WORK/s1" "$RUNS"
same_answer "$WORK/s1.csv" || note "scenario 1: dbs-gateways and the SDK disagree"
stop_simulator
OURS=$(cut -d' ' -f1 "$WORK/s1-ours" | median)
SDK=$(cut -d' ' -f1 "$WORK/s1-sdk" | median)
LIMIT=$(((1 + (99 + CONCURRENCY - 1) / CONCURRENCY) * 20))
R=$(ratio "$OURS" "$LIMIT")
bench_line "1 fetch-all 10k, 20 ms latency: vs network limit (c=$CONCURRENCY)" "$OURS ms" \
    "$LIMIT ms" "$R" "<= 1.30" "$(at_most "$R" 1.30)"
R=$(ratio "$OURS" "$SDK")
bench_line "1 fetch-all 10k, 20 ms latency: vs pop-core $SDK_VERSION sequential" "$OURS ms" \
    "$SDK ms" "$R" "<= 0.30" "$(at_most "$R" 0.30)"

# ---- scenario 2: 100,000 gateways, no latency ----
note "scenario 2: 100,000 gateways, no latency"
start_simulator --gateways 100000 --regions cn-hangzhou
note "dbs-simulator with 100,000 gateways answered after $SIM_STARTUP_MS ms"
ours_list "$WORK/s2.csv" /dev/null || WRONG=1 # warm-up
: >"$WORK/s2-ours" && : >"$WORK/s2-sdk"
S2_RUNS=$RUNS
alternate "$WORK/s2" "$S2_RUNS"
same_answer "$WORK/s2.csv" || note "scenario 2: dbs-gateways and the SDK disagree"
stop_simulator
OURS=$(cut -d' ' -f1 "$WORK/s2-ours" | median)
SDK=$(cut -d' ' -f1 "$WORK/s2-sdk" | median)
R=$(ratio "$OURS" "$SDK")
bench_line "2 fetch-all 100k, no latency: vs pop-core $SDK_VERSION sequential" "$OURS ms" \
    "$SDK ms" "$R" "<= 0.50" "$(at_most "$R" 0.50)"
RSS_KB=$(cut -d' ' -f2 "$WORK/s2-ours" | sort -n | tail -1) # the worst run
SDK_RSS_KB=$(cut -d' ' -f2 "$WORK/s2-sdk" | sort -n | tail -1)
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')
bench_line "2 fetch-all 100k: peak memory (max RSS; reference: the SDK's)" "$RSS_MB MB" \
    "$(awk -v k="$SDK_RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }') MB" \
    "$(ratio "$RSS_KB" "$SDK_RSS_KB")" "<= 64 MB" "$(at_most "$RSS_MB" 64)"

# ---- every bench_* executable (the simulator's throughput, the model's scenarios) ----
while IFS= read -r exe; do
    [ -n "${NOT_BUILT[$(basename "$exe")]:-}" ] && continue # an old binary would mislead
    note "running $(basename "$exe")"
    args=()
    # The start-up bench times the browser it is given.
    [ "$(basename "$exe")" = bench_startup ] && args=("$BUILD/app/browser/dbs-gateway-browser")
    if ! (cd "$WORK" && timeout 900 "$exe" "${args[@]}") >"$WORK/exe.out" 2>"$WORK/exe.err"; then
        note "$(basename "$exe") failed:"
        sed 's/^/    /' "$WORK/exe.err" >&2
        WRONG=1
    fi
    grep -E $'^BENCH\t' "$WORK/exe.out" | tee -a "$LINES"
done < <(find "$BUILD/tests/bench" -type f -executable -name 'bench_*' | sort)

# ---- the table ----
echo
{
    printf 'scenario\tours\treference\tratio\ttarget\tmet\n'
    sort -t$'\t' -k2,2 -s "$LINES" | cut -f2-
} | awk -F'\t' '
    { for (i = 1; i <= NF; ++i) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR }
    END {
        for (r = 1; r <= n; ++r) {
            line = "|"
            for (i = 1; i <= 6; ++i) line = line sprintf(" %-" w[i] "s |", cell[r, i])
            print line
            if (r == 1) {
                line = "|"
                for (i = 1; i <= 6; ++i) { dash = ""; for (k = 0; k < w[i]; ++k) dash = dash "-"; line = line " " dash " |" }
                print line
            }
        }
    }'
if [ $WRONG -ne 0 ]; then
    note "an answer was wrong (see above)"
    exit 1
fi
if [ $BUILD_FAILED -ne 0 ]; then
    note "a bench did not build (see above)"
    exit 2
fi
exit 0
