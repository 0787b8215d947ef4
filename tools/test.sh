#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#  1. the normal build (./build or $BUILD_DIR) and its ctest suite;
#  2. the libFuzzer targets (clang, ./build-fuzz), each run briefly over its seed corpus
#     (tests/fuzz/run.sh $FUZZ_SECONDS, 10 s by default; FUZZ_SECONDS=0 skips it);
#  3. when CI=true (or SANITIZE=1): everything again with AddressSanitizer and
#     UndefinedBehaviorSanitizer (-DDBS_SANITIZE=ON, ./build-asan) and the whole ctest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
build_dir=${BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j "$(nproc)"

fuzz_seconds=${FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" -gt 0 ]; then
    bash tests/fuzz/run.sh "$fuzz_seconds"
fi

if [ "${CI:-}" = true ] || [ "${SANITIZE:-0}" = 1 ]; then
    asan_dir=${ASAN_BUILD_DIR:-build-asan}
    cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} \
        -DDBS_SANITIZE=ON >/dev/null
    cmake --build "$asan_dir" --parallel "$(nproc)"
    # Packaging (label install) and benchmark figures (label bench) are about the release
    # build, not memory errors: the sanitizer run skips them.
    ctest --test-dir "$asan_dir" --output-on-failure --timeout 900 -j "$(nproc)" -LE "install|bench"
fi
