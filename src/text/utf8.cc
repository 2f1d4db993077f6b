#include "text/utf8.h"

#include <algorithm>

#include <unicode/uchar.h>

namespace emend::text {

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Utf8Report CheckUtf8(std::string_view s) {
  Utf8Report r;
  bool in_bad = false;
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; in_bad = false; continue; }
    char32_t cp;
    size_t len = DecodeAt(s, i, &cp);
    if (len) { i += len; in_bad = false; continue; }
    if (!in_bad) {
      if (r.first_invalid < 0) r.first_invalid = static_cast<int64_t>(i);
      ++r.invalid_sequences;
    }
    in_bad = true;
    ++i;
  }
  return r;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c)) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}
bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\f' || c == '\v';
  return c != 0x2028 && c != 0x2029 && u_isUWhiteSpace(static_cast<UChar32>(c)) && c != 0x85;
}
char32_t ToUpper(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}
char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

namespace {
template <typename F>
std::string MapCodePoints(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = DecodeAt(s, i, &cp);
    if (!len) { out.push_back(s[i++]); continue; }
    AppendUtf8(f(cp), &out);
    i += len;
  }
  return out;
}
}  // namespace

std::string Lower(std::string_view s) {
  // ASCII (most words): a byte at a time, no decoding.
  if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(s);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    return out;
  }
  return MapCodePoints(s, ToLower);
}
std::string Upper(std::string_view s) { return MapCodePoints(s, ToUpper); }
std::string SwapCase(std::string_view s) {
  return MapCodePoints(s, [](char32_t c) {
    if (IsUpper(c)) return ToLower(c);
    if (IsLower(c)) return ToUpper(c);
    return c;
  });
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

char32_t Windows1252(unsigned char b) {
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  return b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : b;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    char32_t cp;
    size_t len = DecodeAt(s, i, &cp);
    i += len ? len : 1;
  }
  return n;
}

std::u32string ToU32(std::string_view s) {
  std::u32string u;
  u.reserve(s.size());  // at most one code point per byte
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: most words
      u += static_cast<char32_t>(s[i++]);
      continue;
    }
    char32_t c;
    size_t n = DecodeAt(s, i, &c);
    u += n ? c : U'\uFFFD';
    i += n ? n : 1;
  }
  return u;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

}  // namespace emend::text
