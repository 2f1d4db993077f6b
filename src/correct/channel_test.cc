#include "correct/channel.h"

#include <gtest/gtest.h>

#include "correct/vocab_trie.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace emend::correct {
namespace {

Channel Learned() {
  Channel ch;
  // "h" read as "b" and "m" as "rn", over enough text for stable estimates.
  for (int i = 0; i < 20; ++i) {
    ch.AddPair("the modern harbour had many men", "tbe modern barbour had rnany men");
    ch.AddPair("he came home to them", "he came borne to tbem");
  }
  ch.Finish(2);
  return ch;
}

TEST(ChannelTest, LearnsMultiCharacterConfusions) {
  Channel ch = Learned();
  bool h_b = false, m_rn = false;
  for (const Confusion& c : ch.table()) {
    if (c.intended == U"h" && c.observed == U"b") h_b = true;
    if (c.intended == U"m" && c.observed == U"rn") m_rn = true;
    EXPECT_LE(c.log10p, 0.0);
  }
  EXPECT_TRUE(h_b);
  EXPECT_TRUE(m_rn);
  EXPECT_LT(ch.log10_copy(), 0.0);
}

TEST(ChannelTest, ScoresLikelyMisreadsAboveUnlikelyOnes) {
  Channel ch = Learned();
  EXPECT_GT(ch.LogProb(U"the", U"tbe"), ch.LogProb(U"the", U"tqe"));
  EXPECT_GT(ch.LogProb(U"many", U"rnany"), ch.LogProb(U"many", U"xany"));
  EXPECT_NEAR(ch.LogProb(U"same", U"same"), 4 * ch.log10_copy(), 1e-12);
}

TEST(ChannelTest, SerializesAndParsesBack) {
  Channel ch = Learned();
  auto back = Channel::Parse(ch.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->size(), ch.size());
  EXPECT_NEAR(back->LogProb(U"the", U"tbe"), ch.LogProb(U"the", U"tbe"), 1e-5);
  EXPECT_FALSE(Channel::Parse("not a table").ok());
  EXPECT_FALSE(Channel::Parse("# emend channel v1\tcopy\t-0.01\tfallback\t-5\nx\n").ok());
  EXPECT_FALSE(Channel::Parse("# emend channel v1\tcopy\t-0.01\tfallback\t-5\nabcd\tx\t3\t-1\n").ok());
}

// LogProb against a plain dynamic program that tries every confusion of the
// table at every cell, on random words over a small alphabet and a random
// table with deletions, insertions and multi-character confusions.
double PlainLogProb(const Channel& ch, std::u32string_view w, std::u32string_view o, double fallback) {
  const size_t n = w.size(), m = o.size();
  std::vector<double> dp((n + 1) * (m + 1), -1e30);
  auto at = [&](size_t i, size_t j) -> double& { return dp[i * (m + 1) + j]; };
  at(0, 0) = 0;
  for (size_t i = 0; i <= n; ++i)
    for (size_t j = 0; j <= m; ++j) {
      const double cur = at(i, j);
      if (cur <= -1e30) continue;
      auto relax = [&](size_t a, size_t b, double lp) { at(a, b) = std::max(at(a, b), cur + lp); };
      if (i < n && j < m) relax(i + 1, j + 1, w[i] == o[j] ? std::max(ch.log10_copy(), fallback) : fallback);
      if (i < n) relax(i + 1, j, fallback);
      if (j < m) relax(i, j + 1, fallback);
      for (const Confusion& c : ch.table())
        if (w.substr(i, c.intended.size()) == c.intended && o.substr(j, c.observed.size()) == c.observed)
          relax(i + c.intended.size(), j + c.observed.size(), c.log10p);
    }
  return at(n, m);
}

TEST(ChannelTest, LogProbAgreesWithAPlainDynamicProgram) {
  std::mt19937 rng(7);
  auto pick = [&](size_t lo, size_t hi) { return std::uniform_int_distribution<size_t>(lo, hi)(rng); };
  auto word = [&](size_t lo, size_t hi) {
    std::string s;
    for (size_t k = pick(lo, hi); k > 0; --k) s += "abcd"[pick(0, 3)];
    return s;
  };
  std::string tsv = "# emend channel v1\tcopy\t-0.02\tfallback\t-5\n";
  for (int k = 0; k < 40; ++k)
    tsv += word(1, 3) + "\t" + word(0, 3) + "\t3\t" + std::to_string(-0.1 - 0.1 * pick(0, 40)) + "\n";
  auto ch = Channel::Parse(tsv);
  ASSERT_TRUE(ch.ok()) << ch.status().message();
  for (int t = 0; t < 500; ++t) {
    const std::u32string w = ToU32(word(1, 8)), o = ToU32(word(0, 8));
    ASSERT_NEAR(ch->LogProb(w, o), PlainLogProb(*ch, w, o, -5), 1e-9) << ToUtf8(w) << " / " << ToUtf8(o);
  }
}

// Running the channel backwards reaches the intended word and not the observed one.
TEST(ChannelTest, CandidatesReachTheIntendedWord) {
  Channel ch = Learned();
  std::set<std::u32string> words = {U"the", U"them", U"home", U"many", U"harbour", U"he"};
  std::set<std::u32string> slow;
  ch.Candidates(U"tbem", 2, -7, [&](const std::u32string& c, double) { if (words.count(c)) slow.insert(c); });
  EXPECT_TRUE(slow.count(U"them"));
  EXPECT_FALSE(slow.count(U"tbem"));
}

// A first letter lost (" c" read " ") or one added (" " read " n"), learned
// after a space, is tried at a word's start when asked for, with only
// copies after it.
TEST(ChannelTest, WordInitialConfusions) {
  auto ch = Channel::Parse("# emend channel v1\tcopy\t-0.01\tfallback\t-5\n \tc\t9\t-3\n c\t \t9\t-3\n \t n\t9\t-3\n"
                           "z\ts\t9\t-1\n");
  ASSERT_TRUE(ch.ok()) << ch.status().message();
  const VocabTrie trie(VocabTrie::Words{{U"collapse", 1}, {U"man", 2}, {U"lapse", 3}});
  auto found = [&](std::u32string_view o, bool initial) {
    std::set<uint32_t> ids;
    ch->WordCandidates(o, 2, -8, trie, [&](uint32_t id, double) { ids.insert(id); }, initial);
    return ids;
  };
  EXPECT_EQ(found(U"ollapse", true), std::set<uint32_t>{1});
  EXPECT_EQ(found(U"nman", true), std::set<uint32_t>{2});
  EXPECT_TRUE(found(U"ollapse", false).empty());
  EXPECT_TRUE(found(U"nman", false).empty());
  EXPECT_TRUE(found(U"ollapze", true).empty());  // only copies after a word-initial confusion
}

}  // namespace
}  // namespace emend::correct
