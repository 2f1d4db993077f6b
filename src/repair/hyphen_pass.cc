// Line-break hyphenation: "pro-\nperty is" -> "property\nis". The second half
// (with the punctuation glued to it) moves up to end the first line and the
// line break stays, so line structure is kept. Joined only when the joined
// word is known and the second half starts in lower case; real compounds
// (well-\nknown, self-\npossession) keep their hyphen because the closed form
// is not a word. The document itself is evidence first: if it writes
// "to-day" mid-line more often than "today", the hyphen stays. Otherwise the
// word list decides (the language model will, by frequency, in issue 3).
#include <unordered_map>
#include <vector>

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

struct Site {
  size_t h, ws, w, we;      // hyphen, first half start, second half [w, we)
  std::string closed, open;  // lower-cased "property" and "pro-perty"
};

// How often each wanted form occurs in the text (not at a line break):
// document-internal evidence for "to-day" against "today".
std::unordered_map<std::string, int> CountForms(std::string_view s, const std::vector<Site>& sites) {
  std::unordered_map<std::string, int> counts;
  for (const Site& t : sites) { counts[t.closed]; counts[t.open]; }
  for (size_t i = 0; i < s.size();) {
    if (!LetterAt(s, i) || LetterBefore(s, i)) { ++i; continue; }
    size_t e = WordEnd(s, i);
    auto it = counts.find(text::Lower(s.substr(i, e - i)));
    if (it != counts.end()) ++it->second;
    if (e + 1 < s.size() && s[e] == '-' && LetterAt(s, e + 1)) {
      size_t e2 = WordEnd(s, e + 1);
      auto jt = counts.find(text::Lower(s.substr(i, e2 - i)));
      if (jt != counts.end()) ++jt->second;
    }
    i = e;
  }
  return counts;
}

bool ShouldJoin(const Site& t, const std::unordered_map<std::string, int>& counts,
                const text::Lexicon* lex) {
  int closed = counts.at(t.closed), open = counts.at(t.open);
  if (open > closed) return false;  // the text writes it with a hyphen
  return closed > 0 || (lex && lex->Contains(t.closed));
}

// Candidate sites: a word, '-', a line break, a lower-case word.
std::vector<Site> FindSites(std::string_view s) {
  std::vector<Site> sites;
  for (size_t h = s.find('-'); h != s.npos; h = s.find('-', h + 1)) {
    size_t nl = NewlineLen(s, h + 1);
    if (!nl || !LetterBefore(s, h)) continue;
    size_t ws = WordStart(s, h);
    if (ws > 0 && (s[ws - 1] == '-' || LetterBefore(s, ws))) continue;  // mother-in-\nlaw
    size_t w = h + 1 + nl;
    while (w < s.size() && (s[w] == ' ' || s[w] == '\t')) ++w;
    size_t we = WordEnd(s, w);
    if (we == w || (we < s.size() && s[we] == '-')) continue;
    char32_t cp;
    if (!text::DecodeAt(s, w, &cp) || !text::IsLower(cp)) continue;
    std::string first = text::Lower(s.substr(ws, h - ws)), second(s.substr(w, we - w));
    sites.push_back({h, ws, w, we, first + second, first + "-" + second});
  }
  return sites;
}

}  // namespace

void ProposeHyphenation(const PassInput& in, Proposals* out) {
  std::string_view s = in.text;
  std::vector<Site> sites = FindSites(s);
  if (sites.empty()) return;
  auto counts = CountForms(s, sites);
  for (const Site& t : sites) {
    if (!ShouldJoin(t, counts, in.lexicon)) continue;
    size_t nl = NewlineLen(s, t.h + 1), b = t.h + 1 + nl;
    size_t tail = t.we;  // punctuation glued to the second half moves with it
    while (tail < s.size() && s[tail] != ' ' && s[tail] != '\t' && !NewlineLen(s, tail)) ++tail;
    size_t after_sp = tail;
    while (after_sp < s.size() && (s[after_sp] == ' ' || s[after_sp] == '\t')) ++after_sp;
    if (after_sp >= s.size() || NewlineLen(s, after_sp)) {
      // The second line holds only this word: moving it would leave an empty
      // line (a paragraph break), so the line break goes instead.
      out->push_back(MakeProposal(s, t.h, t.w, "", kHyphenation, 0.9, "hyphen.join",
                                  "line-break hyphen removed", kRankHyphen));
      continue;
    }
    std::string after = std::string(s.substr(t.w, tail - t.w)) + std::string(s.substr(t.h + 1, nl)) +
                        std::string(s.substr(b, t.w - b));
    out->push_back(MakeProposal(s, t.h, after_sp, std::move(after), kHyphenation, 0.9,
                                "hyphen.join", "line-break hyphen removed", kRankHyphen));
  }
}

}  // namespace emend::repair
