#include "emend/collate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "emend/damage.h"
#include "eval/gaps.h"
#include "eval/metrics.h"

namespace emend {
namespace {

std::string BookSlice(size_t bytes) {
  std::ifstream f(EMEND_SHARED_DIR "/corpus/gutenberg/MANIFEST.tsv");
  std::string line;
  for (int i = 0; i < 6 && std::getline(f, line);) ++i;  // the fifth book
  std::string file = line.substr(0, line.find('\t'));
  std::ifstream b(EMEND_SHARED_DIR "/corpus/gutenberg/" + file, std::ios::binary);
  std::stringstream ss;
  ss << b.rdbuf();
  std::string s = ss.str();
  return s.substr(s.size() / 3, bytes);
}

// Numerals inside quotations cannot come back from a witness that lost the
// quotation; the known-truth tests take them out of the clean text first.
std::string WithoutDigitsInQuotes(std::string s) {
  std::string out;
  bool inside = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') inside = !inside;
    if (s[i] == '\n' && i + 1 < s.size() && s[i + 1] == '\n') inside = false;
    if (inside && s[i] >= '0' && s[i] <= '9') continue;
    out.push_back(s[i]);
  }
  return out;
}

const char* kText =
    "He was born in 1879 on the coast. \"Come here,\" she said, and he came (slowly, as always).\n"
    "In the summer of 1917 the majority, 2,000 strong, left. It's late: \"Go now.\" They went.\n";

std::string Damaged(std::string_view clean, const char* spec) {
  return std::move(Damage(clean, *ParseDamageSpec(spec), nullptr)).value().text;
}

// Equality without printing megabytes: the first difference and its context.
void ExpectSame(const std::string& got, const std::string& want, const char* what) {
  if (got == want) return;
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t from = i > 60 ? i - 60 : 0;
  ADD_FAILURE() << what << ": first difference at byte " << i << "\n got: " << got.substr(from, 120)
                << "\nwant: " << want.substr(from, 120);
}

void ExpectEditsValid(std::string_view base, const std::vector<Witness>& ws, const CollateResult& r) {
  ASSERT_TRUE(ValidateEdits(base, r.edits).ok());
  auto back = InvertEdits(r.text, r.edits);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, base);
  for (const Edit& e : r.edits) {
    const Witness* w = nullptr;
    for (const Witness& x : ws) if (x.id == e.witness) w = &x;
    ASSERT_NE(w, nullptr) << e.witness;
    EXPECT_EQ(w->text.substr(e.witness_start, e.witness_end - e.witness_start), e.after);
    EXPECT_TRUE(e.kinds & kRestore);
  }
}

TEST(Collate, NoDigitsPlusNoQuotationsGivesTheOriginalBack) {
  for (std::string clean : {std::string(kText), WithoutDigitsInQuotes(BookSlice(200000))}) {
    if (clean.empty()) continue;
    for (const char* spec : {"digits=1", "digits=1,fuse=0.5,seed=3"}) {
      std::string base = Damaged(clean, spec);
      std::vector<Witness> ws{{"w1", Damaged(clean, "quotations=1,seed=2")}};
      auto r = Collate(base, ws, CollateOptions{}, nullptr);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_TRUE(r->witnesses[0].aligned);
      ExpectSame(r->text, clean, spec);
      ExpectEditsValid(base, ws, *r);
    }
  }
}

TEST(Collate, ThreeDamagedWitnessesRestoreTheLacunae) {
  std::string clean = WithoutDigitsInQuotes(BookSlice(300000));
  if (clean.empty()) GTEST_SKIP();
  auto damaged = Damage(clean, *ParseDamageSpec("digits=1,quotations=0.5,parentheses=0.5,fuse=0.2,seed=11"), nullptr);
  const std::string& base = damaged->text;
  std::vector<Witness> ws{{"nodigits", Damaged(clean, "digits=1,seed=14")},
                          {"noquotes", Damaged(clean, "quotations=1,seed=12")},
                          {"noisy", Damaged(clean, "space-drop=0.03,space-insert=0.02,capslock=0.05,seed=13")}};
  auto r = Collate(base, ws, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  ExpectEditsValid(base, ws, *r);
  // The bar: 95% of the lost numerals and quotations back, fewer
  // than 1 new error per 5,000 words.
  eval::GapScore g = eval::ScoreGaps(base, damaged->gold, r->edits);
  uint64_t lost = g.by_reason["numeral"].gold + g.by_reason["quotation"].gold;
  uint64_t back = g.by_reason["numeral"].restored + g.by_reason["quotation"].restored;
  ASSERT_GT(lost, 50u);
  EXPECT_GE(back * 100, lost * 95) << back << " of " << lost;
  eval::Symbols sym;
  eval::EvalTotals t;
  eval::ScoreUnit(base, clean, r->text, &r->edits, &sym, &t);
  EXPECT_LE(t.words_broken * 5000, t.words_right_before) << t.words_broken << " words broken";
  EXPECT_LT(t.cer_after.errors() * 10, t.cer_before.errors());
}

TEST(Collate, ADifferentTextDoesNotAlign) {
  std::string a = BookSlice(50000);
  if (a.empty()) GTEST_SKIP();
  std::string other(kText);
  std::vector<Witness> ws{{"other", other + other + other}};
  auto r = Collate(a, ws, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->witnesses[0].aligned);
  EXPECT_TRUE(r->edits.empty());
  EXPECT_EQ(r->text, a);
}

TEST(Collate, BadInput) {
  EXPECT_FALSE(Collate("text", {}, CollateOptions{}, nullptr).ok());
  EXPECT_FALSE(Collate("text", {{"a", "x"}, {"a", "y"}}, CollateOptions{}, nullptr).ok());
  EXPECT_FALSE(Collate("text", {{"1bad", "x"}}, CollateOptions{}, nullptr).ok());
  EXPECT_FALSE(Collate("text", {{"base", "x"}}, CollateOptions{}, nullptr).ok());
  auto r = Collate("text here", {{"empty", ""}}, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->witnesses[0].aligned);
  EXPECT_EQ(r->text, "text here");
  r = Collate("", {{"w", "some text"}}, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "");
}

TEST(Collate, InvalidUtf8IsKeptByteForByte) {
  std::string base = "Born in \xFF on the \xC3 coast, he said: and left the house by the river.";
  std::string wit = "Born in 1879 on the \xC3 coast, he said: \"Go.\" and left the house by the river.";
  std::vector<Witness> ws{{"w", wit}};
  auto r = Collate(base, ws, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  ExpectEditsValid(base, ws, *r);
  EXPECT_NE(r->text.find("\xC3 coast"), std::string::npos);
  EXPECT_NE(r->text.find("\"Go.\""), std::string::npos);
}

TEST(Collate, ApparatusNamesEveryWitness) {
  std::string base = Damaged(kText, "digits=1");
  std::vector<Witness> ws{{"noquotes", Damaged(kText, "quotations=1")}};
  auto r = Collate(base, ws, CollateOptions{}, nullptr);
  ASSERT_TRUE(r.ok());
  std::string tei = CollationToTei(base, "base", ws, *r);
  EXPECT_NE(tei.find("<witness xml:id=\"noquotes\">"), std::string::npos);
  EXPECT_NE(tei.find("<app><lem wit=\"#noquotes\">"), std::string::npos);
  EXPECT_NE(tei.find("<rdg wit=\"#base\">"), std::string::npos);
  EXPECT_NE(tei.find("1879"), std::string::npos);
}

}  // namespace
}  // namespace emend
