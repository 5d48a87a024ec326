#!/usr/bin/env bash
# Prints what a built site's wasm, JS and CSS weigh on the wire: the
# precompressed .br and .gz files that post-build.mjs wrote beside them.
set -euo pipefail
dir=${1:-dist}
size() { [ -e "$1" ] && wc -c < "$1" || wc -c < "${1%.*}"; }
declare -A total=([br]=0 [gz]=0)
for ext in wasm js css; do
  line=$(printf '[size] %-4s' "$ext")
  for enc in br gz; do
    bytes=0
    for f in "$dir"/*."$ext"; do
      [ -e "$f" ] || continue
      bytes=$((bytes + $(size "$f.$enc")))
    done
    total[$enc]=$((total[$enc] + bytes))
    line+=$(awk -v e="$enc" -v b="$bytes" 'BEGIN { printf "  %s %7.1f KB", e, b / 1024 }')
  done
  echo "$line"
done
awk -v br="${total[br]}" -v gz="${total[gz]}" 'BEGIN { printf "[size] all   br %7.1f KB  gz %7.1f KB\n", br / 1024, gz / 1024 }'
