// Checks the KN builder against a slow, obviously correct implementation of
// the same formulas (docs/model-format.md, "Smoothing"), the quantised mapped
// trie against the builder, and normalisation after pruning.
#include "model/kn.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

namespace emend::model {
namespace {

using Seq = std::vector<uint32_t>;

// Reference: counts in maps, probabilities by direct recursion.
class ReferenceKn {
 public:
  ReferenceKn(const std::vector<Seq>& sents, int order, uint32_t vocab) : n_(order), v_(vocab) {
    for (const Seq& s : sents)
      for (size_t i = 0; i < s.size(); ++i)
        for (int k = 1; k <= n_ && size_t(k) <= i + 1; ++k) ++raw_[Seq(s.begin() + i + 1 - k, s.begin() + i + 1)];
    for (int k = 1; k <= n_; ++k) {
      std::array<uint64_t, 5> cc{};
      for (const auto& [g, c] : raw_) {
        if (int(g.size()) != k || (k == 1 && g[0] == kBos)) continue;
        uint64_t a = Adjusted(g);
        if (a >= 1 && a <= 4) ++cc[a];
      }
      // n-grams never seen (adjusted 0) do not count.
      d_[k] = KnDiscounts(cc);
    }
  }
  uint64_t Adjusted(const Seq& g) const {
    if (int(g.size()) == n_ || g[0] == kBos) return Raw(g);
    uint64_t distinct = 0;
    for (const auto& [h, c] : raw_)
      if (h.size() == g.size() + 1 && std::equal(g.begin(), g.end(), h.begin() + 1)) ++distinct;
    return distinct;
  }
  uint64_t Raw(const Seq& g) const {
    auto it = raw_.find(g);
    return it == raw_.end() ? 0 : it->second;
  }
  double D(int k, uint64_t a) const { return a == 0 ? 0 : d_.at(k)[std::min<uint64_t>(a, 3) - 1]; }
  // p(w | h), h oldest first.
  double P(const Seq& h, uint32_t w) const {
    int k = int(h.size()) + 1;
    Seq hw = h;
    hw.push_back(w);
    double total = 0, mass = 0;
    for (uint32_t x = 0; x < v_; ++x) {
      if (k == 1 && x == kBos) continue;
      Seq g = h;
      g.push_back(x);
      uint64_t a = Adjusted(g);
      total += a;
      mass += D(k, a);
    }
    double lower = k == 1 ? 1.0 / (v_ - 1) : P(Seq(h.begin() + 1, h.end()), w);
    if (total == 0) return lower;
    uint64_t a = Adjusted(hw);
    return (a - D(k, a) + mass * lower) / total;
  }

 private:
  int n_;
  uint32_t v_;
  std::map<Seq, uint64_t> raw_;
  std::map<int, std::array<double, 3>> d_;
};

std::vector<Seq> RandomCorpus(std::mt19937* rng, uint32_t vocab, int sentences) {
  std::vector<Seq> out;
  std::uniform_int_distribution<int> len(1, 9);
  // Skewed word choice so that counts of 1..4 and more all occur.
  std::geometric_distribution<uint32_t> word(0.25);
  for (int s = 0; s < sentences; ++s) {
    Seq seq{kBos};
    int n = len(*rng);
    for (int i = 0; i < n; ++i) seq.push_back(3 + std::min(word(*rng), vocab - 4));
    seq.push_back(kEos);
    out.push_back(seq);
  }
  return out;
}

StatusOr<BuiltTrie> Build(const std::vector<Seq>& corpus, int order, uint32_t vocab, const KnOptions& o,
                          size_t buffer = 1 << 20) {
  SequenceCounter sc(order, vocab, buffer);
  for (const Seq& s : corpus)
    if (Status st = sc.Add(s); !st.ok()) return st;
  auto counts = sc.Finish();
  if (!counts.ok()) return counts.status();
  return BuildKneserNey(*counts, o, nullptr);
}

// Every context of length < order seen in the corpus, plus unseen ones.
std::vector<Seq> Contexts(const std::vector<Seq>& corpus, int order, std::mt19937* rng, uint32_t vocab) {
  std::set<Seq> ctx{{}};
  for (const Seq& s : corpus)
    for (size_t i = 0; i < s.size(); ++i)
      for (int k = 1; k < order && size_t(k) <= i + 1; ++k) ctx.insert(Seq(s.begin() + i + 1 - k, s.begin() + i + 1));
  std::uniform_int_distribution<uint32_t> any(0, vocab - 1);
  for (int i = 0; i < 20; ++i) ctx.insert(Seq{any(*rng), any(*rng)});
  return {ctx.begin(), ctx.end()};
}

// The built trie written as sections and mapped back, as a loader sees it.
struct MappedTrie {
  std::unique_ptr<std::string> bytes;
  TrieView view;
};

MappedTrie MapTrie(const BuiltTrie& t, bool index) {
  FileWriter w;
  EXPECT_TRUE(AddTrieSections(t, "word", &w, index).ok());
  MappedTrie m{std::make_unique<std::string>(w.Serialize()), {}};
  auto file = ModelFile::Parse(*m.bytes, true);
  EXPECT_TRUE(file.ok()) << file.status().message();
  auto view = TrieView::Load(*file, "word");
  EXPECT_TRUE(view.ok()) << view.status().message();
  m.view = *view;
  return m;
}

TEST(KneserNeyTest, MatchesReferenceOnRandomCorpora) {
  std::mt19937 rng(7);
  for (int order : {1, 2, 3, 4}) {
    const uint32_t vocab = 14;
    auto corpus = RandomCorpus(&rng, vocab, 60);
    ReferenceKn ref(corpus, order, vocab);
    auto trie = Build(corpus, order, vocab, KnOptions{});
    ASSERT_TRUE(trie.ok()) << trie.status().message();
    for (const Seq& h : Contexts(corpus, order, &rng, vocab)) {
      Seq hh(h.end() - std::min<size_t>(h.size(), order - 1), h.end());
      for (uint32_t w = 0; w < vocab; ++w) {
        if (w == kBos) continue;
        double want = std::log10(ref.P(hh, w));
        EXPECT_NEAR(trie->LogProb(h.data(), h.size(), w), want, 1e-9) << "order " << order << " w " << w;
      }
    }
  }
}

double SumOverVocab(const BuiltTrie& t, const Seq& h) {
  double sum = 0;
  for (uint32_t w = 0; w < t.vocab(); ++w)
    if (w != kBos) sum += std::pow(10.0, t.LogProb(h.data(), h.size(), w));
  return sum;
}

TEST(KneserNeyTest, PrunedModelStillNormalises) {
  std::mt19937 rng(11);
  const uint32_t vocab = 20;
  auto corpus = RandomCorpus(&rng, vocab, 300);
  KnOptions o;
  o.prune[2] = 2;
  o.prune[3] = 3;
  auto full = Build(corpus, 3, vocab, KnOptions{});
  auto pruned = Build(corpus, 3, vocab, o);
  ASSERT_TRUE(full.ok() && pruned.ok());
  EXPECT_LT(pruned->ids[2].size(), full->ids[2].size());
  EXPECT_LT(pruned->ids[1].size(), full->ids[1].size());
  for (const Seq& h : Contexts(corpus, 3, &rng, vocab)) {
    EXPECT_NEAR(SumOverVocab(*full, h), 1.0, 1e-9);
    EXPECT_NEAR(SumOverVocab(*pruned, h), 1.0, 1e-9);
  }
}

TEST(KneserNeyTest, SpilledCountsEqualInMemoryCounts) {
  std::mt19937 rng(3);
  auto corpus = RandomCorpus(&rng, 30, 200);
  auto a = Build(corpus, 3, 30, KnOptions{}, 1 << 20);
  auto b = Build(corpus, 3, 30, KnOptions{}, 17);  // forces many spills
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ids, b->ids);
  EXPECT_EQ(a->prob, b->prob);
  EXPECT_EQ(a->bow, b->bow);
}

TEST(KneserNeyTest, MappedTrieMatchesBuiltWithinQuantisation) {
  std::mt19937 rng(5);
  const uint32_t vocab = 25;
  auto corpus = RandomCorpus(&rng, vocab, 200);
  auto built = Build(corpus, 3, vocab, KnOptions{});
  ASSERT_TRUE(built.ok());
  MappedTrie mapped = MapTrie(*built, true);
  const TrieView* view = &mapped.view;
  for (const Seq& h : Contexts(corpus, 3, &rng, vocab))
    for (uint32_t w2 = 0; w2 < vocab; ++w2) {
      if (w2 == kBos) continue;
      // Up to three quantised terms (two back-off weights and a probability).
      EXPECT_NEAR(view->LogProb(h.data(), h.size(), w2), built->LogProb(h.data(), h.size(), w2), 6e-4);
    }
}

// The three query paths of the mapped trie (random access, left-to-right
// state, batched sequence) agree on random sequences, hash index or not.
TEST(KneserNeyTest, QueryPathsAgree) {
  std::mt19937 rng(9);
  const uint32_t vocab = 40;
  auto corpus = RandomCorpus(&rng, vocab, 400);
  auto built = Build(corpus, 3, vocab, KnOptions{});
  ASSERT_TRUE(built.ok());
  for (bool index : {true, false}) {
  MappedTrie mapped = MapTrie(*built, index);
  const TrieView* view = &mapped.view;
  std::uniform_int_distribution<uint32_t> any(0, vocab + 2);  // includes out-of-range ids
  std::vector<int64_t> scratch;
  for (int trial = 0; trial < 50; ++trial) {
    Seq seq;
    for (int i = 0; i < 30; ++i) seq.push_back(trial % 2 ? any(rng) : corpus[trial][i % corpus[trial].size()]);
    std::vector<double> batch(seq.size());
    view->ScoreSequence(seq.data(), seq.size(), batch.data(), &scratch);
    TrieState st;
    std::vector<TrieState> before;  // the state before each position
    for (size_t i = 0; i < seq.size(); ++i) {
      before.push_back(st);
      double direct = view->LogProb(seq.data(), i, seq[i]);
      EXPECT_DOUBLE_EQ(batch[i], direct) << "position " << i;
      EXPECT_DOUBLE_EQ(TrieScore(*view, st, seq[i], &st), direct) << "position " << i;
      if (seq[i] != kBos) {  // p(<s>) is -99 in the builder, clamped to -12 when quantised
        EXPECT_NEAR(built->LogProb(seq.data(), i, seq[i]), direct, 6e-4);
      }
    }
    // A batch of (state, word) pairs, here each position with a random next
    // word too, gives what TrieScore gives one at a time.
    std::vector<TrieState> in = before;
    Seq words = seq;
    for (size_t i = 0; i < seq.size(); ++i) {
      in.push_back(before[i]);
      words.push_back(any(rng));
    }
    std::vector<double> lp(in.size());
    std::vector<TrieState> out(in.size());
    view->ScoreBatch(in.data(), words.data(), in.size(), lp.data(), out.data(), &scratch);
    for (size_t i = 0; i < in.size(); ++i) {
      TrieState one;
      EXPECT_EQ(lp[i], TrieScore(*view, in[i], words[i], &one)) << "pair " << i;
      EXPECT_EQ(out[i].len, one.len);
      for (int j = 1; j <= one.len; ++j) EXPECT_EQ(out[i].node[j], one.node[j]) << "pair " << i << " level " << j;
    }
  }
}  // index
}

TEST(KneserNeyTest, RejectsVocabularyTooLargeForKeys) {
  NgramCounts c;
  c.order = 6;
  c.vocab = 5000;  // 10-bit keys at order 6
  c.grams.resize(7);
  EXPECT_FALSE(BuildKneserNey(c, KnOptions{}, nullptr).ok());
}

}  // namespace
}  // namespace emend::model
