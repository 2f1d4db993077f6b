#!/usr/bin/env bash
# bench/compare: emend and the peers (aspell, hunspell: first suggestion for
# every flagged word) on the same held-out texts, scored by emend eval.
# Usage: [LIMIT=400] bench/compare/run.sh [SHARED_DIR]: the first LIMIT held-out units of each
# set (the peers start a process per unit, so the full sets take long). One block per restorer and set.
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
    if [ $r = emend ]; then $E eval "${args[@]}" --split holdout --limit "${LIMIT:-400}" > /tmp/cmp.$$;
    else $E eval "${args[@]}" --split holdout --limit "${LIMIT:-400}" --cmd "python3 bench/compare/peer_restorer.py $r" > /tmp/cmp.$$; fi
    end=$(date +%s.%N)
    echo "== $data holdout, $r ($(echo "$end - $start" | bc) s)"
    sed -n '2p;4p;6p' /tmp/cmp.$$
  done
done
rm -f /tmp/cmp.$$
