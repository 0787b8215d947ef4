#!/usr/bin/env bash
# check-install.sh BUILD_DIR PREFIX: `cmake --install` into PREFIX (emptied first), then checks
# what a desktop expects to find there, and the exporter's systemd unit and alert rules. Fails,
# never skips, when a validator is missing.
set -euo pipefail
build_dir=${1:?usage: check-install.sh BUILD_DIR PREFIX}
prefix=${2:?usage: check-install.sh BUILD_DIR PREFIX}
programs=(dbs-gateway-browser dbs-gateways dbs-simulator)
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

rm -rf "$prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

for program in "${programs[@]}"; do
    [ -x "$prefix/bin/$program" ] || fail "bin/$program missing"
    page="$prefix/share/man/man1/$program.1.gz"
    if [ -s "$page" ]; then
        # help2man's page: the title, the NAME line, and the options of --help.
        zgrep -q "^\.TH \"\?${program^^}" "$page" || fail "$page: no .TH ${program^^}"
        zgrep -q -- '\\-\\-version' "$page" || fail "$page: no --version option"
        zgrep -q -- '\\-\\-lang' "$page" || fail "$page: no --lang option"
    else
        fail "man page $page missing"
    fi
done
zgrep -q -- '\\-\\-region' "$prefix/share/man/man1/dbs-gateways.1.gz" || fail "dbs-gateways.1: no --region"
zgrep -q -- '\\-\\-listen' "$prefix/share/man/man1/dbs-simulator.1.gz" || fail "dbs-simulator.1: no --listen"
# The sections --help and resources/man/*.h2m give them, as man(1) shows them (MANPATH: the
# scratch prefix, as /usr/local is after a real install).
shown=$(MANPATH="$prefix/share/man" MANWIDTH=100 man dbs-gateways 2>/dev/null) ||
    fail "man dbs-gateways did not run"
for section in EXAMPLES ENVIRONMENT FILES "EXIT STATUS"; do
    grep -q "^$section\$" <<<"$shown" || fail "man dbs-gateways: no $section section"
done
for program in dbs-gateway-browser dbs-simulator; do
    zgrep -q '^\.SH "EXIT STATUS"' "$prefix/share/man/man1/$program.1.gz" ||
        fail "$program.1: no EXIT STATUS"
done

# Named after the application id (DBS_APP_ID): one of each.
desktops=("$prefix"/share/applications/*.desktop)
metainfos=("$prefix"/share/metainfo/*.metainfo.xml)
[ ${#desktops[@]} -eq 1 ] && [ -s "${desktops[0]}" ] || fail "not one desktop entry: ${desktops[*]}"
[ ${#metainfos[@]} -eq 1 ] && [ -s "${metainfos[0]}" ] || fail "not one metainfo: ${metainfos[*]}"
desktop=${desktops[0]}
metainfo=${metainfos[0]}
[ "$(basename "$desktop" .desktop)" = "$(basename "$metainfo" .metainfo.xml)" ] ||
    fail "desktop entry and metainfo are named differently"
grep -q "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $(basename "$desktop")"
grep -q "^Exec=dbs-gateway-browser" "$desktop" || fail "$desktop: Exec is not dbs-gateway-browser"
grep -q "^Icon=dbs-gateway-browser$" "$desktop" || fail "$desktop: Icon is not dbs-gateway-browser"
if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
    [ -z "$out" ] || fail "desktop-file-validate says: $out"
else
    fail "desktop-file-validate not installed (tools/deps.sh: desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --pedantic "$metainfo" >/tmp/appstream.$$ 2>&1 ||
        fail "appstreamcli validate: $(cat /tmp/appstream.$$)"
    rm -f /tmp/appstream.$$
else
    fail "appstreamcli not installed (tools/deps.sh: appstream)"
fi
grep -q "<screenshot" "$metainfo" || fail "metainfo: no screenshot"
grep -q "<release " "$metainfo" || fail "metainfo: no release"
grep -q "<description>" <(sed -n '/<release /,/<\/release>/p' "$metainfo") ||
    fail "metainfo: the release has no notes"

icons="$prefix/share/icons/hicolor"
[ -s "$icons/scalable/apps/dbs-gateway-browser.svg" ] || fail "scalable icon missing"
for size in 16 22 24 32 48 64 128 256; do
    png="$icons/${size}x${size}/apps/dbs-gateway-browser.png"
    if [ ! -s "$png" ]; then
        fail "$png missing"
        continue
    fi
    # The PNG signature, then IHDR's width and height (big-endian) at bytes 16..23.
    [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$png: not a PNG"
    read -r width height < <(od -An -j16 -N8 -tu1 "$png" |
        awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
    [ "$width" = "$size" ] && [ "$height" = "$size" ] || fail "$png is ${width}x$height, not ${size}x$size"
done

# The exporter's systemd unit, running the program of this install, and its alert rules.
unit="$prefix/lib/systemd/system/dbs-gateways-exporter.service"
if [ -s "$unit" ]; then
    grep -q "^ExecStart=$prefix/bin/dbs-gateways exporter " "$unit" ||
        fail "$unit: ExecStart does not run $prefix/bin/dbs-gateways exporter"
    grep -q "$prefix/share/dbs-gateways/prometheus/dbs-gateways.rules.yml" "$unit" ||
        fail "$unit: does not name the installed alert rules"
else
    fail "systemd unit $unit missing"
fi
rules="$prefix/share/dbs-gateways/prometheus/dbs-gateways.rules.yml"
if [ -s "$rules" ]; then
    grep -q '^ *- alert: DbsGatewayOffline$' "$rules" || fail "$rules: no DbsGatewayOffline alert"
else
    fail "alert rules $rules missing"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s) in the installed tree at $prefix" >&2
    exit 1
fi
echo "installed tree OK: $(find "$prefix" -type f | wc -l) files under $prefix"
