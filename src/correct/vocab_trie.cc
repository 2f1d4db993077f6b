#include "correct/vocab_trie.h"

#include <algorithm>
#include <map>
#include <string>

#include "text/utf8.h"

namespace emend::correct {

VocabTrie::VocabTrie(const Model& m, uint64_t min_count) {
  // Build with sorted words breadth-agnostic: a node per distinct prefix,
  // edges collected per node, then flattened.
  std::vector<std::pair<std::u32string, uint32_t>> words;
  for (uint32_t id = 3; id < m.vocab_size(); ++id) {
    if (m.Count(id) < min_count) continue;
    std::u32string w = text::ToU32(m.Word(id));
    if (w.empty() || w[0] == U'<' || !text::IsLetter(w[0])) continue;
    words.emplace_back(std::move(w), id);
  }
  std::sort(words.begin(), words.end());
  std::vector<std::map<char32_t, uint32_t>> kids(1);
  std::vector<uint32_t> word(1, Model::kUnknown);
  for (const auto& [w, id] : words) {
    uint32_t n = kRoot;
    for (char32_t c : w) {
      auto it = kids[n].find(c);
      if (it == kids[n].end()) {
        uint32_t fresh = static_cast<uint32_t>(kids.size());
        kids[n][c] = fresh;
        kids.emplace_back();
        word.push_back(Model::kUnknown);
        n = fresh;
      } else {
        n = it->second;
      }
    }
    word[n] = id;
  }
  first_.reserve(kids.size() + 1);
  for (const auto& k : kids) {
    first_.push_back(static_cast<uint32_t>(label_.size()));
    for (const auto& [c, t] : k) {
      label_.push_back(c);
      target_.push_back(t);
    }
  }
  first_.push_back(static_cast<uint32_t>(label_.size()));
  word_ = std::move(word);
}

uint32_t VocabTrie::Child(uint32_t node, char32_t c) const {
  const uint32_t lo = first_[node], hi = first_[node + 1];
  if (hi - lo <= 8) {  // most nodes: a short scan beats a binary search
    for (uint32_t i = lo; i < hi; ++i)
      if (label_[i] == c) return target_[i];
    return kNone;
  }
  auto b = label_.begin() + lo, e = label_.begin() + hi;
  auto it = std::lower_bound(b, e, c);
  return it != e && *it == c ? target_[it - label_.begin()] : kNone;
}

}  // namespace emend::correct
