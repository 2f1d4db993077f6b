// Fuzzes Engine::Fix on arbitrary bytes and checks the offset invariant:
// the edits are valid for the input, applying them gives the output, and
// inverting them on the output gives the input back byte for byte.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "emend/edit.h"
#include "emend/emend.h"
#include "fuzz_engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  emend::FixOptions opts;
  opts.normalize = emend::kNormLongS | emend::kNormLigatures;
  emend::FixResult r = FuzzEngine().Fix(input, opts);
  if (!emend::ValidateEdits(input, r.edits).ok()) std::abort();
  auto applied = emend::ApplyEdits(input, r.edits);
  if (!applied.ok() || *applied != r.text) std::abort();
  auto inverted = emend::InvertEdits(r.text, r.edits);
  if (!inverted.ok() || *inverted != input) std::abort();
  return 0;
}
