// The emend language model (docs/model-format.md): a vocabulary with case
// variants, a word n-gram model and a character n-gram model, mapped
// read-only from one file. A Model is immutable and safe to share across
// threads.
#ifndef EMEND_MODEL_H_
#define EMEND_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "emend/status.h"

namespace emend {

constexpr uint32_t kModelFormatVersion = 1;  // docs/model-format.md

struct ModelOptions {
  // Verify every section's XXH3-64 checksum at load (default true; the cost
  // is in BENCHMARKS.md). Structural bounds checks always run.
  bool verify_checksums = true;
};

struct CaseVariant {
  std::string_view form;  // as written in the corpus ("London", "NATO", "the")
  double share = 0;       // of the word's count, 0..1
};

class Model {
 public:
  static constexpr uint32_t kUnknown = 0, kSentenceStart = 1, kSentenceEnd = 2;

  // Maps `path`; every failure names the file and the problem.
  static StatusOr<std::unique_ptr<Model>> Open(const std::string& path, const ModelOptions& options = {});
  // The same from bytes in memory (tests, fuzzing, embedded models); `name`
  // stands for the path in messages.
  static StatusOr<std::unique_ptr<Model>> FromBytes(std::string bytes, const std::string& name,
                                                    const ModelOptions& options = {});
  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  const std::string& path() const;
  std::string_view metadata_json() const;  // build options and corpus summary
  int order() const;                        // word n-gram order
  int char_order() const;
  uint32_t vocab_size() const;              // including the 3 reserved ids

  // Word ids: `word` in the model's form (lower case; "<num>"; "," ...);
  // Find lower-cases it first. kUnknown if absent.
  uint32_t Find(std::string_view word) const;
  std::string_view Word(uint32_t id) const;
  uint64_t Count(uint32_t id) const;        // corpus count, all case forms
  std::vector<CaseVariant> Cases(uint32_t id) const;  // most frequent first

  // log10 p(word | context); context ids oldest first, any length (only the
  // last order()-1 are used).
  double LogProb(const uint32_t* context, size_t n, uint32_t word) const;
  // Left-to-right scoring: a state holds the context as trie positions, so
  // each word costs two searches at order 3. Score(in, w, &out) gives
  // log10 p(w | context of in), equal to LogProb with the same context, and
  // the state after w (out may alias in).
  struct State {
    int len = 0;
    int64_t node[6] = {};
  };
  State BeginSentence() const;   // the context "<s>"
  State NullContext() const;     // no context at all
  double Score(const State& in, uint32_t word, State* out) const;
  // lp[i] = Score(in[i], words[i], &out[i]) for i < n (out may alias in):
  // equal results, but each level's lookups are issued as one batch with
  // prefetching, so many candidates cost far less than n calls to Score.
  // `scratch` may be null or reused between calls.
  void ScoreBatch(const State* in, const uint32_t* words, size_t n, double* lp, State* out,
                  std::vector<int64_t>* scratch = nullptr) const;

  // out[i] = log10 p(ids[i] | the order()-1 ids before it) for i < n (ids[0]
  // without context): the fastest way to score a sequence, since lookups are
  // batched with prefetching. `scratch` may be null or reused between calls.
  void ScoreSequence(const uint32_t* ids, size_t n, double* out, std::vector<int64_t>* scratch = nullptr) const;

  // log10 of the probability of `word`'s spelling (lower-cased) under the
  // character model, end-of-word included; and the number of symbols scored
  // (code points + 1), to normalise per symbol.
  double CharLogProb(std::string_view word, size_t* symbols = nullptr) const;

  // The class n-gram model (docs/model-format.md, "Class model"): words
  // grouped as function words, names and endings (-ed, -ly ...). Order 0
  // when the model has none; then ClassOf and ClassLogProb must not be called.
  int class_order() const;
  // The class of word `id`; of kUnknown, the class of the spelling `lower`.
  uint32_t ClassOf(uint32_t id, std::string_view lower) const;
  // log10 p(cls | context classes), oldest first (only the last class_order()-1 are used).
  double ClassLogProb(const uint32_t* context, size_t n, uint32_t cls) const;

  // Word priors from a large outside corpus (docs/model-format.md, "Word
  // priors"), absent from models built without them; then PriorLogProb
  // must not be called. PriorLogProb(v, w) = log10 p(w | v) under the
  // frequency lists, v = kUnknown for no context (the unigram p(w));
  // PriorListed(w): whether the unigram list has w at all.
  bool has_priors() const;
  double PriorLogProb(uint32_t previous, uint32_t word) const;
  bool PriorListed(uint32_t word) const;

  // The learned OCR channel table (section chan.tsv), empty if the model has none.
  std::string_view ChannelTable() const;

  struct Impl;
 private:
  explicit Model(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace emend

#endif  // EMEND_MODEL_H_
