// Test helper: an engine with no word list and no model (deterministic,
// independent of what the machine has installed).
#ifndef EMEND_EDIT_TEST_ENGINE_H_
#define EMEND_EDIT_TEST_ENGINE_H_

#include <filesystem>
#include <memory>

#include "emend/emend.h"

namespace emend {

inline EngineOptions BareEngineOptions() {
  EngineOptions o;
  o.lexicon_path = "";
  return o;
}

inline std::unique_ptr<Engine> BareEngine() { return std::move(Engine::Create(BareEngineOptions())).value(); }

#ifdef EMEND_DEFAULT_MODEL
// The default model as built in the build tree, with the machine's word
// list; null when the model is not built (tests then skip).
inline const Engine* DefaultModelEngine() {
  static std::unique_ptr<Engine> e = []() -> std::unique_ptr<Engine> {
    if (!std::filesystem::exists(EMEND_DEFAULT_MODEL)) return nullptr;
    EngineOptions o;
    o.model_path = EMEND_DEFAULT_MODEL;
    auto r = Engine::Create(o);
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return e.get();
}
#endif

}  // namespace emend

#endif  // EMEND_EDIT_TEST_ENGINE_H_
