#!/usr/bin/env bash
# False gaps on real OCR (issue 5): OCR has no lacunae, so every gap `emend
# fix` flags there is false (or marks a quotation mark the corpus dropped).
# Inputs (bench/dev_ocr.py): the BLN600 OCR, one paragraph per article, and the
# first 3 MB of the ICDAR 2017 monographs and periodicals (alignment fillers
# @ and # removed). Prints gaps and gaps per 10,000 words for each.
# Usage: bench/gaps_ocr.sh [SHARED] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-gaps-ocr}"
mkdir -p "$OUT"
bench/dev_ocr.py "$SHARED/dev" "$OUT"
head -c 3000000 "$OUT/icdar_mono.txt" | iconv -c -f utf-8 -t utf-8 > "$OUT/icdar_mono_3mb.txt"
head -c 3000000 "$OUT/icdar_perio.txt" | iconv -c -f utf-8 -t utf-8 > "$OUT/icdar_perio_3mb.txt"
for f in bln600_articles icdar_mono_3mb icdar_perio_3mb; do
  build/emend fix --json --no-correct "$OUT/$f.txt" > "$OUT/$f.json"
  python3 - "$OUT/$f.json" "$OUT/$f.txt" "$f" <<'PY'
import collections, json, re, sys
j = json.load(open(sys.argv[1]))
by = collections.Counter(e["reason"]["rule"] for e in j["edits"] if "gap" in e["kind"].split("+"))
n = sum(by.values())
words = len(re.findall(r"\w+", open(sys.argv[2], encoding="utf-8", errors="replace").read()))
print(f"{sys.argv[3]:12s} {words:8d} words  {n:5d} gaps = {n * 1e4 / words:5.2f} per 10,000  {dict(by)}")
PY
done
