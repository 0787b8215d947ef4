#!/usr/bin/env bash
# check-unit.sh UNIT PROGRAM WORK_DIR: the exporter's systemd unit passes `systemd-analyze
# verify` without a word, and `systemd-analyze security --offline=yes` rates it at most OK.
# verify needs the ExecStart program to exist, so both look at a copy that runs PROGRAM (the
# built dbs-gateways) instead of /usr/bin/dbs-gateways. Fails, never skips, without
# systemd-analyze.
set -euo pipefail
unit=${1:?usage: check-unit.sh UNIT PROGRAM WORK_DIR}
program=${2:?usage: check-unit.sh UNIT PROGRAM WORK_DIR}
work=${3:?usage: check-unit.sh UNIT PROGRAM WORK_DIR}
name=$(basename "$unit")
# systemd-analyze's scale, in tenths: 0 PERFECT, up to 0.9 SAFE, up to 4.9 OK, up to 7.4
# MEDIUM, then EXPOSED, UNSAFE, DANGEROUS. --threshold fails what is above it.
threshold=49

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

command -v systemd-analyze >/dev/null || fail "systemd-analyze not installed (tools/deps.sh: systemd)"
systemd-analyze --version | head -n 1
[ -x "$program" ] || fail "$program is not a program"

# What the copy changes must be there to change: the program, and only in ExecStart.
grep -q '^ExecStart=/usr/bin/dbs-gateways exporter ' "$unit" ||
    fail "$unit: ExecStart does not run /usr/bin/dbs-gateways exporter"
rm -rf "$work"
mkdir -p "$work"
sed "s|^ExecStart=/usr/bin/dbs-gateways |ExecStart=$program |" "$unit" >"$work/$name"
grep -q "^ExecStart=$program exporter " "$work/$name" || fail "the copy does not run $program"

# The man page the unit documents is one this project writes (verify cannot look for it in
# a build tree; --man=no).
grep -q '^Documentation=man:dbs-gateways(1)$' "$unit" || fail "$unit: no Documentation=man:dbs-gateways(1)"

# verify says nothing about a good unit: any line (an unknown or misspelt setting, a value it
# ignores) is a fault, even where its exit status is 0.
out=$(cd "$work" && systemd-analyze verify --man=no "./$name" 2>&1) ||
    fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify says: $out"
echo "systemd-analyze verify: no complaint"

status=0
out=$(cd "$work" && systemd-analyze security --offline=yes --threshold=$threshold --no-pager "./$name" 2>&1) ||
    status=$?
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p' <<<"$out")
[ -n "$score" ] || fail "systemd-analyze security gave no overall exposure level: $out"
echo "systemd-analyze security: exposure $score (at most $((threshold / 10)).$((threshold % 10)) wanted)"
if [ "$status" -ne 0 ]; then
    grep '✗' <<<"$out" >&2 || true
    fail "exposure $score is above $((threshold / 10)).$((threshold % 10)) (systemd-analyze security exit $status)"
fi
# The same judgement from the printed score, should --threshold ever judge otherwise.
awk -v s="${score% *}" -v t="$threshold" 'BEGIN { exit !(s * 10 <= t + 0.001) }' ||
    fail "exposure $score is above the threshold"
echo "unit OK"
