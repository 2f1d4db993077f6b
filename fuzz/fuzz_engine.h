// The engine the fuzz targets share: no word list, no model, so that runs
// do not depend on what the machine has installed.
#ifndef EMEND_FUZZ_FUZZ_ENGINE_H_
#define EMEND_FUZZ_FUZZ_ENGINE_H_

#include <memory>

#include "emend/emend.h"

inline const emend::Engine& FuzzEngine() {
  static std::unique_ptr<emend::Engine> engine = [] {
    emend::EngineOptions o;
    o.lexicon_path = "";
    return std::move(emend::Engine::Create(o)).value();
  }();
  return *engine;
}

#endif  // EMEND_FUZZ_FUZZ_ENGINE_H_
