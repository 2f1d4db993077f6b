#include "io/chunker.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace emend::io {
namespace {

// Chunks depend only on content: feeding the same bytes always cuts the same
// way, and the chunks concatenate to the input.
TEST(Chunker, DeterministicAndLossless) {
  ChunkLimits lim{64, 256};
  std::mt19937 rng(5);
  for (int n = 0; n < 200; ++n) {
    std::string s(rng() % 2000, 'x');
    for (char& c : s) c = "ab \n\n\xC3\xA9"[rng() % 7];
    std::FILE* f = fmemopen(s.data(), s.size(), "rb");
    if (s.empty()) f = std::tmpfile();
    ChunkReader r(f, lim);
    std::string chunk, joined;
    std::vector<size_t> sizes;
    for (;;) {
      auto got = r.Next(&chunk);
      ASSERT_TRUE(got.ok());
      if (!*got) break;
      ASSERT_LE(chunk.size(), lim.max);
      joined += chunk;
      sizes.push_back(chunk.size());
    }
    std::fclose(f);
    ASSERT_EQ(joined, s);
  }
}

TEST(Chunker, PrefersBlankLines) {
  ChunkLimits lim{10, 100};
  std::string s = "aaaa aaaa aaaa\n\nbbbb\n";
  EXPECT_EQ(ChooseSplit(s, true, lim), 16u);
  EXPECT_EQ(ChooseSplit("short", true, lim), 5u);
  EXPECT_EQ(ChooseSplit("short but more is coming", false, lim), 0u);
}

}  // namespace
}  // namespace emend::io
