#include "edit/combine.h"

#include <algorithm>

#include "text/utf8.h"

namespace emend::edit {
namespace {

using text::DecodeAt;

// A cluster being composed: the text of original span [start, end) after the
// proposals applied so far, plus which original sub-spans they replaced.
struct Cluster {
  uint64_t start = 0, end = 0;
  std::string text;
  struct Piece { uint64_t ostart, oend, nstart, nlen; };
  std::vector<Piece> applied;  // in original order
  Edit merged;
};

// Maps an original offset outside any applied piece to an offset in c.text.
uint64_t MapOffset(const Cluster& c, uint64_t orig) {
  int64_t delta = 0;
  for (const auto& p : c.applied)
    if (p.oend <= orig) delta += static_cast<int64_t>(p.nlen) - static_cast<int64_t>(p.oend - p.ostart);
  return orig - c.start + delta;
}

bool Intersects(const Cluster& c, const Edit& e) {
  for (const auto& p : c.applied)
    if (e.start < p.oend && p.ostart < e.end) return true;
  return false;
}

void Record(Cluster* c, const Edit& e, uint64_t nstart) {
  Cluster::Piece piece{e.start, e.end, nstart, e.after.size()};
  auto it = std::find_if(c->applied.begin(), c->applied.end(),
                         [&](const Cluster::Piece& p) { return p.ostart > e.start; });
  for (auto j = it; j != c->applied.end(); ++j) j->nstart += e.after.size() - (e.end - e.start);
  c->applied.insert(it, piece);
}

void Join(Edit* m, const Edit& e) {
  m->kinds |= e.kinds;
  m->confidence = std::min(m->confidence, e.confidence);
  if (m->rule.find(e.rule) == std::string::npos) m->rule += "+" + e.rule;
  if (m->note.find(e.note) == std::string::npos) m->note += "; " + e.note;
}

// Case-only edit over text already changed: re-apply its case pattern to the
// extent of the changed pieces it touches.
void ApplyCaseOver(Cluster* c, const Edit& e) {
  uint64_t lo = UINT64_MAX, hi = 0;
  for (const auto& p : c->applied) {
    if (!(e.start < p.oend && p.ostart < e.end)) continue;
    lo = std::min(lo, p.nstart);
    hi = std::max(hi, p.nstart + p.nlen);
  }
  auto inside = [&](uint64_t o) {
    for (const auto& p : c->applied)
      if (p.ostart < o && o < p.oend) return true;
    return false;
  };
  if (!inside(e.start)) lo = std::min(lo, MapOffset(*c, e.start));
  if (!inside(e.end)) hi = std::max(hi, MapOffset(*c, e.end));
  std::string region = c->text.substr(lo, hi - lo);
  c->text.replace(lo, hi - lo, TransferCase(region, e.after));
  Join(&c->merged, e);
}

bool ApplyToCluster(Cluster* c, const Edit& e) {
  if (!Intersects(*c, e)) {
    uint64_t at = MapOffset(*c, e.start);
    c->text.replace(at, e.end - e.start, e.after);
    Record(c, e, at);
    Join(&c->merged, e);
    return true;
  }
  if ((e.kinds & kCase) && IsCaseOnly(e.before, e.after)) {
    ApplyCaseOver(c, e);
    return true;
  }
  return false;
}

// Composes the proposals of one overlap cluster (sorted by rank) into one edit.
Edit Compose(std::string_view input, uint64_t start, uint64_t end,
             std::vector<const Proposal*> members, CombineStats* stats) {
  std::stable_sort(members.begin(), members.end(),
                   [](const Proposal* a, const Proposal* b) { return a->rank < b->rank; });
  Cluster c;
  c.start = start;
  c.end = end;
  c.text = std::string(input.substr(start, end - start));
  c.merged = members[0]->edit;
  c.merged.kinds = 0;
  c.merged.rule.clear();
  c.merged.note.clear();
  for (const Proposal* p : members) {
    if (c.merged.kinds == 0) {
      uint64_t at = p->edit.start - start;
      c.text.replace(at, p->edit.end - p->edit.start, p->edit.after);
      Record(&c, p->edit, at);
      c.merged.kinds = p->edit.kinds;
      c.merged.rule = p->edit.rule;
      c.merged.note = p->edit.note;
      c.merged.confidence = p->edit.confidence;
    } else if (!ApplyToCluster(&c, p->edit) && stats) {
      ++stats->dropped;
    }
  }
  if (members.size() > 1 && stats) ++stats->merged;
  Edit out = c.merged;
  out.start = start;
  out.end = end;
  out.before = std::string(input.substr(start, end - start));
  out.after = std::move(c.text);
  return out;
}

}  // namespace

bool IsCaseOnly(std::string_view before, std::string_view after) {
  size_t i = 0, j = 0;
  while (i < before.size() && j < after.size()) {
    char32_t a, b;
    size_t la = DecodeAt(before, i, &a), lb = DecodeAt(after, j, &b);
    if (!la || !lb) return false;
    if (a != b && text::ToLower(a) != text::ToLower(b)) return false;
    i += la;
    j += lb;
  }
  return i == before.size() && j == after.size();
}

std::string TransferCase(std::string_view text, std::string_view pattern) {
  std::vector<int> cases;  // +1 upper, -1 lower
  for (size_t i = 0; i < pattern.size();) {
    char32_t c;
    size_t l = DecodeAt(pattern, i, &c);
    if (!l) { ++i; continue; }
    if (text::IsUpper(c)) cases.push_back(1);
    else if (text::IsLower(c)) cases.push_back(-1);
    i += l;
  }
  if (cases.empty()) return std::string(text);
  std::string out;
  size_t k = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t c;
    size_t l = DecodeAt(text, i, &c);
    if (!l) { out.push_back(text[i++]); continue; }
    if (text::IsUpper(c) || text::IsLower(c)) {
      int want = cases[std::min(k++, cases.size() - 1)];
      c = want > 0 ? text::ToUpper(c) : text::ToLower(c);
    }
    text::AppendUtf8(c, &out);
    i += l;
  }
  return out;
}

std::vector<Edit> Combine(std::string_view input, std::vector<Proposal> proposals,
                          CombineStats* stats) {
  std::vector<Proposal> inserts, spans;
  for (auto& p : proposals) (p.edit.start == p.edit.end ? inserts : spans).push_back(std::move(p));
  auto by_start = [](const Proposal& a, const Proposal& b) {
    return a.edit.start != b.edit.start ? a.edit.start < b.edit.start : a.rank < b.rank;
  };
  std::stable_sort(spans.begin(), spans.end(), by_start);
  std::vector<Edit> out;
  for (size_t i = 0; i < spans.size();) {
    uint64_t start = spans[i].edit.start, end = spans[i].edit.end;
    std::vector<const Proposal*> members{&spans[i]};
    size_t j = i + 1;
    for (; j < spans.size() && spans[j].edit.start < end; ++j) {
      members.push_back(&spans[j]);
      end = std::max(end, spans[j].edit.end);
    }
    out.push_back(members.size() == 1 ? members[0]->edit
                                      : Compose(input, start, end, members, stats));
    i = j;
  }
  // Zero-length edits strictly inside a span move to its end.
  for (auto& p : inserts) {
    auto it = std::upper_bound(out.begin(), out.end(), p.edit.start,
                               [](uint64_t pos, const Edit& e) { return pos < e.start; });
    if (it != out.begin() && std::prev(it)->start < p.edit.start && p.edit.start < std::prev(it)->end)
      p.edit.start = p.edit.end = std::prev(it)->end;
  }
  std::stable_sort(inserts.begin(), inserts.end(), by_start);
  std::vector<Edit> merged;
  merged.reserve(out.size() + inserts.size());
  size_t a = 0;
  for (Edit& e : out) {
    while (a < inserts.size() && inserts[a].edit.start <= e.start) merged.push_back(std::move(inserts[a++].edit));
    merged.push_back(std::move(e));
  }
  while (a < inserts.size()) merged.push_back(std::move(inserts[a++].edit));
  return merged;
}

}  // namespace emend::edit
