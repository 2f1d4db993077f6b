#include "model/vocab.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "model/trie.h"
#include "util/hash.h"

namespace emend::model {
namespace {

template <typename T>
StatusOr<SectionView> Sized(const ModelFile& f, const std::string& name, uint64_t want) {
  StatusOr<SectionView> s = f.Get(name, sizeof(T));
  if (!s.ok()) return s;
  if (want != UINT64_MAX && s->count() != want)
    return Status::Corrupt("section '" + name + "' has " + std::to_string(s->count()) + " entries, expected " +
                           std::to_string(want));
  return s;
}

}  // namespace

void VocabBuilder::Add(std::string_view lower, std::string_view surface) {
  auto [it, fresh] = surface_counts_.try_emplace(std::string(surface), 0);
  ++it->second;
  if (fresh) surfaces_of_[std::string(lower)].push_back(it->first);
}

void VocabBuilder::Finish(uint64_t min_count, uint32_t max_words) {
  struct W { std::string lower; uint64_t count; std::vector<std::pair<std::string, uint64_t>> cases; };
  std::vector<W> ws;
  for (auto& [lower, surfaces] : surfaces_of_) {
    W w{lower, 0, {}};
    for (const std::string& s : surfaces) {
      uint64_t c = surface_counts_[s];
      w.count += c;
      w.cases.emplace_back(s, c);
    }
    if (w.count < min_count) continue;
    std::sort(w.cases.begin(), w.cases.end(), [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (w.cases.size() > kMaxCaseVariants) w.cases.resize(kMaxCaseVariants);
    ws.push_back(std::move(w));
  }
  std::sort(ws.begin(), ws.end(), [](const W& a, const W& b) { return a.count != b.count ? a.count > b.count : a.lower < b.lower; });
  if (ws.size() + 3 > max_words) ws.resize(max_words > 3 ? max_words - 3 : 0);
  words_ = {"", "", ""};
  counts_ = {0, 0, 0};
  cases_.assign(3, {});
  for (W& w : ws) {
    ids_[w.lower] = static_cast<uint32_t>(words_.size());
    words_.push_back(std::move(w.lower));
    counts_.push_back(w.count);
    cases_.push_back(std::move(w.cases));
  }
  surface_counts_.clear();
  surfaces_of_.clear();
}

uint32_t VocabBuilder::Find(const std::string& lower) const {
  auto it = ids_.find(lower);
  return it == ids_.end() ? kUnk : it->second;
}

bool VocabBuilder::Capitalised(uint32_t id) const {
  uint64_t caps = 0;
  for (const auto& [form, c] : cases_[id])
    if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') caps += c;
  return 2 * caps >= counts_[id] && counts_[id] > 0;
}

Status VocabBuilder::AddSections(FileWriter* w) const {
  std::string strings, casestr;
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> case_off{0}, casevars;
  for (size_t id = 0; id < words_.size(); ++id) {
    strings += words_[id];
    offsets.push_back(strings.size());
    for (const auto& [form, c] : cases_[id]) {
      casevars.push_back(static_cast<uint32_t>(casestr.size()));
      uint32_t share = static_cast<uint32_t>(std::lround(255.0 * double(c) / double(std::max<uint64_t>(counts_[id], 1))));
      casevars.push_back(static_cast<uint32_t>(form.size()) << 8 | std::min<uint32_t>(share, 255));
      casestr += form;
    }
    case_off.push_back(static_cast<uint32_t>(casevars.size() / 2));
  }
  size_t slots = std::bit_ceil(std::max<size_t>(2 * words_.size(), 8));
  std::vector<uint32_t> hash(slots, 0);
  for (uint32_t id = 3; id < words_.size(); ++id) {
    size_t h = util::Hash64(words_[id]) & (slots - 1);
    while (hash[h] != 0) h = (h + 1) & (slots - 1);
    hash[h] = id + 1;
  }
  std::vector<Status> st{w->Add("vocab.strings", strings, 1), w->AddArray("vocab.offsets", offsets),
                         w->AddArray("vocab.counts", counts_), w->AddArray("vocab.hash", hash),
                         w->AddArray("vocab.cases", case_off), w->AddArray("vocab.casevars", casevars),
                         w->Add("vocab.casestr", casestr, 1)};
  for (const Status& s : st)
    if (!s.ok()) return s;
  return Status::Ok();
}

StatusOr<VocabView> VocabView::Load(const ModelFile& f) {
  VocabView v;
  auto counts = Sized<uint64_t>(f, "vocab.counts", UINT64_MAX);
  if (!counts.ok()) return counts.status();
  uint64_t n = counts->count();
  if (n < 3 || n > UINT32_MAX - 1) return Status::Corrupt("vocabulary size " + std::to_string(n) + " out of range");
  auto strings = Sized<char>(f, "vocab.strings", UINT64_MAX);
  auto offsets = Sized<uint64_t>(f, "vocab.offsets", n + 1);
  auto hash = Sized<uint32_t>(f, "vocab.hash", UINT64_MAX);
  auto cases = Sized<uint32_t>(f, "vocab.cases", n + 1);
  auto casevars = Sized<uint32_t>(f, "vocab.casevars", UINT64_MAX);
  auto casestr = Sized<char>(f, "vocab.casestr", UINT64_MAX);
  for (const auto* s : {&strings, &offsets, &hash, &cases, &casevars, &casestr})
    if (!s->ok()) return s->status();
  v.size_ = static_cast<uint32_t>(n);
  v.counts_ = reinterpret_cast<const uint64_t*>(counts->data);
  v.strings_ = strings->data;
  v.offsets_ = reinterpret_cast<const uint64_t*>(offsets->data);
  v.hash_ = reinterpret_cast<const uint32_t*>(hash->data);
  v.cases_ = reinterpret_cast<const uint32_t*>(cases->data);
  v.casevars_ = reinterpret_cast<const uint32_t*>(casevars->data);
  v.casestr_ = casestr->data;
  uint64_t slots = hash->count();
  if (slots < 2 || !std::has_single_bit(slots)) return Status::Corrupt("vocab.hash size is not a power of two");
  v.hash_mask_ = slots - 1;
  for (uint64_t i = 0; i < slots; ++i)
    if (v.hash_[i] > n) return Status::Corrupt("vocab.hash refers to an id out of range");
  for (uint64_t i = 0; i < n; ++i)
    if (v.offsets_[i] > v.offsets_[i + 1] || v.cases_[i] > v.cases_[i + 1])
      return Status::Corrupt("vocabulary offsets not monotone");
  if (casevars->count() % 2 != 0) return Status::Corrupt("vocab.casevars has an odd number of entries");
  uint64_t nvars = casevars->count() / 2;
  if (v.offsets_[0] != 0 || v.offsets_[n] != strings->size || v.cases_[0] != 0 || v.cases_[n] != nvars)
    return Status::Corrupt("vocabulary offsets do not match their pools");
  for (uint64_t i = 0; i < nvars; ++i) {
    uint64_t off = v.casevars_[2 * i], len = v.casevars_[2 * i + 1] >> 8;
    if (off > casestr->size || len > casestr->size - off) return Status::Corrupt("vocab.casevars out of bounds");
  }
  return v;
}

uint32_t VocabView::Find(std::string_view lower) const {
  if (lower.empty()) return kUnk;
  uint64_t h = util::Hash64(lower) & hash_mask_;
  for (uint64_t probes = 0; probes <= hash_mask_; ++probes, h = (h + 1) & hash_mask_) {
    uint32_t slot = hash_[h];
    if (slot == 0) return kUnk;
    if (Word(slot - 1) == lower) return slot - 1;
  }
  return kUnk;
}

std::string_view VocabView::Word(uint32_t id) const {
  if (id >= size_) return {};
  return {strings_ + offsets_[id], static_cast<size_t>(offsets_[id + 1] - offsets_[id])};
}

std::vector<CaseForm> VocabView::Cases(uint32_t id) const {
  std::vector<CaseForm> out;
  if (id >= size_) return out;
  for (uint32_t i = cases_[id]; i < cases_[id + 1]; ++i) {
    uint32_t off = casevars_[2 * i], packed = casevars_[2 * i + 1];
    out.push_back({std::string_view(casestr_ + off, packed >> 8), (packed & 0xFF) / 255.0});
  }
  return out;
}

}  // namespace emend::model
