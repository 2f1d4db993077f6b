#include "correct/vocab_trie.h"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace emend::correct {
namespace {

// Walks `s` from the root; kNone once a step leaves the trie.
uint32_t Walk(const VocabTrie& t, const std::u32string& s) {
  uint32_t n = VocabTrie::kRoot;
  for (char32_t c : s)
    if ((n = t.Child(n, c)) == VocabTrie::kNone) break;
  return n;
}

// Reference: a walk reaches a node iff some word starts with the string, and
// that node's word is the string's own id.
TEST(VocabTrie, MatchesASetOfWordsOnRandomInput) {
  std::mt19937 rng(7);
  // A small alphabet makes shared prefixes; a few wide code points and a
  // large alphabet make nodes with more children than the linear scan takes.
  const std::u32string alphabet = U"abcdefghijklmnopqrstuvwxyzäéſ";
  for (int round = 0; round < 20; ++round) {
    const size_t letters = round % 2 ? 3 : alphabet.size();
    std::map<std::u32string, uint32_t> ref;
    std::vector<std::pair<std::u32string, uint32_t>> words;
    for (uint32_t id = 1; id <= 300; ++id) {
      std::u32string w;
      for (size_t n = 1 + rng() % 8; n > 0; --n) w += alphabet[rng() % letters];
      if (ref.emplace(w, id).second) words.emplace_back(w, id);
    }
    VocabTrie trie(words);
    for (int probe = 0; probe < 2000; ++probe) {
      std::u32string s;
      for (size_t n = rng() % 9; n > 0; --n) s += alphabet[rng() % letters];
      auto it = ref.lower_bound(s);
      const bool prefix = it != ref.end() && it->first.compare(0, s.size(), s) == 0;
      const uint32_t node = Walk(trie, s);
      ASSERT_EQ(node != VocabTrie::kNone, prefix);
      if (prefix) {
        EXPECT_EQ(trie.WordId(node), it->first == s ? it->second : Model::kUnknown);
      }
    }
    for (const auto& [w, id] : ref) EXPECT_EQ(trie.WordId(Walk(trie, w)), id);
    // Suffixes: a backward walk survives iff some word ends with the string.
    for (int probe = 0; probe < 2000; ++probe) {
      std::u32string s;
      for (size_t n = rng() % 6; n > 0; --n) s += alphabet[rng() % letters];
      bool suffix = false;
      for (const auto& [w, id] : ref) suffix = suffix || (w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0);
      uint32_t n = VocabTrie::kRoot;
      for (size_t i = s.size(); i-- > 0 && n != VocabTrie::kNone;) n = trie.SuffixChild(n, s[i]);
      ASSERT_EQ(n != VocabTrie::kNone, suffix);
    }
  }
}

// A spelling listed under two ids (case forms folded together) keeps the
// smaller id, in whatever order they come.
TEST(VocabTrie, ASpellingListedTwiceKeepsItsSmallestId) {
  VocabTrie trie({{U"ab", 9}, {U"abc", 4}, {U"ab", 5}, {U"a", 7}, {U"ab", 6}});
  EXPECT_EQ(trie.WordId(Walk(trie, U"ab")), 5u);
  EXPECT_EQ(trie.WordId(Walk(trie, U"abc")), 4u);
  EXPECT_EQ(trie.WordId(Walk(trie, U"a")), 7u);
}

TEST(VocabTrie, EmptyVocabularyHasOnlyTheRoot) {
  VocabTrie trie({});
  EXPECT_EQ(trie.Child(VocabTrie::kRoot, U'a'), VocabTrie::kNone);
  EXPECT_EQ(trie.WordId(VocabTrie::kRoot), Model::kUnknown);
}

}  // namespace
}  // namespace emend::correct
