#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "edit/test_engine.h"
#include "emend/emend.h"
#include "repair/passes.h"
#include "repair/test_util.h"

namespace emend::repair {
namespace {

std::string Mend(std::string_view in) { return RunPass(in, ProposeNumerals); }

TEST(Numerals, OverwhelmingMisreadsAreMended) {
  const std::pair<const char*, const char*> cases[] = {
      {"There were 1,ooo men.", "There were 1,000 men."},
      {"and 2,5oo horses", "and 2,500 horses"},
      {"in 1S71, when", "in 1871, when"},
      {"pp. l6o-164, and", "pp. 160-164, and"},
      {"he was fined lOs. and costs", "he was fined 10s. and costs"},
      {"on the 9tli of May", "on the 9th of May"},
      {"the 5lh of June", "the 5th of June"},
      {"Price Is. 6d. each", "Price 1s. 6d. each"},
      {"at \xC2\xA3" "1 Is. a month", "at \xC2\xA3" "1 1s. a month"},
      {"(1o5)", "(105)"},
      {"or 5l7 toises", "or 517 toises"},
      {"at 10.3O p.m.", "at 10.30 p.m."},
      {"dated l8l4.", "dated 1814."},
      {"it cost i6s. then", "it cost 16s. then"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Mend(in), want) << in;
}

TEST(Numerals, WordsCodesAndUnclearShapesStay) {
  const char* kept[] = {
      "it is 6d. a pound",      // the verb beside money
      "Is it true?",            // no money beside it
      "'Is \xC2\xA3" "4 a week?'",     // the verb before a sum
      "vitamin B12 and O2",     // codes that start with a letter
      "flat 12B, 221B, 939B",   // a rarer shape last: addresses, sections
      "at 180o and 54o.4, 20o-30o",  // a small o last or before a point: degrees
      "io non so",              // Italian: letters only
      "Il y a",                 // French
      "the 1st and 2nd, 12mo",  // ordinals and sizes as written
      "1l. 10s.",               // one pound
      "66i. and 100I",          // as often a pound's l as a 1
      "lO",                     // letters only, no unit
      "1,2,3 and 1,ooo,o",      // no misread / groups that do not close
      "III. and XIV.",          // Roman numerals
      "1S or S1",               // a rarer shape outside a run of digits
      "and 7o one thing",       // one digit, one letter: To as often as 70
      "p. 311-I expected",      // a range's part with no digit
  };
  for (const char* in : kept) EXPECT_EQ(Mend(in), in) << in;
}

// The edit covers the numeral only: its quotes, brackets and stops are no
// part of the span.
TEST(Numerals, TheSpanIsTheNumeralsCore) {
  const std::string in = "in (1S71), lOs.";
  Proposals ps;
  PassInput pi{in, nullptr};
  ProposeNumerals(pi, &ps);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(in.substr(ps[0].edit.start, ps[0].edit.end - ps[0].edit.start), "1S71");
  EXPECT_EQ(ps[0].edit.after, "1871");
  EXPECT_EQ(in.substr(ps[1].edit.start, ps[1].edit.end - ps[1].edit.start), "lOs");
  EXPECT_EQ(ps[1].edit.after, "10s");
  EXPECT_EQ(ps[0].edit.rule, "correct.numeral");
}

// Runs that are no text at all pass without an edit or a crash.
TEST(Numerals, OddBytesPassThrough) {
  const std::string odd[] = {"", " ", "\xFF\xFE 1S71\xC3", std::string("1,\0oo", 5), "--- ,,, ...", "1-", "-1-o"};
  for (const std::string& in : odd) {
    const std::string out = Mend(in);
    EXPECT_EQ(out.find("<invalid"), std::string::npos) << out;
  }
}

// Through the whole pipeline (the corrector leaves the run to this pass,
// and no other pass splits it at its comma).
TEST(Numerals, TheEngineMendsThem) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  FixOptions o;
  o.detect_gaps = false;
  const char* in = "The army of 1,ooo men was fined lOs. on the 9tli of May in 1S71.";
  EXPECT_EQ(DefaultModelEngine()->Fix(in, o).text, "The army of 1,000 men was fined 10s. on the 9th of May in 1871.");
  o.correct = false;  // part of correction: off with it
  EXPECT_EQ(DefaultModelEngine()->Fix(in, o).text, in);
}

// With suggest the numerals are suspects, listed in offset order among the
// corrector's, and the text keeps them as written.
TEST(Numerals, SuggestListsThemAndChangesNothing) {
  FixOptions o;
  o.detect_gaps = false;
  o.suggest = true;
  const std::string in = "The army of 1,ooo men was fined lOs. in 1S71.";
  const FixResult r = BareEngine()->Fix(in, o);
  EXPECT_EQ(r.text, in);
  ASSERT_EQ(r.suggestions.size(), 3u);
  EXPECT_EQ(r.suggestions[0].token, "1,ooo");
  EXPECT_EQ(r.suggestions[0].alternatives[0].text, "1,000");
  EXPECT_EQ(r.suggestions[2].token, "1S71");
  if (!DefaultModelEngine()) return;
  const FixResult m = DefaultModelEngine()->Fix("Tbe army of 1,ooo men.", o);
  ASSERT_GE(m.suggestions.size(), 2u);
  for (size_t i = 1; i < m.suggestions.size(); ++i) EXPECT_LT(m.suggestions[i - 1].start, m.suggestions[i].start);
}

}  // namespace
}  // namespace emend::repair
