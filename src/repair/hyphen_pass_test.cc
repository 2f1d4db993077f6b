#include <gtest/gtest.h>

#include "repair/test_util.h"

namespace emend::repair {
namespace {

std::string Fix(std::string_view s) { return RunPass(s, ProposeHyphenation); }

TEST(HyphenPass, JoinsKnownWordsKeepingTheLineBreak) {
  EXPECT_EQ(Fix("the pro-\nperty is his"), "the property\nis his");
  EXPECT_EQ(Fix("the pro-\r\n  perty, is his"), "the property,\r\n  is his");
  EXPECT_EQ(Fix("the pro-\nperty\nnext"), "the property\nnext");
}

TEST(HyphenPass, KeepsRealCompounds) {
  for (const char* s : {"a well-\nknown man", "his self-\npossession was", "Anglo-\nSaxon kings",
                        "mother-in-\nlaw came", "pro-\nPerty", "a well-known pro-\nxyzzy"})
    EXPECT_EQ(Fix(s), s) << s;
}

TEST(HyphenPass, DocumentEvidenceWins) {
  // The text writes to-day with a hyphen elsewhere, so the break keeps it.
  EXPECT_EQ(Fix("I saw him to-day and to-\nday again."), "I saw him to-day and to-\nday again.");
  EXPECT_EQ(Fix("I saw him today and to-\nday again."), "I saw him today and today\nagain.");
}

}  // namespace
}  // namespace emend::repair
