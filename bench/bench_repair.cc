// Throughput of the deterministic passes over corpus text already in memory
// (issue 2: >= 50 MB/s on one core). Run: build/bench/bench_repair
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "emend/emend.h"

namespace {

const std::string& Corpus() {
  static std::string text = [] {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (auto& p : fs::recursive_directory_iterator(EMEND_SHARED_DIR "/corpus/gutenberg"))
      if (p.path().extension() == ".txt") files.push_back(p.path().string());
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
      if (all.size() > (64u << 20)) break;
    }
    return all;
  }();
  return text;
}

void BM_FixCorpus(benchmark::State& state) {
  auto engine = std::move(emend::Engine::Create(emend::EngineOptions{})).value();
  const std::string& text = Corpus();
  const size_t chunk = 256 << 10;  // as the CLI feeds it (io::ChunkLimits)
  for (auto _ : state) {
    size_t edits = 0;
    for (size_t i = 0; i < text.size(); i += chunk)
      edits += engine->Fix(std::string_view(text).substr(i, chunk), emend::FixOptions{}).edits.size();
    benchmark::DoNotOptimize(edits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FixCorpus)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
