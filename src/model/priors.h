// Word priors (docs/model-format.md, "Word priors"): unigram and bigram
// frequencies from a large outside corpus, stored by the model's word ids; a
// builder from frequency lists and a mapped, bounds-checked view.
#ifndef EMEND_MODEL_PRIORS_H_
#define EMEND_MODEL_PRIORS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "emend/status.h"
#include "model/file.h"

namespace emend::model {

// Adds the five prior.* sections built from the lists `unigrams` ("word
// count" lines) and `bigrams` ("word1 word2 count" lines) to `w`, for a
// vocabulary of `vocab_size` ids where `find` maps a listed (lower-case)
// word to its id, 0 if the vocabulary lacks it. Errors name the list and
// line of a malformed entry; an empty unigram list is an error.
Status AddPriorSections(std::string_view unigrams, std::string_view bigrams, uint32_t vocab_size,
                        const std::function<uint32_t(std::string_view)>& find, FileWriter* w);

// Rewrites the model at `path` (crash-safely) with prior.* sections built
// from the two list files, replacing any it had; everything else is kept.
Status AddPriorsToModel(const std::string& path, const std::string& unigrams_path, const std::string& bigrams_path);

class PriorsView {
 public:
  // The view of f's prior.* sections; an empty view (has() false) if the
  // model has none. Checks every invariant of the format document.
  static StatusOr<PriorsView> Load(const ModelFile& f, uint32_t vocab_size);
  bool has() const { return uni_ != nullptr; }
  // log10 p(w | v) as the format document's query defines it; v = 0 (or
  // any id the lists lack) for no context. Only for has() views.
  double LogProb(uint32_t v, uint32_t w) const;
  // Whether the unigram list has word `id`.
  bool Listed(uint32_t id) const { return id < vocab_ && uni_[id] != 0; }

 private:
  double Unigram(uint32_t id) const;
  uint32_t vocab_ = 0;
  float floor_ = 0, absent_ = 0;
  const uint16_t* uni_ = nullptr;
  const uint32_t* child_ = nullptr;
  const uint32_t* ids_ = nullptr;
  const uint16_t* prob_ = nullptr;
};

}  // namespace emend::model

#endif  // EMEND_MODEL_PRIORS_H_
