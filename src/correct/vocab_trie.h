// A character trie over the model's vocabulary, so that candidate generation
// only follows paths that spell the start of some word (the automaton over
// the vocabulary: a candidate costs no dictionary lookup, and dead ends are
// cut at their first impossible character).
//
// Layout: one array of 32-bit cells, nodes in depth-first order. A node at
// offset n is [word id, k, k sorted labels, k child offsets], so a step down
// reads one or two cache lines and a node's first child follows it.
#ifndef EMEND_CORRECT_VOCAB_TRIE_H_
#define EMEND_CORRECT_VOCAB_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emend/model.h"

namespace emend::correct {

class VocabTrie {
 public:
  static constexpr uint32_t kRoot = 0, kNone = UINT32_MAX;
  // Words of `m` seen at least `min_count` times (reserved ids, "<num>" and
  // punctuation tokens left out).
  VocabTrie(const Model& m, uint64_t min_count);
  // From (word, id) pairs in any order; ids must not be Model::kUnknown.
  explicit VocabTrie(std::vector<std::pair<std::u32string, uint32_t>> words);

  uint32_t Child(uint32_t node, char32_t c) const {
    const uint32_t k = cells_[node + 1];
    const uint32_t* labels = cells_.data() + node + 2;
    if (k <= 16) {  // most nodes: a short scan beats a binary search
      for (uint32_t i = 0; i < k; ++i)
        if (labels[i] == c) return labels[k + i];
      return kNone;
    }
    return Search(labels, k, c);
  }
  uint32_t WordId(uint32_t node) const { return cells_[node]; }  // Model::kUnknown if none
  size_t cells() const { return cells_.size(); }

 private:
  static uint32_t Search(const uint32_t* labels, uint32_t k, char32_t c);
  using Words = std::vector<std::pair<std::u32string, uint32_t>>;
  uint32_t Build(const Words& w, size_t lo, size_t hi, size_t depth);

  std::vector<uint32_t> cells_;
};

}  // namespace emend::correct

#endif  // EMEND_CORRECT_VOCAB_TRIE_H_
