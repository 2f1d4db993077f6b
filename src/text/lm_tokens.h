// The token stream the language model is trained and queried on, shared by
// `emend train`, perplexity and the correction decoder:
//  - words lower-cased (simple case mapping), ’ read as ', hyphenated
//    compounds written without spaces kept whole (to-day, well-known);
//  - numbers as the single token "<num>";
//  - the marks , ; : ( ) and double quotes (" “ ” all as ") as tokens;
//  - sentences end at . ! ? (not after a single letter or a common
//    abbreviation such as Mr, nor where LmSplitOptions lets the caller go
//    on), at a blank line, or after kMaxSentence tokens;
//  - everything else (other punctuation, symbols, invalid bytes) is skipped.
#ifndef EMEND_TEXT_LM_TOKENS_H_
#define EMEND_TEXT_LM_TOKENS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace emend::text {

constexpr std::string_view kNumToken = "<num>";
constexpr size_t kMaxSentence = 256;

struct LmToken {
  std::string text;      // the model's form (lower-cased, "<num>", ",")
  uint32_t begin = 0;    // byte span in the input; the surface form is
  uint32_t end = 0;      // input.substr(begin, end - begin)
  bool is_word = false;  // a word (not a number or mark)
};

struct LmScanStats {
  uint64_t tokens = 0, sentences = 0, invalid_bytes = 0;
};

// How LmSentences splits; the defaults are the model's (training and
// perplexity), so a model is queried as it was trained.
struct LmSplitOptions {
  // Set (default unset): a '.' glued to a word and followed by spaces (at
  // most one newline) and a word starting with a lower-case ASCII letter
  // does not end the sentence when this returns true for the two words
  // (the model's form of the first, the second as written). For the
  // corrector: in OCR such a period is often a misread line-break hyphen
  // ("pri. soner"), to be weighed against the joined word.
  std::function<bool(std::string_view, std::string_view)> continues_before_lower;
  // Set (default unset): a '.' glued to a word (not one of the built-in
  // abbreviations) and followed the same way by a word starting with an
  // upper-case ASCII letter does not end the sentence when this returns true
  // for the first word (the model's form). For the corrector: a misread
  // title ("Mir. Smith" for "Mr. Smith") is weighed in its sentence.
  std::function<bool(std::string_view)> misread_abbreviation;
};

// `s` with each ’ (U+2019) replaced by '.
std::string ApostrophesToAscii(std::string_view s);

// Calls `on_sentence` for each sentence of `input` (views up to 4 GiB).
void LmSentences(std::string_view input, const std::function<void(const std::vector<LmToken>&)>& on_sentence,
                 LmScanStats* stats = nullptr, const LmSplitOptions& options = {});

}  // namespace emend::text

#endif  // EMEND_TEXT_LM_TOKENS_H_
