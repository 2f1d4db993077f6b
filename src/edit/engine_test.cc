#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "edit/test_engine.h"
#include "emend/emend.h"

namespace emend {
namespace {

const Engine& TheEngine() {
  static std::unique_ptr<Engine> e = [] {
    auto r = Engine::Create(EngineOptions{});
    if (!r.ok()) r = Engine::Create(BareEngineOptions());
    return std::move(r).value();
  }();
  return *e;
}

std::string Slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void ExpectRoundTrip(std::string_view in) {
  FixResult r = TheEngine().Fix(in, FixOptions{});
  ASSERT_TRUE(ValidateEdits(in, r.edits).ok());
  auto back = InvertEdits(r.text, r.edits);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(*back, in);
}

TEST(Engine, SeedRepairsAndRoundTrips) {
  std::string seed = Slurp(EMEND_SHARED_DIR "/seed/000_3fbe87ca9b76d9da.txt");
  if (seed.empty()) GTEST_SKIP() << "../shared/seed not present";
  FixResult r = TheEngine().Fix(seed, FixOptions{});
  EXPECT_EQ(r.text.rfind("Stalin exiled his political rival, Leon Trotsky, to Kazakhstan", 0), 0u);
  EXPECT_NE(r.text.find("June third, he led"), std::string::npos);
  ExpectRoundTrip(seed);
  // Idempotent: fixing the output changes nothing more.
  EXPECT_EQ(TheEngine().Fix(r.text, FixOptions{}).edits.size(), 0u);
}

TEST(Engine, RandomBytesRoundTrip) {
  std::mt19937 rng(3);
  const char* alphabet[] = {"a", "B", " ", ",", ".", "-\n", "\r\n", "\xC3\x83\xC2\xA9", "&amp;", "tHE",
                            "HIM", "\xFF", "\xC3", "1", "sTALIN", "pro", "perty", "  ", "'"};
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    int len = rng() % 30;
    for (int i = 0; i < len; ++i) s += alphabet[rng() % (sizeof alphabet / sizeof *alphabet)];
    ExpectRoundTrip(s);
  }
  for (int n = 0; n < 500; ++n) {
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    ExpectRoundTrip(s);
  }
}

TEST(Engine, KeepsLayoutAndOtherText) {
  for (const char* s : {"\xEF\xBB\xBFLine one.\r\nLine two.\r\n", "col\tcol\tcol\n\f\nPage two.\v",
                        "Der König sagte: «Nein.» Was nun?", "int main() { return a,b; }  // x.y",
                        "| a | b |\n|---|---|\n| 1 | 2 |", "Москва. Пётр I основал город.", ""}) {
    FixResult r = TheEngine().Fix(s, FixOptions{});
    EXPECT_EQ(r.text, s) << s;
  }
}

TEST(Engine, ReportsInvalidUtf8AndPassesItThrough) {
  std::string s = "bad \xFF\xFE byte and \xC3 more";
  FixResult r = TheEngine().Fix(s, FixOptions{});
  EXPECT_EQ(r.text, s);
  EXPECT_EQ(r.stats.invalid_utf8, 2u);
  EXPECT_EQ(r.stats.first_invalid_offset, 4);
}

TEST(Engine, SwitchesTurnPassesOff) {
  FixOptions o;
  o.fix_case = o.fix_spacing = o.fix_hyphenation = o.fix_encoding = false;
  std::string s = "tHE END,he said &amp; pro-\nperty caf\xC3\x83\xC2\xA9";
  EXPECT_EQ(TheEngine().Fix(s, o).text, s);
  EXPECT_NE(TheEngine().Fix(s, FixOptions{}).text, s);
}

// Every corpus file (or a sample in quick runs): round trip and idempotence.
TEST(Engine, CorpusRoundTripAndIdempotence) {
  namespace fs = std::filesystem;
  std::string root = EMEND_SHARED_DIR "/corpus/gutenberg";
  if (!fs::exists(root)) GTEST_SKIP() << "corpus not present";
  std::vector<std::string> files;
  for (auto& p : fs::recursive_directory_iterator(root))
    if (p.path().extension() == ".txt") files.push_back(p.path().string());
  std::sort(files.begin(), files.end());
  size_t step = std::getenv("EMEND_FULL_CORPUS") ? 1 : 10;
  for (size_t i = 0; i < files.size(); i += step) {
    std::string in = Slurp(files[i]);
    FixResult r = TheEngine().Fix(in, FixOptions{});
    auto back = InvertEdits(r.text, r.edits);
    ASSERT_TRUE(back.ok()) << files[i];
    ASSERT_TRUE(*back == in) << files[i];
    EXPECT_EQ(TheEngine().Fix(r.text, FixOptions{}).edits.size(), 0u) << files[i];
  }
}

}  // namespace
}  // namespace emend
