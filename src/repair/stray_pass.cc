// Marks that OCR makes of specks on a page (see passes.h). Each rule stands
// aside wherever the mark can be the writer's:
//  - an apostrophe is a quotation mark when a closing one follows in its
//    paragraph ('the greater the sinner ...'), an elision ('tis, 'em), or
//    before a capital or a word the model does not know;
//  - a full stop ends a sentence unless the model reads the two lower-case
//    words around it as one sentence far better than as two, and stays
//    where no sentence can end (a cut's evidence, see gaps/lacunae.h); one
//    glued to a word's start (being .closed) or doubled (infirmity..) goes;
//  - a tilde inside a word goes only if the word it leaves is known;
//  - a full stop inside a word (trans. ferred, a line-break hyphen misread)
//    goes with its space only if the joined word is common and a piece is
//    not, or the model finds the joined word likelier (kicked wit. ness);
//  - a lone mark (| * and the like) goes only between two lower-case words;
//    a lone _ ~ ` or \ anywhere away from digits;
//  - a hyphen between two common words (were- published) goes where the
//    model knows neither their join nor their compound;
//  - the space after a capitalised word's line-end hyphen (Church- street)
//    goes where the next word is common and the model knows neither the
//    join nor the compound;
//  - a comma doubled, or after a full stop at a paragraph's end, goes (a
//    comma between words the model reads better without it by log10 1,
//    2 or 3 cost the ICDAR monographs 15.9, 2.4 or 0.2 points of CER
//    removed, and by 4 gained BLN600 0.09: not done);
//  - a comma that ends a paragraph becomes a full stop where the model
//    ends the sentence so by kFinalStopMargin;
//  - a capital U inside a lower-case word is read as ll (wiU, shaU, aU)
//    where the model knows that reading far better than the u one; an H
//    as ll, li or bl, an S, B, N or E as an ff ligature, on the same test
//    (aH, staS), and an H that starts a word in mid-sentence as li (Hke);
//    any other capital (not I) inside a lower-case word of four letters
//    or more that the model knows in lower case is its small letter
//    (fataL); a speck-shaped letter before a capitalised word the model
//    knows goes (ILondon, lUpon);
//  - a full stop alone at a line's start before a space and a capital goes;
//  - a full stop inside a run between two lower-case words is the space
//    it stands for (had.evidently) or goes (dea.ling); an exclamation mark
//    inside a word is an l or i the model knows (hea!th);
//  - digits: 11 after a pronoun's apostrophe is 'll (you'11), a lone 1
//    before 'm, 'll, 've or 'd is I (1'm), and the 1. that ends an amount
//    in pounds is l. (14,0001., 41. 10s.).
#include "repair/passes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text/utf8.h"

namespace emend::repair {
namespace {

// A word needs this many corpus occurrences to count as a known word (not
// a name or a misread). Set on the BLN600 training split: 1,000 gave 12.06%
// CER removed, 100 12.23%, 20 12.32%; the ICDAR 2017 monographs and
// periodicals moved by +0.03 points at most.
constexpr uint64_t kCommonWord = 20;
// HyphenBeforeWord's noisy stretch: kNoiseReach bytes on each side, with at
// least this share of its lower-case words unknown (0.05 gave BLN600 +0.02
// points more and the monographs 0.01 less).
constexpr size_t kNoiseReach = 1000;
constexpr double kHyphenSpeckNoise = 0.10;
// The noisy stretch of the specks beside a word that leads on: a hyphen
// read for a space (HyphenForSpace) and the apostrophes of StrayApostrophe
// and StrayClosingApostrophe that a quotation's other mark would otherwise
// keep. Tuned on HyphenForSpace: training splits BLN600 22.90% -> 22.93%
// CER removed, periodicals 4.44% -> 4.45% (one word broken fewer), the
// monographs unchanged (0.10 gave 22.92%; none at all lost the monographs
// 0.08 points, their gold keeping such hyphens: had-heard, was-if; after
// "a" too, a-week, they lost 0.01).
constexpr double kLeadsOnSpeckNoise = 0.05;
// StrayCapital in a word of two or three letters (iS, tHe): the word, in
// lower case, seen this often. Training splits: BLN600 23.45% -> 23.47%,
// periodicals 4.47% -> 4.48%, monographs unchanged (100,000: +0.01).
constexpr uint64_t kShortStrayCapital = 10000;
// The share of unknown words around a full stop between two lower-case
// words from which it is a speck without the model's reading (StrayStop):
// training splits BLN600 25.26% -> 25.33% CER removed, periodicals 4.99% ->
// 5.00%, the monographs unchanged, no word broken more; from 0.15 BLN600
// 25.37% but the monographs 21.79% (-0.03), from 0.05 25.46% and 21.67%
// (their old books' abbreviations, qd. she).
constexpr double kStopSpeckNoise = 0.20;
// log10 odds by which one sentence must beat two for a full stop to go
// (1.0, 0.5 and 0 differ by 0.01 points on BLN600).
constexpr double kStopMargin = 0.5;
// A sentence that the model ends after its last two words less often than
// this (log10) did not end there: the full stop is what a cut left ("within
// the. the relationship", "was. in"), kept as the lacuna's evidence.
constexpr double kCutEnd = -3.0;
// log10 odds by which a joined word must beat its two common pieces for a
// full stop between them to be a line-break hyphen (kicked wit. ness).
constexpr double kJoinMargin = 1.0;
// log10 odds by which a full stop must beat a comma at a paragraph's end.
// Tuned on the training splits: 0 to 2 give BLN600 17.95% -> 18.31% CER
// removed (sentences; none ends with a comma in the gold), the ICDAR 2017
// monographs 17.71% -> 17.66% (pages cut mid-sentence: "that is to say,"),
// no word broken; 3 gave 18.01% and 17.69%.
constexpr double kFinalStopMargin = 1.0;
constexpr size_t kFinalCommaWords = 150;  // FinalComma: a longer paragraph is cut text
// How many times as often the model must know a capital's reading (a U's
// ll, an H's ll, li or bl ...) as its lower-case letter's (aU: all, not au)
// for the reading to be made (CapitalU, CapitalReading).
constexpr uint64_t kCapitalRatio = 10;
// How far a closing quotation mark is looked for (bytes, within the paragraph).
constexpr size_t kQuoteReach = 600;

// The lower-case ASCII word starting at i (empty if there is none).
std::string_view LowerWordAt(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size() && IsAsciiLower(s[e])) ++e;
  if (e < s.size() && (IsAsciiLetter(s[e]) || (s[e] & 0x80))) return {};
  return s.substr(i, e - i);
}

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Words an apostrophe begins as an elision ('tis, 'midst, 'un for one).
bool Elision(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kElisions = {
      "tis", "twas", "twere", "twill", "twould", "em", "gin", "neath", "pon", "twixt", "gainst", "mongst", "tween",
      "bout", "cause", "fore", "prentice", "till", "midst", "mid", "un", "il", "ere", "er", "im", "ave", "ow", "cept"};
  return OneOf(w, kElisions);
}

bool Common(const Model& m, std::string_view w) {
  uint32_t id = m.Find(w);
  return id != Model::kUnknown && m.Count(id) >= kCommonWord;
}

// Words after which a clause does not end, so that a dash cannot follow.
bool LeadsOn(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kWords = {
      "the", "an", "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "upon", "his", "her", "their",
      "its", "my", "our", "your", "was", "were", "is", "are", "be", "been", "had", "has", "have", "and", "or", "but",
      "that", "this"};
  return OneOf(w, kWords);
}

// The share of the lower-case words of two letters or more within
// kNoiseReach bytes of s[i] that the model does not know.
double UnknownShareAround(std::string_view s, size_t i, const Model& m) {
  const size_t from = i > kNoiseReach ? i - kNoiseReach : 0, to = std::min(s.size(), i + kNoiseReach);
  size_t words = 0, unknown = 0;
  for (size_t k = from; k < to;) {
    if (!IsAsciiLower(s[k]) || (k > 0 && IsAsciiLetter(s[k - 1]))) { ++k; continue; }
    const std::string_view w = LowerWordAt(s, k);
    k += std::max<size_t>(w.size(), 1);
    if (w.size() < 2) continue;
    ++words;
    unknown += m.Find(w) == Model::kUnknown;
  }
  return words == 0 ? 0.0 : double(unknown) / double(words);
}

// A closing single quotation mark after `from` in its paragraph: ' after a
// letter or a mark and before a non-letter (not the ' of don't).
bool ClosingQuoteAfter(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size() && i < from + kQuoteReach; ++i) {
    if (s[i] == '\n' && i + 1 < s.size() && s[i + 1] == '\n') return false;
    if (s[i] != '\'' || i == 0) continue;
    char p = s[i - 1];
    bool after = IsAsciiLetter(p) || p == '.' || p == ',' || p == '!' || p == '?' || p == ';' || p == ':';
    if (after && (i + 1 >= s.size() || !IsAsciiLetter(s[i + 1]))) return true;
  }
  return false;
}

// 'pleased: an apostrophe after a word (or , ; .) and a space, before a
// common word, with no closing quotation mark after it in its paragraph; or
// in a noisy stretch (kLeadsOnSpeckNoise), where a quotation seldom opens
// and OCR's other specks pass for closing marks (he 'had, on 'remand, the
// female 'prisoner). Training splits, the noisy stretch's rule widened from
// beside a word that leads on to every word: BLN600 24.82% -> 24.87% CER
// removed, the monographs and periodicals unchanged, no word broken more.
// In a noisy stretch the word may also be a misread the model does not know
// (and 'sheb, come 'ithin), of three letters or more, which the corrector
// mends after: BLN600 25.50% -> 25.58%, monographs 21.81% -> 21.82%, no
// word broken more.
bool StrayApostrophe(std::string_view s, size_t i, const Model& m) {
  if (i < 2 || s[i - 1] != ' ') return false;
  char p = s[i - 2];
  if (!IsAsciiLetter(p) && p != ',' && p != ';' && p != '.') return false;
  std::string_view w = LowerWordAt(s, i + 1);
  if (w.size() < 2 || Elision(w)) return false;
  // (The share is worked out only where it decides: most apostrophes open
  // a quotation before a common word.)
  auto noisy = [&] { return UnknownShareAround(s, i, m) >= kLeadsOnSpeckNoise; };
  if (!Common(m, w) && !(w.size() >= 3 && m.Find(w) == Model::kUnknown && noisy())) return false;
  if (i + 1 + w.size() < s.size() && s[i + 1 + w.size()] == '\'') return false;  // 'word': a quoted term
  return !ClosingQuoteAfter(s, i + 1 + w.size()) || noisy();
}

// An opening single quotation mark before `to` in its paragraph: ' at the
// start of a word (after white space, the start or an opening bracket).
bool OpeningQuoteBefore(std::string_view s, size_t to) {
  for (size_t i = to; i > 0 && i + kQuoteReach > to; --i) {
    size_t k = i - 1;
    if (s[k] == '\n' && k > 0 && s[k - 1] == '\n') return false;
    if (s[k] != '\'' || k + 1 >= s.size() || !IsAsciiLetter(s[k + 1])) continue;
    if (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '(') return true;
  }
  return false;
}

// Words an apostrophe ends as an elision (thro', tho', an' for and, wi'
// for with, yo', don', sen', and the de' and me' of Italian names and
// verse); -in' words are checked apart (goin').
bool FinalElision(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "an", "wi", "ha", "th", "fo", "po", "ma", "pa", "thro", "tho", "yo", "don",
      "wan", "sen", "o", "fro", "nae", "gi", "ca", "bes", "de", "me", "di", "ne"};  // Italian de', me'; dialect
  return OneOf(w, kWords);
}

// Italian articles and words an apostrophe ends before a vowel (Campo
// dell' Oro, quell' uomo, Sant' Angelo): names and quotations in English
// books. Not all' and bell', English words a speck often follows. Training
// splits: ICDAR monographs 22.19% -> 22.24% CER removed (one book's Campo
// dell' Oro, 7 times), BLN600 and periodicals unchanged.
bool ElidedBeforeVowel(std::string_view w, std::string_view s, size_t i) {
  static constexpr std::array<std::string_view, 7> kWords = {"dell", "nell", "sull", "dall", "coll", "quell", "sant"};
  if (!OneOf(w, kWords) || i + 2 >= s.size() || s[i + 1] != ' ') return false;
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 2])));
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The lower-case word ending at e (exclusive), if a space, a line break or
// the start comes before it.
std::string_view LowerWordBefore(std::string_view s, size_t e) {
  size_t b = e;
  while (b > 0 && IsAsciiLower(s[b - 1])) --b;
  if (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n') return {};
  return s.substr(b, e - b);
}

// Words in s that are no plural, so an apostrophe after them is no plural
// possessive (his' wife, was' held).
bool NotPlural(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "his", "was", "is", "this", "has", "as", "us", "its", "thus", "perhaps", "unless", "whereas", "yes"};
  return OneOf(w, kWords);
}

// Whether w, the lower-case word before an apostrophe at s[i], is a misread
// that makes the apostrophe a speck (access tb' the): in a noisy stretch
// (kLeadsOnSpeckNoise), the model knowing neither w nor w with one more
// letter (tearfu', an elision of tearful), between two common words, with
// a space after the apostrophe. Training splits (session 20): BLN600
// 25.58% -> 25.61% CER removed, monographs 21.82% -> 21.81% (a Scots oth'),
// periodicals unchanged, no word broken more (without the word before,
// monographs -0.02: Italian elisions, tutt', pe').
bool MisreadBeforeApostrophe(std::string_view s, size_t i, std::string_view w, const Model& m) {
  if (m.Find(w) != Model::kUnknown || i + 3 >= s.size() || s[i + 1] != ' ') return false;
  const size_t b = w.data() - s.data();
  if (b == 0 || !Common(m, LowerWordAt(s, i + 2)) || !Common(m, LowerWordBefore(s, b - 1))) return false;
  if (UnknownShareAround(s, i, m) < kLeadsOnSpeckNoise) return false;
  std::string longer(w);
  longer += ' ';
  for (char c = 'a'; c <= 'z'; ++c)
    if (longer.back() = c; Common(m, longer)) return false;
  return true;
}

// "the' baron", "laid' open": an apostrophe at the end of a known word (not
// a plural possessive, boys', nor an elision), before white space, with no
// opening quotation mark before it in its paragraph; or in a noisy stretch
// (kLeadsOnSpeckNoise) before a space, where a quotation seldom closes and
// OCR's other specks pass for opening marks (from' local, details' of); and
// there after a full stop or comma too (removed.' The), with no opening
// mark before it. Training splits, the noisy stretch's rule widened from
// beside a word that leads on to every word: BLN600 24.87% -> 24.89% CER
// removed, periodicals 4.90% -> 4.91%; after a mark: BLN600 24.92%; the
// monographs unchanged and no word broken more by either. (After a mark in
// every text it lost the monographs 0.13 points: their long quotations
// open further back.) The word may also be a misread there
// (MisreadBeforeApostrophe).
bool StrayClosingApostrophe(std::string_view s, size_t i, const Model& m) {
  if (i == 0 || (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\n')) return false;
  if (i >= 3 && (s[i - 1] == '.' || s[i - 1] == ',') && IsAsciiLower(s[i - 2])) {
    const std::string_view w = LowerWordBefore(s, i - 1);
    return w.size() >= 2 && Common(m, w) && !OpeningQuoteBefore(s, i) &&
           UnknownShareAround(s, i, m) >= kLeadsOnSpeckNoise;
  }
  if (!IsAsciiLetter(s[i - 1])) return false;
  std::string_view w = LowerWordBefore(s, i);
  if (w.size() < 2 || (w.back() == 's' && !NotPlural(w)) || FinalElision(w) || ElidedBeforeVowel(w, s, i))
    return false;
  if (!Common(m, w) && !MisreadBeforeApostrophe(s, i, w, m)) return false;
  if (w.size() >= 4 && w.ends_with("in") && Common(m, std::string(w) + "g")) return false;  // goin', nothin'
  if (!OpeningQuoteBefore(s, i)) return true;
  return i + 2 < s.size() && s[i + 1] == ' ' && UnknownShareAround(s, i, m) >= kLeadsOnSpeckNoise;
}

bool Abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kAbbreviations = {
      "etc", "viz", "esq", "ult", "inst", "prox", "vol", "vols", "chap", "ibid", "seq", "sqq", "cent", "per"};
  return OneOf(w, kAbbreviations);
}

// The lower-case words around a full stop at i, "prev. next" (one space),
// unless either is an abbreviation (etc. and, viz. the, the viz.): false
// if there are no such words.
bool WordsAroundStop(std::string_view s, size_t i, std::string_view* prev, std::string_view* next) {
  if (i + 2 >= s.size() || s[i + 1] != ' ') return false;
  *prev = LowerWordBefore(s, i), *next = LowerWordAt(s, i + 2);
  if (prev->empty() || next->empty() || Abbreviation(*prev)) return false;
  const size_t e = i + 2 + next->size();
  if (e >= s.size() || s[e] != '.') return true;
  // A stop after next too: a sentence's end (unsuc. cessful., for. trial.)
  // where a blank, a quotation mark or the end follows it and next is a word
  // of three letters or more and no abbreviation; otherwise an abbreviation
  // (the viz.) or initials (p. m.). BLN600 training split: 21.17% -> 21.20%
  // CER removed, no word broken more; the others unchanged.
  const bool end = e + 1 == s.size() || IsBlank(s[e + 1]) || s[e + 1] == '"';
  return end && next->size() >= 3 && !Abbreviation(*next);
}

// The model's id of the token before the word at b (the word before a full
// stop): a word or a comma ("him, and. among"), not "in ) was. in"; false
// if there is none such.
bool TokenBefore(std::string_view s, size_t b, const Model& m, uint32_t* before) {
  if (b < 2 || s[b - 1] != ' ') return false;
  if (s[b - 2] == ',') {
    *before = m.Find(",");
    return true;
  }
  size_t a = b - 1;
  while (a > 0 && IsAsciiLetter(s[a - 1])) --a;
  std::string_view w = s.substr(a, b - 1 - a);
  if (w.empty() || (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n')) return false;
  *before = m.Find(w);
  return true;
}

bool JoinWins(std::string_view s, std::string_view prev, std::string_view next, const Model& m);
bool KnowsJoinOrCompound(const Model& m, std::string_view a, std::string_view b);

// "the sergeant. sentenced": a full stop between two common lower-case
// words that the model reads as one sentence; in a very noisy stretch
// (kStopSpeckNoise) between any two lower-case words of two letters or more
// (catching sight of. the officers, in the. road), whatever the model reads,
// unless it knows them joined (peti. tioner: a line-break hyphen read as a
// full stop, which the corrector weighs).
bool StrayStop(std::string_view s, size_t i, const Model& m) {
  std::string_view prev, next;
  if (!WordsAroundStop(s, i, &prev, &next)) return false;
  if (prev.size() >= 2 && next.size() >= 2 && !KnowsJoinOrCompound(m, prev, next) &&
      UnknownShareAround(s, i, m) >= kStopSpeckNoise)
    return true;
  if (prev.size() < 3 || next.size() < 2 || !Common(m, prev) || !Common(m, next)) return false;
  uint32_t before;
  if (!TokenBefore(s, prev.data() - s.data(), m, &before)) return false;
  const uint32_t ctx[2] = {before, m.Find(prev)};
  const uint32_t start[1] = {Model::kSentenceStart};
  uint32_t n = m.Find(next);
  double end = m.LogProb(ctx, 2, Model::kSentenceEnd);
  if (end < kCutEnd) return false;  // "within the. the": a cut, not a speck
  return m.LogProb(ctx, 2, n) - (end + m.LogProb(start, 1, n)) >= kStopMargin;
}

// Only spaces and line breaks from `from` to the paragraph's end (a blank
// line or the end of the text).
bool BlankToParagraphEnd(std::string_view s, size_t from) {
  for (size_t k = from; k < s.size() && !(s[k] == '\n' && k + 1 < s.size() && s[k + 1] == '\n'); ++k)
    if (s[k] != ' ' && s[k] != '\n') return false;
  return true;
}

// A comma doubled (recalled,, positively) or right after a full stop at a
// paragraph's end (LAWS.,).
bool DoubledComma(std::string_view s, size_t i) {
  if (i == 0 || (s[i - 1] != ',' && s[i - 1] != '.')) return false;
  if (s[i - 1] == ',') return true;
  return BlankToParagraphEnd(s, i + 1) && i >= 2 && s[i - 2] != '.';  // not an ellipsis
}

// "hidden by the l, darkness": a lone small letter with a comma, between two
// lower-case words of a noisy stretch (kLeadsOnSpeckNoise), is a speck read
// as a letter and a comma (not a, i or o, which are words; a letter after
// a number is an amount's, 5 l, 6 s; nor a lost apostrophe's piece).
// Training splits (session 21): BLN600 26.14% -> 26.17% CER removed, no
// word broken more; the monographs lost a dialect "my rum s, none".
bool LetterCommaSpeck(std::string_view s, size_t i, const Model& m) {
  if (i < 4 || i + 2 >= s.size() || s[i + 1] != ' ' || !IsAsciiLower(s[i + 2])) return false;
  const char c = s[i - 1];
  if (!IsAsciiLower(c) || c == 'a' || c == 'i' || c == 'o' || s[i - 2] != ' ' || !IsAsciiLower(s[i - 3])) return false;
  if (UnknownShareAround(s, i, m) < kLeadsOnSpeckNoise) return false;
  // Nor the piece a lost apostrophe split off (the rum s, = the rum's,).
  return !KnownApostrophePiece(m, LowerWordBefore(s, i - 2), std::string_view(&s[i - 1], 1));
}

// "30 years of age,. and has": a full stop right after a comma, before a
// lower-case word.
bool StopAfterComma(std::string_view s, size_t i) {
  return i >= 2 && s[i - 1] == ',' && IsAsciiLetter(s[i - 2]) && i + 2 < s.size() && s[i + 1] == ' ' &&
         IsAsciiLower(s[i + 2]);
}

// "was trans. ferred", "the regi. ment": a line-break hyphen read as a full
// stop, the word's two pieces kept apart. The stop and its space go when the
// joined word is common and at least one piece is not (treat. ment, not
// "the sergeant. sentenced", which StrayStop weighs), or when both are but
// the model finds the joined word likelier by kJoinMargin after the token
// before (kicked wit. ness, the news. paper).
bool StopForHyphen(std::string_view s, size_t i, const Model& m) {
  std::string_view prev, next;
  if (!WordsAroundStop(s, i, &prev, &next)) return false;
  return JoinWins(s, prev, next, m);
}

// Whether the pieces prev and next of s are one word broken apart: their
// join is common and at least one piece is not, or both are but the model
// finds the join likelier by kJoinMargin after the token before.
bool JoinWins(std::string_view s, std::string_view prev, std::string_view next, const Model& m) {
  std::string joined(prev);
  joined += next;
  if (!Common(m, joined)) return false;
  if (!Common(m, prev) || !Common(m, next)) return true;
  if (prev.size() < 2 || next.size() < 2) return false;  // a lone letter is more often debris (de. l ceased)
  uint32_t before;
  if (!TokenBefore(s, prev.data() - s.data(), m, &before)) return false;
  const uint32_t ctx[2] = {before, m.Find(prev)};
  const double two = m.LogProb(ctx, 1, ctx[1]) + m.LogProb(ctx, 2, m.Find(next));
  return m.LogProb(ctx, 1, m.Find(joined)) - two >= kJoinMargin;
}

// Endings of a file or host name (readme.txt, example.com): a full stop
// before them inside a run is the writer's.
bool NameEnding(std::string_view w) {
  static constexpr std::array<std::string_view, 18> kEndings = {
      "com", "org", "net", "edu", "gov", "uk", "co", "io", "html", "htm", "txt", "pdf", "xml", "jpg", "png", "gif", "php", "py"};
  return OneOf(w, kEndings);
}

// "had.evidently", "dea.ling": a full stop between two lower-case words of
// two letters or more, with no space, in a run of its own (a blank before,
// nothing but a mark after). Sets *join where the pieces are one word
// broken apart (JoinWins); otherwise the stop stands for a lost space and
// both pieces must be common words. Not a file or host name (NameEnding),
// nor an abbreviation (viz.the), nor a run with another inner stop (a.b.c).
bool StopInsideRun(std::string_view s, size_t i, const Model& m, bool* join) {
  const std::string_view prev = LowerWordBefore(s, i), next = LowerWordAt(s, i + 1);
  if (prev.size() < 2 || next.size() < 2 || Abbreviation(prev) || NameEnding(next)) return false;
  const size_t e = i + 1 + next.size();
  if (e < s.size() && s[e] == '.' && e + 1 < s.size() && !IsBlank(s[e + 1])) return false;
  if (e < s.size() && !IsBlank(s[e]) && std::string_view(".,;:!?)\"'").find(s[e]) == std::string_view::npos) return false;
  *join = JoinWins(s, prev, next, m);
  return *join || (Common(m, prev) && Common(m, next));
}

// "being .closed", ".At eleven", "after .Ruskin fell": a full stop glued to
// the start of a word, after a space (a lower-case word follows, or a
// capitalised one of two letters or more) or at the start of a line. Not an
// ellipsis spaced out (". . .what", the mark before it is a full stop), a
// decimal (.5, no letter) nor a name's ending (.NET, in capitals). The
// capitalised word (training splits): BLN600 25.18% -> 25.21% CER removed,
// periodicals 4.96% -> 4.99%, the monographs unchanged, no word broken.
bool StopBeforeWord(std::string_view s, size_t i) {
  if (i + 1 >= s.size() || !IsAsciiLetter(s[i + 1])) return false;
  if (i == 0 || s[i - 1] == '\n') return true;
  if (s[i - 1] != ' ' || (i >= 2 && s[i - 2] == '.')) return false;
  return IsAsciiLower(s[i + 1]) || (i + 2 < s.size() && IsAsciiLower(s[i + 2]));
}

// ". On the following day": a full stop alone at the start of a line, then
// a space and a capital: a speck (a line starts no sentence with a stop).
bool StopAtLineStart(std::string_view s, size_t i) {
  return (i == 0 || s[i - 1] == '\n') && i + 2 < s.size() && s[i + 1] == ' ' && IsAsciiUpper(s[i + 2]);
}

// "her infirmity..": the second of two full stops after a word, before white
// space or the end (an ellipsis has three).
bool DoubledStop(std::string_view s, size_t i) {
  if (i < 2 || s[i - 1] != '.' || !IsAsciiLetter(s[i - 2])) return false;
  return i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n';
}

// Whether the paragraph that ends at i (from the last blank line or the
// start) has more than `words` spaces.
bool LongParagraphBefore(std::string_view s, size_t i, size_t words) {
  size_t spaces = 0;
  for (size_t k = i; k-- > 0 && spaces <= words;) {
    if (s[k] == '\n' && k > 0 && s[k - 1] == '\n') return false;
    spaces += s[k] == ' ' || s[k] == '\n';
  }
  return spaces > words;
}

// "the window was securely fastened,": a comma that ends a paragraph (only
// spaces and line breaks after it before a blank line or the end of the
// text), after a word, where the model ends the sentence with a full stop
// rather than a comma by kFinalStopMargin. A full stop's dot read with a
// speck's tail; a letter's closing "regards," or a verse line the model
// keeps; so does a paragraph of more than kFinalCommaWords words: a page or
// an excerpt cut mid-sentence, whose comma is the writer's. Training
// splits: all 17 such commas of the ICDAR monographs (paragraphs of 185
// words or more) and 2 of the periodicals were cut text, every one of the
// 362 that BLN600 mends rightly ends a paragraph of 90 words or fewer.
bool FinalComma(std::string_view s, size_t i, const Model& m) {
  if (i < 2 || !IsAsciiLetter(s[i - 1]) || !BlankToParagraphEnd(s, i + 1)) return false;
  if (LongParagraphBefore(s, i, kFinalCommaWords)) return false;
  size_t b = i;
  while (b > 0 && IsAsciiLetter(s[b - 1])) --b;
  if (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n') return false;
  uint32_t before;
  if (!TokenBefore(s, b, m, &before)) before = Model::kSentenceStart;
  const uint32_t comma = m.Find(",");  // the model has no token for a full stop: it ends the sentence
  uint32_t ctx[3] = {before, m.Find(text::Lower(s.substr(b, i - b))), comma};
  const double with_comma = m.LogProb(ctx, 2, comma) + m.LogProb(ctx, 3, Model::kSentenceEnd);
  const double with_stop = m.LogProb(ctx, 2, Model::kSentenceEnd);
  return with_stop - with_comma >= kFinalStopMargin;
}

// Whether the model knows the word a+b or the compound a-b.
bool KnowsJoinOrCompound(const Model& m, std::string_view a, std::string_view b) {
  std::string w(a);
  w += b;
  if (m.Find(w) != Model::kUnknown) return true;
  w.insert(a.size(), 1, '-');
  return m.Find(w) != Model::kUnknown;
}

// "were- published", "the hiding- place": a hyphen and a space between two
// common words whose join and compound the model does not know: a speck, or
// the hyphen of a line that did not break a word (BLN600 +0.14 points of CER
// removed; monographs -0.01). A hyphen inside a token between two words the
// model reads in a row (him-a blow) was tried too: the monographs, whose
// gold keeps compounds the model lacks, lost 0.4 points at log10 p -2.
bool HyphenBetweenWords(std::string_view s, size_t i, const Model& m) {
  if (i + 2 >= s.size() || s[i + 1] != ' ') return false;
  std::string_view a = LowerWordBefore(s, i), b = LowerWordAt(s, i + 2);
  if (a.size() < 2 || b.size() < 2 || !Common(m, a) || !Common(m, b)) return false;
  if (i + 2 + b.size() < s.size() && s[i + 2 + b.size()] == '-') return false;
  return !KnowsJoinOrCompound(m, a, b);
}

// "it -has", "the -candle": a hyphen glued to the start of a word after a
// space, between two common lower-case words whose join and compound the
// model does not know: a speck (HyphenBetweenWords' mirror). Only after a
// word that leads on (LeadsOn), or in a noisy stretch (at least
// kHyphenSpeckNoise of its words unknown): elsewhere it is as often a dash
// the monographs' gold keeps (white -and, injury -not). Training splits:
// BLN600 21.20% -> 21.26% CER removed, monographs 21.52% -> 21.54%,
// periodicals 4.30% -> 4.31%, no word broken more; without either test
// BLN600 gained 0.12 points and the monographs lost 0.10.
bool HyphenBeforeWord(std::string_view s, size_t i, const Model& m) {
  if (i < 3 || s[i - 1] != ' ' || i + 1 >= s.size() || !IsAsciiLower(s[i + 1])) return false;
  std::string_view a = LowerWordBefore(s, i - 1), b = LowerWordAt(s, i + 1);
  if (a.size() < 2 || b.size() < 2 || !Common(m, a) || !Common(m, b)) return false;
  if (i + 1 + b.size() < s.size() && s[i + 1 + b.size()] == '-') return false;
  if (KnowsJoinOrCompound(m, a, b)) return false;
  return LeadsOn(a) || UnknownShareAround(s, i, m) >= kHyphenSpeckNoise;
}

// "the-knife", "had-heard", "to-cover": a hyphen read for the space after a
// word that leads on (LeadsOn), before a common word, in a noisy stretch
// (kLeadsOnSpeckNoise), the model knowing neither the join nor the
// compound. Not inside a longer compound (in-the-way) or elision.
bool HyphenForSpace(std::string_view s, size_t i, const Model& m) {
  if (i + 2 >= s.size() || !IsAsciiLower(s[i + 1])) return false;
  std::string_view a = LowerWordBefore(s, i), b = LowerWordAt(s, i + 1);
  if (b.size() < 2 || !LeadsOn(a) || !Common(m, b)) return false;
  const size_t before = a.data() - s.data();
  if (before > 0 && (IsAsciiLetter(s[before - 1]) || s[before - 1] == '-' || s[before - 1] == '\'')) return false;
  const size_t e = i + 1 + b.size();
  if (e < s.size() && (s[e] == '-' || s[e] == '\'' || IsAsciiLetter(s[e]))) return false;
  if (KnowsJoinOrCompound(m, a, b)) return false;
  return UnknownShareAround(s, i, m) >= kLeadsOnSpeckNoise;
}

// How often the model has seen w (in lower case); 0 if it does not know it.
uint64_t KnownCount(const Model& m, const std::string& w) {
  const uint32_t id = m.Find(text::Lower(w));
  return id == Model::kUnknown ? 0 : m.Count(id);
}

// "Church- street", "Harrow- road", "ill- treating": a compound whose own
// hyphen fell at a line end, its first part a known word written with a
// capital (a name of a street, a court, a square), its second a common
// lower-case word, the model knowing neither the join nor the compound (so
// the corrector has nothing to weigh): the space goes. Not after a word as
// common as kCommonFirst (The- girl: a speck between two words), not when
// the join is known (any- body, which the corrector joins) or the first part
// is not a word (Keonsing- ton, which the corrector reads as Kensington).
// BLN600 training split: 19.85% -> 19.89% CER removed, no word broken more
// (23 compounds made, 3 worse); the monographs and periodicals unchanged.
constexpr uint64_t kCommonFirst = 100000;
bool CompoundAtLineEnd(std::string_view s, size_t i, const Model& m) {
  if (i + 2 >= s.size() || s[i + 1] != ' ') return false;
  size_t b = i;
  while (b > 0 && IsAsciiLower(s[b - 1])) --b;
  if (b == 0 || !IsAsciiUpper(s[b - 1]) || i - b < 2) return false;
  --b;
  if (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '(' && s[b - 1] != '"') return false;
  const std::string a = text::Lower(s.substr(b, i - b));
  const std::string_view w = LowerWordAt(s, i + 2);
  if (w.size() < 3 || !Common(m, w)) return false;
  if (i + 2 + w.size() < s.size() && s[i + 2 + w.size()] == '-') return false;  // Mile- end-road
  const uint64_t first = KnownCount(m, a);
  return first > 0 && first < kCommonFirst && !KnowsJoinOrCompound(m, a, w);
}

// s[b, e) with the byte at i read as `r`.
std::string ReadAs(std::string_view s, size_t b, size_t i, size_t e, std::string_view r) {
  std::string w(s.substr(b, i - b));
  w += r;
  w += s.substr(i + 1, e - i - 1);
  return w;
}

// Whether an ASCII word starts at s[b]: no letter or non-ASCII byte before it.
bool WordStartsAt(std::string_view s, size_t b) { return b == 0 || !(IsAsciiLetter(s[b - 1]) || (s[b - 1] & 0x80)); }

// Whether an ASCII word ends at s[e]: no letter or non-ASCII byte there, and
// not an apostrophe before a letter (coU'RT, part of a longer token).
bool WordEndsAt(std::string_view s, size_t e) {
  if (e < s.size() && (IsAsciiLetter(s[e]) || (s[e] & 0x80))) return false;
  return !(e + 1 < s.size() && s[e] == '\'' && IsAsciiLetter(s[e + 1]));
}

// "pri- r soner", "Metropo- c litan": a word broken at a line end with a
// speck read as a lone letter after its hyphen. The hyphen, the letter and
// the spaces go when the two pieces join into a common word, one of them is
// no common word on its own (not the- p graph), and the letter does not
// belong in it (neither piece with it is a word either way). BLN600 training
// split: 20.62% -> 20.75% CER removed (no word broken more); the monographs have
// no such breaks.
bool DebrisInHyphenBreak(std::string_view s, size_t i, const Model& m) {
  if (i + 5 >= s.size() || s[i + 1] != ' ' || !IsAsciiLetter(s[i + 2]) || s[i + 3] != ' ') return false;
  size_t b = i;
  while (b > 0 && IsAsciiLetter(s[b - 1])) --b;
  if (i - b < 2 || !WordStartsAt(s, b)) return false;  // not the tail of a word with a non-ASCII letter
  size_t e = i + 4;
  while (e < s.size() && IsAsciiLower(s[e])) ++e;
  if (e - (i + 4) < 2 || !WordEndsAt(s, e)) return false;
  const std::string a = text::Lower(s.substr(b, i - b)), z(s.substr(i + 4, e - i - 4));
  const std::string c(1, static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 2]))));
  if (!Common(m, a + z) || (Common(m, a) && Common(m, z))) return false;  // the- p graph: two words
  return m.Find(a + c + z) == Model::kUnknown && m.Find(a + c) == Model::kUnknown && m.Find(c + z) == Model::kUnknown;
}

// "wiU", "shaU": a capital U inside a lower-case word, which is how OCR
// reads ll in book type (and u in newspapers: coUrt, hUt, which the
// corrector sees as court and hut, since it reads words in lower case).
// Sets *fix to the ll reading where the model knows it kCapitalRatio times
// as often as the u reading (aU: all, not au), or knows neither and the U
// stands after a vowel and ends the word or comes before another vowel
// (batayU, kyUed: the Early Modern batayll, kylled; not againU, caUtter);
// false otherwise.
bool CapitalU(std::string_view s, size_t i, const Model& m, size_t* b, size_t* e, std::string* fix) {
  if (i == 0 || !IsAsciiLower(s[i - 1])) return false;
  *b = i;
  while (*b > 0 && IsAsciiLower(s[*b - 1])) --*b;
  if (*b > 0 && IsAsciiUpper(s[*b - 1])) --*b;  // ShaU
  *e = i + 1;
  while (*e < s.size() && IsAsciiLower(s[*e])) ++*e;
  if (!WordStartsAt(s, *b) || !WordEndsAt(s, *e)) return false;
  std::string ll = ReadAs(s, *b, i, *e, "ll");  // the two readings
  const uint64_t ll_n = KnownCount(m, ll), u_n = KnownCount(m, ReadAs(s, *b, i, *e, "u"));
  // Neither known: a word the model lacks whose ll sits between vowels or
  // ends it after one (kyUed, hyUes, feUowes; batayU, mercifuU). Elsewhere
  // a U among unknown letters is as often a misread of something else
  // (caUtter, neUfl in newspaper OCR).
  auto vowel = [](char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; };
  const bool between_vowels = vowel(s[i - 1]) && (*e == i + 1 || vowel(s[i + 1]));
  if (ll_n == 0 && u_n == 0 ? !between_vowels : ll_n < kCapitalRatio * u_n) return false;
  *fix = std::move(ll);
  return true;
}

// How often the model must know the li or ll reading of a capital H that
// starts a lower-case word in mid-sentence (Hke, Hst: like, list) whose h
// reading it does not know.
constexpr uint64_t kInitialHCount = 100;

// What book type's ll, li and ligatures become in OCR as a capital inside a
// lower-case word (aH, staS, handcuBs, oNensive, ofE: all, staff, handcuffs,
// offensive, off): the capital, then the readings tried for it.
struct CapitalReadings {
  char capital;
  std::array<std::string_view, 3> readings;  // empty ones unused
};
constexpr std::array<CapitalReadings, 5> kCapitalReadings = {{
    {'H', {"ll", "li", "bl"}}, {'S', {"ff", "ffl", ""}}, {'B', {"ff", "", ""}},
    {'N', {"ff", "", ""}}, {'E', {"ff", "ffi", ""}}}};

const CapitalReadings* ReadingsOf(char c) {
  for (const CapitalReadings& r : kCapitalReadings)
    if (r.capital == c) return &r;
  return nullptr;
}

// The reading of a capital at s[i] in a lower-case word (kCapitalReadings),
// as CapitalU reads a U: inside the word (aH, readHy, staS: all, readily,
// staff) the reading the model knows best where it knows it kCapitalRatio
// times as often as the lower-case letter's (a ligature only in a word of
// three letters or more: oE is of); an H at the start of a word in
// mid-sentence (after a lower-case word or a comma: Hke, Hst) as li or ll
// where the model lacks the h reading and knows the other kInitialHCount
// times.
bool CapitalReading(std::string_view s, size_t i, const Model& m, size_t* b, size_t* e, std::string* fix) {
  const CapitalReadings* readings = ReadingsOf(s[i]);
  const bool inside = i > 0 && IsAsciiLower(s[i - 1]);
  if (!readings || (!inside && s[i] != 'H')) return false;
  *b = i;
  while (*b > 0 && IsAsciiLower(s[*b - 1])) --*b;
  *e = i + 1;
  while (*e < s.size() && IsAsciiLower(s[*e])) ++*e;
  if (!WordStartsAt(s, *b) || !WordEndsAt(s, *e)) return false;
  if (!inside && (*e - i < 3 || *b < 2 || s[*b - 1] != ' ' || !(IsAsciiLower(s[*b - 2]) || s[*b - 2] == ','))) return false;
  if (s[i] != 'H' && *e - *b < 3) return false;  // oE, oS: of, not off
  const char lower[2] = {static_cast<char>(s[i] | 0x20), 0};
  const uint64_t own_n = KnownCount(m, ReadAs(s, *b, i, *e, lower));
  std::string best;
  uint64_t best_n = 0;
  for (std::string_view r : readings->readings) {
    if (r.empty() || (!inside && r == "bl")) continue;
    std::string w = ReadAs(s, *b, i, *e, r);
    if (uint64_t n = KnownCount(m, w); n > best_n) best_n = n, best = std::move(w);
  }
  if (inside ? best_n == 0 || best_n < kCapitalRatio * own_n : own_n > 0 || best_n < kInitialHCount) return false;
  *fix = std::move(best);
  return true;
}

// Name prefixes after which a capital belongs inside a word (McNab, MacLeod,
// DeWitt, LaSalle, VanBuren, FitzGerald).
bool NamePrefix(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {"mc", "mac", "de", "la", "le", "van", "von", "di",
                                                                  "fitz"};
  return OneOf(text::Lower(w), kPrefixes);
}

// The word of ASCII letters around s[i], as [*b, *e); false if a letter
// sits against it on either side.
bool LettersAround(std::string_view s, size_t i, size_t* b, size_t* e) {
  *b = i;
  while (*b > 0 && IsAsciiLetter(s[*b - 1])) --*b;
  *e = i + 1;
  while (*e < s.size() && IsAsciiLetter(s[*e])) ++*e;
  return WordStartsAt(s, *b) && WordEndsAt(s, *e);
}

// "fataL", "halF", "misaPpropriating": one capital (not I) after a
// lower-case letter in an otherwise lower-case word (of at least four
// letters, or of two or three that the model has seen kShortStrayCapital
// times: iS, tHe, uP; not on a hyphen, no name prefix before the capital) that the
// model knows, in lower case, kCommonWord times
// and more, and does not know as written: the capital is a misread of its
// small letter. Sets [*b, *e) to the word.
bool StrayCapital(std::string_view s, size_t i, const Model& m, size_t* b, size_t* e) {
  if (i == 0 || s[i] == 'I' || !IsAsciiLower(s[i - 1]) || !LettersAround(s, i, b, e)) return false;
  for (size_t k = *b; k < *e; ++k)
    if (k != i && !IsAsciiLower(s[k])) return false;
  const bool short_common = *e - *b >= 2 && *e - *b < 4 &&
                            KnownCount(m, std::string(s.substr(*b, *e - *b))) >= kShortStrayCapital;
  if ((*e - *b < 4 && !short_common) || NamePrefix(s.substr(*b, i - *b))) return false;
  if ((*b > 0 && s[*b - 1] == '-') || (*e < s.size() && s[*e] == '-')) return false;  // cOn- taining, dwellisg-hoUse
  return Common(m, text::Lower(s.substr(*b, *e - *b)));
}

// "ILondon", "lHe", "AWorks", "nWorking": a letter before a capitalised
// word (a capital and two or more small letters) at a word start, where the
// whole, in lower case, is no word the model knows: a speck or a stray
// letter. *fix is the word without the letter, which the model must know
// kCommonWord times.
// Not after O or D (OConnor, DArcy: O'Connor, D'Arcy), nor AE (AEsop), nor
// a small letter that makes a known word with the rest (wVas, aOlive: the
// capital is the misread, and the corrector reads them as was, alive).
// Training splits: with small letters too (nWorking, eHill), BLN600 21.15%
// -> 21.17% CER removed, 232 -> 230 words broken.
bool LetterBeforeCapital(std::string_view s, size_t i, const Model& m, size_t* e, std::string* fix) {
  if (!WordStartsAt(s, i) || i + 3 >= s.size() || !IsAsciiUpper(s[i + 1])) return false;
  if (s[i] == 'O' || s[i] == 'D' || (s[i] == 'A' && s[i + 1] == 'E')) return false;
  *e = i + 2;
  while (*e < s.size() && IsAsciiLower(s[*e])) ++*e;
  if (*e - i < 4 || !WordEndsAt(s, *e) || KnownCount(m, std::string(s.substr(i, *e - i))) > 0) return false;
  if (IsAsciiLower(s[i]) && KnownCount(m, std::string(1, s[i]) + std::string(s.substr(i + 2, *e - i - 2))) > 0)
    return false;  // wVas, aOlive: the capital is the misread
  *fix = s.substr(i + 1, *e - i - 1);
  return KnownCount(m, *fix) >= kCommonWord;
}

// "hea!th", "indu!ge", "a!l": an exclamation mark between two letters of a
// word, which book OCR makes of an l or an i. Sets *fix to the word with
// the reading the model knows best, where it knows it kCommonWord times.
bool BangInWord(std::string_view s, size_t i, const Model& m, size_t* b, size_t* e, std::string* fix) {
  if (i == 0 || i + 1 >= s.size() || !IsAsciiLetter(s[i - 1]) || !IsAsciiLower(s[i + 1])) return false;
  *b = i;
  while (*b > 0 && IsAsciiLetter(s[*b - 1])) --*b;
  *e = i + 1;
  while (*e < s.size() && IsAsciiLower(s[*e])) ++*e;
  if (!WordStartsAt(s, *b) || (*e < s.size() && (IsAsciiLetter(s[*e]) || (s[*e] & 0x80) || s[*e] == '!')))
    return false;
  uint64_t best_n = 0;
  for (std::string_view r : {"l", "i"}) {
    std::string w = ReadAs(s, *b, i, *e, r);
    if (uint64_t n = KnownCount(m, w); n > best_n) best_n = n, *fix = std::move(w);
  }
  return best_n >= kCommonWord;
}

// "you'11", "I'11": the digits 11 after an apostrophe that ends a pronoun
// (or that, there, who, what), which are the clitic 'll.
bool ElevenForLl(std::string_view s, size_t i) {
  if (i + 1 >= s.size() || s[i + 1] != '1' || (i + 2 < s.size() && (IsAsciiDigit(s[i + 2]) || IsAsciiLetter(s[i + 2]))))
    return false;
  size_t a = i;
  if (a >= 1 && ApostropheAt(s, a - 1) == 1) a -= 1;
  else if (a >= 3 && ApostropheAt(s, a - 3) == 3) a -= 3;
  else return false;
  size_t w = a;
  while (w > 0 && IsAsciiLetter(s[w - 1])) --w;
  if (w == a || (w > 0 && (IsAsciiDigit(s[w - 1]) || (s[w - 1] & 0x80)))) return false;
  static constexpr std::array<std::string_view, 14> kWords = {
      "i", "you", "we", "they", "he", "she", "it", "that", "there", "who", "what", "ye", "thou", "this"};
  return OneOf(text::Lower(s.substr(w, a - w)), kWords);
}

// "1'm", "1'll", "1've", "1'd": the digit 1 (or a small i: i'm, i'll)
// alone before the apostrophe of a clitic that only the pronoun I takes, as
// book OCR that reads I as 1 or i writes it (no number takes 'm or 've).
bool OneBeforeClitic(std::string_view s, size_t i) {
  if (i > 0 && (IsAsciiLetter(s[i - 1]) || IsAsciiDigit(s[i - 1]) || s[i - 1] == '\'' || s[i - 1] == '.' ||
                s[i - 1] == ',' || (s[i - 1] & 0x80)))
    return false;
  const size_t n = ApostropheAt(s, i + 1);
  if (n == 0) return false;
  const size_t k = i + 1 + n;
  for (std::string_view c : {"m", "ll", "ve", "d"})
    if (s.substr(k, c.size()) == c && (k + c.size() == s.size() || !IsAsciiLetter(s[k + c.size()]))) return true;
  return false;
}

// Whether a digit stands in the two tokens (runs between spaces or line
// breaks) before byte b or the two after byte e.
bool DigitNear(std::string_view s, size_t b, size_t e) {
  for (int token = 0; token < 2; ++token) {
    while (b > 0 && s[b - 1] == ' ') --b;
    for (; b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n'; --b)
      if (IsAsciiDigit(s[b - 1])) return true;
    while (e < s.size() && s[e] == ' ') ++e;
    for (; e < s.size() && s[e] != ' ' && s[e] != '\n'; ++e)
      if (IsAsciiDigit(s[e])) return true;
  }
  return false;
}

// "0 Father of all", "he said, 0 stay", "0 !": a lone digit 0 read for the
// interjection O, before a word or an exclamation mark. Not in a table of
// figures (a number among the two tokens before or after it: 10 qrs. 0
// bushels, 5 5 0 A. G., 0 to 3), nor before a number or mark (0 100, 0 £3).
// ICDAR monographs' training split: 20.97% -> 21.08% CER removed (31 lone
// 0s are O in the gold, 3 are 0); BLN600 and the periodicals unchanged.
bool ZeroForO(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || s[i + 1] != ' ') return false;
  if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '"' && s[i - 1] != '\'') return false;
  if (!IsAsciiLetter(s[i + 2]) && s[i + 2] != '!') return false;
  return !DigitNear(s, i, i + 1);
}

// Words before an amount of money in pounds (of 40l., about 4,000l., for
// 5l.): chosen on the BLN600 training split, where every amount after them
// read as 1. was written l. in the gold; to, at and and are left out (to 11.,
// at 11., the hours of the ICDAR monographs), and so are the and a (the 31.
// men), which come before amounts too, but seldom.
bool BeforeAmount(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "of", "about", "for", "in", "value", "worth", "reward", "between", "nearly", "over"};
  return OneOf(w, kWords);
}

// An amount in pounds whose l. was read as 1. (14,0001., 4501. 10s., of
// 401.): the digit 1 at s[i] ends a number and a full stop follows (not a
// decimal point), and the number has four digits after its last thousands
// comma, or shillings or pence follow (6s., 10d.), or a word that precedes
// amounts (BeforeAmount) comes before it; a number that could be a year
// (1000-2099, no comma: in 1421.) only with shillings or pence after it.
bool PoundL(std::string_view s, size_t i) {
  if (i == 0 || !IsAsciiDigit(s[i - 1]) || i + 1 >= s.size() || s[i + 1] != '.') return false;
  if (i + 2 < s.size() && IsAsciiDigit(s[i + 2])) return false;  // 21.5
  size_t b = i;
  while (b > 0 && (IsAsciiDigit(s[b - 1]) || s[b - 1] == ',')) --b;
  if (!IsAsciiDigit(s[b]) || (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n')) return false;
  const std::string_view num = s.substr(b, i + 1 - b);
  const size_t comma = num.rfind(',');
  if (comma != num.npos) return num.size() - comma - 1 == 4;  // 4,0001: no thousands group has four digits
  const bool year = num.size() == 4 && (num[0] == '1' || num.substr(0, 2) == "20");  // 1871., in 1421.
  size_t n = i + 2;
  if (n < s.size() && (s[n] == ',' || s[n] == ';')) ++n;
  while (n < s.size() && s[n] == ' ') ++n;
  size_t d = n;
  while (d < s.size() && IsAsciiDigit(s[d])) ++d;
  if (d > n && d + 1 < s.size() && (s[d] == 's' || s[d] == 'd') && s[d + 1] == '.') return true;  // 41. 10s.
  if (year || b < 2 || s[b - 1] != ' ') return false;
  return BeforeAmount(LowerWordBefore(s, b - 1));
}

// "is ;also", "the ,Metropolitan", "the :appearance", "her !two",
// "]jewellery", ")kicked": a comma, semicolon, colon, exclamation mark or
// closing bracket glued to the start of a word after a space, where no
// writer sets one: a speck (a bracket is often a misread letter, )lark for
// Clark, which the corrector does not weigh). Deleted, not moved to the
// word before: on the BLN600 training output, moving it (carman ;George ->
// carman; George) made 16 more characters wrong than it mended, deleting
// it mended 172 more than it made wrong. Training splits: BLN600 24.92% ->
// 25.18% CER removed, monographs 21.79% -> 21.81%, periodicals 4.91% ->
// 4.96%, no word broken more (only in a noisy stretch, kLeadsOnSpeckNoise:
// 25.12%, 21.79% and 4.95%); the brackets, BLN600 25.21% -> 25.24%.
bool MarkBeforeWord(std::string_view s, size_t i) {
  if (std::string_view(",;:!])}").find(s[i]) == std::string_view::npos) return false;
  return i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && IsAsciiLetter(s[i + 1]);
}

// "of the, colliery", "of a; tenant", "and the. injured": a comma, colon or
// semicolon right after the article the, a or an (a word on its own, not
// after a number: 141 a, said), before a space and a lower-case word of two
// letters or more: no clause ends on an article, so the mark is a speck. A
// full stop only in a noisy stretch (kLeadsOnSpeckNoise): in clean text it
// is what a cut left (within the. the), kept as the lacuna's evidence. Not
// an article's apostrophe (a' and an' are the Scots all and and). Training
// splits: BLN600 24.69% -> 24.82% CER removed (24.80% without the full
// stop), periodicals 4.89% -> 4.90%, monographs unchanged, no word broken.
// (After the other words that lead on, a colon or semicolon: +0.03 points
// by simulation, with clauses that do end there, spoken to; and: not done.)
bool MarkAfterArticle(std::string_view s, size_t i, const Model& m) {
  if (s[i] != ',' && s[i] != ';' && s[i] != ':' && s[i] != '.') return false;
  if (i + 3 >= s.size() || s[i + 1] != ' ' || LowerWordAt(s, i + 2).size() < 2) return false;
  const std::string_view w = LowerWordBefore(s, i);
  if (w != "the" && w != "a" && w != "an") return false;
  const size_t b = w.data() - s.data();
  if (b >= 2 && IsAsciiDigit(s[b - 2])) return false;
  return s[i] != '.' || UnknownShareAround(s, i, m) >= kLeadsOnSpeckNoise;
}

// "the | prisoner", "was * taken", "of • the": a mark standing alone
// between two lower-case words, which no writer puts there (a footnote
// mark follows a word without a space; a blank for a name is a dash).
bool LoneSpeck(std::string_view s, size_t i, size_t n) {
  if (i < 2 || i + n + 1 >= s.size() || s[i - 1] != ' ' || s[i + n] != ' ') return false;
  return IsAsciiLower(s[i - 2]) && IsAsciiLower(s[i + n + 1]);
}

// The byte length of a speck mark at i (|, *, the bullet and the black
// square), 0 if there is none.
size_t SpeckMark(std::string_view s, size_t i) {
  if (s[i] == '|' || s[i] == '*') return 1;
  for (std::string_view m : {std::string_view("\u2022"), std::string_view("\u25a0")})
    if (s.substr(i, m.size()) == m) return m.size();
  return 0;
}

// "twelve _ months", "the ~ defendant", "discharged _ _ _": an underscore,
// tilde, backtick or backslash standing alone after a space (before a
// space or a line's end), away from digits and a $: a speck, where prose
// has no such mark alone (a tilde before a number, ~ 5 km or ~ $5, and a
// form's blank, ____, are left). The gold of the training splits never
// keeps one: BLN600 24.57% -> 24.69% CER removed, monographs 21.76% ->
// 21.79%, periodicals 4.83% -> 4.89%, no word broken; only after a letter
// or , ; : and before a letter, 24.64%.
bool IsJunkMark(char c) { return c == '_' || c == '~' || c == '`' || c == '\\'; }

bool LoneJunk(std::string_view s, size_t i) {
  if (!IsJunkMark(s[i]) || i == 0 || s[i - 1] != ' ') return false;
  if (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\n') return false;
  size_t b = i - 1, e = i + 1;
  while (b > 0 && s[b - 1] == ' ') --b;
  while (e < s.size() && s[e] == ' ') ++e;
  if (b == 0 || IsAsciiDigit(s[b - 1])) return false;
  return e == s.size() || (!IsAsciiDigit(s[e]) && s[e] != '$');  // (or a line's end)
}

// h~er, yea~rs, given ~up: a tilde touching a letter, outside a URL or a
// path (~user). English prose has none (5 of the corpus books use one at
// all). Inside a word it goes only if the word left is known: it often
// stands for a lost space or hyphen (pnirhised~out, Police~court).
bool NoPathMark(std::string_view run) {
  return run.find('/') == run.npos && run.find('@') == run.npos && run.find('\\') == run.npos;
}

// The letters on each side of the tilde at s[i], in lower case (either may
// be empty).
void PiecesAroundTilde(std::string_view s, size_t i, std::string* a, std::string* z) {
  size_t b = i, e = i + 1;
  while (b > 0 && IsAsciiLetter(s[b - 1])) --b;
  while (e < s.size() && IsAsciiLetter(s[e])) ++e;
  *a = text::Lower(s.substr(b, i - b));
  *z = text::Lower(s.substr(i + 1, e - i - 1));
}

bool StrayTilde(std::string_view s, size_t i, const Model& m, RunTest* prose) {
  bool before = i > 0 && IsAsciiLetter(s[i - 1]), after = i + 1 < s.size() && IsAsciiLetter(s[i + 1]);
  if (!before && !after) return false;
  if ((i > 0 && s[i - 1] == '~') || (i + 1 < s.size() && s[i + 1] == '~')) return false;
  if (before && after) {  // inside a word: only if the word it leaves is known (not pnirhised~out)
    std::string a, z;
    PiecesAroundTilde(s, i, &a, &z);
    if (!Common(m, a + z)) return false;
  }
  return prose->At(i);
}

// "in~murdering", "which~he", "o'clock~on": a tilde between two common
// words (in lower case) whose join and compound the model does not know
// (Police~court is a compound's hyphen): the space it stands for
// (StrayTilde deletes one inside a word). Training splits: BLN600
// 25.24% -> 25.26% CER removed, monographs 21.81% -> 21.82%, periodicals
// unchanged, no word broken more.
bool TildeForSpace(std::string_view s, size_t i, const Model& m) {
  if (i == 0 || i + 1 >= s.size() || !IsAsciiLetter(s[i - 1]) || !IsAsciiLetter(s[i + 1])) return false;
  std::string a, z;
  PiecesAroundTilde(s, i, &a, &z);
  return Common(m, a) && Common(m, z) && !KnowsJoinOrCompound(m, a, z);
}

}  // namespace

void ProposeStrayMarks(const PassInput& in, Proposals* out) {
  if (!in.model) return;
  const Model& m = *in.model;
  std::string_view s = in.text;
  RunTest prose(s, NoPathMark);  // the run around a tilde is no URL, path or address
  auto remove = [&](size_t b, size_t e, uint32_t kind, const char* rule, const char* note) {
    out->push_back(MakeProposal(s, b, e, "", kind, 0.9, rule, note, kRankSpacing));
  };
  std::string fix;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool stop_after_word = s[i] == '.' && i > 0 && IsAsciiLower(s[i - 1]);
    const bool hyphen_after_word = s[i] == '-' && i > 0 && IsAsciiLower(s[i - 1]);
    if (i > 0 && s[i] == '\'' && (StrayApostrophe(s, i, m) || StrayClosingApostrophe(s, i, m))) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as an apostrophe");
    } else if (s[i] == '~' && StrayTilde(s, i, m, &prose)) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a tilde");
    } else if (s[i] == '~' && TildeForSpace(s, i, m) && prose.At(i)) {
      out->push_back(MakeProposal(s, i, i + 1, " ", kSpacing, 0.9, "correct.stray-mark",
                                  "a tilde between two words: the space it stands for", kRankSpacing));
    } else if (stop_after_word && StopForHyphen(s, i, m)) {
      remove(i, i + 2, kHyphenation, "correct.dehyphenate",
             "a line-break hyphen read as a full stop; the joined word is known");
      ++i;  // its space too
    } else if (bool join; s[i] == '.' && StopInsideRun(s, i, m, &join)) {
      out->push_back(MakeProposal(s, i, i + 1, join ? "" : " ", join ? kHyphenation : kSpacing, 0.9, "correct.stray-mark",
                                  join ? "a full stop inside a word: a speck, or a line-break hyphen misread"
                                       : "a full stop between two words where a space was lost", kRankSpacing));
    } else if (s[i] == '.' && StopAtLineStart(s, i)) {
      remove(i, i + 2, kSpelling, "correct.stray-mark", "a speck read as a full stop at the start of a line");
      ++i;  // its space too
    } else if (s[i] == '.' && (StopAfterComma(s, i) || StopBeforeWord(s, i) || DoubledStop(s, i) ||
                               (stop_after_word && StrayStop(s, i, m)))) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a full stop");
    } else if (hyphen_after_word && DebrisInHyphenBreak(s, i, m)) {
      remove(i, i + 4, kHyphenation, "correct.dehyphenate",
             "a line-break hyphen and a speck read as a letter after it; the joined word is known");
      i += 3;
    } else if (s[i] == '-' && HyphenBeforeWord(s, i, m)) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a hyphen before a word");
    } else if (hyphen_after_word && HyphenForSpace(s, i, m)) {
      out->push_back(MakeProposal(s, i, i + 1, " ", kSpacing, 0.9, "correct.stray-mark",
                                  "a hyphen read for a space after a word that leads on", kRankSpacing));
    } else if (hyphen_after_word && HyphenBetweenWords(s, i, m)) {
      remove(i, i + 1, kHyphenation, "correct.stray-mark", "a hyphen between two words");
    } else if (hyphen_after_word && CompoundAtLineEnd(s, i, m)) {
      remove(i + 1, i + 2, kHyphenation, "correct.stray-mark", "a compound's hyphen at a line end");
      ++i;
    } else if (size_t b, e; s[i] == 'U' && CapitalU(s, i, m, &b, &e, &fix)) {
      out->push_back(MakeProposal(s, b, e, fix, kSpelling, 0.9, "correct.capital-u",
                                  "a capital U inside a lower-case word: ll misread", kRankSpacing));
      i = e - 1;
    } else if (size_t b, e; IsAsciiUpper(s[i]) && CapitalReading(s, i, m, &b, &e, &fix)) {
      out->push_back(MakeProposal(s, b, e, fix, kSpelling, 0.9, "correct.capital-reading",
                                  "a capital inside or at the start of a lower-case word: ll, li or a ligature misread", kRankSpacing));
      i = e - 1;
    } else if (size_t b, e; IsAsciiUpper(s[i]) && StrayCapital(s, i, m, &b, &e)) {
      out->push_back(MakeProposal(s, i, i + 1, std::string(1, static_cast<char>(s[i] | 0x20)), kCase, 0.9,
                                  "correct.stray-capital", "a capital inside a lower-case word: its small letter misread",
                                  kRankSpacing));
      i = e - 1;
    } else if (size_t e; IsAsciiLetter(s[i]) && LetterBeforeCapital(s, i, m, &e, &fix)) {
      out->push_back(MakeProposal(s, i, e, fix, kSpelling, 0.9, "correct.stray-mark",
                                  "a letter before a capitalised word: a speck or a stray letter", kRankSpacing));
      i = e - 1;
    } else if (size_t b, e; s[i] == '!' && BangInWord(s, i, m, &b, &e, &fix)) {
      out->push_back(MakeProposal(s, b, e, fix, kSpelling, 0.9, "correct.stray-mark",
                                  "an exclamation mark inside a word: an l or i misread", kRankSpacing));
      i = e - 1;
    } else if ((s[i] == '1' || s[i] == 'i') && OneBeforeClitic(s, i)) {
      out->push_back(MakeProposal(s, i, i + 1, "I", s[i] == 'i' ? kCase : kSpelling, 0.9, "correct.stray-mark",
                                  s[i] == 'i' ? "a small i before 'm, 'll, 've or 'd: the pronoun I"
                                              : "the digit 1 before 'm, 'll, 've or 'd: the pronoun I misread",
                                  kRankSpacing));
    } else if (s[i] == '0' && ZeroForO(s, i)) {
      out->push_back(MakeProposal(s, i, i + 1, "O", kSpelling, 0.9, "correct.stray-mark",
                                  "the digit 0 alone before a word: the interjection O misread", kRankSpacing));
    } else if (s[i] == '1' && ElevenForLl(s, i)) {
      out->push_back(MakeProposal(s, i, i + 2, "ll", kSpelling, 0.9, "correct.stray-mark",
                                  "the digits 11 after an apostrophe: the clitic 'll misread", kRankSpacing));
      ++i;
    } else if (s[i] == '1' && PoundL(s, i)) {
      out->push_back(MakeProposal(s, i, i + 1, "l", kSpelling, 0.9, "correct.pound-l",
                                  "an amount in pounds whose l was read as the digit 1", kRankSpacing));
    } else if (s[i] == ',' && LetterCommaSpeck(s, i, m)) {
      remove(i - 1, i + 2, kSpelling, "correct.stray-mark", "a speck read as a lone letter and a comma");
    } else if (s[i] == ',' && DoubledComma(s, i)) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a comma");
    } else if (s[i] == ',' && FinalComma(s, i, m)) {
      out->push_back(MakeProposal(s, i, i + 1, ".", kSpelling, 0.9, "correct.final-stop",
                                  "a full stop read as a comma at the end of a paragraph", kRankSpacing));
    } else if (MarkBeforeWord(s, i)) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a mark at the start of a word");
    } else if (MarkAfterArticle(s, i, m)) {
      remove(i, i + 1, kSpelling, "correct.stray-mark", "a speck read as a mark after an article");
    } else if (LoneJunk(s, i)) {
      remove(i - 1, i + 1, kSpelling, "correct.stray-mark", "a speck read as a mark, alone between words");
    } else if (size_t n = SpeckMark(s, i); n && LoneSpeck(s, i, n)) {
      remove(i - 1, i + n, kSpelling, "correct.stray-mark", "a speck read as a mark, alone between two words");
      i += n - 1;
    }
  }
}

}  // namespace emend::repair
