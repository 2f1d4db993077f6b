#include "correct/channel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <sstream>

#include "eval/align.h"
#include "text/utf8.h"

namespace emend::correct {
namespace {

std::u32string LowerU32(std::u32string s) {
  for (char32_t& c : s) c = text::ToLower(c);
  return s;
}

bool IsSpace32(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }

// Escapes for the TSV form: tab, newline and backslash.
std::string Escape(std::u32string_view s) {
  std::string out;
  for (char c : ToUtf8(s)) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A chunk of at most kMaxChunk code points as one integer: 21 bits per code
// point + 1 (so that 0 is "none"), distinct for distinct chunks.
static_assert(kMaxChunk * 21 <= 64);
uint64_t ChunkKey(std::u32string_view s) {
  uint64_t k = 0;
  for (char32_t c : s) k = (k << 21) | (static_cast<uint64_t>(c & 0x1FFFFF) + 1);
  return k;
}

// The first code point of a confusion's observed side, plus one (0: empty,
// a deletion): the order of the by_intended_ lists.
char32_t ObservedKey(const Confusion* c) { return c->observed.empty() ? char32_t{0} : c->observed[0] + 1; }

// Most probable first: the order of the by_observed_ lists and of a
// position's confusions.
bool MoreProbable(const Confusion* a, const Confusion* b) { return a->log10p > b->log10p; }

}  // namespace

void Channel::AddPair(std::string_view gold_text, std::string_view ocr_text) {
  std::u32string g = LowerU32(ToU32(gold_text)), o = LowerU32(ToU32(ocr_text));
  for (char32_t& c : g) if (IsSpace32(c)) c = U' ';
  for (char32_t& c : o) if (IsSpace32(c)) c = U' ';
  eval::Seq a(g.begin(), g.end()), b(o.begin(), o.end());
  eval::Alignment al = eval::Align(a, b);
  // Denominators: every intended chunk of 1..kMaxChunk code points.
  for (size_t i = 0; i < g.size(); ++i)
    for (int L = 1; L <= kMaxChunk && i + L <= g.size(); ++L) ++context_counts_[g.substr(i, L)];
  chars_ += g.size();
  size_t i = 0, j = 0, k = 0;
  while (k < al.ops.size()) {
    if (al.ops[k] == eval::Op::kMatch) { ++i; ++j; ++k; continue; }
    size_t i0 = i, j0 = j;
    for (; k < al.ops.size() && al.ops[k] != eval::Op::kMatch; ++k) {
      eval::Op op = al.ops[k];
      if (op != eval::Op::kIns) ++i;
      if (op != eval::Op::kDel) ++j;
    }
    errors_ += std::max<size_t>(i - i0, 1);
    // A pure insertion or deletion is anchored on the intended character before it.
    size_t a0 = i0, b0 = j0;
    if ((i == i0 || j == j0) && i0 > 0 && j0 > 0) { --a0; --b0; }
    if (i - a0 == 0 || i - a0 > kMaxChunk || j - b0 > kMaxChunk) continue;
    ++counts_[g.substr(a0, i - a0)][o.substr(b0, j - b0)];
  }
  ++words_;
}

void Channel::Finish(uint64_t min_count) {
  table_.clear();
  for (const auto& [intended, outs] : counts_) {
    uint64_t denom = std::max<uint64_t>(context_counts_[intended], 1);
    for (const auto& [observed, n] : outs) {
      if (n < min_count) continue;
      table_.push_back({intended, observed, n, std::log10(double(n) / double(std::max(denom, n)))});
    }
  }
  std::sort(table_.begin(), table_.end(), [](const Confusion& a, const Confusion& b) {
    return a.count != b.count ? a.count > b.count : std::tie(a.intended, a.observed) < std::tie(b.intended, b.observed);
  });
  if (chars_ > 0) log10_copy_ = std::log10(1.0 - std::min(0.5, double(errors_) / double(chars_)));
  counts_.clear();
  context_counts_.clear();
  Index();
}

void Channel::Index() {
  by_intended_.clear();
  by_observed_.clear();
  for (const Confusion& c : table_) {
    IntendedList& l = by_intended_[ChunkKey(c.intended)];
    if (c.observed.empty()) {
      l.deletion = l.deletes ? std::max(l.deletion, c.log10p) : c.log10p;
      l.deletes = true;
    } else {
      l.items.push_back(&c);
      if (c.observed[0] < 128) l.first[c.observed[0] >> 6] |= uint64_t{1} << (c.observed[0] & 63);
    }
    by_observed_[ChunkKey(c.observed)].push_back(&c);
  }
  // By the observed side's first code point, so that LogProb finds the
  // confusions that can match at a place at once.
  for (auto& [k, l] : by_intended_)
    std::stable_sort(l.items.begin(), l.items.end(),
                     [](const Confusion* a, const Confusion* b) { return ObservedKey(a) < ObservedKey(b); });
  // Most probable first, so that generation can stop early.
  for (auto& [k, v] : by_observed_)
    std::sort(v.begin(), v.end(), MoreProbable);
  IndexInitial();
}

void Channel::IndexInitial() {
  initial_.clear();
  initial_by_observed_.clear();
  auto spaceless = [](std::u32string_view s) { return s.find(U' ') == std::u32string_view::npos; };
  for (const Confusion& c : table_) {
    if (c.intended.empty() || c.observed.empty() || c.intended[0] != U' ' || c.observed[0] != U' ') continue;
    Confusion x{c.intended.substr(1), c.observed.substr(1), c.count, c.log10p};
    // One letter lost or added, nothing else (not " " read " in": a word lost).
    if (x.intended.size() + x.observed.size() != 1 || !spaceless(x.intended) || !spaceless(x.observed)) continue;
    initial_.push_back(std::move(x));
  }
  for (const Confusion& c : initial_) initial_by_observed_[ChunkKey(c.observed)].push_back(&c);
  for (auto& [k, v] : initial_by_observed_)
    std::sort(v.begin(), v.end(), MoreProbable);
}

std::string Channel::Serialize() const {
  std::ostringstream out;
  out << "# emend channel v1\tcopy\t" << log10_copy_ << "\tfallback\t" << log10_fallback_ << "\n";
  for (const Confusion& c : table_)
    out << Escape(c.intended) << '\t' << Escape(c.observed) << '\t' << c.count << '\t' << c.log10p << '\n';
  return out.str();
}

StatusOr<Channel> Channel::Parse(std::string_view tsv) {
  Channel ch;
  std::istringstream in{std::string(tsv)};
  std::string line;
  if (!std::getline(in, line) || line.rfind("# emend channel v1", 0) != 0)
    return Status::Corrupt("channel table has no '# emend channel v1' header");
  if (std::sscanf(line.c_str(), "# emend channel v1\tcopy\t%lf\tfallback\t%lf", &ch.log10_copy_, &ch.log10_fallback_) != 2)
    return Status::Corrupt("channel table header malformed");
  for (size_t n = 2; std::getline(in, line); ++n) {
    std::vector<std::string> f;
    std::string cur;
    for (char c : line) { if (c == '\t') { f.push_back(cur); cur.clear(); } else cur += c; }
    f.push_back(cur);
    Confusion c;
    char* end = nullptr;
    if (f.size() != 4) return Status::Corrupt("channel table line " + std::to_string(n) + ": expected 4 fields");
    c.intended = ToU32(Unescape(f[0]));
    c.observed = ToU32(Unescape(f[1]));
    c.count = std::strtoull(f[2].c_str(), &end, 10);
    c.log10p = std::strtod(f[3].c_str(), &end);
    if (c.intended.empty() || c.intended.size() > kMaxChunk || c.observed.size() > kMaxChunk || !(c.log10p <= 0))
      return Status::Corrupt("channel table line " + std::to_string(n) + ": bad confusion");
    ch.table_.push_back(std::move(c));
  }
  ch.Index();
  return ch;
}

double Channel::LogProb(std::u32string_view w, std::u32string_view o) const {
  const size_t n = w.size(), m = o.size();
  constexpr double kNone = -1e30;
  thread_local std::vector<double> dp;  // per-thread buffers, reused by every call
  dp.assign((n + 1) * (m + 1), kNone);
  auto at = [&](size_t i, size_t j) -> double& { return dp[i * (m + 1) + j]; };
  // The confusions that start at each intended position (one list per
  // chunk length), looked up once.
  thread_local std::vector<std::array<const IntendedList*, kMaxChunk>> starts;
  starts.resize(n);
  for (size_t i = 0; i < n; ++i)
    for (size_t L = 1; L <= kMaxChunk; ++L) {
      auto it = i + L <= n ? by_intended_.find(ChunkKey(w.substr(i, L))) : by_intended_.end();
      starts[i][L - 1] = it != by_intended_.end() ? &it->second : nullptr;
    }
  at(0, 0) = 0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      double cur = at(i, j);
      if (cur <= kNone) continue;
      auto relax = [&](size_t a, size_t b, double lp) { if (cur + lp > at(a, b)) at(a, b) = cur + lp; };
      if (i < n && j < m && w[i] == o[j]) relax(i + 1, j + 1, log10_copy_);
      if (i < n && j < m) relax(i + 1, j + 1, log10_fallback_);
      if (i < n) relax(i + 1, j, log10_fallback_);
      if (j < m) relax(i, j + 1, log10_fallback_);
      if (i == n) continue;
      for (size_t L = 1; L <= kMaxChunk; ++L) {
        const IntendedList* list = starts[i][L - 1];
        if (!list) continue;
        if (list->deletes) relax(i + L, j, list->deletion);
        // Only the confusions whose observed side starts with o[j].
        if (j == m || !list->May(o[j])) continue;
        auto c = std::lower_bound(list->items.begin(), list->items.end(), o[j] + 1,
                                  [](const Confusion* x, char32_t k) { return ObservedKey(x) < k; });
        for (; c != list->items.end() && ObservedKey(*c) == o[j] + 1; ++c)
          if (o.substr(j, (*c)->observed.size()) == (*c)->observed)
            relax(i + L, j + (*c)->observed.size(), (*c)->log10p);
      }
    }
  }
  return at(n, m);
}

ConfusionsAt Channel::ObservedAt(std::u32string_view o, double min_lp, bool initial) const {
  ConfusionsAt at;
  at.start.reserve(o.size() + 1);
  for (size_t p = 0; p < o.size(); ++p) {
    at.start.push_back(static_cast<uint32_t>(at.items.size()));
    // One run per chunk length, each most probable first; merged so that the
    // position's list is too (a search with a budget stops at the first
    // confusion that does not fit). Ties keep the shorter chunk first.
    size_t runs[kMaxChunk + 1] = {at.items.size()};
    for (size_t L = 1; L <= kMaxChunk; ++L) {
      if (p + L <= o.size())
        if (auto it = by_observed_.find(ChunkKey(o.substr(p, L))); it != by_observed_.end())
          for (const Confusion* c : it->second) {
            if (c->log10p < min_lp) break;
            at.items.push_back(c);
          }
      runs[L] = at.items.size();
    }
    auto first = at.items.begin();
    for (size_t L = 2; L <= kMaxChunk; ++L)
      if (runs[L - 1] > runs[0] && runs[L] > runs[L - 1])
        std::inplace_merge(first + runs[0], first + runs[L - 1], first + runs[L], MoreProbable);
    if (p == 0 && initial) {  // the word-initial ones, merged in
      for (size_t L = 0; L < kMaxChunk && L <= o.size(); ++L)
        if (auto it = initial_by_observed_.find(ChunkKey(o.substr(0, L))); it != initial_by_observed_.end())
          for (const Confusion* c : it->second) {
            if (c->log10p < min_lp) break;
            at.items.push_back(c);
          }
      std::stable_sort(at.items.begin() + runs[0], at.items.end(), MoreProbable);
    }
  }
  at.start.push_back(static_cast<uint32_t>(at.items.size()));
  return at;
}

void Channel::Candidates(std::u32string_view o, int max_ops, double min_lp,
                         const std::function<void(const std::u32string&, double)>& emit) const {
  const ConfusionsAt at = ObservedAt(o, min_lp);
  std::u32string built;
  // `rules` sums the confusions used (the budget); `lp` adds the copies.
  std::function<void(size_t, int, double, double)> rec = [&](size_t p, int ops, double rules, double lp) {
    if (p == o.size()) {
      if (ops > 0) emit(built, lp);
      return;
    }
    if (ops < max_ops) {
      for (const Confusion* c : at.At(p)) {
        if (rules + c->log10p < min_lp) break;
        size_t keep = built.size();
        built += c->intended;
        rec(p + c->observed.size(), ops + 1, rules + c->log10p, lp + c->log10p);
        built.resize(keep);
      }
    }
    built.push_back(o[p]);
    rec(p + 1, ops, rules, lp + log10_copy_);
    built.pop_back();
  };
  rec(0, 0, 0, 0);
}

namespace {

// The depth-first search of WordCandidates: follows the trie along the
// observed word, taking at each position either the observed code point
// (a copy) or a confusion whose observed side starts there. The last
// confusion of a path is followed only by copies, so it is tried only where
// some word ends with its intended side plus the rest of the observed word
// (`ends`, from the trie of reversed words): most misread words leave a few
// such places, near their last misread.
struct TrieSearch {
  std::u32string_view o;
  const ConfusionsAt& at;
  const VocabTrie& trie;
  int max_ops;
  double min_lp, copy;
  const std::function<void(uint32_t, double)>& emit;
  std::span<const Confusion> initial;  // the word-initial confusions: only copies follow one
  ConfusionsAt last;  // at narrowed to the confusions that can come last

  void Init() {
    std::vector<uint32_t> ends(o.size() + 1, VocabTrie::kNone);  // suffix node of o[q..]
    ends[o.size()] = VocabTrie::kRoot;
    for (size_t q = o.size(); q-- > 0 && ends[q + 1] != VocabTrie::kNone;) ends[q] = trie.SuffixChild(ends[q + 1], o[q]);
    // The code points that may come before each suffix: most confusions'
    // intended side is one code point, tested here without a trie step.
    std::vector<VocabTrie::Kids> before(o.size() + 1);
    for (size_t q = 0; q <= o.size(); ++q)
      if (ends[q] != VocabTrie::kNone) before[q] = trie.SuffixKids(ends[q]);
    last.start.reserve(o.size() + 1);
    for (size_t p = 0; p < o.size(); ++p) {
      last.start.push_back(static_cast<uint32_t>(last.items.size()));
      for (const Confusion* c : at.At(p)) {
        const size_t q = p + c->observed.size();
        if (ends[q] == VocabTrie::kNone) continue;
        const std::u32string& s = c->intended;
        if (s.empty() || (before[q].May(s.back()) && ((s.size() == 1 && s.back() < 128) || Ends(ends[q], s))))
          last.items.push_back(c);
      }
    }
    last.start.push_back(static_cast<uint32_t>(last.items.size()));
  }
  // `rules` sums the confusions used (the budget); `lp` adds the copies.
  void Step(size_t p, uint32_t node, int ops, double rules, double lp) const {
    if (ops == max_ops) {  // only copies are left: a walk, not a recursion
      for (; p < o.size() && node != VocabTrie::kNone; ++p) node = trie.Child(node, o[p]), lp += copy;
      if (node != VocabTrie::kNone && ops > 0 && trie.WordId(node) != Model::kUnknown) emit(trie.WordId(node), lp);
      return;
    }
    if (p == o.size()) {
      if (ops > 0 && trie.WordId(node) != Model::kUnknown) emit(trie.WordId(node), lp);
      return;
    }
    const std::span<const Confusion* const> here = (ops + 1 == max_ops ? last : at).At(p);  // ops < max_ops here
    // (Word-initial confusions come only at the word's start.)
    const bool may_be_initial = p == 0 && !initial.empty();
    if (!here.empty() && rules + here[0]->log10p >= min_lp) {
      const VocabTrie::Kids kids = trie.AsciiKids(node);
      for (const Confusion* c : here) {
        if (rules + c->log10p < min_lp) break;  // most probable first: none after fits
        if (!c->intended.empty() && !kids.May(c->intended[0])) continue;
        uint32_t n = Follow(node, c->intended);
        // After a word-initial confusion only copies follow (a lost or added
        // first letter, the rest as read): the search stays a walk.
        const bool first = may_be_initial && c >= initial.data() && c < initial.data() + initial.size();
        if (n != VocabTrie::kNone)
          Step(p + c->observed.size(), n, first ? max_ops : ops + 1, rules + c->log10p, lp + c->log10p);
      }
    }
    if (uint32_t n = trie.Child(node, o[p]); n != VocabTrie::kNone) Step(p + 1, n, ops, rules, lp + copy);
  }
  // Whether some word ends with `s` followed by the suffix at node `n`.
  bool Ends(uint32_t n, std::u32string_view s) const {
    for (size_t i = s.size(); i-- > 0 && n != VocabTrie::kNone;) n = trie.SuffixChild(n, s[i]);
    return n != VocabTrie::kNone;
  }
  // The node reached by spelling `s` from `node`; kNone off the trie or at a
  // space (splits are proposed separately).
  uint32_t Follow(uint32_t node, std::u32string_view s) const {
    for (char32_t ch : s) {
      if (ch == U' ') return VocabTrie::kNone;
      if ((node = trie.Child(node, ch)) == VocabTrie::kNone) return node;
    }
    return node;
  }
};

}  // namespace

void Channel::WordCandidates(std::u32string_view o, int max_ops, double min_lp, const VocabTrie& trie,
                             const std::function<void(uint32_t, double)>& emit, bool initial) const {
  const ConfusionsAt at = ObservedAt(o, min_lp, initial);
  const std::span<const Confusion> first = initial ? std::span<const Confusion>(initial_) : std::span<const Confusion>();
  TrieSearch search{o, at, trie, max_ops, min_lp, log10_copy_, emit, first, {}};
  search.Init();
  search.Step(0, VocabTrie::kRoot, 0, 0, 0);
}

}  // namespace emend::correct
