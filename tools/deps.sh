#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing, for the release it runs
# on: Debian 12 (bookworm, Qt 6.4) or Debian 13 (trixie, Qt 6.8). They differ in clang's
# runtime (clang 14 and 19) and in where Qt's SVG image plugin lives.
set -euo pipefail

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
# Debian 13 also splits Qt's SVG image plugin (the icons) out of libqt6svg6.
svg_plugin=()
# Debian 13's xlsxwriter.pc requires minizip and zlib without its -dev package depending on
# theirs; Debian 12's libxlsxwriter carries its own minizip.
xlsx_private=()
case "$codename" in
bookworm) clang_runtime=libclang-rt-14-dev ;;
trixie)
    clang_runtime=libclang-rt-19-dev
    svg_plugin=(qt6-svg-plugins)
    xlsx_private=(libminizip-dev zlib1g-dev)
    ;;
*)
    echo "deps.sh: $(. /etc/os-release && echo "${PRETTY_NAME:-this system}") is not a release" \
        "this project is built on (Debian 12 or 13); trying Debian 13's packages" >&2
    clang_runtime=libclang-rt-dev
    svg_plugin=(qt6-svg-plugins)
    xlsx_private=(libminizip-dev zlib1g-dev)
    ;;
esac

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libcpp-httplib-dev libssl-dev openssl libqt6svg6 "${svg_plugin[@]}"
    libxlsxwriter-dev "${xlsx_private[@]}" # app/export: the .xlsx export
    xvfb xauth gnome-keyring dbus-x11 fonts-wqy-microhei
    help2man man-db desktop-file-utils appstream dpkg-dev file # tests/install: man, checks, .deb
    clang "$clang_runtime" # tests/fuzz: libFuzzer
    clang-format # tools/check-format.sh
    nghttp2-proxy # tests/client tst_http2, tests/bench: nghttpx as a TLS HTTP/2 front
    time # tests/bench/run.sh: /usr/bin/time for peak memory
    libreoffice-calc-nogui # tests: soffice --headless reads the .xlsx exports back
    util-linux mount iproute2 # tests/interop/credentials.mjs: unshare, mount --bind, ip addr
    # tests/monitoring: promtool (check and test the alert rules; the package also brings a
    # Prometheus server, which no test needs running) and systemd-analyze (verify and rate
    # the exporter's unit; systemd need not be running).
    prometheus systemd
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
