#include "edit/combine.h"

#include <gtest/gtest.h>

namespace emend::edit {
namespace {

Proposal P(std::string_view in, uint64_t s, uint64_t e, std::string after, uint32_t kind, int rank,
           std::string rule = "r") {
  Proposal p;
  p.edit.start = s; p.edit.end = e;
  p.edit.before = std::string(in.substr(s, e - s));
  p.edit.after = std::move(after);
  p.edit.kinds = kind;
  p.edit.rule = rule; p.edit.note = rule;
  p.rank = rank;
  return p;
}

TEST(Combine, CaseAndSpellingOnOneSpanMerge) {
  std::string in = "tHE kfb";
  std::vector<Proposal> ps = {P(in, 4, 7, "KFB", kCase, 9, "case"), P(in, 4, 7, "kgb", kSpelling, 5, "spell"),
                              P(in, 0, 3, "The", kCase, 9, "case")};
  CombineStats st;
  auto edits = Combine(in, ps, &st);
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[1].after, "KGB");
  EXPECT_EQ(edits[1].kinds, kCase | kSpelling);
  EXPECT_EQ(st.merged, 1u);
  EXPECT_TRUE(ValidateEdits(in, edits).ok());
}

TEST(Combine, ZeroLengthEditsShareAnOffsetInRankOrder) {
  std::string in = "third,he";
  std::vector<Proposal> ps = {P(in, 6, 6, "", kGap, 20), P(in, 6, 6, " ", kSpacing, 3)};
  auto edits = Combine(in, ps);
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0].kinds, kSpacing);
  EXPECT_EQ(edits[1].kinds, kGap);
  EXPECT_EQ(*ApplyEdits(in, edits), "third, he");
}

TEST(Combine, OverlappingSpansBecomeOneEdit) {
  std::string in = "PRO-\nPERTY is";
  // hyphenation moves PERTY up; case lowers both halves.
  std::vector<Proposal> ps = {P(in, 3, 11, "PERTY\n", kHyphenation, 2), P(in, 0, 3, "pro", kCase, 9),
                              P(in, 5, 10, "perty", kCase, 9)};
  auto edits = Combine(in, ps);
  ASSERT_TRUE(ValidateEdits(in, edits).ok());
  EXPECT_EQ(*ApplyEdits(in, edits), "property\nis");
}

TEST(Combine, InsertionInsideASpanMovesToItsEnd) {
  std::string in = "abcdef";
  auto edits = Combine(in, {P(in, 1, 4, "X", kSpelling, 5), P(in, 2, 2, "", kGap, 20)});
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[1].start, 4u);
  EXPECT_TRUE(ValidateEdits(in, edits).ok());
}

TEST(Combine, TransferCase) {
  EXPECT_EQ(TransferCase("kgb", "KFB"), "KGB");
  EXPECT_EQ(TransferCase("london", "Xxxxxx"), "London");
  EXPECT_TRUE(IsCaseOnly("sTALIN", "Stalin"));
  EXPECT_FALSE(IsCaseOnly("tbe", "The"));
}

}  // namespace
}  // namespace emend::edit
