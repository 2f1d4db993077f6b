// JSON helpers for byte strings that may not be valid UTF-8.
// Convention (docs/edits.md): a string field NAME whose bytes are not valid
// UTF-8 is written with U+FFFD in place of each invalid byte, and a sibling
// field NAME_b64 holds the exact bytes in standard base64. Readers prefer
// NAME_b64 when present. Nothing is lost and every JSON parser can read it.
#ifndef EMEND_IO_JSON_TEXT_H_
#define EMEND_IO_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "emend/edit.h"
#include "emend/emend.h"
#include "emend/status.h"

namespace emend::io {

using nlohmann::json;

std::string Base64Encode(std::string_view bytes);
StatusOr<std::string> Base64Decode(std::string_view text);
std::string ReplaceInvalid(std::string_view bytes);  // invalid bytes -> U+FFFD

void PutBytes(json* obj, const std::string& name, std::string_view bytes);
// Typed lookups that never throw: the member's value if present with the right
// type, else `def` (a present member of the wrong type also gives `def`).
std::string StringOr(const nlohmann::json& obj, const char* key, const std::string& def);
int64_t IntOr(const nlohmann::json& obj, const char* key, int64_t def);
uint64_t UintOr(const nlohmann::json& obj, const char* key, uint64_t def);

StatusOr<std::string> GetBytes(const json& obj, const std::string& name);

enum class OffsetUnit { kBytes, kCodePoints };

class CodePointCounter;
// One edit as JSON. With a counter, start/end count code points of the
// counter's text (the original) instead of bytes; call in offset order.
json EditToJson(const Edit& e, CodePointCounter* cp = nullptr);
StatusOr<Edit> EditFromJson(const json& j);
// One --suggest entry as JSON: start, end (code points with a counter, as
// EditToJson), token, alternatives with probabilities to three places.
json SuggestionToJson(const Suggestion& g, CodePointCounter* cp = nullptr);

// Serialises without throwing (all strings are valid UTF-8 by construction).
std::string Dump(const json& j);

// Byte offset -> code point offset converter for one text, for offsets in
// increasing order (amortised linear).
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  uint64_t At(uint64_t byte_offset);
 private:
  std::string_view text_;
  uint64_t byte_ = 0, cp_ = 0;
};

}  // namespace emend::io

#endif  // EMEND_IO_JSON_TEXT_H_
