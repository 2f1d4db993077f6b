// Collation (`emend collate`): align a base text with other copies of it
// (witnesses), classify every difference, restore what the base lost, and
// write a TEI critical apparatus. docs/collate.md has the details.
//
// Restorations are edits on the base (kind restore, rule "collate.<kind>")
// that cite the witness and the byte span they copy (Edit::witness*), so the
// offset invariant of edit.h holds: applying them to the base gives the
// restored text, inverting them gives the base back.
#ifndef EMEND_COLLATE_H_
#define EMEND_COLLATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"
#include "emend/model.h"
#include "emend/status.h"

namespace emend {

struct Witness {
  std::string id;    // an XML name (letters, digits, - _ .), unique
  std::string text;
};

struct CollateOptions {
  bool restore = true;              // fill the base's lacunae (false: align and classify only)
  // A witness that aligns with less than this share of the base's tokens
  // (or of its own) is reported as "no alignment" and not used. 0.2 by default.
  double min_aligned = 0.2;
  // Regions between anchors up to this many DP cells are aligned exactly;
  // larger ones are anchored again with shorter n-grams first. 4,000,000 by default.
  uint64_t max_dp_cells = 4000000;
};

// Kinds of difference (Variant::kind), also the restore rule suffixes.
//   case: one word in other letter case (listed, never restored)
//   spacing, numeral, quotation, parenthetical, sentence: lost or changed material of that sort
//   ocr: an OCR or spelling variant of one word; substantive: any other difference;
//   transposition: a passage found elsewhere in the other text
struct Variant {
  size_t witness = 0;                  // index into the witnesses
  uint64_t base_start = 0, base_end = 0;  // byte span in the base (empty: the witness has more here)
  uint64_t wit_start = 0, wit_end = 0;    // byte span in the witness (empty: the base has more)
  std::string kind;
  bool restored = false;               // the base took this witness's reading
};

struct WitnessReport {
  std::string id;
  bool aligned = false;     // false: "no alignment" (a different text, or empty)
  double coverage = 0;      // share of base tokens matched exactly
  uint64_t anchors = 0;     // unique n-gram anchors used
};

struct CollateResult {
  std::string text;                 // the restored base
  std::vector<Edit> edits;          // restorations, valid for the base (edit.h)
  std::vector<Variant> variants;    // every difference, by base offset
  std::vector<WitnessReport> witnesses;
};

// Collates `base` with `witnesses`. Disagreeing readings of a lacuna are
// chosen by corroboration (tokens another witness confirms), then agreement,
// then the less noisy witness, then `model` (may be null: the likelier wording). Errors: no witnesses, duplicate or invalid ids. A witness
// that does not align is reported in `witnesses`, not an error.
StatusOr<CollateResult> Collate(std::string_view base, const std::vector<Witness>& witnesses,
                                const CollateOptions& options, const Model* model);

// A TEI P5 document with a parallel-segmentation apparatus of the result:
// <app><lem wit="#base #w1">…</lem><rdg wit="#w2">…</rdg></app>, with the
// witnesses declared in a <listWit>; `base_id` names the base witness.
std::string CollationToTei(std::string_view base, const std::string& base_id,
                           const std::vector<Witness>& witnesses, const CollateResult& result);

}  // namespace emend

#endif  // EMEND_COLLATE_H_
