#!/usr/bin/env python3
"""Random search over lacuna weights with tune_gaps.py's scorer (development tool).
Constraints: numeral precision >= P0, quotation precision >= P1, clean false
gaps <= C per 10k words; objective: numeral recall + quotation recall."""
import random, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import tune_gaps as T

d, n = sys.argv[1], int(sys.argv[2])
start = [float(x) for x in sys.argv[3].split(",")]
iters = int(sys.argv[4]) if len(sys.argv) > 4 else 300
P0, P1, C = float(__import__("os").environ.get("P0", "0.925")), float(__import__("os").environ.get("P1", "0.85")), float(__import__("os").environ.get("C", "0.7"))
KEEP = float(__import__("os").environ.get("KEEP", "-4"))  # rows weaker than this never pass
data = T.load(d, n)
def keep(row):
    return max(row[1]) > KEEP or any(row[2]) or any(row[3])
data = [(idx, gold, [r for r in f if keep(r)], [r for r in c if keep(r)], w, ci) for idx, gold, f, c, w, ci in data]

def objective(w):
    st, fc, cw = T.evaluate(d, n, w, data)
    g, f, p, r = st["numeral"]; gq, fq, pq, rq = st["quotation"]
    rec0, pr0, rec1, pr1 = f / max(g, 1), r / max(p, 1), fq / max(gq, 1), rq / max(pq, 1)
    clean = fc * 1e4 / max(cw, 1)
    pen = max(0, P0 - pr0) * 20 + max(0, P1 - pr1) * 20 + max(0, clean - C) * 0.5
    return rec0 + rec1 - pen, (rec0, pr0, rec1, pr1, clean)

random.seed(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
best, info = objective(start)
cur = start[:]
print("start", round(best, 4), [round(x, 3) for x in info], flush=True)
for it in range(iters):
    cand = cur[:]
    for k in random.sample(range(len(cand)), 2):
        if k == 2: continue
        cand[k] += random.gauss(0, float(__import__("os").environ.get("STEP", "0.4")))
    val, inf = objective(cand)
    if val > best:
        best, info, cur = val, inf, cand
        print(it, round(best, 4), [round(x, 3) for x in info], ",".join(f"{x:.2f}" for x in cur), flush=True)
print("best", ",".join(f"{x:.2f}" for x in cur), [round(x, 3) for x in info])
