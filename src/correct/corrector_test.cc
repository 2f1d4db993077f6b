// Corrector tests on a tiny trained model and a learned channel: non-words,
// real words in context, splits, case kept, protection, suggest mode, and a
// slow exhaustive reference for the decision on short inputs.
#include "correct/corrector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "edit/combine.h"
#include "edit/test_engine.h"
#include "emend/edit.h"
#include "model/file.h"
#include "model/train.h"

namespace emend::correct {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::unique_ptr<Model> model;
  Channel channel;
  std::unique_ptr<VocabTrie> trie;
};

const Fixture& Get() {
  static Fixture f = [] {
    Fixture x;
    fs::path dir = fs::temp_directory_path() / ("emend-corrector-" + std::to_string(::getpid()));
    fs::create_directories(dir / "c");
    std::string text;
    const char* lines[] = {"The house will be filled with light.", "He said that all was lost.",
                           "The boarding house was full.", "The lamps were lit and the street was quiet.",
                           "It will be done, he said.", "All the men were in the boarding house.",
                           "The street lamps were bright.", "He was there with all his men.",
                           "One of the lamps was bright."};
    text += "He wore a wig.\n";  // a rare word
    for (int r = 0; r < 30; ++r)
      for (const char* l : lines) text += std::string(l) + "\n";
    std::ofstream(dir / "c" / "a.txt") << text;
    model::TrainOptions o;
    o.corpus = {(dir / "c").string()};
    o.min_count = 1;
    model::TrainReport rep;
    EXPECT_TRUE(model::Train(o, (dir / "m.emlm").string(), &rep).ok());
    x.model = std::move(Model::Open((dir / "m.emlm").string())).value();
    fs::remove_all(dir);
    for (int i = 0; i < 50; ++i) {
      x.channel.AddPair("the house will be filled with all the men", "tbe house will he filled with alf the men");
      x.channel.AddPair("the boarding house was full and lost", "the hoarding house was fuli and lost");
      x.channel.AddPair("lamps were lit all day", "lamps were lit all day");
    }
    x.channel.Finish(2);
    x.trie = std::make_unique<VocabTrie>(*x.model, 1);
    return x;
  }();
  return f;
}

std::string Correct(std::string_view text, CorrectOptions o = {}) {
  const Fixture& f = Get();
  Corrector c(*f.model, f.channel, *f.trie);
  std::vector<edit::Proposal> props;
  c.Propose(text, o, 5, &props);
  auto edits = edit::Combine(text, props);
  return ApplyEdits(text, edits).value();
}

TEST(CorrectorTest, FixesNonWordsAndKeepsCase) {
  EXPECT_EQ(Correct("tbe house was full."), "the house was full.");
  EXPECT_EQ(Correct("Tbe house was full."), "The house was full.");
  EXPECT_EQ(Correct("TBE HOUSE WAS FULL."), "THE HOUSE WAS FULL.");
}

TEST(CorrectorTest, FixesRealWordsInContext) {
  EXPECT_EQ(Correct("The house will he filled with light."), "The house will be filled with light.");
  EXPECT_EQ(Correct("All the men were in the hoarding house."), "All the men were in the boarding house.");
  EXPECT_EQ(Correct("He said that alf was lost."), "He said that all was lost.");
}

// A cache shared across calls and threads gives the same proposals as a
// cache per call.
TEST(CorrectorTest, SharedCacheChangesNothing) {
  const Fixture& f = Get();
  const std::vector<std::string> texts = {"tbe house was full.", "The house will he filled with light.",
                                          "tbe men were in tbe hoarding house.", "One of the lampswas bright."};
  auto run = [&](CandidateCache* cache, const std::string& text) {
    std::vector<edit::Proposal> props;
    Corrector(*f.model, f.channel, *f.trie, cache).Propose(text, CorrectOptions{}, 5, &props);
    return ApplyEdits(text, edit::Combine(text, props)).value();
  };
  CandidateCache shared;
  std::vector<std::string> got(2 * texts.size());
  std::vector<std::thread> pool;
  for (size_t t = 0; t < 2; ++t)
    pool.emplace_back([&, t] {
      for (size_t i = 0; i < texts.size(); ++i) got[t * texts.size() + i] = run(&shared, texts[i]);
    });
  for (auto& th : pool) th.join();
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], run(nullptr, texts[i % texts.size()])) << i;
}

TEST(CorrectorTest, SplitsRunTogetherWords) {
  EXPECT_EQ(Correct("One of the lampswas bright."), "One of the lamps was bright.");
}

// A small letter alone at a line's start before a capitalised word is a
// speck, not after a sentence's end inside a line.
TEST(CorrectorTest, LoneLetterAtALineStart) {
  EXPECT_EQ(Correct("r The street lamps were bright."), "The street lamps were bright.");
  EXPECT_EQ(Correct("The street lamps were bright.\nr The house was full."),
            "The street lamps were bright.\nThe house was full.");
  EXPECT_EQ(Correct("The street lamps were bright. r The house was full."),
            "The street lamps were bright. r The house was full.");
}

// Two tokens, one of them no word, whose joined form is a misread (h read
// as b): joined and corrected.
TEST(CorrectorTest, JoinsASplitMisread) {
  EXPECT_EQ(Correct("The street lamps were b rigbt."), "The street lamps were bright.");
  EXPECT_EQ(Correct("The street lamps were bright."), "The street lamps were bright.");
}

// A rarer known word two confusions away from a frequent one (wig for was:
// a read as i, s as g) is weighed against it only with the trie of
// frequent words.
TEST(CorrectorTest, FrequentWordsTwoConfusionsAway) {
  const Fixture& f = Get();
  Channel ch;
  for (int i = 0; i < 50; ++i) {
    ch.AddPair("a cat sat on the mat", "a cit sit on the mit");
    ch.AddPair("his dogs and its toys", "hig dogg and itg toyg");
    ch.AddPair("lamps were lit all day", "lamps were lit all day");
  }
  ch.Finish(2);
  const VocabTrie frequent(*f.model, 100);  // was: 150 times
  const std::string text = "He said that all wig lost.";
  auto run = [&](const VocabTrie* fr) {
    std::vector<edit::Proposal> props;
    Corrector(*f.model, ch, *f.trie, nullptr, fr).Propose(text, CorrectOptions{}, 5, &props);
    return ApplyEdits(text, edit::Combine(text, props)).value();
  };
  EXPECT_EQ(run(&frequent), "He said that all was lost.");
  EXPECT_EQ(run(nullptr), text);
}

TEST(CorrectorTest, LeavesCorrectTextAlone) {
  for (const char* s : {"The house will be filled with light.", "He said that all was lost.",
                        "It will be done, he said.", "Iremashvili was there in 1902."})
    EXPECT_EQ(Correct(s), s);
}

TEST(CorrectorTest, ProtectedTokensAreNotChanged) {
  std::unordered_set<std::string> lex = {"tbe"};
  CorrectOptions o;
  o.lexicon = &lex;
  EXPECT_EQ(Correct("tbe house was full.", o), "tbe house was full.");
  std::vector<std::regex> protect = {std::regex("t.e")};
  CorrectOptions p;
  p.protect = &protect;
  EXPECT_EQ(Correct("tbe house was full.", p), "tbe house was full.");
  // Web and mail addresses and paths, whose pieces the model reads as words.
  EXPECT_EQ(Correct("see http://tbe.org/tbe and www.tbe.org or tbe@tbe.com or tbe.org: tbe house was full."),
            "see http://tbe.org/tbe and www.tbe.org or tbe@tbe.com or tbe.org: the house was full.");
}

TEST(CorrectorTest, SuggestListsAlternativesWithProbabilities) {
  const Fixture& f = Get();
  Corrector c(*f.model, f.channel, *f.trie);
  std::vector<edit::Proposal> props;
  std::vector<Suggestion> sug;
  std::string text = "tbe house was full.";
  c.Propose(text, CorrectOptions{}, 5, &props, &sug);
  ASSERT_FALSE(sug.empty());
  EXPECT_EQ(sug[0].start, 0u);
  EXPECT_EQ(sug[0].token, "tbe");
  ASSERT_GE(sug[0].alternatives.size(), 2u);
  EXPECT_EQ(sug[0].alternatives[0].text, "the");
  double sum = 0;
  for (const auto& a : sug[0].alternatives) sum += a.probability;
  EXPECT_LE(sum, 1.0 + 1e-9);
  EXPECT_GT(sug[0].alternatives[0].probability, 0.5);
}

// Slow reference: for a sentence with one suspect token, score every
// vocabulary word as its replacement by the full sentence probability times
// the channel (weighted edit distance), and check that the corrector's choice
// is the reference's best whenever the reference is sure.
TEST(CorrectorTest, AgreesWithExhaustiveReferenceOnShortInputs) {
  const Fixture& f = Get();
  const Model& m = *f.model;
  int compared = 0;
  for (const char* s : {"tbe street was quiet", "the lamps were lit and the street was quiet",
                        "he said that alf was lost", "the men were in the hoarding house"}) {
    std::vector<std::string> words;
    for (std::string w; std::string_view(s).size();) {
      std::istringstream in(s);
      while (in >> w) words.push_back(w);
      break;
    }
    for (size_t t = 0; t < words.size(); ++t) {
      // Reference posterior over all vocabulary words at position t.
      std::vector<std::pair<double, std::string>> scored;
      for (uint32_t id = 3; id < m.vocab_size(); ++id) {
        std::string cand(m.Word(id));
        if (cand.empty() || !std::isalpha(static_cast<unsigned char>(cand[0]))) continue;
        std::vector<uint32_t> ids{Model::kSentenceStart};
        for (size_t k = 0; k < words.size(); ++k) ids.push_back(k == t ? id : m.Find(words[k]));
        ids.push_back(Model::kSentenceEnd);
        double lp = 0;
        for (size_t k = 1; k < ids.size(); ++k) lp += m.LogProb(ids.data(), k, ids[k]);
        lp += f.channel.LogProb(ToU32(cand), ToU32(words[t]));
        scored.push_back({lp, cand});
      }
      std::sort(scored.rbegin(), scored.rend());
      double norm = 0;
      for (auto& x : scored) norm += std::pow(10.0, x.first - scored[0].first);
      if (1.0 / norm < 0.999 || scored[0].second == words[t]) continue;  // reference unsure or keeps it
      std::string got = Correct(s);
      EXPECT_NE(got.find(scored[0].second), std::string::npos) << s << ": reference prefers " << scored[0].second;
      ++compared;
    }
  }
  EXPECT_GE(compared, 2);  // the reference was sure of a change at least twice
}

// The trie walk finds exactly the backward channel candidates that are
// vocabulary words (checked against the string enumeration).
TEST(CorrectorTest, TrieCandidatesEqualFilteredStringCandidates) {
  const Fixture& f = Get();
  for (const char* w : {"tbe", "hoarding", "alf", "fuli", "rnen"}) {
    std::set<uint32_t> slow, fast;
    f.channel.Candidates(ToU32(w), 2, -7, [&](const std::u32string& c, double) {
      uint32_t id = f.model->Find(ToUtf8(c));
      if (id != Model::kUnknown) slow.insert(id);
    });
    f.channel.WordCandidates(ToU32(w), 2, -7, *f.trie, [&](uint32_t id, double) { fast.insert(id); });
    slow.erase(f.model->Find(w));
    fast.erase(f.model->Find(w));
    // Words the trie leaves out: reserved ids, "<num>" and punctuation only.
    for (auto it = slow.begin(); it != slow.end();) it = std::isalpha(static_cast<unsigned char>(f.model->Word(*it)[0])) ? std::next(it) : slow.erase(it);
    EXPECT_EQ(slow, fast) << w;
  }
}

// On the default model, through the engine: what a text says about its own
// spelling (Early Modern texts, elisions, closed compounds, a word it uses
// again and again). Each is skipped when the model is not built.
const Engine* ModelEngine() { return DefaultModelEngine(); }

// The probability suggest mode gives `alternative` (as written) for `token`
// of `text`, if it offers it.
std::optional<double> Offered(std::string_view text, std::string_view token, std::string_view alternative) {
  FixOptions suggest;
  suggest.suggest = true;
  for (const Suggestion& x : ModelEngine()->Fix(text, suggest).suggestions)
    for (const Alternative& a : x.alternatives)
      if (x.token == token && a.text == alternative) return a.probability;
  return std::nullopt;
}

bool Offers(std::string_view text, std::string_view token, std::string_view alternative) {
  return Offered(text, token, alternative).has_value();
}

// A lone letter before a capital is a speck in a noisy text (a verse
// line's start in a clean one: AddDebris).
TEST(CorrectorOnTheDefaultModel, LoneLetterBeforeACapitalInANoisyText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("A warrnnt wns issued against b Mr. Smith, tbe prisoner.", {}).text,
            "A warrant was issued against Mr. Smith, the prisoner.");
}

// A word decided before the misread after it is weighed again once the
// misread is corrected: in its context, and as debris (AddDebris needs known
// words on both sides).
TEST(CorrectorOnTheDefaultModel, WordBeforeAMisreadWeighedAgain) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  // (Since the smaller real-word margin of a noisy text, this one is made on the first pass too.)
  EXPECT_EQ(ModelEngine()->Fix("The child did net wnlk to the school.", {}).text, "The child did not walk to the school.");
  EXPECT_EQ(ModelEngine()->Fix("She called up te polioe station.", {}).text, "She called up the police station.");
  EXPECT_EQ(ModelEngine()->Fix("He was found to be living with another w womau.", {}).text,
            "He was found to be living with another woman.");
  EXPECT_EQ(ModelEngine()->Fix("He was married to a r yoang Australian lady.", {}).text,
            "He was married to a young Australian lady.");
}

// Suggest mode lists the second weighing in place of the first, once per
// token, so that what it suggests agrees with what fix does.
TEST(CorrectorOnTheDefaultModel, SuggestionsShowTheSecondWeighing) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string text = "She called up te polioe station.";
  EXPECT_GT(Offered(text, "te", "the").value_or(0), 0.5);
  FixOptions suggest;
  suggest.suggest = true;
  const std::vector<Suggestion> listed = ModelEngine()->Fix(text, suggest).suggestions;
  ASSERT_FALSE(listed.empty());
  for (size_t i = 1; i < listed.size(); ++i) EXPECT_LT(listed[i - 1].start, listed[i].start);
}

// In a noisy text a real-word candidate needs a smaller margin.
TEST(CorrectorOnTheDefaultModel, SmallerRealWordMarginInNoisyText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("I don't want hit money.", {}).text, "I don't want his money.");
  EXPECT_EQ(ModelEngine()->Fix("The peti. tioner spoke of his marriage sad the separation.", {}).text,
            "The petitioner spoke of his marriage and the separation.");
}

// The word list does not vouch for a lower-case token it lists only with
// capitals (Ir, a symbol) nor for one of three letters or fewer.
TEST(CorrectorOnTheDefaultModel, WordListDoesNotVouchForSymbols) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He was ir the house.", {}).text, "He was in the house.");
}

// A heading's word in capitals gets the search of a lower-case word, not
// the caution of an acronym or a name alone.
TEST(CorrectorOnTheDefaultModel, CorrectsAHeadingInCapitals) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("TRIALS AT THE MIDZDLSEX SESSIONS.", {}).text, "TRIALS AT THE MIDDLESEX SESSIONS.");
  EXPECT_EQ(ModelEngine()->Fix("A CASE OF EMBEZZLEMIENT.", {}).text, "A CASE OF EMBEZZLEMENT.");
}

// A sentence's first word is capitalised by its place, not as a name: it is
// weighed as a lower-case word, unless a comma follows (a name in a list).
TEST(CorrectorOnTheDefaultModel, CapitalOnlyMarksTheSentenceStart) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("Sonim of the men ran away.", {}).text, "Some of the men ran away.");
  EXPECT_EQ(ModelEngine()->Fix("Daepising the danger, he went on.", {}).text, "Despising the danger, he went on.");
  EXPECT_EQ(ModelEngine()->Fix("Coltman, a labourer, was charged with theft.", {}).text,
            "Coltman, a labourer, was charged with theft.");
  EXPECT_EQ(ModelEngine()->Fix("Lecluse, Felix Henri, merchant, London.", {}).text,
            "Lecluse, Felix Henri, merchant, London.");
}

// A misread title is weighed before its name, not at a sentence's end (its
// period ends none), and a first letter misread gets the capital the word
// list gives the word (lr -> Mr, not mr).
TEST(CorrectorOnTheDefaultModel, MisreadTitleBeforeAName) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The sky was dark over the sea. Mir. Smith said nothing.", {}).text,
            "The sky was dark over the sea. Mr. Smith said nothing.");
  EXPECT_EQ(ModelEngine()->Fix("He was instructed by lr. C. X. Lewis, of Bedford-row.", {}).text,
            "He was instructed by Mr. C. X. Lewis, of Bedford-row.");
  EXPECT_EQ(ModelEngine()->Fix("They walked out into the open air. Jones said nothing.", {}).text,
            "They walked out into the open air. Jones said nothing.");
}

// A word that mixes cases as no name does (MIr, RMackay) is a misread and
// searched as a lower-case word is; Mc, Mac and the AE of a ligature are
// names' and words' own.
TEST(CorrectorOnTheDefaultModel, MixedCaseIsNoName) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The prisoner had been remanded by MIr. Sheil on charges of burglary.", {}).text,
            "The prisoner had been remanded by Mr. Sheil on charges of burglary.");
  EXPECT_EQ(ModelEngine()->Fix("The bullet struck RMackay in the back.", {}).text,
            "The bullet struck Mackay in the back.");
  for (const char* kept : {"Mr. Alexander McCarthy and Mr. MacLeod were called.", "The AEgean sea was calm."})
    EXPECT_EQ(ModelEngine()->Fix(kept, {}).text, kept);
}

// A compound written with a capital may start with a name the model lacks:
// its last part is mended all the same (Argyll-etreet); one misread part
// among known ones is mended wherever it is (Hiih-street).
TEST(CorrectorOnTheDefaultModel, NamedCompoundsLastPart) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He went to the office in Argyll-etreet.", {}).text,
            "He went to the office in Argyll-street.");
  EXPECT_EQ(ModelEngine()->Fix("She lived at Mandeville-strect, Clapton.", {}).text,
            "She lived at Mandeville-street, Clapton.");
  EXPECT_EQ(ModelEngine()->Fix("He kept a shop in the Hiih-street.", {}).text, "He kept a shop in the High-street.");
}

// A function word whose first letter was misread as another capital, after
// a lower-case word, is written in lower case (Df -> of, not Of); a capital
// as written (Of course) stays.
TEST(CorrectorOnTheDefaultModel, MisreadCapitalOfAFunctionWord) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He was found in the course Df Tuesday morning.", {}).text,
            "He was found in the course of Tuesday morning.");
  EXPECT_EQ(ModelEngine()->Fix("He said Of course not.", {}).text, "He said Of course not.");
}

// British spellings are variants, not misreads: -ise for -ize, -our for
// -or stay (the model knows apologizes and authorized better).
TEST(CorrectorOnTheDefaultModel, BritishSpellingsStay) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  for (const char* t : {"The nice tidy little woman apologises for its scarcity, on the usual ground.",
                        "We were authorised by the Lords Commissioners of her Majesty to act."})
    EXPECT_EQ(ModelEngine()->Fix(t, {}).text, t);
}

// Older spellings the corpus attests are variants, not misreads (issue 4: shew).
TEST(CorrectorOnTheDefaultModel, HistoricalSpellingsStay) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  for (const char* t : {"I shew you the way.", "She shewed him the letter.", "She will recal it."})
    EXPECT_EQ(ModelEngine()->Fix(t, {}).text, t);
}

// The last sentence of `before` + `last` as the default model fixes the
// whole: how a text's earlier sentences change what it does there.
std::string FixedLast(const std::string& before, const std::string& last) {
  const std::string out = ModelEngine()->Fix(before + last, {}).text;
  return out.substr(out.size() - std::min(out.size(), last.size()));
}

// After `text` and `misread` twice (each sentence of it corrected once
// more), `last` is `mended`; after `text` and `misread` once, it stays.
void ExpectLearnt(const std::string& text, const std::string& misread, const std::string& last,
                  const std::string& mended) {
  EXPECT_EQ(FixedLast(text + misread + misread, last), mended);
  EXPECT_EQ(FixedLast(text + misread, last), last);
}

// A text whose OCR misreads one word again and again (bad for had) has its
// other uses weighed again with less margin: "Those who bad it" is mended
// after four such corrections, not after two.
TEST(CorrectorOnTheDefaultModel, ARepeatedMisreadIsLearntFromTheText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  ExpectLearnt("He had a dog and she had a cat. We had tea and they had cake. I had a book, you had a pen, and "
               "the boy had a ball. The girls had hats. We had had enough. They had rain and we had snow. ",
               "He bad been there before. She bad seen him twice. ", "Those who bad it kept it.",
               "Those who had it kept it.");
}

// The same for a non-word: after four candie -> candle corrections, "Bring
// me a candie" takes candle too; after two it keeps its spelling.
TEST(CorrectorOnTheDefaultModel, ARepeatedNonWordIsLearntFromTheText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  ExpectLearnt("The man lit the candle. She put the candle on the table. A candle burned all night. He blew "
               "out the candle and slept. The candle was white. He held a candle. The candle was new. One "
               "candle was left. The candle smoked. A red candle glowed. Her candle was lit. ",
               "She lit a candie for him. The candie burned low. ", "Bring me a candie.", "Bring me a candle.");
}

// A lower-case misread is likelier a word the text itself uses twice (a cache
// model): the same sentence weighs "cottage" more where the text has it
// twice elsewhere than where it has "house" there.
TEST(CorrectorOnTheDefaultModel, AWordTheTextUsesIsLikelier) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string tail = " When the miller died, his eldest son took the cottnqe and the mill.";
  const std::string seen = "They went to the old cottage by the river. The cottage was small." + tail;
  const std::string unseen = "They went to the old house by the river. The house was small." + tail;
  const double with = Offered(seen, "cottnqe", "cottage").value_or(0), without = Offered(unseen, "cottnqe", "cottage").value_or(0);
  EXPECT_GT(with, without);
  EXPECT_GT(without, 0);
}

// A lower-case non-word whose own reading is all but ruled out takes its
// likeliest reading below the usual posterior (hemorrhage at about 0.65,
// haemorrhage 0.35); where the word itself keeps a fair chance (tounsel at
// 0.3 beside counsel at 0.7) it stays.
TEST(CorrectorOnTheDefaultModel, ANonWordAllButRuledOutTakesItsLikeliestReading) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("Death was due to hbcmorrhage.", FixOptions{}).text, "Death was due to hemorrhage.");
  const std::string kept = "By the desire of the judge, and Mr. Attenborough, tounsel for prisoner, expressed their views.";
  const auto p = Offered(kept, "tounsel", "counsel");
  ASSERT_TRUE(p.has_value());
  EXPECT_GT(*p, 0.6);
  EXPECT_LT(*p, 0.745);
  EXPECT_NE(ModelEngine()->Fix(kept, FixOptions{}).text.find("tounsel"), std::string::npos);
}

// A lone capital I before a lower-case word is weighed as a speck (his I
// friends), in a clean text too, where it pays more (kQuietIDebris); a
// pronoun I stays in either.
TEST(CorrectorOnTheDefaultModel, ALoneCapitalIBetweenLowerCaseWordsIsWeighedAsASpeck) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixOptions o;
  o.detect_gaps = false;
  EXPECT_EQ(ModelEngine()->Fix("The prisonor said his I friends were in Paris and Monte Carlo.", o).text,
            "The prisoner said his friends were in Paris and Monte Carlo.");
  const std::string pronoun = "The prisoner said that I had been in Paris with his friends.";
  EXPECT_EQ(ModelEngine()->Fix(pronoun, o).text, pronoun);
  std::string clean;
  for (int i = 0; i < 10; ++i) clean += "The travellers walked along the road to the town and talked about the weather. ";
  EXPECT_EQ(ModelEngine()->Fix(clean + "The prisoner said his I friends were in Paris.", o).text,
            clean + "The prisoner said his friends were in Paris.");
  EXPECT_EQ(ModelEngine()->Fix(clean + pronoun, o).text, clean + pronoun);
}

// A capital I alone at a line's start before a capitalised word is weighed
// as a speck too (I He was sentenced); I before a lower-case word, and an I
// on a line of its own (a chapter's number), stay.
TEST(CorrectorOnTheDefaultModel, ALeadingIBeforeACapitalIsWeighedAsASpeck) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixOptions o;
  o.detect_gaps = false;
  EXPECT_EQ(ModelEngine()->Fix("I He was sentenced to twelve months' hard labour.", o).text,
            "He was sentenced to twelve months' hard labour.");
  EXPECT_EQ(ModelEngine()->Fix("I A VERY SUSPICIOUS CASE.", o).text, "A VERY SUSPICIOUS CASE.");
  for (const char* t : {"I was sentenced to twelve months' hard labour.", "I\nHe was sentenced to twelve months."})
    EXPECT_EQ(ModelEngine()->Fix(t, o).text, t) << t;
}

// Historical spellings are left alone; a misread beside them is still corrected.
TEST(CorrectorOnTheDefaultModel, HistoricalSpellingsAreNotMisreads) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string text = "He came vpon the hill himselfe and would haue gone to tbe Emperour with his wiues.";
  EXPECT_EQ(ModelEngine()->Fix(text, FixOptions{}).text,
            "He came vpon the hill himselfe and would haue gone to the Emperour with his wiues.");
}

// In an Early Modern text known words are its own spellings: real-word
// correction, which would modernise them, is off there (but not elsewhere).
TEST(CorrectorOnTheDefaultModel, EarlyModernTextKeepsItsRealWords) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string modern = "I have seen him upon the hill, and it will he done by his own hand, as they have said.";
  const std::string early = "I haue seene him vpon the hill, and it will he done by his owne hand, as they haue said.";
  EXPECT_NE(ModelEngine()->Fix(modern, FixOptions{}).text.find("will be done"), std::string::npos);
  EXPECT_EQ(ModelEngine()->Fix(early, FixOptions{}).text, early);
}

// Except for ll read as d, common in old type: "they shad haue" is shall.
TEST(CorrectorOnTheDefaultModel, EarlyModernTextGetsItsLlForD) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string early = "I haue seene him vpon the hill, and they shad haue goten it by his owne hand, as they haue said.";
  EXPECT_NE(ModelEngine()->Fix(early, FixOptions{}).text.find("they shall haue goten"), std::string::npos);
  const std::string kept = "I haue seene him vpon the hill, and they had taken it by his owne hand, as they haue said.";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// An Early Modern text's unknown words are read with its rewrites (yeeld,
// knowes, wherfore, commaunded, perswade) and kept; a modern text with the
// same misspellings has them corrected.
TEST(CorrectorOnTheDefaultModel, EarlyModernTextKeepsItsSpellings) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string early = "They haue seene him vpon the hill, and haue said that they knowes he will not yeeld, "
                            "wherfore the King commaunded that none should perswade him.";
  EXPECT_EQ(ModelEngine()->Fix(early, FixOptions{}).text, early);
  // Two such spellings do not make a text Early Modern: they are misreads.
  const std::string modern = "They have seen him upon the hill, and say he will not yeeld, though none could perswade him.";
  const std::string fixed = ModelEngine()->Fix(modern, FixOptions{}).text;
  for (const char* w : {"yield", "persuade"}) EXPECT_NE(fixed.find(w), std::string::npos) << w;
}

// Where historical spellings are a good share of an Early Modern text's
// unknown words, its unknown words are likelier its spellings (maner,
// Glocester) than misreads. Noisy OCR with a few historical-looking forms
// among many misreads still has them corrected.
TEST(CorrectorOnTheDefaultModel, EarlyModernSpellingsOutweighMisreadsWhereTheyAbound) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string early = "They haue seene him vpon the hill, and the King was so dronken that he said in this maner "
                            "that the marriage betwene them was made at Glocester.";
  const std::string fixed = ModelEngine()->Fix(early, FixOptions{}).text;
  for (const char* w : {"this maner", "at Glocester"}) EXPECT_NE(fixed.find(w), std::string::npos) << w;
  const std::string noisy = "They haue seene him vpon the hill. The men and women wbich were tliere said in this maner "
                            "that the bouse was burnt, and tliat the fire was seen by all the people in the town, and "
                            "the police wbo came found notbing, but tbey bave not yet fouud the man wbo did it, nor "
                            "wliat tliey tbink of it.";
  const std::string mended = ModelEngine()->Fix(noisy, FixOptions{}).text;
  for (const char* w : {"this manner", "the house"}) EXPECT_NE(mended.find(w), std::string::npos) << w;
}

// A book that quotes an Early Modern passage: around the passage the text is
// Early Modern (its spellings are kept: meanes, remembred, bycause, wherof),
// far from it the modern prose still has its misspellings corrected.
TEST(CorrectorOnTheDefaultModel, AQuotedEarlyModernPassageKeepsItsSpellings) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string prose;
  for (int i = 0; i < 40; ++i) prose += "The travellers walked along the road to the town and talked about the weather. ";
  const std::string passage = "\n\nAnd it is to be remembred, that hee would not by any meanes let him goe, "
                              "bycause the King wherof they spake had said so.\n\n";
  const std::string text = prose + "They would not yeeld. " + prose + passage + prose;
  const std::string fixed = ModelEngine()->Fix(text, FixOptions{}).text;
  EXPECT_NE(fixed.find(passage), std::string::npos) << fixed.substr(fixed.find("And it is"), 160);
  EXPECT_NE(fixed.find("They would not yield."), std::string::npos);
}

// A word broken at a line end whose halves join into a misread is joined
// and corrected in one edit.
TEST(CorrectorOnTheDefaultModel, MisreadWordBrokenAtALineEnd) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixResult r = ModelEngine()->Fix("He was placed under such cir-\ncamstauees that he fled.", FixOptions{});
  EXPECT_EQ(r.text, "He was placed under such circumstances that he fled.");
  bool joined = false;
  for (const Edit& e : r.edits) joined |= e.rule == "correct.dehyphenate+correct.spelling";
  EXPECT_TRUE(joined);
}

// A compound broken at a line end (public- house) is one candidate, though
// both the compound (AddCompound) and the joined form's search find it: two
// would split its posterior.
TEST(CorrectorOnTheDefaultModel, ACompoundAtALineEndIsOneCandidate) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixOptions suggest;
  suggest.suggest = true;
  int found = 0;
  for (const Suggestion& x : ModelEngine()->Fix("He went into a public- house, and drank.", suggest).suggestions)
    for (const Alternative& a : x.alternatives) found += x.token == "public" && a.text == "public-house";
  EXPECT_EQ(found, 1);
}

// A line-break hyphen read as a period is weighed by the decoder where the
// stray pass (StopForHyphen) leaves it: after a capitalised piece (Tues.
// day), or where the joined form is a misread (ev. dence). A period that
// ends a sentence or an abbreviation before a lower-case word stays.
TEST(CorrectorOnTheDefaultModel, LineBreakHyphenReadAsAPeriod) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixResult r = ModelEngine()->Fix("It happened on the previous Tues. day at noon.", FixOptions{});
  EXPECT_EQ(r.text, "It happened on the previous Tuesday at noon.");
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(r.edits[0].rule, "correct.dehyphenate");
  EXPECT_NE(r.edits[0].note.find("read as a period"), std::string::npos);
  r = ModelEngine()->Fix("He gave his ev. dence in a low voice.", FixOptions{});
  EXPECT_EQ(r.text, "He gave his evidence in a low voice.");
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(r.edits[0].rule, "correct.dehyphenate+correct.spelling");
  const std::string kept = "He went to the station. then he came home, etc. and so on.";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// A line-break hyphen kept inside a line before a suffix (foot-ing) is joined;
// a compound of two words (hill-side, to-day) stays.
TEST(CorrectorOnTheDefaultModel, HyphenBeforeASuffixIsJoined) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("the foot-ing was bad on the wind-ing road", FixOptions{}).text,
            "the footing was bad on the winding road");
  const std::string kept = "we walked up the hill-side to-day and sat in the sitting-room";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// A word broken at a line end whose first piece is itself a word (con, com):
// the original keeps the unknown second piece, which pays for its spelling
// as any unknown word does, so the joined word wins.
TEST(CorrectorOnTheDefaultModel, LineBreakAfterAPieceThatIsAWord) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("Mr. Justice Hawkins con- curred.", FixOptions{}).text, "Mr. Justice Hawkins concurred.");
  EXPECT_EQ(ModelEngine()->Fix("the com- pensation had to be assessed", FixOptions{}).text,
            "the compensation had to be assessed");
  // A first piece that fits its context, or that the word list knows, is weighed too.
  EXPECT_EQ(ModelEngine()->Fix("after his return to Lon- don.", FixOptions{}).text, "after his return to London.");
  EXPECT_EQ(ModelEngine()->Fix("these are bound to- gether by chains.", FixOptions{}).text,
            "these are bound together by chains.");
  // A name the model does not know is joined as it is written.
  EXPECT_EQ(ModelEngine()->Fix("Mr. Tom- linson said so.", FixOptions{}).text, "Mr. Tomlinson said so.");
  EXPECT_EQ(ModelEngine()->Fix("Sergeant McAl- lister said so.", FixOptions{}).text, "Sergeant McAllister said so.");
  // Suggest mode writes the join as the edit would.
  EXPECT_TRUE(Offers("Sergeant McAl- lister said so.", "McAl", "McAllister"));
  // Two words after a hyphen and a space stay apart (a compound's first part).
  EXPECT_EQ(ModelEngine()->Fix("a cross- examination of the witness", FixOptions{}).text.find("crossexamination"),
            std::string::npos);
  // A compound the model knows, broken at its own hyphen, keeps the hyphen.
  EXPECT_EQ(ModelEngine()->Fix("The prisoner, aged twenty- three, was remanded.", FixOptions{}).text,
            "The prisoner, aged twenty-three, was remanded.");
}

// The digit 1 alone before a lower-case word is often the OCR of the pronoun
// I; the model weighs it against a number.
TEST(CorrectorOnTheDefaultModel, OneReadForThePronounI) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("It is curious that 1 should have gone.", FixOptions{}).text,
            "It is curious that I should have gone.");
  EXPECT_EQ(ModelEngine()->Fix("As 1 walked out one morning", FixOptions{}).text, "As I walked out one morning");
  for (const char* t : {"He had 1 man and 2 women with him.", "See page 1 for the details.", "There were 1 or 2 of them.",
                        "Chapter 1. The start", "The reticule which No. 1 carried over her arm.",
                        "Nos. 1 and 2 were at the door."})
    EXPECT_EQ(ModelEngine()->Fix(t, FixOptions{}).text, t) << t;
  // A text that writes 1 for I throughout makes the reading likelier.
  auto pronoun = [](const std::string& text) { return Offered(text, "1", "I").value_or(0.0); };  // the first "1"
  const std::string first = "Of all of them 1 was the first.";
  EXPECT_GT(pronoun(first + " 1 could not tell. Then 1 went home, and 1 slept."), pronoun(first));
  EXPECT_EQ(pronoun(first + " I could not tell. Then I went home, and I slept."), pronoun(first));
  // Suggest mode offers the pronoun as it would be written.
  EXPECT_TRUE(Offers("It is curious that 1 should have gone.", "1", "I"));
  EXPECT_TRUE(Offers("It is curious that 1 should have gone.", "1", "1"));  // the original, ranked second, as it stands
}

// An unknown word used once is likelier a misread in a noisy text than in a
// clean one, where it may be the writer's (kNoisyBiasDrop); a text shows it
// is clean by enough clean words (kPriorWords): one short sentence does not.
TEST(CorrectorOnTheDefaultModel, NoisyTextsGetTheirMisreadsCorrected) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string clean =
      "The prisoner was brought before the magistrate on Monday morning and charged with stealing a watch and "
      "chain from the house of his employer. The constable who arrested him said that he found the property in "
      "a box at his lodgings, together with several other articles of value. The prisoner, who had nothing to say "
      "in his defence, was remanded for a week, and the magistrate asked that the owner of the other articles "
      "should attend at the next hearing, when the case would be sent for trial at the sessions. ";
  EXPECT_EQ(ModelEngine()->Fix(clean + "The jewels included a fine diamold ring and a brooch.", FixOptions{}).text,
            clean + "The jewels included a fine diamold ring and a brooch.");
  EXPECT_EQ(ModelEngine()->Fix("The jewels included a fine diamold ring and a brooch.", FixOptions{}).text,
            "The jewels included a fine diamond ring and a brooch.");
  EXPECT_NE(ModelEngine()->Fix("Tbe jewcls includcd a fiue diamold riug and a broocb.", FixOptions{}).text.find("diamond"),
            std::string::npos);
  EXPECT_EQ(ModelEngine()->Fix(clean + "He was remanuded for a week by the magistrate.", FixOptions{}).text,
            clean + "He was remanuded for a week by the magistrate.");
  EXPECT_NE(ModelEngine()->Fix("Hc wvas remanuded for a wcek by tbe magistrnte.", FixOptions{}).text.find("remanded"),
            std::string::npos);
  // Capitalised words too, though less: most are names.
  EXPECT_EQ(ModelEngine()->Fix("He went by train to Manchestor on the morning of the inquest.", FixOptions{}).text,
            "He went by train to Manchestor on the morning of the inquest.");
  EXPECT_EQ(ModelEngine()->Fix("Hc wcnt by trnin to Manchestor on tbe morniug of tbe inqucst.", FixOptions{}).text,
            "He went by train to Manchester on the morning of the inquest.");
  // A noisy text's known words get a wider real-word search (tip for up).
  EXPECT_EQ(ModelEngine()->Fix("On his way tip the Strand the prisoner was seen by the constable.", FixOptions{}).text,
            "On his way tip the Strand the prisoner was seen by the constable.");
  EXPECT_EQ(ModelEngine()->Fix("Tbe prisoncr wns tnken awny. On his way tip the Strand the prisoner was seen.", FixOptions{}).text,
            "The prisoner was taken away. On his way up the Strand the prisoner was seen.");
  // A noisy text's sporadic words also get the widest channel search.
  EXPECT_NE(ModelEngine()->Fix("Tbe mnn wns bnrely ablo to walk to tbe hcuse of hls brotbor.", FixOptions{}).text.find("barely"),
            std::string::npos);
}

// Beside an unknown word the context says little, so a known word there is
// weighed against the commonest words only: "Alp" after the name "Wengern"
// stays (Alps is too rare to be read for it there).
TEST(CorrectorOnTheDefaultModel, KnownWordBesideAnUnknownOne) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("We saw the Jungfrau from the Wengern Alp, which was covered in snow.", FixOptions{}).text,
            "We saw the Jungfrau from the Wengern Alp, which was covered in snow.");
}

// Three or more common words that lost their spaces are cut apart where the
// model reads the cut better than the run; the surface keeps its case.
TEST(CorrectorOnTheDefaultModel, RunOfSeveralWordsIsCut) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The company did nothing to protectagainstfire the houses of the poor.", FixOptions{}).text,
            "The company did nothing to protect against fire the houses of the poor.");
  EXPECT_EQ(ModelEngine()->Fix("the jewels were the propertyofSirRobert Cunliffe, Bart.", FixOptions{}).text,
            "the jewels were the property of Sir Robert Cunliffe, Bart.");
  // A word the model does not know is not cut into words it knows.
  EXPECT_EQ(ModelEngine()->Fix("The Dentalium and Haliotis shells were found.", FixOptions{}).text,
            "The Dentalium and Haliotis shells were found.");
}

// A lower-case misread with two or three errors gets the wider search; a
// capitalised word (a name, most often) keeps the narrower one.
TEST(CorrectorOnTheDefaultModel, BadlyMisreadCommonWords) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The witness had other engegemenrts that day.", FixOptions{}).text,
            "The witness had other engagements that day.");
  EXPECT_EQ(ModelEngine()->Fix("He was acconpaniSed by the prisoner.", FixOptions{}).text,
            "He was accompanied by the prisoner.");
  EXPECT_EQ(ModelEngine()->Fix("Mr. Engegemenrts was called.", FixOptions{}).text, "Mr. Engegemenrts was called.");
}

// A lone small letter between two common words is a speck read as a letter
// (correct.debris, which deletes it and one space); a letter a lost
// apostrophe split off (don t), a verse line's start and a lone a are not.
TEST(CorrectorOnTheDefaultModel, LoneLetterBetweenWordsIsDebris) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixResult r = ModelEngine()->Fix("The prisoner was taken to the e court by the officer.", FixOptions{});
  EXPECT_EQ(r.text, "The prisoner was taken to the court by the officer.");
  bool debris = false;
  for (const Edit& e : r.edits) debris |= e.rule == "correct.debris" && e.after.empty() && e.end - e.start == 2;
  EXPECT_TRUE(debris);
  // Suggest mode offers the deletion as an empty alternative.
  EXPECT_TRUE(Offers("The prisoner was taken to the e court by the officer.", "e", ""));
  // Beside a rarer word that the word list knows too (the model has seen
  // manslaughter 14 times); not beside a piece of a word (v ish).
  EXPECT_EQ(ModelEngine()->Fix("The jury returned a verdict of m manslaughter against him.", FixOptions{}).text,
            "The jury returned a verdict of manslaughter against him.");
  for (const char* kept : {"You don t know what I said to him.", "They wanted some clothes j\nAnd when they had them",
                           "He had a book in his hand.", "The v ish fellow went away."}) {
    for (const Edit& e : ModelEngine()->Fix(kept, FixOptions{}).edits) EXPECT_NE(e.rule, "correct.debris") << kept;
  }
}

// A lone letter after a comma, semicolon or colon and a space is debris as
// after a word; glued to the mark it may end a word, and stays.
TEST(CorrectorOnTheDefaultModel, LoneLetterAfterAMarkIsDebris) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The owner was not present, t and the constable said so.", FixOptions{}).text,
            "The owner was not present, and the constable said so.");
  for (const Edit& e : ModelEngine()->Fix("The owner was not present,t and the constable said so.", FixOptions{}).edits)
    EXPECT_NE(e.rule, "correct.debris");
}

// Two small letters that are no word, between two words of a noisy text,
// are debris too; in a clean text, or a word the word list knows in lower
// case, they stay.
TEST(CorrectorOnTheDefaultModel, TwoLettersThatAreNoWordAreDebrisInANoisyText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("Tbe jnry returned a verdict ry of guilty agaiust tbe prisoncr on tbe second count.",
                               FixOptions{}).text,
            "The jury returned a verdict of guilty against the prisoner on the second count.");
  // A clean text (long enough to tell: a short one leans noisy).
  std::string clean;
  for (int i = 0; i < 12; ++i) clean += "The travellers walked along the road to the town and talked about the weather. ";
  clean += "The jury returned a verdict ry of guilty against the prisoner on the second count.";
  for (const Edit& e : ModelEngine()->Fix(clean, FixOptions{}).edits) EXPECT_NE(e.rule, "correct.debris");
  // A pair the word list has (ti, a symbol) is no word of prose either.
  EXPECT_EQ(ModelEngine()->Fix("Tbe jnry returned a verdict ti of guilty agaiust tbe prisoncr.", FixOptions{}).text,
            "The jury returned a verdict of guilty against the prisoner.");
  const std::string listed = "Tbe jnry returned a verdict by all of guilty agaiust tbe prisoncr on tbe second count.";
  for (const Edit& e : ModelEngine()->Fix(listed, FixOptions{}).edits) EXPECT_NE(e.rule, "correct.debris");
}

// In a noisy text a lone s, d, t or m is debris unless the model knows the
// word it would make with an apostrophe (don t, people s); in a clean text
// it is always taken for such a piece.
TEST(CorrectorOnTheDefaultModel, LostApostrophePieceInANoisyText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("Tbe prisoncr was charged for s being drunk and disorderly in tbe street.", FixOptions{}).text,
            "The prisoner was charged for being drunk and disorderly in the street.");
  // So is a small i there (not the pronoun as written), and a small o.
  EXPECT_EQ(ModelEngine()->Fix("Tbe prisoncr was i prepared to pay tbe fine.", FixOptions{}).text,
            "The prisoner was prepared to pay the fine.");
  EXPECT_EQ(ModelEngine()->Fix("Tbe prisoncr met o with tbe constahle.", FixOptions{}).text,
            "The prisoner met with the constable.");
  const std::string pieces = "Tbe prisoncr said he don t know tbe man, and tbe people s money was lost.";
  for (const Edit& e : ModelEngine()->Fix(pieces, FixOptions{}).edits) EXPECT_NE(e.rule, "correct.debris");
  std::string clean;
  for (int i = 0; i < 12; ++i) clean += "The travellers walked along the road to the town and talked about the weather. ";
  clean += "The prisoner was charged for s being drunk and disorderly in the street.";
  for (const Edit& e : ModelEngine()->Fix(clean, FixOptions{}).edits) EXPECT_NE(e.rule, "correct.debris");
  for (const Edit& e : ModelEngine()->Fix(clean + " The poet cried o come back to the hills.", FixOptions{}).edits)
    EXPECT_NE(e.rule, "correct.debris");
}

// A compound the model does not know with one misread part is mended in
// that part, each part keeping its case; a part the word list knows is not
// such a part.
TEST(CorrectorOnTheDefaultModel, CompoundWithOneMisreadPart) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  FixResult r = ModelEngine()->Fix("He lived at 4, Cochrane-strebt, near High-Strebt.", FixOptions{});
  EXPECT_EQ(r.text, "He lived at 4, Cochrane-street, near High-Street.");
  ASSERT_FALSE(r.edits.empty());
  EXPECT_EQ(r.edits[0].rule, "correct.spelling");
  EXPECT_EQ(ModelEngine()->Fix("The POLICE-SEBJEANT said so.", FixOptions{}).text, "The POLICE-SERJEANT said so.");
  EXPECT_EQ(ModelEngine()->Fix("a dark madder-blue coat", FixOptions{}).text, "a dark madder-blue coat");
}

// A word in capitals with a small letter misread among them keeps its
// capitals when corrected; a capitalised word in lower-case text does not
// take them (TeH for Tell).
TEST(CorrectorOnTheDefaultModel, BrokenCapitalsAreWrittenInCapitals) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("TiE STRANGE SUICIDE AT DOVER.", FixOptions{}).text, "THE STRANGE SUICIDE AT DOVER.");
  EXPECT_EQ(ModelEngine()->Fix("The jury said, TeH me the truth, and he did.", FixOptions{}).text,
            "The jury said, Tell me the truth, and he did.");
}

// Outside an Early Modern text a final e is not a historical spelling: forthe
// is "for the" run together, not "forth".
TEST(CorrectorOnTheDefaultModel, FinalEIsEarlyModernOnly) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He went home forthe night.", FixOptions{}).text, "He went home for the night.");
}

// A known short word on an apostrophe is the writer's elision (th', t', yo'):
// real-word correction leaves it, but not the same word without the mark.
TEST(CorrectorOnTheDefaultModel, ElisionsAreNotMisreads) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string elided = "He sat down in th' chair and said t' the man that yo' could go.";
  EXPECT_EQ(ModelEngine()->Fix(elided, FixOptions{}).text, elided);
  EXPECT_NE(ModelEngine()->Fix("He sat down in th chair by the fire.", FixOptions{}).text.find("the chair"), std::string::npos);
  // An apostrophe for an e, or n't set a letter early, is the writer's.
  for (const char* t : {"All other Means have fail'd, and without cure he must die.",
                        "I did'nt like such a thing at all, said she."})
    EXPECT_EQ(ModelEngine()->Fix(t, FixOptions{}).text, t) << t;
}

// A compound written closed (northwest, upstairs, pressgang) is the writer's
// form: no hyphen is put in as a correction.
TEST(CorrectorOnTheDefaultModel, ClosedCompoundsKeepTheirForm) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  for (const char* t : {"The northwest wind blew hard all night.", "The pressgang came for him at dawn.",
                        "He came upstairs with a smallpox scar.", "They went by the northwest passage."})
    EXPECT_EQ(ModelEngine()->Fix(t, FixOptions{}).text, t);
}

// A known word the text uses three times and never the word it would be
// corrected to is the text's spelling (Capo), not a sporadic misread.
// (shew, the example once, is now a variant wherever it stands:
// HistoricalSpellingsStay.)
TEST(CorrectorOnTheDefaultModel, ATextsOwnSpellingIsKept) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string once = "The ship lay off Capo and we landed.";
  EXPECT_NE(ModelEngine()->Fix(once, FixOptions{}).text, once);  // alone, the model reads "Cape"
  const std::string text = once + " At Capo the men rested. From Capo we sailed on.";
  EXPECT_EQ(ModelEngine()->Fix(text, FixOptions{}).text, text);
}

// The keyboard channel: a typist's slips (two letters swapped, a key next to
// the right one), which the OCR channel alone does not propose.
TEST(CorrectorOnTheDefaultModel, KeyboardSlipsInTypedText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("I saw hte man and he said a wrod to me about teh weather.", FixOptions{}).text,
            "I saw the man and he said a word to me about the weather.");
  EXPECT_EQ(ModelEngine()->Fix("He spoke of the qord of God.", FixOptions{}).text, "He spoke of the word of God.");
  const FixResult r = ModelEngine()->Fix("He spoke of the qord of God.", FixOptions{});
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_NE(r.edits[0].note.find("typist"), std::string::npos) << r.edits[0].note;
}

// A vowel-less unknown word one slip from an acronym of the word list that
// the model lacks becomes that acronym in a quiet text (kfb -> KGB); a word
// with a vowel (fbo, one slip from FBI) does not, nor does a short text,
// whose share of unknown words leans noisy.
TEST(CorrectorOnTheDefaultModel, TypedAcronymSlipInAQuietText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  std::string quiet;
  for (int i = 0; i < 6; ++i)
    quiet += "The old man walked slowly down the road to the village, where his friends were waiting for him. ";
  const std::string typed = quiet + "In the end the kfb killed him.";
  const FixResult r = ModelEngine()->Fix(typed, FixOptions{});
  EXPECT_NE(r.text.find("In the end the KGB killed him."), std::string::npos) << r.text;
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_NE(r.edits[0].note.find("typist"), std::string::npos) << r.edits[0].note;
  const std::string vowel = quiet + "In the end the fbo killed him.";
  EXPECT_EQ(ModelEngine()->Fix(vowel, FixOptions{}).text, vowel);
  EXPECT_EQ(ModelEngine()->Fix("In the end the kfb killed him.", FixOptions{}).text, "In the end the kfb killed him.");
}

// Two words run together with one of them misread are split and mended
// where the other is common as it stands (departurrefor, hearinlgof); a
// word with capitals inside is not.
TEST(CorrectorOnTheDefaultModel, RunTogetherWordsWithAMisread) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He afterwards took my departurrefor London.", FixOptions{}).text,
            "He afterwards took my departure for London.");
  EXPECT_EQ(ModelEngine()->Fix("The hearinlgof the case was adjourned.", FixOptions{}).text,
            "The hearing of the case was adjourned.");
  EXPECT_EQ(ModelEngine()->Fix("The defendant was summoned for'cauiing the horse to bolt.", FixOptions{}).text,
            "The defendant was summoned for causing the horse to bolt.");
  EXPECT_EQ(ModelEngine()->Fix("He afterwards took my departurreFor London.", FixOptions{}).text.find("departure for"),
            std::string::npos);
}

// A first letter added by OCR (nman) is found by the word-initial
// confusions; a capitalised name is not searched so (Fiorenzo stays).
TEST(CorrectorOnTheDefaultModel, FirstLetterAddedOrLost) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("A white-haired old nman had been found in the street.", FixOptions{}).text,
            "A white-haired old man had been found in the street.");
  const std::string name = "We reached the gulf of San Fiorenzo at noon, and San Fiorenzo was quiet.";
  EXPECT_EQ(ModelEngine()->Fix(name, FixOptions{}).text, name);
}

// "will inevitably he filled": the word trigram cannot see "will" from
// "filled"; the class model (will <ly> be <ed>) can. Without it the
// default model leaves "he".
TEST(CorrectorOnTheDefaultModel, ClassModelCatchesHeForBe) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("That interval will inevitably he filled in with guerrilla blows.", FixOptions{}).text,
            "That interval will inevitably be filled in with guerrilla blows.");
  const std::string right = "He said that he filled the glass, and he will inevitably be blamed.";
  EXPECT_EQ(ModelEngine()->Fix(right, FixOptions{}).text, right);
}

// An apostrophe read for a lost space is split there; clitics stay.
TEST(CorrectorOnTheDefaultModel, ApostropheForASpace) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He went to'get it in part'of the day.", FixOptions{}).text,
            "He went to get it in part of the day.");
  const std::string kept = "The man's hat, O'Brien's cart, and I'll go; don't.";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// A digit inside a word is a misread (go6ds, sh0); numbers, ordinals,
// money and short codes keep their digits.
TEST(CorrectorOnTheDefaultModel, DigitsInsideWordsAreMisreads) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The go6ds were sh0wn to the jury.", FixOptions{}).text,
            "The goods were shown to the jury.");
  const std::string kept = "On the 19th of May 1850 he paid 6d. for the A4 sheets and the CO2 and B12 tests.";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// A word whose first letter was read as a digit (6ame, 4rial) is a misread;
// a name's capital or a sentence's start comes back with it. Ordinals and
// book sizes keep their digits.
TEST(CorrectorOnTheDefaultModel, DigitForAWordsFirstLetter) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He 6ame out of the house on the 21st, and went to 4rial.", FixOptions{}).text,
            "He came out of the house on the 21st, and went to trial.");
  EXPECT_EQ(ModelEngine()->Fix("Richard Henry 3aclkson went to see him.", FixOptions{}).text,
            "Richard Henry Jackson went to see him.");
  const std::string kept = "It was a 12mo volume of the 4th series, sold on the 2nd and 3rd of May.";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// An I at a line's start before a heading in capitals is a column rule's
// speck; before the heading's verb it is the pronoun.
TEST(CorrectorOnTheDefaultModel, AnIBeforeAHeadingIsDebris) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("I LONDON COUNTY COUNCIL.\n", FixOptions{}).text, "LONDON COUNTY COUNCIL.\n");
  const std::string kept = "I WILL TAKE YOUR WORD FOR NOTHING.\n";
  EXPECT_EQ(ModelEngine()->Fix(kept, FixOptions{}).text, kept);
}

// The word priors decide a real-word error the n-gram model alone leaves:
// the same model without its prior.* sections keeps "hating given".
TEST(CorrectorOnTheDefaultModel, WordPriorsDecideARealWordError) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string text = "The injured men, hating given some evidence, left.";
  EXPECT_EQ(ModelEngine()->Fix(text, FixOptions{}).text, "The injured men, having given some evidence, left.");
  const fs::path dir = fs::temp_directory_path() / ("emend-nopriors-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string plain = (dir / "en.emlm").string();
  ASSERT_TRUE(model::RewriteModel(EMEND_DEFAULT_MODEL, plain, "prior.",
                                  [](const model::ModelFile&, model::FileWriter*) { return Status::Ok(); }).ok());
  EngineOptions o;
  o.model_path = plain;
  auto e = Engine::Create(o);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ((*e)->Fix(text, FixOptions{}).text, text);
  fs::remove_all(dir);
}

// A hyphen and a space inside a line before a small letter: a known word or
// compound across them is joined (the LM alone read public house as well);
// an unknown join is not made up (Jewin- street).
TEST(CorrectorOnTheDefaultModel, HyphenAndSpaceInsideALine) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("He was landlord of the White Hart public- house, Clerkenwell.", FixOptions{}).text,
            "He was landlord of the White Hart public-house, Clerkenwell.");
  for (const Edit& e : ModelEngine()->Fix("Mr. Wishart, of Jewin- street, said so.", FixOptions{}).edits)
    EXPECT_NE(e.after, "Jewinstreet");
}

// A lone letter with a full stop glued to it, between a word and a
// lower-case word of a noisy text, is debris as a bare one is.
TEST(CorrectorOnTheDefaultModel, LoneLetterWithAStopInANoisyText) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string text =
      "Tbe prisoner knew of tbe r. probable consequences of tbe act, and tbe jnry found him guilty.";
  EXPECT_EQ(ModelEngine()->Fix(text, FixOptions{}).text,
            "The prisoner knew of the probable consequences of the act, and the jury found him guilty.");
}

// A non-word misread in three characters or more, whose two-confusion
// search finds nothing likely, gets a three-confusion search.
TEST(CorrectorOnTheDefaultModel, ThreeMisreadCharacters) {
  if (!ModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(ModelEngine()->Fix("The infuriated sboermakur was freqauotly seen, and tbe prisoncr bad aftlerrerds "
                               "threatened tbe jnry.", FixOptions{}).text,
            "The infuriated shoemaker was frequently seen, and the prisoner had afterwards threatened the jury.");
}

}  // namespace
}  // namespace emend::correct
