// Fuzzes the model loader: any bytes give a model or a clean error; a model
// that loads (checksums off, so damaged contents get through to the
// structural checks) answers queries without reading outside its bytes.
#include <cstdint>
#include <string>

#include "emend/model.h"
#include "model/file.h"
#include "util/hash.h"

// Recomputes the header and table checksums so that mutations get past them
// and reach the structural checks of the sections.
static void FixChecksums(std::string* b) {
  using namespace emend::model;
  if (b->size() < kHeaderSize) return;
  std::string n;
  PutU64(&n, b->size());
  b->replace(40, 8, n);
  uint64_t table = GetU64(b->data() + 24), meta = GetU64(b->data() + 32);
  if (table == kHeaderSize && meta <= b->size() && table <= b->size() - meta) {
    std::string h;
    PutU64(&h, emend::util::Hash64(std::string_view(*b).substr(kHeaderSize, table + meta - kHeaderSize)));
    b->replace(48, 8, h);
  }
  std::string h;
  PutU64(&h, emend::util::Hash64(std::string_view(*b).substr(0, 56)));
  b->replace(56, 8, h);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  emend::ModelOptions o;
  o.verify_checksums = size % 2 == 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!o.verify_checksums) FixChecksums(&bytes);
  auto m = emend::Model::FromBytes(std::move(bytes), "fuzz", o);
  if (!m.ok()) return 0;
  const emend::Model& model = **m;
  uint32_t ctx[] = {1, 3, 4};
  for (uint32_t w = 0; w < model.vocab_size() + 1 && w < 64; ++w) model.LogProb(ctx, 3, w);
  std::vector<uint32_t> seq = {1, 3, 4, 5, 2};
  std::vector<double> out(seq.size());
  model.ScoreSequence(seq.data(), seq.size(), out.data());
  model.CharLogProb("word");
  model.Find("the");
  for (uint32_t id = 0; id < model.vocab_size() && id < 64; ++id) model.Cases(id);
  if (model.has_priors())
    for (uint32_t a = 0; a < model.vocab_size() + 1 && a < 64; ++a)
      for (uint32_t b = 0; b < model.vocab_size() + 1 && b < 64; ++b)
        if (model.PriorLogProb(a, b) > 0 && model.PriorListed(b)) __builtin_trap();  // log10 p <= 0
  return 0;
}
