#include "model/kn.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace emend::model {
namespace {

uint64_t Mask(int bits) { return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1; }

// Raw counts turned into the counts KN uses: raw for the highest order and
// for n-grams that start with <s>, else the number of distinct left
// extensions (continuation counts).
std::vector<KeyCount> AdjustedCounts(const NgramCounts& c, int k) {
  const int bits = KeyBits(c.order);
  std::vector<KeyCount> out = c.grams[k];
  if (k == c.order) return out;
  std::vector<uint64_t> suffixes;
  suffixes.reserve(c.grams[k + 1].size());
  for (const KeyCount& g : c.grams[k + 1]) suffixes.push_back(g.first & Mask(bits * k));
  std::sort(suffixes.begin(), suffixes.end());
  size_t j = 0;
  for (KeyCount& g : out) {
    if (KeyId(g.first, k, 0, bits) == kBos) continue;
    while (j < suffixes.size() && suffixes[j] < g.first) ++j;
    uint64_t n = 0;
    while (j < suffixes.size() && suffixes[j] == g.first) { ++n; ++j; }
    g.second = n;
  }
  return out;
}

std::vector<uint64_t> AdjustedUnigrams(const NgramCounts& c) {
  std::vector<uint64_t> a = c.unigrams;
  a.resize(c.vocab, 0);
  if (c.order == 1) return a;
  std::vector<uint64_t> cont(c.vocab, 0);
  const int bits = KeyBits(c.order);
  for (const KeyCount& g : c.grams[2]) ++cont[KeyId(g.first, 2, 1, bits)];
  for (uint32_t w = 0; w < c.vocab; ++w)
    if (w != kBos) a[w] = cont[w];
  return a;
}

template <typename It, typename Get>
std::array<double, 3> DiscountsOf(It begin, It end, Get get) {
  std::array<uint64_t, 5> n{};
  for (It i = begin; i != end; ++i) {
    uint64_t v = get(*i);
    if (v >= 1 && v <= 4) ++n[v];
  }
  return KnDiscounts(n);
}

double Discount(const std::array<double, 3>& d, uint64_t count) {
  return count == 0 ? 0.0 : d[std::min<uint64_t>(count, 3) - 1];
}

// Linear-space probabilities of every n-gram of every order, unpruned.
struct Estimates {
  std::vector<double> uni;                  // by id
  std::vector<std::vector<double>> prob;    // [k] parallel to grams[k]
};

void EstimateUnigrams(const NgramCounts& c, const std::vector<uint64_t>& a, KnStats* st, Estimates* e) {
  uint64_t total = 0;
  for (uint32_t w = 0; w < c.vocab; ++w)
    if (w != kBos) total += a[w];
  std::vector<uint64_t> no_bos;
  for (uint32_t w = 0; w < c.vocab; ++w)
    if (w != kBos) no_bos.push_back(a[w]);
  auto d = DiscountsOf(no_bos.begin(), no_bos.end(), [](uint64_t v) { return v; });
  st->discounts[1] = d;
  double mass = 0;
  for (uint64_t v : no_bos) mass += Discount(d, v);
  double uniform = 1.0 / (c.vocab - 1);
  e->uni.assign(c.vocab, 0);
  for (uint32_t w = 0; w < c.vocab; ++w) {
    if (w == kBos) continue;
    e->uni[w] = total ? (a[w] - Discount(d, a[w])) / total + mass / total * uniform : uniform;
  }
}

// p of the (k-1)-gram `key`'s lower-order suffix ending in the same word.
double LowerProb(const NgramCounts& c, const Estimates& e, int k, uint64_t key) {
  const int bits = KeyBits(c.order);
  uint64_t lower = key & Mask(bits * (k - 1));
  if (k == 2) return e.uni[lower];
  const auto& g = c.grams[k - 1];
  auto it = std::lower_bound(g.begin(), g.end(), KeyCount{lower, 0},
                             [](const KeyCount& x, const KeyCount& y) { return x.first < y.first; });
  return it != g.end() && it->first == lower ? e.prob[k - 1][it - g.begin()] : 0.0;
}

void EstimateLevel(const NgramCounts& c, int k, const std::vector<KeyCount>& a, KnStats* st, Estimates* e) {
  const int bits = KeyBits(c.order);
  auto d = DiscountsOf(a.begin(), a.end(), [](const KeyCount& g) { return g.second; });
  st->discounts[k] = d;
  e->prob[k].assign(a.size(), 0);
  for (size_t b = 0; b < a.size();) {
    size_t end = b;
    uint64_t ctx = a[b].first >> bits, total = 0;
    double mass = 0;
    for (; end < a.size() && (a[end].first >> bits) == ctx; ++end) {
      total += a[end].second;
      mass += Discount(d, a[end].second);
    }
    for (size_t i = b; i < end; ++i) {
      double lower = LowerProb(c, *e, k, c.grams[k][i].first);
      e->prob[k][i] = total ? (a[i].second - Discount(d, a[i].second) + mass * lower) / total : lower;
    }
    b = end;
  }
}

// keep[k][i]: whether k-gram i survives pruning (a prefix of a kept
// (k+1)-gram always survives, so the trie stays connected).
std::vector<std::vector<bool>> MarkKept(const NgramCounts& c, const KnOptions& o) {
  const int bits = KeyBits(c.order);
  std::vector<std::vector<bool>> keep(c.order + 1);
  for (int k = c.order; k >= 2; --k) {
    const auto& g = c.grams[k];
    keep[k].resize(g.size());
    for (size_t i = 0; i < g.size(); ++i) keep[k][i] = keep[k][i] || g[i].second >= o.prune[k];
    if (k == 2) break;
    const auto& lower = c.grams[k - 1];
    keep[k - 1].assign(lower.size(), false);
    size_t j = 0;
    for (size_t i = 0; i < g.size(); ++i) {
      if (!keep[k][i]) continue;
      uint64_t prefix = g[i].first >> bits;
      while (j < lower.size() && lower[j].first < prefix) ++j;
      if (j < lower.size() && lower[j].first == prefix) keep[k - 1][j] = true;
    }
  }
  return keep;
}

// Lays out the kept n-grams as trie levels with child ranges.
BuiltTrie Layout(const NgramCounts& c, const Estimates& e, const std::vector<std::vector<bool>>& keep) {
  const int bits = KeyBits(c.order);
  BuiltTrie t;
  t.order_ = c.order;
  t.vocab_ = c.vocab;
  t.ids.resize(c.order);
  t.prob.resize(c.order);
  t.bow.resize(c.order);
  t.child.resize(c.order);
  for (uint32_t w = 0; w < c.vocab; ++w) t.prob[0].push_back(e.uni[w] > 0 ? std::log10(e.uni[w]) : -99.0);
  std::vector<uint64_t> prev_keys(c.vocab);
  for (uint32_t w = 0; w < c.vocab; ++w) prev_keys[w] = w;
  for (int k = 2; k <= c.order; ++k) {
    std::vector<uint64_t> keys;
    std::vector<uint32_t>& child = t.child[k - 2];
    child.assign(prev_keys.size() + 1, 0);
    size_t parent = 0;
    for (size_t i = 0; i < c.grams[k].size(); ++i) {
      if (!keep[k][i]) continue;
      uint64_t key = c.grams[k][i].first;
      while (prev_keys[parent] < (key >> bits)) child[++parent] = static_cast<uint32_t>(keys.size());
      keys.push_back(key);
      t.ids[k - 1].push_back(KeyId(key, k, k - 1, bits));
      t.prob[k - 1].push_back(std::log10(std::max(e.prob[k][i], 1e-300)));
    }
    while (parent < prev_keys.size()) child[++parent] = static_cast<uint32_t>(keys.size());
    prev_keys = std::move(keys);
  }
  for (int k = 1; k < c.order; ++k) t.bow[k - 1].assign(t.prob[k - 1].size(), 0.0);
  return t;
}

// Sets each context's back-off weight so that p(.|h) sums to one over the
// vocabulary given the kept children (exactly gamma(h) when nothing is pruned).
void Renormalize(BuiltTrie* t) {
  std::vector<uint32_t> path(t->order());
  for (int k = 1; k < t->order(); ++k) {
    for (uint64_t i = 0; i < t->prob[k - 1].size(); ++i) {
      // Recover the path of entry i at level k: walk up by child ranges.
      uint64_t cur = i;
      for (int l = k; l >= 1; --l) {
        path[l - 1] = t->Id(l, cur);
        if (l > 1) {
          const auto& ch = t->child[l - 2];
          // The parent p has ch[p] <= cur < ch[p+1]: the last p with ch[p] <= cur.
          cur = static_cast<uint64_t>(std::upper_bound(ch.begin(), ch.end(), static_cast<uint32_t>(cur)) - ch.begin()) - 1;
        }
      }
      uint64_t b = t->child[k - 1][i], e = t->child[k - 1][i + 1];
      if (b == e) continue;
      double num = 1, den = 1;
      for (uint64_t c = b; c < e; ++c) {
        uint32_t w = t->ids[k][c];
        num -= std::pow(10.0, t->prob[k][c]);
        den -= std::pow(10.0, t->LogProb(path.data() + 1, k - 1, w));
      }
      t->bow[k - 1][i] = std::log10(std::max(num, 1e-12) / std::max(den, 1e-12));
    }
  }
}

}  // namespace

uint64_t PackKey(const uint32_t* ids, int k, int bits) {
  uint64_t key = 0;
  for (int i = 0; i < k; ++i) key = (key << bits) | ids[i];
  return key;
}

uint32_t KeyId(uint64_t key, int k, int i, int bits) {
  return static_cast<uint32_t>((key >> (bits * (k - 1 - i))) & Mask(bits));
}

SequenceCounter::SequenceCounter(int order, uint32_t vocab, size_t buffer_keys)
    : order_(order), vocab_(vocab), unigrams_(vocab, 0), counters_(order + 1) {
  for (int k = 2; k <= order; ++k) counters_[k] = std::make_unique<NgramCounter>(buffer_keys);
}

Status SequenceCounter::Add(const std::vector<uint32_t>& seq) {
  const int bits = KeyBits(order_);
  for (size_t i = 0; i < seq.size(); ++i) {
    if (seq[i] >= vocab_) return Status::InvalidArgument("symbol id out of range");
    ++unigrams_[seq[i]];
    for (int k = 2; k <= order_ && size_t(k) <= i + 1; ++k)
      if (Status s = counters_[k]->Add(PackKey(&seq[i + 1 - k], k, bits)); !s.ok()) return s;
  }
  return Status::Ok();
}

StatusOr<NgramCounts> SequenceCounter::Finish() {
  NgramCounts c;
  c.order = order_;
  c.vocab = vocab_;
  c.unigrams = std::move(unigrams_);
  c.grams.resize(order_ + 1);
  for (int k = 2; k <= order_; ++k) {
    auto g = counters_[k]->Finish();
    if (!g.ok()) return g.status();
    c.grams[k] = std::move(g).value();
  }
  return c;
}

std::array<double, 3> KnDiscounts(const std::array<uint64_t, 5>& n) {
  if (n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0) return {0.5, 1.0, 1.5};
  double y = double(n[1]) / (n[1] + 2.0 * n[2]);
  std::array<double, 3> d{1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]};
  for (int i = 0; i < 3; ++i) d[i] = std::clamp(d[i], 0.01, double(i + 1));
  return d;
}

StatusOr<BuiltTrie> BuildKneserNey(const NgramCounts& c, const KnOptions& o, KnStats* st) {
  if (c.order < 1 || c.order > kMaxOrder) return Status::InvalidArgument("order must be 1.." + std::to_string(kMaxOrder));
  if (c.vocab < 3 || (c.vocab - 1) > Mask(KeyBits(c.order)))
    return Status::InvalidArgument("vocabulary of " + std::to_string(c.vocab) + " symbols does not fit order " +
                                   std::to_string(c.order) + " keys");
  if (int(c.grams.size()) != c.order + 1 && c.order > 1) return Status::InvalidArgument("counts missing for some order");
  KnStats local;
  if (!st) st = &local;
  Estimates e;
  e.prob.resize(c.order + 1);
  EstimateUnigrams(c, AdjustedUnigrams(c), st, &e);
  for (int k = 2; k <= c.order; ++k) EstimateLevel(c, k, AdjustedCounts(c, k), st, &e);
  BuiltTrie t = Layout(c, e, MarkKept(c, o));
  Renormalize(&t);
  for (int k = 1; k <= c.order; ++k) st->kept[k] = t.prob[k - 1].size();
  return t;
}

Status AddTrieSections(const BuiltTrie& t, const std::string& p, FileWriter* w, bool index) {
  std::string order, quant;
  PutU32(&order, static_cast<uint32_t>(t.order()));
  for (float f : {float(kProbLo), float(kProbHi), float(kBowLo), float(kBowHi)}) PutF32(&quant, f);
  if (Status s = w->Add(p + ".order", order, 4); !s.ok()) return s;
  if (Status s = w->Add(p + ".quant", quant, 4); !s.ok()) return s;
  for (int k = 1; k <= t.order(); ++k) {
    std::string lk = p + ".k" + std::to_string(k);
    std::vector<uint16_t> q;
    for (double v : t.prob[k - 1]) q.push_back(QuantizeProb(v));
    if (Status s = w->AddArray(lk + ".prob", q); !s.ok()) return s;
    if (k > 1) {
      if (Status s = w->AddArray(lk + ".ids", t.ids[k - 1]); !s.ok()) return s;
      if (index)
        if (Status s = w->AddArray(lk + ".hash", BuildLevelHash(t.child[k - 2], t.ids[k - 1])); !s.ok()) return s;
    }
    if (k == t.order()) continue;
    q.clear();
    for (double v : t.bow[k - 1]) q.push_back(QuantizeBow(v));
    if (Status s = w->AddArray(lk + ".bow", q); !s.ok()) return s;
    if (Status s = w->AddArray(lk + ".child", t.child[k - 1]); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace emend::model
