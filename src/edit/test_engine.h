// Test helper: an engine with no word list and no model (deterministic,
// independent of what the machine has installed).
#ifndef EMEND_EDIT_TEST_ENGINE_H_
#define EMEND_EDIT_TEST_ENGINE_H_

#include <memory>

#include "emend/emend.h"

namespace emend {

inline EngineOptions BareEngineOptions() {
  EngineOptions o;
  o.lexicon_path = "";
  return o;
}

inline std::unique_ptr<Engine> BareEngine() { return std::move(Engine::Create(BareEngineOptions())).value(); }

}  // namespace emend

#endif  // EMEND_EDIT_TEST_ENGINE_H_
