#!/usr/bin/env bash
# Correction speed on real OCR (issue 4): all 10,400 BLN600 OCR texts
# (1.4 MB, CER about 7%) as one plain-text file (texts separated by a blank
# line) and as JSONL (one document per text); the ICDAR 2017 monographs
# (CER 4.4%, book OCR) alone; and, for threads, all real OCR
# of ../shared/dev as one 6.4 MB file (BLN600, then the ICDAR 2017
# monographs and periodicals with their alignment fillers @ and # removed;
# no text repeated, since repeats would hit the candidate cache). Each timing
# is the best of three wall times of `emend fix` (start-up included).
# Usage: bench/correct_speed.sh [SHARED] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"; OUT="${2:-/tmp/emend-speed}"
mkdir -p "$OUT"
bench/dev_ocr.py "$SHARED/dev" "$OUT"
words() { python3 -c "import re,sys; print(len(re.findall(r'\w+', open(sys.argv[1], encoding='utf-8').read())))" "$1"; }
best() {  # best of three wall times of the command
  local b=999
  for _ in 1 2 3; do
    local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $e - $s))")
  done
  echo "$b"
}
report() {  # label, words, command...
  local label=$1 n=$2; shift 2
  local t; t=$(best "$@")
  python3 -c "print(f'{\"$label\":<44} {$t:6.2f} s  {$n / $t / 1000:6.1f}k words/s')"
}
n1=$(words "$OUT/bln600.txt"); na=$(words "$OUT/all_ocr.txt"); nm=$(words "$OUT/icdar_mono.txt")
echo "== BLN600 OCR: $n1 words; all dev OCR: $na words; ICDAR monographs: $nm words"
report "fix (default: correction + gaps)" "$n1" build/emend fix "$OUT/bln600.txt"
report "fix --no-gaps" "$n1" build/emend fix --no-gaps "$OUT/bln600.txt"
report "fix, ICDAR 2017 monographs (CER 4.4%)" "$nm" build/emend fix "$OUT/icdar_mono.txt"
report "fix --no-gaps, ICDAR 2017 monographs" "$nm" build/emend fix --no-gaps "$OUT/icdar_mono.txt"
report "fix, all dev OCR" "$na" build/emend fix "$OUT/all_ocr.txt"
report "fix --threads 2, all dev OCR" "$na" build/emend fix --threads 2 "$OUT/all_ocr.txt"
report "fix --jsonl (10,400 documents)" "$n1" build/emend fix --jsonl "$OUT/bln600.jsonl"
report "start-up alone (one word)" 1 bash -c "echo word | build/emend fix"
