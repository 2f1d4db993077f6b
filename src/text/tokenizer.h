// Tokenizer with byte offsets. Invariant (tested):
//   input.substr(t.begin, t.end - t.begin) == t.text(input)
// and the tokens tile the input: they are contiguous, in order, and cover
// every byte exactly once (invalid UTF-8 bytes become kInvalid tokens).
#ifndef EMEND_TEXT_TOKENIZER_H_
#define EMEND_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace emend::text {

enum class TokenType : uint8_t {
  kWord,     // letters and marks, with digits and inner apostrophes (don't, 1st, bro1ught)
  kNumber,   // digits, with inner , . : between digits (1,000  3.14  10:30)
  kPunct,    // one punctuation code point
  kSpace,    // a run of horizontal white space (space, tab, form feed, NBSP, ...)
  kNewline,  // one line break: \n, \r\n, \r, U+2028, U+2029, U+0085
  kSymbol,   // any other single code point (symbols, controls, emoji)
  kInvalid,  // one byte that does not start valid UTF-8
};

struct Token {
  uint32_t begin = 0;  // offsets are relative to the tokenized view; views
  uint32_t end = 0;    // longer than 4 GiB are tokenized in pieces by callers
  TokenType type = TokenType::kSymbol;
  std::string_view text(std::string_view input) const { return input.substr(begin, end - begin); }
};

// Appends the tokens of `input` to *out (cleared first).
void Tokenize(std::string_view input, std::vector<Token>* out);

// True for the ASCII letters and for non-ASCII word code points.
bool IsWordCodePoint(char32_t c);

}  // namespace emend::text

#endif  // EMEND_TEXT_TOKENIZER_H_
