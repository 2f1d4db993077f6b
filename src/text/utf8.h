// UTF-8 decoding and Unicode character classes (ICU underneath), with an
// ASCII fast path. Invalid bytes are never replaced: callers see them as
// one-byte "invalid" units and pass them through.
#ifndef EMEND_TEXT_UTF8_H_
#define EMEND_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace emend::text {

// Decodes the code point at s[i]. Returns its length in bytes (1..4) and sets
// *cp, or returns 0 if s[i] does not start a valid, shortest-form sequence
// (then *cp is undefined and the caller treats one byte as invalid).
inline size_t DecodeAt(std::string_view s, size_t i, char32_t* cp);

// Appends the UTF-8 encoding of cp (cp must be a scalar value).
void AppendUtf8(char32_t cp, std::string* out);

struct Utf8Report {
  uint64_t invalid_sequences = 0;  // maximal runs of bytes that are not valid UTF-8
  int64_t first_invalid = -1;      // byte offset of the first, -1 if none
};
Utf8Report CheckUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return CheckUtf8(s).invalid_sequences == 0; }

// Unicode classes (general category based).
bool IsLetter(char32_t c);   // L* or M* (marks count as part of words)
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);    // Nd
bool IsSpace(char32_t c);    // horizontal white space, form feed, vertical tab
char32_t ToUpper(char32_t c);
char32_t ToLower(char32_t c);

// Simple per-code-point case mapping of a UTF-8 string (invalid bytes kept).
std::string Lower(std::string_view s);
std::string Upper(std::string_view s);
std::string SwapCase(std::string_view s);

// Number of code points (an invalid byte counts as one).
size_t CodePointCount(std::string_view s);

// `s` with leading and trailing white space (space, tab, CR, LF) removed and
// each inner run of it made one space: readings compared "white space aside".
std::string CollapseWhitespace(std::string_view s);

// The Windows-1252 character of byte 0x80..0x9F, 0 where 1252 leaves it
// undefined (0x81 0x8D 0x8F 0x90 0x9D); the byte itself for 0x00..0x7F and
// 0xA0..0xFF, where 1252 is Latin-1.
char32_t Windows1252(unsigned char b);

// The code point at s[i] and its length; an invalid byte reads as U+FFFD of
// length 1 (unlike DecodeAt, which returns 0 and leaves *cp unset).
inline size_t DecodeOrReplace(std::string_view s, size_t i, char32_t* cp);

// UTF-8 to code points (each invalid byte becomes U+FFFD) and back.
std::u32string ToU32(std::string_view s);
std::string ToUtf8(std::u32string_view s);

// ---- inline implementation ----
inline size_t DecodeOrReplace(std::string_view s, size_t i, char32_t* cp) {
  size_t n = DecodeAt(s, i, cp);
  if (n == 0) { *cp = 0xFFFD; n = 1; }
  return n;
}

inline size_t DecodeAt(std::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char b = p[i];
  if (b < 0x80) { *cp = b; return 1; }
  if (b < 0xC2) return 0;
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (b < 0xE0) {
    if (!cont(1)) return 0;
    *cp = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if (b < 0xF0) {
    if (!cont(1) || !cont(2)) return 0;
    char32_t c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return 3;
  }
  if (b < 0xF5) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    char32_t c = ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
                 (p[i + 3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *cp = c;
    return 4;
  }
  return 0;
}

}  // namespace emend::text

#endif  // EMEND_TEXT_UTF8_H_
