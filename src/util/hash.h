// Content hashes used in edit logs (and later model sections): XXH3-64,
// written as 16 lower-case hex digits.
#ifndef EMEND_UTIL_HASH_H_
#define EMEND_UTIL_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace emend::util {

uint64_t Hash64(std::string_view bytes);
std::string Hex64(uint64_t v);

// Incremental form, for streamed input.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void Update(std::string_view bytes);
  uint64_t Digest() const;
 private:
  void* state_;
};

}  // namespace emend::util

#endif  // EMEND_UTIL_HASH_H_
