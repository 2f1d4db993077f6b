#!/usr/bin/env bash
# bench/compare: emend and the peers (aspell, hunspell: first suggestion for
# every flagged word) on the same held-out texts, scored by emend eval.
# Usage: bench/compare/run.sh [SHARED_DIR]. Prints one block per restorer and data set.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${1:-../shared}"
E=build/emend
BLN="$SHARED/dev/bln600-train/train.csv"
MONO=("$SHARED/dev/icdar2017-train/EngMonoInput.txt" --gold "$SHARED/dev/icdar2017-train/EngMonoGS.txt")
for data in bln mono; do
  if [ $data = bln ]; then args=("$BLN"); else args=("${MONO[@]}"); fi
  for r in emend aspell hunspell; do
    start=$(date +%s.%N)
    if [ $r = emend ]; then $E eval "${args[@]}" --split holdout > /tmp/cmp.$$;
    else $E eval "${args[@]}" --split holdout --cmd "python3 bench/compare/peer_restorer.py $r" > /tmp/cmp.$$; fi
    end=$(date +%s.%N)
    echo "== $data holdout, $r ($(echo "$end - $start" | bc) s)"
    sed -n '2p;4p;6p' /tmp/cmp.$$
  done
done
rm -f /tmp/cmp.$$
