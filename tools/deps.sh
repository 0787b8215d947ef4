#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libcpp-httplib-dev libssl-dev openssl libqt6svg6
    xvfb xauth gnome-keyring dbus-x11 fonts-wqy-microhei
    help2man desktop-file-utils appstream dpkg-dev # tests/install: man pages, checks, .deb
    clang libclang-rt-14-dev # tests/fuzz: libFuzzer
    nghttp2-proxy # tests/client tst_http2, tests/bench: nghttpx as a TLS HTTP/2 front
    time # tests/bench/run.sh: /usr/bin/time for peak memory
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
