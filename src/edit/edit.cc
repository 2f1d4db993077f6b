// Edit kinds, validation, apply and invert (include/emend/edit.h).
#include "emend/edit.h"

#include <cmath>

namespace emend {
namespace {

constexpr const char* kKindNames[kNumEditKinds] = {
    "case", "spacing", "hyphenation", "encoding", "normalization", "spelling",
    "real-word", "split", "merge", "gap", "restore"};

std::string At(const Edit& e, size_t i) {
  return "edit " + std::to_string(i) + " [" + std::to_string(e.start) + "," +
         std::to_string(e.end) + ")";
}

}  // namespace

const char* EditKindName(EditKind k) {
  for (int i = 0; i < kNumEditKinds; ++i)
    if (k == (1u << i)) return kKindNames[i];
  return "unknown";
}

std::string EditKindsToString(uint32_t kinds) {
  std::string s;
  for (int i = 0; i < kNumEditKinds; ++i) {
    if (!(kinds & (1u << i))) continue;
    if (!s.empty()) s += '+';
    s += kKindNames[i];
  }
  return s;
}

StatusOr<uint32_t> EditKindsFromString(std::string_view s) {
  uint32_t kinds = 0;
  while (!s.empty()) {
    size_t plus = s.find('+');
    std::string_view name = s.substr(0, plus);
    int found = -1;
    for (int i = 0; i < kNumEditKinds; ++i)
      if (name == kKindNames[i]) found = i;
    if (found < 0) return Status::InvalidArgument("unknown edit kind '" + std::string(name) + "'");
    kinds |= 1u << found;
    s = plus == std::string_view::npos ? std::string_view() : s.substr(plus + 1);
  }
  if (!kinds) return Status::InvalidArgument("empty edit kind");
  return kinds;
}

Status ValidateEdits(std::string_view input, const std::vector<Edit>& edits) {
  uint64_t limit = 0;  // no later edit may start before this
  for (size_t i = 0; i < edits.size(); ++i) {
    const Edit& e = edits[i];
    if (e.end < e.start || e.end > input.size())
      return Status::Mismatch(At(e, i) + " lies outside the input of " +
                              std::to_string(input.size()) + " bytes");
    if (e.start < limit)
      return Status::InvalidArgument(At(e, i) + " overlaps or precedes the edit before it");
    if (input.substr(e.start, e.end - e.start) != e.before)
      return Status::Mismatch(At(e, i) + ": its 'before' text is not what the input has there");
    if (!(e.confidence >= 0 && e.confidence <= 1))
      return Status::InvalidArgument(At(e, i) + ": confidence outside [0,1]");
    // A zero-length edit leaves the next one free to start at the same offset.
    limit = e.end > e.start ? e.end : e.start;
  }
  return Status::Ok();
}

StatusOr<std::string> ApplyEdits(std::string_view input, const std::vector<Edit>& edits) {
  if (Status s = ValidateEdits(input, edits); !s.ok()) return s;
  std::string out;
  out.reserve(input.size() + input.size() / 16);
  uint64_t pos = 0;
  for (const Edit& e : edits) {
    out.append(input.substr(pos, e.start - pos));
    out.append(e.after);
    pos = e.end;
  }
  out.append(input.substr(pos));
  return out;
}

StatusOr<std::string> InvertEdits(std::string_view output, const std::vector<Edit>& edits) {
  std::string in;
  in.reserve(output.size());
  uint64_t opos = 0;  // position in output
  uint64_t ipos = 0;  // position in the reconstructed input
  for (size_t i = 0; i < edits.size(); ++i) {
    const Edit& e = edits[i];
    if (e.start < ipos || e.end < e.start)
      return Status::InvalidArgument(At(e, i) + " is out of order");
    uint64_t gap = e.start - ipos;  // unchanged bytes before this edit
    if (opos + gap + e.after.size() > output.size())
      return Status::Mismatch(At(e, i) + " lies beyond the end of the output");
    in.append(output.substr(opos, gap));
    opos += gap;
    if (output.substr(opos, e.after.size()) != e.after)
      return Status::Mismatch(At(e, i) + ": its 'after' text is not where the log puts it");
    in.append(e.before);
    opos += e.after.size();
    ipos = e.end;
  }
  in.append(output.substr(opos));
  return in;
}

}  // namespace emend
