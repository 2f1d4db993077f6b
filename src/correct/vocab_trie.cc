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
    keyed.reserve(hi - lo);
    for (size_t i = lo; i < hi; ++i) keyed.emplace_back(Key(order[i], depth), order[i]);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = lo; i < hi; ++i) order[i] = keyed[i - lo].second;
  }
  std::vector<std::pair<uint64_t, uint32_t>> keyed;  // SortRange's scratch: the range's keys, sorted
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
  if (hi - lo == 1) return Chain(w, lo, depth, cells);
  w->SortRange(lo, hi, depth);  // leaves the sorted keys in w->keyed
  const auto& keyed = w->keyed;
  auto ends_here = [&](size_t i) { return keyed[i - lo].first < (uint64_t{1} << 32); };
  auto label = [&](size_t i) { return static_cast<uint32_t>((keyed[i - lo].first >> 32) - 1); };
  uint32_t id = Model::kUnknown;
  size_t from = lo;
  if (from < hi && ends_here(from)) id = w->Id(from);  // the prefix itself (smallest id) comes first
  while (from < hi && ends_here(from)) ++from;        // and any other word spelt the same
  cells->push_back(id);
  cells->push_back(0);
  for (size_t i = from; i < hi; ++i)
    if (i == from || label(i) != label(i - 1)) cells->push_back(label(i));
  const uint32_t k = static_cast<uint32_t>(cells->size() - node - 2);
  (*cells)[node + 1] = k;
  // Each child's range end, kept in its child slot until the child is built
  // (the children's sorts reuse w->keyed).
  for (size_t i = from + 1; i <= hi; ++i)
    if (i == hi || label(i) != label(i - 1)) cells->push_back(static_cast<uint32_t>(i));
  cells->resize(cells->size() + (k > kScan ? 128 : 0), kNone);
  for (uint32_t c = 0; c < k; ++c) {
    const uint32_t end = (*cells)[node + 2 + k + c];
    const uint32_t child = Build(w, from, end, depth + 1, cells);
    (*cells)[node + 2 + k + c] = child;
    const uint32_t l = (*cells)[node + 2 + c];
    if (k > kScan && l < 128) (*cells)[node + 2 + 2 * k + l] = child;
    from = end;
  }
  return node;
}

// The nodes below a range of one word: one child each down to its end.
uint32_t VocabTrie::Chain(Flat* w, size_t i, size_t depth, std::vector<uint32_t>* cells) {
  const uint32_t node = static_cast<uint32_t>(cells->size());
  const std::u32string_view word = w->Word(i);
  for (size_t d = depth; d < word.size(); ++d) {
    const uint32_t at = static_cast<uint32_t>(cells->size());
    cells->insert(cells->end(), {Model::kUnknown, 1, static_cast<uint32_t>(word[d]), at + 4});
  }
  cells->insert(cells->end(), {w->Id(i), 0});
  return node;
}

uint32_t VocabTrie::Search(const uint32_t* labels, uint32_t k, char32_t c) {
  const uint32_t* it = std::lower_bound(labels, labels + k, static_cast<uint32_t>(c));
  return it != labels + k && *it == c ? it[k] : kNone;
}

}  // namespace emend::correct
