#include "correct/channel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

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

// Running the channel backwards reaches the intended word and not the observed one.
TEST(ChannelTest, CandidatesReachTheIntendedWord) {
  Channel ch = Learned();
  std::set<std::u32string> words = {U"the", U"them", U"home", U"many", U"harbour", U"he"};
  std::set<std::u32string> slow;
  ch.Candidates(U"tbem", 2, -7, [&](const std::u32string& c, double) { if (words.count(c)) slow.insert(c); });
  EXPECT_TRUE(slow.count(U"them"));
  EXPECT_FALSE(slow.count(U"tbem"));
}

}  // namespace
}  // namespace emend::correct
