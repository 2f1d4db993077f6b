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
  Scanner(std::string_view in, const std::function<void(const std::vector<LmToken>&)>& cb, LmScanStats* st)
      : in_(in), cb_(cb), st_(st) {}
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
  std::string_view in_;
  const std::function<void(const std::vector<LmToken>&)>& cb_;
  LmScanStats* st_;
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
        if (!(s == "." && !sent_.empty() && sent_.back().is_word && sent_.back().end == tk.begin &&
              IsAbbreviation(sent_.back().text)))
          Flush();
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
                 LmScanStats* stats) {
  Scanner(input, on_sentence, stats).Run();
}

}  // namespace emend::text
