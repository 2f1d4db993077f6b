// Perplexity of a text under a model, over the language-model token stream
// (text/lm_tokens.h): every token and each sentence end is predicted;
// sentence starts are given. Unknown words are scored as <unk> and counted.
#ifndef EMEND_MODEL_PERPLEXITY_H_
#define EMEND_MODEL_PERPLEXITY_H_

#include <cmath>
#include <cstdint>
#include <string_view>

#include "emend/model.h"

namespace emend::model {

struct PerplexityStats {
  double log10_sum = 0;      // all predictions, <unk> included
  uint64_t predictions = 0;  // tokens + sentence ends
  uint64_t oov = 0;          // tokens not in the vocabulary
  double log10_sum_known = 0;  // predictions of known tokens and sentence ends only
  uint64_t predictions_known = 0;
  void Add(const PerplexityStats& o);
  double Perplexity() const { return predictions ? std::pow(10.0, -log10_sum / predictions) : 0; }
  double PerplexityKnown() const { return predictions_known ? std::pow(10.0, -log10_sum_known / predictions_known) : 0; }
};

PerplexityStats Perplexity(const Model& m, std::string_view text);

}  // namespace emend::model

#endif  // EMEND_MODEL_PERPLEXITY_H_
