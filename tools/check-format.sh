#!/usr/bin/env bash
# Fails, naming the files, when a tracked C++ file differs from what clang-format makes of it
# with the committed .clang-format. `bash tools/check-format.sh --fix` formats them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = --fix ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
unformatted=()
for file in "${files[@]}"; do
    clang-format --dry-run -Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [ ${#unformatted[@]} -gt 0 ]; then
    echo "check-format.sh: not formatted with .clang-format ($(clang-format --version)):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    echo "check-format.sh: run 'bash tools/check-format.sh --fix'" >&2
    exit 1
fi
echo "check-format.sh: ${#files[@]} files formatted"
