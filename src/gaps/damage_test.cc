#include "emend/damage.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace emend {
namespace {

std::string Book() {
  std::ifstream f(EMEND_SHARED_DIR "/corpus/gutenberg/MANIFEST.tsv");
  std::string line;
  std::getline(f, line);  // header
  std::getline(f, line);
  std::string file = line.substr(0, line.find('\t'));
  std::ifstream b(EMEND_SHARED_DIR "/corpus/gutenberg/" + file, std::ios::binary);
  std::stringstream ss;
  ss << b.rdbuf();
  return ss.str().substr(0, 400000);
}

const char* kSample =
    "He was born in 1879 on the coast. \"Come here,\" she said, and he came (slowly, as always).\n"
    "In the summer of 1917 the majority, 2,000 strong, left. It's late: \"Go now.\" They went.\n\n"
    "Caf\xC3\xA9 owners said nothing; the na\xC3\xAFve clerk wrote 3.5 pages on the 2nd of May.";

// Applying the gold to the damaged text gives the clean text back.
void ExpectExact(std::string_view clean, const DamageOptions& o) {
  auto r = Damage(clean, o, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(ValidateEdits(r->text, r->gold).ok()) << ValidateEdits(r->text, r->gold).ToString();
  auto back = ApplyEdits(r->text, r->gold);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, clean);
}

DamageOptions Only(double DamageOptions::*f, double rate = 1) {
  DamageOptions o;
  o.*f = rate;
  return o;
}

TEST(Damage, EveryOperationsGoldIsExact) {
  std::string book = Book();
  for (auto f : {&DamageOptions::capslock, &DamageOptions::digits, &DamageOptions::quotations,
                 &DamageOptions::parentheses, &DamageOptions::drop_sentences, &DamageOptions::space_drop,
                 &DamageOptions::space_insert, &DamageOptions::hyphenate, &DamageOptions::mojibake}) {
    ExpectExact(kSample, Only(f));
    ExpectExact(kSample, Only(f, 0.3));
    if (!book.empty()) ExpectExact(book, Only(f, 0.2));
  }
  DamageOptions all = *ParseDamageSpec("seedlike,ocr=0,hyphenate=0.05,mojibake=1,space-insert=0.05");
  ExpectExact(kSample, all);
  if (!book.empty()) ExpectExact(book, all);
}

TEST(Damage, StripsEveryDigitAndLogsNumeralGaps) {
  auto r = Damage(kSample, Only(&DamageOptions::digits), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.find_first_of("0123456789"), std::string::npos);
  EXPECT_NE(r->text.find("born in on the coast"), std::string::npos);
  int gaps = 0;
  for (const Edit& e : r->gold) {
    EXPECT_EQ(e.kinds, kGap);
    EXPECT_EQ(e.rule, "gap.numeral");
    EXPECT_EQ(e.start, e.end);
    gaps++;
  }
  EXPECT_EQ(gaps, 5);  // 1879 1917 2,000 3.5 2(nd)
  EXPECT_NE(r->text.find("the nd of May"), std::string::npos);
}

TEST(Damage, FuseRunsWordsTogetherAtTheCut) {
  DamageOptions o = Only(&DamageOptions::digits);
  o.fuse = 1;
  auto r = Damage(kSample, o, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("born inon the coast"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("majority,strong"), std::string::npos) << r->text;
  ExpectExact(kSample, o);
}

TEST(Damage, QuotationsWithAndWithoutMarks) {
  auto r = Damage(kSample, Only(&DamageOptions::quotations), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("coast. she said"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("late: They went"), std::string::npos) << r->text;
  DamageOptions keep = Only(&DamageOptions::quotations);
  keep.quotation_marks = false;
  r = Damage(kSample, keep, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("\"\" she said"), std::string::npos) << r->text;
  ExpectExact(kSample, keep);
}

TEST(Damage, SentencesWithApostrophesOrQuotesAreDropped) {
  auto r = Damage(kSample, Only(&DamageOptions::drop_sentences), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.find("It's"), std::string::npos);
  EXPECT_EQ(r->text.find("Come here"), std::string::npos);
  EXPECT_NE(r->text.find("He was born in 1879 on the coast."), std::string::npos);
  for (const Edit& e : r->gold) EXPECT_EQ(e.rule, "gap.sentence");
}

TEST(Damage, CapsLockMojibakeAndHyphenationKinds) {
  auto r = Damage(kSample, Only(&DamageOptions::capslock), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("hE WAS BORN"), std::string::npos);
  for (const Edit& e : r->gold) EXPECT_EQ(e.kinds, kCase);
  r = Damage(kSample, Only(&DamageOptions::mojibake), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Caf\xC3\x83\xC2\xA9"), std::string::npos);
  r = Damage(kSample, Only(&DamageOptions::hyphenate), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("-\n"), std::string::npos);
  for (const Edit& e : r->gold) EXPECT_EQ(e.kinds, kHyphenation);
}

TEST(Damage, SeededAndDeterministic) {
  DamageOptions o = *ParseDamageSpec("seedlike,ocr=0,seed=3");
  auto a = Damage(kSample, o, nullptr), b = Damage(kSample, o, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->text, b->text);
  EXPECT_EQ(a->gold, b->gold);
  std::string book = Book();
  if (book.empty()) return;
  o.seed = 4;
  auto c = Damage(book, o, nullptr);
  o.seed = 5;
  auto d = Damage(book, o, nullptr);
  EXPECT_NE(c->text, d->text);
}

TEST(Damage, SpecErrorsAndOcrNeedsAChannel) {
  EXPECT_FALSE(ParseDamageSpec("digits=2").ok());
  EXPECT_FALSE(ParseDamageSpec("nonsense=1").ok());
  EXPECT_FALSE(ParseDamageSpec("nopreset").ok());
  EXPECT_FALSE(ParseDamageSpec("seed=x").ok());
  auto o = ParseDamageSpec("lacunae,quotations=0.25,seed=9");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->digits, 1);
  EXPECT_EQ(o->quotations, 0.25);
  EXPECT_EQ(o->seed, 9u);
  EXPECT_FALSE(Damage("text", Only(&DamageOptions::ocr), nullptr).ok());
}

TEST(Damage, InvalidUtf8AndEmptyPassThrough) {
  std::string bad = "ab\xFF\xFE 12 \"q\" c\xC3";
  DamageOptions o = *ParseDamageSpec("seedlike,ocr=0,mojibake=1");
  ExpectExact(bad, o);
  o.drop_sentences = 0;
  ExpectExact("", o);
  auto r = Damage(bad, o, nullptr);
  EXPECT_NE(r->text.find("\xFF\xFE"), std::string::npos);
}

}  // namespace
}  // namespace emend
