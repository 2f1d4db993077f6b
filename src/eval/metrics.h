// Evaluation metrics over pairs (OCR, gold) and a restorer's output:
// CER/WER in both variants, edit precision/recall, words broken, per-kind
// breakdown, top confusions. Conventions in docs/eval.md.
#ifndef EMEND_EVAL_METRICS_H_
#define EMEND_EVAL_METRICS_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emend/edit.h"
#include "eval/align.h"

namespace emend::eval {

// Interns grapheme clusters and words as integer ids.
class Symbols {
 public:
  uint32_t Id(std::string_view s);
  const std::string& Text(uint32_t id) const { return texts_[id]; }
 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> texts_;
};

std::string Nfc(std::string_view s);  // invalid UTF-8 bytes become U+FFFD first
// Grapheme clusters of NFC text.
std::vector<std::string_view> Graphemes(std::string_view nfc);
// Unicode word segments (UAX #29) that contain a letter or digit.
std::vector<std::string_view> Words(std::string_view nfc);

struct Counts {  // one side of a comparison with the gold
  uint64_t ref = 0, matches = 0, subs = 0, dels = 0, ins = 0;
  uint64_t errors() const { return subs + dels + ins; }
  double Rate() const { return ref ? double(errors()) / ref : 0; }
  double Normalized() const { return errors() + matches ? double(errors()) / (errors() + matches) : 0; }
  void Add(const Alignment& a, size_t ref_len);
};

struct KindStats { uint64_t edits = 0, good = 0; };

struct EvalTotals {
  uint64_t units = 0;
  Counts cer_before, cer_after, wer_before, wer_after;
  uint64_t words_right_before = 0, words_broken = 0, words_fixed = 0;
  uint64_t edits = 0, edits_good = 0, gold_regions = 0, gold_regions_hit = 0;
  std::map<std::string, KindStats> by_kind;
  std::map<std::pair<std::string, std::string>, uint64_t> confusions_before, confusions_after;
  std::map<std::string, uint64_t> broken_words;  // gold words right before and wrong after, by count
  // Of words_broken, those with a hyphen right before or after them in the
  // gold (pass-ing, con- tinued): a line-break hyphen the gold keeps, which
  // a rejoined word "breaks" although a reader wants it joined.
  uint64_t words_broken_at_hyphen = 0;
};

// Scores one unit. `edits` are the restorer's edits on `ocr` (empty for a
// command restorer: they are then derived from the OCR -> output diff).
void ScoreUnit(std::string_view ocr, std::string_view gold, std::string_view output,
               const std::vector<Edit>* edits, Symbols* sym, EvalTotals* t);

}  // namespace emend::eval

#endif  // EMEND_EVAL_METRICS_H_
