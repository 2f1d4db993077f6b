#!/usr/bin/env bash
# Builds an honest development set for tuning lacuna detection (a development
# tool; never touches the held-out books of docs/heldout.txt):
#  - dev books: for each author, the two books of 150-600 kB (not held out)
#    whose paths have the smallest MD5 (the held-out rule, next in line);
#  - a development model trained without the held-out AND the dev books, so
#    that the dev books are as new to it as the held-out books are to the
#    default model (tuning against a model that saw the text overstates recall);
#  - for each dev book i: bI.txt (clean), bI.dam.txt + bI.gold.json (emend
#    damage, PRESET, seed 1), bI.feat / bI.cfeat (EMEND_GAP_DEBUG features of
#    the damaged / clean text), as tools/tune_gaps.py reads them.
# Usage: tools/gaps_devset.sh OUT [SHARED] [PRESET]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"; SHARED="${2:-../shared}"; PRESET="${3:-lacunae}"
mkdir -p "$OUT"
G="$SHARED/corpus/gutenberg"
tail -n +2 "$G/MANIFEST.tsv" | while IFS=$'\t' read -r file author _ bytes; do
  [ "$bytes" -ge 150000 ] && [ "$bytes" -le 600000 ] || continue
  grep -qxF "$file" docs/heldout.txt && continue
  printf '%s\t%s\t%s\n' "$author" "$(printf '%s' "$file" | md5sum | cut -c1-32)" "$file"
done | sort -t$'\t' -k1,1 -k2,2 | awk -F'\t' '{ if (n[$1]++ < 2) print $3 }' > "$OUT/devbooks.txt"
{ grep -v '^#' docs/heldout.txt; cat "$OUT/devbooks.txt"; } > "$OUT/exclude.txt"
[ -s "$OUT/dev.emlm" ] || build/emend train -q --corpus "$G" --exclude-list "$OUT/exclude.txt" \
  --order 3 --prune 1,2 --min-count 2 --char-order 6 --name dev --out "$OUT/dev.emlm"
i=0
while read -r book; do
  cp "$G/$book" "$OUT/b$i.txt"
  build/emend damage "$OUT/b$i.txt" --ops "$PRESET" --seed 1 -o "$OUT/b$i.dam.txt" --gold "$OUT/b$i.gold.json"
  EMEND_GAP_DEBUG=1 build/emend fix --model "$OUT/dev.emlm" --no-correct < "$OUT/b$i.dam.txt" 2> "$OUT/b$i.feat" > /dev/null
  EMEND_GAP_DEBUG=1 build/emend fix --model "$OUT/dev.emlm" --no-correct < "$OUT/b$i.txt" 2> "$OUT/b$i.cfeat" > /dev/null
  i=$((i + 1))
done < "$OUT/devbooks.txt"
echo "$i dev books in $OUT"
