// Fuzzes the word-prior list parser (emend model add-priors): any bytes, cut
// into a unigram and a bigram list, give sections or a clean error, and the
// sections written load and answer every lookup inside their arrays.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/file.h"
#include "model/priors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace emend::model;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t cut = in.find('\0');
  const std::string_view unigrams = in.substr(0, cut), bigrams = cut == in.npos ? "" : in.substr(cut + 1);
  constexpr uint32_t kVocab = 8;  // ids 3..7 for the words "a" .. "e"; others unknown
  auto find = [](std::string_view w) -> uint32_t {
    return w.size() == 1 && w[0] >= 'a' && w[0] <= 'e' ? 3 + (w[0] - 'a') : 0;
  };
  FileWriter w;
  if (!AddPriorSections(unigrams, bigrams, kVocab, find, &w).ok()) return 0;
  const std::string bytes = w.Serialize();  // the parsed file views these bytes
  auto file = ModelFile::Parse(bytes, true);
  if (!file.ok()) __builtin_trap();  // what the builder writes must load
  auto view = PriorsView::Load(*file, kVocab);
  if (!view.ok() || !view->has()) __builtin_trap();
  for (uint32_t a = 0; a <= kVocab; ++a)
    for (uint32_t b = 0; b <= kVocab; ++b) {
      const double lp = view->LogProb(a, b);
      if (!(lp <= 0 && lp >= -24)) __builtin_trap();
    }
  return 0;
}
