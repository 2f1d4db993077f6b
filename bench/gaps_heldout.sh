#!/usr/bin/env bash
# Lacuna detection on the held-out books (docs/heldout.txt), never used for
# tuning: each whole book is damaged with `emend damage` (a preset, seed 1),
# `emend eval` scores the gaps fix finds per reason, and the clean books give
# the false gaps per 10,000 words. Usage: bench/gaps_heldout.sh [SHARED] [OUT] [PRESET] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-gaps}"; PRESET="${3:-lacunae}"; SEED="${4:-1}"
mkdir -p "$OUT"
bench/heldout_text.sh "$SHARED" "$OUT/clean.txt"
build/emend damage "$OUT/clean.txt" --ops "$PRESET" --seed "$SEED" -o "$OUT/damaged.txt" --gold "$OUT/gold.json"
build/emend fix --no-correct --json < "$OUT/damaged.txt" > "$OUT/pred.json"
echo "== $PRESET, seed $SEED: gaps in damaged held-out books"
build/emend eval "$OUT/damaged.txt" --gold "$OUT/gold.json" --pred "$OUT/pred.json" | sed -n '/^gaps/,$p'
build/emend fix --no-correct --json < "$OUT/clean.txt" > "$OUT/clean.json"
python3 - "$OUT/clean.json" "$OUT/clean.txt" <<'PY'
import json, re, sys
j = json.load(open(sys.argv[1]))
gaps = sum(1 for e in j["edits"] if "gap" in e["kind"].split("+"))
words = len(re.findall(r"\w+", open(sys.argv[2], encoding="utf-8", errors="replace").read()))
print(f"== clean held-out books: {gaps} false gaps in {words} words = {gaps * 1e4 / words:.2f} per 10,000 words")
PY
