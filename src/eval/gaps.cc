#include "eval/gaps.h"

#include <cstdlib>

#include "text/utf8.h"

namespace emend::eval {

void GapScore::Add(const GapScore& o) {
  for (auto& [k, c] : o.by_reason) by_reason[k].Add(c);
  located.Add(o.located);
}

std::string GapReason(const Edit& e) {
  if (e.rule.rfind("gap.", 0) == 0 && e.rule.size() > 4) return e.rule.substr(4);
  return "unknown";
}

std::vector<uint32_t> BoundaryIndex(std::string_view s) {
  std::vector<uint32_t> at(s.size() + 1, 0);
  uint32_t tokens = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    size_t n = text::DecodeOrReplace(s, i, &cp);
    bool word = text::IsLetter(cp) || text::IsDigit(cp);
    bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || text::IsSpace(cp);
    if (in_word && !word) ++tokens;           // a word ended at i
    for (size_t k = 0; k < n; ++k) at[i + k] = tokens;
    if (!word && !space) ++tokens;            // a mark is a token of its own
    in_word = word;
    i += n;
  }
  at[s.size()] = tokens + (in_word ? 1 : 0);
  // at[i] counted tokens ending strictly before i was reached; a word
  // ending exactly at i is counted when the next code point is seen, which
  // is what "ends at or before i" means for i inside the text too.
  return at;
}

namespace {

struct Gap { uint32_t boundary; std::string reason; };

std::vector<Gap> Gaps(const std::vector<Edit>& edits, const std::vector<uint32_t>& index) {
  std::vector<Gap> out;
  for (const Edit& e : edits)
    if ((e.kinds & kGap) && e.start < index.size()) out.push_back({index[e.start], GapReason(e)});
  return out;
}

bool Matches(const Gap& a, const std::vector<Gap>& others, int tol, bool same_reason) {
  for (const Gap& b : others)
    if (std::abs(int64_t(a.boundary) - int64_t(b.boundary)) <= tol && (!same_reason || a.reason == b.reason))
      return true;
  return false;
}

// The restorations near a gold gap, applied to the text around it, must
// contain the lost text (alignments may cut a restoration differently).
bool Restored(std::string_view text, const Edit& g, const std::vector<Edit>& predicted) {
  // Four bytes of the base on either side count: an alignment may reuse the
  // base's closing quotation mark for the restored one.
  std::string lost = text::CollapseWhitespace(g.after), around;
  uint64_t pos = 0;
  bool any = false;
  for (const Edit& e : predicted) {
    if (!(e.kinds & kRestore) || e.end + 8 < g.start || e.start > g.start + 8) continue;
    if (!any) {
      pos = e.start >= 4 ? e.start - 4 : 0;
      while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    }
    if (e.start < pos) continue;
    around += text.substr(pos, e.start - pos);
    around += e.after;
    pos = e.end;
    any = true;
  }
  if (any) around += text.substr(pos, std::min<uint64_t>(4, text.size() - pos));
  return any && text::CollapseWhitespace(around).find(lost) != std::string::npos;
}

}  // namespace

GapScore ScoreGaps(std::string_view text, const std::vector<Edit>& gold, const std::vector<Edit>& predicted,
                   int tolerance) {
  std::vector<uint32_t> index = BoundaryIndex(text);
  std::vector<Gap> g = Gaps(gold, index), p = Gaps(predicted, index);
  GapScore s;
  for (const Edit& e : gold) {
    if (!(e.kinds & kGap) || !Restored(text, e, predicted)) continue;
    s.by_reason[GapReason(e)].restored++;
    s.located.restored++;
  }
  // The same count both ways: gold gaps a prediction finds (recall), and
  // predictions a gold gap confirms (precision).
  auto count = [&](const std::vector<Gap>& from, const std::vector<Gap>& other, uint64_t GapCounts::*total,
                   uint64_t GapCounts::*matched) {
    for (const Gap& x : from) {
      GapCounts& c = s.by_reason[x.reason];
      ++(c.*total);
      c.*matched += Matches(x, other, tolerance, true);
      ++(s.located.*total);
      s.located.*matched += Matches(x, other, tolerance, false);
    }
  };
  count(g, p, &GapCounts::gold, &GapCounts::found);
  count(p, g, &GapCounts::predicted, &GapCounts::right);
  return s;
}

}  // namespace emend::eval
