#include "eval/align.h"

#include <algorithm>
#include <unordered_map>

namespace emend::eval {

uint64_t Distance(const Seq& a, const Seq& b) {
  // Hyyrö's multi-word bit-vector algorithm with pattern a.
  if (a.empty()) return b.size();
  if (b.empty()) return a.size();
  size_t words = (a.size() + 63) / 64;
  std::unordered_map<uint32_t, std::vector<uint64_t>> peq;
  for (size_t i = 0; i < a.size(); ++i) {
    auto& v = peq[a[i]];
    if (v.empty()) v.assign(words, 0);
    v[i / 64] |= uint64_t{1} << (i % 64);
  }
  std::vector<uint64_t> pv(words, ~uint64_t{0}), mv(words, 0);
  std::vector<uint64_t> zero(words, 0);
  uint64_t score = a.size();
  uint64_t last = uint64_t{1} << ((a.size() - 1) % 64);
  for (uint32_t c : b) {
    auto it = peq.find(c);
    const std::vector<uint64_t>& eq = it == peq.end() ? zero : it->second;
    uint64_t hp_carry = 1, hn_carry = 0;  // top row: +1 per column
    for (size_t w = 0; w < words; ++w) {
      uint64_t e = eq[w], p = pv[w], m = mv[w];
      uint64_t xv = e | m;
      uint64_t eh = e | hn_carry;
      uint64_t xh = (((eh & p) + p) ^ p) | eh;
      uint64_t ph = m | ~(xh | p);
      uint64_t mh = p & xh;
      if (w == words - 1) {
        if (ph & last) ++score;
        else if (mh & last) --score;
      }
      uint64_t ph_out = ph >> 63, mh_out = mh >> 63;
      ph = (ph << 1) | hp_carry;
      mh = (mh << 1) | hn_carry;
      hp_carry = ph_out;
      hn_carry = mh_out;
      pv[w] = mh | ~(xv | ph);
      mv[w] = ph & xv;
    }
  }
  return score;
}

Alignment AlignExact(const Seq& a, size_t a0, size_t a1, const Seq& b, size_t b0, size_t b1) {
  size_t n = a1 - a0, m = b1 - b0;
  std::vector<uint32_t> prev(m + 1), cur(m + 1);
  std::vector<uint8_t> dir((n + 1) * (m + 1));  // 0 diag, 1 up (del), 2 left (ins)
  for (size_t j = 0; j <= m; ++j) { prev[j] = j; dir[j] = 2; }
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    dir[i * (m + 1)] = 1;
    for (size_t j = 1; j <= m; ++j) {
      uint32_t diag = prev[j - 1] + (a[a0 + i - 1] != b[b0 + j - 1]);
      uint32_t up = prev[j] + 1, left = cur[j - 1] + 1;
      uint8_t d = 0;
      uint32_t best = diag;
      if (up < best) { best = up; d = 1; }
      if (left < best) { best = left; d = 2; }
      cur[j] = best;
      dir[i * (m + 1) + j] = d;
    }
    std::swap(prev, cur);
  }
  Alignment al;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    uint8_t d = (i == 0) ? 2 : (j == 0) ? 1 : dir[i * (m + 1) + j];
    if (d == 0) {
      bool eq = a[a0 + i - 1] == b[b0 + j - 1];
      al.ops.push_back(eq ? Op::kMatch : Op::kSub);
      ++(eq ? al.matches : al.subs);
      --i; --j;
    } else if (d == 1) {
      al.ops.push_back(Op::kDel); ++al.dels; --i;
    } else {
      al.ops.push_back(Op::kIns); ++al.ins; --j;
    }
  }
  std::reverse(al.ops.begin(), al.ops.end());
  return al;
}

namespace {

constexpr size_t kExactCells = 16u << 20;  // full DP up to this many cells
constexpr size_t kAnchor = 12;             // k-gram length of anchors

void Append(Alignment* out, const Alignment& part) {
  out->ops.insert(out->ops.end(), part.ops.begin(), part.ops.end());
  out->matches += part.matches; out->subs += part.subs; out->dels += part.dels; out->ins += part.ins;
}

uint64_t GramHash(const Seq& s, size_t i) {
  uint64_t h = 1469598103934665603ull;
  for (size_t k = 0; k < kAnchor; ++k) h = (h ^ s[i + k]) * 1099511628211ull;
  return h;
}

// Anchor pairs (i in a, j in b) of k-grams unique in both, forming the
// longest chain increasing in both coordinates.
std::vector<std::pair<size_t, size_t>> Anchors(const Seq& a, size_t a0, size_t a1, const Seq& b, size_t b0, size_t b1) {
  std::unordered_map<uint64_t, int64_t> in_a, in_b;  // -1: repeated
  auto collect = [](const Seq& s, size_t lo, size_t hi, std::unordered_map<uint64_t, int64_t>* m) {
    for (size_t i = lo; i + kAnchor <= hi; ++i) {
      auto [it, fresh] = m->emplace(GramHash(s, i), static_cast<int64_t>(i));
      if (!fresh) it->second = -1;
    }
  };
  collect(a, a0, a1, &in_a);
  collect(b, b0, b1, &in_b);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (auto& [h, i] : in_a) {
    auto it = in_b.find(h);
    if (i >= 0 && it != in_b.end() && it->second >= 0) pairs.emplace_back(i, it->second);
  }
  std::sort(pairs.begin(), pairs.end());
  // Longest increasing subsequence in j (patience sorting with back links).
  std::vector<size_t> tails, prev(pairs.size(), SIZE_MAX), tail_idx;
  for (size_t k = 0; k < pairs.size(); ++k) {
    auto pos = std::lower_bound(tails.begin(), tails.end(), pairs[k].second) - tails.begin();
    if (pos == static_cast<long>(tails.size())) { tails.push_back(pairs[k].second); tail_idx.push_back(k); }
    else { tails[pos] = pairs[k].second; tail_idx[pos] = k; }
    prev[k] = pos > 0 ? tail_idx[pos - 1] : SIZE_MAX;
  }
  std::vector<std::pair<size_t, size_t>> chain;
  for (size_t k = tail_idx.empty() ? SIZE_MAX : tail_idx.back(); k != SIZE_MAX; k = prev[k]) chain.push_back(pairs[k]);
  std::reverse(chain.begin(), chain.end());
  // Keep non-overlapping anchors.
  std::vector<std::pair<size_t, size_t>> kept;
  for (auto& p : chain)
    if (kept.empty() || (p.first >= kept.back().first + kAnchor && p.second >= kept.back().second + kAnchor)) kept.push_back(p);
  return kept;
}

void AlignRange(const Seq& a, size_t a0, size_t a1, const Seq& b, size_t b0, size_t b1, Alignment* out) {
  size_t n = a1 - a0, m = b1 - b0;
  if (n == 0 || m == 0 || n * m <= kExactCells) { Append(out, AlignExact(a, a0, a1, b, b0, b1)); return; }
  auto anchors = Anchors(a, a0, a1, b, b0, b1);
  if (anchors.empty()) {
    // No anchors: split the larger problem in half on the diagonal.
    size_t am = a0 + n / 2, bm = b0 + m / 2;
    AlignRange(a, a0, am, b, b0, bm, out);
    AlignRange(a, am, a1, b, bm, b1, out);
    return;
  }
  size_t pa = a0, pb = b0;
  for (auto [i, j] : anchors) {
    AlignRange(a, pa, i, b, pb, j, out);
    Alignment m2;
    m2.ops.assign(kAnchor, Op::kMatch);
    m2.matches = kAnchor;
    Append(out, m2);
    pa = i + kAnchor;
    pb = j + kAnchor;
  }
  AlignRange(a, pa, a1, b, pb, b1, out);
}

}  // namespace

Alignment Align(const Seq& a, const Seq& b) {
  Alignment al;
  AlignRange(a, 0, a.size(), b, 0, b.size(), &al);
  return al;
}

}  // namespace emend::eval
