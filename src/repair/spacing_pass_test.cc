#include <gtest/gtest.h>

#include "repair/test_util.h"

namespace emend::repair {
namespace {

std::string Fix(std::string_view s) { return RunPass(s, ProposeSpacing); }

TEST(SpacingPass, RealExamples) {
  EXPECT_EQ(Fix("After the coup of June third,he led a fight"), "After the coup of June third, he led a fight");
  EXPECT_EQ(Fix("the name of Kamo ."), "the name of Kamo.");
  EXPECT_EQ(Fix("they do it.They won't"), "they do it. They won't");
  EXPECT_EQ(Fix("Note:this matters"), "Note: this matters");
  EXPECT_EQ(Fix("the city members ; but the Secretary said : no"), "the city members; but the Secretary said: no");
  EXPECT_EQ(Fix("with the remark, \" Really, gentlemen\""), "with the remark, \"Really, gentlemen\"");
  EXPECT_EQ(Fix("the scenery.- It is grand."), "the scenery.-It is grand.");
  EXPECT_EQ(Fix("of lyric poetry.'-- Gosse."), "of lyric poetry.'--Gosse.");
  EXPECT_EQ(Fix("Death of Gratian.\xE2\x80\x94 Ruin of Arianism"), "Death of Gratian.\xE2\x80\x94Ruin of Arianism");
}

// A spaced dash is a style, a dash after a letter a broken word or a
// hyphen, a bullet a list: only a dash set against punctuation loses the
// space after it, and only before a capital.
TEST(SpacingPass, DashesLeftAlone) {
  for (const char* s : {"London - The Prime Minister said", "Tortola Island- St. Thomas", "- Fixed a bug\n- Added a test",
                        "he adjourned.- the trial", "SOCRATES - GLAUCON", "it was 1850.-  The year", "end.-"})
    EXPECT_EQ(Fix(s), s) << s;
}

TEST(SpacingPass, LeavesAlone) {
  for (const char* s : {"It cost 1,000 roubles or 3.14 each at 10:30.", "e.g. this, i.e. that, U.S.A. and Ph.D.",
                        "See http://example.com/a,b and mail me@example.org.", "He said . . . nothing.",
                        "Wait ... and see.", "Two spaces.  Then more.", "Table:  a   ,   b",
                        "NEW YORK . BOSTON . CHICAGO", "x=a,b;c", "Quoi ? Oui !", "He said \"yes \" and left.", "What then ? Alas !", "&mdash;go on",
                        "main.Cpp is a file? no, main.cpp",
                        "The dog took no notice , for he was asleep"})  // a printer's space
    EXPECT_EQ(Fix(s), s) << s;
}

}  // namespace
}  // namespace emend::repair

namespace emend::repair {
namespace {

// The run test behind the spacing pass is taken once per run, however many
// marks the run holds (asking at each mark of a megabyte "ab,ab,ab" line
// rescanned the line every time).
int run_tests = 0;
bool HasSlash(std::string_view run) {
  ++run_tests;
  return run.find('/') != run.npos;
}

TEST(RunTest, EachRunIsTestedOnce) {
  const std::string s = "ab,ab,ab,ab a/b,c";
  RunTest t(s, HasSlash);
  run_tests = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] != ' ') {
      EXPECT_EQ(t.At(i), i > s.find(' ')) << i;
    }
  EXPECT_EQ(run_tests, 2);
}

}  // namespace
}  // namespace emend::repair
