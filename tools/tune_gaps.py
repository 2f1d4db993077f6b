#!/usr/bin/env python3
"""Tunes the lacuna weights of src/gaps/lacunae.cc (a development tool).

Reads, for each book i of DIR: bI.dam.txt and bI.gold.json (emend damage on a
development or training book, never a held-out one), bI.feat (EMEND_GAP_DEBUG=1 emend fix on
the damaged text) and bI.cfeat (the same on the clean text, for false gaps).
Prints precision/recall per reason and false gaps per 10,000 clean words for
the weights given, so that they can be searched by hand or by a grid.
Usage: tune_gaps.py DIR N "b0,b1,b2,l0,l1,l2,stop,glue,fused,lower,open,colon,end,indent,blank,pcomma,pcolon,ccap,attr,kept"
"""
import json, re, sys, itertools

REASONS = ["numeral", "quotation", "parenthetical"]

def boundary_index(text):
    b = text.encode("utf-8", "surrogateescape")
    idx = [0] * (len(b) + 1)
    toks, in_word, i = 0, False, 0
    s = b.decode("utf-8", "replace")
    # byte offsets of each code point
    pos = 0
    for ch in s:
        n = len(ch.encode("utf-8")) if ch != "\ufffd" else 1
        word = ch.isalnum()
        space = ch.isspace()
        if in_word and not word: toks += 1
        for k in range(n):
            if pos + k < len(idx): idx[pos + k] = toks
        if not word and not space: toks += 1
        in_word = word
        pos += n
    idx[len(b)] = toks + (1 if in_word else 0)
    return idx

def load_feats(path):
    rows = []
    for line in open(path):
        if not line.startswith("F "): continue
        p = line.split()
        cues = p[5]; cert = p[6]
        head = float(p[7]) if len(p) > 7 else -99.0  # log10 p(<num>) before the boundary
        rows.append((int(p[1]), [float(p[2]), float(p[3]), float(p[4])],
                     [c == "1" for c in cues], [c == "1" for c in cert], head))
    return rows

def score(row, w):
    off, d, cues, cert, head = row
    stop, glue, fused, lower, open_end, colon, end, indent, blank = cues[:9]
    pcomma, pcolon, ccap, attr, kept, stitch = (cues[9:15] + [False] * 6)[:6]
    s = []
    for r in range(3):
        x = w[r] + w[3 + r] * d[r] + (w[6] if stop else 0) + (w[7] if glue else 0) + (w[8] if fused else 0) + (8 if cert[r] else 0)
        if r == 0: x += (w[12] if end else 0) + (w[19] if kept and len(w) > 19 else 0)
        if cert[r]: x = max(x, 3.0)  # as Weigh in lacunae.cc: before the quotation cues
        if r == 0 and stitch: x = max(x, 3.0 + head + (w[19] if kept and len(w) > 19 else 0))
        if r == 1: x += (w[9] if lower else 0) + (w[10] if open_end else 0) + (w[11] if colon else 0) + (w[13] if indent else 0) + (w[14] if blank else 0)
        if r == 1 and len(w) > 15: x += (w[15] if pcomma else 0) + (w[16] if pcolon else 0) + (w[17] if ccap else 0)
        if r == 1 and len(w) > 18: x += (w[18] if attr else 0)
        s.append(x)
    r = max(range(3), key=lambda k: s[k])
    return r, s[r]

def nms(preds, idx=None):
    preds.sort()
    out = []
    tok = int(__import__("os").environ.get("NMS_TOK", "1"))
    def near(a, b):
        if tok and idx: return idx[min(b, len(idx)-1)] - idx[min(a, len(idx)-1)] <= tok
        return b - a <= 24
    for i, (o, r, sc) in enumerate(preds):
        weaker = (i > 0 and preds[i-1][1] == r and near(preds[i-1][0], o) and preds[i-1][2] >= sc) or \
                 (i + 1 < len(preds) and preds[i+1][1] == r and near(o, preds[i+1][0]) and preds[i+1][2] > sc)
        if not weaker: out.append((o, r, sc))
    return out

def evaluate(d, n, w, data):
    stats = {r: [0, 0, 0, 0] for r in REASONS}  # gold found pred right
    false_clean, clean_words = 0, 0
    for i in range(n):
        idx, gold, feats, cfeats, words, cidx = data[i]
        preds = nms([(o, r, sc) for (o, r, sc) in (( row[0],) + score(row, w) for row in feats) if sc > 0], idx)
        pb = [(idx[min(o, len(idx)-1)], REASONS[r]) for o, r, _ in preds]
        for gb, gr in gold:
            if gr not in stats: continue
            stats[gr][0] += 1
            stats[gr][1] += any(abs(gb - b) <= 1 and r == gr for b, r in pb)
        for b, r in pb:
            stats[r][2] += 1
            stats[r][3] += any(abs(gb - b) <= 1 and gr == r for gb, gr in gold)
        cp = nms([(o, r, sc) for (o, r, sc) in ((row[0],) + score(row, w) for row in cfeats) if sc > 0], cidx)
        false_clean += len(cp)
        clean_words += words
    return stats, false_clean, clean_words

def load(d, n):
    data = []
    for i in range(n):
        dam = open(f"{d}/b{i}.dam.txt", encoding="utf-8", errors="surrogateescape").read()
        idx = boundary_index(dam)
        g = json.load(open(f"{d}/b{i}.gold.json"))
        gold = [(idx[e["start"]], e["reason"]["rule"][4:]) for e in g["edits"] if e["kind"] == "gap"]
        clean = open(f"{d}/b{i}.txt", encoding="utf-8", errors="surrogateescape").read()
        words = len(re.findall(r"\w+", clean))
        data.append((idx, gold, load_feats(f"{d}/b{i}.feat"), load_feats(f"{d}/b{i}.cfeat"), words, boundary_index(clean)))
    return data

if __name__ == "__main__":
    d, n, w = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split(",")]
    data = load(d, n)
    stats, fc, cw = evaluate(d, n, w, data)
    for r, (g, f, p, rt) in stats.items():
        print(f"{r:14s} gold {g:5d} recall {f/max(g,1):.3f}  pred {p:5d} precision {rt/max(p,1):.3f}")
    print(f"clean: {fc} gaps in {cw} words = {fc*1e4/max(cw,1):.2f} per 10k")
