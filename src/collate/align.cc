#include "collate/align.h"

#include <algorithm>
#include <unordered_map>

#include "text/utf8.h"
#include "util/hash.h"

namespace emend::collate {
namespace {

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

char32_t NormalMark(char32_t c) {
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) return '"';
  if (c == 0x2018 || c == 0x2019 || c == '`') return '\'';
  if (c == 0x2014 || c == 0x2013) return '-';
  return c;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  std::string norm;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    size_t n = text::DecodeOrReplace(s, i, &cp);
    if (text::IsLetter(cp) || text::IsDigit(cp)) {
      Token t;
      t.begin = static_cast<uint32_t>(i);
      norm.clear();
      bool digits = true;
      size_t j = i;
      while (j < s.size()) {
        char32_t c;
        size_t m = text::DecodeOrReplace(s, j, &c);
        bool inner = (IsApostrophe(c) || (digits && (c == ',' || c == '.' || c == ':'))) && j + m < s.size();
        if (inner) {  // kept only between two word characters
          char32_t next;
          text::DecodeOrReplace(s, j + m, &next);
          inner = text::IsLetter(next) || text::IsDigit(next);
          if (inner && !IsApostrophe(c) && !text::IsDigit(next)) inner = false;
        }
        if (!(text::IsLetter(c) || text::IsDigit(c) || inner)) break;
        digits &= text::IsDigit(c) || c == ',' || c == '.' || c == ':';
        text::AppendUtf8(IsApostrophe(c) ? U'\'' : text::ToLower(c), &norm);
        j += m;
      }
      t.end = static_cast<uint32_t>(j);
      t.word = true;
      t.digits = digits;
      t.key = util::Hash64(norm);
      t.first = static_cast<uint8_t>(norm.front());
      t.last = static_cast<uint8_t>(norm.back());
      t.len = static_cast<uint16_t>(std::min<size_t>(norm.size(), 65535));
      out.push_back(t);
      i = j;
      continue;
    }
    if (!(cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || text::IsSpace(cp))) {
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + n);
      norm.clear();
      text::AppendUtf8(NormalMark(cp), &norm);
      t.key = util::Hash64(norm) ^ 0x9e3779b97f4a7c15ull;
      out.push_back(t);
    }
    i += n;
  }
  return out;
}

uint32_t SubCost(const Token& a, const Token& b) {
  if (a.word != b.word) return kUnrelated;
  if (!a.word) return 2;
  bool near = (a.len > b.len ? a.len - b.len : b.len - a.len) <= 2 && (a.first == b.first || a.last == b.last);
  return near ? 2 : kUnrelated;
}

namespace {

using Toks = std::vector<Token>;

// Exact DP with affine gap costs (Gotoh) over [b0, b1) x [w0, w1), appending
// steps. States: 0 = last step diagonal, 1 = deletion, 2 = insertion. A gap
// costs kGapOpen + kGapExtend per token, so one run of lost material beats
// the same tokens lost in pieces around a chance match.
void Dp(const Toks& B, const Toks& W, uint32_t b0, uint32_t b1, uint32_t w0, uint32_t w1, Alignment* out) {
  const size_t n = b1 - b0, m = w1 - w0;
  constexpr uint32_t kInf = 1u << 30;
  std::vector<uint32_t> cost[3];
  for (auto& c : cost) c.assign((n + 1) * (m + 1), kInf);
  std::vector<uint8_t> from((n + 1) * (m + 1) * 3);  // predecessor state of each state
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  auto best_of = [&](size_t cell, uint32_t add0, uint32_t add1, uint32_t add2, uint8_t* which) {
    uint32_t v[3] = {cost[0][cell] + add0, cost[1][cell] + add1, cost[2][cell] + add2};
    uint8_t k = 0;
    if (v[1] < v[k]) k = 1;
    if (v[2] < v[k]) k = 2;
    *which = k;
    return v[k];
  };
  cost[0][0] = 0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      const size_t c = at(i, j);
      uint8_t k;
      if (i && j) {
        const Token& tb = B[b0 + i - 1];
        const Token& tw = W[w0 + j - 1];
        uint32_t sub = tb.key == tw.key ? 0 : SubCost(tb, tw);
        cost[0][c] = best_of(at(i - 1, j - 1), sub, sub, sub, &k);
        from[c * 3 + 0] = k;
      }
      if (i) {
        cost[1][c] = best_of(at(i - 1, j), kGapOpen + kGapExtend, kGapExtend, kGapOpen + kGapExtend, &k);
        from[c * 3 + 1] = k;
      }
      if (j) {
        cost[2][c] = best_of(at(i, j - 1), kGapOpen + kGapExtend, kGapOpen + kGapExtend, kGapExtend, &k);
        from[c * 3 + 2] = k;
      }
    }
  }
  uint8_t state;
  uint32_t total = best_of(at(n, m), 0, 0, 0, &state);
  std::vector<Step> rev;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    uint8_t prev = from[at(i, j) * 3 + state];
    if (state == 0) {
      bool same = B[b0 + i - 1].key == W[w0 + j - 1].key;
      rev.push_back({same ? Op::kMatch : Op::kSub, uint32_t(b0 + i - 1), uint32_t(w0 + j - 1)});
      --i, --j;
    } else if (state == 1) {
      rev.push_back({Op::kDel, uint32_t(b0 + i - 1), 0});
      --i;
    } else {
      rev.push_back({Op::kIns, 0, uint32_t(w0 + j - 1)});
      --j;
    }
    state = prev;
  }
  out->cost += total;
  out->steps.insert(out->steps.end(), rev.rbegin(), rev.rend());
}

struct Anchor { uint32_t b, w; };

// The largest DP run where no anchor is left (about 60 MB of tables): memory
// stays linear in the input plus this constant.
constexpr uint64_t kMaxFallbackCells = 4000000;

uint64_t GramKey(const Toks& t, uint32_t i, int n) {
  uint64_t h = 0x84222325cbf29ce4ull;
  for (int k = 0; k < n; ++k) h = (h ^ t[i + k].key) * 0x100000001b3ull + (h >> 29);
  return h;
}

// n-grams occurring exactly once in each range, as (base, witness) starts.
std::vector<Anchor> UniqueGrams(const Toks& B, const Toks& W, uint32_t b0, uint32_t b1, uint32_t w0, uint32_t w1,
                                int n) {
  std::vector<Anchor> out;
  if (b1 - b0 < uint32_t(n) || w1 - w0 < uint32_t(n)) return out;
  // count: low 32 bits = occurrences in base, high = in witness; positions kept aside
  std::unordered_map<uint64_t, std::pair<uint64_t, Anchor>> seen;
  seen.reserve((b1 - b0) * 2);
  for (uint32_t i = b0; i + n <= b1; ++i) {
    auto& e = seen[GramKey(B, i, n)];
    e.first += 1;
    e.second.b = i;
  }
  for (uint32_t j = w0; j + n <= w1; ++j) {
    auto it = seen.find(GramKey(W, j, n));
    if (it == seen.end()) continue;
    it->second.first += 1ull << 32;
    it->second.second.w = j;
  }
  for (auto& [k, e] : seen)
    if (e.first == (1ull << 32) + 1) out.push_back(e.second);
  std::sort(out.begin(), out.end(), [](const Anchor& a, const Anchor& b) { return a.b < b.b; });
  return out;
}

// Longest chain of anchors increasing in both texts (patience sorting);
// anchors left out are returned in `rest`.
std::vector<Anchor> Chain(const std::vector<Anchor>& a, std::vector<Anchor>* rest) {
  std::vector<uint32_t> tails;   // index into a of the smallest tail of each length
  std::vector<int64_t> prev(a.size(), -1);
  for (uint32_t i = 0; i < a.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), a[i].w,
                               [&](uint32_t idx, uint32_t w) { return a[idx].w < w; });
    if (it != tails.begin()) prev[i] = *(it - 1);
    if (it == tails.end()) tails.push_back(i);
    else *it = i;
  }
  std::vector<uint8_t> in(a.size(), 0);
  std::vector<Anchor> chain;
  for (int64_t k = tails.empty() ? int64_t{-1} : int64_t{tails.back()}; k >= 0; k = prev[k]) { chain.push_back(a[k]); in[k] = 1; }
  std::reverse(chain.begin(), chain.end());
  if (rest)
    for (size_t i = 0; i < a.size(); ++i) if (!in[i]) rest->push_back(a[i]);
  return chain;
}

void Region(const Toks& B, const Toks& W, uint32_t b0, uint32_t b1, uint32_t w0, uint32_t w1,
            const AlignOptions& o, int depth, Alignment* out);

// Matches the common prefix and suffix, then aligns the middle.
void Trimmed(const Toks& B, const Toks& W, uint32_t b0, uint32_t b1, uint32_t w0, uint32_t w1,
             const AlignOptions& o, int depth, Alignment* out) {
  while (b0 < b1 && w0 < w1 && B[b0].key == W[w0].key) out->steps.push_back({Op::kMatch, b0++, w0++});
  uint32_t e = 0;
  while (b1 - e > b0 && w1 - e > w0 && B[b1 - e - 1].key == W[w1 - e - 1].key) ++e;
  Region(B, W, b0, b1 - e, w0, w1 - e, o, depth, out);
  for (uint32_t k = e; k > 0; --k) out->steps.push_back({Op::kMatch, b1 - k, w1 - k});
}

void Region(const Toks& B, const Toks& W, uint32_t b0, uint32_t b1, uint32_t w0, uint32_t w1,
            const AlignOptions& o, int depth, Alignment* out) {
  const uint64_t cells = uint64_t(b1 - b0) * (w1 - w0);
  if (b0 == b1 || w0 == w1 || cells <= o.max_dp_cells) return Dp(B, W, b0, b1, w0, w1, out);
  static const int kGram[] = {4, 2, 1};
  std::vector<Anchor> chain;
  for (int d = depth; d < 3 && chain.empty(); ++d) {
    std::vector<Anchor> rest;
    chain = Chain(UniqueGrams(B, W, b0, b1, w0, w1, kGram[d]), depth == 0 ? &rest : nullptr);
    for (const Anchor& r : rest)  // off the chain: the witness has this passage elsewhere
      for (int k = 0; k < kGram[d]; ++k) out->moved_w[r.w + k] = 1;
    if (!chain.empty()) depth = d;
  }
  if (chain.empty()) {  // nothing shared that we can place: DP if small enough, else all lost and added
    if (cells <= std::min<uint64_t>(o.max_dp_cells * 16, kMaxFallbackCells)) return Dp(B, W, b0, b1, w0, w1, out);
    for (uint32_t i = b0; i < b1; ++i) out->steps.push_back({Op::kDel, i, 0});
    for (uint32_t j = w0; j < w1; ++j) out->steps.push_back({Op::kIns, 0, j});
    out->cost += GapCost(b1 - b0) + GapCost(w1 - w0);
    return;
  }
  out->anchors += chain.size();
  const int n = kGram[depth];
  uint32_t pb = b0, pw = w0;
  for (const Anchor& a : chain) {
    if (a.b < pb || a.w < pw) continue;  // overlaps the previous anchor's n-gram
    Trimmed(B, W, pb, a.b, pw, a.w, o, std::min(depth + 1, 2), out);
    for (int k = 0; k < n; ++k) out->steps.push_back({Op::kMatch, a.b + k, a.w + k});
    pb = a.b + n;
    pw = a.w + n;
  }
  Trimmed(B, W, pb, b1, pw, w1, o, std::min(depth + 1, 2), out);
}

}  // namespace

Alignment Align(const Toks& B, const Toks& W, const AlignOptions& o) {
  Alignment a;
  a.moved_w.assign(W.size(), 0);
  Trimmed(B, W, 0, B.size(), 0, W.size(), o, 0, &a);
  for (const Step& s : a.steps)
    if (s.op == Op::kMatch) a.moved_w[s.w] = 0;  // matched in place after all
  return a;
}

void ShiftInsertions(const Toks& W, Alignment* a, const std::function<int(uint32_t, uint32_t, bool)>& score) {
  auto& st = a->steps;
  for (size_t i = 0; i < st.size(); ++i) {
    if (st[i].op != Op::kIns) continue;
    size_t j = i;
    while (j < st.size() && st[j].op == Op::kIns) ++j;
    // Run st[i..j) inserts W[w0, w1); slide it while the neighbour is a match of an equal token.
    const uint32_t w0 = st[i].w, w1 = st[j - 1].w + 1;
    auto joins = [&](size_t lo, size_t hi) {  // another witness-only run right beside [lo, hi)
      return (lo > 0 && st[lo - 1].op == Op::kIns) || (hi < st.size() && st[hi].op == Op::kIns);
    };
    int best = score(w0, w1, joins(i, j)), best_shift = 0;
    int left = 0, right = 0;
    while (left < 16 && i >= size_t(left + 1) && st[i - left - 1].op == Op::kMatch &&
           W[st[i - left - 1].w].key == W[w1 - 1 - left].key) {
      ++left;
      int sc = score(w0 - left, w1 - left, joins(i - left, j - left) || (i - left > 0 && st[i - left - 1].op == Op::kIns));
      if (sc > best) { best = sc; best_shift = -left; }
    }
    while (right < 16 && j + right < st.size() && st[j + right].op == Op::kMatch &&
           W[st[j + right].w].key == W[w0 + right].key) {
      ++right;
      bool join = (j + right < st.size() && st[j + right].op == Op::kIns) || (i > 0 && st[i - 1].op == Op::kIns);
      int sc = score(w0 + right, w1 + right, join);
      if (sc > best) { best = sc; best_shift = right; }
    }
    if (best_shift > 0) {  // matches st[j..j+k) move before the run, re-paired with W[w0..)
      int k = best_shift;
      for (int t = 0; t < k; ++t) st[i + t] = {Op::kMatch, st[j + t].b, w0 + uint32_t(t)};
      for (size_t t = i + k; t < j + k; ++t) st[t] = {Op::kIns, 0, uint32_t(w0 + k + (t - i - k))};
      j += k;
    } else if (best_shift < 0) {
      int k = -best_shift;
      std::vector<uint32_t> bs;
      for (int t = 0; t < k; ++t) bs.push_back(st[i - k + t].b);
      for (size_t t = i - k; t < j - k; ++t) st[t] = {Op::kIns, 0, uint32_t(w0 - k + (t - (i - k)))};
      for (int t = 0; t < k; ++t) st[j - k + t] = {Op::kMatch, bs[t], w1 - k + uint32_t(t)};
      j -= k;
    }
    i = j;
  }
}

Alignment ReferenceAlign(const Toks& B, const Toks& W) {
  Alignment a;
  a.moved_w.assign(W.size(), 0);
  Dp(B, W, 0, B.size(), 0, W.size(), &a);
  return a;
}

}  // namespace emend::collate
