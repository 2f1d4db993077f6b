// Lacuna detection: where did a copy lose numerals, quotations, parentheses
// or sentences? (docs/edits.md, "Gaps".) Each finding is a zero-length edit
// of kind gap, rule "gap.<reason>", with a confidence; a word fused at the cut
// (inon, lampswas) is split by the same edit (kinds gap+split, after " ").
//
// Evidence is scored by the language model: how much likelier the sentence
// becomes with a number (the model's <num>), a quotation or a parenthesis
// inserted at a token boundary, plus a few surface cues that the model cannot
// see because its tokens drop them (a sentence that starts in lower case, a
// sentence that ends on "," or ":", a space before the full stop, empty
// quotes, a stray ordinal suffix). Detection reads the original input only.
#ifndef EMEND_GAPS_LACUNAE_H_
#define EMEND_GAPS_LACUNAE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "emend/model.h"
#include "repair/passes.h"
#include "text/lexicon.h"

namespace emend::gaps {

struct GapOptions {
  // Inserted at each gap (--mark-gaps); empty: the text is unchanged.
  std::string marker;
  // Gaps below this confidence are not reported. 0.5 by default.
  double min_confidence = 0.5;
  // Tuning only (docs/lacunae.md, "How the weights were set, and on
  // what"). `weights`: values in place of the built-in weights, in the
  // order listed there (fewer: the rest keep theirs); empty by default.
  // `trace`: if set, receives one line per weighed boundary (its features)
  // and one per text (its unexplained cues and words), and every feature is
  // then worked out exactly; unset by default. It may be called from
  // several threads at once.
  std::vector<double> weights;
  std::function<void(const std::string&)> trace;
};

// Appends gap proposals for `input` (any bytes) at pass rank `rank`.
void ProposeGaps(std::string_view input, const Model& model, const text::Lexicon* wordlist,
                 const GapOptions& options, int rank, repair::Proposals* out);

}  // namespace emend::gaps

#endif  // EMEND_GAPS_LACUNAE_H_
