#include "emend/edit.h"

#include <gtest/gtest.h>

#include <random>

#include "edit/combine.h"

namespace emend {
namespace {

Edit E(uint64_t s, uint64_t e, std::string b, std::string a, uint32_t k = kSpelling) {
  Edit x;
  x.start = s; x.end = e; x.before = std::move(b); x.after = std::move(a); x.kinds = k;
  x.rule = "test"; x.note = "test";
  return x;
}

TEST(Edits, ApplyAndInvert) {
  std::string in = "third,he said tbe";
  std::vector<Edit> edits = {E(6, 6, "", " ", kSpacing), E(6, 6, "", "", kGap), E(14, 17, "tbe", "the")};
  auto out = ApplyEdits(in, edits);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "third, he said the");
  auto back = InvertEdits(*out, edits);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, in);
}

TEST(Edits, ValidateRefusesOverlapAndMismatch) {
  std::string in = "abcdef";
  EXPECT_FALSE(ValidateEdits(in, {E(0, 3, "abc", "x"), E(2, 4, "cd", "y")}).ok());
  EXPECT_FALSE(ValidateEdits(in, {E(0, 3, "abd", "x")}).ok());
  EXPECT_FALSE(ValidateEdits(in, {E(4, 9, "ef", "x")}).ok());
  EXPECT_TRUE(ValidateEdits(in, {E(3, 3, "", "x"), E(3, 5, "de", "y")}).ok());
  Edit bad = E(0, 1, "a", "b");
  bad.confidence = 1.5;
  EXPECT_FALSE(ValidateEdits(in, {bad}).ok());
}

TEST(Edits, InvertRefusesWrongOutput) {
  std::vector<Edit> edits = {E(0, 3, "tbe", "the")};
  EXPECT_FALSE(InvertEdits("thx cat", edits).ok());
  EXPECT_FALSE(InvertEdits("th", edits).ok());
}

TEST(Edits, KindNamesRoundTrip) {
  EXPECT_EQ(EditKindsToString(kCase | kSpelling), "case+spelling");
  auto k = EditKindsFromString("case+real-word");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(*k, kCase | kRealWord);
  EXPECT_FALSE(EditKindsFromString("bogus").ok());
}

// Random valid edit lists: apply then invert gives the input back.
TEST(Edits, RandomRoundTrip) {
  std::mt19937 rng(11);
  for (int n = 0; n < 3000; ++n) {
    std::string in(rng() % 40, 'a');
    for (char& c : in) c = static_cast<char>(rng() % 256);
    std::vector<Edit> edits;
    uint64_t pos = 0;
    while (pos <= in.size() && rng() % 3) {
      uint64_t s = pos + rng() % (in.size() - pos + 1);
      uint64_t e = s + (rng() % 2 ? 0 : rng() % (in.size() - s + 1));
      std::string after(rng() % 4, 'z');
      edits.push_back(E(s, e, in.substr(s, e - s), after));
      pos = e;
      if (e == in.size()) break;
    }
    auto out = ApplyEdits(in, edits);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    auto back = InvertEdits(*out, edits);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(*back, in);
  }
}

}  // namespace
}  // namespace emend
