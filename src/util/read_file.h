// Reading a whole file into memory, for the library's loaders (corpus
// texts, frequency lists); the CLI has its own ReadFile, which also reads
// stdin.
#ifndef EMEND_UTIL_READ_FILE_H_
#define EMEND_UTIL_READ_FILE_H_

#include <string>

#include "emend/status.h"

namespace emend::util {

// The bytes of `path`; IOError "PATH: cannot read" or "PATH: read error".
StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace emend::util

#endif  // EMEND_UTIL_READ_FILE_H_
