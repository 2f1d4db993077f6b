// Sequence alignment for evaluation (and later collation): unit-cost
// Levenshtein over integer symbol sequences.
//  - Distance(): bit-parallel (Myers/Hyyrö, multi-word), O(n*m/64), exact.
//  - Align(): an optimal alignment with its operations. Exact DP with
//    traceback when n*m is small; otherwise unique k-gram anchors on the
//    longest increasing chain split the problem, and the pieces are aligned
//    exactly (near-optimal overall; exact whenever anchors are true matches).
#ifndef EMEND_EVAL_ALIGN_H_
#define EMEND_EVAL_ALIGN_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace emend::eval {

using Seq = std::vector<uint32_t>;

uint64_t Distance(const Seq& a, const Seq& b);

enum class Op : uint8_t { kMatch, kSub, kDel, kIns };  // Del: in a (reference) only; Ins: in b only

struct Alignment {
  std::vector<Op> ops;  // in order; consumes a on Match/Sub/Del, b on Match/Sub/Ins
  uint64_t matches = 0, subs = 0, dels = 0, ins = 0;
  uint64_t distance() const { return subs + dels + ins; }
};

Alignment Align(const Seq& a, const Seq& b);

// Exact full-matrix DP alignment; used by Align for small problems and by tests.
Alignment AlignExact(const Seq& a, size_t a0, size_t a1, const Seq& b, size_t b0, size_t b1);

}  // namespace emend::eval

#endif  // EMEND_EVAL_ALIGN_H_
