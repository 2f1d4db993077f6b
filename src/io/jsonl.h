// JSONL: one JSON document per line. The text field is repaired and written
// back in place; every other byte of the line passes through untouched; the
// edits go under the top-level key "emend" (replaced if already there).
// Malformed lines and documents without the field pass through unchanged.
#ifndef EMEND_IO_JSONL_H_
#define EMEND_IO_JSONL_H_

#include <string>
#include <string_view>

#include "emend/emend.h"

namespace emend::io {

struct JsonlOptions {
  std::string field = "text";  // the string field to repair (--field)
  bool codepoint_offsets = false;  // offsets in code points of the field (--offsets codepoints)
};

enum class LineOutcome { kFixed, kMalformed, kNoField, kBlank };

// `line` excludes its line terminator. Appends the output line (without
// terminator) to *out and adds to *stats when fixed.
LineOutcome FixJsonlLine(const Engine& engine, const FixOptions& options, const JsonlOptions& jo,
                         std::string_view line, std::string* out, FixStats* stats);

// Byte spans of a top-level member's value in a JSON object text; exposed for tests.
struct Span { size_t begin = 0, end = 0; bool found = false; };
// Finds `key`'s value span and the offset of the closing brace. Returns false if
// `obj` is not a syntactically simple JSON object (the caller validates fully).
bool FindMember(std::string_view obj, std::string_view key, Span* value, size_t* close_brace);

}  // namespace emend::io

#endif  // EMEND_IO_JSONL_H_
