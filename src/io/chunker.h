// Splits a byte stream into chunks that the passes can repair independently,
// so that memory stays bounded and chunks can go to several threads. Chunk
// boundaries depend only on the bytes, never on read sizes or thread count:
//  - the first blank line at or after kTarget bytes (passes never look across one);
//  - else the first line break at or after kTarget, within kMax;
//  - else the last space or UTF-8 boundary before kMax (a repair spanning
//    such a cut on a single line longer than kMax can be missed; nothing is lost).
#ifndef EMEND_IO_CHUNKER_H_
#define EMEND_IO_CHUNKER_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "emend/status.h"

namespace emend::io {

struct ChunkLimits {
  size_t target = 1 << 20;  // 1 MiB
  size_t max = 8 << 20;     // 8 MiB
};

// Length of the first chunk of `buf`; `eof` says no more bytes follow.
// Returns 0 if more input is needed to decide.
size_t ChooseSplit(std::string_view buf, bool eof, const ChunkLimits& limits);

class ChunkReader {
 public:
  explicit ChunkReader(std::FILE* f, ChunkLimits limits = {}) : f_(f), limits_(limits) {}
  // Sets *chunk to the next chunk; returns false at the end of input.
  StatusOr<bool> Next(std::string* chunk);
 private:
  std::FILE* f_;
  ChunkLimits limits_;
  std::string buf_;
  bool eof_ = false;
};

}  // namespace emend::io

#endif  // EMEND_IO_CHUNKER_H_
