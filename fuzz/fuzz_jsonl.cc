// Fuzzes the JSONL path: any line gives an output line, and a line that is not
// fixed passes through byte for byte.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "emend/emend.h"
#include "fuzz_engine.h"
#include "io/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  if (line.find('\n') != std::string_view::npos) return 0;
  std::string out;
  emend::FixStats stats;
  emend::io::JsonlOptions jo;
  jo.codepoint_offsets = size % 2 == 1;
  auto outcome = emend::io::FixJsonlLine(FuzzEngine(), emend::FixOptions{}, jo, line, &out, &stats);
  if (outcome != emend::io::LineOutcome::kFixed && out != line) std::abort();
  return 0;
}
