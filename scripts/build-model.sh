#!/usr/bin/env bash
# Builds the default English model exactly as committed: emend train on
# ../shared/corpus/gutenberg minus the held-out books of docs/heldout.txt,
# without hash indexes (the build adds them: emend model index), then zstd. Deterministic: the same corpus gives the same bytes.
# Usage: scripts/build-model.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
bash scripts/build.sh >/dev/null
build/emend train --corpus "$SHARED/corpus/gutenberg" --exclude-list docs/heldout.txt \
  --order 3 --prune 1,2 --min-count 2 --char-order 6 --name en-gutenberg --no-index --out build/en.emlm
mkdir -p models
zstd -19 -T2 -q -f build/en.emlm -o models/en.emlm.zst
# The OCR channel: the training splits of BLN600 and ICDAR 2017 (the held-out
# 20% by XXH3-64(id) % 5 == 0 are never read) and Tesseract OCR of training
# books made by ocrnoise (needs the packages listed in bench/ocrnoise_heldout.sh).
bash scripts/ocrnoise-train.sh "$SHARED" build/ocrnoise-train 60 >/dev/null
build/emend channel train --bln600 "$SHARED/dev/bln600-train/train.csv" \
  --icdar "$SHARED/dev/icdar2017-train/EngMonoInput.txt" --icdar "$SHARED/dev/icdar2017-train/EngPerioInput.txt" \
  --ocrnoise build/ocrnoise-train/l1 --ocrnoise build/ocrnoise-train/l2 --ocrnoise build/ocrnoise-train/l3 \
  --out models/en.channel.tsv
ls -l build/en.emlm models/en.emlm.zst models/en.channel.tsv
