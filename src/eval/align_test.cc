#include "eval/align.h"

#include <gtest/gtest.h>

#include <random>

#include "eval/datasets.h"
#include "eval/metrics.h"

namespace emend::eval {
namespace {

// Slow, obviously correct Levenshtein.
uint64_t Reference(const Seq& a, const Seq& b) {
  std::vector<std::vector<uint64_t>> d(a.size() + 1, std::vector<uint64_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
  return d[a.size()][b.size()];
}

Seq Random(std::mt19937& rng, size_t n, int alphabet) {
  Seq s(n);
  for (auto& x : s) x = rng() % alphabet;
  return s;
}

TEST(Align, FastDistanceMatchesReference) {
  std::mt19937 rng(1);
  for (int n = 0; n < 3000; ++n) {
    Seq a = Random(rng, rng() % 150, 1 + rng() % 6), b = Random(rng, rng() % 150, 1 + rng() % 6);
    uint64_t ref = Reference(a, b);
    ASSERT_EQ(Distance(a, b), ref);
    Alignment al = Align(a, b);
    ASSERT_EQ(al.distance(), ref);
    ASSERT_EQ(al.matches + al.subs + al.dels, a.size());
    ASSERT_EQ(al.matches + al.subs + al.ins, b.size());
  }
}

TEST(Align, LongSequencesUseAnchorsAndStayExactOnSimpleNoise) {
  std::mt19937 rng(2);
  Seq a = Random(rng, 20000, 50), b = a;
  for (int k = 0; k < 200; ++k) b[k * 97 + rng() % 50] = 999;  // 200 distinct substitutions
  EXPECT_EQ(Distance(a, b), 200u);
  EXPECT_EQ(Align(a, b).distance(), 200u);
}

TEST(Metrics, CerOfKnownPair) {
  Symbols sym;
  EvalTotals t;
  ScoreUnit("tbe cat", "the cat", "the cat", nullptr, &sym, &t);
  EXPECT_EQ(t.cer_before.ref, 7u);
  EXPECT_EQ(t.cer_before.errors(), 1u);
  EXPECT_EQ(t.cer_after.errors(), 0u);
  EXPECT_EQ(t.edits, 1u);
  EXPECT_EQ(t.edits_good, 1u);
  EXPECT_EQ(t.words_right_before, 1u);
  EXPECT_EQ(t.words_broken, 0u);
  ScoreUnit("the dog", "the dog", "tho dog", nullptr, &sym, &t);
  EXPECT_EQ(t.words_broken, 1u);
}

TEST(Metrics, GraphemesAfterNfc) {
  EXPECT_EQ(Graphemes(Nfc("e\xCC\x81")).size(), 1u);  // e + combining acute
  EXPECT_EQ(Words(Nfc("Hello, world -- 42!")).size(), 3u);
}

TEST(Datasets, Csv) {
  auto rows = ParseCsv("a,b\n\"x,1\",\"say \"\"hi\"\"\nthere\"\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "x,1");
  EXPECT_EQ(rows[1][1], "say \"hi\"\nthere");
}

}  // namespace
}  // namespace emend::eval
