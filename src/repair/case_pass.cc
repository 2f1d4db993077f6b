// Caps-lock inversion. A sentence is taken as inverted when it holds a word
// of the shape lOWER-THEN-CAPITALS (sTALIN, tHE: what the Shift key gives with
// Caps Lock on) and most of its other words are in capitals. Every word of
// such a sentence has its case swapped; proper nouns come back from the case
// lexicon (MEXICO -> mexico -> Mexico). Headings and acronyms in capitals
// (CHAPTER IV, NKVD) have no such trigger word and are left alone.
#include <algorithm>

#include "repair/passes.h"
#include "text/utf8.h"

namespace emend::repair {
namespace {

constexpr size_t kMaxSentence = 4000;   // bytes looked at on each side of a trigger
constexpr double kMinUpperShare = 0.6;  // share of words in capitals to call a sentence inverted

bool SentenceEndAt(std::string_view s, size_t i) {  // s[i] ends a sentence
  char c = s[i];
  if (c == '\n') return i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r');
  if (c != '.' && c != '!' && c != '?') return false;
  return i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\r';
}

size_t SentenceBegin(std::string_view s, size_t i) {
  size_t lo = i > kMaxSentence ? i - kMaxSentence : 0;
  while (i > lo && !SentenceEndAt(s, i - 1)) --i;
  return i;
}

size_t SentenceEnd(std::string_view s, size_t i) {
  size_t hi = std::min(s.size(), i + kMaxSentence);
  while (i < hi && !SentenceEndAt(s, i)) ++i;
  return i < hi ? i + 1 : hi;
}

struct Word { size_t begin, end; int letters = 0, upper = 0, lower = 0; bool first_lower = false; };

// Letter runs (with inner apostrophes) of s[b, e).
std::vector<Word> Words(std::string_view s, size_t b, size_t e) {
  std::vector<Word> words;
  size_t i = b;
  while (i < e) {
    char32_t cp;
    size_t len = text::DecodeAt(s, i, &cp);
    if (!len || !text::IsLetter(cp)) { i += len ? len : 1; continue; }
    Word w{i, i};
    while (i < e) {
      len = text::DecodeAt(s, i, &cp);
      if (len && text::IsLetter(cp)) {
        if (w.letters == 0) w.first_lower = text::IsLower(cp);
        ++w.letters;
        w.upper += text::IsUpper(cp);
        w.lower += text::IsLower(cp);
        i += len;
      } else if (s[i] == '\'' && i + 1 < e && LetterAt(s, i + 1)) {
        ++i;
      } else {
        break;
      }
    }
    w.end = i;
    words.push_back(w);
  }
  return words;
}

bool IsTrigger(const Word& w) { return w.first_lower && w.letters >= 3 && w.upper == w.letters - 1; }

std::string Restore(std::string_view word, bool sentence_initial, const text::Lexicon* lex) {
  std::string inv = text::SwapCase(word);
  bool has_upper = text::Lower(inv) != inv;
  if (!has_upper && lex) {
    if (const std::string* cased = lex->CasedForm(inv)) return *cased;
  }
  if (!has_upper && sentence_initial) {
    std::string out;
    char32_t cp;
    size_t len = text::DecodeAt(inv, 0, &cp);
    if (!len) return inv;
    text::AppendUtf8(text::ToUpper(cp), &out);
    out.append(inv, len);
    return out;
  }
  return inv;
}

// Proposes edits for the sentence s[b, e) if it reads as inverted.
void FixSentence(const PassInput& in, size_t b, size_t e, Proposals* out) {
  std::vector<Word> words = Words(in.text, b, e);
  int total = 0, upperish = 0, triggers = 0;
  for (const Word& w : words) {
    if (w.letters < 2) continue;
    ++total;
    if (IsTrigger(w)) { ++triggers; ++upperish; }
    else if (w.lower == 0) ++upperish;
  }
  if (triggers == 0 || total < 2 || upperish < kMinUpperShare * total) return;
  // Caps Lock inverts the capital that starts a sentence: the first word must
  // be a trigger (OCR'd capitals headlines like "THE fOXTON" are not). With a
  // lexicon, most triggers must invert to known words (Stalin, Leon, The).
  const Word& first = words.front();
  if (!(IsTrigger(first) || (first.letters == 1 && first.lower == 1))) return;
  if (in.lexicon) {
    int known = 0;
    for (const Word& w : words)
      if (IsTrigger(w) && in.lexicon->Contains(in.text.substr(w.begin, w.end - w.begin))) ++known;
    if (2 * known < triggers) return;
  }
  double conf = std::min(0.99, 0.5 + 0.5 * upperish / total);
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view word = in.text.substr(words[k].begin, words[k].end - words[k].begin);
    std::string fixed = Restore(word, k == 0, in.lexicon);
    if (fixed == word) continue;
    out->push_back(MakeProposal(in.text, words[k].begin, words[k].end, std::move(fixed), kCase,
                                conf, "case.capslock", "caps-lock inverted sentence", kRankCase));
  }
}

}  // namespace

void ProposeCase(const PassInput& in, Proposals* out) {
  std::string_view s = in.text;
  size_t done = 0;  // sentences before this offset were already examined
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (!IsAsciiUpper(s[i]) || !IsAsciiLower(s[i - 1]) || !IsAsciiUpper(s[i + 1])) continue;
    if (i >= 2 && (LetterBefore(s, i - 1) || s[i - 2] == '\'')) continue;
    if (i < done) continue;
    size_t b = std::max(done, SentenceBegin(s, i - 1));
    size_t e = SentenceEnd(s, i);
    FixSentence(in, b, e, out);
    done = e;
  }
}

}  // namespace emend::repair
