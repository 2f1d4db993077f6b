#include "model/perplexity.h"

#include <vector>

#include "text/lm_tokens.h"

namespace emend::model {

void PerplexityStats::Add(const PerplexityStats& o) {
  log10_sum += o.log10_sum;
  predictions += o.predictions;
  oov += o.oov;
  log10_sum_known += o.log10_sum_known;
  predictions_known += o.predictions_known;
}

PerplexityStats Perplexity(const Model& m, std::string_view text) {
  PerplexityStats st;
  std::vector<uint32_t> ids;
  std::vector<double> lps;
  std::vector<int64_t> scratch;
  text::LmSentences(text, [&](const std::vector<text::LmToken>& sent) {
    ids.assign(1, Model::kSentenceStart);
    for (const text::LmToken& t : sent) ids.push_back(m.Find(t.text));
    ids.push_back(Model::kSentenceEnd);
    lps.resize(ids.size());
    m.ScoreSequence(ids.data(), ids.size(), lps.data(), &scratch);
    for (size_t i = 1; i < ids.size(); ++i) {
      double lp = lps[i];
      st.log10_sum += lp;
      st.predictions++;
      if (ids[i] == Model::kUnknown) {
        st.oov++;
      } else {
        st.log10_sum_known += lp;
        st.predictions_known++;
      }
    }
  });
  return st;
}

}  // namespace emend::model
