#include "emend/status.h"

namespace emend {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: name = "invalid argument"; break;
    case StatusCode::kNotFound: name = "not found"; break;
    case StatusCode::kCorrupt: name = "corrupt"; break;
    case StatusCode::kMismatch: name = "mismatch"; break;
    case StatusCode::kIOError: name = "I/O error"; break;
    case StatusCode::kUnimplemented: name = "unimplemented"; break;
    case StatusCode::kInternal: name = "internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace emend
