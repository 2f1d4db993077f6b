// Word-level alignment of two texts for collation.
//
// Tokens are words (letters and digits, with inner apostrophes) and single
// marks; each has a key that ignores case and the form of quotation marks.
// The fast aligner anchors on n-grams unique in both texts, keeps the longest
// chain of anchors in order (the rest mark transposed passages), and runs an
// exact edit-distance DP between anchors, re-anchoring large regions with
// shorter n-grams first. ReferenceAlign is the plain full DP the tests
// compare it with.
#ifndef EMEND_COLLATE_ALIGN_H_
#define EMEND_COLLATE_ALIGN_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace emend::collate {

struct Token {
  uint32_t begin = 0, end = 0;  // byte span
  uint64_t key = 0;             // hash of the normalised form
  bool word = false;            // letters or digits (else a mark)
  bool digits = false;          // only digits (and , . : between them)
  uint8_t first = 0, last = 0;  // first and last byte of the normalised form
  uint16_t len = 0;             // its length in bytes (capped)
};

std::vector<Token> Tokenize(std::string_view s);

enum class Op : uint8_t { kMatch, kSub, kDel, kIns };  // Del: base only; Ins: witness only
struct Step {
  Op op;
  uint32_t b = 0, w = 0;  // token indexes (b valid unless kIns, w valid unless kDel)
};

// Costs: match 0; a run of k inserted or deleted tokens kGapOpen + k x
// kGapExtend; substitution 2 between two marks or two similar words (lengths
// within 2, same first or last letter: an OCR or spelling variant), otherwise
// kUnrelated, more than deleting one and inserting the other, so unrelated
// tokens are never paired.
constexpr uint32_t kGapOpen = 1, kGapExtend = 2, kUnrelated = 7;
inline uint64_t GapCost(uint64_t k) { return k ? kGapOpen + k * kGapExtend : 0; }
uint32_t SubCost(const Token& a, const Token& b);

struct Alignment {
  std::vector<Step> steps;   // covers both token sequences, in order
  uint64_t cost = 0;
  uint64_t anchors = 0;      // anchors used (fast aligner)
  std::vector<uint8_t> moved_w;  // witness tokens matched elsewhere in the base (transposed)
};

struct AlignOptions {
  uint64_t max_dp_cells = 4000000;
};

Alignment Align(const std::vector<Token>& base, const std::vector<Token>& wit, const AlignOptions& o = {});

// Among equal-cost placements of each run of witness-only tokens (sliding it
// over equal neighbours), picks the one `score` likes best (ties: as found).
// Cost and the matched pairs' count are unchanged.
void ShiftInsertions(const std::vector<Token>& wit, Alignment* a,
                     const std::function<int(uint32_t w_begin, uint32_t w_end, bool joins)>& score);
// Exact full DP; O(n m) time and memory: tests only.
Alignment ReferenceAlign(const std::vector<Token>& base, const std::vector<Token>& wit);

}  // namespace emend::collate

#endif  // EMEND_COLLATE_ALIGN_H_
