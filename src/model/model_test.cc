// End-to-end model tests: train on a tiny corpus, query, and check that
// damaged files give clean errors (never a crash or a read outside the file).
#include "emend/model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "model/classes.h"
#include "model/file.h"
#include "model/priors.h"
#include "model/train.h"
#include "model/trie.h"
#include "util/hash.h"

namespace emend::model {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("emend-model-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string ReadBytes(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

constexpr const char* kBook =
    "The ship sailed from London in the spring. The captain was a careful man, and the crew trusted him.\n"
    "In London the merchants waited for news of the ship. The news came in the summer: the ship was safe.\n"
    "The captain wrote to the merchants of London. He said that the voyage had been long, and the sea rough.\n\n"
    "It was 1842 when the ship came home. The merchants of London were glad; the captain was glad too.\n";

TrainOptions TinyOptions(const TempDir& d) {
  TrainOptions o;
  o.corpus = {d.path("corpus")};
  o.min_count = 1;
  o.prune = {1, 1, 1, 1, 1, 1, 1};
  return o;
}

// Trains the tiny model once per test into `d`.
std::string TrainTiny(const TempDir& d, TrainReport* r = nullptr) {
  d.Write("corpus/a.txt", kBook);
  d.Write("corpus/b/c.txt", std::string(kBook) + "The sea was rough and the crew was careful.\n");
  TrainReport local;
  std::string out = d.path("tiny.emlm");
  Status s = Train(TinyOptions(d), out, r ? r : &local);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(ModelTest, TrainsAndAnswers) {
  TempDir d;
  TrainReport r;
  std::string path = TrainTiny(d, &r);
  EXPECT_EQ(r.files, 2u);
  auto m = Model::Open(path);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const Model& model = **m;
  EXPECT_EQ(model.order(), 3);
  uint32_t london = model.Find("London");
  ASSERT_NE(london, Model::kUnknown);
  EXPECT_EQ(model.Find("london"), london);
  EXPECT_EQ(model.Word(london), "london");
  ASSERT_FALSE(model.Cases(london).empty());
  EXPECT_EQ(model.Cases(london)[0].form, "London");
  EXPECT_NEAR(model.Cases(london)[0].share, 1.0, 1e-9);
  uint32_t the = model.Find("the");
  ASSERT_GE(model.Cases(the).size(), 2u);  // "the" and "The"
  EXPECT_EQ(model.Find("<num>") != Model::kUnknown, true);
  EXPECT_EQ(model.Find("zebra"), Model::kUnknown);
  // Context matters: "of London" is likelier after "merchants" than "ship".
  uint32_t ctx1[] = {model.Find("merchants"), model.Find("of")};
  uint32_t ctx2[] = {model.Find("captain"), model.Find("was")};
  EXPECT_GT(model.LogProb(ctx1, 2, london), model.LogProb(ctx2, 2, london));
  // The spelling model prefers English-looking words to garbage.
  EXPECT_GT(model.CharLogProb("careful"), model.CharLogProb("qxzvkj"));
  size_t symbols = 0;
  model.CharLogProb("sea", &symbols);
  EXPECT_EQ(symbols, 4u);
  EXPECT_NE(model.metadata_json().find("\"word_order\":3"), std::string_view::npos);
}

TEST(ModelTest, ProbabilitiesSumToOne) {
  TempDir d;
  auto m = Model::Open(TrainTiny(d));
  ASSERT_TRUE(m.ok());
  const Model& model = **m;
  std::vector<std::vector<uint32_t>> contexts = {{}, {Model::kSentenceStart}, {model.Find("the")},
                                                 {model.Find("merchants"), model.Find("of")}};
  for (const auto& ctx : contexts) {
    double sum = 0;
    for (uint32_t w = 0; w < model.vocab_size(); ++w)
      if (w != Model::kSentenceStart) sum += std::pow(10.0, model.LogProb(ctx.data(), ctx.size(), w));
    EXPECT_NEAR(sum, 1.0, 0.005) << "context of " << ctx.size();  // quantisation only
  }
}

TEST(ModelTest, ClassModelIsTrainedAndSumsToOne) {
  TempDir d;
  auto m = Model::Open(TrainTiny(d));
  ASSERT_TRUE(m.ok());
  const Model& model = **m;
  ASSERT_EQ(model.class_order(), 4);
  const uint32_t the = model.Find("the");
  EXPECT_EQ(model.ClassOf(the, "the"), the);  // a frequent word is its own class
  EXPECT_EQ(model.ClassOf(Model::kUnknown, "walking"), kFirstEndingClass + EndingClass("walking"));
  std::vector<std::vector<uint32_t>> contexts = {{}, {Model::kSentenceStart}, {the},
                                                 {model.ClassOf(model.Find("merchants"), ""), model.ClassOf(model.Find("of"), "")}};
  for (const auto& ctx : contexts) {
    double sum = 0;
    for (uint32_t c = 0; c < ClassCount(); ++c)
      if (c != Model::kSentenceStart) sum += std::pow(10.0, model.ClassLogProb(ctx.data(), ctx.size(), c));
    EXPECT_NEAR(sum, 1.0, 0.005) << "context of " << ctx.size();
  }
  uint32_t ctx[] = {model.ClassOf(model.Find("merchants"), ""), model.ClassOf(model.Find("of"), "")};
  EXPECT_GT(model.ClassLogProb(ctx, 2, model.ClassOf(model.Find("london"), "")),
            model.ClassLogProb(ctx, 2, model.ClassOf(model.Find("was"), "")));
}

TEST(ModelTest, EndingClasses) {
  EXPECT_NE(EndingClass("walked"), EndingClass("walking"));
  EXPECT_EQ(EndingClass("walked"), EndingClass("filled"));
  EXPECT_EQ(EndingClass("inevitably"), EndingClass("surely"));
  EXPECT_EQ(EndingClass("cats"), EndingClass("dogs"));
  EXPECT_NE(EndingClass("glass"), EndingClass("cats"));
  EXPECT_NE(EndingClass("well-known"), EndingClass("known"));
  EXPECT_NE(EndingClass("ed"), EndingClass("walked"));  // the ending must leave a stem
  for (std::string_view w : {"", "a", "x1y", "\xC3\xA9t\xC3\xA9", "zzz'"}) EXPECT_LT(EndingClass(w), EndingClassCount());
}

TEST(ModelTest, WithoutClassModel) {
  TempDir d;
  d.Write("corpus/a.txt", kBook);
  TrainOptions o = TinyOptions(d);
  o.class_order = 0;
  TrainReport r;
  ASSERT_TRUE(Train(o, d.path("plain.emlm"), &r).ok());
  auto m = Model::Open(d.path("plain.emlm"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->class_order(), 0);
}

// A class map that names a class the model does not have is a clean error.
TEST(ModelTest, ClassMapOutOfRangeIsCorrupt) {
  TempDir d;
  const std::string path = TrainTiny(d);
  const std::string bad = d.path("bad.emlm");
  Status s = RewriteModel(path, bad, "cls.map", [&](const ModelFile& f, FileWriter* w) {
    auto map = f.Get("cls.map", 4);
    if (!map.ok()) return map.status();
    std::vector<uint32_t> v(map->count(), 3);
    v.back() = ClassCount();
    return w->AddArray("cls.map", v);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto m = Model::Open(bad);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(m.status().message().find("cls.map"), std::string::npos) << m.status().message();
}

// Word priors (docs/model-format.md, "Word priors") from two small lists.
constexpr const char* kUnigrams = "\xEF\xBB\xBFthe 1000\nship 100\nlondon 50\nsea 10\nzebra 4\n";
constexpr const char* kBigrams = "the ship 40\nthe sea 8\nship the 6\nzebra the 5\n";

std::string TrainTinyWithPriors(const TempDir& d) {
  const std::string path = TrainTiny(d);
  Status s = AddPriorsToModel(path, d.Write("uni.txt", kUnigrams), d.Write("bi.txt", kBigrams));
  EXPECT_TRUE(s.ok()) << s.ToString();
  return path;
}

TEST(ModelTest, PriorsAnswerAsTheFormatSays) {
  TempDir d;
  auto m = Model::Open(TrainTinyWithPriors(d));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const Model& model = **m;
  ASSERT_TRUE(model.has_priors());
  const uint32_t the = model.Find("the"), ship = model.Find("ship"), london = model.Find("london"),
                 sea = model.Find("sea"), captain = model.Find("captain");
  const double n = 1164, tol = 2e-4;  // the unigram counts' sum; the quantisation step
  EXPECT_NEAR(model.PriorLogProb(the, ship), std::log10(40.0 / 1000), tol);  // a listed pair
  EXPECT_NEAR(model.PriorLogProb(Model::kUnknown, sea), std::log10(10 / n), tol);  // no context
  EXPECT_NEAR(model.PriorLogProb(captain, sea), std::log10(10 / n), tol);  // an unlisted context
  EXPECT_NEAR(model.PriorLogProb(the, captain), std::log10(2 / n), tol);  // unlisted word: half the least count
  // A pair the list lacks was seen fewer than 5 times (the least pair, even
  // one whose word the model lacks): at most 2.5 / p(ship), capped by p(london).
  EXPECT_NEAR(model.PriorLogProb(ship, london), std::log10(2.5 / 100), tol);
  EXPECT_NEAR(model.PriorLogProb(ship, sea), std::log10(10 / n), tol);
  // Adding them again replaces them (a duplicate section would not load).
  ASSERT_TRUE(AddPriorsToModel(model.path(), d.Write("uni2.txt", "the 10\nship 10\n"), d.Write("bi2.txt", "")).ok());
  auto again = Model::Open(model.path());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_NEAR((*again)->PriorLogProb(the, ship), std::log10(0.5), tol);
  auto plain = Model::Open(TrainTiny(d));
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE((*plain)->has_priors());
}

TEST(ModelTest, MalformedPriorListsAreClearErrorsAndLeaveTheModel) {
  TempDir d;
  const std::string path = TrainTiny(d);
  const std::string before = ReadBytes(path);
  for (const char* bad : {"the 1000\nship x\n", "the 1000\nship\n", "the 1000\nship 0\n", "the 1000\nship 12 3\n"}) {
    Status s = AddPriorsToModel(path, d.Write("uni.txt", bad), d.Write("bi.txt", kBigrams));
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.message().find("uni.txt"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
  }
  Status s = AddPriorsToModel(path, d.Write("uni.txt", kUnigrams), d.Write("bi.txt", "the ship\n"));
  EXPECT_NE(s.message().find("bi.txt"), std::string::npos) << s.message();
  EXPECT_FALSE(AddPriorsToModel(path, d.Write("uni.txt", "\n"), d.Write("bi.txt", "")).ok());  // empty
  EXPECT_FALSE(AddPriorsToModel(path, d.path("missing.txt"), d.Write("bi.txt", "")).ok());
  EXPECT_EQ(ReadBytes(path), before);
}

// Damage that the checksums would catch, with checksums recomputed: a pair
// id outside the vocabulary, ids out of order, a missing section.
TEST(ModelTest, PriorsOutOfRangeOrIncompleteAreCorrupt) {
  TempDir d;
  const std::string path = TrainTinyWithPriors(d);
  auto rewrite_ids = [&](uint32_t first, uint32_t second) {
    return RewriteModel(path, d.path("bad.emlm"), "prior.ids", [&](const ModelFile& f, FileWriter* w) {
      auto ids = f.Get("prior.ids", 4);
      if (!ids.ok()) return ids.status();
      std::vector<uint32_t> v(reinterpret_cast<const uint32_t*>(ids->data),
                              reinterpret_cast<const uint32_t*>(ids->data) + ids->count());
      v[0] = first;
      if (v.size() > 1) v[1] = second;
      return w->AddArray("prior.ids", v);
    });
  };
  auto vocab = Model::Open(path);
  ASSERT_TRUE(vocab.ok());
  const uint32_t v = (*vocab)->vocab_size();
  for (auto [first, second] : {std::pair<uint32_t, uint32_t>{v, 5}, {7, 7}}) {
    ASSERT_TRUE(rewrite_ids(first, second).ok());
    auto m = Model::Open(d.path("bad.emlm"));
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(m.status().message().find("prior.ids"), std::string::npos) << m.status().message();
  }
  ASSERT_TRUE(RewriteModel(path, d.path("bad.emlm"), "prior.prob", [](const ModelFile&, FileWriter*) {
                return Status::Ok();
              }).ok());
  auto m = Model::Open(d.path("bad.emlm"));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("prior"), std::string::npos) << m.status().message();
}

// Random damage to a model with priors, checksums off: loading fails or
// every prior lookup stays inside the mapping (the ASan build checks).
TEST(ModelTest, DamagedPriorsNeverReadOutOfBounds) {
  TempDir d;
  const std::string bytes = ReadBytes(TrainTinyWithPriors(d));
  std::mt19937 rng(3);
  ModelOptions o;
  o.verify_checksums = false;
  int loaded = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::string bad = bytes;
    for (int k = 0; k < 4; ++k) bad[64 + rng() % (bad.size() - 64)] = static_cast<char>(rng());
    bad.replace(0, 64, bytes.substr(0, 64));
    auto m = Model::FromBytes(bad, "damaged", o);
    if (!m.ok() || !(*m)->has_priors()) continue;
    ++loaded;
    for (uint32_t a = 0; a < (*m)->vocab_size() + 2; ++a)
      for (uint32_t b = 0; b < (*m)->vocab_size() + 2; b += 7) (*m)->PriorLogProb(a, b);
  }
  EXPECT_GT(loaded, 0);
}

// Byte ranges covered by a checksum: header, table + metadata, each section.
std::vector<std::pair<uint64_t, uint64_t>> Covered(const std::string& b) {
  std::vector<std::pair<uint64_t, uint64_t>> r = {{0, 64}, {64, GetU64(b.data() + 24) + GetU64(b.data() + 32)}};
  for (uint32_t i = 0; i < GetU32(b.data() + 16); ++i) {
    uint64_t off = GetU64(b.data() + 64 + 48 * i + 16);
    r.push_back({off, off + GetU64(b.data() + 64 + 48 * i + 24)});
  }
  return r;
}

TEST(ModelTest, FlippedBytesAreCaughtUnlessInPadding) {
  TempDir d;
  std::string bytes = ReadBytes(TrainTiny(d));
  auto covered = Covered(bytes);
  std::mt19937 rng(1);
  // Every byte of the header, table and metadata; a spread sample of the rest.
  size_t meta_end = GetU64(bytes.data() + 24) + GetU64(bytes.data() + 32);
  size_t stride = std::max<size_t>(1, (bytes.size() - meta_end) / 1500);
  for (size_t i = 0; i < bytes.size(); i += i < meta_end ? 1 : stride) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ (1 + rng() % 255));
    std::string p = d.Write("flip.emlm", bad);
    auto m = Model::Open(p);
    bool in_checksum = std::any_of(covered.begin(), covered.end(), [&](auto& c) { return i >= c.first && i < c.second; });
    if (in_checksum) {
      ASSERT_FALSE(m.ok()) << "flip at " << i << " not detected";
      EXPECT_NE(m.status().message().find(p), std::string::npos) << m.status().message();
    } else {
      EXPECT_TRUE(m.ok()) << "flip in padding at " << i << ": " << m.status().message();
    }
  }
}

// Without checksum verification, damage inside sections must still never
// lead to a read outside the mapping (run under ASan in CI).
TEST(ModelTest, UnverifiedDamageNeverReadsOutOfBounds) {
  TempDir d;
  std::string bytes = ReadBytes(TrainTiny(d));
  auto parsed = ModelFile::Parse(bytes, true);
  ASSERT_TRUE(parsed.ok());
  std::mt19937 rng(2);
  ModelOptions o;
  o.verify_checksums = false;
  for (int trial = 0; trial < 300; ++trial) {
    std::string bad = bytes;
    for (int k = 0; k < 4; ++k) {
      size_t i = 64 + rng() % (bad.size() - 64);
      bad[i] = static_cast<char>(rng());
    }
    // Keep the header and table valid so that section contents are what is damaged.
    bad.replace(0, 64, bytes.substr(0, 64));
    std::string p = d.Write("dmg.emlm", bad);
    auto m = Model::Open(p, o);
    if (!m.ok()) continue;
    const Model& model = **m;
    uint32_t ctx[] = {model.Find("the"), model.Find("ship"), 12345};
    for (uint32_t w = 0; w < model.vocab_size() + 2; ++w) model.LogProb(ctx, 3, w);
    model.CharLogProb("captain");
    for (uint32_t id = 0; id < model.vocab_size(); ++id) model.Cases(id);
  }
}

TEST(ModelTest, TruncationAtEverySectionBoundaryIsAnError) {
  TempDir d;
  std::string bytes = ReadBytes(TrainTiny(d));
  std::vector<size_t> cuts = {0, 7, 63, 64, 100};
  for (uint32_t i = 0; i < GetU32(bytes.data() + 16); ++i) {
    uint64_t off = GetU64(bytes.data() + 64 + 48 * i + 16), size = GetU64(bytes.data() + 64 + 48 * i + 24);
    cuts.push_back(off);
    cuts.push_back(off + size / 2);
    cuts.push_back(off + size);
  }
  cuts.push_back(bytes.size() - 1);
  for (size_t cut : cuts) {
    if (cut >= bytes.size()) continue;
    std::string p = d.Write("cut.emlm", bytes.substr(0, cut));
    auto m = Model::Open(p);
    ASSERT_FALSE(m.ok()) << "cut at " << cut;
    EXPECT_EQ(m.status().code(), StatusCode::kCorrupt);
  }
}

TEST(ModelTest, WrongVersionAndMissingFileAreClearErrors) {
  TempDir d;
  std::string bytes = ReadBytes(TrainTiny(d));
  std::string v2 = bytes;
  v2[8] = 2;
  std::string hdr;
  PutU64(&hdr, util::Hash64(std::string_view(v2).substr(0, 56)));
  v2.replace(56, 8, hdr);
  auto m = Model::Open(d.Write("v2.emlm", v2));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("format version 2 is not supported"), std::string::npos) << m.status().message();
  auto missing = Model::Open(d.path("nope.emlm"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.emlm"), std::string::npos);
  auto text = Model::Open(d.Write("text.emlm", "hello, I am not a model\n"));
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("too short"), std::string::npos) << text.status().message();
}

TEST(ModelTest, UnusableCorpusIsReportedAndNoFileIsLeft) {
  TempDir d;
  d.Write("corpus/empty.txt", "");
  d.Write("corpus/binary.txt", std::string("\x00\x01\x02\xff\xfe", 5) + std::string(1000, '\0'));
  TrainReport r;
  std::string out = d.path("out.emlm");
  Status s = Train(TinyOptions(d), out, &r);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no usable text"), std::string::npos) << s.message();
  EXPECT_EQ(r.skipped_files, 2u);
  EXPECT_FALSE(fs::exists(out));
  for (const auto& e : fs::directory_iterator(d.path())) EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos);
  // Invalid UTF-8 inside otherwise good text is skipped and counted.
  d.Write("corpus/mixed.txt", std::string(kBook) + "caf\xff\xfe the ship.\n");
  s = Train(TinyOptions(d), out, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.invalid_bytes, 2u);
  EXPECT_EQ(r.skipped_files, 2u);
  EXPECT_TRUE(fs::exists(out));
}

TEST(ModelTest, IndexAddedLaterGivesTheSameAnswers) {
  TempDir d;
  std::string indexed = TrainTiny(d);
  TrainOptions o = TinyOptions(d);
  o.index = false;
  TrainReport r;
  ASSERT_TRUE(Train(o, d.path("bare.emlm"), &r).ok());
  std::string bare = ReadBytes(d.path("bare.emlm"));
  EXPECT_EQ(bare.find("word.k2.hash"), std::string::npos);
  ASSERT_TRUE(IndexModelFile(d.path("bare.emlm"), d.path("reindexed.emlm")).ok());
  EXPECT_NE(ReadBytes(d.path("reindexed.emlm")).find("word.k2.hash"), std::string::npos);
  auto a = Model::Open(indexed), b = Model::Open(d.path("reindexed.emlm")), c = Model::Open(d.path("bare.emlm"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  for (uint32_t u = 0; u < (*a)->vocab_size(); ++u)
    for (uint32_t w = 0; w < (*a)->vocab_size(); ++w) {
      uint32_t ctx[] = {u, w};
      for (uint32_t x : {0u, 3u, 5u, w}) {
        double want = (*a)->LogProb(ctx, 2, x);
        ASSERT_EQ((*b)->LogProb(ctx, 2, x), want);
        ASSERT_EQ((*c)->LogProb(ctx, 2, x), want);
      }
    }
  EXPECT_FALSE(IndexModelFile(d.path("missing.emlm"), d.path("x.emlm")).ok());
}

TEST(ModelTest, ExcludedFilesAreNotRead) {
  TempDir d;
  d.Write("corpus/a.txt", kBook);
  d.Write("corpus/held/out.txt", "zanzibar zanzibar zanzibar\n");
  TrainOptions o = TinyOptions(d);
  o.exclude = {"held/out.txt"};
  TrainReport r;
  ASSERT_TRUE(Train(o, d.path("m.emlm"), &r).ok());
  EXPECT_EQ(r.files, 1u);
  auto m = Model::Open(d.path("m.emlm"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)->Find("zanzibar"), Model::kUnknown);
}

}  // namespace
}  // namespace emend::model
