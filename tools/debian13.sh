#!/usr/bin/env bash
# Runs a command in a Debian 13 (trixie) root, with this checkout bound at /src and as the
# working directory:
#
#   bash tools/debian13.sh [COMMAND...]        # default: bash tools/test.sh
#
# The root is made with Debian's mmdebstrap (installed here if missing; about a minute) and
# kept in $DBS_DEBIAN13_ROOT (default /var/cache/dbs-gateway-browser/debian13) for the next
# run on this machine; a root that is missing or unfinished is made anew. Inside, /proc, /dev
# and /sys are bound in a private mount namespace (unshare -m), so the mounts vanish with the
# command. Needs root. The variables named in `passed` below are handed on; inside, HOME is the
# root's /root.
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
target=${DBS_DEBIAN13_ROOT:-/var/cache/dbs-gateway-browser/debian13}
passed=(CI SANITIZE FUZZ_SECONDS BUILD_DIR ASAN_BUILD_DIR FUZZ_BUILD_DIR BUILD_TYPE DEBIAN13)
[ $# -gt 0 ] || set -- bash tools/test.sh

[ "$(id -u)" -eq 0 ] || { echo "debian13.sh: needs root (mmdebstrap, chroot, mounts)" >&2; exit 2; }

if [ ! -f "$target/.dbs-root-complete" ]; then
    if ! command -v mmdebstrap >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap
    fi
    echo "debian13.sh: making a Debian 13 root in $target"
    rm -rf "$target"
    mkdir -p "$(dirname "$target")"
    mmdebstrap --quiet --variant=apt --include=ca-certificates trixie "$target"
    touch "$target/.dbs-root-complete"
fi
mkdir -p "$target/src"
cp /etc/resolv.conf "$target/etc/resolv.conf"

environment=(HOME=/root LC_ALL=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
for name in "${passed[@]}"; do
    if [ -n "${!name+set}" ]; then environment+=("$name=${!name}"); fi
done
# The root trusts what this machine trusts beyond Debian's list (a company's or a proxy's CA,
# which npm then needs to reach its registry): the local certificates, and Node's extra ones.
rm -f "$target"/usr/local/share/ca-certificates/host-*.crt
for certificate in /usr/local/share/ca-certificates/*.crt; do
    [ -f "$certificate" ] || continue
    mkdir -p "$target/usr/local/share/ca-certificates"
    cp "$certificate" "$target/usr/local/share/ca-certificates/host-$(basename "$certificate")"
done
chroot "$target" update-ca-certificates --fresh >/dev/null 2>&1 ||
    echo "debian13.sh: update-ca-certificates failed in the root" >&2
if [ -f "${NODE_EXTRA_CA_CERTS:-}" ]; then
    cp "$NODE_EXTRA_CA_CERTS" "$target/etc/ssl/certs/host-node-extra-ca.pem"
    environment+=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-node-extra-ca.pem)
fi
# The command's words, quoted for the shell inside.
command=$(printf '%q ' "$@")
unshare --mount --propagation private bash -euc '
    target=$1 checkout=$2 command=$3
    shift 3
    mount -t proc proc "$target/proc"
    mount --rbind /dev "$target/dev"
    mount --rbind /sys "$target/sys"
    mount --bind "$checkout" "$target/src"
    exec chroot "$target" /usr/bin/env -i "$@" bash -c "cd /src && $command"
' debian13 "$target" "$checkout" "$command" "${environment[@]}"
