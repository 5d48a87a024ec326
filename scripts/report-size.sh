#!/usr/bin/env bash
# Prints the gzipped transfer size of a built site's wasm, JS and CSS.
set -euo pipefail
dir=${1:-dist}
total=0
for ext in wasm js css; do
  bytes=0
  for f in "$dir"/*."$ext"; do
    [ -e "$f" ] || continue
    bytes=$((bytes + $(gzip -9 -c "$f" | wc -c)))
  done
  total=$((total + bytes))
  awk -v e="$ext" -v b="$bytes" 'BEGIN { printf "[size] %-4s %7.1f KB gzipped\n", e, b / 1024 }'
done
awk -v b="$total" 'BEGIN { printf "[size] all  %7.1f KB gzipped\n", b / 1024 }'
