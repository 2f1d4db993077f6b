#include "collate/align.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace emend::collate {
namespace {

// Random text over a small vocabulary (so n-grams repeat) and a damaged copy:
// runs deleted, inserted, substituted, and now and then a passage moved.
std::pair<std::string, std::string> RandomPair(std::mt19937& g, int words) {
  // Zipf-like: a few marks and function words recur, most words are rarer.
  static const std::vector<std::string> kVocab = [] {
    std::vector<std::string> v = {"the", "a", "of", "and", ",", ".", "\"", "(", ")", "1879"};
    for (int i = 0; i < 300; ++i) v.push_back("w" + std::to_string(i));
    return v;
  }();
  std::uniform_int_distribution<int> rare(0, kVocab.size() - 1), common(0, 9), pct(0, 99);
  auto pick = [&](std::mt19937& r) { return pct(r) < 40 ? common(r) : rare(r); };
  std::vector<std::string> a;
  for (int i = 0; i < words; ++i) a.push_back(kVocab[pick(g)]);
  std::vector<std::string> b;
  for (size_t i = 0; i < a.size(); ++i) {
    int r = pct(g);
    if (r < 4) { i += pct(g) % 4; continue; }                         // a run lost
    if (r < 8) for (int k = pct(g) % 4; k >= 0; --k) b.push_back(kVocab[pick(g)]);  // material added
    if (r < 12) { b.push_back(kVocab[pick(g)]); continue; }         // a word changed
    b.push_back(a[i]);
  }
  if (pct(g) < 20 && b.size() > 40) std::rotate(b.begin() + 10, b.begin() + 20, b.begin() + 30);  // a transposition
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& w : v) s += w + " ";
    return s;
  };
  return {join(a), join(b)};
}

// Steps cover both sequences once each, in order; matches pair equal keys.
void ExpectValid(const Alignment& al, const std::vector<Token>& A, const std::vector<Token>& B) {
  uint32_t nb = 0, nw = 0;
  uint64_t cost = 0;
  Op last = Op::kMatch;
  for (const Step& s : al.steps) {
    if ((s.op == Op::kDel || s.op == Op::kIns) && s.op != last) cost += kGapOpen;
    last = s.op;
    if (s.op != Op::kIns) { ASSERT_EQ(s.b, nb); ++nb; }
    if (s.op != Op::kDel) { ASSERT_EQ(s.w, nw); ++nw; }
    if (s.op == Op::kMatch) { ASSERT_EQ(A[s.b].key, B[s.w].key); }
    cost += s.op == Op::kMatch ? 0 : s.op == Op::kSub ? SubCost(A[s.b], B[s.w]) : kGapExtend;
  }
  EXPECT_EQ(nb, A.size());
  EXPECT_EQ(nw, B.size());
  EXPECT_GE(cost, al.cost);  // regions are costed apart: a gap across two may be opened twice
  EXPECT_LE(cost, al.cost + al.steps.size());
}

TEST(CollateAlign, FastAgreesWithFullDynamicProgramming) {
  std::mt19937 g(42);
  int equal = 0, cases = 300;
  uint64_t fast_total = 0, ref_total = 0;
  for (int c = 0; c < cases; ++c) {
    auto [x, y] = RandomPair(g, 30 + c % 200);
    auto A = Tokenize(x), B = Tokenize(y);
    AlignOptions o;
    o.max_dp_cells = 64;  // force anchoring on all but tiny regions
    Alignment fast = Align(A, B, o), ref = ReferenceAlign(A, B);
    ExpectValid(fast, A, B);
    ExpectValid(ref, A, B);
    EXPECT_GE(fast.cost, ref.cost);  // the reference is optimal
    equal += fast.cost == ref.cost;
    fast_total += fast.cost;
    ref_total += ref.cost;
  }
  // Anchors cut the search: on these inputs it is still optimal in most cases
  // (about 90%) and within 2% overall.
  EXPECT_GE(equal, cases * 85 / 100) << equal << " of " << cases;
  EXPECT_LE(fast_total, ref_total * 102 / 100);
}

TEST(CollateAlign, ExactWhenRegionsFitTheBudget) {
  std::mt19937 g(7);
  for (int c = 0; c < 100; ++c) {
    auto [x, y] = RandomPair(g, 50);
    auto A = Tokenize(x), B = Tokenize(y);
    EXPECT_EQ(Align(A, B).cost, ReferenceAlign(A, B).cost);
  }
}

TEST(CollateAlign, ShiftingKeepsCostAndValidity) {
  std::mt19937 g(9);
  for (int c = 0; c < 100; ++c) {
    auto [x, y] = RandomPair(g, 80);
    auto A = Tokenize(x), B = Tokenize(y);
    Alignment al = Align(A, B);
    uint64_t cost = al.cost;
    ShiftInsertions(B, &al, [](uint32_t a, uint32_t, bool joins) { return int(a % 3) + joins; });
    ExpectValid(al, A, B);
    EXPECT_EQ(al.cost, cost);
  }
}

TEST(CollateAlign, TokensIgnoreCaseAndQuoteForms) {
  auto a = Tokenize("He said \xE2\x80\x9CYes\xE2\x80\x9D, 1,000 times; it's 20th."),
       b = Tokenize("he SAID \"yes\", 1,000 times; it\xE2\x80\x99s 20th.");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].key, b[i].key) << i;
  EXPECT_TRUE(a[6].digits);   // 1,000
  EXPECT_FALSE(a[9].digits);  // it's
}

TEST(CollateAlign, TranspositionMarksMovedTokens) {
  std::string x, y;
  std::vector<std::string> parts;
  for (int i = 0; i < 12; ++i) parts.push_back("passage" + std::string(1, char('a' + i)) + " with words number " + std::to_string(i) + " here. ");
  for (const auto& p : parts) x += p;
  std::vector<std::string> moved = parts;
  std::rotate(moved.begin() + 2, moved.begin() + 8, moved.begin() + 9);  // passage i moved earlier
  for (const auto& p : moved) y += p;
  auto A = Tokenize(x), B = Tokenize(y);
  AlignOptions o;
  o.max_dp_cells = 16;
  Alignment al = Align(A, B, o);
  int moved_tokens = 0;
  for (uint8_t m : al.moved_w) moved_tokens += m;
  EXPECT_GT(moved_tokens, 0);
}

}  // namespace
}  // namespace emend::collate
