// emend: restore damaged text and account for every change.
//
// Typical use:
//   auto engine = emend::Engine::Create(emend::EngineOptions{});
//   if (!engine.ok()) { ... engine.status().ToString() ... }
//   emend::FixResult r = (*engine)->Fix(text, emend::FixOptions{});
//
// An Engine is immutable after Create and may be shared by any number of
// threads; Fix() keeps its scratch state per call.
#ifndef EMEND_EMEND_H_
#define EMEND_EMEND_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"
#include "emend/model.h"
#include "emend/status.h"

namespace emend {

// Version of the library and of the edit-log schema it writes.
const char* Version();          // e.g. "0.1.0"
constexpr int kEditSchemaVersion = 1;

struct EngineOptions {
  // Word list used as the case lexicon and for hyphenation decisions, one
  // word per line in its usual case. Default: the Debian wamerican list.
  // Empty string: no lexicon (passes that need one become more conservative).
  std::string lexicon_path = "/usr/share/dict/words";
  // The language model (docs/model-format.md). Default: none here; the CLI
  // finds the installed default model (--model, $EMEND_MODEL). `model`, if
  // set, is used instead of loading `model_path` (share one across engines).
  std::string model_path;
  std::shared_ptr<const Model> model;
  // A collection's own words (one per line, any case): never corrected (--lexicon).
  std::string user_lexicon_path;
  // Tokens matching any of these ECMAScript regular expressions (whole token)
  // are never corrected (--protect).
  std::vector<std::string> protect;
};

// Opt-in normalisations (all off by default: emend keeps historical forms).
enum Normalize : uint32_t {
  kNormLongS = 1u << 0,      // ſ -> s
  kNormLigatures = 1u << 1,  // ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ -> fi fl ff ffi ffl st st
};

struct FixOptions {
  bool fix_case = true;          // caps-lock inversion runs (--no-case)
  bool fix_spacing = true;       // space missing after / stray before punctuation (--no-spacing)
  bool fix_hyphenation = true;   // line-break hyphens (--no-hyphenation)
  bool fix_encoding = true;      // mojibake and HTML entities (--no-encoding)
  uint32_t normalize = 0;        // Normalize bits (--normalize long-s,ligatures)
  bool normalize_spaces = false; // collapse runs of spaces inside lines (--normalize-spaces)
  // Word correction by the noisy channel (needs a model with a channel
  // section; without one this does nothing) (--no-correct).
  bool correct = true;
  double aggressiveness = 0.5;   // 0..1: posterior an edit needs = 0.99 - 0.49 x this (--aggressiveness)
  bool real_word = true;         // correct known words that do not fit their context (--no-real-word)
  bool suggest = false;          // report suspects with alternatives instead of correcting (--suggest)
  // Lacunae: zero-length gap edits where material was lost (needs a model) (--no-gaps).
  bool detect_gaps = true;
  // Text inserted at each gap; empty (the default) leaves the text unchanged (--mark-gaps[=MARKER]).
  std::string gap_marker;
  double gap_confidence = 0.5;   // gaps less certain than this are not reported (--gap-confidence)
  // Tuning the lacuna detector only (docs/lacunae.md, "How the weights were
  // set, and on what"): weights in place of its own (empty by default), and
  // a sink for the features it weighs (unset by default; may be called from
  // several threads at once). The CLI sets them from EMEND_GAP_WEIGHTS and
  // EMEND_GAP_DEBUG.
  std::vector<double> gap_weights;
  std::function<void(const std::string&)> gap_trace;
};

struct Alternative {
  std::string text;
  double probability = 0;
};

// A suspect token (--suggest): byte span in the input and its best
// alternatives, the token itself included, most probable first.
struct Suggestion {
  uint64_t start = 0, end = 0;
  std::string token;
  std::vector<Alternative> alternatives;
};

struct FixStats {
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  uint64_t words = 0;                  // word tokens in the input
  uint64_t invalid_utf8 = 0;           // maximal invalid byte sequences, passed through
  int64_t first_invalid_offset = -1;   // byte offset of the first one, -1 if none
  uint64_t edits = 0;
  std::array<uint64_t, kNumEditKinds> by_kind{};  // edits counting each kind bit
  void Add(const FixStats& o);
};

struct FixResult {
  std::string text;          // the restored text
  std::vector<Edit> edits;   // sorted, valid for the input (see edit.h)
  FixStats stats;
  std::vector<Suggestion> suggestions;  // with FixOptions::suggest
};

class Engine {
 public:
  static StatusOr<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Repairs `input` (any bytes). Offsets in the result are relative to
  // `input`. Never fails: bytes it does not understand pass through.
  FixResult Fix(std::string_view input, const FixOptions& options) const;

  // Identifies the data in use, for logs and --version
  // ("model:/usr/local/share/emend/en.emlm+wordlist:/usr/share/dict/words").
  const std::string& ModelId() const;
  const Model* model() const;  // null if none

  struct Impl;
 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace emend

#endif  // EMEND_EMEND_H_
