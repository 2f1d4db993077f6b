#!/usr/bin/env python3
"""Writes the real OCR of ../shared/dev as plain text for the benchmarks.

Usage: bench/dev_ocr.py DEV OUT. In OUT:
  bln600.txt           the 10,400 BLN600 OCR texts, separated by blank lines
  bln600.jsonl         the same, one {"id", "text"} document per text
  bln600_articles.txt  the same texts, one paragraph per article (Sample ID)
  icdar_mono.txt, icdar_perio.txt   the ICDAR 2017 inputs, fillers @ and # removed
  all_ocr.txt          bln600.txt, then both ICDAR inputs (nothing repeated)
"""
import csv, json, sys

dev, out = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{dev}/bln600-train/train.csv", encoding="utf-8", errors="replace", newline="")))
texts = [r["OCR Text"] for r in rows]
articles = {}
for r in rows:
    articles.setdefault(r["Sample ID"], []).append(r["OCR Text"])
icdar = {k: open(f"{dev}/icdar2017-train/Eng{k}Input.txt", encoding="utf-8", errors="replace").read().replace("@", "").replace("#", "")
         for k in ("Mono", "Perio")}


def write(name, text):
    open(f"{out}/{name}", "w", encoding="utf-8").write(text)


write("bln600.txt", "\n\n".join(texts) + "\n")
write("bln600_articles.txt", "\n\n".join(" ".join(v) for v in articles.values()) + "\n")
for k, t in icdar.items():
    write(f"icdar_{k.lower()}.txt", t)
write("all_ocr.txt", "\n\n".join(texts) + "\n\n" + "\n\n".join(icdar.values()))
with open(f"{out}/bln600.jsonl", "w", encoding="utf-8") as f:
    for i, t in enumerate(texts):
        f.write(json.dumps({"id": i, "text": t}) + "\n")
