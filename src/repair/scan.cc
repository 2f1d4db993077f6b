// Helpers shared by the repair passes.
#include "repair/passes.h"
#include "text/utf8.h"

namespace emend::repair {

edit::Proposal MakeProposal(std::string_view text, size_t start, size_t end, std::string after,
                            uint32_t kind, double confidence, const char* rule, const char* note,
                            int rank) {
  edit::Proposal p;
  p.edit.start = start;
  p.edit.end = end;
  p.edit.before = std::string(text.substr(start, end - start));
  p.edit.after = std::move(after);
  p.edit.kinds = kind;
  p.edit.confidence = confidence;
  p.edit.rule = rule;
  p.edit.note = note;
  p.rank = rank;
  return p;
}

namespace {
// Start of the code point that ends at i (i > 0), or i - 1 if invalid.
size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  char32_t cp;
  return text::DecodeAt(s, j, &cp) == i - j ? j : i - 1;
}
}  // namespace

bool LetterAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  char32_t cp;
  return text::DecodeAt(s, i, &cp) && text::IsLetter(cp);
}

bool KnownApostrophePiece(const Model& m, std::string_view word, std::string_view piece) {
  const uint32_t id = m.Find(std::string(word) + "'" + std::string(piece));
  return id != Model::kUnknown && m.Count(id) >= kApostrophePieceCount;
}

bool LetterBefore(std::string_view s, size_t i) {
  return i > 0 && LetterAt(s, PrevStart(s, i));
}

size_t WordStart(std::string_view s, size_t i) {
  while (LetterBefore(s, i)) i = PrevStart(s, i);
  return i;
}

size_t WordEnd(std::string_view s, size_t i) {
  char32_t cp;
  while (i < s.size()) {
    size_t len = text::DecodeAt(s, i, &cp);
    if (!len || !text::IsLetter(cp)) break;
    i += len;
  }
  return i;
}

std::string_view RunAround(std::string_view s, size_t i) {
  size_t b = i, e = i;
  while (b > 0 && !IsBlank(s[b - 1])) --b;
  while (e < s.size() && !IsBlank(s[e])) ++e;
  return s.substr(b, e - b);
}

bool RunTest::At(size_t i) {
  if (i < b_ || i >= e_) {
    std::string_view run = RunAround(s_, i);
    b_ = static_cast<size_t>(run.data() - s_.data());
    e_ = b_ + run.size();
    result_ = test_(run);
  }
  return result_;
}

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != prefix[i]) return false;
  return true;
}

// Top-level domains that OCR seldom makes of a full stop glued between two
// words (was.no, to.be, MJOy.on -> .cn, dell.io are no addresses).
bool DomainEnding(std::string_view label) {
  static constexpr std::string_view kEndings[] = {"com", "org", "net", "edu", "gov", "info", "biz", "uk"};
  for (std::string_view e : kEndings)
    if (label == e) return true;
  return false;
}

// name.example.org: two labels or more of letters, digits and hyphens
// joined by full stops, the one before the ending two characters or more.
bool LooksLikeDomain(std::string_view s) {
  const size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot < 2 || !DomainEnding(s.substr(dot + 1))) return false;
  size_t label = 0;
  for (size_t i = 0; i < dot; ++i) {
    const char c = s[i];
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-') {
      ++label;
    } else {
      return false;
    }
  }
  return label >= 2;
}

}  // namespace

bool LooksLikeAddress(std::string_view run) {
  while (!run.empty() && std::string_view("(<[\"'").find(run.front()) != std::string_view::npos) run.remove_prefix(1);
  while (!run.empty() && std::string_view(".,;:!?)>]\"'").find(run.back()) != std::string_view::npos) run.remove_suffix(1);
  if (run.find("://") != std::string_view::npos || StartsWithNoCase(run, "www.")) return true;
  if (const size_t at = run.find('@'); at != std::string_view::npos && at > 0 && run.find('.', at) != std::string_view::npos)
    return true;  // e-mail
  // A Windows path (C:\dir, \\server\share); not a lone backslash, which OCR makes of specks.
  if (run.find(":\\") != std::string_view::npos || run.starts_with("\\\\")) return true;
  if (run.size() > 1 && run[0] == '/' && run.find('/', 1) != std::string_view::npos) return true;  // /usr/bin
  return LooksLikeDomain(run);
}

}  // namespace emend::repair
