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

// The target is small enough that --threads 2 stays busy to the end (6.4 MB
// of OCR: 1.52x faster than one thread with 1 MiB chunks, 1.80x with 256
// KiB; BENCHMARKS.md) and large enough for the corrector's and the gap
// scan's whole-text statistics (a 256 KiB chunk holds some 40,000 words).
struct ChunkLimits {
  size_t target = 256 << 10;  // 256 KiB
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
