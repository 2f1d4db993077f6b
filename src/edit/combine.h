// The combiner: every pass proposes edits against the original input; this
// one place decides what the final edit list is (docs/edits.md, "Combining").
#ifndef EMEND_EDIT_COMBINE_H_
#define EMEND_EDIT_COMBINE_H_

#include <string_view>
#include <vector>

#include "emend/edit.h"

namespace emend::edit {

struct Proposal {
  Edit edit;
  int rank = 0;  // pass order: lower ranks apply first when proposals overlap
};

struct CombineStats {
  uint64_t merged = 0;   // final edits built from more than one proposal
  uint64_t dropped = 0;  // proposals that could not be composed and lost to a lower rank
};

// Returns a sorted, valid (ValidateEdits) edit list for `input`.
// Overlapping non-empty proposals become one edit over the union of their
// spans, listing every contributing kind; a later case-only proposal is
// re-applied as a case pattern to the text an earlier one produced.
// Zero-length proposals keep their offset (or move to the end of a non-empty
// edit that would swallow them) and, at one offset, keep rank then input order.
std::vector<Edit> Combine(std::string_view input, std::vector<Proposal> proposals,
                          CombineStats* stats = nullptr);

// True when `after` differs from `before` only in letter case, code point by code point.
bool IsCaseOnly(std::string_view before, std::string_view after);

// Gives the letters of `text` the case of the letters of `pattern`, in order
// (letters beyond the pattern take the case of its last letter).
std::string TransferCase(std::string_view text, std::string_view pattern);

}  // namespace emend::edit

#endif  // EMEND_EDIT_COMBINE_H_
