// Fuzzes the edit-log parser (`emend apply --edits`): any bytes must give a
// log or a clean error; a parsed log is then applied and inverted against a
// fixed text, which must fail cleanly or round-trip.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "emend/log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  auto log = emend::ParseEditLog(json);
  if (!log.ok()) return 0;
  static constexpr std::string_view kText = "tHE kfb said,he was . To-day";
  auto out = emend::ApplyLog(kText, *log);
  if (!out.ok()) return 0;
  auto back = emend::InvertLog(*out, *log);
  if (back.ok() && *back != kText) std::abort();
  return 0;
}
