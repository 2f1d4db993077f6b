#include "correct/vocab_trie.h"

#include <algorithm>

#include "text/utf8.h"

namespace emend::correct {

struct VocabTrie::Flat {
  std::u32string chars;
  std::vector<uint32_t> start{0}, id;  // word k: chars [start[k], start[k + 1]), id[k]
  std::vector<uint32_t> order;      // word indexes; Build orders each range it is given
  std::u32string_view Word(size_t i) const {
    const uint32_t k = order[i];
    return std::u32string_view(chars).substr(start[k], start[k + 1] - start[k]);
  }
  uint32_t Id(size_t i) const { return id[order[i]]; }
  void Add(std::u32string_view w, uint32_t word_id);
  // The sort key of word k at `depth`: a word that ends there first (by id:
  // the smallest id of a spelling listed twice wins), then by its code point
  // there (a most-significant-digit radix sort, one depth per trie level).
  uint64_t Key(uint32_t k, size_t depth) const {
    const size_t len = start[k + 1] - start[k];
    return len == depth ? id[k] : (uint64_t{chars[start[k] + depth]} + 1) << 32;
  }
  // Sorts the range by Key, each key read once into `keyed` (sorting the
  // keys beside their indexes, not re-reading three scattered arrays at
  // every comparison). Words with equal keys share the next code point, so
  // their order is settled at the next depth.
  void SortRange(size_t lo, size_t hi, size_t depth) {
    keyed.clear();
    for (size_t i = lo; i < hi; ++i) keyed.emplace_back(Key(order[i], depth), order[i]);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = lo; i < hi; ++i) order[i] = keyed[i - lo].second;
  }
  std::vector<std::pair<uint64_t, uint32_t>> keyed;  // SortRange's scratch
};

void VocabTrie::Flat::Add(std::u32string_view w, uint32_t word_id) {
  chars += w;
  start.push_back(static_cast<uint32_t>(chars.size()));
  id.push_back(word_id);
}

VocabTrie::VocabTrie(const Model& m, uint64_t min_count) {
  Flat f;
  for (uint32_t id = 3; id < m.vocab_size(); ++id) {
    if (m.Count(id) < min_count) continue;
    std::u32string w = text::ToU32(m.Word(id));
    if (w.empty() || w[0] == U'<' || !text::IsLetter(w[0])) continue;
    f.Add(w, id);
  }
  Init(&f);
}

VocabTrie::VocabTrie(Words words) {
  Flat f;
  for (const auto& [w, id] : words) f.Add(w, id);
  Init(&f);
}

void VocabTrie::Init(Flat* f) {
  f->order.resize(f->id.size());
  for (uint32_t k = 0; k < f->order.size(); ++k) f->order[k] = k;
  Build(f, 0, f->order.size(), 0, &prefixes_);
  // The same words reversed, in place: each word's code points stay at its offsets.
  for (size_t k = 0; k + 1 < f->start.size(); ++k)
    std::reverse(f->chars.begin() + f->start[k], f->chars.begin() + f->start[k + 1]);
  Build(f, 0, f->order.size(), 0, &suffixes_);
}

uint32_t VocabTrie::Build(Flat* w, size_t lo, size_t hi, size_t depth, std::vector<uint32_t>* cells) {
  const uint32_t node = static_cast<uint32_t>(cells->size());
  w->SortRange(lo, hi, depth);
  uint32_t id = Model::kUnknown;
  if (lo < hi && w->Word(lo).size() == depth) id = w->Id(lo);  // the prefix itself (smallest id) comes first
  while (lo < hi && w->Word(lo).size() == depth) ++lo;          // and any other word spelt the same
  auto starts = [&](size_t i) { return i == lo || w->Word(i)[depth] != w->Word(i - 1)[depth]; };
  uint32_t k = 0;  // a child per distinct next code point
  for (size_t i = lo; i < hi; ++i) k += starts(i);
  cells->push_back(id);
  cells->push_back(k);
  for (size_t i = lo; i < hi; ++i)
    if (starts(i)) cells->push_back(static_cast<uint32_t>(w->Word(i)[depth]));
  cells->resize(cells->size() + k + (k > kScan ? 128 : 0), kNone);
  for (uint32_t c = 0; lo < hi; ++c) {
    size_t end = lo + 1;
    while (end < hi && !starts(end)) ++end;
    const char32_t label = w->Word(lo)[depth];
    const uint32_t child = Build(w, lo, end, depth + 1, cells);
    (*cells)[node + 2 + k + c] = child;
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
