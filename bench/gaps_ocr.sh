#!/usr/bin/env bash
# False gaps on real OCR (issue 5): OCR has no lacunae, so every gap `emend
# fix` flags there is false (or marks a quotation mark the corpus dropped).
# Inputs: the BLN600 OCR, one paragraph per article (236,883 words), and the
# first 3 MB of the ICDAR 2017 monographs and periodicals (alignment fillers
# @ and # removed). Prints gaps and gaps per 10,000 words for each.
# Usage: bench/gaps_ocr.sh [SHARED] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-gaps-ocr}"
mkdir -p "$OUT"
python3 - "$SHARED/dev" "$OUT" <<'PY'
import csv, sys
dev, out = sys.argv[1], sys.argv[2]
articles = {}
for r in csv.DictReader(open(f"{dev}/bln600-train/train.csv", encoding="utf-8", errors="replace", newline="")):
    articles.setdefault(r["Sample ID"], []).append(r["OCR Text"])
open(f"{out}/bln600.txt", "w", encoding="utf-8").write("\n\n".join(" ".join(v) for v in articles.values()) + "\n")
for k in ("Mono", "Perio"):
    t = open(f"{dev}/icdar2017-train/Eng{k}Input.txt", encoding="utf-8", errors="replace").read()
    t = t.replace("@", "").replace("#", "").encode("utf-8")[:3000000].decode("utf-8", "ignore")
    open(f"{out}/icdar_{k.lower()}.txt", "w", encoding="utf-8").write(t)
PY
for f in bln600 icdar_mono icdar_perio; do
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
