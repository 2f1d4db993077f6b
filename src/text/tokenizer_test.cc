#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <random>

#include "text/utf8.h"

namespace emend::text {
namespace {

std::vector<Token> Tok(std::string_view s) {
  std::vector<Token> t;
  Tokenize(s, &t);
  return t;
}

// The offset invariant: tokens tile the input, each text() is its bytes.
void ExpectTiles(std::string_view s) {
  std::vector<Token> t = Tok(s);
  size_t pos = 0;
  for (const Token& k : t) {
    ASSERT_EQ(k.begin, pos);
    ASSERT_GT(k.end, k.begin);
    ASSERT_EQ(s.substr(k.begin, k.end - k.begin), k.text(s));
    pos = k.end;
  }
  ASSERT_EQ(pos, s.size());
}

TEST(Tokenizer, WordsNumbersPunct) {
  std::string s = "He paid 1,000 roubles, don't 3.14 at 10:30.";
  auto t = Tok(s);
  std::vector<std::pair<std::string, TokenType>> want = {
      {"He", TokenType::kWord}, {" ", TokenType::kSpace}, {"paid", TokenType::kWord},
      {" ", TokenType::kSpace}, {"1,000", TokenType::kNumber}, {" ", TokenType::kSpace},
      {"roubles", TokenType::kWord}, {",", TokenType::kPunct}, {" ", TokenType::kSpace},
      {"don't", TokenType::kWord}, {" ", TokenType::kSpace}, {"3.14", TokenType::kNumber},
      {" ", TokenType::kSpace}, {"at", TokenType::kWord}, {" ", TokenType::kSpace},
      {"10:30", TokenType::kNumber}, {".", TokenType::kPunct}};
  ASSERT_EQ(t.size(), want.size());
  for (size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(t[i].text(s), want[i].first) << i;
    EXPECT_EQ(t[i].type, want[i].second) << i;
  }
}

TEST(Tokenizer, LineBreaksAndUnicode) {
  std::string s = "Zürich\r\nцарь\n\xE2\x80\xA8x";
  auto t = Tok(s);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].text(s), "Zürich");
  EXPECT_EQ(t[1].text(s), "\r\n");
  EXPECT_EQ(t[1].type, TokenType::kNewline);
  EXPECT_EQ(t[2].text(s), "царь");
  EXPECT_EQ(t[4].type, TokenType::kNewline);  // U+2028
}

TEST(Tokenizer, InvalidBytesAreSingleTokens) {
  std::string s = "ab\xFF\xC3(c";
  auto t = Tok(s);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].type, TokenType::kInvalid);
  EXPECT_EQ(t[2].type, TokenType::kInvalid);
  ExpectTiles(s);
}

TEST(Tokenizer, RandomBytesTile) {
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : "ab ,.\n'1"[rng() % 8]);
    ExpectTiles(s);
  }
}

TEST(Utf8, CheckReportsRunsAndFirstOffset) {
  Utf8Report r = CheckUtf8("ok\xFF\xFEok\xC0");
  EXPECT_EQ(r.invalid_sequences, 2u);
  EXPECT_EQ(r.first_invalid, 2);
  EXPECT_TRUE(IsValidUtf8("plain ascii and é"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
}

TEST(Utf8, CaseMapping) {
  EXPECT_EQ(SwapCase("sTALIN"), "Stalin");
  EXPECT_EQ(Lower("ÉCOLE"), "école");
  EXPECT_EQ(SwapCase("a\xFF" "B"), "A\xFF" "b");
}

}  // namespace
}  // namespace emend::text
