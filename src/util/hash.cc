#include "util/hash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace emend::util {

uint64_t Hash64(std::string_view b) { return XXH3_64bits(b.data(), b.size()); }

std::string Hex64(uint64_t v) {
  static const char* d = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = d[v & 15];
  return s;
}

Hasher::Hasher() : state_(XXH3_createState()) { XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_)); }
Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }
void Hasher::Update(std::string_view b) { XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), b.data(), b.size()); }
uint64_t Hasher::Digest() const { return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_)); }

}  // namespace emend::util
