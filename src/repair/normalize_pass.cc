// Opt-in normalisations: long s (ſ -> s), typographic ligatures (ﬁ -> fi),
// and runs of two or more spaces inside a line (not indentation) -> one.
#include <cstring>

#include "repair/passes.h"

namespace emend::repair {
namespace {

struct Mapping { const char* from; const char* to; uint32_t bit; const char* rule; };
constexpr Mapping kMappings[] = {
    {"\xC5\xBF", "s", kNormLongS, "normalize.long-s"},
    {"\xEF\xAC\x80", "ff", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x81", "fi", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x82", "fl", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x83", "ffi", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x84", "ffl", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x85", "st", kNormLigatures, "normalize.ligature"},
    {"\xEF\xAC\x86", "st", kNormLigatures, "normalize.ligature"},
};

void ProposeMappings(std::string_view s, uint32_t normalize, Proposals* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b != 0xC5 && b != 0xEF) continue;
    for (const Mapping& m : kMappings) {
      if (!(normalize & m.bit) || s.compare(i, std::strlen(m.from), m.from) != 0) continue;
      size_t len = std::strlen(m.from);
      out->push_back(MakeProposal(s, i, i + len, m.to, kNormalization, 1.0, m.rule,
                                  "normalised on request", kRankNormalize));
      i += len - 1;
      break;
    }
  }
}

void ProposeSpaces(std::string_view s, Proposals* out) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != ' ' || s[i + 1] != ' ' || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\r') continue;
    size_t e = i;
    while (e < s.size() && s[e] == ' ') ++e;
    if (e < s.size() && s[e] != '\n' && s[e] != '\r')
      out->push_back(MakeProposal(s, i + 1, e, "", kNormalization, 1.0, "normalize.spaces",
                                  "space run collapsed on request", kRankNormalize));
    i = e;
  }
}

}  // namespace

void ProposeNormalization(const PassInput& in, uint32_t normalize, bool spaces, Proposals* out) {
  if (normalize) ProposeMappings(in.text, normalize, out);
  if (spaces) ProposeSpaces(in.text, out);
}

}  // namespace emend::repair
