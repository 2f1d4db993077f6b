// A character trie over the model's vocabulary, so that candidate generation
// only follows paths that spell the start of some word (the automaton over
// the vocabulary: a candidate costs no dictionary lookup, and dead ends are
// cut at their first impossible character), and a trie of the reversed
// words, which tells whether some word ends with a given string.
//
// Layout: one array of 32-bit cells per direction, nodes in depth-first
// order. A node at offset n is [word id, k, k sorted labels, k child
// offsets], so a step down reads one or two cache lines and a node's first
// child follows it. A node with more than kScan children (near the root)
// is followed by 128 cells mapping each ASCII code point to its child (or
// kNone), so the busiest steps cost one read.
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
  static constexpr uint32_t kRoot = 0, kNone = UINT32_MAX, kScan = 8;
  using Words = std::vector<std::pair<std::u32string, uint32_t>>;
  // Words of `m` seen at least `min_count` times (reserved ids, "<num>" and
  // punctuation tokens left out).
  VocabTrie(const Model& m, uint64_t min_count);
  // From (word, id) pairs in any order; ids must not be Model::kUnknown.
  explicit VocabTrie(Words words);

  // Prefixes: the node after `c` below `node`, kNone if no word continues so.
  uint32_t Child(uint32_t node, char32_t c) const { return Step(prefixes_, node, c); }
  uint32_t WordId(uint32_t node) const { return prefixes_[node]; }  // Model::kUnknown if none
  // Which ASCII code points may follow `node`: exactly its labels for a node
  // that is scanned, everything for a wide one (whose table answers at once)
  // and for any code point >= 128. Lets a search that tries many code points
  // at one node skip most without a scan each.
  struct Kids {
    uint64_t bits[2] = {~uint64_t{0}, ~uint64_t{0}};
    bool May(char32_t c) const { return c >= 128 || ((bits[c >> 6] >> (c & 63)) & 1); }
  };
  Kids AsciiKids(uint32_t node) const { return KidsOf(prefixes_, node, /*read_wide=*/false); }
  // Suffixes, read backwards from the end of a word: from kRoot, SuffixChild
  // with the last code point, then the one before it, and so on.
  uint32_t SuffixChild(uint32_t node, char32_t c) const { return Step(suffixes_, node, c); }
  // Exactly the ASCII code points c with SuffixChild(node, c) != kNone (a
  // wide node's table read whole); May() is true for any c >= 128.
  Kids SuffixKids(uint32_t node) const { return KidsOf(suffixes_, node, /*read_wide=*/true); }

 private:
  // The ASCII labels of the node at `node` in `cells`: a scanned node's
  // exactly; a wide node's from its table with `read_wide`, else all.
  static Kids KidsOf(const std::vector<uint32_t>& cells, uint32_t node, bool read_wide) {
    Kids m;
    const uint32_t k = cells[node + 1];
    const uint32_t* labels = cells.data() + node + 2;
    if (k > kScan && !read_wide) return m;
    m.bits[0] = m.bits[1] = 0;
    auto set = [&](uint32_t c) { m.bits[c >> 6] |= uint64_t{1} << (c & 63); };
    if (k <= kScan) {
      for (uint32_t i = 0; i < k; ++i)
        if (labels[i] < 128) set(labels[i]);
    } else {
      for (uint32_t c = 0; c < 128; ++c)
        if (labels[2 * k + c] != kNone) set(c);
    }
    return m;
  }
  static uint32_t Step(const std::vector<uint32_t>& cells, uint32_t node, char32_t c) {
    const uint32_t k = cells[node + 1];
    const uint32_t* labels = cells.data() + node + 2;
    if (k <= kScan) {  // most nodes: a short scan
      for (uint32_t i = 0; i < k; ++i)
        if (labels[i] == c) return labels[k + i];
      return kNone;
    }
    return c < 128 ? labels[2 * k + c] : Search(labels, k, c);
  }
  static uint32_t Search(const uint32_t* labels, uint32_t k, char32_t c);
  // The words as one buffer of code points, ordered as 4-byte indexes
  // (moving indexes, not strings, is most of what makes start-up fast).
  struct Flat;
  void Init(Flat* f);  // builds both tries: of the words, then of each word reversed
  // Appends the node for the words [lo, hi) of w's order, which share their
  // first `depth` code points, and its subtrees (ordering the range by the
  // next code point first); returns the node's offset.
  static uint32_t Build(Flat* w, size_t lo, size_t hi, size_t depth, std::vector<uint32_t>* cells);
  // Build for a range of the one word i: a chain of single-child nodes.
  static uint32_t Chain(Flat* w, size_t i, size_t depth, std::vector<uint32_t>* cells);

  std::vector<uint32_t> prefixes_, suffixes_;
};

}  // namespace emend::correct

#endif  // EMEND_CORRECT_VOCAB_TRIE_H_
