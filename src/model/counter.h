// Counts n-gram keys with bounded memory: keys collect in a buffer; a full
// buffer is sorted, reduced to (key, count) runs and spilled to a temporary
// file; Finish() merges the runs. Only the final distinct counts must fit.
#ifndef EMEND_MODEL_COUNTER_H_
#define EMEND_MODEL_COUNTER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "emend/status.h"

namespace emend::model {

using KeyCount = std::pair<uint64_t, uint64_t>;

class NgramCounter {
 public:
  // `buffer_keys`: keys held before a spill (8 bytes each). `temp_dir`: where
  // runs go ("" = $TMPDIR or /tmp).
  explicit NgramCounter(size_t buffer_keys = size_t{1} << 25, std::string temp_dir = "");
  ~NgramCounter();
  NgramCounter(const NgramCounter&) = delete;
  NgramCounter& operator=(const NgramCounter&) = delete;

  Status Add(uint64_t key) {
    buffer_.push_back(key);
    return buffer_.size() >= buffer_keys_ ? Spill() : Status::Ok();
  }
  // Sorted by key, counts summed. The counter is empty afterwards.
  StatusOr<std::vector<KeyCount>> Finish();
  size_t spills() const { return runs_.size(); }

 private:
  Status Spill();
  std::vector<KeyCount> SortBuffer();
  size_t buffer_keys_;
  std::string temp_dir_;
  std::vector<uint64_t> buffer_;
  std::vector<std::string> runs_;  // file paths
};

}  // namespace emend::model

#endif  // EMEND_MODEL_COUNTER_H_
