#!/usr/bin/env bash
# OCR made from training books (never the held-out ones of docs/heldout.txt)
# with ../shared/tools/ocrnoise at levels 1-3, for the channel
# (emend channel train --ocrnoise DIR). Needs the packages listed in
# bench/ocrnoise_heldout.sh. Usage: scripts/ocrnoise-train.sh [SHARED] [OUT] [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-ocrnoise-train}"; PAGES="${3:-60}"
mkdir -p "$OUT"
: > "$OUT/input.txt"
# 5 kB from a third of the way into the first two training books of each author.
tail -n +2 "$SHARED/corpus/gutenberg/MANIFEST.tsv" | cut -f1 | grep -v -x -F -f <(grep -v '^#' docs/heldout.txt) |
  awk -F/ 'seen[$1]++ < 2' | while read -r book; do
  f="$SHARED/corpus/gutenberg/$book"
  n=$(wc -c < "$f"); head -c $((n / 3 + 5000)) "$f" | tail -c 5000 | sed '1d;$d' >> "$OUT/input.txt"
  printf '\n\n' >> "$OUT/input.txt"
done
for level in 1 2 3; do
  "$SHARED/tools/ocrnoise/ocrnoise" "$OUT/input.txt" -o "$OUT/l$level" --level $level --pages "$PAGES" -j 2 --seed $((level + 10)) >/dev/null
done
echo "$OUT/l1 $OUT/l2 $OUT/l3"
