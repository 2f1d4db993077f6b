// Encoding repairs.
//  Mojibake: UTF-8 that was decoded as Windows-1252 or Latin-1 (Ã© -> é,
//  â€™ -> ’, Â£ -> £), also when it happened twice. A run is re-encoded to
//  bytes through Windows-1252 and decoded as UTF-8; it is fixed only if every
//  unit decodes as a multi-byte sequence to an assigned, non-control
//  character (the way ftfy refuses ambiguous cases).
//  HTML entities left in plain text: &amp; &#8217; &#x2019; and common named
//  ones, never on lines that look like markup.
//  A pound sign lost in a decoding: U+FFFD before an amount.
#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "repair/passes.h"
#include "text/utf8.h"

namespace emend::repair {
namespace {

// The byte that `cp` would have been in Windows-1252 (or Latin-1); -1 if none.
int ByteOf(char32_t cp) {
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp >= 0x80 && cp <= 0x9F) return text::Windows1252(static_cast<unsigned char>(cp)) == 0 ? static_cast<int>(cp) : -1;
  for (int b = 0x80; b < 0xA0; ++b)
    if (text::Windows1252(static_cast<unsigned char>(b)) == cp) return b;
  return -1;
}

bool Plausible(char32_t cp) {
  if (cp < 0xA0) return false;
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return t != U_UNASSIGNED && t != U_CONTROL_CHAR && t != U_PRIVATE_USE_CHAR && t != U_SURROGATE;
}

// Tries to undo one layer of mojibake on `run` (a UTF-8 string). Returns true
// and sets *fixed if the whole run decodes.
bool UndoOnce(std::string_view run, std::string* fixed) {
  std::string bytes;
  for (size_t i = 0; i < run.size();) {
    char32_t cp;
    size_t len = text::DecodeAt(run, i, &cp);
    int b = len ? ByteOf(cp) : -1;
    if (b < 0) return false;
    bytes.push_back(static_cast<char>(b));
    i += len;
  }
  fixed->clear();
  for (size_t i = 0; i < bytes.size();) {
    char32_t cp;
    size_t len = text::DecodeAt(bytes, i, &cp);
    if (len < 2 || !Plausible(cp)) return false;
    text::AppendUtf8(cp, fixed);
    i += len;
  }
  return true;
}

// Length in bytes of the longest prefix of s[i..] whose code points all map
// to high Windows-1252 bytes.
size_t HighRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    char32_t cp;
    size_t len = text::DecodeAt(s, j, &cp);
    if (!len || cp < 0x80 || ByteOf(cp) < 0) break;
    j += len;
  }
  return j - i;
}

constexpr size_t kMaxRun = 48;  // bytes of one run searched for mojibake

// Finds the longest decodable prefix (of two or more code points) of the run
// s[i, i+n); sets *fixed to it undone once, or twice if that decodes too.
size_t LongestFix(std::string_view s, size_t i, size_t n, std::string* fixed) {
  std::vector<size_t> ends;  // code point boundaries after the first
  for (size_t j = i; j < i + std::min(n, kMaxRun);) {
    char32_t cp;
    j += text::DecodeAt(s, j, &cp);
    ends.push_back(j);
  }
  for (size_t k = ends.size(); k-- > 1;) {
    std::string once;
    if (!UndoOnce(s.substr(i, ends[k] - i), &once)) continue;
    std::string twice;
    *fixed = UndoOnce(once, &twice) ? twice : once;
    return ends[k] - i;
  }
  return 0;
}

void ProposeMojibake(std::string_view s, Proposals* out) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0xC2) { ++i; continue; }
    size_t n = HighRun(s, i);
    if (n < 4) { i += n ? n : 1; continue; }  // one character is never mojibake
    std::string fixed;
    size_t len = LongestFix(s, i, n, &fixed);
    if (!len) {
      char32_t cp;
      size_t l = text::DecodeAt(s, i, &cp);
      i += l ? l : 1;
      continue;
    }
    out->push_back(MakeProposal(s, i, i + len, std::move(fixed), kEncoding, 0.95,
                                "encoding.mojibake", "UTF-8 read as Windows-1252", kRankEncoding));
    i += len;
  }
}

struct Named { const char* name; char32_t cp; };
constexpr Named kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"pound", 0xA3}, {"euro", 0x20AC}, {"deg", 0xB0}, {"middot", 0xB7},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"agrave", 0xE0},
    {"aacute", 0xE1}, {"ccedil", 0xE7}, {"ouml", 0xF6}, {"uuml", 0xFC}, {"auml", 0xE4},
    {"szlig", 0xDF}, {"sect", 0xA7}, {"para", 0xB6}, {"frac12", 0xBD}};

// Decodes the entity at s[i] ('&'); returns its length or 0.
size_t Entity(std::string_view s, size_t i, char32_t* cp) {
  size_t semi = s.find(';', i);
  if (semi == s.npos || semi - i > 10 || semi - i < 3) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    uint32_t v = 0;
    for (char c : digits) {
      int d = (c >= '0' && c <= '9') ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0 || v > 0x10FFFF) return 0;
      v = v * (hex ? 16 : 10) + d;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (v < 0x20 && v != '\t' && v != '\n')) return 0;
    if (v >= 0x7F && v < 0xA0) return 0;
    *cp = v;
    return semi - i + 1;
  }
  for (const Named& e : kEntities)
    if (body == e.name) { *cp = e.cp; return semi - i + 1; }
  return 0;
}

bool LineLooksLikeMarkup(std::string_view s, size_t i) {
  size_t b = s.rfind('\n', i);
  b = b == s.npos ? 0 : b + 1;
  size_t e = s.find('\n', i);
  std::string_view line = s.substr(b, (e == s.npos ? s.size() : e) - b);
  size_t lt = line.find('<');
  return lt != line.npos && line.find('>', lt) != line.npos;
}

void ProposeEntities(std::string_view s, Proposals* out) {
  for (size_t i = s.find('&'); i != s.npos; i = s.find('&', i + 1)) {
    char32_t cp;
    size_t len = Entity(s, i, &cp);
    if (!len || LineLooksLikeMarkup(s, i)) continue;
    std::string after;
    text::AppendUtf8(cp, &after);
    out->push_back(MakeProposal(s, i, i + len, std::move(after), kEncoding, 0.9,
                                "encoding.entity", "HTML entity in plain text", kRankEncoding));
  }
}

// "the value of \uFFFD500": a pound sign that a decoding lost (Latin-1 0xA3
// read as UTF-8 and replaced), where U+FFFD stands before a digit at a word's
// start. In English text no other sign stands there so often; a text that
// writes $ or the euro sign is left alone (BLN600 OCR: 118 such marks, all
// pounds in its gold).
void ProposeLostPound(std::string_view s, Proposals* out) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  if (s.find('$') != s.npos || s.find("\xE2\x82\xAC") != s.npos) return;
  for (size_t i = s.find(kReplacement); i != s.npos; i = s.find(kReplacement, i + 1)) {
    const size_t e = i + kReplacement.size();
    if (e >= s.size() || s[e] < '0' || s[e] > '9') continue;
    if (i > 0 && !IsBlank(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '"') continue;
    out->push_back(MakeProposal(s, i, e, "\xC2\xA3", kEncoding, 0.8, "encoding.lost-pound",
                                "U+FFFD before an amount: a pound sign lost in a decoding", kRankEncoding));
  }
}

}  // namespace

void ProposeEncoding(const PassInput& in, Proposals* out) {
  ProposeMojibake(in.text, out);
  ProposeEntities(in.text, out);
  ProposeLostPound(in.text, out);
}

}  // namespace emend::repair
