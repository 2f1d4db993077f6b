#include "text/lm_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace emend::text {
namespace {

// The sentences of `s` as the model's forms joined by spaces.
std::vector<std::string> Sentences(std::string_view s, const LmSplitOptions& o = {}) {
  std::vector<std::string> out;
  LmSentences(s, [&](const std::vector<LmToken>& toks) {
    std::string line;
    for (const LmToken& t : toks) line += (line.empty() ? "" : " ") + t.text;
    out.push_back(line);
  }, nullptr, o);
  return out;
}

TEST(LmSentences, EndAtMarksNotAfterAbbreviations) {
  EXPECT_EQ(Sentences("Mr. Smith came. He sat, and 12 men stood! Why?"),
            (std::vector<std::string>{"mr smith came", "he sat , and <num> men stood", "why"}));
  EXPECT_EQ(Sentences("One line\n\nanother"), (std::vector<std::string>{"one line", "another"}));
}

// The model's own split ends a sentence at a period before a lower-case
// word; the corrector's option goes on where its predicate says so, and
// sees the two words it is asked about.
TEST(LmSentences, PeriodBeforeALowerCaseWordMayContinue) {
  const std::string s = "the pri. soner came. then he went. Then she";
  EXPECT_EQ(Sentences(s), (std::vector<std::string>{"the pri", "soner came", "then he went", "then she"}));
  std::vector<std::string> asked;
  LmSplitOptions o;
  o.continues_before_lower = [&](std::string_view a, std::string_view b) {
    asked.push_back(std::string(a) + "|" + std::string(b));
    return a == "pri";
  };
  EXPECT_EQ(Sentences(s, o), (std::vector<std::string>{"the pri soner came", "then he went", "then she"}));
  EXPECT_EQ(asked, (std::vector<std::string>{"pri|soner", "came|then"}));  // not before "Then"
  // One newline may come between; a blank line ends the sentence anyway.
  EXPECT_EQ(Sentences("the pri.\nsoner", o).size(), 1u);
  EXPECT_EQ(Sentences("the pri.\n\nsoner", o).size(), 2u);
  EXPECT_EQ(Sentences("the pri.soner", o).size(), 2u);  // no space: not a line break
}

// A period glued to a word the corrector takes for a misread title does not
// end the sentence before a capitalised word (Mir. Smith), and the
// predicate is asked only there.
TEST(LmSentences, MisreadTitleKeepsItsName) {
  const std::string s = "by Mir. Smith and Mir. then Air. Jones";
  std::vector<std::string> asked;
  LmSplitOptions o;
  o.misread_abbreviation = [&](std::string_view w) {
    asked.push_back(std::string(w));
    return w == "mir";
  };
  EXPECT_EQ(Sentences(s), (std::vector<std::string>{"by mir", "smith and mir", "then air", "jones"}));
  EXPECT_EQ(Sentences(s, o), (std::vector<std::string>{"by mir smith and mir", "then air", "jones"}));
  EXPECT_EQ(asked, (std::vector<std::string>{"mir", "air"}));  // not before "then"
  EXPECT_EQ(Sentences("by Mir .Smith", o).size(), 2u);          // the period is not glued to it
}

}  // namespace
}  // namespace emend::text
