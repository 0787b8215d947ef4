#!/usr/bin/env bash
# check-rules.sh RULES TESTS: the shipped alert rules load (promtool check rules, every alert
# of the file counted), their unit tests pass (promtool test rules), and those tests cover
# every alert both firing and not firing. Fails, never skips, without promtool.
set -euo pipefail
rules=${1:?usage: check-rules.sh RULES TESTS}
tests=${2:?usage: check-rules.sh RULES TESTS}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

command -v promtool >/dev/null || fail "promtool not installed (tools/deps.sh: prometheus)"
promtool --version 2>&1 | head -n 1

mapfile -t alerts < <(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\) *$/\1/p' "$rules")
[ ${#alerts[@]} -gt 0 ] || fail "$rules: no alert found"
echo "alerts: ${alerts[*]}"

# promtool lists what it loaded: one rule per alert, none lost to a parse it tolerated.
out=$(promtool check rules "$rules" 2>&1) || fail "promtool check rules: $out"
echo "$out"
grep -q "SUCCESS: ${#alerts[@]} rules found" <<<"$out" ||
    fail "promtool check rules did not find the ${#alerts[@]} alerts of $rules"

# Every alert has a case where it fires (its labels expected) and one where it must not.
for alert in "${alerts[@]}"; do
    grep -q "^ *alertname: $alert\$" "$tests" || fail "$tests: no test of $alert"
    grep -A1 "^ *alertname: $alert\$" "$tests" | grep -q "exp_alerts: \[\]" ||
        fail "$tests: no case where $alert must not fire"
    grep -q "^ *alertname: $alert\$" <(sed -n '/exp_labels:/,/exp_annotations:/p' "$tests") ||
        fail "$tests: no case where $alert fires"
done

out=$(promtool test rules "$tests" 2>&1) || fail "promtool test rules: $out"
echo "$out"
grep -q "SUCCESS" <<<"$out" || fail "promtool test rules did not say SUCCESS"
echo "rules OK: ${#alerts[@]} alerts, each tested firing and not firing"
