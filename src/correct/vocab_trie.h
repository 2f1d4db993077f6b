// A character trie over the model's vocabulary, so that candidate generation
// only follows paths that spell the start of some word (the automaton over
// the vocabulary: a candidate costs no dictionary lookup, and dead ends are
// cut at their first impossible character).
#ifndef EMEND_CORRECT_VOCAB_TRIE_H_
#define EMEND_CORRECT_VOCAB_TRIE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "emend/model.h"

namespace emend::correct {

class VocabTrie {
 public:
  static constexpr uint32_t kRoot = 0, kNone = UINT32_MAX;
  // Words of `m` seen at least `min_count` times (reserved ids, "<num>" and
  // punctuation tokens left out).
  VocabTrie(const Model& m, uint64_t min_count);
  uint32_t Child(uint32_t node, char32_t c) const;
  uint32_t WordId(uint32_t node) const { return word_[node]; }  // Model::kUnknown if none
  size_t nodes() const { return word_.size(); }

 private:
  std::vector<uint32_t> first_;   // first edge of each node; edges of node n: [first_[n], first_[n+1])
  std::vector<char32_t> label_;   // edge labels, sorted per node
  std::vector<uint32_t> target_;  // edge targets
  std::vector<uint32_t> word_;    // word id ending at each node
};

}  // namespace emend::correct

#endif  // EMEND_CORRECT_VOCAB_TRIE_H_
