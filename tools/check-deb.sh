#!/usr/bin/env bash
# tools/check-deb.sh BUILD_DIR [OUT_DIR]: builds the Debian package of an already built tree
# (cpack -G DEB) and checks it without installing it: dpkg -x into a throwaway directory, every
# program's shared libraries resolve (ldd) and every program answers --version. The package
# must depend on what the programs link (dpkg-shlibdeps).
#
# With CI=true and root (a throwaway CI machine or container), it then really installs the
# package with apt-get (which pulls in its dependencies), runs the installed programs and
# removes the package again.
set -euo pipefail

build_dir=$(cd "${1:?usage: tools/check-deb.sh BUILD_DIR [OUT_DIR]}" && pwd)
out_dir=${2:-$build_dir/deb}
programs=(dbs-gateway-browser dbs-gateways dbs-simulator)

fail() {
    echo "check-deb: $*" >&2
    exit 1
}

mkdir -p "$out_dir"
rm -f "$out_dir"/*.deb
(cd "$build_dir" && cpack -G DEB -B "$out_dir" >"$out_dir/cpack.log" 2>&1) ||
    { cat "$out_dir/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$out_dir"/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack wrote no .deb"
echo "check-deb: built $deb ($(du -k "$deb" | cut -f1) KiB)"

depends=$(dpkg-deb -f "$deb" Depends)
echo "check-deb: Depends: $depends"
# dpkg-shlibdeps found the Qt libraries: a package without them would install but not run.
# (Debian 13 names some of them with t64, the 64-bit time_t transition: libqt6core6t64.)
for library in libqt6core6 libqt6widgets6 libqt6network6 libc6; do
    grep -qE "\b$library(t64)?\b" <<<"$depends" || fail "Depends lacks $library (shlibdeps off?)"
done
# The .xlsx export links libxlsxwriter (libxlsxwriter4 in Debian 12; its soname differs later).
grep -qE "\blibxlsxwriter[0-9]+(t64)?\b" <<<"$depends" || fail "Depends lacks libxlsxwriter"


root=$(mktemp -d)
runtime=$(mktemp -d) # the browser's XDG_RUNTIME_DIR (Qt warns without one)
trap 'rm -rf "$root" "$runtime"' EXIT
dpkg -x "$deb" "$root"
for pattern in usr/share/applications/*.desktop usr/share/metainfo/*.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/dbs-gateway-browser.svg \
    usr/share/icons/hicolor/256x256/apps/dbs-gateway-browser.png \
    usr/lib/systemd/system/dbs-gateways-exporter.service \
    usr/share/dbs-gateways/prometheus/dbs-gateways.rules.yml; do
    matches=("$root"/$pattern)
    [ -s "${matches[0]}" ] || fail "the package lacks /$pattern"
done
# The unit runs the packaged program, not the build's or the staging directory's.
grep -q '^ExecStart=/usr/bin/dbs-gateways exporter ' "$root/usr/lib/systemd/system/dbs-gateways-exporter.service" ||
    fail "the packaged unit does not run /usr/bin/dbs-gateways exporter"
for program in "${programs[@]}"; do
    binary="$root/usr/bin/$program"
    [ -x "$binary" ] || fail "the package lacks /usr/bin/$program"
    [ -s "$root/usr/share/man/man1/$program.1.gz" ] ||
        fail "the package lacks the man page of $program"
    missing=$(ldd "$binary" | grep "not found" || true)
    [ -z "$missing" ] || fail "$program: unresolved libraries: $missing"
    version=$(XDG_RUNTIME_DIR=$runtime QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$binary" --version) ||
        fail "$program --version failed"
    [ "$version" = "$program $(dpkg-deb -f "$deb" Version)" ] ||
        fail "$program --version said \"$version\""
    echo "check-deb: $program: libraries resolve, --version: $version"
done

if [ "${CI:-}" = "true" ] && [ "$(id -u)" -eq 0 ]; then
    echo "check-deb: CI: apt-get install $deb"
    package=$(dpkg-deb -f "$deb" Package)
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$deb"
    for program in "${programs[@]}"; do
        XDG_RUNTIME_DIR=$runtime QT_QPA_PLATFORM=offscreen "/usr/bin/$program" --version ||
            fail "installed $program --version failed"
    done
    man dbs-gateways 2>/dev/null | grep -q '^EXIT STATUS$' ||
        fail "man dbs-gateways shows no EXIT STATUS after the install"
    apt-get remove -y -qq "$package"
    echo "check-deb: installed with apt, ran, removed"
fi
echo "check-deb: OK"
