// A word list with case information: which words exist, and in which case
// they are normally written. Until the language model lands (issue 3) this is
// the case lexicon and hyphenation dictionary of the deterministic passes.
#ifndef EMEND_TEXT_LEXICON_H_
#define EMEND_TEXT_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "emend/status.h"

namespace emend::text {

class Lexicon {
 public:
  // Reads one word per line (UTF-8, '#' lines and blanks skipped).
  static StatusOr<Lexicon> Load(const std::string& path);
  // Builds from text already in memory (same format); for tests.
  static Lexicon FromText(std::string_view text);

  // Is this word known in any case? `word` in any case.
  bool Contains(std::string_view word) const;
  // If the word is only ever written capitalised or in capitals (Mexico,
  // NATO), that form; otherwise nullptr (the lower-case form is fine).
  const std::string* CasedForm(std::string_view word) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    bool lower = false;  // the all-lower-case form is listed
    std::string cased;   // first listed form with capitals, if any
  };
  void Add(std::string_view word);
  std::unordered_map<std::string, Entry> entries_;  // key: lower-cased word
};

}  // namespace emend::text

#endif  // EMEND_TEXT_LEXICON_H_
