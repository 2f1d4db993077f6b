#include "model/classes.h"

#include <array>

namespace emend::model {
namespace {

// Checked in order; the first ending that matches (on a word longer than
// the ending) gives the class. The last class is "anything else".
constexpr std::array<std::string_view, 24> kEndings = {
    "'s", "ing", "ed", "ly", "tion", "sion", "ness", "ment", "ity", "ous", "ive", "able", "ible",
    "ful", "less", "ance", "ence", "ant", "ent", "al", "est", "er", "ic", "y"};

bool EndsWith(std::string_view w, std::string_view e) {
  return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0;
}

}  // namespace

// The ending classes, then: a plural-looking -s (not -ss, -us, -is), a
// hyphenated compound, a word with a non-letter, anything else.
uint32_t EndingClassCount() { return kEndings.size() + 4; }

uint32_t EndingClass(std::string_view w) {
  for (uint32_t i = 0; i < kEndings.size(); ++i)
    if (EndsWith(w, kEndings[i])) return i;
  const uint32_t n = kEndings.size();
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) return n;
  if (w.find('-') != std::string_view::npos) return n + 1;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || (c & 0x80) || c == '\'')) return n + 2;
  return n + 3;
}

}  // namespace emend::model
