// Scoring lacunae (gap edits) against a gold log from `emend damage`.
// A predicted gap matches a gold gap when they stand at the same token
// boundary of the damaged text, give or take one token (docs/eval.md).
#ifndef EMEND_EVAL_GAPS_H_
#define EMEND_EVAL_GAPS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"

namespace emend::eval {

struct GapCounts {
  uint64_t gold = 0, found = 0;      // gold gaps, and those a prediction matches
  uint64_t predicted = 0, right = 0; // predicted gaps, and those matching a gold gap
  uint64_t restored = 0;             // gold gaps whose lost text a restore edit there supplies
  void Add(const GapCounts& o) {
    gold += o.gold; found += o.found; predicted += o.predicted; right += o.right; restored += o.restored;
  }
  double Recall() const { return gold ? double(found) / gold : 0; }
  double Precision() const { return predicted ? double(right) / predicted : 0; }
};

struct GapScore {
  std::map<std::string, GapCounts> by_reason;  // reasons must agree
  GapCounts located;                           // any reason: where, not why
  void Add(const GapScore& o);
};

// The reason of a gap edit: its rule after "gap." ("unknown" otherwise).
std::string GapReason(const Edit& e);

// Token boundary index of each offset of `text`: the number of tokens (runs
// of letters and digits, or single other visible characters) that end at or
// before it.
std::vector<uint32_t> BoundaryIndex(std::string_view text);

// Scores the gap edits of `predicted` against those of `gold`, both logs of
// the same damaged `text`. A gold gap is restored when a predicted edit of
// kind restore spans its offset and its text contains the lost text (white
// space runs compared as one space).
GapScore ScoreGaps(std::string_view text, const std::vector<Edit>& gold, const std::vector<Edit>& predicted,
                   int tolerance = 1);

}  // namespace emend::eval

#endif  // EMEND_EVAL_GAPS_H_
