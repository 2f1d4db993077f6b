// Fuzzes collation: the input is split at the first 0xFF 0x00 pair into a
// base and a witness (else the witness is the input reversed by halves). The
// restorations must be valid edits of the base, cite the witness bytes they
// copy, and invert to the base.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "emend/collate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t cut = in.find(std::string_view("\xFF\x00", 2));
  std::string base, wit;
  if (cut != std::string_view::npos) {
    base = std::string(in.substr(0, cut));
    wit = std::string(in.substr(cut + 2));
  } else {
    base = std::string(in);
    wit = std::string(in.substr(in.size() / 2)) + std::string(in.substr(0, in.size() / 2));
  }
  std::vector<emend::Witness> ws{{"w", wit}};
  emend::CollateOptions o;
  o.max_dp_cells = 256;  // exercise the anchoring
  auto r = emend::Collate(base, ws, o, nullptr);
  if (!r.ok()) std::abort();
  if (!emend::ValidateEdits(base, r->edits).ok()) std::abort();
  for (const emend::Edit& e : r->edits)
    if (wit.substr(e.witness_start, e.witness_end - e.witness_start) != e.after) std::abort();
  auto back = emend::InvertEdits(r->text, r->edits);
  if (!back.ok() || *back != base) std::abort();
  (void)emend::CollationToTei(base, "base", ws, *r);
  return 0;
}
