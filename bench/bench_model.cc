// Language-model figures (issue 3): load time of the default model from a
// warm page cache, with and without checksum verification, and trigram
// scoring speed over the word sequence of the held-out books.
// Run: build/bench/bench_model [--benchmark_filter=...]
// The model: $EMEND_BENCH_MODEL, else build/share/emend/en.emlm.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "emend/model.h"
#include "text/lm_tokens.h"

namespace {

std::string ModelPath() {
  const char* env = std::getenv("EMEND_BENCH_MODEL");
  return env && *env ? env : EMEND_BUILD_DIR "/share/emend/en.emlm";
}

// Word ids of the held-out books (docs/heldout.txt), sentences delimited by
// <s> ... </s> as the model sees them.
const std::vector<uint32_t>& HeldoutIds(const emend::Model& m) {
  static std::vector<uint32_t> ids = [&] {
    std::vector<uint32_t> out;
    std::ifstream list(EMEND_SOURCE_DIR "/docs/heldout.txt");
    for (std::string line; std::getline(list, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::ifstream in(EMEND_SHARED_DIR "/corpus/gutenberg/" + line, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      emend::text::LmSentences(text, [&](const std::vector<emend::text::LmToken>& s) {
        out.push_back(emend::Model::kSentenceStart);
        for (const auto& t : s) out.push_back(m.Find(t.text));
        out.push_back(emend::Model::kSentenceEnd);
      });
    }
    return out;
  }();
  return ids;
}

void BM_Load(benchmark::State& state) {
  emend::ModelOptions o;
  o.verify_checksums = state.range(0) != 0;
  for (auto _ : state) {
    auto m = emend::Model::Open(ModelPath(), o);
    if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
    benchmark::DoNotOptimize(m->get());
  }
}
BENCHMARK(BM_Load)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_TrigramScoring(benchmark::State& state) {
  auto m = emend::Model::Open(ModelPath());
  if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
  const std::vector<uint32_t>& ids = HeldoutIds(**m);
  for (auto _ : state) {
    double sum = 0;
    for (size_t i = 2; i < ids.size(); ++i) sum += (*m)->LogProb(&ids[i - 2], 2, ids[i]);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ids.size() - 2));
}
BENCHMARK(BM_TrigramScoring)->Unit(benchmark::kMillisecond);

// The same probabilities through the left-to-right state (how the decoder and
// perplexity use the model).
void BM_TrigramScoringState(benchmark::State& state) {
  auto m = emend::Model::Open(ModelPath());
  if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
  const std::vector<uint32_t>& ids = HeldoutIds(**m);
  for (auto _ : state) {
    double sum = 0;
    emend::Model::State st = (*m)->NullContext();
    for (size_t i = 0; i < ids.size(); ++i) sum += (*m)->Score(st, ids[i], &st);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ids.size()));
}
BENCHMARK(BM_TrigramScoringState)->Unit(benchmark::kMillisecond);

// The same probabilities in batches of 4096 positions (Model::ScoreSequence).
void BM_TrigramScoringBatch(benchmark::State& state) {
  auto m = emend::Model::Open(ModelPath());
  if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
  const std::vector<uint32_t>& ids = HeldoutIds(**m);
  std::vector<double> out(ids.size());
  std::vector<int64_t> scratch;
  const size_t batch = 4096;
  for (auto _ : state) {
    for (size_t i = 0; i < ids.size(); i += batch)
      (*m)->ScoreSequence(ids.data() + i, std::min(batch, ids.size() - i), out.data() + i, &scratch);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ids.size()));
}
BENCHMARK(BM_TrigramScoringBatch)->Unit(benchmark::kMillisecond);

// (state, word) pairs in batches of 64, as the corrector scores its
// candidates (Model::ScoreBatch): the states are the left-to-right states of
// the held-out text, so the answers equal BM_TrigramScoringState's.
void BM_TrigramScoringStateBatch(benchmark::State& state) {
  auto m = emend::Model::Open(ModelPath());
  if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
  const std::vector<uint32_t>& ids = HeldoutIds(**m);
  std::vector<emend::Model::State> before(ids.size()), after(ids.size());
  emend::Model::State st = (*m)->NullContext();
  for (size_t i = 0; i < ids.size(); ++i) {
    before[i] = st;
    (*m)->Score(st, ids[i], &st);
  }
  std::vector<double> out(ids.size());
  std::vector<int64_t> scratch;
  const size_t batch = 64;
  for (auto _ : state) {
    for (size_t i = 0; i < ids.size(); i += batch) {
      const size_t n = std::min(batch, ids.size() - i);
      (*m)->ScoreBatch(before.data() + i, ids.data() + i, n, out.data() + i, after.data() + i, &scratch);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ids.size()));
}
BENCHMARK(BM_TrigramScoringStateBatch)->Unit(benchmark::kMillisecond);

void BM_CharScoring(benchmark::State& state) {
  auto m = emend::Model::Open(ModelPath());
  if (!m.ok()) { state.SkipWithError(m.status().message().c_str()); return; }
  const std::vector<uint32_t>& ids = HeldoutIds(**m);
  std::vector<std::string> words;
  for (size_t i = 0; i < ids.size() && words.size() < 100000; ++i)
    if (ids[i] > 2) words.emplace_back((*m)->Word(ids[i]));
  for (auto _ : state) {
    double sum = 0;
    for (const auto& w : words) sum += (*m)->CharLogProb(w);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(words.size()));
}
BENCHMARK(BM_CharScoring)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
