// The OCR error channel: P(observed | intended) for words, learned from
// aligned OCR/gold text as multi-character confusions (rn->m, li->h, e->c,
// a space lost or inserted), scored with a weighted edit distance over those
// confusions, and run backwards to generate candidate corrections.
#ifndef EMEND_CORRECT_CHANNEL_H_
#define EMEND_CORRECT_CHANNEL_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "correct/vocab_trie.h"
#include "emend/status.h"
#include "text/utf8.h"

namespace emend::correct {

constexpr int kMaxChunk = 3;  // code points on either side of a confusion

struct Confusion {
  std::u32string intended, observed;
  uint64_t count = 0;
  double log10p = 0;  // log10 P(observed | intended)
};

// A list of confusions per position of an observed word, in one array:
// position p's are items[start[p] .. start[p + 1]).
struct ConfusionsAt {
  std::vector<const Confusion*> items;
  std::vector<uint32_t> start;
  std::span<const Confusion* const> At(size_t p) const {
    return std::span<const Confusion* const>(items).subspan(start[p], start[p + 1] - start[p]);
  }
};

class Channel {
 public:
  // Learning: feed aligned pairs, then Finish.
  void AddPair(std::string_view gold, std::string_view ocr);
  // Keeps confusions seen at least `min_count` times.
  void Finish(uint64_t min_count = 2);

  // The learned table as text (docs/model-format.md, "chan.tsv"), and back.
  std::string Serialize() const;
  static StatusOr<Channel> Parse(std::string_view tsv);

  // log10 P(observed | intended), both lower-cased words.
  double LogProb(std::u32string_view intended, std::u32string_view observed) const;

  // Calls `emit(candidate, log10 P(observed | candidate) along one path)` for
  // strings that reach `observed` by at most `max_ops` learned confusions
  // (applied backwards at non-overlapping places) whose log10 probabilities
  // sum to at least `min_log10p`. Duplicates are possible.
  void Candidates(std::u32string_view observed, int max_ops, double min_log10p,
                  const std::function<void(const std::u32string&, double)>& emit) const;
  // The same restricted to words of `trie`: emits (word id, path log10 P).
  // Paths that stop spelling a vocabulary prefix are cut at once. With
  // `initial`, the word-initial confusions (a first letter lost or one
  // added before it) are tried at the word's start too.
  void WordCandidates(std::u32string_view observed, int max_ops, double min_log10p, const VocabTrie& trie,
                      const std::function<void(uint32_t, double)>& emit, bool initial = false) const;

  double log10_copy() const { return log10_copy_; }
  size_t size() const { return table_.size(); }
  uint64_t pairs_seen() const { return words_; }
  const std::vector<Confusion>& table() const { return table_; }

 private:
  void Index();
  void IndexInitial();
  // For each position p of `o`, the confusions (at least `min_lp` likely)
  // whose observed side starts there, most probable first.
  ConfusionsAt ObservedAt(std::u32string_view o, double min_lp, bool initial = false) const;
  std::vector<Confusion> table_;
  double log10_copy_ = -0.01;       // per intended code point copied unchanged
  double log10_fallback_ = -5.0;    // any single-character edit not in the table
  // Learning state.
  std::unordered_map<std::u32string, uint64_t> context_counts_;  // intended chunk -> occurrences
  std::unordered_map<std::u32string, std::unordered_map<std::u32string, uint64_t>> counts_;
  uint64_t chars_ = 0, errors_ = 0, words_ = 0;
  // Indexes over table_.
  // Keyed by ChunkKey: the lookups of the decoder allocate nothing.
  std::unordered_map<uint64_t, std::vector<const Confusion*>> by_observed_;
  // The confusions of one intended chunk, for LogProb: those that delete it
  // reduced to the likeliest (all reach the same cell), the others ordered by
  // their observed side's first code point, with a mask of the ASCII ones
  // among those so that most places are ruled out without a search.
  struct IntendedList {
    bool deletes = false;
    double deletion = 0;  // log10 P of the likeliest deletion, if it `deletes`
    std::vector<const Confusion*> items;  // observed side not empty
    uint64_t first[2] = {0, 0};           // ASCII first code points of items' observed sides
    bool May(char32_t c) const { return c >= 128 || ((first[c >> 6] >> (c & 63)) & 1); }
  };
  std::unordered_map<uint64_t, IntendedList> by_intended_;
  // Word-initial confusions: those learned after a space (" c" read " ",
  // " " read " i") with that space taken off, so that a word's first letter
  // lost or one added before it (ollapse, nman) is found; keyed by observed
  // side (empty: 0), most probable first. Offered at a word's start only,
  // and only where asked for (WordCandidates' `initial`).
  std::vector<Confusion> initial_;
  std::unordered_map<uint64_t, std::vector<const Confusion*>> initial_by_observed_;
};

using text::ToU32;   // the code-point conversions of text/utf8.h, used
using text::ToUtf8;  // throughout this subsystem

}  // namespace emend::correct

#endif  // EMEND_CORRECT_CHANNEL_H_
