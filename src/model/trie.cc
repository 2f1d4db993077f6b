#include "model/trie.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace emend::model {
namespace {

uint16_t Quantize(double v, double lo, double hi) {
  double q = std::round((std::clamp(v, lo, hi) - lo) / (hi - lo) * 65535.0);
  return static_cast<uint16_t>(q);
}

// Children ranges must be monotone and end at the next level's size. (Symbol
// ids are only compared, never used as indices, so their order affects
// results but not memory safety; checksums cover them.)
Status CheckLinks(const std::string& where, const uint32_t* child, uint64_t n, uint64_t next_n) {
  if (child[0] != 0 || child[n] != next_n) return Status::Corrupt(where + ": child ranges do not cover the next level");
  for (uint64_t i = 0; i < n; ++i)
    if (child[i] > child[i + 1]) return Status::Corrupt(where + ": child ranges not monotone");
  return Status::Ok();
}

}  // namespace

uint16_t QuantizeProb(double v) { return std::max<uint16_t>(1, Quantize(v, kProbLo, kProbHi)); }
uint16_t QuantizeBow(double v) { return Quantize(v, kBowLo, kBowHi); }

std::vector<uint32_t> BuildLevelHash(const std::vector<uint32_t>& child, const std::vector<uint32_t>& ids) {
  uint64_t slots = std::max<uint64_t>(8, 2 * ids.size());
  std::vector<uint32_t> table(slots, 0);
  for (uint64_t p = 0; p + 1 < child.size(); ++p) {
    for (uint64_t c = child[p]; c < child[p + 1]; ++c) {
      uint64_t h = SlotOf(p, ids[c], slots);
      while (table[h] != 0) h = h + 1 == slots ? 0 : h + 1;
      table[h] = static_cast<uint32_t>(c + 1);
    }
  }
  return table;
}

void TrieView::FindBatch(int k, const int64_t* parents, const uint32_t* ids, size_t n, int64_t* out) const {
  constexpr size_t kAhead = 8;
  const Level& L = levels_[k - 1];
  const Level& P = levels_[k - 2];
  thread_local std::vector<uint64_t> slot;  // per-thread buffer (the view is shared read-only)
  slot.resize(n);
  for (size_t i = 0; i < n + 2 * kAhead; ++i) {
    if (i < n && parents[i] >= 0 && L.hash) {  // stage 1: the slot and the parent's range
      slot[i] = SlotOf(static_cast<uint64_t>(parents[i]), ids[i], L.hash_slots);
      __builtin_prefetch(&L.hash[slot[i]]);
      __builtin_prefetch(&P.child[parents[i]]);
    }
    if (i >= kAhead && i - kAhead < n && parents[i - kAhead] >= 0 && L.hash) {  // stage 2: the entry
      uint32_t v = L.hash[slot[i - kAhead]];
      if (v != 0 && v - 1 < L.n) __builtin_prefetch(&L.ids[v - 1]);
    }
    if (i >= 2 * kAhead) {  // stage 3: resolve
      size_t j = i - 2 * kAhead;
      out[j] = parents[j] < 0 ? -1 : TrieFind(*this, k, static_cast<uint64_t>(parents[j]), ids[j]);
    }
  }
}

void TrieView::ScoreSequence(const uint32_t* ids, size_t n, double* out, std::vector<int64_t>* scratch) const {
  const int N = order_;
  scratch->assign(static_cast<size_t>(N + 1) * (n + 1), -1);
  // nodes(k)[i]: level-k entry of the k-gram ending at i, or -1.
  auto nodes = [&](int k) { return scratch->data() + static_cast<size_t>(k) * (n + 1); };
  std::vector<uint32_t> w(ids, ids + n);
  for (size_t i = 0; i < n; ++i) {
    if (w[i] >= vocab()) w[i] = kUnk;
    nodes(1)[i] = w[i];
  }
  for (int k = 2; k <= N && static_cast<size_t>(k) <= n; ++k) {
    // Parents: the (k-1)-gram ending at i-1.
    FindBatch(k, nodes(k - 1), w.data() + 1, n - 1, nodes(k) + 1);
    nodes(k)[0] = -1;
  }
  for (size_t i = 0; i < n; ++i) {
    int m = static_cast<int>(std::min<size_t>(i, N - 1));  // longest usable context
    int k = m + 1;
    while (k > 1 && nodes(k)[i] < 0) --k;
    double lp = Prob(k, static_cast<uint64_t>(nodes(k)[i]));
    for (int len = k; len <= m; ++len)
      if (nodes(len)[i - 1] >= 0) lp += Bow(len, static_cast<uint64_t>(nodes(len)[i - 1]));
    out[i] = lp;
  }
}

void TrieView::ScoreBatch(const TrieState* in, const uint32_t* w, size_t n, double* lp, TrieState* out,
                          std::vector<int64_t>* scratch) const {
  // hits(j)[i]: the entry of (context suffix of length j of in[i], w[i]) at
  // level j+1, or -1; parents(j) holds the context entries.
  const size_t levels = static_cast<size_t>(order_);
  scratch->assign(2 * levels * n, -1);
  auto hits = [&](int j) { return scratch->data() + static_cast<size_t>(j) * n; };
  auto parents = [&](int j) { return scratch->data() + (levels + static_cast<size_t>(j)) * n; };
  thread_local std::vector<uint32_t> ws;  // per-thread buffer (the view is shared read-only)
  ws.assign(w, w + n);
  for (uint32_t& x : ws) x = x >= vocab() ? kUnk : x;
  for (int j = 1; j < order_; ++j) {
    for (size_t i = 0; i < n; ++i) parents(j)[i] = j <= in[i].len ? in[i].node[j] : -1;
    FindBatch(j + 1, parents(j), ws.data(), n, hits(j));
  }
  for (size_t i = 0; i < n; ++i) {  // TrieScore's combination, with the lookups done
    TrieState next;
    lp[i] = TrieCombine(*this, in[i], ws[i], [&](int j, int64_t) { return hits(j)[i]; }, &next);
    out[i] = next;
  }
}

namespace {

std::vector<uint32_t> U32s(const SectionView& v) {
  std::vector<uint32_t> out(v.count());
  for (size_t i = 0; i < out.size(); ++i) out[i] = GetU32(v.data + 4 * i);
  return out;
}

// Adds PREFIX.kK.hash for k = 2..order where missing.
Status AddIndexes(const ModelFile& f, const std::string& p, FileWriter* w) {
  auto t = TrieView::Load(f, p);  // validates the structure first
  if (!t.ok()) return t.status();
  for (int k = 2; k <= t->order(); ++k) {
    std::string lk = p + ".k" + std::to_string(k);
    if (f.Has(lk + ".hash")) continue;
    auto child = f.Get(p + ".k" + std::to_string(k - 1) + ".child", 4);
    auto ids = f.Get(lk + ".ids", 4);
    if (!child.ok() || !ids.ok()) return Status::Corrupt(lk + ": missing arrays");
    if (Status s = w->AddArray(lk + ".hash", BuildLevelHash(U32s(*child), U32s(*ids))); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status IndexModelFile(const std::string& in, const std::string& out) {
  return RewriteModel(in, out, "", [](const ModelFile& f, FileWriter* w) {
    for (const char* p : {"word", "char", "cls"})
      if (f.Has(std::string(p) + ".order"))
        if (Status s = AddIndexes(f, p, w); !s.ok()) return s;
    return Status::Ok();
  });
}

StatusOr<TrieView> TrieView::Load(const ModelFile& f, const std::string& p) {
  TrieView t;
  StatusOr<SectionView> ord = f.Get(p + ".order", 4);
  if (!ord.ok()) return ord.status();
  if (ord->count() != 1) return Status::Corrupt("section '" + p + ".order' malformed");
  uint32_t order = GetU32(ord->data);
  if (order < 1 || order > kMaxOrder) return Status::Corrupt(p + ": order " + std::to_string(order) + " unsupported");
  t.order_ = static_cast<int>(order);
  StatusOr<SectionView> q = f.Get(p + ".quant", 4);
  if (!q.ok()) return q.status();
  if (q->count() != 4) return Status::Corrupt("section '" + p + ".quant' malformed");
  t.qp_lo_ = ReadF32(q->data);
  t.qp_step_ = (ReadF32(q->data + 4) - t.qp_lo_) / 65535.0;
  t.qb_lo_ = ReadF32(q->data + 8);
  t.qb_step_ = (ReadF32(q->data + 12) - t.qb_lo_) / 65535.0;
  for (int k = 1; k <= t.order_; ++k) {
    std::string lk = p + ".k" + std::to_string(k);
    Level& L = t.levels_[k - 1];
    StatusOr<SectionView> pr = f.Get(lk + ".prob", 2);
    if (!pr.ok()) return pr.status();
    L.n = pr->count();
    L.prob = reinterpret_cast<const uint16_t*>(pr->data);
    if (k > 1) {
      auto ids = SectionArray<uint32_t>(f, lk + ".ids", L.n);
      if (!ids.ok()) return ids.status();
      L.ids = *ids;
      if (f.Has(lk + ".hash")) {  // optional: without it, lookups search
        StatusOr<SectionView> h = f.Get(lk + ".hash", 4);
        if (!h.ok()) return h.status();
        if (h->count() < 8) return Status::Corrupt("section '" + lk + ".hash' is too small");
        L.hash = reinterpret_cast<const uint32_t*>(h->data);
        L.hash_slots = h->count();
      }
    }
    if (k < t.order_) {
      auto bow = SectionArray<uint16_t>(f, lk + ".bow", L.n);
      if (!bow.ok()) return bow.status();
      auto child = SectionArray<uint32_t>(f, lk + ".child", L.n + 1);
      if (!child.ok()) return child.status();
      L.bow = *bow;
      L.child = *child;
    }
  }
  if (t.levels_[0].n < 3) return Status::Corrupt(p + ": vocabulary smaller than the reserved symbols");
  for (int k = 1; k < t.order_; ++k) {
    const Level& L = t.levels_[k - 1];
    const Level& N = t.levels_[k];
    Status s = CheckLinks(p + ".k" + std::to_string(k), L.child, L.n, N.n);
    if (!s.ok()) return s;
  }
  return t;
}

}  // namespace emend::model
