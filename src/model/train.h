// `emend train`: builds a model file from a corpus of plain-text files in two
// streaming passes (vocabulary, then n-gram counts with external merging),
// then estimates, prunes and writes the model crash-safely.
#ifndef EMEND_MODEL_TRAIN_H_
#define EMEND_MODEL_TRAIN_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "emend/status.h"
#include "model/trie.h"

namespace emend::model {

struct TrainOptions {
  std::vector<std::string> corpus;   // files or directories (searched recursively for *.txt)
  std::vector<std::string> exclude;  // paths to leave out, relative to a corpus directory or as given
  std::string name = "model";        // recorded in the metadata
  int order = 3;                     // word n-gram order (1..3: ids are packed 21 bits each)
  int char_order = 6;                // character n-gram order (up to 6)
  uint64_t min_count = 2;            // words seen fewer times become <unk>
  uint32_t max_vocab = 1u << 21;     // at most this many word ids
  // Count cutoffs by order (index = order; 1 = keep all). Default: keep every
  // bigram, drop singleton trigrams.
  std::array<uint64_t, kMaxOrder + 1> prune{1, 1, 1, 2, 2, 2, 2};
  std::array<uint64_t, kMaxOrder + 1> char_prune{1, 1, 1, 1, 1, 1, 1};
  // Class n-gram model (model/classes.h): its order (0 = none; up to 6) and
  // count cutoffs by order (default: drop 3-grams seen once and 4-grams seen
  // fewer than 3 times).
  int class_order = 4;
  std::array<uint64_t, kMaxOrder + 1> class_prune{1, 1, 1, 2, 3, 3, 3};
  bool index = true;                 // write the hash indexes (docs/model-format.md)
  size_t counter_buffer_keys = size_t{1} << 25;  // keys per counting run (8 bytes each)
  // Called with a short progress line now and then; may be empty.
  std::function<void(const std::string&)> progress;
};

struct TrainReport {
  uint64_t files = 0, skipped_files = 0, bytes = 0, invalid_bytes = 0;
  uint64_t tokens = 0, sentences = 0, vocab = 0, distinct_words = 0;
  std::array<uint64_t, kMaxOrder + 1> ngrams{}, char_ngrams{}, class_ngrams{};
  std::vector<std::string> skipped;  // "path: reason"
  std::string metadata_json;
};

// Lists the corpus files in a stable order, without the excluded ones.
StatusOr<std::vector<std::string>> CorpusFiles(const TrainOptions& options);

// Never leaves a partial file at `out`: the model is written to a temporary
// name and renamed only when complete.
Status Train(const TrainOptions& options, const std::string& out, TrainReport* report);

}  // namespace emend::model

#endif  // EMEND_MODEL_TRAIN_H_
