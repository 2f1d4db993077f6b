#include "text/lm_tokens.h"

#include <algorithm>
#include <array>

#include "text/tokenizer.h"
#include "text/utf8.h"

namespace emend::text {
namespace {

// Lower-cased abbreviations after which '.' does not end a sentence.
bool IsAbbreviation(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kAbbr = {
      "mr", "mrs", "dr", "st", "messrs", "rev", "vol", "no", "esq", "capt", "col", "gen", "lieut", "sir", "viz", "etc"};
  return lower.size() == 1 || std::find(kAbbr.begin(), kAbbr.end(), lower) != kAbbr.end();
}

// The model's form of a punctuation token, or "" to skip it.
std::string_view PunctForm(std::string_view p) {
  if (p == "," || p == ";" || p == ":" || p == "(" || p == ")") return p;
  if (p == "\"" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x9D") return "\"";
  return "";
}

bool EndsSentence(std::string_view p) { return p == "." || p == "!" || p == "?"; }

std::string LowerWord(std::string_view w) {
  std::string s = Lower(w);
  s = ApostrophesToAscii(s);
  return s;
}

class Scanner {
 public:
  Scanner(std::string_view in, const std::function<void(const std::vector<LmToken>&)>& cb, LmScanStats* st,
          const LmSplitOptions& o)
      : in_(in), cb_(cb), st_(st), o_(o) {}
  void Run();

 private:
  void Flush() {
    if (!sent_.empty()) {
      cb_(sent_);
      if (st_) { st_->sentences++; st_->tokens += sent_.size(); }
      sent_.clear();
    }
  }
  void Push(LmToken t) {
    sent_.push_back(std::move(t));
    if (sent_.size() >= kMaxSentence) Flush();
  }
  size_t Word(size_t i);
  bool EndsAt(size_t i) const;
  size_t WordAfter(size_t i, char lo, char hi) const;
  std::string_view in_;
  const std::function<void(const std::vector<LmToken>&)>& cb_;
  LmScanStats* st_;
  const LmSplitOptions& o_;
  std::vector<Token> toks_;
  std::vector<LmToken> sent_;
};

// A word token at toks_[i], joined with -word continuations; returns the
// index after it.
size_t Scanner::Word(size_t i) {
  size_t j = i + 1;
  while (j + 1 < toks_.size() && toks_[j].type == TokenType::kPunct && toks_[j].text(in_) == "-" &&
         toks_[j + 1].type == TokenType::kWord)
    j += 2;
  LmToken t;
  t.begin = toks_[i].begin;
  t.end = toks_[j - 1].end;
  t.text = LowerWord(in_.substr(t.begin, t.end - t.begin));
  t.is_word = true;
  Push(std::move(t));
  return j;
}

// Whether the sentence mark toks_[i] ends the sentence: not a '.' glued to
// an abbreviation (Mr.), nor one glued to a word before a lower-case word
// where continues_before_lower says so.
bool Scanner::EndsAt(size_t i) const {
  const Token& tk = toks_[i];
  if (tk.text(in_) != "." || sent_.empty() || !sent_.back().is_word || sent_.back().end != tk.begin) return true;
  if (IsAbbreviation(sent_.back().text)) return false;
  if (o_.misread_abbreviation && WordAfter(i, 'A', 'Z') && o_.misread_abbreviation(sent_.back().text)) return false;
  if (!o_.continues_before_lower) return true;
  const size_t next = WordAfter(i, 'a', 'z');
  return next == 0 || !o_.continues_before_lower(sent_.back().text, toks_[next].text(in_));
}

// The index of the word starting with an ASCII letter in [lo, hi] after
// toks_[i] and spaces (at most one newline), or 0.
size_t Scanner::WordAfter(size_t i, char lo, char hi) const {
  int newlines = 0;
  size_t j = i + 1;
  for (; j < toks_.size(); ++j) {
    if (toks_[j].type == TokenType::kNewline && ++newlines < 2) continue;
    if (toks_[j].type != TokenType::kSpace) break;
  }
  if (j == i + 1 || j == toks_.size() || toks_[j].type != TokenType::kWord) return 0;
  const char c = in_[toks_[j].begin];
  return c >= lo && c <= hi ? j : 0;
}

void Scanner::Run() {
  Tokenize(in_, &toks_);
  int newlines = 0;
  for (size_t i = 0; i < toks_.size();) {
    const Token& tk = toks_[i];
    std::string_view s = tk.text(in_);
    if (tk.type == TokenType::kNewline) {
      if (++newlines >= 2) Flush();
      ++i;
      continue;
    }
    if (tk.type != TokenType::kSpace) newlines = 0;
    if (tk.type == TokenType::kWord) { i = Word(i); continue; }
    if (tk.type == TokenType::kNumber) {
      Push({std::string(kNumToken), tk.begin, tk.end, false});
    } else if (tk.type == TokenType::kPunct) {
      if (EndsSentence(s)) {
        if (EndsAt(i)) Flush();
      } else if (std::string_view f = PunctForm(s); !f.empty()) {
        Push({std::string(f), tk.begin, tk.end, false});
      }
    } else if (tk.type == TokenType::kInvalid && st_) {
      st_->invalid_bytes++;
    }
    ++i;
  }
  Flush();
}

}  // namespace

std::string ApostrophesToAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) { out += '\''; i += 3; }
    else out += s[i++];
  }
  return out;
}

void LmSentences(std::string_view input, const std::function<void(const std::vector<LmToken>&)>& on_sentence,
                 LmScanStats* stats, const LmSplitOptions& options) {
  Scanner(input, on_sentence, stats, options).Run();
}

}  // namespace emend::text
