// Noisy-channel correction of words: detection first (a known word that fits
// its context costs one LM lookup), then candidates from the learned channel
// run backwards, splits and merges, scored by the language model over a
// window of context plus the channel, with a posterior confidence per edit.
#ifndef EMEND_CORRECT_CORRECTOR_H_
#define EMEND_CORRECT_CORRECTOR_H_

#include <regex>
#include <string>
#include <string_view>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "correct/channel.h"
#include "correct/vocab_trie.h"
#include "edit/combine.h"
#include "emend/emend.h"
#include "emend/model.h"
#include "text/lexicon.h"

namespace emend::correct {

struct CorrectOptions {
  // 0 = only the surest corrections, 1 = anything the model prefers. Sets
  // the posterior an edit needs: 0.99 - 0.49 * aggressiveness (default 0.5 -> 0.745).
  double aggressiveness = 0.5;
  bool real_word = true;    // also correct known words that do not fit (he -> be)
  bool split_merge = true;  // lampswas -> lamps was, his tory -> history
  bool dehyphenate = true;  // exam- ination -> examination (kind hyphenation; off with --no-hyphenation)
  const std::unordered_set<std::string>* lexicon = nullptr;  // user words (lower case), never changed
  const std::vector<std::regex>* protect = nullptr;          // tokens matching any are never changed
  // A general word list (the engine's, e.g. wamerican): words in it are not
  // treated as non-words even when the model has not seen them.
  const text::Lexicon* wordlist = nullptr;
  // Set by Corrector::Propose, not by callers: the text is Early Modern
  // (EarlyModernText), so its known words keep their sense (no real-word
  // correction) and its unknown words with a common modern reading (yeeld,
  // vpon, forthe) are its spellings. Elsewhere those are misreads.
  bool early_modern = false;
  // Set by Corrector::Propose too: besides, historical spellings are a good
  // share of the unknown words around (EarlyModern::Spelled), so the text's
  // unknown words are likelier its own spellings (chyrches, Glocester) than
  // misreads; false in noisy OCR that has a few forms that look historical.
  bool early_modern_spelled = false;
  // Set by Corrector::Propose too, in its second pass: the "word\tcorrection"
  // pairs (lower case) that the text's first pass made again and again, and
  // a "word\t" key for each such word (AdaptedPairs). Such a word is always
  // checked, and that correction weighs more (a real word's margin lowered,
  // a non-word's correction given a bonus).
  const std::unordered_set<std::string>* adapted = nullptr;
};

using emend::Alternative;
using emend::Suggestion;

// Channel candidates of observed words (word id, best path log10 P) and, for
// an unknown word, its splits into two words. They depend on the word alone
// and on the width of its search (the key says which), so one cache
// serves every thread and call of an engine (a corpus repeats its misreads
// across chunks and documents), and output is the same with or without it.
// Thread-safe: 64 shards, each with a mutex, each cleared when it holds more
// than its share of kMaxWords.
class CandidateCache {
 public:
  struct Split {
    uint32_t a, b;     // the two words
    uint32_t at;       // code points before the break
    uint32_t skip;     // code points dropped at it (an apostrophe read for the space)
    double log10p;     // channel
  };
  // A split into three or more words (propertyofsirrobert): the words and
  // the code points before each break.
  struct Segmentation {
    std::vector<uint32_t> words, at;
    double log10p = 0;  // channel
  };
  struct List {
    std::vector<std::pair<uint32_t, double>> words;
    std::vector<Split> splits;
    std::vector<Segmentation> segmentations;  // at most one
    std::vector<std::string> acronyms;        // word-list acronyms one keyboard slip away, lower case
    std::vector<Split> mended;                // splits with one half misread: a, b and log10p only
    std::vector<std::pair<std::string, double>> parts;  // compounds with one part mended, and log10p
  };
  static constexpr size_t kMaxWords = size_t{1} << 18;
  // The cached list of `word`, or null if it is not cached. Lists are
  // immutable and shared, so a reader keeps its list even if it is evicted.
  std::shared_ptr<const List> Find(const std::string& word) const;
  void Put(const std::string& word, std::shared_ptr<const List> list);

 private:
  static constexpr size_t kShards = 64;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, std::shared_ptr<const List>> map;
  };
  Shard& ShardOf(const std::string& word) const;
  mutable Shard shards_[kShards];
};

// How often the model must have seen a word for the trie of frequent words
// that a Corrector may search for misreads of them among rarer known words.
inline constexpr uint64_t kFrequentWordCount = 100000;
// How often the model must have seen a word for the trie that the search
// with three confusions walks: a misread that bad is mostly of a common
// word, and the smaller trie halves the search's cost. Training splits
// (session 21), against every word seen twice: BLN600 26.96% -> 26.90% CER
// removed, monographs 21.93% -> 21.91%; the search's extra time on BLN600
// text about 43% -> 21%, on 5% Tesseract text 22% -> 4%. 50: 26.86%; 300:
// 26.63%.
inline constexpr uint64_t kThirdConfusionCount = 20;

class Corrector {
 public:
  // `cache` (may be null: a cache per call) must outlive the corrector and
  // belong to the same model, channel and tries. `frequent` (may be null:
  // no such search) holds the model's frequent words, kFrequentWordCount
  // seen times or more in the engine, for the wider real-word search.
  // `common` (may be null: `trie` is searched) holds the words seen
  // kThirdConfusionCount times or more, for the three-confusion search.
  Corrector(const Model& model, const Channel& channel, const VocabTrie& trie, CandidateCache* cache = nullptr,
            const VocabTrie* frequent = nullptr, const VocabTrie* common = nullptr)
      : model_(model), channel_(channel), trie_(trie), frequent_(frequent), common_(common), cache_(cache) {}
  // Adds proposals (rank `rank`) for `text`; with `suggestions`, also lists
  // every suspect token with its alternatives.
  void Propose(std::string_view text, const CorrectOptions& options, int rank, std::vector<edit::Proposal>* out,
               std::vector<Suggestion>* suggestions = nullptr) const;

 private:
  const Model& model_;
  const Channel& channel_;
  const VocabTrie& trie_;
  const VocabTrie* frequent_;
  const VocabTrie* common_;
  CandidateCache* cache_;
};

// The case pattern of `original` applied to `word` (lower case): Tbe -> The,
// TBE -> THE; other patterns give `word` unchanged.
std::string MatchCase(std::string_view original, std::string_view word);

}  // namespace emend::correct

#endif  // EMEND_CORRECT_CORRECTOR_H_
