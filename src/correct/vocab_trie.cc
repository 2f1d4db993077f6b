#include "correct/vocab_trie.h"

#include <algorithm>

#include "text/utf8.h"

namespace emend::correct {
namespace {

std::vector<std::pair<std::u32string, uint32_t>> ModelWords(const Model& m, uint64_t min_count) {
  std::vector<std::pair<std::u32string, uint32_t>> words;
  for (uint32_t id = 3; id < m.vocab_size(); ++id) {
    if (m.Count(id) < min_count) continue;
    std::u32string w = text::ToU32(m.Word(id));
    if (w.empty() || w[0] == U'<' || !text::IsLetter(w[0])) continue;
    words.emplace_back(std::move(w), id);
  }
  return words;
}

}  // namespace

VocabTrie::VocabTrie(const Model& m, uint64_t min_count) : VocabTrie(ModelWords(m, min_count)) {}

VocabTrie::VocabTrie(Words words) {
  auto sorted = [](Words* w) {
    std::sort(w->begin(), w->end());
    w->erase(std::unique(w->begin(), w->end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             w->end());
  };
  sorted(&words);
  Build(words, 0, words.size(), 0, &prefixes_);
  for (auto& [w, id] : words) std::reverse(w.begin(), w.end());
  sorted(&words);
  Build(words, 0, words.size(), 0, &suffixes_);
}

uint32_t VocabTrie::Build(const Words& w, size_t lo, size_t hi, size_t depth, std::vector<uint32_t>* cells) {
  const uint32_t node = static_cast<uint32_t>(cells->size());
  uint32_t id = Model::kUnknown;
  if (lo < hi && w[lo].first.size() == depth) id = w[lo++].second;  // sorted: the prefix itself comes first
  auto starts = [&](size_t i) { return i == lo || w[i].first[depth] != w[i - 1].first[depth]; };
  uint32_t k = 0;  // a child per distinct next code point
  for (size_t i = lo; i < hi; ++i) k += starts(i);
  cells->push_back(id);
  cells->push_back(k);
  for (size_t i = lo; i < hi; ++i)
    if (starts(i)) cells->push_back(static_cast<uint32_t>(w[i].first[depth]));
  cells->resize(cells->size() + k + (k > kScan ? 128 : 0), kNone);
  for (uint32_t c = 0; lo < hi; ++c) {
    size_t end = lo + 1;
    while (end < hi && !starts(end)) ++end;
    const uint32_t child = Build(w, lo, end, depth + 1, cells);
    (*cells)[node + 2 + k + c] = child;
    const char32_t label = w[lo].first[depth];
    if (k > kScan && label < 128) (*cells)[node + 2 + 2 * k + label] = child;
    lo = end;
  }
  return node;
}

uint32_t VocabTrie::Search(const uint32_t* labels, uint32_t k, char32_t c) {
  const uint32_t* it = std::lower_bound(labels, labels + k, static_cast<uint32_t>(c));
  return it != labels + k && *it == c ? it[k] : kNone;
}

}  // namespace emend::correct
