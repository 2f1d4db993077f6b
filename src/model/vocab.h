// The vocabulary sections (docs/model-format.md, "Vocabulary"): a builder
// that counts lower-cased words with their surface forms, and a mapped view.
#ifndef EMEND_MODEL_VOCAB_H_
#define EMEND_MODEL_VOCAB_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emend/status.h"
#include "model/file.h"

namespace emend::model {

constexpr int kMaxCaseVariants = 4;

class VocabBuilder {
 public:
  // Counts one occurrence of `lower` written as `surface`.
  void Add(std::string_view lower, std::string_view surface);
  // Assigns ids (reserved 0-2, then by decreasing count, ties by bytes) to
  // words seen at least `min_count` times, keeping at most `max_words`.
  void Finish(uint64_t min_count, uint32_t max_words);
  uint32_t Find(const std::string& lower) const;  // 0 (<unk>) if absent
  uint32_t size() const { return static_cast<uint32_t>(words_.size()); }
  const std::string& Word(uint32_t id) const { return words_[id]; }
  uint64_t distinct_seen() const { return surface_counts_.size(); }
  // Whether at least half of word `id`'s occurrences start with an ASCII capital.
  bool Capitalised(uint32_t id) const;
  Status AddSections(FileWriter* w) const;

 private:
  std::unordered_map<std::string, uint64_t> surface_counts_;  // surface -> count
  std::unordered_map<std::string, std::vector<std::string>> surfaces_of_;  // lower -> surfaces
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<std::vector<std::pair<std::string, uint64_t>>> cases_;
  std::unordered_map<std::string, uint32_t> ids_;
};

struct CaseForm {
  std::string_view form;
  double share = 0;  // of the word's count, 0..1 (8-bit precision)
};

class VocabView {
 public:
  static StatusOr<VocabView> Load(const ModelFile& f);
  uint32_t size() const { return size_; }
  uint32_t Find(std::string_view lower) const;
  std::string_view Word(uint32_t id) const;
  uint64_t Count(uint32_t id) const { return id < size_ ? counts_[id] : 0; }
  std::vector<CaseForm> Cases(uint32_t id) const;

 private:
  uint32_t size_ = 0;
  const char* strings_ = nullptr;
  const uint64_t* offsets_ = nullptr;
  const uint64_t* counts_ = nullptr;
  const uint32_t* hash_ = nullptr;
  uint64_t hash_mask_ = 0;
  const uint32_t* cases_ = nullptr;
  const uint32_t* casevars_ = nullptr;  // pairs of u32
  const char* casestr_ = nullptr;
};

}  // namespace emend::model

#endif  // EMEND_MODEL_VOCAB_H_
