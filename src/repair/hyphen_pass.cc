// Line-break hyphenation: "pro-\nperty is" -> "property\nis". The second half
// (with the punctuation glued to it) moves up to end the first line and the
// line break stays, so line structure is kept. Joined only when the joined
// word is known and the second half starts in lower case; real compounds
// (well-\nknown, self-\npossession) keep their hyphen because the closed form
// is not a word. Until the language model decides by frequency, a compound
// whose closed form is also listed (sea-shore/seashore) is closed.
#include "repair/passes.h"
#include "text/utf8.h"

namespace emend::repair {
namespace {

size_t NewlineLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\n') return 1;
  if (s[i] == '\r') return (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
  return 0;
}

bool ShouldJoin(std::string_view first, std::string_view second, const text::Lexicon* lex) {
  if (!lex || first.empty() || second.empty()) return false;
  char32_t cp;
  if (!text::DecodeAt(second, 0, &cp) || !text::IsLower(cp)) return false;
  std::string joined = std::string(first) + std::string(second);
  return lex->Contains(joined);
}

}  // namespace

void ProposeHyphenation(const PassInput& in, Proposals* out) {
  std::string_view s = in.text;
  for (size_t h = s.find('-'); h != s.npos; h = s.find('-', h + 1)) {
    size_t nl = NewlineLen(s, h + 1);
    if (!nl || !LetterBefore(s, h)) continue;
    size_t ws = WordStart(s, h);
    if (ws > 0 && (s[ws - 1] == '-' || LetterBefore(s, ws))) continue;  // mother-in-\nlaw
    size_t b = h + 1 + nl;  // start of the next line
    size_t w = b;
    while (w < s.size() && (s[w] == ' ' || s[w] == '\t')) ++w;
    size_t we = WordEnd(s, w);
    if (we == w || (we < s.size() && s[we] == '-')) continue;
    if (!ShouldJoin(s.substr(ws, h - ws), s.substr(w, we - w), in.lexicon)) continue;
    size_t tail = we;  // punctuation glued to the second half moves with it
    while (tail < s.size() && s[tail] != ' ' && s[tail] != '\t' && !NewlineLen(s, tail)) ++tail;
    size_t after_sp = tail;
    while (after_sp < s.size() && (s[after_sp] == ' ' || s[after_sp] == '\t')) ++after_sp;
    std::string moved(s.substr(w, tail - w));
    if (after_sp >= s.size() || NewlineLen(s, after_sp)) {
      // The second line holds only this word: moving it would leave an empty
      // line (a paragraph break), so the line break goes instead.
      out->push_back(MakeProposal(s, h, w, "", kHyphenation, 0.9, "hyphen.join",
                                  "line-break hyphen removed", kRankHyphen));
      continue;
    }
    std::string after = moved + std::string(s.substr(h + 1, nl)) + std::string(s.substr(b, w - b));
    out->push_back(MakeProposal(s, h, after_sp, std::move(after), kHyphenation, 0.9,
                                "hyphen.join", "line-break hyphen removed", kRankHyphen));
  }
}

}  // namespace emend::repair
