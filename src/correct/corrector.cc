#include "correct/corrector.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "model/classes.h"
#include "model/trie.h"
#include "repair/passes.h"
#include "text/lm_tokens.h"
#include "text/utf8.h"

namespace emend::correct {
namespace {

constexpr uint64_t kMinCandidateCount = 2;   // vocabulary words rarer than this are not proposed
constexpr double kFitsContext = -3.0;        // log10 p(w | context) above which a known word is not checked
constexpr double kRealWordMinRule = -3.6;    // confusions used for real-word candidates
constexpr uint64_t kBesideUnknownCount = 30000;  // real-word candidates beside an unknown word (AddChannelCandidates)
// The same in a noisy text (Noise at least kWiderNoise): tip -> up, tinder
// -> under. Tuned on the training splits: BLN600 19.49% -> 19.63% CER
// removed (229 -> 228 words broken), monographs unchanged; -5.5 and -6.5
// gave 19.65%.
constexpr double kNoisyRealWordMinRule = -4.5;
// Appended to a joined pair of tokens for its key in the candidate cache
// (JoinedCandidates); a word's own keys end in a letter, a Width or
// kNamedKey (a compound written with a capital: MendedParts' `named`).
constexpr char kJoinedKey = '\x1f';
constexpr char kNamedKey = '\x1e';
constexpr size_t kJoinedPiece = 2;  // code points of the shorter token at most
// The rules of one-word corrections (Decide), which AdaptedPairs counts.
constexpr char kRealWordRule[] = "correct.real-word", kSpellingRule[] = "correct.spelling";
// A known word seen fewer than kRareRealWordCount times is also weighed
// against the frequent words (Corrector's `frequent` trie) that two
// confusions of total log10 P kFrequentWordMinRules or more make of it.
// Training splits: BLN600 23.54% -> 23.69% CER removed (235 -> 234 words
// broken), monographs 21.58% either way (949 -> 951 broken); for every known
// word the monographs lost 0.1 (then, that, war read as the, was), with a
// budget of -7 or frequent words from 30,000 seen times BLN600 gained 0.05
// at most for more broken.
constexpr uint64_t kRareRealWordCount = 5000;
constexpr double kFrequentWordMinRules = -6.0;
constexpr size_t kFrequentMisreadLength = 6;  // letters of such a known word at most
constexpr double kHyphenBreak = -1.0;        // log10 P(a line-break hyphen survives into the text)
// How much likelier (log10) a known word joined across a hyphen and a space
// inside a line, before a small letter, is made (ScoreCandidates): a word or
// a compound (exam- ination, public- house, Police- court). The gold of
// BLN600's training split has 23 such breaks, its OCR 1,789; as written, the
// LM read public house and Police court as well as the joined forms, so the
// join lost half the time. Training splits (session 21): BLN600 25.93% ->
// 26.11% CER removed (263 -> 267 words broken), monographs 21.86% -> 21.87%
// (952 -> 960, all at line-break hyphens their gold keeps), periodicals
// 5.11% -> 5.12%. At 1.0, 26.02%; at 3.0, 26.15% with 271 broken. Not for
// an unknown join (Jewin- street is Jewin-street, not Jewinstreet).
constexpr double kBreakInLine = 2.0;
// log10 P(a line-break hyphen read as a period), PeriodBreakAfter. Training
// splits: -0.5 to -2 within 0.02 points on BLN600, -3 lost 0.04.
constexpr double kPeriodForHyphen = -1.0;
// log10 P(1 | I) at least in a text with kOnesForIText or more lone 1s
// before a lower-case word and no more I's than those: its OCR took the
// pronoun for a digit throughout. Tuned on the ICDAR monograph training
// split (one document has 35 such 1s): 20.00% -> 20.14% CER removed, one
// more word broken (-0.2 gave 20.15%).
constexpr size_t kOnesForIText = 3;
constexpr double kOneForIText = -0.5;
constexpr double kOneForI = -1.0;            // log10 P(1 | I) at least (OneForI), where the channel has less
// A lone small letter between two words (the e court): log10 P(a speck read
// so), and how common both words must be. Tuned on the training splits
// (BENCHMARKS.md): BLN600 13.63% -> 14.15% CER removed (3 more words broken),
// ICDAR monographs 16.47% -> 16.44% (none more).
constexpr double kDebrisLetter = -3.0;
// What an I (or i) as debris pays more in a quiet text (AddDebris): 1.0 gave
// BLN600 +0.06 points for 6 more monograph words broken, 2.0 +0.03 for none,
// 3.0 nothing.
constexpr double kQuietIDebris = 2.0;
constexpr uint64_t kDebrisNeighbour = 300;
// What a line's first I before a word in capitals pays less as debris
// (AddLeadingDebris). Training splits (session 21): BLN600 +0.02 points,
// the others unchanged; the pronoun before a heading's verb (I WILL) stays,
// the model knowing "i will" well. ("I THE" stays too: numbered headings,
// I. THE ..., make it common in the model.)
constexpr double kHeadingIDebris = 2.0;
// Two small letters that are no word, between two words of a noisy text
// (to ar allow, verdict ry of): log10 P of such debris, and how often the
// model may have seen the pair (TwoLetterDebris). Training splits: BLN600
// 22.48% -> 22.67% CER removed (234 -> 236 words broken), the monographs
// unchanged, periodicals 4.39% either way (2 more broken); -3.0, or in a
// clean text too, took misreads of on, by, us away (monographs -0.4 points);
// -5.0 gave 22.66% for 2 more broken, -6.5 22.62%; 200 to 10,000 seen times
// within 0.04.
constexpr double kDebrisPair = -5.5;
constexpr uint64_t kDebrisPairCount = 1000;
// A compound with one misread part (Cochrane-strebt, Cournty-court): its
// other parts and the part's candidates seen this often (MendedParts).
// Training splits: BLN600 22.80% -> 22.90% CER removed (237 -> 235 words
// broken), monographs 21.55% -> 21.57% (943 -> 945), periodicals 4.39% ->
// 4.44% (2,959 -> 2,957); 100 gave 22.87%, 1,000 22.82%; a bias of 1 or 2
// (log10) for such a candidate lost on every split; parts of three letters
// broke more (piu-exists).
constexpr uint64_t kMendedPartCount = 30;
constexpr uint64_t kMinSplitCount = 20;      // both halves of a split must be this common
// MendedSplits: how common the half read as it stands must be, and the
// least log10 p of the confusion that mends the other. Tuned on the
// training splits (BENCHMARKS.md): BLN600 21.26% -> 21.69% CER removed (230
// -> 232 words broken), periodicals 4.31% -> 4.36%, monographs +0.01, for
// 5% more instructions on BLN600 text; with any common half (20) 21.80%
// for 16% more, with 10,000 21.62% for 3% more.
constexpr uint64_t kMendedSplitExact = 1000;
constexpr double kMendedSplitMinRule = -5.0;
constexpr size_t kMinSegmented = 9;          // letters of a word cut into three or more (Segment)
constexpr size_t kMaxPiece = 20;             // letters of a piece of such a cut
constexpr double kSpellingMinRules = -7.0;   // total log10 P of the confusions of a non-word's candidate
// The same for the wider search (WideSearch). Tuned on the training splits
// (BENCHMARKS.md): -8 gave BLN600 14.34% -> 14.83% CER removed (1 more word
// broken), monographs 16.44% -> 16.49% (none more), for 15% more
// instructions; -9 gave 15.0% and 16.5% for 27% more; applied to every
// unknown word, -9 broke early spellings (sholde -> should) and cost 38%.
constexpr double kWideSpellingMinRules = -8.0;
// The same for a sporadic word (Sporadic) of a noisy text (Noise at least
// kWiderNoise), where most unknown words are misreads. Tuned on the
// training splits (BENCHMARKS.md): BLN600 17.65% -> 17.95% CER removed (213
// -> 212 words broken), monographs unchanged; -9 for every wide search gave
// 18.05% for 7.8% more instructions on BLN600 text, gated so almost none.
constexpr double kWiderSpellingMinRules = -9.0;
constexpr double kWiderNoise = 0.5;
// A wide search (WideSearch) whose best candidate's confusions have log10 P
// below kThirdConfusionBelow searches again with three confusions of total
// log10 P kThirdConfusionMinRules at least. Of BLN600's remaining non-words
// whose gold the model knows, most were misread in three characters or
// more, out of reach of two. Training splits (session 21): BLN600 26.17% ->
// 26.96% CER removed, no word broken more; monographs 21.86% -> 21.93% (961
// -> 966), periodicals 5.13% -> 5.36% (3,016 -> 3,026), searching every
// word seen twice; BLN600 text about 30% slower. Walking only the words seen
// kThirdConfusionCount times (corrector.h) halves that cost for 0.06 points.
// For every wide search at -12: 26.76% (noisy texts only), at twice
// the time; at -10 and -11, 26.48% and 26.61%; below -8 at -12, 26.81%
// for 15% more time on BLN600 text instead of 30% (-7 at -13). Shorter
// words than 5 letters gained nothing.
constexpr double kThirdConfusionBelow = -7.0, kThirdConfusionMinRules = -13.0;
constexpr size_t kThirdConfusionLength = 5;
// Tuned on the BLN600 training split (BENCHMARKS.md): an unknown word's own
// spelling is favoured by this much (log10) over corrections (names, modern
// words), and a known word must lose by this much before it is replaced.
constexpr double kUnknownBias = 3.0;
// In Early Modern text whose unknown words are largely historical spellings
// (CorrectOptions::early_modern_spelled) an unknown word's own spelling is
// favoured by this much more. Tuned on the training splits (BENCHMARKS.md):
// ICDAR monographs 21.10% -> 21.21% CER removed (1,047 -> 944 words broken:
// chyrches, folowed, Glocester kept), BLN600 and periodicals unchanged;
// without the share test 1.0 gave 21.17% for 975 broken, 2.0 21.12% for 919,
// and noisy periodicals that have a few historical-looking forms lost fixes
// (4.26% -> 4.19%).
constexpr double kEarlyModernBias = 1.5;
// In a noisy text an unknown word is more often a misread: a sporadic one
// (Sporadic) has its bias lowered by up to kNoisyBiasDrop, in full where
// the text's share of unknown word occurrences reaches kNoisyShare, not at
// all below kQuietShare (the share of the other words: one unknown word in
// a short text is no evidence). Tuned on the training splits
// (BENCHMARKS.md): BLN600 15.76% -> 17.65% CER removed (197 -> 213 words
// broken), ICDAR monographs 16.51% -> 16.49% (1,020 -> 1,028); shares of
// 0.03-0.10 gave 17.81% but 1,058 monograph words broken; a drop of 2.0
// gave less, and a fixed lower bias of 2.0 for every text broke 96 more
// monograph words (dialect and the writers' own spellings).
constexpr double kNoisyBiasDrop = 3.0;
constexpr double kQuietShare = 0.05, kNoisyShare = 0.15;
// For a sporadic lower-case word (its bias and its wider search), the share
// is estimated with this many word occurrences at kNoisyShare added
// (DocWords::UnknownShare): a sentence of 25 clean words counts as
// half-way noisy, a book as what it is. Tuned on the training splits, where
// BLN600's units are single sentences: 19.89% -> 20.35% CER removed (225 ->
// 232 words broken), ICDAR monographs unchanged at 20.94% (1,034 -> 1,043,
// mostly words joined at a line-break hyphen their gold keeps: chil dren),
// periodicals unchanged. With the prior for every use of the share (real-word
// width, capitalised words too): 20.53% / 243, but a short clean text then
// had its real words widened (i.e. -> i.w.); 80 words gave 20.67% / 253.
constexpr double kPriorWords = 40;
// The same drop for a capitalised word (SporadicCapitalised), smaller: most
// are names. Tuned on the training splits: BLN600 18.72% -> 19.00% CER
// removed (212 -> 229 words broken: Lawrance -> Lawrence, Smeeth -> Smooth),
// ICDAR monographs unchanged (1,030 -> 1,034), periodicals 3.96% -> 4.03%;
// 3.0 gave 19.09% for 248 broken; with all-capital words 1.5 gave 18.95%.
constexpr double kNoisyCapitalBiasDrop = 2.0;
// A candidate word the text itself uses twice or more is likelier there (a
// cache model: a book repeats its words) by this much (log10), for a
// lower-case unknown word (names keep their spelling). Tuned on the
// training splits: ICDAR monographs 20.68% -> 20.87% CER removed (1,034 ->
// 1,040 words broken), BLN600 19.81% -> 19.84%, periodicals 4.13% -> 4.21%
// (2,929 -> 2,939); 1.0 gave 20.97% for 19 more broken monograph words, and
// the bonus on every candidate 20.96% for 66 more (then -> than, names).
constexpr double kSeenInText = 0.5;
// A lower-case unknown word is also replaced when its top reading has at
// least the posterior threshold less kLooserTop and the word itself at most
// kLooserOriginal x (1 - threshold) (SentencePass::Sure; at the default
// aggressiveness 0.60 and 0.15). Tuned on the training splits
// (BENCHMARKS.md): BLN600 20.75% -> 20.87% CER removed (231 -> 232 words
// broken), monographs unchanged (944 -> 949), periodicals 4.26% -> 4.28%;
// 0.5 / 0.15 and 0.4 / 0.1 gave the same CER for more broken, and applied
// to capitalised words too it changed names (Moloney -> Maloney).
constexpr double kLooserTop = 0.145, kLooserOriginal = 0.6;
// The real-word margin was 1.0 until session 8; 0.8 makes the seed's "the
// hoarding house" "boarding" (posterior 0.77) and on the training splits
// removes a little more CER (BLN600 12.90% -> 12.98%, monographs 16.43% ->
// 16.47%) for more broken words (168 -> 172, 996 -> 1,015); 0.6 breaks 51
// more monograph words.
constexpr double kRealWordMargin = 0.8;
// In a noisy text the margin falls with the noise (Noise, with the
// short-text prior) to this (bad -> had in "the man Sewell bad never
// paid"). Training splits: BLN600 24.28% -> 24.39% CER removed (240 -> 249
// words broken), monographs 21.68% -> 21.76% (950 -> 951), periodicals
// 4.77% -> 4.82% (2,979 -> 2,990); 0.2 gave 24.42% for 5 more broken, 0
// 24.45% for 15 more; without the prior, 24.35%.
constexpr double kNoisyRealWordMargin = 0.4;
// The class model's say in a real-word decision between two function words
// (he/be, bad/had is not one: bad has no class of its own): its log10 ratio
// counts this much. Tuned on the training splits (BENCHMARKS.md): at 1.0
// the ICDAR monographs lost 94 more right words, at 0.5 18, while the
// misread "will he filled" is caught.
constexpr double kClassWeight = 0.5;
// The word priors' weight for a known word's candidates (AddPriors), times
// the text's noise, and the flat cost of fitting worse than the original.
// Training splits (session 21): BLN600 25.70% -> 25.93% CER removed (255 ->
// 263 words broken), monographs 21.85% -> 21.86% (951 -> 952), periodicals
// 5.03% -> 5.11% (3,003 -> 3,017). Without the noise, at 0.3, BLN600 fell
// to 25.56% and the monographs to 21.09% (1,191 broken: fare -> face, tune
// -> time); at 0.1, 25.83% and 21.90% but 994 monograph words broken. For a
// non-word's candidates too (0.15): BLN600 +0.03, monographs -0.01.
constexpr double kPriorWeight = 0.2, kPriorVeto = 0.3;
// An unknown word whose Early Modern reading (vpon -> upon) is a word seen
// this often is a historical spelling, not a misread (tuned on the ICDAR 2017
// monograph training split: CER removed 13.9% -> 15.6%, words broken 0.42% ->
// 0.32%; BLN600 training split 11.29% -> 11.25%).
constexpr uint64_t kHistoricalMinCount = 100;
// One historical spelling in this many words makes a text Early Modern (EarlyModernText).
constexpr size_t kEarlyModernWords = 200;


constexpr size_t kMaxAlternatives = 5;

// Early Modern English spellings of modern words (vpon, haue, wiues,
// himselfe, emperour, theyr): each rewrite is applied to the whole word or
// not at all, so a word has at most 2^6 modern readings. A rewrite writes
// `*out` and returns true only where it changes `s` (most do not apply, and
// then cost no copy).
bool ReplaceAll(const std::string& s, std::string_view a, std::string_view b, std::string* out) {
  size_t i = s.find(a);
  if (i == std::string::npos) return false;
  *out = s;
  for (; i != std::string::npos; i = out->find(a, i + b.size())) out->replace(i, a.size(), b);
  return true;
}

bool UToV(const std::string& s, std::string* out) { return ReplaceAll(s, "u", "v", out); }
bool VToU(const std::string& s, std::string* out) { return ReplaceAll(s, "v", "u", out); }
bool OurToOr(const std::string& s, std::string* out) { return ReplaceAll(s, "our", "or", out); }
bool YToI(const std::string& s, std::string* out) { return ReplaceAll(s, "y", "i", out); }

// i -> j before a vowel, at the start or after a letter that is not a vowel.
bool IToJ(const std::string& s, std::string* out) {
  bool changed = false;
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == 'i' && std::string_view("aeou").find(s[i + 1]) != std::string_view::npos &&
        (i == 0 || std::string_view("aeiou").find(s[i - 1]) == std::string_view::npos)) {
      if (!changed) *out = s, changed = true;
      (*out)[i] = 'j';
    }
  return changed;
}

// A final e dropped (words of four letters or more).
bool DropFinalE(const std::string& s, std::string* out) {
  if (s.size() <= 3 || s.back() != 'e') return false;
  *out = s.substr(0, s.size() - 1);
  return true;
}

// More Early Modern rewrites: yeeld, perswade, commaund, onely, maiestie,
// wherfore, and word endings.
bool EeToIe(const std::string& s, std::string* out) { return ReplaceAll(s, "ee", "ie", out); }    // yeeld, beleeve
bool SwToSu(const std::string& s, std::string* out) { return ReplaceAll(s, "sw", "su", out); }    // perswade
bool AunToAn(const std::string& s, std::string* out) { return ReplaceAll(s, "aun", "an", out); }  // commaund
bool ElyToLy(const std::string& s, std::string* out) { return ReplaceAll(s, "ely", "ly", out); }  // onely, certainely
bool AiToAj(const std::string& s, std::string* out) { return ReplaceAll(s, "aie", "aje", out); }  // maiestie

// wherfore, therfore, wherof, therin: the e of where/there before the rest
// of a compound.
bool WhereThere(const std::string& s, std::string* out) {
  for (std::string_view p : {"wher", "ther"})
    if (s.size() > 5 && s.compare(0, 4, p) == 0 && s[4] != 'e') {
      *out = s;
      out->insert(4, "e");
      return true;
    }
  return false;
}

// Word endings, each its own rewrite so that a word ending in several ways
// gets every reading (meanes: mean-es, not only kindnes's -nes): knowes,
// houres (-es); remembred, listned (-ered, -ened); kindnes (-ness);
// maiestie, countrey (-y); goe (a short word's final e).
bool Ends(const std::string& s, std::string_view e) {
  return s.size() > e.size() + 1 && s.compare(s.size() - e.size(), e.size(), e) == 0;
}
bool EndingNes(const std::string& s, std::string* out) { return Ends(s, "nes") && (*out = s + "s", true); }
bool EndingEs(const std::string& s, std::string* out) {
  return Ends(s, "es") && (*out = s, out->erase(out->size() - 2, 1), true);
}
bool EndingRed(const std::string& s, std::string* out) {
  return (Ends(s, "red") || Ends(s, "ned")) && (*out = s, out->insert(out->size() - 3, "e"), true);
}
bool EndingY(const std::string& s, std::string* out) {
  return (Ends(s, "ie") || Ends(s, "ey")) && (*out = s, out->replace(out->size() - 2, 2, "y"), true);
}
bool ShortFinalE(const std::string& s, std::string* out) {
  if (s.size() != 3 || s.back() != 'e') return false;
  *out = s.substr(0, 2);
  return true;
}

bool ShewToShow(const std::string& s, std::string* out) { return ReplaceAll(s, "shew", "show", out); }  // shewn
// A final l the modern spelling doubles (recal, instal): after one vowel.
bool FinalLl(const std::string& s, std::string* out) {
  const size_t n = s.size();
  if (n < 4 || s[n - 1] != 'l' || !std::strchr("aeiou", s[n - 2]) || std::strchr("aeiou", s[n - 3])) return false;
  *out = s + "l";
  return true;
}
// bycause, byfore, bytwene: the prefix be- written by-.
bool ByToBe(const std::string& s, std::string* out) {
  if (s.size() <= 4 || s.compare(0, 2, "by") != 0) return false;
  *out = s;
  (*out)[1] = 'e';
  return true;
}

std::vector<std::string> ModernReadings(const std::string& w) {
  static constexpr bool (*kRules[])(const std::string&, std::string*) = {
      EeToIe,      SwToSu, AunToAn, ElyToLy, AiToAj, WhereThere, ByToBe, EndingNes, EndingEs, EndingRed,
      EndingY, ShortFinalE, DropFinalE, UToV, VToU, IToJ, OurToOr, YToI};
  std::vector<std::string> out{w};
  std::string v;
  for (auto rule : kRules) {
    const size_t n = out.size();
    for (size_t i = 0; i < n; ++i)
      if (rule(out[i], &v)) out.push_back(std::move(v));
  }
  out.erase(out.begin());
  return out;
}

// ModernReadings and two more a known word may have as a candidate and
// keep (shew, shewn for show, shown; recal, instal for recall, install):
// variants of spelling, not misreads. Not used to find Early Modern text:
// chil or untill are as often misreads of modern text.
std::vector<std::string> ModernForms(const std::string& w) {
  std::vector<std::string> out = ModernReadings(w);
  std::string v;
  if (ShewToShow(w, &v)) out.push_back(std::move(v));
  if (FinalLl(w, &v)) out.push_back(std::move(v));
  return out;
}

constexpr uint32_t kNone = UINT32_MAX;  // no word


// Up to kMaxIds word ids, held inline (a decision weighs dozens of candidates).
constexpr size_t kMaxIds = 6;
class Ids {
 public:
  Ids(std::initializer_list<uint32_t> ids) : n_(std::min(ids.size(), kMaxIds)) { std::copy_n(ids.begin(), n_, v_); }
  explicit Ids(const std::vector<uint32_t>& ids) : n_(std::min(ids.size(), kMaxIds)) { std::copy_n(ids.begin(), n_, v_); }
  size_t size() const { return n_; }
  uint32_t operator[](size_t i) const { return v_[i]; }

 private:
  uint32_t v_[kMaxIds] = {};
  size_t n_;
};

struct Candidate {
  Ids ids;                    // replaces the token(s)
  std::string text;           // lower case, words separated by a space
  double channel = 0;         // log10 P(observed | this)
  double score = 0;           // channel + LM window
  uint32_t kind = 0;          // 0 = the original
  int span = 1;               // tokens replaced (2 for a merge)
  bool debris = false;        // the token deleted: ids is the next word (span 2)
  bool acronym = false;       // a word-list acronym the model lacks (ListedAcronyms)
  enum Form : uint8_t { kCased, kPieces, kCapital, kCompound, kSpacedSurface, kPartwise };
  Form form = kCased;         // how it is written (SentencePass::Written)
};

// `word` (parts joined by hyphens, as many as `original` has) written part
// by part in the case of the original's parts (High-Strebt -> High-Street).
std::string MatchCasePartwise(std::string_view original, std::string_view word) {
  std::string out;
  size_t a = 0, b = 0;
  while (a <= original.size() && b <= word.size()) {
    const size_t ea = std::min(original.find('-', a), original.size()), eb = std::min(word.find('-', b), word.size());
    out += MatchCase(original.substr(a, ea - a), word.substr(b, eb - b));
    if (ea == original.size() || eb == word.size()) break;
    out += '-';
    a = ea + 1, b = eb + 1;
  }
  return out;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The keyboard channel, for typed text: one slip of a typist, a key next to
// the right one (qord -> word) or two letters swapped (hte -> the), at
// log10 p kKeyboardSlip. `f` gets each variant of the lower-case ASCII `w`.
constexpr double kKeyboardSlip = -5.0;
// A word-list acronym that the model lacks, proposed for a vowel-less
// unknown word of at most kMaxAcronym letters one slip away in a quiet text
// (ListedAcronyms), is favoured by this much (log10) over other unknown
// spellings: the list vouches for it as the language model cannot. On the
// training splits it changes one word (MBS. -> MBA., both wrong); without
// the vowel and quiet-text tests OCR misreads became acronyms (uip -> UPI,
// poo -> PLO): BLN600 21.20% -> 20.92% CER removed, monographs -0.12.
constexpr double kListedAcronym = 6.0;
constexpr size_t kMaxAcronym = 5;

void KeyboardSlips(const std::string& w, const std::function<void(const std::string&)>& f) {
  static const char* const kNear[26] = {"qwsz", "vghn", "xdfv", "serfcx", "wrsd", "drtgvc", "ftyhbv", "gyujnb",
                                        "uojk", "huikmn", "jiolm", "kop", "njk", "bhjm", "ipkl", "ol",
                                        "wa", "etdf", "awedxz", "ryfg", "yihj", "cfgb", "qeas", "zsdc",
                                        "tugh", "asx"};
  if (w.size() < 3 || w.size() > 12) return;
  for (char c : w)
    if (c < 'a' || c > 'z') return;
  std::string v = w;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == w[i + 1]) continue;
    std::swap(v[i], v[i + 1]);
    f(v);
    std::swap(v[i], v[i + 1]);
  }
  for (size_t i = 0; i < w.size(); ++i) {
    for (const char* n = kNear[w[i] - 'a']; *n; ++n) {
      v[i] = *n;
      f(v);
    }
    v[i] = w[i];
  }
}

// `cand` is `word` with one or more hyphens put in.
bool OnlyAddsHyphens(std::string_view cand, std::string_view word) {
  if (cand.size() <= word.size()) return false;
  size_t i = 0;
  for (char c : cand)
    if (c != '-' && (i >= word.size() || word[i++] != c)) return false;
  return i == word.size();
}

// Whether `word` is the British spelling of `cand`: -ise for -ize
// (authorised, apologises, organisation) or -our for -or (colour, honour).
// A variant, not a misread; the model and the word list know American
// forms better. Training splits: monographs 22.29% -> 22.31% CER removed
// (968 -> 965 words broken), periodicals 3,025 -> 3,023 broken, BLN600
// unchanged.
bool BritishSpelling(std::string_view cand, std::string_view word) {
  size_t i = 0;
  while (i < cand.size() && i < word.size() && cand[i] == word[i]) ++i;
  if (i == 0 || i >= word.size() || i >= cand.size()) return false;
  if (word[i] == 's' && cand[i] == 'z' && word[i - 1] == 'i') return word.substr(i + 1) == cand.substr(i + 1);
  return word[i] == 'u' && cand[i] == 'r' && word[i - 1] == 'o' && word.substr(i + 1) == cand.substr(i);
}

// `w` (ASCII) with a space before each offset of `at`.
std::string SpacedAt(std::string_view w, const std::vector<uint32_t>& at) {
  std::string out;
  size_t from = 0;
  for (uint32_t k : at) out.append(w.substr(from, k - from)).push_back(' '), from = k;
  return out.append(w.substr(from));
}

// Whether s holds nothing but spaces (or nothing).
bool OnlySpaces(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// A historical spelling: an ASCII word (lower case) one of whose modern
// readings is a word seen at least `min_count` times. In an Early Modern
// text it is not an error.
bool HistoricalSpelling(const std::string& w, const Model& m, uint64_t min_count = kHistoricalMinCount) {
  if (!IsAscii(w)) return false;
  for (const std::string& v : ModernReadings(w))
    if (uint32_t id = m.Find(v); id != Model::kUnknown && m.Count(id) >= min_count) return true;
  return false;
}

// A digit 1 at s[i] alone after a space, a line break, a quotation mark or
// the start, with one space or line break before a lower-case letter (1 was,
// 1 could): the pronoun I as some books' OCR reads it.
bool LoneOneAt(std::string_view s, size_t i) {
  if (s[i] != '1' || i + 2 >= s.size() || (s[i + 1] != ' ' && s[i + 1] != '\n')) return false;
  const char before = i == 0 ? '\n' : s[i - 1];
  return (before == ' ' || before == '\n' || before == '\'' || before == '"') && repair::IsAsciiLower(s[i + 2]);
}

// How often a text uses each word (ASCII case folded; a word is a run of
// letters, apostrophes and hyphens, without the marks at its ends), counted
// in one pass the first time a decision asks: most chunks need it, and one
// pass is cheaper than a scan per word asked. Also the share of those word
// occurrences the model does not know: how noisy the text is.
class DocWords {
 public:
  explicit DocWords(std::string_view text) : text_(text) {}
  // The share of the text's word occurrences, other than those of `word`
  // (an unknown word), that the model does not know: how noisy the text
  // around it is. With `prior`, kPriorWords occurrences at kNoisyShare are
  // added, so that a short text (one sentence) is not taken for a clean one
  // on the evidence of a few words: OCR is what emend is given.
  double UnknownShare(const Model& m, std::string_view word, bool prior) {
    if (!counted_) CountAll();
    if (!unknown_counted_) CountIds(m);
    const size_t own = std::min(Count(word), unknown_);
    const double w = prior ? kPriorWords : 0;
    return all_ > own || prior ? (double(unknown_ - own) + kNoisyShare * w) / (double(all_ - own) + w) : 0.0;
  }
  size_t Count(std::string_view word) {
    if (!counted_) CountAll();
    auto it = counts_.find(word);
    return it == counts_.end() ? 0 : it->second;
  }
  // Count(m.Word(id)) for a word the model knows (id not Model::kUnknown),
  // from a table by id: no string hashed per candidate weighed.
  size_t CountKnown(const Model& m, uint32_t id) {
    if (!counted_) CountAll();
    if (!unknown_counted_) CountIds(m);
    for (size_t h = Slot(id);; h = (h + 1) & (by_id_.size() - 1)) {
      if (by_id_[h].first == id) return by_id_[h].second;
      if (by_id_[h].first == Model::kUnknown) return 0;
    }
  }
  // How often the text has a lone 1 before a lower-case word (1 was, 1 could;
  // narrower than LoneOneAt: not after an apostrophe, nor before a line break).
  size_t LoneOnes() {
    if (!counted_) CountAll();
    return ones_;
  }

 private:
  static bool IsLetterByte(char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }
  static bool IsInner(char c) { return c == '\'' || c == '-'; }
  // The share of unknown occurrences, and the table of CountKnown (open
  // addressing, at most half full; a free slot holds Model::kUnknown).
  void CountIds(const Model& m) {
    unknown_counted_ = true;
    by_id_.assign(std::bit_ceil(2 * counts_.size() + 2), {Model::kUnknown, 0});
    for (const auto& [w, n] : counts_) {
      const uint32_t id = m.Find(w);
      all_ += n;
      if (id == Model::kUnknown) { unknown_ += n; continue; }
      size_t h = Slot(id);
      while (by_id_[h].first != Model::kUnknown) h = (h + 1) & (by_id_.size() - 1);
      by_id_[h] = {id, n};
    }
  }
  size_t Slot(uint32_t id) const { return (uint64_t{id} * 0x9E3779B97F4A7C15ull >> 40) & (by_id_.size() - 1); }
  void CountAll() {
    counted_ = true;
    lower_ = text::ApostrophesToAscii(text::Lower(text_));  // as the tokens spell them
    const std::string_view l = lower_;
    for (size_t i = 0; i < l.size();) {
      size_t j = i;
      while (j < l.size() && (IsLetterByte(l[j]) || IsInner(l[j]))) ++j;
      size_t b = i, e = j;
      while (b < e && IsInner(l[b])) ++b;
      while (e > b && IsInner(l[e - 1])) --e;
      if (e > b) ++counts_[l.substr(b, e - b)];
      i = j == i ? i + 1 : j;
    }
    for (size_t i = text_.find('1'); i != std::string_view::npos; i = text_.find('1', i + 1))
      ones_ += LoneOneAt(text_, i) && text_[i + 1] == ' ' && (i == 0 || text_[i - 1] != '\'');
  }
  std::string_view text_;
  bool counted_ = false;
  std::string lower_;
  std::unordered_map<std::string_view, size_t> counts_;
  bool unknown_counted_ = false;
  std::vector<std::pair<uint32_t, size_t>> by_id_;  // CountKnown's table
  size_t all_ = 0, unknown_ = 0, ones_ = 0;
};

// A known word the text uses again and again, for which it never uses the
// candidate, is the text's own spelling (shew, Capo), not a misread: a
// misread is sporadic, and the text would show the word it stands for.
constexpr size_t kOwnSpellingUses = 3;

// AdaptedPairs: how often, and in what share of the word's uses, a text
// must correct a known word to the same word; and how much of the
// real-word margin the word's other uses are then spared. Training splits:
// ICDAR monographs 21.98% -> 22.11% CER removed (966 -> 968 words broken:
// one book's OCR read but as hut 69 times, the first pass mended 40),
// periodicals 5.42% -> 5.46% (3,025 either way), BLN600 unchanged (its
// units are sentences). A margin of 1.5 gave 22.15% for 970 broken (a
// shepherd's hut, a dialect's heerd); without the ratio, shew -> show in a
// book that spells shew.
constexpr size_t kAdaptedMin = 3;
constexpr double kAdaptedShare = 0.25;
constexpr double kAdaptedRatio = 2.0;  // the correction used this many times as often as the word, at least
constexpr double kAdaptedMargin = 1.0;
// The same for a non-word's correction (thé -> the, candie -> candle): the
// correction's bonus (log10) where the text makes it again and again.
// Training splits: monographs 22.11% -> 22.19% CER removed, periodicals
// 5.46% -> 5.48%, no word broken more; 1.0 gave 22.17%, 3.0 as 2.0.
constexpr double kAdaptedSpelling = 2.0;

// The channel candidates of `joined`, two tokens read as one word (a. b,
// a- b, a b): each path's word id and log10 P in the search's order (a word
// may come more than once), words seen kMinCandidateCount times; cached
// under the form and kJoinedKey. PeriodMayBreak, AddMisreadUnhyphenated and
// AddMisreadJoined share it.
std::shared_ptr<const CandidateCache::List> JoinedCandidates(const Model& m, const Channel& ch, const VocabTrie& trie,
                                                             CandidateCache* cache, const std::string& joined) {
  const std::string key = joined + kJoinedKey;
  if (std::shared_ptr<const CandidateCache::List> cached = cache->Find(key)) return cached;
  auto list = std::make_shared<CandidateCache::List>();
  ch.WordCandidates(ToU32(joined), 2, kSpellingMinRules, trie, [&](uint32_t id, double lp) {
    if (m.Count(id) >= kMinCandidateCount) list->words.emplace_back(id, lp);
  });
  cache->Put(key, list);
  return list;
}

// The suggestion just appended to *sug (a second weighing) takes the place
// of the token's first, so that suggestions agree with the edits; one the
// first pass did not list goes where its offset puts it (*sug is ordered by
// offset).
void Relist(std::vector<Suggestion>* sug) {
  Suggestion fresh = std::move(sug->back());
  sug->pop_back();
  auto it = std::lower_bound(sug->begin(), sug->end(), fresh.start,
                             [](const Suggestion& x, uint64_t start) { return x.start < start; });
  if (it != sug->end() && it->start == fresh.start) *it = std::move(fresh);
  else sug->insert(it, std::move(fresh));
}

class SentencePass {
 public:
  SentencePass(const Model& m, const Channel& ch, const VocabTrie& trie, const VocabTrie* frequent,
               const VocabTrie* common, std::string_view text, const std::vector<text::LmToken>& toks,
               const CorrectOptions& o, CandidateCache* cache, DocWords* doc)
      : m_(m), ch_(ch), trie_(trie), frequent_(frequent), common_(common ? *common : trie), text_(text), toks_(toks),
        o_(o), cache_(cache), doc_(doc) {
    ids_.push_back(Model::kSentenceStart);
    for (const text::LmToken& t : toks) ids_.push_back(m.Find(t.text));
    ids_.push_back(Model::kSentenceEnd);
    if (m.class_order() > 0) {
      cls_.push_back(Model::kSentenceStart);
      for (size_t k = 0; k < toks.size(); ++k) cls_.push_back(m.ClassOf(ids_[k + 1], toks[k].text));
      cls_.push_back(Model::kSentenceEnd);
    }
    lp_.resize(ids_.size());
    m.ScoreSequence(ids_.data(), ids_.size(), lp_.data());  // batched lookups
  }
  void Run(int rank, std::vector<edit::Proposal>* out, std::vector<Suggestion>* sug);
  bool Decide(size_t p, std::vector<Candidate> c, double threshold, double min_gain, int rank,
              std::vector<edit::Proposal>* out, std::vector<Suggestion>* sug);

 private:
  bool Protected(const text::LmToken& t) const;
  bool InAddressOrNumeral(const text::LmToken& t) const;
  bool NeedsCheck(size_t p) const;
  bool Vouched(size_t p) const;
  bool Misfits(size_t p) const;
  Candidate Original(size_t p) const;
  std::vector<Candidate> Generate(size_t p, bool all, bool merge = true) const;
  bool OneForI(size_t p) const;
  std::string Written(const Candidate& x, size_t p) const;
  std::vector<Candidate> GenerateI(size_t p) const;
  bool LlForD(size_t p) const;
  std::vector<Candidate> GenerateLl(size_t p) const;
  bool ScoreCandidates(size_t p, double min_gain, std::vector<Candidate>* c) const;
  void AddChannelCandidates(size_t p, bool known, std::vector<Candidate>* c) const;
  bool WideSearch(size_t p) const;
  bool InHeading(size_t p) const;
  bool PositionalCapital(size_t p) const;
  bool Sporadic(size_t p) const;
  bool Sure(size_t p, const std::vector<Candidate>& c, double norm, double threshold) const;
  bool SporadicCapitalised(size_t p) const;
  bool OnceAsLetters(size_t p) const;
  double OriginalBias(size_t p) const;
  double NoisyBias(size_t p) const;
  double Noise(size_t p, bool prior = false) const;
  // How far a word's channel search goes (the budget of its confusions).
  enum Width : char { kNarrow, kWide, kWider, kNoisyRealWord };
  // The least log10 P of a non-word's candidate's confusions at `width`.
  static double SpellingBudget(Width width) {
    return width == kWider ? kWiderSpellingMinRules : width == kWide ? kWideSpellingMinRules : kSpellingMinRules;
  }
  std::vector<std::pair<uint32_t, double>> ChannelCandidates(size_t p, bool known, Width width) const;
  std::vector<std::string> ListedAcronyms(const std::string& w) const;
  uint32_t SplitWord(std::u32string_view w) const;
  std::vector<CandidateCache::Split> Splits(const std::u32string& o) const;
  std::vector<CandidateCache::Split> MendedSplits(const std::u32string& o) const;
  bool PlainCase(size_t p) const;
  bool LeadingCapital(size_t p, uint32_t id) const;
  bool Capitalised(uint32_t id) const;
  bool UpperMisreadMidSentence(size_t p, std::string_view surface, const std::string& out) const;
  bool MixedCase(size_t p) const;
  bool ListedCapitalised(const std::string& w) const;
  double PriorFit(size_t p, const Candidate& x, uint32_t before, uint32_t after) const;
  void AddPriors(size_t p, const std::vector<Candidate>& c, double* first) const;
  bool GluedToAWord(size_t p) const;
  // `bonus` if the text corrects token p's word to x throughout (CorrectOptions::adapted), else 0.
  double Adapted(size_t p, const Candidate& x, double bonus) const {
    return o_.adapted && o_.adapted->count(toks_[p - 1].text + '\t' + x.text) ? bonus : 0.0;
  }
  // Whether the text corrects token p's word so throughout: then it is always checked.
  bool AdaptedWord(size_t p) const { return o_.adapted && o_.adapted->count(toks_[p - 1].text + '\t'); }
  void Segment(const std::string& w, std::vector<CandidateCache::Segmentation>* out) const;
  bool HyphenBreakAfter(size_t p) const;
  bool PeriodBreakAfter(size_t p) const;
  bool DebrisNeighbour(size_t p) const;
  bool TwoLetterDebris(size_t p) const;
  std::vector<std::pair<std::string, double>> MendedParts(const std::string& w, Width width, bool named) const;
  bool ApostrophePiece(size_t p) const;
  bool BrokenCapitals(size_t p) const;
  bool InCapitals(size_t p) const;
  void AddMerge(size_t p, std::vector<Candidate>* c) const;
  void AddUnknownJoined(size_t p, std::vector<Candidate>* c) const;
  void AddCompound(size_t p, std::vector<Candidate>* c) const;
  void AddDebris(size_t p, std::vector<Candidate>* c) const;
  bool DebrisAfter(const text::LmToken& prev, const text::LmToken& t) const;
  void AddLeadingDebris(std::vector<Candidate>* c) const;
  void AddMisreadUnhyphenated(const std::string& joined, std::vector<Candidate>* c) const;
  void AddMisreadJoined(size_t p, std::vector<Candidate>* c) const;
  void AddJoinedWord(uint32_t id, double channel, uint32_t kind, std::vector<Candidate>* c) const;
  void AddUnhyphenated(size_t p, std::vector<Candidate>* c) const;
  uint32_t WindowWord(const Candidate& x, size_t p, size_t end, size_t r) const;
  double Continue(Model::State st, size_t p, const Candidate& x, size_t end, double tail) const;
  bool ContinueAll(std::vector<Model::State>* st, size_t p, const std::vector<Candidate>& c, size_t end,
                   const std::function<bool(const std::vector<double>&)>& can_win, std::vector<double>* rest) const;
  double Tail(size_t from, size_t end) const;
  double ClassWindow(size_t p, uint32_t c) const;
  double ClassBonus(size_t p, const Candidate& x, double* original) const;
  double SeenBonus(size_t p, const Candidate& x) const;
  void Rescore(size_t from);

  const Model& m_;
  const Channel& ch_;
  const VocabTrie& trie_;
  const VocabTrie* frequent_;  // may be null
  const VocabTrie& common_;    // the three-confusion search's words
  std::string_view text_;
  const std::vector<text::LmToken>& toks_;
  const CorrectOptions& o_;
  CandidateCache* cache_;
  DocWords* doc_;
  std::vector<uint32_t> ids_;  // <s> tokens </s>; token i is ids_[i + 1]
  std::vector<double> lp_;     // lp_[k] = log10 p(ids_[k] | the ids before it), kept up to date with ids_
  std::vector<uint32_t> cls_;  // the class of each ids_[k] (empty without a class model)
};

// A known short word, or one in -in, that ends on an apostrophe: an elision
// the writer made (th', t', yo', an', goin'), not a misread of the full word.
// (An unknown one, tb', is more often a misread with a stray mark.)
bool Elided(std::string_view text, const text::LmToken& t) {
  std::string_view rest = text.substr(t.end);
  const size_t n = repair::ApostropheAt(rest, 0);
  if (n == 0 || (rest.size() > n && std::isalpha(static_cast<unsigned char>(rest[n])))) return false;
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  return w.size() <= 3 || w.ends_with("in");
}

// A writer's elision, not a misread: one apostrophe inside the word that
// stands for an e of a word the model knows (fail'd, stoop'd, ling'ring),
// or the n't of one it knows set a letter early (did'nt, would'nt).
bool WritersElision(const std::string& w, const Model& m) {
  const size_t k = w.find('\'');
  if (k == std::string::npos || k == 0 || k + 1 >= w.size() || w.find('\'', k + 1) != std::string::npos) return false;
  if (w[k - 1] == 'e' || w[k + 1] == 'e') return false;  // th'e is a speck in the, not an elision of thee
  std::string e = w;
  e[k] = 'e';
  if (m.Find(e) != Model::kUnknown) return true;
  return w.ends_with("'nt") && w.size() > 3 && m.Find(w.substr(0, w.size() - 3) + "n't") != Model::kUnknown;
}


// A token with digits is a number or a code (1850, 19th, 6d., CO2, A4, B12)
// unless it starts with a letter and has two small letters or four letters
// in all: go6ds, sh0, b1reathing, SOUT11A3FPTON are misread words (on the
// BLN600 training split all 589 tokens that start with a letter and hold a
// digit differ from the gold); or it is one digit and then three letters or
// more, two of them small, as in 6ame, 4rial, 1portion (an ordinal, 21st,
// 4th, or a size, 12mo, has fewer). Training splits, the digit first
// (session 21): BLN600 25.63% -> 25.67% CER removed (one more word broken),
// monographs 21.81% -> 21.85%, periodicals 5.02% -> 5.03%.
bool LooksNumeric(std::string_view w) {
  if (!HasDigit(w)) return false;
  if (w.empty()) return true;
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto small = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  if (!letter(w[0])) {
    const std::string_view rest = w.substr(1);
    return !std::isdigit(static_cast<unsigned char>(w[0])) || !std::all_of(rest.begin(), rest.end(), letter) ||
           rest.size() < 3 || std::count_if(rest.begin(), rest.end(), small) < 2;
  }
  const auto letters = std::count_if(w.begin(), w.end(), letter);
  return std::count_if(w.begin(), w.end(), small) < 2 && letters < 4;
}

// Whether token t is part of a web or mail address or a path
// (www.example.com: three tokens), or of a run the numeral pass mends
// (lOs., Is. 6d.), which that pass owns.
bool SentencePass::InAddressOrNumeral(const text::LmToken& t) const {
  const std::string_view run = repair::RunAround(text_, t.begin);
  const size_t b = static_cast<size_t>(run.data() - text_.data());
  size_t core_b = 0, core_e = 0;
  return repair::LooksLikeAddress(run) || !repair::MendNumeral(text_, b, b + run.size(), &core_b, &core_e).empty();
}

bool SentencePass::Protected(const text::LmToken& t) const {
  const std::string_view surface = text_.substr(t.begin, t.end - t.begin);
  if (!t.is_word || LooksNumeric(surface) || t.text.size() > 40) return true;
  if (InAddressOrNumeral(t)) return true;
  if (o_.lexicon && o_.lexicon->count(t.text)) return true;
  if (o_.protect) {
    for (const std::regex& r : *o_.protect)
      if (std::regex_match(surface.begin(), surface.end(), r)) return true;
  }
  return false;
}

// Known words that fit their context are left alone without candidates.
bool SentencePass::NeedsCheck(size_t p) const {
  uint32_t id = ids_[p];
  if (id == Model::kUnknown && AdaptedWord(p)) return true;
  if (id == Model::kUnknown) {
    const std::string& w = toks_[p - 1].text;
    if (Vouched(p)) return false;
    // Training splits: monographs 950 -> 943 words broken, periodicals 2,948
    // -> 2,944, BLN600 unchanged.
    if (WritersElision(w, m_)) return false;
    // Only an Early Modern text spells so; elsewhere vpon or forthe is a misread.
    return !(o_.early_modern && HistoricalSpelling(w, m_));
  }
  if (!o_.real_word || m_.Count(id) == 0 || Elided(text_, toks_[p - 1])) return false;
  return Misfits(p) || AdaptedWord(p);
}

// Whether the word list vouches for unknown token p (a rare word the
// corpus lacks): not for a lower-case token it lists only with capitals
// (ir, mn: Ir and Mn are symbols), nor for one of three letters or fewer
// (ie, ht, ia): such tokens are misreads far more often (ir for in).
// Training splits: BLN600 24.07% -> 24.28% CER removed (240 words broken
// either way), monographs 21.60% -> 21.68% (948 -> 950), periodicals 4.64%
// -> 4.77% (2,961 -> 2,979: mostly words the gold keeps split at a line
// end, hus band, joined); up to two letters 24.23%, up to four 24.32% for
// 6 more monograph and 16 more periodical words broken.
bool SentencePass::Vouched(size_t p) const {
  const std::string& w = toks_[p - 1].text;
  if (!o_.wordlist || !o_.wordlist->Contains(w) || ToU32(w).size() <= 3) return false;
  return !repair::IsAsciiLower(text_[toks_[p - 1].begin]) || !o_.wordlist->CasedForm(w);
}

// Known word p or the word after it is unlikely in its context (the right
// context too: "will he filled" only fails at "filled").
bool SentencePass::Misfits(size_t p) const {
  return lp_[p] < kFitsContext || (p + 1 < ids_.size() && lp_[p + 1] < kFitsContext);
}

// The words of candidate `x`'s window after its first: its other words,
// then the tokens after the span it replaces, up to `end` (an original
// position, the same for every candidate of a decision, so that all cover
// the same text) but not past the last token its words are context for
// (order()-1 after the span); later ones score the same for every candidate
// of a span (the `tail`). The r-th such word, or kNone after the last.
uint32_t SentencePass::WindowWord(const Candidate& x, size_t p, size_t end, size_t r) const {
  if (r + 1 < x.ids.size()) return x.ids[r + 1];
  const size_t k = p + x.span + (r + 1 - x.ids.size());
  return k < std::min(end, p + x.span + static_cast<size_t>(m_.order() - 1)) ? ids_[k] : kNone;
}

// LM score of the rest of candidate `x`'s window, each word given its
// context; `st` is the state after its first word.
double SentencePass::Continue(Model::State st, size_t p, const Candidate& x, size_t end, double tail) const {
  double lp = 0;
  uint32_t w;
  for (size_t r = 0; (w = WindowWord(x, p, end, r)) != kNone; ++r) lp += m_.Score(st, w, &st);
  return lp + tail;
}

// Continue for candidates 1.. of `c` at once into `rest` (rest[0] is left
// 0): `(*st)[i]` is the state after candidate i's first word (and is moved
// along by each word scored). Round r scores the
// r-th word after the first of every candidate that has one, as one batch.
// Since later rounds only add terms <= 0, the search stops (false) after a
// round that leaves `can_win(rest)` false.
bool SentencePass::ContinueAll(std::vector<Model::State>* st, size_t p, const std::vector<Candidate>& c, size_t end,
                               const std::function<bool(const std::vector<double>&)>& can_win,
                               std::vector<double>* rest) const {
  rest->assign(c.size(), 0.0);
  thread_local std::vector<double> lp;  // per-thread buffers, reused by every decision
  thread_local std::vector<Model::State> in;
  thread_local std::vector<uint32_t> words;
  thread_local std::vector<size_t> who;
  for (size_t r = 0;; ++r) {
    in.clear(), words.clear(), who.clear();
    for (size_t i = 1; i < c.size(); ++i)
      if (uint32_t w = WindowWord(c[i], p, end, r); w != kNone) in.push_back((*st)[i]), words.push_back(w), who.push_back(i);
    if (who.empty()) return true;
    lp.resize(who.size());
    m_.ScoreBatch(in.data(), words.data(), who.size(), lp.data(), in.data());
    for (size_t j = 0; j < who.size(); ++j) (*rest)[who[j]] += lp[j], (*st)[who[j]] = in[j];
    if (!can_win(*rest)) return false;
  }
}

// Sum of the original's log10 p over [from, end).
double SentencePass::Tail(size_t from, size_t end) const {
  double lp = 0;
  for (size_t k = from; k < end; ++k) lp += lp_[k];
  return lp;
}

// The class model's log10 p of positions p .. p + class_order() - 1 with
// class `c` at p (the classes before p as context).
double SentencePass::ClassWindow(size_t p, uint32_t c) const {
  const size_t co = static_cast<size_t>(m_.class_order());
  const size_t from = p >= co - 1 ? p - (co - 1) : 0, to = std::min(cls_.size(), p + co);
  uint32_t w[2 * model::kMaxOrder];
  for (size_t k = from; k < to; ++k) w[k - from] = k == p ? c : cls_[k];
  double lp = 0;
  for (size_t k = p; k < to; ++k) lp += m_.ClassLogProb(w, k - from, w[k - from]);
  return lp;
}

// For a real-word candidate between two words that are their own classes
// (he -> be; not hoarding -> boarding, nor lie -> he): kClassWeight x how
// much likelier the class model finds the sequence with it, where the word
// model has backed off ("will inevitably be filled" is unseen, "will <ly> be
// <ed>" is common). `original` caches the original's window. Only these
// pairs: over words with a large class (names, -ed) the bonus broke far more
// than it fixed on the training splits.
double SentencePass::ClassBonus(size_t p, const Candidate& x, double* original) const {
  if (cls_.empty() || x.kind != kRealWord || x.ids.size() != 1) return 0;
  const uint32_t c = m_.ClassOf(x.ids[0], x.text);
  if (c == cls_[p] || c >= model::kCapitalisedClass || cls_[p] >= model::kCapitalisedClass) return 0;
  // A lone letter (o, i, I) is mostly OCR debris; its class says little
  // (training splits: ICDAR monographs 10 fewer words broken, BLN600 none more).
  if (x.text.size() < 2 || toks_[p - 1].text.size() < 2) return 0;
  if (std::isnan(*original)) *original = ClassWindow(p, cls_[p]);
  return kClassWeight * (ClassWindow(p, c) - *original);
}

// kSeenInText for a one-word candidate of a lower-case unknown word that
// the text uses twice or more; 0 otherwise.
double SentencePass::SeenBonus(size_t p, const Candidate& x) const {
  if (x.kind == 0 || x.ids.size() != 1 || ids_[p] != Model::kUnknown) return 0;
  if (repair::IsAsciiUpper(text_[toks_[p - 1].begin])) return 0;
  const bool word = x.ids[0] != Model::kUnknown && x.text == m_.Word(x.ids[0]);
  return (word ? doc_->CountKnown(m_, x.ids[0]) : doc_->Count(x.text)) >= 2 ? kSeenInText : 0;
}

// After ids_[from] changed: the positions whose context holds it.
void SentencePass::Rescore(size_t from) {
  const size_t to = std::min(ids_.size(), from + static_cast<size_t>(m_.order()));
  for (size_t k = from; k < to; ++k) lp_[k] = m_.LogProb(ids_.data(), k, ids_[k]);
}

// An unknown word that does not start with a capital, or a word of a
// heading in capitals (InHeading), or one whose capital only marks the
// sentence's start (PositionalCapital), outside an Early Modern passage,
// gets the wider search (kWideSpellingMinRules) and, used once, the bias of
// a Sporadic word: misreads of common words with two or three errors
// (morIiieg, engegemenrts, VIOLMINT, Daepising). Names and the spellings of
// old texts keep the narrower one, which also keeps the cost down (names
// are most of a newspaper's unknown words). Heading words: BLN600 training
// split 23.66% -> 23.74% CER removed (one more word broken), monographs and
// periodicals unchanged. So does a word that mixes cases as no name does
// (MixedCase: MIr, TIhe, SaHsbury): training splits BLN600 27.00% ->
// 27.10% CER removed (263 words broken either way), monographs 21.96% ->
// 21.97%, periodicals 5.36% -> 5.38%.
bool SentencePass::WideSearch(size_t p) const {
  if (ids_[p] != Model::kUnknown || o_.early_modern) return false;
  return !repair::IsAsciiUpper(text_[toks_[p - 1].begin]) || InHeading(p) || PositionalCapital(p) ||
         MixedCase(p);
}

// Whether unknown token p mixes cases as no name does: a capital after its
// first letter, with a small letter in it (MIr, TIhe, WalHs, SaHsbury), but
// not after Mc, Mac or an O that lost its apostrophe (McCarthy, MacLeod,
// OConnor) nor an AE or OE for a ligature (AEgean, OEnone).
bool SentencePass::MixedCase(size_t p) const {
  const std::string_view w = text_.substr(toks_[p - 1].begin, toks_[p - 1].end - toks_[p - 1].begin);
  if (w.size() < 3 || !std::all_of(w.begin(), w.end(), repair::IsAsciiLetter)) return false;
  if (w.substr(0, 2) == "AE" || w.substr(0, 2) == "OE") return false;
  const size_t from = w.substr(0, 2) == "Mc" ? 3 : w.substr(0, 3) == "Mac" ? 4 : w[0] == 'O' ? 2 : 1;
  return std::any_of(w.begin(), w.end(), repair::IsAsciiLower) &&
         std::any_of(w.begin() + std::min(from, w.size()), w.end(), repair::IsAsciiUpper);
}

// Token p is the sentence's first word, with a capital first letter and
// not all in capitals: the capital says nothing of a name (Witnese,
// Refased, Prisonr, Daepising, DElSPERATh), unless a comma follows, as
// after a name in a list (Coltman, Lecluse,). Training splits: BLN600
// 24.48% -> 24.57% CER removed (249 -> 253 words broken: rare names read
// as words, Wakeling -> Wakening), monographs 21.76% and 951 broken either
// way, periodicals 4.82% -> 4.83% (2,991 -> 2,994); without the comma
// test 24.59% for 255 broken; the wide search alone, with a capitalised
// word's bias, 24.51%.
bool SentencePass::PositionalCapital(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  if (!repair::IsAsciiUpper(text_[t.begin]) || InCapitals(p)) return false;
  if (t.end < text_.size() && text_[t.end] == ',') return false;
  for (size_t k = 1; k < p; ++k)
    if (toks_[k - 1].is_word) return false;
  return true;
}

// Token p is a word of three letters or more in capitals beside another
// in capitals: a heading's word (ROBBEBY, MIDZDLSEX), seldom an acronym.
bool SentencePass::InHeading(size_t p) const {
  return InCapitals(p) && ToU32(toks_[p - 1].text).size() >= 3 && (InCapitals(p - 1) || InCapitals(p + 1));
}

// kUnknownBias, less kNoisyBiasDrop as the text's share of unknown words
// around token p goes from kQuietShare to kNoisyShare.
double SentencePass::NoisyBias(size_t p) const { return kUnknownBias - kNoisyBiasDrop * Noise(p, true); }

// 0 where the share of unknown words around token p is kQuietShare or less,
// 1 from kNoisyShare on, linear between; with `prior`, the share of a short
// text leans to kNoisyShare (kPriorWords).
double SentencePass::Noise(size_t p, bool prior) const {
  const double share = doc_->UnknownShare(m_, toks_[p - 1].text, prior);
  return std::clamp((share - kQuietShare) / (kNoisyShare - kQuietShare), 0.0, 1.0);
}

// An unknown word that gets NoisyBias: one WideSearch gives (lower case, a
// heading's, or capitalised only as a sentence's first word; outside Early
// Modern text), of letters only (not work'd, re-member, nor an elision,
// everythin'), used once in the text (a writer's own spelling, smert or
// wur, comes again; a misread seldom does).
bool SentencePass::Sporadic(size_t p) const {
  return WideSearch(p) && !Elided(text_, toks_[p - 1]) && OnceAsLetters(p);
}

// Token p has no ' or - and the text uses it once.
bool SentencePass::OnceAsLetters(size_t p) const {
  const std::string& w = toks_[p - 1].text;
  return w.find_first_of("'-") == std::string::npos && doc_->Count(w) < 2;
}

// Whether token p is written mostly in capitals with a small letter among
// them (CAnDIFF, SoNS, CHOrED): a word in capitals misread.
bool SentencePass::BrokenCapitals(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  size_t upper = 0, lower = 0;
  for (size_t k = t.begin; k < t.end; ++k) {  // (an I or L is often an l misread: AIl, WeLL)
    upper += repair::IsAsciiUpper(text_[k]) && text_[k] != 'I' && text_[k] != 'L';
    lower += repair::IsAsciiLower(text_[k]);
  }
  if (t.end - t.begin < 3 || lower == 0 || upper <= lower) return false;
  // Capitals from its second letter on, or beside a word in capitals (TiE
  // STRANGE; not TeH for Tell in lower-case text).
  return repair::IsAsciiUpper(text_[t.begin + 1]) || InCapitals(p - 1) || InCapitals(p + 1);
}

// Whether token p (1-based; false outside the sentence) is a word of two
// letters or more written in capitals.
bool SentencePass::InCapitals(size_t p) const {
  if (p < 1 || p > toks_.size() || !toks_[p - 1].is_word) return false;
  const text::LmToken& t = toks_[p - 1];
  size_t upper = 0;
  for (size_t k = t.begin; k < t.end; ++k) {
    if (repair::IsAsciiLower(text_[k])) return false;
    upper += repair::IsAsciiUpper(text_[k]);
  }
  return upper >= 2;
}

// A capitalised unknown word (Londoen, not an all-capitals one) that is
// otherwise like a Sporadic word: not in Early Modern text, no ' or -, used
// once in the text.
bool SentencePass::SporadicCapitalised(size_t p) const {
  if (ids_[p] != Model::kUnknown || o_.early_modern || WideSearch(p)) return false;
  const size_t b = toks_[p - 1].begin;
  if (toks_[p - 1].end - b > 1 && repair::IsAsciiUpper(text_[b + 1])) return false;  // LONDOEN, an acronym
  return OnceAsLetters(p);
}

// A word whose last hyphen comes before a suffix that is no word of its own
// (foot-ing, uncleanli-ness, arrange-ment): a line-break hyphen kept inside
// a line, never a compound, so its spelling gets no bias over the joined
// word (AddUnhyphenated). Training splits: ICDAR monographs 20.56% ->
// 20.67% CER removed (33 words better, none worse), BLN600 unchanged,
// periodicals 3 more words broken (their gold keeps such hyphens).
bool SuffixAfterHyphen(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"ing", "ings", "ingly", "ness", "ment", "ments", "tion", "tions",
                                                   "ation", "ations", "ly", "edly", "fully", "ity", "ance", "ence", "ous"};
  const size_t h = w.rfind('-');
  if (h == std::string_view::npos || h == 0) return false;
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), w.substr(h + 1)) != std::end(kSuffixes);
}

// How much an unknown word's own spelling is favoured: none for a word
// split before a suffix (SuffixAfterHyphen); kUnknownBias, less with the
// text's noise for a sporadic word (NoisyBias), less by up to
// kNoisyCapitalBiasDrop for a sporadic capitalised one.
double SentencePass::OriginalBias(size_t p) const {
  if (SuffixAfterHyphen(toks_[p - 1].text)) return 0;
  if (Sporadic(p)) return NoisyBias(p);
  if (SporadicCapitalised(p)) return kUnknownBias - kNoisyCapitalBiasDrop * Noise(p);
  return o_.early_modern_spelled && ids_[p] == Model::kUnknown ? kUnknownBias + kEarlyModernBias : kUnknownBias;
}

void SentencePass::AddChannelCandidates(size_t p, bool known, std::vector<Candidate>* c) const {
  const std::string& word = toks_[p - 1].text;
  // Each width cached apart (an unknown word: WideSearch, then a sporadic
  // word of a noisy text; a known word: a noisy text).
  const Width width = known ? (Noise(p) >= kWiderNoise ? kNoisyRealWord : kNarrow)
                            : !WideSearch(p) ? kNarrow : Sporadic(p) && Noise(p, true) >= kWiderNoise ? kWider : kWide;
  // A compound written with a capital may start with names the model lacks
  // (MendedParts); cached apart too.
  const bool named =
      !known && word.find('-') != std::string::npos && repair::IsAsciiUpper(text_[toks_[p - 1].begin]);
  const std::string key = (width != kNarrow ? word + char(width) : word) + (named ? std::string(1, kNamedKey) : "");
  std::shared_ptr<const CandidateCache::List> cached = cache_->Find(key);
  if (!cached) {
    auto list = std::make_shared<CandidateCache::List>();
    list->words = ChannelCandidates(p, known, width);
    if (!known) list->splits = Splits(ToU32(word));
    if (!known) Segment(word, &list->segmentations);
    if (!known) list->acronyms = ListedAcronyms(word);
    if (!known) list->mended = MendedSplits(ToU32(word));
    if (!known) list->parts = MendedParts(word, width, named);
    cached = list;
    cache_->Put(key, cached);
  }
  c->reserve(c->size() + cached->words.size() + cached->splits.size() + 4);
  // Beside an unknown word (a misread or a name) the context says little
  // about a known word, so only the commonest words are weighed against it
  // (tho -> the, aud -> and). Training splits: ICDAR monographs 20.92% ->
  // 20.94% CER removed (1,040 -> 1,034 words broken), periodicals 4.21% ->
  // 4.24%, BLN600 unchanged; 10,000 and 100,000 gave the same within 0.01.
  const bool beside_unknown = known && (ids_[p - 1] == Model::kUnknown || ids_[p + 1] == Model::kUnknown);
  const uint64_t min_count = beside_unknown ? kBesideUnknownCount : 0;
  for (const auto& [id, lp] : cached->words)
    if (m_.Count(id) >= min_count) c->push_back({{id}, std::string(m_.Word(id)), lp, 0, known ? kRealWord : kSpelling, 1});
  // Only in a quiet text: in noisy OCR a vowel-less misread is seldom a typed acronym.
  if (!cached->acronyms.empty() && Noise(p, true) == 0) {
    for (const std::string& a : cached->acronyms) {
      Candidate y{{Model::kUnknown}, a, kKeyboardSlip, 0, kSpelling, 1};
      y.form = Candidate::kCapital;
      y.acronym = true;
      c->push_back(std::move(y));
    }
  }
  for (const auto& part : cached->parts) {
    const std::string& text = part.first;  // (a lambda may not capture a structured binding in clang 15)
    const double lp = part.second;
    const uint32_t id = m_.Find(text);
    // A compound the model knows may be a candidate already (the whole
    // word's search): one candidate, its best channel.
    auto same = std::find_if(c->begin() + 1, c->end(), [&](const Candidate& x) { return x.span == 1 && x.text == text; });
    if (same != c->end()) { same->channel = std::max(same->channel, lp); continue; }
    Candidate y{{id}, text, lp, 0, kSpelling, 1};
    y.form = Candidate::kPartwise;
    c->push_back(std::move(y));
  }
  if (o_.split_merge && !o_.early_modern && PlainCase(p))
    for (const CandidateCache::Split& x : cached->mended)
      c->push_back({{x.a, x.b}, std::string(m_.Word(x.a)) + " " + std::string(m_.Word(x.b)), x.log10p, 0, kSplit, 1});
  if (!o_.split_merge || (cached->splits.empty() && cached->segmentations.empty())) return;
  const std::u32string o = ToU32(word);
  for (const CandidateCache::Split& x : cached->splits)
    c->push_back({{x.a, x.b}, ToUtf8(o.substr(0, x.at)) + " " + ToUtf8(o.substr(x.at + x.skip)), x.log10p, 0, kSplit, 1});
  for (const CandidateCache::Segmentation& x : cached->segmentations) {
    Candidate y{Ids(x.words), SpacedAt(word, x.at), x.log10p, 0, kSplit, 1};
    y.form = Candidate::kSpacedSurface;
    c->push_back(std::move(y));
  }
}

// The channel candidates of token p (its word ids and best path log10 P).
std::vector<std::pair<uint32_t, double>> SentencePass::ChannelCandidates(size_t p, bool known, Width width) const {
  const std::string& word = toks_[p - 1].text;
  // The channel score of a candidate is its best derivation (the maximum over
  // the paths that reach it), which is what the weighted edit distance gives.
  std::vector<std::pair<uint32_t, double>> list;
  const bool ascii = IsAscii(word);
  auto add = [&](uint32_t id, double lp) {
    if (id == ids_[p]) return;
    // An accented spelling of a known plain word is a variant, not a correction (Hotel, Hôtel).
    if (known && ascii && !IsAscii(m_.Word(id))) return;
    // So is a compound the writer closed up (northwest, pressgang -> press-gang).
    if (OnlyAddsHyphens(m_.Word(id), word) || BritishSpelling(m_.Word(id), word)) return;
    list.emplace_back(id, lp);  // repeats are merged below
  };
  // A known word one of whose modern readings is the candidate (meanes,
  // murdred, vntimely) is a historical spelling the corpus attests, not a
  // misread of its modern form.
  // (Worked out only once the search finds a candidate.)
  std::optional<std::vector<std::string>> modern;
  auto add_unless_modern = [&](uint32_t id, double lp) {
    if (known && ascii && !modern) modern = ModernForms(word);
    if (!modern || std::find(modern->begin(), modern->end(), m_.Word(id)) == modern->end()) add(id, lp);
  };
  const double budget = width == kNoisyRealWord ? kNoisyRealWordMinRule : known ? kRealWordMinRule : SpellingBudget(width);
  // A lost or added first letter (nman, ollapse) only in the wide searches:
  // lower-case unknown words outside Early Modern text, not names (San
  // Fiorenzo is no Lorenzo) nor known words (late is no plate). Training
  // splits: BLN600 21.77% -> 22.15% CER removed (232 words broken either
  // way), monographs and periodicals unchanged (2,946 -> 2,948 broken), for
  // 1.7% more instructions; with a second confusion after it 22.33% for 8.6%
  // more, and in every search the monographs lost 0.03 points (15 more
  // broken).
  const std::u32string o = ToU32(word);
  ch_.WordCandidates(o, known ? 1 : 2, budget, trie_, add_unless_modern, width == kWide || width == kWider);
  // A wide search that found nothing likelier than kThirdConfusionBelow
  // tries three confusions (kThirdConfusionMinRules): a misread of three
  // characters or more (sboermakur, aftlerrerds), in a word of
  // kThirdConfusionLength letters or more, among the common words only.
  if (width == kWide || width == kWider) {
    double best = -HUGE_VAL;
    for (const auto& [id, lp] : list) best = std::max(best, lp);
    if (best < kThirdConfusionBelow && o.size() >= kThirdConfusionLength)
      ch_.WordCandidates(o, 3, kThirdConfusionMinRules, common_, add_unless_modern, true);
  }
  // A rarer known word may be a misread of a frequent one by two confusions
  // (wag, riot, tire, stud for was, not, the, and): those are searched in
  // the small trie of frequent words.
  if (known && frequent_ && m_.Count(ids_[p]) < kRareRealWordCount && o.size() <= kFrequentMisreadLength)
    ch_.WordCandidates(o, 2, kFrequentWordMinRules, *frequent_, add_unless_modern, false);
  if (!known) KeyboardSlips(word, [&](const std::string& v) {
    if (uint32_t id = m_.Find(v); id != Model::kUnknown && m_.Count(id) >= kMinCandidateCount) add(id, kKeyboardSlip);
  });
  // A word found by several paths keeps its best: sorted by id, best first,
  // the first of each id kept. Then one order whatever order the search
  // found them in (most probable first).
  auto by_id = [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; };
  std::sort(list.begin(), list.end(), by_id);
  list.erase(std::unique(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             list.end());
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  return list;
}

// A hyphenated compound the model does not know, one of whose parts is no
// word while the others are (Cochrane-strebt, lodgfir-house,
// POLICE-SEBJEANT): the compound with that part replaced by each of its
// channel candidates seen kMendedPartCount times, with the candidate's
// channel log10 P. The part is searched as a word is (its width). In a
// `named` compound (written with a capital) the parts before an unknown
// last part may be names the model lacks (Argyll-etreet): training splits
// BLN600 27.10% -> 27.12% CER removed, periodicals 5.38% -> 5.41%, the
// monographs unchanged (one more word broken at a hyphen their gold keeps).
std::vector<std::pair<std::string, double>> SentencePass::MendedParts(const std::string& w, Width width,
                                                                     bool named) const {
  std::vector<std::pair<std::string, double>> out;
  if (w.find('-') == std::string::npos) return out;  // most words: no parts
  std::vector<std::string> parts;
  for (size_t b = 0, e; b <= w.size(); b = e + 1) {
    e = std::min(w.find('-', b), w.size());
    parts.push_back(w.substr(b, e - b));
  }
  if (parts.size() < 2 || parts.size() > 4) return out;
  std::vector<size_t> unknown;
  for (size_t k = 0; k < parts.size(); ++k) {
    const uint32_t id = m_.Find(parts[k]);
    if (id == Model::kUnknown || m_.Count(id) < kMendedPartCount) unknown.push_back(k);
  }
  // One unknown part; or, in a `named` compound (written with a capital),
  // an unknown last part after names the model lacks (Mandeville-strect).
  const bool last = named && !unknown.empty() && unknown.back() + 1 == parts.size();
  if (unknown.empty() || (unknown.size() > 1 && !last)) return out;
  const size_t bad = unknown.back();
  if (ToU32(parts[bad]).size() < 4) return out;  // a short one
  // Not a word the word list knows (smalt-blue), nor a line-break hyphen
  // kept inside a word the model knows joined (con-stable).
  if (o_.wordlist && o_.wordlist->Contains(parts[bad])) return out;
  std::string joined;
  for (const std::string& x : parts) joined += x;
  if (m_.Find(joined) != Model::kUnknown) return out;
  ch_.WordCandidates(ToU32(parts[bad]), 2, SpellingBudget(width), trie_, [&](uint32_t id, double lp) {
    if (m_.Count(id) < kMendedPartCount) return;
    std::string text;
    for (size_t k = 0; k < parts.size(); ++k) text += (k ? "-" : "") + (k == bad ? std::string(m_.Word(id)) : parts[k]);
    for (auto& [t, best] : out)
      if (t == text) { best = std::max(best, lp); return; }
    out.emplace_back(std::move(text), lp);
  });
  return out;
}

// The acronyms of the word list (written only in capitals: KGB, NATO) that
// the model lacks and that unknown word `w`, of at most kMaxAcronym letters
// and no vowel (so no English word), is one typist's slip from (kfb ->
// KGB): typed text's misspelt acronyms, which the model cannot propose.
std::vector<std::string> SentencePass::ListedAcronyms(const std::string& w) const {
  std::vector<std::string> out;
  if (!o_.wordlist || w.size() > kMaxAcronym) return out;
  if (w.find_first_of("aeiouy") != std::string::npos) return out;
  KeyboardSlips(w, [&](const std::string& v) {
    const std::string* cased = o_.wordlist->CasedForm(v);
    if (cased && *cased == text::Upper(v) && m_.Find(v) == Model::kUnknown &&
        std::find(out.begin(), out.end(), v) == out.end())
      out.push_back(v);
  });
  return out;
}

// An apostrophe read for a lost space (to'get, part'of), unless it starts
// a clitic ('s, 't, 'll ...), where it is the writer's. (A hyphen read so,
// him-to, is not split: on the ICDAR monograph training split that broke
// 168 more words, mostly the compounds of old books.)
bool MarkForSpace(std::u32string_view o, size_t k) {
  if (o[k] != U'\'') return false;
  std::u32string_view rest = o.substr(k + 1);
  for (std::u32string_view clitic : {U"s", U"t", U"d", U"ll", U"re", U"ve", U"m", U"em"})
    if (rest == clitic) return false;
  return true;
}

// Token p is written in lower case, or with only its first letter a capital.
bool SentencePass::PlainCase(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  const std::string_view surface = text_.substr(t.begin, t.end - t.begin);
  return surface.empty() || std::none_of(surface.begin() + 1, surface.end(), repair::IsAsciiUpper);
}

// Splits of observed word `o` (six letters or more, lower case) into two
// common words one of which is misread (departurrefor -> departure for,
// hearinlgof -> hearing of; at an apostrophe read for the space, for'cauiing
// -> for causing, which gained BLN600 0.08 points more): where one side as
// it stands is a word seen kMendedSplitExact times, the other side's
// readings by one confusion of log10 p kMendedSplitMinRule or more that are
// common words; each scored by the channel on the whole (the lost space and
// the misread together). Proposed in plain-case words outside Early Modern
// text (AddChannelCandidates).
std::vector<CandidateCache::Split> SentencePass::MendedSplits(const std::u32string& o) const {
  std::vector<CandidateCache::Split> out;
  if (o.size() < 6) return out;
  // Letters, and at most one apostrophe read for the space (MarkForSpace).
  size_t mark = o.size();
  for (size_t k = 0; k < o.size(); ++k) {
    if (text::IsLower(o[k])) continue;
    if (mark != o.size() || !MarkForSpace(o, k)) return out;
    mark = k;
  }
  auto add = [&](uint32_t a, uint32_t b) {
    const std::u32string joined = ToU32(m_.Word(a)) + U" " + ToU32(m_.Word(b));
    out.push_back({a, b, 0, 0, ch_.LogProb(joined, o)});
  };
  for (size_t k = 2; k + 2 <= o.size(); ++k) {
    if (mark != o.size() && k != mark) continue;
    const size_t skip = k == mark ? 1 : 0;
    const std::u32string_view left = std::u32string_view(o).substr(0, k);
    const std::u32string_view right = std::u32string_view(o).substr(k + skip);
    const uint32_t a = SplitWord(left), b = SplitWord(right);
    if ((a == Model::kUnknown) == (b == Model::kUnknown)) continue;  // both: Splits; neither: too far
    if (m_.Count(a != Model::kUnknown ? a : b) < kMendedSplitExact) continue;
    const std::u32string_view other = a != Model::kUnknown ? right : left;
    if (other.size() < 3) continue;
    ch_.WordCandidates(other, 1, kMendedSplitMinRule, trie_, [&](uint32_t id, double) {
      if (m_.Count(id) < kMinSplitCount) return;
      a != Model::kUnknown ? add(a, id) : add(id, b);
    });
  }
  return out;
}

// `w`'s id if it is common enough to be half of a split (kMinSplitCount),
// else Model::kUnknown.
uint32_t SentencePass::SplitWord(std::u32string_view w) const {
  const uint32_t id = m_.Find(ToUtf8(w));
  return id != Model::kUnknown && m_.Count(id) >= kMinSplitCount ? id : Model::kUnknown;
}

// The splits of observed word `o` into two common words: between two
// letters, or at an apostrophe read for the space.
std::vector<CandidateCache::Split> SentencePass::Splits(const std::u32string& o) const {
  std::vector<CandidateCache::Split> out;
  for (size_t k = 1; k < o.size(); ++k) {
    const size_t skip = k + 1 < o.size() && MarkForSpace(o, k) ? 1 : 0;
    const std::u32string_view whole(o);
    const uint32_t a = SplitWord(whole.substr(0, k)), b = SplitWord(whole.substr(k + skip));
    if (a == Model::kUnknown || b == Model::kUnknown) continue;
    std::u32string joined = o.substr(0, k) + U" " + o.substr(k + skip);
    out.push_back({a, b, static_cast<uint32_t>(k), static_cast<uint32_t>(skip), ch_.LogProb(joined, o)});
  }
  return out;
}


// A run of three or more common words that lost their spaces
// (propertyofsirrobert, protectagainstfire): a word of the letters a-z, at least
// kMinSegmented letters cut into the pieces (each a word seen
// kMinSplitCount times, of two letters or more, or "a") that are likeliest
// as a sequence of unigrams, if that cut has three to kMaxIds pieces (two are
// Splits'). The language model weighs the cut like any split. Training
// splits: BLN600 20.35% -> 20.62% CER removed (232 -> 231 words broken),
// ICDAR monographs 20.94% -> 20.97% (1,043 -> 1,045), periodicals 4.24% ->
// 4.26%; cutting where the sum of log10 counts was largest made too many
// pieces (protect a gain st fire).
void SentencePass::Segment(const std::string& w, std::vector<CandidateCache::Segmentation>* out) const {
  const size_t n = w.size();
  if (n < kMinSegmented) return;
  for (char ch : w)
    if (ch < 'a' || ch > 'z') return;
  // best[i]: the best cut of w[0, i) (score, previous end, last word id).
  struct Cell { double score = -1e300; size_t from = 0; uint32_t id = Model::kUnknown; };
  std::vector<Cell> best(n + 1);
  best[0].score = 0;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = i >= kMaxPiece ? i - kMaxPiece : 0; j < i; ++j) {
      if (best[j].score <= -1e300 || (i - j == 1 && w[j] != 'a')) continue;
      const uint32_t id = m_.Find(std::string_view(w).substr(j, i - j));
      if (id == Model::kUnknown || m_.Count(id) < kMinSplitCount) continue;
      const double score = best[j].score + m_.LogProb(nullptr, 0, id);  // unigram
      if (score > best[i].score) best[i] = {score, j, id};
    }
  if (best[n].score <= -1e300) return;
  CandidateCache::Segmentation seg;
  for (size_t i = n; i > 0; i = best[i].from) {
    seg.words.push_back(best[i].id);
    if (best[i].from > 0) seg.at.push_back(static_cast<uint32_t>(best[i].from));
  }
  if (seg.words.size() < 3 || seg.words.size() > kMaxIds) return;
  std::reverse(seg.words.begin(), seg.words.end());
  std::reverse(seg.at.begin(), seg.at.end());
  seg.log10p = ch_.LogProb(ToU32(SpacedAt(w, seg.at)), ToU32(w));
  out->push_back(std::move(seg));
}

// Whether token p (1-based, as ids_) and the word after it are the pieces of
// a word broken at a line end, its hyphen kept: "exam- ination".
bool SentencePass::HyphenBreakAfter(size_t p) const {
  if (!o_.dehyphenate || p >= toks_.size() || !toks_[p].is_word) return false;
  std::string_view between = text_.substr(toks_[p - 1].end, toks_[p].begin - toks_[p - 1].end);
  return between == "- " || between == "-  " || between == "-\n" || between == "- \n";
}

// Whether token p and the word after it are the pieces of a word broken at
// a line end, its hyphen read as a period: "pri. soner" (the sentence goes on
// past such a period only before a lower-case word, PeriodMayBreak).
bool SentencePass::PeriodBreakAfter(size_t p) const {
  if (!o_.dehyphenate || p >= toks_.size() || !toks_[p].is_word) return false;
  if (toks_[p - 1].text.size() < 2 || !repair::IsAsciiLower(text_[toks_[p].begin])) return false;
  std::string_view between = text_.substr(toks_[p - 1].end, toks_[p].begin - toks_[p - 1].end);
  return between == ". " || between == ".\n" || between == ". \n";
}

// "his tory" -> "history"; "exam- ination" -> "examination" (a line-break
// hyphen kept when columns were joined); "pri. soner" -> "prisoner" (one
// read as a period).
void SentencePass::AddMerge(size_t p, std::vector<Candidate>* c) const {
  if (p >= toks_.size()) return;
  const text::LmToken& a = toks_[p - 1];
  const text::LmToken& b = toks_[p];
  if (!b.is_word || Protected(b)) return;
  std::string_view between = text_.substr(a.end, b.begin - a.end);
  bool spaces = !between.empty() && OnlySpaces(between);
  bool hyphen = HyphenBreakAfter(p);
  bool period = !hyphen && PeriodBreakAfter(p);
  if (!spaces && !hyphen && !period) return;
  if (hyphen) AddCompound(p, c);
  uint32_t id = m_.Find(a.text + b.text);
  if (id == Model::kUnknown || m_.Count(id) < kMinCandidateCount) {
    const size_t before = c->size();
    if (hyphen || period) AddMisreadUnhyphenated(a.text + b.text, c);
    if (hyphen && c->size() == before) AddUnknownJoined(p, c);
    if (spaces && (ids_[p] == Model::kUnknown || ids_[p + 1] == Model::kUnknown) &&
        std::min(ToU32(a.text).size(), ToU32(b.text).size()) <= kJoinedPiece)
      AddMisreadJoined(p, c);
    return;
  }
  double channel = hyphen   ? kHyphenBreak
                   : period ? kHyphenBreak + kPeriodForHyphen
                            : ch_.LogProb(ToU32(a.text + b.text), ToU32(a.text + " " + b.text));
  c->push_back({{id}, a.text + b.text, channel, 0, hyphen || period ? kHyphenation : kMerge, 2});
}

// "twenty- three" -> "twenty-three": a compound the model knows (at least
// kMinSplitCount times: rarer ones, washer-woman or per-haps, split the
// posterior with the join), broken at its own hyphen at a line end; only the
// space goes. BLN600 training split: +0.01 points of CER removed, 4 fewer
// words broken; the monographs and periodicals unchanged.
void SentencePass::AddCompound(size_t p, std::vector<Candidate>* c) const {
  const std::string compound = toks_[p - 1].text + "-" + toks_[p].text;
  const uint32_t id = m_.Find(compound);
  if (id == Model::kUnknown || m_.Count(id) < kMinSplitCount) return;
  Candidate x{{id}, compound, kHyphenBreak, 0, kHyphenation, 2};
  x.form = Candidate::kCompound;
  c->push_back(std::move(x));
}

// "Tom- linson" -> "Tomlinson": a word the model does not know (a name,
// most often) broken at a line end, where a piece is not a word either and
// no known word is a misread of the joined form (AddMisreadUnhyphenated). It
// is <unk> with its spelling, as an unknown original is (ScoreCandidates).
// Not a lone letter (negli- h): a piece of debris as often as of the word.
void SentencePass::AddUnknownJoined(size_t p, std::vector<Candidate>* c) const {
  const text::LmToken &a = toks_[p - 1], &b = toks_[p];
  if (ids_[p] != Model::kUnknown && ids_[p + 1] != Model::kUnknown) return;
  if (ToU32(a.text).size() < 2 || ToU32(b.text).size() < 2) return;
  if (b.text.find('-') != std::string::npos) return;  // Mile- end-road: a compound's first part
  Candidate x{{Model::kUnknown}, a.text + b.text, kHyphenBreak, 0, kHyphenation, 2};
  x.form = Candidate::kPieces;
  c->push_back(std::move(x));
}

// A lone small letter between two known words (the e court, have to charge
// r the prisoner) is mostly a speck of the page read as a letter: the
// candidate without it is the next word alone (span 2). Not a, i or o,
// which are words (but I, at kQuietIDebris more in a quiet text, and o in a
// noisy text: his I razor, met o with; the o: BLN600 training split 25.61%
// -> 25.63% CER removed, the others unchanged, no word broken more), nor a
// letter after a mark other than DebrisAfter's or before one (Mr. A, (c),
// p. 5).
void SentencePass::AddDebris(size_t p, std::vector<Candidate>* c) const {
  if (p == 1) return AddLeadingDebris(c);
  const std::string& w = toks_[p - 1].text;
  const bool pair = TwoLetterDebris(p);
  if (!pair && (w.size() != 1 || w[0] < 'b' || w[0] > 'z')) return;
  const bool noisy = Noise(p, true) >= kWiderNoise;  // with the short-text prior
  if (!pair && w[0] == 'o' && !noisy) return;
  if (p < 2 || p >= toks_.size() || ids_[p - 1] == Model::kUnknown || ids_[p + 1] == Model::kUnknown) return;
  const text::LmToken &prev = toks_[p - 2], &t = toks_[p - 1], &next = toks_[p];
  if (!DebrisAfter(prev, t) || !next.is_word || Protected(next)) return;
  const std::string_view written = text_.substr(t.begin, t.end - t.begin);
  // Lower case as written, or an i (I or i), where an I between two words is
  // often a speck or a column rule, not the pronoun: in a quiet text it pays
  // kQuietIDebris more. Training splits: BLN600 20.99% -> 21.04% CER
  // removed, no word broken more; the monographs unchanged; in every text at
  // the same cost, BLN600 21.08% but the monographs lost 11 right words (then
  // cried aloud I). The small i (session 16): BLN600 22.77% -> 22.80%, the
  // others unchanged (one more periodical word broken). The quiet text's I
  // (session 20): BLN600 25.33% -> 25.36%, no word broken more.
  const bool quiet_i = w[0] == 'i' && !noisy;
  if (!pair && w[0] != 'i' && written != w) return;
  const std::string_view after = text_.substr(t.end, next.begin - t.end);
  // With a full stop glued to it too, in a noisy text, between a word and
  // a lower-case word (the r. probable consequences): BLN600 training split
  // 26.11% -> 26.14% CER removed, no word broken more, the others unchanged.
  const bool stop = !pair && noisy && after.size() >= 2 && after[0] == '.' && OnlySpaces(after.substr(1)) &&
                    repair::IsAsciiLower(text_[next.begin]) && prev.is_word;
  if (!OnlySpaces(text_.substr(prev.end, t.begin - prev.end)) || (!OnlySpaces(after) && !stop))
    return;
  // Nor a letter split off its word by a lost apostrophe: don t, people s, I m, robb d.
  if (!pair && ApostrophePiece(p)) return;
  // Nor before a capital outside a noisy text (kWiderNoise, with the
  // short-text prior: a verse line's start, clothes j And, for clothes; in
  // a noisy one, against b Mr. A, in r Paris: BLN600 training split +0.07
  // points, one word broken more, the others unchanged) or around a rare
  // word, a piece of the same word (v ish, r und, sh p).
  char32_t first;
  text::DecodeOrReplace(text_, next.begin, &first);
  if (!text::IsLower(first) && !noisy) return;
  if (!DebrisNeighbour(p - 1) || !DebrisNeighbour(p + 1)) return;
  const double channel = pair ? kDebrisPair : quiet_i ? kDebrisLetter - kQuietIDebris : kDebrisLetter;
  c->push_back({{ids_[p + 1]}, next.text, channel, 0, kSpelling, 2, true});
}

// Whether token `prev` lets the lone letter `t` after it be debris: a word,
// or a comma, semicolon or colon and a space (present, t and Constable;
// classes, w parsons). Training splits, the marks (session 20): BLN600
// 25.36% -> 25.50% CER removed (253 -> 254 words broken), monographs 21.82%
// -> 21.81%, periodicals 5.00% -> 5.01% (2,994 -> 3,001 broken). Glued to
// the mark (Pandion,f he) the letter is as often the end of a word.
bool SentencePass::DebrisAfter(const text::LmToken& prev, const text::LmToken& t) const {
  if (prev.is_word) return true;
  return (prev.text == "," || prev.text == ";" || prev.text == ":") && t.begin > prev.end;
}

// Whether lone letter p may be a piece split off its word by a lost
// apostrophe (don t, people s, I m, robb d): in a clean text any s or d, a
// t after n, an m after I; in a noisy one (kWiderNoise) only where the
// model knows the word with the apostrophe (repair::KnownApostrophePiece: that s,
// don t; not for s being, this s evidence, the d company). Training
// splits: BLN600 22.67% -> 22.77% CER removed (236 -> 237 words broken),
// the monographs and periodicals unchanged; in every text the monographs
// lost 0.01 points (amount 'd, crowd d).
bool SentencePass::ApostrophePiece(size_t p) const {
  const std::string &w = toks_[p - 1].text, &prev = toks_[p - 2].text;
  if (w != "s" && w != "d" && w != "t" && w != "m") return false;
  if (Noise(p, true) >= kWiderNoise) return repair::KnownApostrophePiece(m_, prev, w);
  return w == "s" || w == "d" || (w == "t" && prev.back() == 'n') || (w == "m" && prev == "i");
}

// Whether token p is two small letters as written that are no word, in a
// noisy text (kWiderNoise): not one the model has seen kDebrisPairCount
// times, nor a clitic a lost apostrophe split off (we ll, I ve, they re).
// AddDebris weighs its deletion (kDebrisPair). The word list is no
// evidence here (as for Vouched): without the pairs it lists in lower case
// excluded, BLN600 training split 24.39% -> 24.48% CER removed, no word
// broken more, the monographs unchanged, one more periodical word broken.
bool SentencePass::TwoLetterDebris(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  if (t.end - t.begin != 2 || !repair::IsAsciiLower(text_[t.begin]) || !repair::IsAsciiLower(text_[t.begin + 1]))
    return false;
  for (std::string_view clitic : {"ll", "ve", "re", "em", "nt"})
    if (t.text == clitic) return false;
  if (Noise(p, true) < kWiderNoise) return false;  // in a clean text such a pair is more often a misread (om: on)
  return ids_[p] == Model::kUnknown || m_.Count(ids_[p]) < kDebrisPairCount;
}

// Whether token p (known) may stand beside a lone letter that is debris:
// a word seen kDebrisNeighbour times, or one of four letters or more that
// the word list knows (of m manslaughter, to n rescue); not a piece of a
// rare word (v ish, r und). Training splits, the word list's words added:
// BLN600 22.35% -> 22.48% CER removed (235 -> 234 words broken), the
// monographs 21.56% -> 21.55% (943 either way), periodicals 4.38% -> 4.39%;
// a lower count alone (30) gave BLN600 22.50% but the monographs 21.54%.
bool SentencePass::DebrisNeighbour(size_t p) const {
  if (m_.Count(ids_[p]) >= kDebrisNeighbour) return true;
  const std::string& w = toks_[p - 1].text;
  return w.size() >= 4 && o_.wordlist && o_.wordlist->Contains(w);
}

// The first token, alone at the start of a line before a capitalised word
// on the same line: a capital I before a common word (I CENTRAL CRIMINAL
// COURT, I Yesterday, at) or a small letter other than a, i and o before a
// known one (r Thomas Jacques, n The Foreman); a speck or a column rule
// read as a letter, weighed as a lone letter is (AddDebris). The small
// letters: BLN600 training split 23.74% -> 23.81% CER removed, no word
// broken more; the monographs and periodicals unchanged; after a sentence's
// end inside a line too, the monographs lost their footnote daggers read as
// t or f (1587. t Oh) and words glued to the stop (race.t Oh).
void SentencePass::AddLeadingDebris(std::vector<Candidate>* c) const {
  if (toks_.size() < 2 || ids_[2] == Model::kUnknown) return;
  const text::LmToken &t = toks_[0], &next = toks_[1];
  if (!next.is_word || Protected(next)) return;
  if ((t.begin > 0 && text_[t.begin - 1] != '\n') || !OnlySpaces(text_.substr(t.end, next.begin - t.end))) return;
  if (!repair::IsAsciiUpper(text_[next.begin])) return;
  const std::string_view w = text_.substr(t.begin, t.end - t.begin);
  const bool capital_i = w == "I" && m_.Count(ids_[2]) >= kDebrisNeighbour;
  const bool small = w.size() == 1 && w[0] >= 'b' && w[0] <= 'z' && w[0] != 'i' && w[0] != 'o';
  // An I before a word in capitals pays kHeadingIDebris less: a column
  // rule read as I before a heading (I LONDON COUNTY COUNCIL).
  const std::string_view nw = text_.substr(next.begin, next.end - next.begin);
  const bool heading = nw.size() >= 2 && std::all_of(nw.begin(), nw.end(), repair::IsAsciiUpper);
  const double ch = capital_i && heading ? kDebrisLetter + kHeadingIDebris : kDebrisLetter;
  if (capital_i || small) c->push_back({{ids_[2]}, next.text, ch, 0, kSpelling, 2, true});
}

// "cir- camstauees" -> "circumstances": a word broken at a line end whose
// joined form is a misread: the joined form's channel candidates, each
// joined and corrected (kinds hyphenation+spelling).
void SentencePass::AddMisreadUnhyphenated(const std::string& joined, std::vector<Candidate>* c) const {
  for (const auto& [id, lp] : JoinedCandidates(m_, ch_, trie_, cache_, joined)->words)
    AddJoinedWord(id, kHyphenBreak + lp, kHyphenation | kSpelling, c);
}

// Word `id` as a candidate over tokens p and p + 1, with `channel`: one
// candidate per word (public- house: the compound's, AddCompound, is found
// again; a joined form's search reaches a word by several paths), its best
// channel: two would split the posterior.
void SentencePass::AddJoinedWord(uint32_t id, double channel, uint32_t kind, std::vector<Candidate>* c) const {
  auto same = [&](const Candidate& x) { return x.span == 2 && x.ids.size() == 1 && x.ids[0] == id; };
  if (auto it = std::find_if(c->begin() + 1, c->end(), same); it != c->end())
    it->channel = std::max(it->channel, channel);
  else
    c->push_back({{id}, std::string(m_.Word(id)), channel, 0, kind, 2});
}

// "w uld" -> "would": two tokens, one of them no word, whose joined form is
// a misread of a word: the joined form's channel candidates
// (JoinedCandidates), with the cost of the space the OCR put inside the word
// (kinds merge+spelling). Where the shorter token has at most kJoinedPiece
// letters (AddMerge). Training splits, for every pair with an unknown
// token: BLN600 23.47% -> 23.54% CER removed, monographs +0.01 (945 -> 949
// words broken), periodicals +0.03; with the frequent-word search and
// kJoinedPiece, 23.66% against 23.69% for 8% fewer instructions.
void SentencePass::AddMisreadJoined(size_t p, std::vector<Candidate>* c) const {
  const std::string joined = toks_[p - 1].text + toks_[p].text;
  const std::shared_ptr<const CandidateCache::List> cached = JoinedCandidates(m_, ch_, trie_, cache_, joined);
  if (cached->words.empty()) return;
  const std::u32string o = ToU32(joined);
  const double space = ch_.LogProb(o, ToU32(toks_[p - 1].text + " " + toks_[p].text)) - o.size() * ch_.log10_copy();
  for (const auto& [id, lp] : cached->words) AddJoinedWord(id, space + lp, kMerge | kSpelling, c);
}

// "exam-ination" -> "examination" when only the joined word is known.
void SentencePass::AddUnhyphenated(size_t p, std::vector<Candidate>* c) const {
  const std::string& w = toks_[p - 1].text;
  if (w.find('-') == std::string::npos) return;
  // A compound of real words (off-spring, chamber-maid) is left alone: only a
  // word broken into pieces that are not words (con-venient) is joined.
  std::string joined, part;
  bool all_words = true;
  for (size_t i = 0; i <= w.size(); ++i) {
    if (i == w.size() || w[i] == '-') {
      uint32_t id = m_.Find(part);
      all_words = all_words && ((id != Model::kUnknown && m_.Count(id) >= kMinSplitCount) ||
                                (o_.wordlist && o_.wordlist->Contains(part)));
      part.clear();
    } else {
      part += w[i];
      joined += w[i];
    }
  }
  if (all_words) return;
  uint32_t id = m_.Find(joined);
  if (id == Model::kUnknown || m_.Count(id) < kMinCandidateCount) return;
  c->push_back({{id}, joined, kHyphenBreak, 0, kHyphenation, 1});
}

// "that 1 should have", "As 1 walked out": the digit 1 alone between
// spaces before a lower-case word, which the OCR of a book reads for the
// pronoun I (on the ICDAR monograph training split, 238 of its remaining
// one-word errors). The model weighs I against a number there, with the
// channel's P(1 | I) at least kOneForI (tuned on that split: -3.0 gave
// 16.49% -> 17.38% CER removed, -1.5 17.71% for 2 more words broken, -1.0
// 17.82% for 3 more; BLN600 unchanged). Session 13 moved -1.5 to -1.0:
// monographs 21.08% -> 21.10%, no word broken more (-0.5 gave 21.11%; a
// guard after labels such as No. cost two right readings: "No. I").
bool SentencePass::OneForI(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  if (t.end - t.begin != 1 || p >= toks_.size() || !LoneOneAt(text_, t.begin)) return false;
  return toks_[p].is_word && toks_[p].begin == t.end + 1;
}

// In an Early Modern text, where real-word checks are off (its spellings
// look like misreads), a known word with a d that does not fit its context
// (they shad haue, I can not ted) is weighed against the words that write
// one d as ll: ll read as d is common in old type. So is a word the text
// corrects so again and again (CorrectOptions::adapted), wherever it is.
bool SentencePass::LlForD(size_t p) const {
  if (!o_.early_modern || ids_[p] == Model::kUnknown || HyphenBreakAfter(p)) return false;
  if (toks_[p - 1].text.find('d') == std::string::npos || Elided(text_, toks_[p - 1])) return false;
  return Misfits(p) || AdaptedWord(p);
}

// The original and each known word that writes one of its d's as ll.
std::vector<Candidate> SentencePass::GenerateLl(size_t p) const {
  const std::string& w = toks_[p - 1].text;
  std::vector<Candidate> c{Original(p)};
  for (size_t i = w.find('d'); i != std::string::npos; i = w.find('d', i + 1)) {
    std::string v = w.substr(0, i) + "ll" + w.substr(i + 1);
    const uint32_t id = m_.Find(v);
    if (id == Model::kUnknown || m_.Count(id) < kMinCandidateCount) continue;
    c.push_back({{id}, v, ch_.LogProb(ToU32(v), ToU32(w)), 0, kRealWord, 1});
  }
  return c;
}

// The number and the pronoun I, as OneForI finds them.
std::vector<Candidate> SentencePass::GenerateI(size_t p) const {
  std::vector<Candidate> c;  // the original copies one character (Original would count "<num>")
  c.push_back({{ids_[p]}, toks_[p - 1].text, ch_.log10_copy(), 0, 0, 1});
  const uint32_t i = m_.Find("i");
  if (i == Model::kUnknown) return c;
  // A text that writes 1 for I throughout (as often as it writes I) makes
  // the reading likelier (OCR that took the pronoun for a digit).
  const size_t ones = doc_->LoneOnes();
  const bool habit = ones >= kOnesForIText && ones >= doc_->Count("i");
  c.push_back({{i}, "i", std::max(ch_.LogProb(U"i", U"1"), habit ? kOneForIText : kOneForI), 0, kSpelling, 1});
  c.back().form = Candidate::kCapital;
  return c;
}

// Whether word `id`, read for token p whose first letter was misread as a
// digit (0larke, 3ury), starts with a capital: at a sentence's start, or
// where the model says the word mostly does (a name). The digit says
// nothing of the case, and names are most of these on BLN600.
bool SentencePass::LeadingCapital(size_t p, uint32_t id) const { return Capitalised(id) || p == 1; }

// Whether the word list has lower-case word `w` only with a capital first
// (Mr, Dr, London): frequent words are their own classes, so the class
// model cannot say so of them.
bool SentencePass::ListedCapitalised(const std::string& w) const {
  const std::string* cased = o_.wordlist ? o_.wordlist->CasedForm(w) : nullptr;
  return cased && !cased->empty() && repair::IsAsciiUpper((*cased)[0]);
}

// Whether lower-case ASCII `w` is a function word (in, of, was, the ...): a
// closed class that no name shares, written capitalised only where a
// sentence or a title starts.
bool IsFunctionWord(std::string_view w) {
  static constexpr std::array<std::string_view, 57> kWords = {
      "about", "after", "all",   "an",    "and",   "any",   "are",   "as",    "at",    "be",    "been",  "but",
      "by",    "could", "for",   "from",  "had",   "has",   "have",  "he",    "her",   "him",   "his",   "if",
      "in",    "into",  "is",    "it",    "its",   "not",   "of",    "on",    "or",    "our",   "she",   "should",
      "than",  "that",  "the",   "their", "them",  "then",  "there", "these", "they",  "this",  "those", "to",
      "upon",  "was",   "we",    "were",  "when",  "which", "who",   "with",  "would"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Whether `out` (capitalised as `surface`, whose capital is another
// letter: Df for of) is a function word and token p follows a lower-case
// word and one space in its sentence: the capital is the misread's, not the
// writer's, and `out` is written in lower case. Training splits: BLN600
// 27.12% -> 27.16% CER removed, monographs 21.97% -> 21.98%, periodicals
// 5.41% -> 5.42%, no word broken more.
bool SentencePass::UpperMisreadMidSentence(size_t p, std::string_view surface, const std::string& out) const {
  if (out.size() < 2 || !repair::IsAsciiUpper(out[0]) || !repair::IsAsciiLower(out[1]) || p < 2) return false;
  if (std::tolower(static_cast<unsigned char>(surface[0])) ==
      std::tolower(static_cast<unsigned char>(out[0])))
    return false;  // the same letter (Wm for was): maybe the writer's (training splits: monographs -0.02)
  std::string lower = out;
  lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  if (!IsFunctionWord(lower)) return false;
  const text::LmToken& prev = toks_[p - 2];
  return prev.is_word && repair::IsAsciiLower(text_[prev.begin]) &&
         text_.substr(prev.end, toks_[p - 1].begin - prev.end) == " ";
}

// Whether the model sees word `id` mostly capitalised (its class).
bool SentencePass::Capitalised(uint32_t id) const {
  return m_.class_order() > 0 && m_.ClassOf(id, m_.Word(id)) == model::kCapitalisedClass;
}

// How candidate x of token p is written: the original as it stands, a
// deletion as nothing, a word joined from its pieces as they stand, the
// pronoun I in capitals, a compound as its pieces with a hyphen between, a
// cut into several words as the original with the cut's spaces, any other
// word in the original's case.
std::string SentencePass::Written(const Candidate& x, size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  const std::string_view surface = text_.substr(t.begin, t.end - t.begin);
  if (x.kind == 0) return std::string(surface);
  if (x.debris) return std::string();
  if (x.form == Candidate::kCapital) return text::Upper(x.text);
  if (x.form == Candidate::kSpacedSurface) {  // the surface, with the candidate's spaces (ASCII: same offsets)
    std::string out(surface);
    for (size_t k = 0; k < x.text.size(); ++k)
      if (x.text[k] == ' ') out.insert(k, 1, ' ');
    return out;
  }
  if (x.form == Candidate::kPartwise) return MatchCasePartwise(surface, x.text);
  if (x.form == Candidate::kPieces || x.form == Candidate::kCompound)
    return std::string(surface) + (x.form == Candidate::kCompound ? "-" : "") +
           std::string(text_.substr(toks_[p].begin, toks_[p].end - toks_[p].begin));
  // A word in capitals with a small letter misread among them is written
  // in capitals (TiE -> THE, CAnDIFF -> CARDIFF), not as its first letters
  // say (The). Training splits: BLN600 23.00% -> 23.45% CER removed, the
  // monographs unchanged, periodicals 4.45% -> 4.47%; counting I and L as
  // capitals, or without the test of the second letter or a neighbour in
  // capitals, the monographs lost 0.03 to 0.05 (AIl, TeH for All, Tell).
  if (BrokenCapitals(p)) return text::Upper(x.text);
  std::string out = MatchCase(surface, x.text);
  if (UpperMisreadMidSentence(p, surface, out)) out[0] = static_cast<char>(out[0] - 'A' + 'a');
  if (out.empty() || !repair::IsAsciiLower(out[0]) || x.ids.size() != 1) return out;
  // A first letter misread (a digit, or another letter: lr for Mr) tells
  // nothing of its case: a word the model mostly sees capitalised gets its
  // capital back.
  const bool digit_first = repair::IsAsciiDigit(surface[0]);
  const bool letter_misread = repair::IsAsciiLower(surface[0]) && surface[0] != out[0];
  const bool capital = Capitalised(x.ids[0]) || ListedCapitalised(out);
  if ((digit_first && LeadingCapital(p, x.ids[0])) || (letter_misread && capital))
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// Token p as it stands: copied through the channel; an unknown word is
// <unk> with its spelling.
Candidate SentencePass::Original(size_t p) const {
  const std::string& word = toks_[p - 1].text;
  return {{ids_[p]}, word, ToU32(word).size() * ch_.log10_copy(), 0, 0, 1};
}

// The original and its candidates; without `all`, only the joined words of a
// line-break hyphen after it (AddMerge); without `merge`, none over the next
// token but debris.
std::vector<Candidate> SentencePass::Generate(size_t p, bool all, bool merge) const {
  bool known = ids_[p] != Model::kUnknown;
  std::vector<Candidate> c{Original(p)};
  if (all) AddChannelCandidates(p, known, &c);
  if (o_.split_merge && merge) AddMerge(p, &c);
  if (o_.split_merge && all) AddDebris(p, &c);
  if (o_.split_merge && o_.dehyphenate && !known && all) AddUnhyphenated(p, &c);
  return c;
}

// Scores the candidates c (c[0] the original). Returns false, leaving the
// others unscored, as soon as none of them can beat the original by
// `min_gain` (log10): a candidate's score is at most its channel, prior, the
// log10 p of its words scored so far and the tokens it cannot reach, since
// every other term is <= 0.
bool SentencePass::ScoreCandidates(size_t p, double min_gain, std::vector<Candidate>* c) const {
  const bool known = ids_[p] != Model::kUnknown;
  const size_t end = std::min(ids_.size(), p + 4);  // two tokens after the widest (merge) span
  Model::State ctx = m_.NullContext();
  for (size_t k = p >= 2 ? p - 2 : 0; k < p; ++k) m_.Score(ctx, ids_[k], &ctx);
  const size_t reach = static_cast<size_t>(m_.order() - 1);
  const double tail[3] = {0, Tail(std::min(end, p + 1 + reach), end), Tail(std::min(end, p + 2 + reach), end)};
  double class_original = std::nan("");
  // After a line-break hyphen, a candidate that keeps an unknown next token
  // (every one of span 1) pays for its spelling as the original does for
  // its own: otherwise the joined word ("con- curred" -> "concurred") loses
  // to a free <unk>. (After a plain space too, it joined the words split by
  // a lost line-break hyphen that the ICDAR monographs' gold keeps: 119
  // more words counted broken on their training split.)
  const double kept_next = p + 2 < ids_.size() && ids_[p + 1] == Model::kUnknown && HyphenBreakAfter(p)
                               ? m_.CharLogProb(toks_[p].text) + kUnknownBias : 0.0;
  const double margin = known ? kRealWordMargin - (kRealWordMargin - kNoisyRealWordMargin) * Noise(p, true) : 0.0;
  // A known word across a hyphen and a space before a small letter: the
  // break as written is almost never right (kBreakInLine).
  const double joined = HyphenBreakAfter(p) && repair::IsAsciiLower(text_[toks_[p].begin]) ? kBreakInLine : 0.0;
  auto prior = [&](const Candidate& x) {
    const bool known_join = x.span == 2 && !x.debris && x.ids[0] != Model::kUnknown;
    const double next = x.span == 1 ? kept_next : known_join ? joined : 0.0;
    if (x.kind == 0 && !known)  // <unk> with its spelling
      return next + m_.CharLogProb(x.text) + OriginalBias(p);
    if (x.kind != 0 && x.ids[0] == Model::kUnknown)
      return next + m_.CharLogProb(x.text) + kUnknownBias + (x.acronym ? kListedAcronym : 0.0);
    if (x.kind == kSpelling) return SeenBonus(p, x) + next + Adapted(p, x, kAdaptedSpelling);
    return SeenBonus(p, x) + next +
           (x.kind == kRealWord ? -margin + Adapted(p, x, kAdaptedMargin) + ClassBonus(p, x, &class_original) : 0.0);
  };
  // Each candidate's first word, scored once (all in one batch): the bound,
  // then the window from there. A score is channel + prior + first word +
  // rest of the window.
  const size_t n = c->size();
  thread_local std::vector<Model::State> st;  // per-thread buffers, reused by every decision
  thread_local std::vector<uint32_t> words;
  thread_local std::vector<double> first, rest;
  st.assign(n, ctx);
  words.resize(n);
  first.resize(n);
  for (size_t i = 0; i < n; ++i) words[i] = (*c)[i].ids[0];
  m_.ScoreBatch(st.data(), words.data(), n, first.data(), st.data());
  for (size_t i = 0; i < n; ++i) first[i] += (*c)[i].channel + prior((*c)[i]);
  if (known && m_.has_priors() && !GluedToAWord(p)) AddPriors(p, *c, first.data());
  Candidate& original = (*c)[0];
  original.score = first[0] + Continue(st[0], p, original, end, tail[1]);
  // Whether some candidate, with the terms scored so far, still beats the original by min_gain.
  auto can_win = [&](const std::vector<double>& later) {
    for (size_t i = 1; i < n; ++i)
      if (first[i] + later[i] + tail[(*c)[i].span] - original.score >= min_gain) return true;
    return false;
  };
  rest.assign(n, 0.0);
  if (!can_win(rest) || !ContinueAll(&st, p, *c, end, can_win, &rest)) return false;
  for (size_t i = 1; i < n; ++i) {
    Candidate& x = (*c)[i];
    x.score = first[i] + (rest[i] + tail[x.span]);
  }
  return true;
}


// Whether token p is glued to a word beside it by a mark, no space between
// (dea.ling, up.to): it may be a piece of one word with a speck in it, which
// the stray pass mends on its own, so the priors, which weigh whole words
// (dea -> dead), keep out.
bool SentencePass::GluedToAWord(size_t p) const {
  const text::LmToken& t = toks_[p - 1];
  auto letter = [&](size_t i) { return i < text_.size() && std::isalpha(static_cast<unsigned char>(text_[i])); };
  auto mark = [&](size_t i) {
    return i < text_.size() && std::ispunct(static_cast<unsigned char>(text_[i])) && text_[i] != '\'';
  };
  return (mark(t.end) && letter(t.end + 1)) || (t.begin >= 2 && mark(t.begin - 1) && letter(t.begin - 2));
}

// How well candidate x's word fits between the words around token p
// (`before`, `after`: their ids, kUnknown for none or a mark) under the
// model's word priors: log10 p(x | before) + log10 p(after | x); NaN where
// the priors say nothing comparable: debris, a cut or join (other spans or
// several words), a word of one letter (initials, a, I), a word their list
// lacks (qrs, a clitic's ve).
double SentencePass::PriorFit(size_t p, const Candidate& x, uint32_t before, uint32_t after) const {
  if (x.debris || x.span != 1 || (x.kind != 0 && x.ids.size() != 1)) return std::nan("");
  const uint32_t w = x.kind == 0 ? ids_[p] : x.ids[0];
  if (w == Model::kUnknown || !m_.PriorListed(w) || text::CodePointCount(m_.Word(w)) < 2) return std::nan("");
  return m_.PriorLogProb(before, w) + (after != Model::kUnknown ? m_.PriorLogProb(w, after) : 0.0);
}

// The word priors' say in the decision on known word p, added to each
// candidate's `first` score: kPriorWeight x the text's noise x how much
// better the candidate fits (PriorFit) than the original (than the
// best-fitting candidate where the original fits nothing comparable); one
// that fits worse pays kPriorVeto x the difference, however quiet the text.
// The n-gram model is trained on 19M words of books; the priors count
// Google Books' hundreds of billions, so they know common pairs the model
// has backed off from (having given, he made).
void SentencePass::AddPriors(size_t p, const std::vector<Candidate>& c, double* first) const {
  auto word = [&](size_t k) {
    return k >= 1 && k < ids_.size() && ids_[k] > Model::kSentenceEnd ? ids_[k] : Model::kUnknown;
  };
  const uint32_t before = word(p - 1), after = word(p + 1);
  thread_local std::vector<double> fit;
  fit.resize(c.size());
  double best = -HUGE_VAL;
  for (size_t i = 0; i < c.size(); ++i) {
    fit[i] = PriorFit(p, c[i], before, after);
    if (i > 0 && !std::isnan(fit[i])) best = std::max(best, fit[i]);
  }
  if (best == -HUGE_VAL) return;
  const double ref = std::isnan(fit[0]) ? best : fit[0];
  const double gain = kPriorWeight * Noise(p, true);
  for (size_t i = 0; i < c.size(); ++i)
    if (!std::isnan(fit[i])) first[i] += (fit[i] > ref ? gain : kPriorVeto) * (fit[i] - ref);
}

// Whether the top candidate c[0] (c sorted by score, norm the sum of
// 10^(score - best), so its posterior is 1 / norm) is sure enough to
// replace token p: its
// posterior reaches `threshold`, or, for a lower-case unknown word, it
// reaches threshold - kLooserTop while the original's falls to
// kLooserOriginal x (1 - threshold) or less: a non-word that is almost
// surely wrong, whose likeliest reading is well ahead (conducte ->
// conducted at 0.66 beside conducts at 0.25). The top then beats the
// original by more than the threshold's own ratio, so Run's pruning by
// min_gain loses none of these.
bool SentencePass::Sure(size_t p, const std::vector<Candidate>& c, double norm, double threshold) const {
  const double top = 1.0 / norm;
  if (top >= threshold) return true;
  if (ids_[p] != Model::kUnknown || repair::IsAsciiUpper(text_[toks_[p - 1].begin]) || top < threshold - kLooserTop)
    return false;
  const double best = c[0].score;
  for (const Candidate& x : c)
    if (x.kind == 0) return std::pow(10.0, x.score - best) / norm <= kLooserOriginal * (1 - threshold);
  return false;
}

void SentencePass::Run(int rank, std::vector<edit::Proposal>* out, std::vector<Suggestion>* sug) {
  const double threshold = 0.99 - 0.49 * std::clamp(o_.aggressiveness, 0.0, 1.0);
  // An edit needs posterior >= threshold, so its score must beat the
  // original's by log10(threshold / (1 - threshold)) at least; suggestions
  // need every candidate scored.
  const double min_gain = sug ? -1e300 : std::log10(threshold / (1 - threshold)) - 1e-9;
  std::vector<size_t> before_misread;  // checked words decided before the unknown word after them
  for (size_t p = 1; p + 1 < ids_.size(); ++p) {
    const text::LmToken& t = toks_[p - 1];
    // A word before a line-break hyphen (any- body, to- gether, assort- ment)
    // is weighed against the joined word even where it would not be checked;
    // a lone 1 (a number, so protected) against the pronoun I (OneForI).
    const bool one = OneForI(p), guarded = !one && Protected(t);
    const bool check = !one && !guarded && NeedsCheck(p);
    const bool ll = !one && !guarded && !check && LlForD(p);
    if (!one && !check && !ll && (guarded || !(HyphenBreakAfter(p) || PeriodBreakAfter(p)))) continue;
    const size_t made = out->size();
    std::vector<Candidate> c = one ? GenerateI(p) : ll ? GenerateLl(p) : Generate(p, check);
    if ((c.size() >= 2 || ids_[p] == Model::kUnknown) && Decide(p, std::move(c), threshold, min_gain, rank, out, sug)) ++p;
    else if (check && out->size() == made && p + 2 < ids_.size() && ids_[p + 1] == Model::kUnknown)
      before_misread.push_back(p);
  }
  // A checked word left as it was, decided before the unknown word after
  // it, is weighed again once that word is corrected: with its context
  // (called up te polioe -> the police) and as debris, which needs known
  // words on both sides (a r yoang, another w womau). Training splits:
  // BLN600 23.88% -> 24.07% CER removed (236 -> 240 words broken), the
  // monographs 21.57% -> 21.60%, periodicals 4.61% -> 4.64%; for lone
  // letters alone, as debris, BLN600 23.94%.
  for (size_t p : before_misread) {
    if (ids_[p + 1] == Model::kUnknown) continue;
    // Not merges with token p + 1, which would overlap its edit.
    std::vector<Candidate> c = Generate(p, true, /*merge=*/false);
    const size_t listed = sug ? sug->size() : 0;
    if (c.size() > 1) Decide(p, std::move(c), threshold, min_gain, rank, out, sug);
    if (sug && sug->size() > listed) Relist(sug);
  }
}

// Scores the candidates c of token p (c[0] its original) and proposes the
// best where it is sure; lists them as a suggestion with `sug`. Returns
// whether the edit spans token p + 1 too.
bool SentencePass::Decide(size_t p, std::vector<Candidate> c, double threshold, double min_gain, int rank,
                          std::vector<edit::Proposal>* out, std::vector<Suggestion>* sug) {
  const text::LmToken& t = toks_[p - 1];
  if (!ScoreCandidates(p, min_gain, &c)) return false;
  double best = -1e300, norm = 0;
  for (const Candidate& x : c) best = std::max(best, x.score);
  for (const Candidate& x : c) norm += std::pow(10.0, x.score - best);
  std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::string_view surface = text_.substr(t.begin, t.end - t.begin);
  if (sug && c.size() > 1) {
    Suggestion s{t.begin, t.end, std::string(surface), {}};
    for (size_t i = 0; i < c.size() && i < kMaxAlternatives; ++i)
      s.alternatives.push_back({Written(c[i], p), std::pow(10.0, c[i].score - best) / norm});
    sug->push_back(std::move(s));
  }
  const Candidate& top = c[0];
  double posterior = 1.0 / norm;
  if (top.kind == 0 || !Sure(p, c, norm, threshold)) return false;
  if (top.kind == kRealWord && doc_->Count(top.text) == 0 && doc_->Count(t.text) >= kOwnSpellingUses) return false;
  if (top.debris) {
    out->push_back(repair::MakeProposal(text_, t.begin, toks_[p].begin, "", kSpelling, posterior, "correct.debris",
                                        "a lone letter between two words: a speck read as a letter", rank));
    return false;  // the context keeps the letter: later decisions are the more cautious
  }
  size_t end = top.span == 2 ? toks_[p].end : t.end;
  const bool hyphen = top.kind == kHyphenation;  // a line-break hyphen kept inside a line
  const char* rule = hyphen ? "correct.dehyphenate" : top.kind == (kHyphenation | kSpelling) ? "correct.dehyphenate+correct.spelling"
                     : top.kind == kRealWord ? kRealWordRule
                     : top.kind == kSplit ? "correct.split" : top.kind == kMerge ? "correct.merge"
                     : top.kind == (kMerge | kSpelling) ? "correct.merge+correct.spelling"
                     : kSpellingRule;
  // A keyboard slip's channel is exactly kKeyboardSlip (an OCR path always adds copy costs).
  const bool keyboard = top.kind == kSpelling && top.channel == kKeyboardSlip;
  const char* note = hyphen && top.form == Candidate::kCompound
                         ? "a compound broken at its own hyphen at a line end; the space goes"
                     : hyphen && PeriodBreakAfter(p) ? "a line-break hyphen read as a period; the joined word is likelier"
                     : hyphen   ? "line-break hyphen kept inside a line; the joined word is likelier"
                     : keyboard ? "noisy channel: language model x a typist's slip (a neighbouring key or two letters swapped)"
                                : "noisy channel: language model x learned OCR confusions";
  out->push_back(repair::MakeProposal(text_, t.begin, end, Written(top, p), top.kind, posterior,
                                      rule, note, rank));
  // Later decisions see the corrected context.
  if (top.ids.size() == 1 || top.span == 2) {
    ids_[p] = top.ids[0];
    if (!cls_.empty()) cls_[p] = m_.ClassOf(ids_[p], top.text);
    Rescore(p);
  }
  return top.span == 2;
}

}  // namespace

std::string MatchCase(std::string_view original, std::string_view word) {
  bool any_lower = false, any_upper = false, first_upper = false;
  size_t letters = 0;
  for (size_t i = 0; i < original.size();) {
    char32_t c;
    size_t n = text::DecodeAt(original, i, &c);
    i += n ? n : 1;
    if (!n || !text::IsLetter(c)) continue;
    if (text::IsUpper(c)) { any_upper = true; if (letters == 0) first_upper = true; }
    if (text::IsLower(c)) any_lower = true;
    ++letters;
  }
  if (any_upper && !any_lower && letters > 1) return text::Upper(word);
  if (first_upper) {
    std::string s(word);
    char32_t c;
    size_t n = text::DecodeAt(s, 0, &c);
    if (n == 0) return s;
    std::string up;
    text::AppendUtf8(text::ToUpper(c), &up);
    return up + s.substr(n);
  }
  return std::string(word);
}

std::shared_ptr<const CandidateCache::List> CandidateCache::Find(const std::string& word) const {
  Shard& s = ShardOf(word);
  std::lock_guard<std::mutex> lock(s.mu);
  auto it = s.map.find(word);
  return it == s.map.end() ? nullptr : it->second;
}

void CandidateCache::Put(const std::string& word, std::shared_ptr<const List> list) {
  Shard& s = ShardOf(word);
  std::lock_guard<std::mutex> lock(s.mu);
  if (s.map.size() >= kMaxWords / kShards) s.map.clear();
  s.map.emplace(word, std::move(list));
}

CandidateCache::Shard& CandidateCache::ShardOf(const std::string& word) const {
  return shards_[std::hash<std::string>()(word) % kShards];
}

// Early Modern English: at least one word in kEarlyModernWords is an
// unknown spelling whose modern reading is common (vpon, haue). Such a
// text's known words are its own spellings too (whan, doe, shal), so
// real-word correction, which would modernise them, is off. Books quote
// such passages inside modern prose, so the rate is taken over the whole
// text and, failing that, around each sentence: kEarlyModernNear spellings
// within kEarlyModernReach bytes of it (about 350 words either side, the
// same rate).
constexpr size_t kEarlyModernNear = 3;

// A known word that is a historical spelling too (hee, driue, againe): one
// of its modern readings is at least kRareHistoricalRatio times as frequent.
constexpr uint64_t kRareHistoricalRatio = 300;
constexpr uint64_t kRareHistoricalMax = 5000;  // commoner words are not historical spellings
bool RareHistorical(const std::string& w, const Model& m) {
  uint64_t n = m.Count(m.Find(w));
  if (n > kRareHistoricalMax) return false;  // most tokens: one lookup
  return HistoricalSpelling(w, m, std::max(kHistoricalMinCount, kRareHistoricalRatio * n));
}
constexpr size_t kEarlyModernReach = 2000;
// The share of unknown words that must be historical spellings for
// EarlyModern::Spelled. The monographs' Early Modern texts have 0.3-1.0,
// the noisy periodicals' sentences that pass At about 0.0; 0.1 and 0.3
// gave the same figures as 0.2 within 0.02 (BENCHMARKS.md).
constexpr double kEarlyModernShare = 0.2;

class EarlyModern {
 public:
  EarlyModern(std::string_view text, const Model& m) {
    size_t words = 0;
    struct Seen { bool unknown, historical; };
    std::unordered_map<std::string, Seen> seen;  // each distinct word is read once
    for (size_t i = 0; i < text.size();) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j == i) { ++i; continue; }
      ++words;
      std::string w = text::Lower(text.substr(i, j - i));
      auto [it, fresh] = seen.try_emplace(w, Seen{false, false});
      if (fresh) {
        it->second.unknown = m.Find(w) == Model::kUnknown;
        if (w.size() >= 3) it->second.historical = it->second.unknown ? HistoricalSpelling(w, m) : RareHistorical(w, m);
      }
      if (it->second.historical) at_.push_back(i);
      if (it->second.unknown) unknown_at_.push_back(i);
      i = j;
    }
    whole_ = at_.size() >= kEarlyModernNear && at_.size() * kEarlyModernWords >= words;
  }
  // Whether the sentence spanning bytes [b, e) is Early Modern.
  bool At(size_t b, size_t e) const { return whole_ || Near(at_, b, e) >= kEarlyModernNear; }
  // Whether, besides, at least kEarlyModernShare of the unknown words within
  // kEarlyModernReach bytes of the sentence are historical spellings.
  bool Spelled(size_t b, size_t e) const {
    return At(b, e) && double(Near(at_, b, e)) >= kEarlyModernShare * double(Near(unknown_at_, b, e));
  }

 private:
  // How many offsets of `v` lie within kEarlyModernReach bytes of [b, e).
  static size_t Near(const std::vector<size_t>& v, size_t b, size_t e) {
    auto lo = std::lower_bound(v.begin(), v.end(), b > kEarlyModernReach ? b - kEarlyModernReach : 0);
    return size_t(std::upper_bound(lo, v.end(), e + kEarlyModernReach) - lo);
  }
  std::vector<size_t> at_;          // byte offsets of the historical spellings, ascending
  std::vector<size_t> unknown_at_;  // byte offsets of the words the model does not know, ascending
  bool whole_ = false;
};

// Whether "a. b" may be a word broken at a line end whose hyphen was read as
// a period (pri. soner): the joined word is known or, a piece not being a
// word, is a misread of a known word (ev. dence). The sentence then goes on
// past the period, so that the decoder weighs the join (PeriodBreakAfter).
bool PeriodMayBreak(const Model& m, const Channel& ch, const VocabTrie& trie, CandidateCache* cache, std::string_view a,
                    std::string_view b) {
  if (a.size() < 2 || b.size() < 2) return false;
  const std::string joined = std::string(a) + text::Lower(b);
  const uint32_t id = m.Find(joined);
  if (id != Model::kUnknown) return m.Count(id) >= kMinCandidateCount;
  if (m.Find(a) != Model::kUnknown && m.Find(text::Lower(b)) != Model::kUnknown) return false;
  return !JoinedCandidates(m, ch, trie, cache, joined)->words.empty();
}

// Whether `w` (a word glued to a '.' before a capitalised word) may be a
// misread title (mir, mlr, air for mr; mre for mrs): a word of two to five
// letters that the channel reads from one at log10 P kMisreadTitle or more.
// Its period then does not end the sentence, so that the title is weighed
// before the name it goes with.
bool MisreadTitle(const Channel& ch, std::string_view w) {
  constexpr double kMisreadTitle = -5.0;
  if (w.size() < 2 || w.size() > 5) return false;
  const std::u32string o = ToU32(w);
  for (std::u32string_view title : {U"mr", U"mrs", U"dr", U"messrs"})
    if (o != title && ch.LogProb(title, o) >= kMisreadTitle) return true;
  return false;
}

// One sentence's proposals and suggestions, so that a second pass can take
// the place of its first.
struct SentenceEdits {
  std::vector<edit::Proposal> out;
  std::vector<Suggestion> sug;
};

// Corrections that the text makes of one word again and again: its OCR
// misreads that word's letters throughout (hut for but, bis for his, thé
// for the), so the word's other uses are weighed again, a real word's with
// kAdaptedMargin less margin, a non-word's with kAdaptedSpelling more for
// that correction. Keys "word\tcorrection", lower case, and "word\t" for
// each such word (which is then always checked). A pair qualifies with kAdaptedMin
// edits or more that are kAdaptedShare of the word's uses, where the text
// uses the correction kAdaptedRatio times as often as the word.
std::unordered_set<std::string> AdaptedPairs(const std::vector<SentenceEdits>& made, DocWords* doc) {
  std::unordered_map<std::string, size_t> n;
  for (const SentenceEdits& m : made)
    for (const edit::Proposal& x : m.out)
      if ((x.edit.rule == kRealWordRule || x.edit.rule == kSpellingRule) &&
          x.edit.before.find(' ') == std::string::npos && x.edit.after.find(' ') == std::string::npos)
        ++n[text::Lower(x.edit.before) + '\t' + text::Lower(x.edit.after)];
  std::unordered_set<std::string> out;
  for (const auto& [key, k] : n) {
    const std::string_view word = std::string_view(key).substr(0, key.find('\t'));
    const std::string_view to = std::string_view(key).substr(key.find('\t') + 1);
    if (k >= kAdaptedMin && double(k) >= kAdaptedShare * double(doc->Count(word)) &&
        double(doc->Count(to)) >= kAdaptedRatio * double(doc->Count(word)))
      out.insert(key), out.insert(std::string(word) + '\t');
  }
  return out;
}

// Whether a token of `toks` whose word has a key in `adapted` ("word\t")
// is left as it was by `made` (no edit starts there).
bool LeftAsItWas(const std::vector<text::LmToken>& toks, const std::vector<edit::Proposal>& made,
                 const std::unordered_set<std::string>& adapted) {
  return std::any_of(toks.begin(), toks.end(), [&](const text::LmToken& t) {
    return adapted.count(t.text + '\t') > 0 &&
           std::none_of(made.begin(), made.end(), [&](const edit::Proposal& x) { return x.edit.start == t.begin; });
  });
}

void Corrector::Propose(std::string_view text, const CorrectOptions& options, int rank,
                        std::vector<edit::Proposal>* out, std::vector<Suggestion>* suggestions) const {
  CandidateCache local;
  CandidateCache* cache = cache_ ? cache_ : &local;
  const EarlyModern early_modern(text, model_);
  DocWords doc(text);
  std::vector<std::vector<text::LmToken>> sentences;
  std::vector<SentenceEdits> made;
  auto pass = [&](const std::vector<text::LmToken>& toks, const std::unordered_set<std::string>* adapted) {
    CorrectOptions o = options;
    o.early_modern = !toks.empty() && early_modern.At(toks.front().begin, toks.back().end);
    o.real_word = o.real_word && !o.early_modern;
    o.early_modern_spelled = o.early_modern && early_modern.Spelled(toks.front().begin, toks.back().end);
    o.adapted = adapted;
    SentenceEdits m;
    SentencePass(model_, channel_, trie_, frequent_, common_, text, toks, o, cache, &doc)
        .Run(rank, &m.out, suggestions ? &m.sug : nullptr);
    return m;
  };
  text::LmSentences(text, [&](const std::vector<text::LmToken>& toks) {
    made.push_back(pass(toks, nullptr));
    sentences.push_back(toks);
  }, nullptr, {.continues_before_lower = [&](std::string_view a, std::string_view b) {
    return PeriodMayBreak(model_, channel_, trie_, cache, a, b);
  }, .misread_abbreviation = [&](std::string_view w) { return MisreadTitle(channel_, w); }});
  // The second pass: the sentences with a word the text misreads throughout.
  const std::unordered_set<std::string> pairs = AdaptedPairs(made, &doc);
  for (size_t i = 0; i < sentences.size() && !pairs.empty(); ++i)
    if (LeftAsItWas(sentences[i], made[i].out, pairs)) made[i] = pass(sentences[i], &pairs);
  for (SentenceEdits& m : made) {
    std::move(m.out.begin(), m.out.end(), std::back_inserter(*out));
    if (suggestions) std::move(m.sug.begin(), m.sug.end(), std::back_inserter(*suggestions));
  }
}

}  // namespace emend::correct
