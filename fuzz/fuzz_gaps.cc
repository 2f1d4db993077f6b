// Fuzzes lacuna detection (and the rest of Fix) with the default model of the
// build tree, gaps marked: the edit list must stay valid and invertible. Does
// nothing when the model has not been built.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>

#include "emend/emend.h"

namespace {
const emend::Engine* ModelEngine() {
  static std::unique_ptr<emend::Engine> engine = []() -> std::unique_ptr<emend::Engine> {
    if (!std::filesystem::exists(EMEND_DEFAULT_MODEL)) return nullptr;
    emend::EngineOptions o;
    o.lexicon_path = "";
    o.model_path = EMEND_DEFAULT_MODEL;
    auto e = emend::Engine::Create(o);
    return e.ok() ? std::move(e).value() : nullptr;
  }();
  return engine.get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const emend::Engine* engine = ModelEngine();
  if (!engine) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  emend::FixOptions opts;
  opts.correct = size % 2 == 0;  // both with and without word correction
  opts.gap_marker = "[…]";
  emend::FixResult r = engine->Fix(input, opts);
  if (!emend::ValidateEdits(input, r.edits).ok()) std::abort();
  auto inverted = emend::InvertEdits(r.text, r.edits);
  if (!inverted.ok() || *inverted != input) std::abort();
  return 0;
}
