#include "model/priors.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "model/vocab.h"
#include "util/read_file.h"

namespace emend::model {
namespace {

constexpr double kLo = -12.0;                     // quantised range [kLo, 0]
constexpr double kStep = 12.0 / 65534.0;          // q = 1 .. 65535; 0 = none

uint16_t Quantize(double lp) {
  return static_cast<uint16_t>(1 + std::lround((std::clamp(lp, kLo, 0.0) - kLo) / kStep));
}
double Dequantize(uint16_t q) { return kLo + (q - 1) * kStep; }

// One list line split on spaces: `fields` words, then a count. A UTF-8
// byte-order mark before the first line is skipped.
struct ListLine {
  std::string_view words[2];
  uint64_t count = 0;
};

Status ParseLine(std::string_view line, int fields, const char* list, size_t number, ListLine* out) {
  auto bad = [&] { return Status::InvalidArgument(std::string(list) + " list, line " + std::to_string(number) +
                                                  ": expected " + (fields == 1 ? "'word count'" : "'word1 word2 count'")); };
  for (int i = 0; i <= fields; ++i) {
    size_t sp = line.find(' ');
    std::string_view field = i < fields ? line.substr(0, sp) : line;
    if (field.empty() || (i < fields && sp == std::string_view::npos)) return bad();
    if (i < fields) {
      out->words[i] = field;
      line.remove_prefix(sp + 1);
    } else if (auto r = std::from_chars(field.data(), field.data() + field.size(), out->count);
               r.ec != std::errc() || r.ptr != field.data() + field.size() || out->count == 0) {
      return bad();
    }
  }
  return Status::Ok();
}

// Calls `f` on each parsed line of `text`; stops at the first error.
Status ForEachLine(std::string_view text, int fields, const char* list,
                   const std::function<void(const ListLine&)>& f) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    ListLine l;
    if (Status s = ParseLine(line, fields, list, number, &l); !s.ok()) return s;
    f(l);
  }
  return Status::Ok();
}

// Pair ranges are monotone, cover `prior.ids`, and hold increasing ids below V.
Status CheckPairs(const uint32_t* child, const uint32_t* ids, uint32_t vocab, uint64_t pairs) {
  if (child[0] != 0 || child[vocab] != pairs) return Status::Corrupt("prior.child does not cover prior.ids");
  for (uint32_t v = 0; v < vocab; ++v) {
    if (child[v] > child[v + 1]) return Status::Corrupt("prior.child not monotone");
    for (uint32_t k = child[v]; k < child[v + 1]; ++k)
      if (ids[k] >= vocab || (k > child[v] && ids[k] <= ids[k - 1]))
        return Status::Corrupt("prior.ids out of range or out of order");
  }
  return Status::Ok();
}

}  // namespace

Status AddPriorSections(std::string_view unigrams, std::string_view bigrams, uint32_t vocab_size,
                        const std::function<uint32_t(std::string_view)>& find, FileWriter* w) {
  std::vector<uint64_t> count(vocab_size, 0);
  double total = 0;
  uint64_t least = UINT64_MAX;
  Status s = ForEachLine(unigrams, 1, "unigram", [&](const ListLine& l) {
    total += static_cast<double>(l.count);
    least = std::min(least, l.count);
    if (uint32_t id = find(l.words[0]); id != 0 && id < vocab_size) count[id] += l.count;
  });
  if (!s.ok()) return s;
  if (total == 0) return Status::InvalidArgument("unigram list is empty");
  std::vector<std::pair<uint64_t, uint16_t>> pairs;  // (first << 32 | second, quantised lp)
  uint64_t least_pair = UINT64_MAX;
  s = ForEachLine(bigrams, 2, "bigram", [&](const ListLine& l) {
    least_pair = std::min(least_pair, l.count);
    uint32_t a = find(l.words[0]), b = find(l.words[1]);
    if (a == 0 || b == 0 || a >= vocab_size || b >= vocab_size || count[a] == 0) return;
    pairs.emplace_back(uint64_t{a} << 32 | b, Quantize(std::log10(double(l.count) / double(count[a]))));
  });
  if (!s.ok()) return s;
  std::sort(pairs.begin(), pairs.end());  // a duplicate pair keeps its first (lowest) entry
  pairs.erase(std::unique(pairs.begin(), pairs.end(), [](auto& x, auto& y) { return x.first == y.first; }), pairs.end());
  std::vector<uint16_t> uni(vocab_size, 0), prob;
  std::vector<uint32_t> child(size_t{vocab_size} + 1, 0), ids;
  for (uint32_t id = 0; id < vocab_size; ++id)
    if (count[id]) uni[id] = Quantize(std::log10(double(count[id]) / total));
  for (const auto& [key, q] : pairs) {
    ++child[(key >> 32) + 1];
    ids.push_back(static_cast<uint32_t>(key));
    prob.push_back(q);
  }
  for (uint32_t v = 0; v < vocab_size; ++v) child[v + 1] += child[v];
  // Clamped into the range readers accept (lists whose pair counts exceed
  // their word counts would give a share above 1).
  const double floor = std::clamp(std::log10(double(least) / 2 / total), kLo, 0.0);
  const double absent = pairs.empty() ? floor : std::clamp(std::log10(double(least_pair) / 2 / total), kLo, 0.0);
  std::string info;
  PutF32(&info, static_cast<float>(floor));
  PutF32(&info, static_cast<float>(absent));
  for (Status t : {w->Add("prior.info", info, 4), w->AddArray("prior.uni", uni), w->AddArray("prior.child", child),
                   w->AddArray("prior.ids", ids), w->AddArray("prior.prob", prob)})
    if (!t.ok()) return t;
  return Status::Ok();
}

Status AddPriorsToModel(const std::string& path, const std::string& unigrams_path, const std::string& bigrams_path) {
  auto uni = util::ReadWholeFile(unigrams_path);
  if (!uni.ok()) return uni.status();
  auto bi = util::ReadWholeFile(bigrams_path);
  if (!bi.ok()) return bi.status();
  return RewriteModel(path, path, "prior.", [&](const ModelFile& f, FileWriter* w) {
    auto v = VocabView::Load(f);
    if (!v.ok()) return v.status();
    Status s = AddPriorSections(*uni, *bi, v->size(), [&](std::string_view word) { return v->Find(word); }, w);
    return s.ok() ? s : Status(s.code(), (s.message().starts_with("unigram") ? unigrams_path : bigrams_path) + ": " + s.message());
  });
}

StatusOr<PriorsView> PriorsView::Load(const ModelFile& f, uint32_t vocab_size) {
  PriorsView p;
  const char* names[] = {"prior.info", "prior.uni", "prior.child", "prior.ids", "prior.prob"};
  int present = 0;
  for (const char* n : names) present += f.Has(n);
  if (present == 0) return p;
  if (present != 5) return Status::Corrupt("prior.* sections incomplete");
  auto info = SectionArray<uint32_t>(f, "prior.info", 2);
  if (!info.ok()) return info.status();
  p.floor_ = ReadF32(reinterpret_cast<const char*>(*info));
  p.absent_ = ReadF32(reinterpret_cast<const char*>(*info) + 4);
  if (!(p.floor_ >= kLo && p.floor_ <= 0 && p.absent_ >= kLo && p.absent_ <= 0))
    return Status::Corrupt("prior.info out of range");
  auto uni = SectionArray<uint16_t>(f, "prior.uni", vocab_size);
  if (!uni.ok()) return uni.status();
  auto child = SectionArray<uint32_t>(f, "prior.child", uint64_t{vocab_size} + 1);
  if (!child.ok()) return child.status();
  StatusOr<SectionView> ids = f.Get("prior.ids", 4);
  if (!ids.ok()) return ids.status();
  auto prob = SectionArray<uint16_t>(f, "prior.prob", ids->count());
  if (!prob.ok()) return prob.status();
  const auto* id_array = reinterpret_cast<const uint32_t*>(ids->data);
  if (Status s = CheckPairs(*child, id_array, vocab_size, ids->count()); !s.ok()) return s;
  p.vocab_ = vocab_size;
  p.uni_ = *uni;
  p.child_ = *child;
  p.ids_ = id_array;
  p.prob_ = *prob;
  return p;
}

double PriorsView::Unigram(uint32_t id) const {
  return id < vocab_ && uni_[id] ? Dequantize(uni_[id]) : floor_;
}

double PriorsView::LogProb(uint32_t v, uint32_t w) const {
  const double pw = Unigram(w);
  if (v == 0 || v >= vocab_ || uni_[v] == 0) return pw;
  const uint32_t* first = ids_ + child_[v];
  const uint32_t* last = ids_ + child_[v + 1];
  const uint32_t* it = std::lower_bound(first, last, w);
  if (it != last && *it == w) return Dequantize(prob_[it - ids_]);
  return std::min(pw, absent_ - Dequantize(uni_[v]));
}

}  // namespace emend::model
