// Fuzzes the damage-spec parser and the simulator: the first line is a spec,
// the rest the clean text. A spec that parses must give a damaged text whose
// gold edits are valid and give the clean text back exactly.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "emend/damage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view spec = in.substr(0, nl == std::string_view::npos ? in.size() : nl);
  std::string_view text = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  auto o = emend::ParseDamageSpec(spec);
  if (!o.ok()) return 0;
  o->ocr = 0;  // no model here
  auto r = emend::Damage(text, *o, nullptr);
  if (!r.ok()) return 0;
  if (!emend::ValidateEdits(r->text, r->gold).ok()) std::abort();
  auto back = emend::ApplyEdits(r->text, r->gold);
  if (!back.ok() || *back != text) std::abort();
  return 0;
}
