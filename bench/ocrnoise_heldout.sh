#!/usr/bin/env bash
# Real OCR errors on held-out books: typesets part of each book in
# docs/heldout.txt with ../shared/tools/ocrnoise (Tesseract), at levels 1-3,
# then scores emend on the result (pooled over books, paragraph-joined text).
# Needs: tesseract-ocr tesseract-ocr-eng imagemagick pango1.0-tools fontconfig
# hyphen-en-us fonts-ebgaramond (Debian). Usage: bench/ocrnoise_heldout.sh [SHARED] [OUT] [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-ocrnoise}"; PAGES="${3:-60}"
mkdir -p "$OUT"
# 5 kB from the middle of each held-out book (past the Gutenberg header).
: > "$OUT/input.txt"
grep -v '^#' docs/heldout.txt | while read -r book; do
  f="$SHARED/corpus/gutenberg/$book"
  n=$(wc -c < "$f"); head -c $((n / 2 + 5000)) "$f" | tail -c 5000 | sed '1d;$d' >> "$OUT/input.txt"
  printf '\n\n' >> "$OUT/input.txt"
done
for level in 1 2 3; do
  "$SHARED/tools/ocrnoise/ocrnoise" "$OUT/input.txt" -o "$OUT/l$level" --level $level --pages "$PAGES" -j 2 --seed 1 >/dev/null
  echo "== level $level"
  build/emend eval "$OUT/l$level/ocr_par.txt" --gold "$OUT/l$level/gt_par.txt" --format pairs | sed -n '2p;4p;6p'
done
