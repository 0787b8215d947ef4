#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS: builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,
# undefined; the project's libraries with fuzzer-no-link,address,undefined) into build-fuzz (or
# $FUZZ_BUILD_DIR) and runs each target for SECONDS over its committed seed corpus
# (tests/fuzz/corpus/<target>/, only read; new inputs go to build-fuzz/work/<target>/).
# Exits non-zero on any crash, leak, undefined behaviour, hang or memory blow-up; what crashed
# is kept as build-fuzz/artifacts/<target>-crash-* (replay: build-fuzz/fuzz_<target> FILE).
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh SECONDS}
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "SECONDS must be a positive integer" >&2; exit 2; }
cd "$(dirname "$0")/../.."
build=${FUZZ_BUILD_DIR:-build-fuzz}
command -v clang++ >/dev/null || { echo "clang++ is missing: bash tools/deps.sh" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S tests/fuzz -B "$build" -G Ninja -DDBS_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
rm -rf "$build"/artifacts && mkdir -p "$build"/artifacts
status=0
ctest --test-dir "$build" --output-on-failure --timeout $((seconds * 3 + 120)) -j "$(nproc)" || status=$?
if compgen -G "$build/artifacts/*" >/dev/null; then
    echo "fuzzing found problems; inputs kept in $build/artifacts:" >&2
    ls -l "$build"/artifacts >&2
    status=1
fi
exit $status
