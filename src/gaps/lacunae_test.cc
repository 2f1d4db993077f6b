#include "gaps/lacunae.h"

#include <gtest/gtest.h>

#include "edit/test_engine.h"
#include "emend/emend.h"

namespace emend {
namespace {

const Engine* ModelEngine() { return DefaultModelEngine(); }

std::vector<Edit> Gaps(std::string_view text, const std::string& marker = "") {
  FixOptions o;
  o.correct = false;
  o.gap_marker = marker;
  std::vector<Edit> out;
  for (Edit& e : ModelEngine()->Fix(text, o).edits)
    if (e.kinds & kGap) out.push_back(e);
  return out;
}

TEST(Lacunae, SurfaceTracesAreCertain) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  auto g = Gaps("See the note[] below. The nd of May was cold. We met on the th of June.");
  ASSERT_GE(g.size(), 3u);
  EXPECT_EQ(g[0].rule, "gap.numeral");
  EXPECT_EQ(g[0].start, 13u);  // between [ and ]
  for (const Edit& e : g) EXPECT_GE(e.confidence, 0.9);
}

TEST(Lacunae, LanguageModelFindsAMissingNumber) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  auto g = Gaps("He assumed the name Leon Trotsky in ) was born in a village.");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].rule, "gap.numeral");
  EXPECT_EQ(g[0].start, 35u);  // after "in"
}

TEST(Lacunae, FusedWordIsSplitAtTheGap) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string text = "The manifesto issued inon the occasion of the anniversary was read aloud.";
  auto g = Gaps(text);
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].kinds, kGap | kSplit);
  EXPECT_EQ(g[0].start, text.find("inon") + 2);
  EXPECT_EQ(g[0].after, " ");
  FixOptions o;
  o.correct = true;
  o.gap_marker = "[...]";
  EXPECT_NE(ModelEngine()->Fix(text, o).text.find("issued in [...] on the occasion"), std::string::npos);
}

// An OCR misread that the corrector explains is corrected, not split at a
// lacuna; a split at the same place as the gap keeps the gap.
TEST(Lacunae, CorrectionOfAFusedWordWinsUnlessItSplitsThere) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string text = "It was clear that someone mapaged to get possession of the keys.";
  ASSERT_FALSE(Gaps(text).empty());  // alone, the detector splits it (map | aged)
  FixResult r = ModelEngine()->Fix(text, FixOptions{});
  EXPECT_NE(r.text.find("someone managed to"), std::string::npos) << r.text;
  for (const Edit& e : r.edits) EXPECT_FALSE(e.kinds & kGap) << e.start;
}

// Layout a cut leaves behind: a right-aligned number gone from the end of a
// line, a heading that lost its number, empty braces, a full stop on the
// next line, and a typist's double space left when a quotation went.
// Expects `n` gaps in `text`, the first of reason `rule` at byte `start`.
void ExpectGaps(const std::string& text, size_t n, const char* rule, size_t start) {
  auto g = Gaps(text);
  ASSERT_EQ(g.size(), n) << text;
  EXPECT_EQ(g[0].rule, rule) << text;
  EXPECT_EQ(g[0].start, start) << text;
}

TEST(Lacunae, LayoutTracesOfLostNumbers) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string toc = "CONTENTS\n\nThe Art of Friendship                          \nThe Virtue of Friends                          \n";
  ExpectGaps(toc, 2, "gap.numeral", toc.find('\n', toc.find("Friendship")));
  std::string heading = "The end of the first part.\n\nSection\n\nSuddenly I looked up.";
  ExpectGaps(heading, 1, "gap.numeral", heading.find("Section") + 7);
  std::string braces = "The events e_{} and e_{} occur at the times we named.";
  ExpectGaps(braces, 2, "gap.numeral", braces.find("{}") + 1);
  std::string spaces = "Dear sir, I am obliged to you,\" he murmured.  \n\nShe evaded the question.";
  ExpectGaps(spaces, 1, "gap.quotation", spaces.find("  \n") + 2);
}

// A name the text repeats is a word, however it splits (Barber|ton); once, it
// may be two words fused at a cut.
TEST(Lacunae, RepeatedUnknownNameIsNotAFusedCut) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string once = "I had made my money at Barberton I thought perhaps I could seek her out.";
  auto g = Gaps(once);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].kinds, kGap | kSplit);  // Barber|ton
  std::string twice = once + " Barberton was a rough place then.";
  for (const Edit& e : Gaps(twice)) EXPECT_FALSE(e.kinds & kSplit) << e.start;
}

// A paragraph that ends on the comma of "she said," lost what she said,
// unless it follows as the next paragraph.
TEST(Lacunae, ParagraphEndingOnAnAttributionLostItsQuotation) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  auto g = Gaps("\"I am afraid, after all,\" said I to myself, \n\nI believe, however, that she is right.");
  ASSERT_FALSE(g.empty());
  EXPECT_EQ(g[0].rule, "gap.quotation");
  EXPECT_TRUE(Gaps("Yet the historian says that,\n\n\"As he spent his days in the uniform duties of his office.\"").empty());
}

// A paragraph that is only an attribution lost the speech it attributed.
TEST(Lacunae, BareAttributionLostItsQuotation) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string text = "The door opened slowly.\n\nScrooge replied.\n\nThe Ghost was gone.";
  ExpectGaps(text, 1, "gap.quotation", text.find("Scrooge"));
  EXPECT_TRUE(Gaps("The door opened slowly.\n\n\"Go,\" Scrooge replied.\n\nThe Ghost was gone.").empty());
}

// OCR scatters spaces before stops, glues commas to words and leaves stray
// letters: where a text has many such cues that the model cannot explain,
// they are noise, not cuts. Alone, the same stray " d " marks a lost "2d".
TEST(Lacunae, NoisyOcrSpacingIsNotACut) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string stray = "He then d went away towards the market.";
  EXPECT_EQ(Gaps(stray).size(), 1u);
  const std::string noisy =
      "The prisoner , who had been drinking at the house of his brother , was seen by the constable near the "
      "bridge . " + stray + " He struck the woman ,with a stick . The magistrate said that the case was a bad "
      "one ,and that he would be sent to prison for a month . The woman , who appeared in court with her arm "
      "in a sling , said she had known him for many years .";
  EXPECT_TRUE(Gaps(noisy).empty());
}

// A copy with no apostrophes and no quotation marks over 1,000 words, that
// lost numerals elsewhere, lost its quotations: a colon then a capital marks
// one. The same text with one apostrophe is ordinary prose, and the colon is not.
TEST(Lacunae, ColonInACopyThatLostItsQuotations) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string filler;
  for (int i = 0; i < 60; ++i)
    filler += "The committee met again in the old building near the river and talked for many hours about the work. ";
  const std::string lost = "He took the name Trotsky in ) was . in the party. Then he went to Vienna in in the spring.\n\n";
  const std::string colon = "\n\nKrupskaya in her turn wrote: All of it was done in secret.\n";
  auto quotation_at_colon = [&](const std::string& text) {
    size_t at = text.find("wrote:") + 6;
    for (const Edit& e : Gaps(text))
      if (e.start == at) return true;
    return false;
  };
  EXPECT_TRUE(quotation_at_colon(lost + filler + colon));
  EXPECT_FALSE(quotation_at_colon(lost + filler + "The committee's work went on." + colon));
}

// A copy that cut numerals together with their full stops runs sentences
// together ("in June, Moreover", "in Berlin in Why did", "inIremashvili"),
// doubles a preposition ("in in Finland") or leaves a bracket open on a
// comma: numeral lacunae where the model expects a number. ("did" next to
// the cut is a word, not a roman numeral that would excuse it.)
TEST(Lacunae, StitchesWhereNumeralsWentWithTheirStops) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string text =
      "They met in June, Moreover, the adviser had come from abroad. He had been in Berlin in Why did they meet "
      "there? He went for the first time in in Finland. The date was placed erroneously inIremashvili remarks "
      "on it. It was the twelfth of June [, in the square.";
  auto g = Gaps(text);
  ASSERT_EQ(g.size(), 5u);
  const size_t at[] = {text.find("June,") + 5, text.find("in Why") + 2, text.find("time in in") + 7,
                       text.find("inIrem") + 2, text.find("[,") + 1};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(g[i].rule, "gap.numeral") << i;
    EXPECT_EQ(g[i].start, at[i]) << i;
  }
  EXPECT_EQ(g[3].kinds, kGap | kSplit);  // in Iremashvili
}

// One stitch alone is English: "took in in", "the game of How, When".
TEST(Lacunae, ALoneStitchIsNotACut) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_TRUE(Gaps("It was hard work, which one took in in climbing the hill.").empty());
  EXPECT_TRUE(Gaps("They sat in the parlour and played at the game of How, When, and Where.").empty());
}

// Clean prose, and layout that is not a lacuna: a chapter column head over an
// indented table of contents, an ellipsis paragraph, d--d, a roman numeral.
TEST(Lacunae, CleanProseHasNoGaps) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const char* clean[] = {
      "CONTENTS\n\nCHAPTER\n\n  I. DUST IN THE SHADOWS\n  II. THE COMET\n",
      "He waited a long while.\n\n.....\n\nLove is not love which alters.",
      "It would take a d--d smart cannibal to eat him.",
      "See Job xiii. and the verses after it.",
      "It was a bright cold day in April, and the clocks were striking thirteen.",
      "\"Come here,\" she said, and he came slowly, as he always did.",
      "In 1879 the family moved to the coast, where they lived for 12 years.",
      "Chapter XIV. The return of the native, and what became of him.",
      "He said: \"We shall see.\" Then he left the room without another word.",
  };
  for (const char* t : clean) EXPECT_TRUE(Gaps(t).empty()) << t;
}

// The tuning hooks are options, not the environment: the trace gets one
// line per weighed boundary and a summary, and the library prints nothing;
// weights given replace the built-in ones in order (here the numeral's
// prior odds, raised until a clean sentence gets numeral gaps).
TEST(Lacunae, TuningHooksAreOptions) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string clean = "It was a bright cold day in April, and the clocks were striking thirteen.";
  FixOptions o;
  o.correct = false;
  std::vector<std::string> lines;
  o.gap_trace = [&](const std::string& line) { lines.push_back(line); };
  const FixResult traced = ModelEngine()->Fix(clean, o);
  ASSERT_GE(lines.size(), 10u);
  for (size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_EQ(lines[i].rfind("F ", 0), 0u) << lines[i];
  EXPECT_EQ(lines.back(), "N 0 14\n");
  EXPECT_EQ(traced.text, clean);  // tracing changes nothing
  o.gap_trace = nullptr;
  o.gap_weights = {20.0};  // bias of a numeral, the first weight
  size_t numerals = 0;
  for (const Edit& e : ModelEngine()->Fix(clean, o).edits) numerals += e.rule == "gap.numeral";
  EXPECT_GE(numerals, 5u);
  EXPECT_TRUE(Gaps(clean).empty());  // the defaults are untouched
}

TEST(Lacunae, MarkerOnlyWhenAsked) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string text = "See the note[] below.";
  FixOptions o;
  o.correct = false;
  EXPECT_EQ(ModelEngine()->Fix(text, o).text, text);
  o.gap_marker = "<GAP>";
  EXPECT_EQ(ModelEngine()->Fix(text, o).text, "See the note[ <GAP>] below.");
  o.detect_gaps = false;
  o.gap_marker = "";
  for (const Edit& e : ModelEngine()->Fix(text, o).edits) EXPECT_FALSE(e.kinds & kGap);
}

TEST(Lacunae, EditsStayValidOnHostileInput) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string junk;
  for (int i = 0; i < 4000; ++i) junk.push_back(static_cast<char>((i * 7919) % 251));
  for (std::string t : {junk, std::string("\"\" () [] , , . ( \"") + junk, std::string(10000, ',')}) {
    FixOptions o;
    o.gap_marker = "[…]";
    FixResult r = ModelEngine()->Fix(t, o);
    ASSERT_TRUE(ValidateEdits(t, r.edits).ok());
    EXPECT_EQ(*InvertEdits(r.text, r.edits), t);
  }
}

}  // namespace
}  // namespace emend
