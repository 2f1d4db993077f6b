// Interpolated modified Kneser-Ney estimation (docs/model-format.md,
// "Smoothing") from raw n-gram counts to a back-off trie, with count-cutoff
// pruning and back-off renormalisation.
#ifndef EMEND_MODEL_KN_H_
#define EMEND_MODEL_KN_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "emend/status.h"
#include "model/counter.h"
#include "model/file.h"
#include "model/trie.h"

namespace emend::model {

// N-gram keys pack ids w1..wk with w1 in the most significant position,
// Bits(order) bits each, so numeric order is lexicographic order.
inline int KeyBits(int order) { return 64 / order; }
uint64_t PackKey(const uint32_t* ids, int k, int bits);
uint32_t KeyId(uint64_t key, int k, int i, int bits);  // i-th id (0 = oldest) of a k-gram key

struct NgramCounts {
  int order = 3;
  uint32_t vocab = 3;                       // symbol ids are < vocab
  std::vector<uint64_t> unigrams;           // raw count by id
  std::vector<std::vector<KeyCount>> grams; // grams[k] = sorted k-grams, k = 2..order
};

struct KnOptions {
  // prune[k] (k = 2..order): drop k-grams seen fewer times (1 = keep all).
  // Default: keep everything.
  std::array<uint64_t, kMaxOrder + 1> prune{1, 1, 1, 1, 1, 1, 1};
};

struct KnStats {
  std::array<std::array<double, 3>, kMaxOrder + 1> discounts{};  // D1, D2, D3+ per order
  std::array<uint64_t, kMaxOrder + 1> kept{};                     // entries per level
};

// The built trie in memory, log10 values in double precision.
struct BuiltTrie {
  int order_ = 0;
  uint32_t vocab_ = 0;
  std::vector<std::vector<uint32_t>> ids;    // [k-1]; level 1 empty
  std::vector<std::vector<double>> prob;     // [k-1]
  std::vector<std::vector<double>> bow;      // [k-1], k < order
  std::vector<std::vector<uint32_t>> child;  // [k-1], k < order, size+1
  int order() const { return order_; }
  uint32_t vocab() const { return vocab_; }
  uint32_t Id(int k, uint64_t i) const { return k == 1 ? static_cast<uint32_t>(i) : ids[k - 1][i]; }
  const uint32_t* Ids(int k) const { return ids[k - 1].data(); }
  const uint32_t* Hash(int) const { return nullptr; }  // the builder always searches
  uint64_t HashSlots(int) const { return 0; }
  uint64_t ChildBegin(int k, uint64_t i) const { return child[k - 1][i]; }
  uint64_t ChildEnd(int k, uint64_t i) const { return child[k - 1][i + 1]; }
  double Prob(int k, uint64_t i) const { return prob[k - 1][i]; }
  double Bow(int k, uint64_t i) const { return bow[k - 1][i]; }
  double LogProb(const uint32_t* ctx, size_t n, uint32_t w) const { return TrieLogProb(*this, ctx, n, w); }
};

// Adds every n-gram (orders 1..order) of one symbol sequence, which must
// start with kBos and end with kEos, to per-order counters.
class SequenceCounter {
 public:
  SequenceCounter(int order, uint32_t vocab, size_t buffer_keys = size_t{1} << 24);
  Status Add(const std::vector<uint32_t>& seq);
  StatusOr<NgramCounts> Finish();
 private:
  int order_;
  uint32_t vocab_;
  std::vector<uint64_t> unigrams_;
  std::vector<std::unique_ptr<NgramCounter>> counters_;  // [k], k >= 2
};

// Modified KN discounts from count-of-counts n1..n4 (falls back to 0.5, 1,
// 1.5 when the counts are too few to estimate them).
std::array<double, 3> KnDiscounts(const std::array<uint64_t, 5>& n);

StatusOr<BuiltTrie> BuildKneserNey(const NgramCounts& counts, const KnOptions& options, KnStats* stats);

// Adds PREFIX.order, PREFIX.quant and PREFIX.kK.* sections (with the hash
// indexes when `index`).
Status AddTrieSections(const BuiltTrie& t, const std::string& prefix, FileWriter* w, bool index = true);

}  // namespace emend::model

#endif  // EMEND_MODEL_KN_H_
