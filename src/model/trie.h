// The back-off n-gram trie of docs/model-format.md: the query shared by the
// builder (double values) and the mapped view (quantised values), and the
// mapped view itself.
#ifndef EMEND_MODEL_TRIE_H_
#define EMEND_MODEL_TRIE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "emend/status.h"
#include "model/file.h"

namespace emend::model {

constexpr uint32_t kUnk = 0, kBos = 1, kEos = 2;  // reserved symbol ids
constexpr int kMaxOrder = 6;

// Slot of (parent entry, symbol) in a level's hash index (murmur3 fmix64).
inline uint64_t SlotHash(uint64_t parent, uint32_t id) {
  uint64_t x = (parent << 32) ^ id ^ 0x9E3779B97F4A7C15ull;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  return x ^ (x >> 33);
}

// Slot in a table of `slots` entries (multiply-high range reduction, so the
// table size need not be a power of two).
inline uint64_t SlotOf(uint64_t parent, uint32_t id, uint64_t slots) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(SlotHash(parent, id)) * slots) >> 64);
}

// Binary search for `id` among the children [begin, end) at level k.
template <class T>
int64_t TrieSearch(const T& t, int k, uint64_t begin, uint64_t end, uint32_t id) {
  uint64_t n = end - begin;
  if (n == 0) return -1;
  const uint32_t* a = t.Ids(k) + begin;
  while (n > 1) {  // branch-free lower bound
    uint64_t half = n / 2;
    a = a[half - 1] < id ? a + half : a;
    n -= half;
  }
  return *a == id ? static_cast<int64_t>(a - t.Ids(k)) : -1;
}

// Index at level k of the child `id` of entry `parent` at level k-1, or -1.
// Uses the level's hash index when there is one: a slot holds entry+1 and is
// accepted only if that entry lies in the parent's child range and has the
// right id, so a damaged index can give a wrong miss but never a read
// outside the level.
template <class T>
int64_t TrieFind(const T& t, int k, uint64_t parent, uint32_t id) {
  const uint64_t begin = t.ChildBegin(k - 1, parent), end = t.ChildEnd(k - 1, parent);
  const uint32_t* hash = t.Hash(k);
  if (!hash || end - begin < 8) return TrieSearch(t, k, begin, end, id);
  const uint64_t slots = t.HashSlots(k);
  for (uint64_t h = SlotOf(parent, id, slots), probes = 0; probes < slots; h = h + 1 == slots ? 0 : h + 1, ++probes) {
    uint64_t v = hash[h];
    if (v == 0) return -1;
    if (v - 1 >= begin && v - 1 < end && t.Ids(k)[v - 1] == id) return static_cast<int64_t>(v - 1);
  }
  return -1;
}

// log10 p(w | ctx) with ARPA back-off semantics: ctx holds n ids, oldest
// first; only the last order-1 are used. T provides order(), vocab(), Id(k,i),
// ChildBegin(k,i), ChildEnd(k,i), Prob(k,i), Bow(k,i) for 1-based levels k.
template <class T>
double TrieLogProb(const T& t, const uint32_t* ctx, size_t n, uint32_t w) {
  if (w >= t.vocab()) w = kUnk;
  size_t m = std::min<size_t>(n, static_cast<size_t>(t.order() - 1));
  double acc = 0;
  for (size_t j = m; j > 0; --j) {
    const uint32_t* h = ctx + n - j;
    auto id = [&](size_t i) { return h[i] < t.vocab() ? h[i] : kUnk; };  // out of range = <unk>
    int64_t idx = id(0);
    for (size_t i = 1; i < j && idx >= 0; ++i)
      idx = TrieFind(t, int(i) + 1, idx, id(i));
    if (idx < 0) continue;  // context unseen: back-off weight 1
    int64_t hit = TrieFind(t, int(j) + 1, idx, w);
    if (hit >= 0) return acc + t.Prob(int(j) + 1, hit);
    acc += t.Bow(int(j), idx);
  }
  return acc + t.Prob(1, w);
}

// Left-to-right scoring state: node[j] is the entry at level j of the last j
// words (the context suffix of length j), or -1 if that suffix is not in the
// trie; len is how many suffixes are tracked (at most order-1).
struct TrieState {
  int len = 0;
  int64_t node[kMaxOrder] = {};
};

// The back-off combination of TrieScore for a word w already mapped to the
// vocabulary: find(j, h) gives the entry of w below context entry h (level
// j+1), or -1; it is asked only for what the result or the state needs.
template <class T, class Find>
double TrieCombine(const T& t, const TrieState& in, uint32_t w, const Find& find, TrieState* out) {
  TrieState next;
  next.len = std::min(in.len + 1, t.order() - 1);
  next.node[0] = -1;
  if (next.len >= 1) next.node[1] = w;
  double acc = 0, result = 0;
  bool found = false;
  for (int j = in.len; j >= 1; --j) {
    const bool need_state = j + 1 <= next.len;
    if (!need_state && found) continue;
    const int64_t h = in.node[j];
    const int64_t hit = h < 0 ? -1 : find(j, h);
    if (need_state) next.node[j + 1] = hit;
    if (found || h < 0) continue;
    if (hit >= 0) {
      result = acc + t.Prob(j + 1, hit);
      found = true;
    } else {
      acc += t.Bow(j, h);
    }
  }
  if (!found) result = acc + t.Prob(1, w);
  *out = next;
  return result;
}

// log10 p(w | state's context) and the state after w. Two searches per
// order-3 query (versus up to four for TrieLogProb), because the context's
// entries come with the state.
template <class T>
double TrieScore(const T& t, const TrieState& in, uint32_t w, TrieState* out) {
  if (w >= t.vocab()) w = kUnk;
  return TrieCombine(t, in, w, [&](int j, int64_t h) { return TrieFind(t, j + 1, static_cast<uint64_t>(h), w); },
                     out);
}

// A mapped trie. All arrays point into the mapping; Load() validates every
// length and index so that queries cannot leave the mapping.
class TrieView {
 public:
  static StatusOr<TrieView> Load(const ModelFile& f, const std::string& prefix);
  int order() const { return order_; }
  uint32_t vocab() const { return static_cast<uint32_t>(levels_[0].n); }
  uint64_t size(int k) const { return levels_[k - 1].n; }
  uint32_t Id(int k, uint64_t i) const { return k == 1 ? static_cast<uint32_t>(i) : levels_[k - 1].ids[i]; }
  const uint32_t* Ids(int k) const { return levels_[k - 1].ids; }
  const uint32_t* Hash(int k) const { return levels_[k - 1].hash; }
  uint64_t HashSlots(int k) const { return levels_[k - 1].hash_slots; }
  uint64_t ChildBegin(int k, uint64_t i) const { return levels_[k - 1].child[i]; }
  uint64_t ChildEnd(int k, uint64_t i) const { return levels_[k - 1].child[i + 1]; }
  double Prob(int k, uint64_t i) const { return qp_lo_ + qp_step_ * levels_[k - 1].prob[i]; }
  double Bow(int k, uint64_t i) const { return qb_lo_ + qb_step_ * levels_[k - 1].bow[i]; }
  double LogProb(const uint32_t* ctx, size_t n, uint32_t w) const { return TrieLogProb(*this, ctx, n, w); }

  // out[i] = log10 p(ids[i] | the up to order-1 ids before it), for all i < n
  // (ids[0] has no context). Equal to LogProb per position, but the lookups
  // of a level are issued as one batch with software prefetching, so memory
  // latency overlaps. `scratch` is reused between calls.
  void ScoreSequence(const uint32_t* ids, size_t n, double* out, std::vector<int64_t>* scratch) const;
  // lp[i] = TrieScore(*this, in[i], w[i], &out[i]) for all i < n (out may
  // alias in), with each level's lookups batched as in ScoreSequence.
  void ScoreBatch(const TrieState* in, const uint32_t* w, size_t n, double* lp, TrieState* out,
                  std::vector<int64_t>* scratch) const;

 private:
  // nodes_k[i] = Find(k, parents[i], ids[i]) for all i (parent -1 gives -1).
  void FindBatch(int k, const int64_t* parents, const uint32_t* ids, size_t n, int64_t* nodes_k) const;

  struct Level {
    const uint32_t* ids = nullptr;
    const uint16_t* prob = nullptr;
    const uint16_t* bow = nullptr;
    const uint32_t* child = nullptr;
    const uint32_t* hash = nullptr;  // optional index of (parent, id) -> entry
    uint64_t hash_slots = 0;
    uint64_t n = 0;
  };
  int order_ = 0;
  Level levels_[kMaxOrder];
  double qp_lo_ = 0, qp_step_ = 0, qb_lo_ = 0, qb_step_ = 0;
};

// Quantisation ranges (docs/model-format.md).
// The bow grid has step 2^-12 and contains 0 exactly (q = 32768).
constexpr double kProbLo = -12, kProbHi = 0, kBowLo = -8, kBowHi = 8 - 1.0 / 4096;
uint16_t QuantizeProb(double log10p);
uint16_t QuantizeBow(double log10b);

// Adds the optional hash sections (PREFIX.kK.hash) to a model that has none:
// reads `in`, writes `out` (crash-safe; may equal `in`) with every section of
// `in` plus the indexes. Models are distributed without them (half the size
// compressed) and indexed at install time.
Status IndexModelFile(const std::string& in, const std::string& out);

// The hash index of level k >= 2 (slots = 2 x entries, at least 8). Half
// empty, a lookup that misses (most back-off steps) probes about 2.5 slots
// on average with linear probing, against about 13 at 1.25 x entries: on
// 5%-CER Tesseract text 6% less time for a model 20 MB larger (BENCHMARKS.md).
// `child` is level k-1's child array, `ids` level k's ids.
std::vector<uint32_t> BuildLevelHash(const std::vector<uint32_t>& child, const std::vector<uint32_t>& ids);

}  // namespace emend::model

#endif  // EMEND_MODEL_TRIE_H_
