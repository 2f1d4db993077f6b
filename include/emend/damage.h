// The damage simulator (`emend damage`): from clean text, damaged text plus
// the gold edit log that turns the damaged text back into the original.
//
// Gold contract: ApplyEdits(result.text, result.gold) == the clean input,
// byte for byte. Repairs are ordinary edits (kinds case, spelling, split,
// merge, hyphenation, encoding); lost material is a zero-length edit of kind
// gap whose `after` is the lost text and whose `rule` is "gap.<reason>"
// (numeral, quotation, parenthetical, sentence). docs/damage.md lists the
// operations and the fixed settings the tests and BENCHMARKS.md use.
#ifndef EMEND_DAMAGE_H_
#define EMEND_DAMAGE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"
#include "emend/model.h"
#include "emend/status.h"

namespace emend {

struct DamageOptions {
  uint64_t seed = 1;              // same seed, options and input: same output
  // Each rate is a probability per unit (named), 0 = operation off.
  double capslock = 0;            // per sentence: letter case inverted (sTALIN EXILED)
  double digits = 0;              // per digit run: deleted (1 = strip all digits)
  double quotations = 0;          // per "..." / “...” quotation: deleted
  bool quotation_marks = true;    // delete the marks too (false: leave "")
  double parentheses = 0;         // per (...) group: deleted
  bool parenthesis_marks = true;  // delete the brackets too (false: leave ())
  double drop_sentences = 0;      // per sentence containing ' ’ " “ or ”: dropped whole
  double fuse = 0;                // per cut between spaces: both spaces go (in 1879 on -> inon)
  double ocr = 0;                 // per word: one confusion drawn from the model's channel
  double space_drop = 0;          // per space between two words: removed
  double space_insert = 0;        // per word of 4+ letters: a space inserted inside
  double hyphenate = 0;           // per word of 6+ letters: broken with "-\n"
  double mojibake = 0;            // per non-ASCII character: UTF-8 read as Windows-1252
};

// Counts of what was done, by operation (index by DamageOp).
enum DamageOp {
  kOpCapslock, kOpDigits, kOpQuotations, kOpParentheses, kOpSentences, kOpFuse,
  kOpOcr, kOpSpaceDrop, kOpSpaceInsert, kOpHyphenate, kOpMojibake, kNumDamageOps
};
const char* DamageOpName(DamageOp op);

struct DamageResult {
  std::string text;          // the damaged text
  std::vector<Edit> gold;    // valid for `text`; applying them gives the input back
  std::array<uint64_t, kNumDamageOps> counts{};
};

// Damages `clean`. `model` supplies the OCR channel; `ocr` > 0 needs a model
// with a channel section (error otherwise). Invalid UTF-8 bytes are kept
// unchanged and never damaged.
StatusOr<DamageResult> Damage(std::string_view clean, const DamageOptions& options, const Model* model);

// Parses "digits=1,quotations=1,fuse=0.3,seed=7,quotation-marks=no" into
// options (names as in DamageOptions with - for _), or one of the presets
// documented in docs/damage.md: "lacunae", "ocr", "seedlike".
StatusOr<DamageOptions> ParseDamageSpec(std::string_view spec);

}  // namespace emend

#endif  // EMEND_DAMAGE_H_
