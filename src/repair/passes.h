// Deterministic repair passes. Each reads the ORIGINAL input and appends
// proposals; none sees another's output (the combiner decides, see
// edit/combine.h). Each is triggered by rare byte patterns so that clean text
// costs one scan.
#ifndef EMEND_REPAIR_PASSES_H_
#define EMEND_REPAIR_PASSES_H_

#include <string>
#include <string_view>
#include <vector>

#include "edit/combine.h"
#include "emend/emend.h"
#include "emend/model.h"
#include "text/lexicon.h"

namespace emend::repair {

// Pass ranks: the order in which overlapping proposals are composed.
enum PassRank { kRankEncoding = 0, kRankNormalize = 1, kRankHyphen = 2, kRankSpacing = 3, kRankCase = 9 };

struct PassInput {
  std::string_view text;
  const text::Lexicon* lexicon = nullptr;  // may be null
  const Model* model = nullptr;             // may be null
};

using Proposals = std::vector<edit::Proposal>;

// sTALIN EXILED HIS RIVAL -> Stalin exiled his rival (whole inverted sentences).
void ProposeCase(const PassInput& in, Proposals* out);
// third,he -> third, he ; Kamo . -> Kamo.
void ProposeSpacing(const PassInput& in, Proposals* out);
// pro-\nperty is -> property\nis (when the joined word is known).
void ProposeHyphenation(const PassInput& in, Proposals* out);
// Specks that OCR reads as marks (needs the model): the ' of "been 'pleased
// to", the full stop of "the sergeant. sentenced him".
void ProposeStrayMarks(const PassInput& in, Proposals* out);
// Numerals OCR read partly as letters, where the misread is overwhelming
// (1,ooo -> 1,000, 1S71 -> 1871, lOs. -> 10s., 9tli -> 9th); numeral_pass.cc.
void ProposeNumerals(const PassInput& in, Proposals* out);
// The mended core of the run text[b, e) of non-blank bytes, "" if it is no
// misread numeral; [*core_b, *core_e) is the span it replaces (the run
// without its leading and trailing marks). The corrector leaves such runs
// to ProposeNumerals.
std::string MendNumeral(std::string_view text, size_t b, size_t e, size_t* core_b, size_t* core_e);
// Ã© -> é, â€™ -> ’, &amp; -> &, &#8217; -> ’
void ProposeEncoding(const PassInput& in, Proposals* out);
// Opt-in: long s, ligatures (Normalize bits), runs of spaces.
void ProposeNormalization(const PassInput& in, uint32_t normalize, bool spaces, Proposals* out);

// Shared helper: a proposal for bytes [start, end) of in.text.
edit::Proposal MakeProposal(std::string_view text, size_t start, size_t end, std::string after,
                            uint32_t kind, double confidence, const char* rule, const char* note,
                            int rank);

// Shared scanning helpers over UTF-8 (invalid bytes count as non-letters).
bool LetterBefore(std::string_view s, size_t i);     // code point ending at i is a letter
bool LetterAt(std::string_view s, size_t i);         // code point starting at i is a letter
size_t WordStart(std::string_view s, size_t i);      // start of the letter run ending at i
size_t WordEnd(std::string_view s, size_t i);        // end of the letter run starting at i
std::string_view RunAround(std::string_view s, size_t i);  // the maximal run of non-blank bytes around i
// Whether a run of non-blank bytes is a web or mail address or a path
// (http://..., www.x.org, name@host.org, example.com, C:\dir, /usr/bin),
// quotes and stops around it aside: text no correction touches.
bool LooksLikeAddress(std::string_view run);
inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLetter(char c) { return IsAsciiLower(static_cast<char>(c | 0x20)); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
// Whether the model has seen `word` + "'" + `piece` (that's, don't, rum's)
// kApostrophePieceCount times or more: then `piece` alone after `word` may
// be that clitic, split off by a lost apostrophe (that s, don t), not a
// speck. Shared by the corrector's debris and the stray pass. (1 and 10
// gave the same on the training splits.)
constexpr uint64_t kApostrophePieceCount = 10;
bool KnownApostrophePiece(const Model& m, std::string_view word, std::string_view piece);

// The byte length of an apostrophe (' or U+2019) starting at s[k], 0 if none.
inline size_t ApostropheAt(std::string_view s, size_t k) {
  if (k < s.size() && s[k] == '\'') return 1;
  return k < s.size() && s.substr(k, 3) == "\xE2\x80\x99" ? 3 : 0;
}

// A test of the run of non-blank bytes around a position (RunAround), taken
// once per run however many positions in it are asked about: asking at each
// mark of a long run would rescan it every time (quadratic on a megabyte
// line of "ab,ab,ab"). Positions are asked in roughly ascending order.
class RunTest {
 public:
  RunTest(std::string_view s, bool (*test)(std::string_view run)) : s_(s), test_(test) {}
  bool At(size_t i);

 private:
  std::string_view s_;
  bool (*test_)(std::string_view);
  size_t b_ = 0, e_ = 0;  // the run last tested, [b_, e_)
  bool result_ = false;
};

}  // namespace emend::repair

#endif  // EMEND_REPAIR_PASSES_H_
