#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#  0. on Debian 12, a check that every C++ file is formatted with the committed .clang-format;
#  1. the normal build (./build or $BUILD_DIR) and its ctest suite;
#  2. the libFuzzer targets (clang, ./build-fuzz), each run briefly over its seed corpus
#     (tests/fuzz/run.sh $FUZZ_SECONDS, 10 s by default; FUZZ_SECONDS=0 skips it);
#  3. with SANITIZE=1 (the default when CI=true): everything again with AddressSanitizer and
#     UndefinedBehaviorSanitizer (-DDBS_SANITIZE=ON, ./build-asan) and the whole ctest suite;
#  4. with DEBIAN13=1 (the default when CI=true on Debian 12, as root): the project built and
#     tested again in a Debian 13 root (tools/debian13.sh), so that both supported releases
#     (Qt 6.4 and 6.8) are proven in one run. The fuzz targets then run there, with clang 19,
#     and Debian 12 runs the sanitizer suite.
# Ends with the time each part took.
set -euo pipefail
cd "$(dirname "$0")/.."

ci=false
[ "${CI:-}" = true ] && ci=true
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
sanitize=${SANITIZE:-$([ $ci = true ] && echo 1 || echo 0)}
debian13=${DEBIAN13:-$([ $ci = true ] && [ "$codename" = bookworm ] && [ "$(id -u)" -eq 0 ] &&
    echo 1 || echo 0)}
fuzz_seconds=${FUZZ_SECONDS:-10}
here_fuzz_seconds=$fuzz_seconds
[ "$debian13" = 1 ] && here_fuzz_seconds=0 # they run in the Debian 13 root instead

timings=()
part() { # name command...: runs it and notes how long it took
    local name=$1 start=$SECONDS
    shift
    "$@"
    timings+=("$(printf '%-44s %5d s' "$name" $((SECONDS - start)))")
}
release=$(. /etc/os-release && echo "${PRETTY_NAME:-$codename}")

# The committed format is clang-format 14's (Debian 12); other releases' clang-format breaks
# some lines differently, so the check runs where it was made.
if [ "$codename" = bookworm ]; then
    bash tools/deps.sh
    part "formatting (.clang-format)" bash tools/check-format.sh
fi

part "$release: build" bash tools/build.sh
build_dir=${BUILD_DIR:-build}
part "$release: ctest" ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j "$(nproc)"

if [ "$here_fuzz_seconds" -gt 0 ]; then
    part "$release: fuzz targets, ${here_fuzz_seconds} s each" bash tests/fuzz/run.sh "$here_fuzz_seconds"
fi

if [ "$sanitize" = 1 ]; then
    asan_dir=${ASAN_BUILD_DIR:-build-asan}
    sanitizer_build() {
        cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} \
            -DDBS_SANITIZE=ON >/dev/null
        cmake --build "$asan_dir" --parallel "$(nproc)"
    }
    part "$release: sanitizer build" sanitizer_build
    # Packaging (label install) and benchmark figures (label bench) are about the release
    # build, not memory errors: the sanitizer run skips them.
    part "$release: sanitizer ctest" ctest --test-dir "$asan_dir" --output-on-failure \
        --timeout 900 -j "$(nproc)" -LE "install|bench"
fi

if [ "$debian13" = 1 ]; then
    # Its own build folders beside ours (the checkout is shared); its own timings are printed
    # by the test.sh that runs inside.
    part "Debian 13 root: all of the above but the sanitizer suite" \
        env CI="${CI:-}" SANITIZE=0 DEBIAN13=0 FUZZ_SECONDS="$fuzz_seconds" \
        BUILD_DIR=build-debian13 FUZZ_BUILD_DIR=build-debian13-fuzz bash tools/debian13.sh
fi

echo "test.sh: every part passed. Time taken:"
printf '  %s\n' "${timings[@]}"
