#!/usr/bin/env bash
# Writes the held-out books of docs/heldout.txt, whole and in order, each
# followed by a blank line, to OUT. Used by the held-out benchmarks.
# Usage: bench/heldout_text.sh SHARED OUT (from the repository root)
set -euo pipefail
: > "$2"
grep -v '^#' docs/heldout.txt | while read -r book; do
  cat "$1/corpus/gutenberg/$book" >> "$2"
  printf '\n\n' >> "$2"
done
