#!/usr/bin/env bash
# Collation known-truth figures on the held-out books (docs/heldout.txt):
# the base loses numerals, quotations and parentheses (preset lacunae), three
# witnesses are damaged differently (no digits; no quotations; OCR noise from
# the learned channel), and `emend eval` scores the restored base against the
# clean books: lacunae restored per kind, words broken, CER. Then the speed
# and memory of two witnesses of 1, 2 and 4 MB.
# Usage: bench/collate_heldout.sh [SHARED] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-collate}"
E=build/emend
mkdir -p "$OUT"
bench/heldout_text.sh "$SHARED" "$OUT/clean.txt"
$E damage "$OUT/clean.txt" --ops lacunae --seed 1 -o "$OUT/base.txt" --gold "$OUT/base.gold.json"
$E damage "$OUT/clean.txt" --ops digits=1 --seed 2 -o "$OUT/nodigits.txt"
$E damage "$OUT/clean.txt" --ops quotations=1 --seed 3 -o "$OUT/noquotes.txt"
$E damage "$OUT/clean.txt" --ops ocr --seed 4 -o "$OUT/ocr.txt"
$E collate "$OUT/base.txt" "$OUT/nodigits.txt" "$OUT/noquotes.txt" "$OUT/ocr.txt" --json > "$OUT/collate.json"
echo "== base (lacunae) + witnesses nodigits, noquotes, ocr; restored base against the clean held-out books"
$E eval "$OUT/base.txt" --gold "$OUT/base.gold.json" --pred "$OUT/collate.json" | grep -E '^(cer|words broken)|restored'
echo "== speed and memory: base (digits, quotations, fuse) + one OCR witness"
for mb in 1 2 4; do
  head -c $((mb * 1048576)) "$OUT/clean.txt" > "$OUT/s.txt"
  $E damage "$OUT/s.txt" --ops digits=1,quotations=0.5,fuse=0.2 --seed 5 -o "$OUT/sb.txt"
  $E damage "$OUT/s.txt" --ops ocr --seed 6 -o "$OUT/sw.txt"
  /usr/bin/time -f "${mb} MB x 2: %e s, %M kB max RSS" $E collate "$OUT/sb.txt" "$OUT/sw.txt" -o /dev/null
done
