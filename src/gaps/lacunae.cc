// Lacuna detection (see lacunae.h for the evidence used).
#include "gaps/lacunae.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>
#include <span>
#include <unordered_map>
#include <utility>

#include "text/lm_tokens.h"
#include "text/utf8.h"

namespace emend::gaps {
namespace {

enum Reason { kNumeral, kQuotation, kParenthetical, kNumReasons };
const char* const kReasonName[kNumReasons] = {"numeral", "quotation", "parenthetical"};

// Weights of the evidence, in log10 odds. Tuned on `emend damage` output
// of development books scored by a model that never saw them, and checked on
// the same books clean (tools/gaps_devset.sh, docs/lacunae.md); never on the
// held-out books.
struct Weights {
  double bias[kNumReasons] = {-1.50, -4.48, -5.50};  // prior odds of a gap at a boundary
  double lm[kNumReasons] = {2.55, 1.91, 1.08};       // per log10 of likelihood ratio
  double space_before_stop = 5.79;      // "was ." (a cut left its space)
  double glued_after_comma = 8.08;      // "third,he"
  double fused = 4.72;                  // a non-word that is two words around the cut
  double lower_start = 2.43;            // a sentence that starts in lower case: a quotation went
  double open_end = 0.49;               // a sentence that ends on , or :
  double colon_capital = 3.79;          // ": She says"
  double certain = 8.0;                 // empty "" or (), a stray ordinal suffix, "$ "
  double end = 0.32;                    // a numeral at a sentence end (added to its bias)
  double indent = 7.56;                 // " replied Campbell." at a paragraph start
  double blank = 8.75;                  // a sentence after 2+ blank lines
  double para_comma = 4.41;             // a paragraph that ends on ","
  double para_colon = 2.02;             // a paragraph that ends on ":"
  double comma_capital = 4.50;          // ", He opened": a clause after a comma starts anew
  double attribution = 3.82;            // "Scrooge replied." with nothing said before it
  double numerals_kept = -2.00;         // the text keeps its numerals elsewhere (a numeral's score)
};

// The log10 odds of a numeral lost at a stitch where the model is sure of a
// number (p(<num>) = 1); each order of magnitude less takes one off, so a
// stitch is reported where the model gives a number at least 1 in 1,000.
// Not tuned: `emend damage` makes no stitches (it strips digits and keeps the
// marks around them); set by hand and checked on the clean dev books.
constexpr double kStitch = 3.0;

// The built-in weights with `override` over them, in the order of
// GapOptions::weights (docs/lacunae.md, "How the weights were set, and on
// what"); extra values are ignored.
Weights MakeWeights(const std::vector<double>& override) {
  Weights x;
  double* f[] = {&x.bias[0], &x.bias[1], &x.bias[2], &x.lm[0], &x.lm[1], &x.lm[2], &x.space_before_stop,
                 &x.glued_after_comma, &x.fused, &x.lower_start, &x.open_end, &x.colon_capital, &x.end,
                 &x.indent, &x.blank, &x.para_comma, &x.para_colon, &x.comma_capital, &x.attribution,
                 &x.numerals_kept};
  for (size_t i = 0; i < override.size() && i < std::size(f); ++i) *f[i] = override[i];
  return x;
}

// Findings weaker than this (log10 odds) are dropped at once; they could only
// matter to suppression of neighbours, which compares stronger ones.
constexpr double kReportFloor = -1.5;

// The colon cue's extra weight in a copy that lost its quotations (not
// tuned: no development book is such a copy; set so that ": She says"-like
// cues with a model ratio down to about 10^-2 pass, see docs/lacunae.md).
constexpr double kQuotesStrippedColon = 4.0;

// What is known about one boundary, before weighing.
struct Features {
  double delta[kNumReasons] = {};  // log10 likelihood ratio of inserting each kind
  bool stop = false, glue = false, fused = false, lower = false, open_end = false, colon = false;
  bool end = false;  // the boundary is the end of a sentence
  bool indent = false;  // a paragraph that starts with one space (a cut kept the space after it)
  bool blank = false;   // a sentence after two or more blank lines (a paragraph went)
  bool para_comma = false, para_colon = false;  // the paragraph ends on "," / ":"
  bool comma_capital = false;  // ", He": a capitalised function word after a comma on one line
  bool attribution = false;    // the sentence starts here and is only "Scrooge replied."
  bool numerals_kept = false;  // the input has numerals (kNumeralsKept per 10,000 words)
  bool quotes_stripped = false;  // the input lost its quotations (DocFacts::quotes_stripped)
  bool certain[kNumReasons] = {};
  // The certain trace is one OCR noise makes too: a stray ordinal suffix
  // (" th "), empty brackets, a paragraph of marks, a line's trailing spaces.
  bool surface = false;
  // A stitch: the text runs on across a cut that took a sentence end with it
  // ("in June, Moreover", "in Berlin in Why", "inIremashvili"), doubled a
  // preposition ("time in in Finland") or left a dash spaced on one side
  // only ("In —that is"). Something was lost; a numeral if the model expects
  // one there (head_num).
  bool stitch = false;
  double head_num = -99;  // log10 p(<num> | the two tokens before the boundary)
};

// Texts with at least this many unexplained cues per 10,000 words (and
// kNoisyMin in all) are noisy OCR: real OCR has 40 or more (BLN600, the ICDAR
// 2017 monographs), `emend damage` output of the dev books 0 to 8, the seed 7.
constexpr double kNoisyRate = 15.0;
constexpr size_t kNoisyMin = 3;

// A spacing or case cue ("was .", "third,he", " th ", a sentence in lower
// case) where the model sees no lacuna of any kind: OCR noise, if a text
// has many of them, not a cut.
constexpr double kUnexplained = -4.0;  // log10 odds of the best kind without the cues

struct Finding {
  size_t offset = 0;       // where the gap is in the input
  Reason reason = kNumeral;
  double score = 0;        // log10 odds
  bool fused = false;      // offset splits a fused word: insert a space too
  bool certain = false;    // surface proof (empty quotes or brackets): never suppressed
  Features features;       // what it was weighed on (for Discount)
};

// Weighs the features of boundaries into findings with one set of weights
// (GapOptions::weights over the built-in ones), and hands each weighed
// boundary's features to GapOptions::trace if it is set.
class Weigher {
 public:
  explicit Weigher(const GapOptions& o) : w_(MakeWeights(o.weights)), trace_(o.trace) {}

  void Weigh(const Features& f, double s[kNumReasons]) const {
    const Weights& w = w_;
    for (int r = 0; r < kNumReasons; ++r) {
      s[r] = w.bias[r] + w.lm[r] * f.delta[r] + (f.stop ? w.space_before_stop : 0) +
             (f.glue ? w.glued_after_comma : 0) + (f.fused ? w.fused : 0) + (f.certain[r] ? w.certain : 0);
    }
    s[kNumeral] += (f.end ? w.end : 0) + (f.numerals_kept ? w.numerals_kept : 0);
    // Surface proof outweighs a model that finds the damaged text odd anyway.
    for (int r = 0; r < kNumReasons; ++r)
      if (f.certain[r]) s[r] = std::max(s[r], 3.0);
    if (f.stitch) s[kNumeral] = std::max(s[kNumeral], kStitch + f.head_num + (f.numerals_kept ? w.numerals_kept : 0));
    s[kQuotation] += (f.indent ? w.indent : 0) + (f.blank ? w.blank : 0);
    s[kQuotation] += (f.lower ? w.lower_start : 0) + (f.open_end ? w.open_end : 0) +
                     (f.colon ? w.colon_capital + (f.quotes_stripped ? kQuotesStrippedColon : 0) : 0);
    s[kQuotation] += (f.para_comma ? w.para_comma : 0) + (f.para_colon ? w.para_colon : 0) +
                     (f.comma_capital ? w.comma_capital : 0) + (f.attribution ? w.attribution : 0);
  }

  // The smallest likelihood ratio with which each reason could still be
  // reported given the other evidence (with a trace: none, so that every
  // feature is worked out exactly for the tuning tools).
  void Needs(const Features& f, double need[kNumReasons]) const {
    Features zero = f;
    for (double& d : zero.delta) d = 0;
    double s[kNumReasons];
    Weigh(zero, s);
    for (int r = 0; r < kNumReasons; ++r) need[r] = trace_ ? -1e9 : (kReportFloor - s[r]) / w_.lm[r];
  }

  // Whether `f` holds a surface cue the model cannot explain (kUnexplained).
  bool Unexplained(const Features& f) const {
    if (!(f.stop || f.glue || (f.surface && f.certain[kNumeral]))) return false;
    double best = -1e9;
    for (int r = 0; r < kNumReasons; ++r) best = std::max(best, w_.bias[r] + w_.lm[r] * f.delta[r]);
    return best < kUnexplained;
  }

  // Keeps the finding weighed on `f` at `offset` if its best reason passes the floor.
  void Keep(size_t offset, const Features& f, bool fused_split, std::vector<Finding>* out) const {
    double s[kNumReasons];
    Weigh(f, s);
    int best = int(std::max_element(s, s + kNumReasons) - s);
    bool certain = f.certain[0] || f.certain[1] || f.certain[2];
    if (s[best] > kReportFloor) out->push_back({offset, Reason(best), s[best], fused_split, certain, f});
  }

  // Traces the boundary's features, then Keep.
  void Report(size_t offset, const Features& f, bool fused_split, std::vector<Finding>* out) const {
    if (trace_) {
      char line[256];
      std::snprintf(line, sizeof line, "F %zu %.3f %.3f %.3f %d%d%d%d%d%d%d%d%d%d%d%d%d%d%d %d%d%d %.3f\n", offset,
                    f.delta[0], f.delta[1], f.delta[2], f.stop, f.glue, f.fused, f.lower, f.open_end, f.colon, f.end,
                    f.indent, f.blank, f.para_comma, f.para_colon, f.comma_capital, f.attribution, f.numerals_kept,
                    f.stitch, f.certain[0], f.certain[1], f.certain[2], f.head_num);
      trace_(line);
    }
    Keep(offset, f, fused_split, out);
  }

  // Traces a text's count of unexplained cues and of words.
  void Summary(size_t unexplained, size_t words) const {
    if (trace_) trace_("N " + std::to_string(unexplained) + " " + std::to_string(words) + "\n");
  }

 private:
  Weights w_;
  const std::function<void(const std::string&)>& trace_;
};

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// The number of tokens (runs of letters and digits, single other visible
// characters: the tokens of `emend eval`) that start in [a, b), up to 2.
int TokensBetween(std::string_view in, size_t a, size_t b) {
  int n = 0;
  for (size_t i = a; i < b && i < in.size() && n < 2; ++i) {
    char c = in[i];
    if (IsWordByte(c)) n += i == 0 || !IsWordByte(in[i - 1]);
    else n += c != ' ' && c != '\n' && c != '\t' && c != '\r';
  }
  return n;
}

// Of two findings of one reason at most one token apart (the same lacuna,
// as `emend eval` matches it), keeps the stronger.
std::vector<Finding> Suppress(std::string_view in, std::vector<Finding> found) {
  std::sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
  auto near = [in](const Finding& a, const Finding& b) {
    return a.reason == b.reason && !a.certain && !b.certain && TokensBetween(in, a.offset, b.offset) <= 1;
  };
  std::vector<Finding> out;
  for (size_t i = 0; i < found.size(); ++i) {
    bool weaker = (i > 0 && near(found[i - 1], found[i]) && found[i - 1].score >= found[i].score) ||
                  (i + 1 < found.size() && near(found[i], found[i + 1]) && found[i + 1].score > found[i].score);
    if (!weaker) out.push_back(found[i]);
  }
  return out;
}

// Consumes one roman digit group at *p: one of `pairs` (cm, cd), or an
// optional `five` then up to three `one`s.
bool RomanGroup(std::string_view l, size_t* p, char one, char five, char ten) {
  if (*p + 1 < l.size() && l[*p] == one && (l[*p + 1] == ten || l[*p + 1] == five)) return *p += 2, true;
  if (*p < l.size() && l[*p] == five) ++*p;
  for (int k = 0; k < 3 && *p < l.size() && l[*p] == one; ++k) ++*p;
  return true;
}

// ii, XIV, xxxvi: numbers that are present, in a form the model reads as
// words. Well-formed numerals only, in one case: "did", "mill" and "civil"
// are words.
bool IsRoman(std::string_view surface) {
  if (surface.size() < 2 || surface.size() > 10) return false;
  if (std::string_view("MDCLXVImdclxvi").find(surface[0]) == std::string_view::npos) return false;  // most words
  bool upper = surface[0] >= 'A' && surface[0] <= 'Z';
  std::string l;
  for (char c : surface) {
    if ((c >= 'A' && c <= 'Z') != upper) return false;
    l += static_cast<char>(c | 0x20);
  }
  size_t p = 0;
  while (p < l.size() && p < 4 && l[p] == 'm') ++p;
  RomanGroup(l, &p, 'c', 'd', 'm');
  RomanGroup(l, &p, 'x', 'l', 'c');
  RomanGroup(l, &p, 'i', 'v', 'x');
  return p == l.size();
}

bool IsClosingMark(std::string_view t) { return t == "," || t == ";" || t == ":" || t == ")"; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsSuffix(std::string_view w) { return w == "st" || w == "nd" || w == "rd" || w == "th" || w == "d"; }

// Verbs that introduce or attribute a quotation ("said he,", "writes:").
bool IsSpeechVerb(std::string_view w) {
  static const char* const kVerbs[] = {"said", "says", "say", "replied", "cried", "asked", "answered", "exclaimed",
                                       "added", "continued", "whispered", "murmured", "shouted", "observed",
                                       "remarked", "returned", "rejoined", "pursued", "retorted", "thought",
                                       "writes", "wrote", "declared", "repeated", "states", "quotes"};
  for (const char* v : kVerbs)
    if (w == v) return true;
  return false;
}

// Prepositions a year follows ("in in Finland" is "in 1906 in Finland").
bool IsYearPreposition(std::string_view w) {
  return w == "in" || w == "of" || w == "since" || w == "until" || w == "till" || w == "by" || w == "from";
}

// Words that open an English sentence and are not names: in capitals
// mid-sentence, they start a new one whose predecessor's end was cut away.
bool IsOpener(std::string_view w) {
  static const char* const kWords[] = {
      "he", "she", "it", "they", "we", "you", "the", "an", "this", "that", "there", "but", "and", "then", "so",
      "his", "her", "their", "my", "our", "its", "what", "how", "when", "where", "why", "if", "as", "at", "in",
      "on", "for", "with", "to", "of", "not", "these", "those", "all", "some", "every", "each", "here", "who",
      "which", "moreover", "however", "among", "therefore", "thus", "hence", "yet", "still", "besides",
      "meanwhile", "after", "before", "during", "since", "although", "though", "while", "whereas", "indeed",
      "nevertheless", "accordingly", "from", "by", "upon", "only", "even", "later", "soon", "finally", "again",
      "once", "neither", "nor", "both", "many", "most", "such", "no", "one", "subsequently", "afterwards"};
  for (const char* v : kWords)
    if (w == v) return true;
  return false;
}

// Openers that cannot follow a preposition: "in Why did" is a cut, "in His
// anger" is not.
bool IsClauseOpener(std::string_view w) {
  static const char* const kWords[] = {
      "he", "she", "they", "we", "why", "how", "moreover", "however", "there", "then", "but", "and", "so", "yet",
      "if", "when", "where", "while", "although", "though", "thus", "hence", "indeed", "nevertheless",
      "meanwhile", "besides", "therefore", "accordingly", "finally", "afterwards", "subsequently", "soon", "nor"};
  for (const char* v : kWords)
    if (w == v) return true;
  return false;
}

// A comma then a sentence opener is a stitch only where the model expects a
// number after the comma at least this much (log10): dates ("in June,"),
// not "I ask, What if" or "First, That".
constexpr double kCommaStitchMin = -1.0;

// What the whole input says about any one boundary of it.
struct DocFacts {
  // How often each word the model does not know occurs, as written.
  std::unordered_map<std::string_view, int> repeats;
  // The input keeps numerals: at least kNumeralsKept runs of digits per
  // 10,000 words. A pipeline that drops numerals drops them all (the seed
  // lost every one), so a copy that kept them elsewhere rarely lost one.
  bool numerals_kept = false;
  size_t words = 0;
  // Quotation marks and apostrophes are gone: English prose of kStrippedWords
  // words has apostrophes (1.5% of 2,000-word stretches of the corpus books
  // have none, all of them science or Plato), so a copy with none, at most one
  // quotation mark, and other lacunae found (kStrippedFindings scoring 2 or
  // more) went through a pipeline that dropped its quotations: a colon then a
  // capital is where one was.
  bool quotes_stripped = false;
  size_t apostrophes = 0, quote_marks = 0;
};
constexpr size_t kStrippedWords = 1000;
constexpr size_t kStrippedFindings = 2;
constexpr double kNumeralsKept = 3.0;

// A sentence's model tokens and their ids, with <s> and </s> around them
// (ids[k + 1] is the id of toks[k]); looked up once for every use.
struct Sentence {
  std::vector<text::LmToken> toks;
  std::vector<uint32_t> ids;
};

Sentence MakeSentence(const Model& m, const std::vector<text::LmToken>& toks) {
  Sentence s{toks, {Model::kSentenceStart}};
  for (const auto& t : toks) s.ids.push_back(m.Find(t.text));
  s.ids.push_back(Model::kSentenceEnd);
  return s;
}

DocFacts GatherFacts(std::string_view in, const std::vector<Sentence>& sentences) {
  DocFacts d;
  size_t words = 0, runs = 0;
  for (const Sentence& s : sentences)
    for (size_t k = 0; k < s.toks.size(); ++k) {
      const text::LmToken& t = s.toks[k];
      words += t.is_word;
      if (t.is_word && t.text.size() >= 4 && s.ids[k + 1] == Model::kUnknown) ++d.repeats[in.substr(t.begin, t.end - t.begin)];
    }
  for (size_t i = 0; i < in.size(); ++i) {
    runs += in[i] >= '0' && in[i] <= '9' && (i == 0 || !(in[i - 1] >= '0' && in[i - 1] <= '9'));
    d.apostrophes += in[i] == '\'';
    d.quote_marks += in[i] == '"';
    if (in[i] == '\xE2') {  // ’ “ ”
      std::string_view c = in.substr(i, 3);
      d.apostrophes += c == "\xE2\x80\x99";
      d.quote_marks += c == "\xE2\x80\x9C" || c == "\xE2\x80\x9D";
    }
  }
  d.numerals_kept = words > 0 && runs * 1e4 >= kNumeralsKept * words;
  d.words = words;
  return d;
}

class Scan {
 public:
  Scan(std::string_view in, const Model& m, const text::Lexicon* wl, const Sentence& s, const DocFacts& doc,
       const Weigher& wt)
      : in_(in), m_(m), wl_(wl), toks_(s.toks), doc_(doc), ids_(s.ids), wt_(wt) {
    num_ = m.Find(text::kNumToken);
    quote_ = m.Find("\"");
    comma_ = m.Find(",");
    open_ = m.Find("(");
    close_ = m.Find(")");
    size_t words = 0, verb_at = 0;  // verb_at: the 1-based word count at the first verb of saying
    bool quoted = false;
    for (const text::LmToken& t : toks_) {
      words += t.is_word;
      if (!verb_at && IsSpeechVerb(t.text)) verb_at = words;
      quoted |= t.text == "\"";
    }
    speech_ = verb_at > 0;
    bare_attribution_ = verb_at >= 1 && verb_at <= 3 && words <= 6 && !quoted;
  }

  // Adds to *unexplained each surface cue (Unexplained) of the sentence.
  void Run(std::vector<Finding>* out, size_t* unexplained) {
    unexplained_ = unexplained;
    heads_ = ScoreHeads();
    for (size_t j = 1; j < ids_.size(); ++j) Boundary(j, out);
    for (size_t k = 0; k < toks_.size(); ++k) Fused(k, out);
  }

 private:
  // A short word sequence on the stack (at most two words of context, the
  // head, two of its context and two right tokens), so that the per-boundary
  // scores allocate nothing.
  struct Seq {
    uint32_t w[8];
    size_t n = 0;
    void push_back(uint32_t x) { w[n++] = x; }
  };
  // The two ids before ids[j] (fewer at the start).
  static Seq Before(const std::vector<uint32_t>& ids, size_t j) {
    Seq s;
    for (size_t k = j >= 2 ? j - 2 : 0; k < j; ++k) s.push_back(ids[k]);
    return s;
  }
  double LP(const Seq& s, size_t i) const { return m_.LogProb(s.w, i, s.w[i]); }

  // The model's view of every boundary of ids_, scored in batches: for the
  // boundary before ids_[j], the log10 p of each inserted head (<num>, the
  // quotation mark, the parenthesis) and of ids_[j] itself, each after
  // ids_[j-2], ids_[j-1].
  struct Heads {
    std::vector<double> head[kNumReasons], base;
  };
  Heads ScoreHeads() const {
    const size_t n = ids_.size();
    std::vector<Model::State> ctx(n, m_.NullContext());
    std::vector<uint32_t> w(n);
    std::vector<double> lp(n);
    for (size_t back = 2; back >= 1; --back) {  // the state after ids_[j-2], then after ids_[j-1]
      std::vector<size_t> who;
      std::vector<Model::State> in;
      w.clear();
      for (size_t j = back; j < n; ++j) who.push_back(j), in.push_back(ctx[j]), w.push_back(ids_[j - back]);
      m_.ScoreBatch(in.data(), w.data(), who.size(), lp.data(), in.data());
      for (size_t i = 0; i < who.size(); ++i) ctx[who[i]] = in[i];
    }
    Heads h;
    const uint32_t heads[kNumReasons] = {num_, quote_, open_};
    std::vector<Model::State> out(n);
    for (int r = 0; r < kNumReasons; ++r) {
      w.assign(n, heads[r]);
      h.head[r].resize(n);
      m_.ScoreBatch(ctx.data(), w.data(), n, h.head[r].data(), out.data());
    }
    h.base.resize(n);
    m_.ScoreBatch(ctx.data(), ids_.data(), n, h.base.data(), out.data());
    return h;
  }

  // log10 of P(sentence `ids` with `head` (scored) then `ctx` (unscored
  // context) inserted before ids[j]) / P(sentence as it is), over the tokens
  // the insertion changes: the head and the next two tokens `right` (ids[j..]
  // or, for a fused word, its right half and what follows). `without` is the
  // log10 probability of those two tokens as they are; `head_lp`, if not
  // null, that of the head (already scored). When even the upper bound (head
  // alone, the right tokens costing nothing) is below `need`, the bound is
  // returned without further lookups.
  double Delta(const std::vector<uint32_t>& ids, size_t j, uint32_t head, std::initializer_list<uint32_t> ctx,
               std::span<const uint32_t> right, double without, double need, const double* head_lp) const {
    Seq with = Before(ids, j);
    with.push_back(head);
    double lp_with = head_lp ? *head_lp : LP(with, with.n - 1);
    if (lp_with - without < need) return lp_with - without;
    for (uint32_t c : ctx) with.push_back(c);
    for (size_t k = 0; k < right.size() && k < 2; ++k) {
      with.push_back(right[k]);
      lp_with += LP(with, with.n - 1);
    }
    return lp_with - without;
  }

  double Without(const std::vector<uint32_t>& ids, size_t j, std::span<const uint32_t> right) const {
    Seq w = Before(ids, j);
    const size_t left = w.n;
    double lp = 0;
    for (size_t k = 0; k < right.size() && k < 2; ++k) {
      w.push_back(right[k]);
      lp += LP(w, left + k);
    }
    return lp;
  }

  // At most the two tokens from ids_[j] on: all an insertion before it changes.
  std::span<const uint32_t> Right(size_t j) const {
    return std::span<const uint32_t>(ids_).subspan(j, std::min(ids_.size(), j + 2) - j);
  }

  // Scores for each reason at the boundary before ids[j], `right` following
  // it; need[r]: below this likelihood ratio reason r cannot be reported
  // (bounds suffice). `pre`: the batched scores, when ids is ids_ and right
  // is Right(j).
  void LmScores(const std::vector<uint32_t>& ids, size_t j, std::span<const uint32_t> right, Features* f,
                const double need[kNumReasons], const Heads* pre) const {
    double without = 0;
    if (pre) {
      for (size_t k = 0; k < right.size() && k < 2; ++k) without += pre->base[j + k];
    } else {
      without = Without(ids, j, right);
    }
    auto head = [&](int r) { return pre ? &pre->head[r][j] : nullptr; };
    f->delta[kNumeral] = Delta(ids, j, num_, {}, right, without, need[kNumeral], head(kNumeral));
    // After a quotation comes ", he said" mid-sentence. At a sentence end:
    // is a quotation likelier to open here than the sentence to end?
    if (right.size() == 1 && right[0] == Model::kSentenceEnd) {
      std::vector<uint32_t> h(ids.begin() + (j >= 2 ? j - 2 : 0), ids.begin() + j);
      f->delta[kQuotation] = (pre ? pre->head[kQuotation][j] : m_.LogProb(h.data(), h.size(), quote_)) -
                             (pre ? pre->base[j] : m_.LogProb(h.data(), h.size(), Model::kSentenceEnd));
    } else {
      // Dialogue ("…," he said) or a quoted term (the word "together";):
      // whichever form the model finds likelier.
      double dialogue = Delta(ids, j, quote_, {comma_, quote_}, right, without, need[kQuotation], head(kQuotation));
      double term = Delta(ids, j, quote_, {Model::kUnknown, quote_}, right, without, need[kQuotation], head(kQuotation));
      f->delta[kQuotation] = std::max(dialogue, term);
    }
    f->delta[kParenthetical] = Delta(ids, j, open_, {close_}, right, without, need[kParenthetical], head(kParenthetical));
  }

  const text::LmToken* Tok(size_t j) const { return j >= 1 && j <= toks_.size() ? &toks_[j - 1] : nullptr; }

  // The previous non-blank byte before `pos`, and whether a blank line (or the start) comes first.
  char PrevVisible(size_t pos, bool* para_start) const {
    int newlines = 0;
    while (pos > 0) {
      char c = in_[--pos];
      if (c == '\n') { ++newlines; continue; }
      if (c == ' ' || c == '\t' || c == '\r') continue;
      *para_start = newlines >= 2;
      return c;
    }
    *para_start = true;
    return 0;
  }

  void Boundary(size_t j, std::vector<Finding>* out) const {
    const text::LmToken* L = Tok(j - 1);
    const text::LmToken* R = Tok(j);
    Features f;
    f.numerals_kept = doc_.numerals_kept, f.quotes_stripped = doc_.quotes_stripped;
    f.certain[kQuotation] = L && R && L->text == "\"" && R->text == "\"" && L->end == R->begin;
    if (f.certain[kQuotation]) { wt_.Report(L->end, f, false, out); return; }
    // A number within two tokens is still there: nothing lost here.
    for (size_t k = j >= 2 ? j - 2 : 0; k <= j + 1 && k < ids_.size(); ++k)
      if (ids_[k] == num_) return;
    if (R && IsSuffix(R->text) && !IsAsciiLower(in_[R->begin])) return;  // St. is a saint, not a 21st
    size_t at = L ? L->end : R->begin;
    for (size_t k = at >= 12 ? at - 12 : 0; k < at + 12 && k < in_.size(); ++k)
      if (in_[k] >= '0' && in_[k] <= '9') return;
    Cues(j, L, R, &f);
    // A roman numeral or an initial near: the number may be present, unless
    // a cut left its mark ("Job xiii. ." is a verse number gone).
    if (!f.stop && NumberLikeNear(j, L)) return;
    double need[kNumReasons];
    wt_.Needs(f, need);
    LmScores(ids_, j, Right(j), &f, need, &heads_);
    f.stitch = Stitch(j, L, R);
    f.head_num = heads_.head[kNumeral][j];
    // A sentence cut by a blank line, not by . ! or ?: the model's end of
    // sentence is unlikely there whatever was lost, so only the cues count.
    if (!R && !EndsWithTerminator(L->end)) f.delta[kNumeral] = f.delta[kParenthetical] = -9;
    // A paragraph of dialogue gone between two others: the model cannot weigh
    // a quotation inserted before a quotation, so only the cue speaks.
    if (f.blank && R && R->text == "\"") f.delta[kQuotation] = 0;
    // A quotation mark the model does not read (` ' ‘ ’) right here: the quotation is present.
    if (QuoteMarkNear(at)) f.delta[kQuotation] = -9, f.lower = f.open_end = f.colon = false,
                           f.attribution = f.para_comma = f.para_colon = f.comma_capital = false;
    *unexplained_ += wt_.Unexplained(f);
    wt_.Report(L ? L->end : R->begin, f, false, out);
  }

  // See Features::stitch. L and R on one line; R a sentence opener in
  // capitals (not a title: the word after it is not capitalised) after a
  // lower-case word or a comma; or R repeating a preposition L; or a dash
  // glued to R but spaced from L.
  bool Stitch(size_t j, const text::LmToken* L, const text::LmToken* R) const {
    if (!L || !R || (!L->is_word && L->text != ",")) return false;
    std::string_view between = in_.substr(L->end, R->begin - L->end);
    if (between.find('\n') != between.npos || !R->is_word) return false;
    if (L->is_word && L->text == R->text && IsAsciiLower(in_[L->begin]) && IsAsciiLower(in_[R->begin]))
      return IsYearPreposition(L->text);
    if (L->is_word && between.size() >= 2 && between[0] == ' ' && (between.ends_with("\xE2\x80\x94") || between.ends_with("-")))
      return between.find_first_not_of(" -\xE2\x80\x93\x94") == between.npos;
    bool title_case = in_[R->begin] >= 'A' && in_[R->begin] <= 'Z' && IsAsciiLower(in_[R->begin + 1]);
    if (!title_case || between.find_first_not_of(' ') != between.npos) return false;
    // After a preposition, only a word that cannot follow one ("in Why",
    // not "in His anger"); after a comma, where a number is expected.
    if (L->is_word ? !(IsYearPreposition(L->text) && IsAsciiLower(in_[L->begin]) && IsClauseOpener(R->text))
                   : !(IsOpener(R->text) && heads_.head[kNumeral][j] >= kCommaStitchMin))
      return false;
    const text::LmToken* next = Tok(j + 1);
    return next && (!next->is_word || IsAsciiLower(in_[next->begin]));
  }

  // A roman numeral within a token of the boundary, or an initial (P.) before it (not p. for page).
  bool NumberLikeNear(size_t j, const text::LmToken* L) const {
    for (const text::LmToken* t : {Tok(j - 2), L, Tok(j), Tok(j + 1)})
      if (t && t->is_word && IsRoman(in_.substr(t->begin, t->end - t->begin))) return true;
    return L && L->is_word && L->end - L->begin == 1 && in_[L->begin] >= 'B' && in_[L->begin] <= 'Z' &&
           in_[L->begin] != 'I';
  }

  // From `pos`, past spaces and tabs and at most one line break: a cut may
  // leave a word and its full stop on two lines ("died in\n.").
  size_t SkipBlank(size_t pos) const {
    bool newline = false;
    while (pos < in_.size()) {
      char c = in_[pos];
      if (c == '\n' && newline) break;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
      newline |= c == '\n';
      ++pos;
    }
    return pos;
  }

  // Whether only white space with two or more line breaks (or the end) follows `pos`.
  bool ParagraphEndsAt(size_t pos) const {
    int newlines = 0;
    for (; pos < in_.size(); ++pos) {
      char c = in_[pos];
      if (c == '\n') { if (++newlines >= 2) return true; continue; }
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
  }

  // Whether the next visible text after `pos` (past "--" and white space) opens a quotation.
  bool QuoteStartsAfter(size_t pos) const {
    while (pos < in_.size() && (in_[pos] == ' ' || in_[pos] == '\n' || in_[pos] == '\r' || in_[pos] == '-')) ++pos;
    if (pos >= in_.size()) return false;
    std::string_view rest = in_.substr(pos);
    return rest[0] == '"' || rest[0] == '\'' || rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x98");
  }

  // A heading in capitals starts at `pos` ("LAMENT", "X", a quoted "I ROSE
  // UP AS MY CUSTOM IS"): a title, not dialogue.
  bool TitleInCapitals(size_t pos) const {
    size_t upper = 0;
    for (; pos < in_.size() && in_[pos] != '\n'; ++pos) {
      if (IsAsciiLower(in_[pos])) return false;
      upper += in_[pos] >= 'A' && in_[pos] <= 'Z';
    }
    return upper >= 1;
  }

  // ", He opened": a capitalised function word right after a comma, on the
  // same line (verse starts every line with a capital), which English only
  // does when what was between them (a quotation) went.
  bool CommaCapital(const text::LmToken* L, const text::LmToken* R, std::string_view between) const {
    static const char* const kWords[] = {"he", "she", "it", "they", "we", "you", "the", "a", "an", "this", "that",
                                         "there", "but", "and", "then", "so", "his", "her", "their", "my", "our",
                                         "your", "its", "what", "how", "when", "where", "why", "if", "as", "at",
                                         "in", "on", "for", "with", "to", "of", "not", "no", "yes", "oh", "well",
                                         "now", "these", "those", "him", "them", "me", "us", "is", "was",
                                         "another", "all", "some", "one", "every", "each", "nothing", "here",
                                         "let", "do", "who", "which"};
    if (L->text != "," || !R->is_word || between.find('\n') != between.npos) return false;
    if (!(in_[R->begin] >= 'A' && in_[R->begin] <= 'Z')) return false;
    for (const char* w : kWords)
      if (R->text == w) return true;
    return false;
  }

  void Cues(size_t j, const text::LmToken* L, const text::LmToken* R, Features* f) const {
    if (R && R->is_word && IsSuffix(R->text) && R->begin > 0 && (in_[R->begin - 1] == ' ' || in_[R->begin - 1] == '\n'))
      f->certain[kNumeral] = f->surface = !StraySuffixIsAWord(*R);
    if (L && R) {
      std::string_view between = in_.substr(L->end, R->begin - L->end);
      // "£ to": the amount went (in noisy OCR, "£led" is a misread long s: surface).
      if (between.find('$') != between.npos || between.find("\xC2\xA3") != between.npos)
        f->certain[kNumeral] = f->surface = true;
      const text::LmToken* before = Tok(j - 2);  // the word before the comma
      f->glue = (L->text == "," || L->text == ";") && between.empty() && R->is_word && R->text.size() > 1 &&
                before && before->text.size() > 1;
      f->colon = L->text == ":" && R->is_word && !IsAsciiLower(in_[R->begin]);
      f->comma_capital = CommaCapital(L, R, between);
      f->stop = !between.empty() && SkipBlank(L->end) == R->begin && IsClosingMark(R->text) &&
                (L->is_word || IsClosingMark(L->text));  // "Defoe, , ."
    }
    if (!R && L) {  // the sentence end
      f->end = true;
      size_t e = L->end, m = SkipBlank(e);
      f->stop = m > e && m < in_.size() && (in_[m] == '.' || in_[m] == '!' || in_[m] == '?') &&
                (L->is_word || IsClosingMark(L->text)) && !EllipsisAt(m);
      // What a comma or colon introduced may follow, as its own paragraph.
      bool open = (L->text == "," || L->text == ":") && !QuoteStartsAfter(e);
      bool para_end = open && ParagraphEndsAt(e);
      f->open_end = open;
      f->para_comma = para_end && speech_ && L->text == ",";
      f->para_colon = para_end && speech_ && L->text == ":";
    }
    f->attribution = j == 1 && bare_attribution_;
    if (j == 1 && R && R->is_word && IsAsciiLower(in_[R->begin])) {
      bool para = false;
      char prev = PrevVisible(R->begin, &para);
      f->lower = para || prev == '.' || prev == '!' || prev == '?';
    }
    if (j == 1 && R) {
      size_t b = R->begin, newlines = 0;
      bool one_space = b >= 2 && in_[b - 1] == ' ' && in_[b - 2] == '\n';
      while (b > 0 && (in_[b - 1] == ' ' || in_[b - 1] == '\n' || in_[b - 1] == '\r')) newlines += in_[--b] == '\n';
      f->indent = one_space && newlines >= 2;
      // Between paragraphs of dialogue (a quotation mark on either side).
      bool dialogue = R->text == "\"" || (b > 0 && (in_[b - 1] == '"' || (b >= 3 && in_.substr(b - 3, 3) == "\xE2\x80\x9D")));
      f->blank = newlines >= 4 && b > 0 && dialogue && !TitleInCapitals(R->text == "\"" ? R->end : R->begin);
    }
  }

  bool QuoteMarkNear(size_t at) const {
    size_t b = at, e = at;
    while (b > 0 && (in_[b - 1] == ' ' || in_[b - 1] == '-' || in_[b - 1] == ',' || in_[b - 1] == '.' ||
                     in_[b - 1] == '\n' || in_[b - 1] == '\r'))
      --b;
    while (e < in_.size() && (in_[e] == ' ' || in_[e] == '-')) ++e;
    auto quote_at = [&](size_t i) {
      return in_[i] == '\'' || in_[i] == '`' || in_.substr(i, 3) == "\xE2\x80\x98" || in_.substr(i, 3) == "\xE2\x80\x99";
    };
    return (b > 0 && quote_at(b - 1)) || (b >= 3 && quote_at(b - 3)) || (e < in_.size() && quote_at(e));
  }

  // th' is "the", d--d is "damned": not the suffix of a lost ordinal.
  bool StraySuffixIsAWord(const text::LmToken& t) const {
    if (t.end >= in_.size()) return false;
    return in_[t.end] == '\'' || in_.substr(t.end, 3) == "\xE2\x80\x99" || (t.text == "d" && in_[t.end] == '-');
  }

  // "show . . ." or "show ...": a writer's ellipsis, spaced like a cut's full stop.
  bool EllipsisAt(size_t pos) const {
    std::string_view rest = in_.substr(pos);
    return rest.starts_with("..") || rest.starts_with(". .");
  }

  bool EndsWithTerminator(size_t pos) const {
    while (pos < in_.size() && (in_[pos] == ' ' || in_[pos] == '"' || in_[pos] == ')')) ++pos;
    pos = SkipBlank(pos);
    return pos < in_.size() && (in_[pos] == '.' || in_[pos] == '!' || in_[pos] == '?');
  }

  bool Known(std::string_view w) const {
    uint32_t id = m_.Find(w);
    return id != Model::kUnknown && m_.Count(id) >= 50 && (w.size() > 1 || w == "a" || w == "i");
  }

  // A non-word that is two words around a cut: inon, lampswas.
  void Fused(size_t k, std::vector<Finding>* out) const {
    const text::LmToken& t = toks_[k];
    if (!t.is_word || t.text.size() < 4 || t.text.size() > 30 || ids_[k + 1] != Model::kUnknown) return;
    std::string_view surface = in_.substr(t.begin, t.end - t.begin);
    if (FusedAtCapital(k, surface, out)) return;
    for (size_t i = 0; i < surface.size(); ++i)  // lower case, or a capital then lower case
      if (!IsAsciiLower(surface[i]) && !(i == 0 && surface[i] >= 'A' && surface[i] <= 'Z')) return;
    if (IsRoman(surface)) return;
    if (wl_ && wl_->Contains(t.text)) return;
    // A word the text repeats is a word (Bellston, tripper), not one cut made:
    // a name twice, any other word three times.
    auto r = doc_.repeats.find(surface);
    if (r != doc_.repeats.end() && r->second >= (IsAsciiLower(surface[0]) ? 3 : 2)) return;
    Features best;
    size_t best_cut = 0;
    double best_score = -1e9;
    for (size_t cut = 1; cut < t.text.size(); ++cut) {
      std::string_view a = std::string_view(t.text).substr(0, cut), b = std::string_view(t.text).substr(cut);
      if (!Known(a) || !Known(b) || IsSuffix(b) || b.size() < 2) continue;
      // The sentence with the word split: [.. a] | [b ..], boundary before b.
      std::vector<uint32_t> right{m_.Find(b)};
      right.insert(right.end(), ids_.begin() + k + 2, ids_.end());
      ScanSplit split(*this, k, m_.Find(a));
      Features f;
      f.fused = true;
      f.numerals_kept = doc_.numerals_kept, f.quotes_stripped = doc_.quotes_stripped;
      right.resize(std::min<size_t>(right.size(), 2));
      split.Scores(right, &f);
      double s[kNumReasons];
      wt_.Weigh(f, s);
      double top = *std::max_element(s, s + kNumReasons);
      if (top > best_score) { best = f; best_cut = cut; best_score = top; }
    }
    if (best_cut) wt_.Report(t.begin + best_cut, best, true, out);
  }

  // "inIremashvili": a preposition glued to a capitalised word is a stitch
  // (Features::stitch) whose cut took the space, a numeral and a full stop.
  bool FusedAtCapital(size_t k, std::string_view surface, std::vector<Finding>* out) const {
    size_t cut = 0;
    while (cut < surface.size() && IsAsciiLower(surface[cut])) ++cut;
    if (cut < 2 || cut + 2 > surface.size() || !(surface[cut] >= 'A' && surface[cut] <= 'Z')) return false;
    for (size_t i = cut + 1; i < surface.size(); ++i)
      if (!IsAsciiLower(surface[i])) return false;
    std::string a(surface.substr(0, cut));
    if (!IsYearPreposition(a)) return false;
    std::vector<uint32_t> ctx(ids_.begin() + (k >= 1 ? k - 1 : 0), ids_.begin() + k + 1);
    ctx.push_back(m_.Find(a));
    Features f;
    f.stitch = true;
    f.numerals_kept = doc_.numerals_kept, f.quotes_stripped = doc_.quotes_stripped;
    f.head_num = m_.LogProb(ctx.data(), ctx.size(), num_);
    for (double& d : f.delta) d = -9;  // only the stitch speaks
    wt_.Report(toks_[k].begin + cut, f, true, out);
    return true;
  }

  // The scan of a sentence whose token k is replaced by word `a` (the left
  // half of a fused word), so that LmScores can be asked about the boundary after it.
  struct ScanSplit {
    ScanSplit(const Scan& s, size_t k, uint32_t a) : s_(s), ids_(s.ids_.begin(), s.ids_.begin() + k + 1) {
      ids_.push_back(a);
    }
    void Scores(const std::vector<uint32_t>& right, Features* out) const {
      std::vector<uint32_t> ids = ids_;
      ids.insert(ids.end(), right.begin(), right.end());
      double need[kNumReasons];
      s_.wt_.Needs(*out, need);
      s_.LmScores(ids, ids_.size(), right, out, need, nullptr);
    }
    const Scan& s_;
    std::vector<uint32_t> ids_;
  };

  std::string_view in_;
  const Model& m_;
  const text::Lexicon* wl_;
  const std::vector<text::LmToken>& toks_;
  const DocFacts& doc_;
  const std::vector<uint32_t>& ids_;
  const Weigher& wt_;
  Heads heads_;  // batched scores of ids_, set by Run
  size_t* unexplained_ = nullptr;
  bool speech_;  // the sentence has a verb of saying
  bool bare_attribution_;  // the sentence is a short "Scrooge replied." with no quotation in it
  uint32_t num_, quote_, comma_, open_, close_;
};

bool IsAsciiLetterByte(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A line that starts with ". " or ") ": a numbered paragraph or list item
// whose number went ("\n\n36. When" -> "\n\n. When"), not an ellipsis.
bool NumberedLineLost(std::string_view in, size_t i) {
  while (i < in.size() && (in[i] == ' ' || in[i] == '\t')) ++i;
  if (i + 1 >= in.size() || (in[i] != '.' && in[i] != ')')) return false;
  size_t j = i + 1;
  while (j < in.size() && in[j] == ' ') ++j;
  return j < in.size() && j > i + 1 && IsAsciiLetterByte(in[j]);
}

// Words that are followed by a number (fig. 3, pp. 12, vol. 2, § 4): if what
// follows "word. " is neither a number nor a roman numeral, returns the
// offset where the number was; else 0.
size_t AfterNumberWord(std::string_view in, size_t i) {
  static const char* kWords[] = {"fig", "figs", "pp", "p", "vol", "vols", "chap", "art", "sec", "no", "nos"};
  size_t e = i;
  while (e < in.size() && IsAsciiLetterByte(in[e])) ++e;
  std::string w = text::Lower(in.substr(i, e - i));
  bool known = false;
  for (const char* k : kWords) known |= w == k;
  if (!known || e >= in.size() || in[e] != '.') return 0;
  if ((w == "no" || w == "nos") && in[i] != 'N') return 0;  // "no." ends a sentence; "No." with a number is titled
  if (w == "p" && in[i] != 'p') return 0;                   // P. is an initial
  size_t j = e + 1;
  while (j < in.size() && in[j] == ' ') ++j;
  if (j >= in.size() || in[j] == '\n') return 0;
  char next = in[j];
  if (next >= '0' && next <= '9') return 0;
  size_t r = j;
  while (r < in.size() && IsAsciiLetterByte(in[r])) ++r;
  if (r > j && IsRoman(in.substr(j, r - j))) return 0;
  if (r - j == 1 && std::string_view("ivxlcIVXLC").find(next) != std::string_view::npos) return 0;
  // What is left must look like a stitch: a mark, or a word in lower case ("pp. and").
  if (next == '.' || next == ',' || next == ';' || next == ')' || next == '-' || next == ':') return e + 1;
  return 0;
}

// A heading that names a numbered part and has lost its number ("Section",
// "CHAPTER", "§" alone on a line that starts a paragraph).
bool IsNumberedHeading(std::string_view line) {
  static const char* const kWords[] = {"section", "chapter", "part", "book", "volume", "plate", "figure", "article",
                                       "psalm", "§", "canto", "stanza", "act", "scene", "fig.", "vol.", "chap.",
                                       "sect.", "art."};
  if (line.empty() || line.size() > 8 || !(line[0] < 'a' || line[0] > 'z')) return false;
  std::string lower = text::Lower(line);
  for (const char* w : kWords)
    if (lower == w) return true;
  return false;
}

// Whether the next line with text after `pos` starts with white space (a
// table of contents under a "CHAPTER" column head, not a chapter's text).
bool NextLineIndented(std::string_view in, size_t pos) {
  while (pos < in.size() && (in[pos] == '\n' || in[pos] == '\r')) ++pos;
  return pos < in.size() && (in[pos] == ' ' || in[pos] == '\t');
}

// Line layout a cut leaves: a line whose text ends in two or more spaces (a
// right-aligned page or verse number went: "Art of Friendship      \n"), and
// a numbered heading alone in its paragraph.
void LineScan(std::string_view in, const Weigher& wt, std::vector<Finding>* out) {
  Features certain_numeral, certain_quotation;
  certain_numeral.certain[kNumeral] = certain_quotation.certain[kQuotation] = true;
  certain_numeral.surface = certain_quotation.surface = true;
  bool after_blank = true;
  for (size_t b = 0; b < in.size();) {
    size_t e = in.find('\n', b);
    if (e == in.npos) e = in.size();
    size_t last = e;  // one past the last visible byte
    while (last > b && (in[last - 1] == ' ' || in[last - 1] == '\t' || in[last - 1] == '\r')) --last;
    size_t first = b;
    while (first < last && (in[first] == ' ' || in[first] == '\t')) ++first;
    size_t spaces = 0;
    for (size_t k = last; k < e; ++k) spaces += in[k] == ' ' ? 1 : in[k] == '\t' ? 2 : 0;
    if (first < last && spaces >= 2) {
      // Two or three spaces after a full sentence: the typist's double space,
      // then a quotation that went; a right-aligned number leaves more.
      char end = in[last - 1];
      bool sentence = end == '.' || end == '!' || end == '?' || end == '"' || in.substr(0, last).ends_with("\xE2\x80\x9D");
      wt.Report(e, spaces < 4 && sentence ? certain_quotation : certain_numeral, false, out);
    }
    else if (after_blank && IsNumberedHeading(in.substr(first, last - first)) && !NextLineIndented(in, e))
      wt.Report(last, certain_numeral, false, out);
    after_blank = first == last;
    b = e + 1;
  }
}

// "June [, in": a bracket opened after a word and at once followed by a mark
// (, ; : .) and more of the sentence in lower case, its contents and its
// closing bracket cut away (not a cipher's "(;88" or a bracket at a line end).
bool BracketThenMark(std::string_view in, size_t i) {
  if (i < 3 || in[i - 2] != ' ' || !IsAsciiLetterByte(in[i - 3])) return false;
  while (i < in.size() && in[i] == ' ') ++i;
  if (i + 2 >= in.size() || in[i + 1] != ' ' || !(in[i + 2] >= 'a' && in[i + 2] <= 'z')) return false;
  return in[i] == ',' || in[i] == ';' || in[i] == ':' || in[i] == '.';
}

// Evidence the language model never sees because its tokens skip it: empty
// brackets ([] () {} from footnote or list numbers) and paragraphs left with
// nothing but punctuation (a chapter number's full stop).
void SurfaceScan(std::string_view in, const Weigher& wt, std::vector<Finding>* out) {
  Features certain_numeral;
  certain_numeral.certain[kNumeral] = certain_numeral.surface = true;
  size_t para_start = 0;
  bool para_has_word = false;
  int para_marks = 0;  // a chapter number's "36." leaves one or two marks; an ellipsis more
  if (NumberedLineLost(in, 0)) wt.Report(0, certain_numeral, false, out);
  for (size_t i = 0; i <= in.size(); ++i) {
    char c = i < in.size() ? in[i] : '\n';
    bool blank_line = c == '\n' && (i + 1 >= in.size() || in[i + 1] == '\n');
    if (blank_line || i == in.size()) {
      if (para_marks > 0 && para_marks <= 2 && !para_has_word) wt.Report(para_start, certain_numeral, false, out);
      while (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      para_start = i + 1;
      para_has_word = false;
      para_marks = 0;
      if (NumberedLineLost(in, para_start)) wt.Report(para_start, certain_numeral, false, out);
      continue;
    }
    if (IsWordByte(c)) para_has_word = true;
    else if (c == '.' || c == ',' || c == ';' || c == ':' || c == ')') ++para_marks;
    char close = c == '[' ? ']' : c == '(' ? ')' : c == '{' ? '}' : 0;
    if (close && i + 1 < in.size() && (in[i + 1] == close || BracketThenMark(in, i + 1)))
      wt.Report(i + 1, certain_numeral, false, out);
    if (c == '\n' && NumberedLineLost(in, i + 1)) wt.Report(i + 1, certain_numeral, false, out);
    if (IsAsciiLetterByte(c) && (i == 0 || !IsAsciiLetterByte(in[i - 1]))) {
      size_t at = AfterNumberWord(in, i);
      if (at) wt.Report(at, certain_numeral, false, out);
    }
  }
}

bool QuotesStripped(const DocFacts& d, const std::vector<Finding>& found) {
  if (d.words < kStrippedWords || d.apostrophes > 0 || d.quote_marks > 1) return false;
  size_t strong = 0;
  for (const Finding& f : found) strong += f.score >= 2.0;
  return strong >= kStrippedFindings;
}

// A stitch alone is weak evidence: "took in in climbing", "the game of How,
// When and Where" are English. A pipeline that cut numerals with their full
// stops leaves many (the seed has 6 in 4,000 words); the simulator's damaged
// dev books have about 1 per 100,000 words, mostly false. So stitches count
// only in a text with at least kStitchMin of them and kStitchRate per
// 10,000 words; elsewhere each is weighed again without the cue.
constexpr size_t kStitchMin = 2;
constexpr double kStitchRate = 3.0;

// Each finding that `drop` takes cues from (it returns whether it took any)
// is weighed again without them, and dropped if it no longer passes.
std::vector<Finding> Reweigh(const std::vector<Finding>& found, const Weigher& wt, bool (*drop)(Features*)) {
  std::vector<Finding> out;
  for (const Finding& f : found) {
    Features x = f.features;
    if (drop(&x)) wt.Keep(f.offset, x, f.fused, &out);
    else out.push_back(f);
  }
  return out;
}

bool DropStitch(Features* x) { return std::exchange(x->stitch, false); }

std::vector<Finding> WeighStitches(const std::vector<Finding>& found, const Weigher& wt, size_t words) {
  size_t stitches = 0;
  for (const Finding& f : found) stitches += f.features.stitch;
  if (stitches >= kStitchMin && stitches * 1e4 >= kStitchRate * words) return found;
  return Reweigh(found, wt, DropStitch);
}

// In a noisy text, the spacing and case cues are the OCR's, not a cut's:
// each finding is weighed again without them, and dropped if it fails.
bool DropSurfaceCues(Features* x) {
  if (!(x->stop || x->glue || x->surface || x->lower || x->stitch)) return false;
  if (x->surface) x->certain[kNumeral] = x->certain[kQuotation] = x->surface = false;
  x->stop = x->glue = x->lower = x->stitch = false;
  return true;
}

std::vector<Finding> Discount(const std::vector<Finding>& found, const Weigher& wt) {
  return Reweigh(found, wt, DropSurfaceCues);
}

double Confidence(double log10_odds) { return 1.0 / (1.0 + std::pow(10.0, -log10_odds)); }

}  // namespace

void ProposeGaps(std::string_view input, const Model& model, const text::Lexicon* wordlist,
                 const GapOptions& o, int rank, repair::Proposals* out) {
  std::vector<Sentence> sentences;
  text::LmSentences(input, [&](const std::vector<text::LmToken>& toks) {
    if (!toks.empty()) sentences.push_back(MakeSentence(model, toks));
  });
  DocFacts doc = GatherFacts(input, sentences);
  const Weigher wt(o);
  std::vector<Finding> found;
  size_t unexplained = 0;
  for (const Sentence& s : sentences) Scan(input, model, wordlist, s, doc, wt).Run(&found, &unexplained);
  if (QuotesStripped(doc, found)) {  // scan again, the colon cue weighed as in such a copy
    doc.quotes_stripped = true;
    found.clear(), unexplained = 0;
    for (const Sentence& s : sentences) Scan(input, model, wordlist, s, doc, wt).Run(&found, &unexplained);
  }
  found = WeighStitches(found, wt, doc.words);
  SurfaceScan(input, wt, &found);
  LineScan(input, wt, &found);
  if (unexplained >= kNoisyMin && unexplained * 1e4 >= kNoisyRate * doc.words) found = Discount(found, wt);
  wt.Summary(unexplained, doc.words);
  found = Suppress(input, std::move(found));
  for (const Finding& f : found) {
    double conf = Confidence(f.score);
    if (conf < o.min_confidence) continue;
    std::string mark = o.marker.empty() ? "" : " " + o.marker;
    std::string after = f.fused ? mark + " " : mark;
    uint32_t kinds = f.fused ? (kGap | kSplit) : kGap;
    std::string rule = std::string("gap.") + kReasonName[f.reason];
    std::string note = std::string(kReasonName[f.reason]) + " lost here" + (f.fused ? " (words fused at the cut)" : "");
    out->push_back(repair::MakeProposal(input, f.offset, f.offset, after, kinds, std::round(conf * 1000) / 1000,
                                        rule.c_str(), note.c_str(), rank));
  }
}

}  // namespace emend::gaps
