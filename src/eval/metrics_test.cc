// Words broken, and the share of them at a hyphen the gold keeps.
#include "eval/metrics.h"

#include <gtest/gtest.h>

namespace emend::eval {
namespace {

EvalTotals Score(const char* ocr, const char* gold, const char* out) {
  Symbols sym;
  EvalTotals t;
  ScoreUnit(ocr, gold, out, nullptr, &sym, &t);
  return t;
}

TEST(Metrics, BrokenWordsAtAGoldHyphenAreCountedApart) {
  // The gold keeps a line-break hyphen; the OCR lost it; joining breaks both halves.
  EvalTotals joined = Score("the pass ing of time", "the pass-ing of time", "the passing of time");
  EXPECT_EQ(joined.words_broken, 2u);
  EXPECT_EQ(joined.words_broken_at_hyphen, 2u);
  EXPECT_EQ(joined.broken_words.at("ing"), 1u);
  // A right word made wrong elsewhere is broken, not at a hyphen.
  EvalTotals wrong = Score("the house was full", "the house was full", "the horse was full");
  EXPECT_EQ(wrong.words_broken, 1u);
  EXPECT_EQ(wrong.words_broken_at_hyphen, 0u);
  EXPECT_EQ(wrong.broken_words.at("house"), 1u);
  EvalTotals none = Score("tbe house", "the house", "the house");
  EXPECT_EQ(none.words_broken, 0u);
  EXPECT_EQ(none.words_fixed, 1u);
}

}  // namespace
}  // namespace emend::eval
