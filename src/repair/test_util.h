// Test helper: run one pass through the combiner and apply it.
#ifndef EMEND_REPAIR_TEST_UTIL_H_
#define EMEND_REPAIR_TEST_UTIL_H_

#include <functional>
#include <string>

#include "repair/passes.h"

namespace emend::repair {

inline const text::Lexicon& TestLexicon() {
  static const text::Lexicon lex = text::Lexicon::FromText(
      "Stalin\nTrotsky\nLeon\nKazakhstan\nMexico\nLondon\nthe\nkilled\nhim\nproperty\ntoday\nto\nday\n"
      "something\nsome\nthing\nknown\nwell\nself\npossession\nthis\nis\ninverted\nit\nthey\nwent\nwon\nexiled\nhis\npolitical\nrival\nand\n");
  return lex;
}

inline std::string RunPass(std::string_view in, const std::function<void(const PassInput&, Proposals*)>& pass) {
  PassInput pi{in, &TestLexicon()};
  Proposals ps;
  pass(pi, &ps);
  std::vector<Edit> edits = edit::Combine(in, ps);
  auto out = ApplyEdits(in, edits);
  return out.ok() ? *out : "<invalid edits: " + out.status().ToString() + ">";
}

}  // namespace emend::repair

#endif  // EMEND_REPAIR_TEST_UTIL_H_
