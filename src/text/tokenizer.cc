#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace emend::text {
namespace {

enum Cls : uint8_t { kL, kD, kP, kS, kN, kY, kBad };

// Class of the code point at input[i]; sets *len (>= 1).
Cls ClassAt(std::string_view s, size_t i, size_t* len) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') return kL;
    if (b >= '0' && b <= '9') return kD;
    if (b == ' ' || b == '\t' || b == '\f' || b == '\v') return kS;
    if (b == '\n' || b == '\r') return kN;
    if (b < 0x20 || b == 0x7F) return kY;
    return (b == '$' || b == '+' || b == '<' || b == '=' || b == '>' || b == '^' || b == '`' ||
            b == '|' || b == '~') ? kY : kP;
  }
  char32_t cp;
  size_t n = DecodeAt(s, i, &cp);
  if (!n) { *len = 1; return kBad; }
  *len = n;
  if (IsLetter(cp)) return kL;
  if (IsDigit(cp)) return kD;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return kN;
  if (IsSpace(cp)) return kS;
  if (u_ispunct(static_cast<UChar32>(cp))) return kP;
  return kY;
}

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') { *len = 1; return true; }
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) { *len = 3; return true; }  // U+2019
  return false;
}

// Extends an alphanumeric run from `i`; sets *has_letter.
size_t ScanAlnum(std::string_view s, size_t i, bool* has_letter) {
  size_t len;
  while (i < s.size()) {
    Cls c = ClassAt(s, i, &len);
    if (c == kL) { *has_letter = true; i += len; continue; }
    if (c == kD) { i += len; continue; }
    size_t alen;
    // Inner apostrophe between letters: don't, O'Brien.
    if (*has_letter && IsApostrophe(s, i, &alen) && i + alen < s.size() &&
        ClassAt(s, i + alen, &len) == kL) { i += alen; continue; }
    // Inner separator between digits: 1,000 3.14 10:30.
    if (!*has_letter && (s[i] == ',' || s[i] == '.' || s[i] == ':') && i + 1 < s.size() &&
        i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      ++i;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace

bool IsWordCodePoint(char32_t c) { return IsLetter(c) || IsDigit(c); }

void Tokenize(std::string_view s, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    Cls c = ClassAt(s, i, &len);
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (c == kL || c == kD) {
      bool has_letter = false;
      i = ScanAlnum(s, i, &has_letter);
      t.type = has_letter ? TokenType::kWord : TokenType::kNumber;
    } else if (c == kS) {
      i += len;
      while (i < s.size() && ClassAt(s, i, &len) == kS) i += len;
      t.type = TokenType::kSpace;
    } else if (c == kN) {
      i += (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : len;
      t.type = TokenType::kNewline;
    } else {
      i += len;
      t.type = c == kP ? TokenType::kPunct : c == kBad ? TokenType::kInvalid : TokenType::kSymbol;
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(t);
  }
}

}  // namespace emend::text
