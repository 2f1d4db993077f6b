// The edit log: emend's contract with its users (docs/edits.md is the spec).
//
// Offset invariant: every Edit names a byte span [start, end) of the ORIGINAL
// input, and `before` == input.substr(start, end - start). Applying a valid
// edit list to the input gives the output; inverting it on the output gives
// the input back, byte for byte.
#ifndef EMEND_EDIT_H_
#define EMEND_EDIT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "emend/status.h"

namespace emend {

// Edit kinds form a bit set: an edit merged from several passes carries
// every contributing kind (e.g. kCase | kSpelling).
enum EditKind : uint32_t {
  kCase = 1u << 0,           // letter case only (caps-lock inversion)
  kSpacing = 1u << 1,        // whitespace inserted or removed around punctuation
  kHyphenation = 1u << 2,    // line-break hyphen removed, word rejoined
  kEncoding = 1u << 3,       // mojibake or HTML entity decoded
  kNormalization = 1u << 4,  // opt-in normalisation (long s, ligatures, spaces)
  kSpelling = 1u << 5,       // non-word corrected
  kRealWord = 1u << 6,       // a real word replaced by a likelier one
  kSplit = 1u << 7,          // one token split into several
  kMerge = 1u << 8,          // several tokens joined
  kGap = 1u << 9,            // a lacuna: text lost here (after = lost text if known)
  kRestore = 1u << 10,       // text supplied from another copy (witness)
};
constexpr int kNumEditKinds = 11;

// Stable lower-case name of a single kind ("case", "real-word", ...).
const char* EditKindName(EditKind k);
// "case" or "case+spelling": names of every bit set, in bit order.
std::string EditKindsToString(uint32_t kinds);
// Inverse of EditKindsToString; error on an unknown name.
StatusOr<uint32_t> EditKindsFromString(std::string_view s);

struct Edit {
  uint64_t start = 0;      // byte offset into the original input
  uint64_t end = 0;        // exclusive; start == end for an insertion
  std::string before;      // original bytes of [start, end)
  std::string after;       // replacement bytes
  uint32_t kinds = 0;      // EditKind bits
  double confidence = 1;   // in [0, 1]
  std::string rule;        // stable rule or model id, e.g. "case.capslock"
  std::string note;        // short human text, e.g. "caps-lock run"
  // Restorations from another copy (kRestore): the witness's id and the byte
  // span of `after` in that witness. Empty id: not from a witness.
  std::string witness;
  uint64_t witness_start = 0, witness_end = 0;
  bool operator==(const Edit&) const = default;
};

// Checks the structural invariants of a final edit list against `input`:
// sorted by start, non-empty edits do not overlap, zero-length edits may
// share an offset with each other and with the start of a non-empty edit
// (they apply first), `before` matches the input, confidence in [0,1].
Status ValidateEdits(std::string_view input, const std::vector<Edit>& edits);

// Applies validated edits to `input`.
StatusOr<std::string> ApplyEdits(std::string_view input, const std::vector<Edit>& edits);

// Gives the input back from `output` = ApplyEdits(input, edits). Checks that
// each edit's `after` is where it must be in `output`.
StatusOr<std::string> InvertEdits(std::string_view output, const std::vector<Edit>& edits);

}  // namespace emend

#endif  // EMEND_EDIT_H_
