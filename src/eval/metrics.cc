#include "eval/metrics.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "io/json_text.h"
#include "text/utf8.h"

namespace emend::eval {

uint32_t Symbols::Id(std::string_view s) {
  auto [it, fresh] = ids_.emplace(std::string(s), static_cast<uint32_t>(texts_.size()));
  if (fresh) texts_.push_back(it->first);
  return it->second;
}

std::string Nfc(std::string_view s) {
  std::string valid = io::ReplaceInvalid(s);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return valid;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(valid);
  if (nfc->isNormalized(u, err) && U_SUCCESS(err)) return valid;
  err = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, err);
  std::string out;
  n.toUTF8String(out);
  return U_SUCCESS(err) ? out : valid;
}

namespace {

template <typename Keep>
std::vector<std::string_view> Segment(std::string_view s, bool words, Keep keep) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
  std::unique_ptr<icu::BreakIterator> bi(words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err)
                                               : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) { utext_close(ut); return out; }
  bi->setText(ut, err);
  int32_t prev = bi->first();
  for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; prev = p, p = bi->next()) {
    std::string_view seg = s.substr(prev, p - prev);
    if (keep(seg)) out.push_back(seg);
  }
  utext_close(ut);
  return out;
}

bool HasAlnum(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    char32_t cp;
    size_t len = text::DecodeAt(w, i, &cp);
    if (!len) return false;
    if (u_isalnum(static_cast<UChar32>(cp))) return true;
    i += len;
  }
  return false;
}

Seq Ids(const std::vector<std::string_view>& v, Symbols* sym) {
  Seq s;
  s.reserve(v.size());
  for (auto x : v) s.push_back(sym->Id(x));
  return s;
}

// Which reference positions an alignment matched.
std::vector<bool> MatchedRefs(const Alignment& al, size_t n) {
  std::vector<bool> m(n, false);
  size_t i = 0;
  for (Op op : al.ops) {
    if (op == Op::kMatch) m[i] = true;
    if (op != Op::kIns) ++i;
  }
  return m;
}

void AddConfusions(const Alignment& al, const std::vector<std::string_view>& ref,
                   const std::vector<std::string_view>& hyp,
                   std::map<std::pair<std::string, std::string>, uint64_t>* conf) {
  size_t i = 0, j = 0;
  std::string r, h;
  auto flush = [&] {
    if (!r.empty() || !h.empty()) ++(*conf)[{r, h}];
    r.clear(); h.clear();
  };
  for (Op op : al.ops) {
    if (op == Op::kMatch) { flush(); ++i; ++j; continue; }
    if (op != Op::kIns) r += ref[i++];
    if (op != Op::kDel) h += hyp[j++];
  }
  flush();
}

// Code point alignment of a to b, with the byte offset where each code point
// starts (plus one past the end) on both sides; an invalid byte is one unit.
struct CodePointAlignment {
  std::vector<size_t> a_starts, b_starts;
  Alignment al;
};

Seq CodePoints(std::string_view s, std::vector<size_t>* starts, Symbols* sym) {
  Seq out;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    size_t l = text::DecodeAt(s, i, &c);
    l = l ? l : 1;
    starts->push_back(i);
    out.push_back(sym->Id(s.substr(i, l)));
    i += l;
  }
  starts->push_back(s.size());
  return out;
}

CodePointAlignment AlignCodePoints(std::string_view a, std::string_view b, Symbols* sym) {
  CodePointAlignment c;
  Seq sa = CodePoints(a, &c.a_starts, sym), sb = CodePoints(b, &c.b_starts, sym);
  c.al = Align(sa, sb);
  return c;
}

// Byte-offset map from a to b: map[k] is the offset in b aligned with offset
// k of a (k on code point boundaries).
std::vector<size_t> OffsetMap(const CodePointAlignment& c, size_t a_size, size_t b_size) {
  std::vector<size_t> map(a_size + 1, b_size);
  size_t i = 0, j = 0;
  for (Op op : c.al.ops) {
    if (op == Op::kIns) { ++j; continue; }
    map[c.a_starts[i++]] = c.b_starts[j];
    if (op != Op::kDel) ++j;
  }
  return map;
}

uint64_t Lev(std::string_view a, std::string_view b, Symbols* sym) {
  return Distance(Ids(Graphemes(a), sym), Ids(Graphemes(b), sym));
}

// Edits that turn a into b: one per run of changed code points.
std::vector<Edit> DiffEdits(std::string_view a, std::string_view b, const CodePointAlignment& c) {
  std::vector<Edit> edits;
  size_t i = 0, j = 0;
  bool open = false;
  Edit cur;
  size_t oj = 0;
  auto close = [&] {
    if (!open) return;
    cur.end = c.a_starts[i];
    cur.before = std::string(a.substr(cur.start, cur.end - cur.start));
    cur.after = std::string(b.substr(c.b_starts[oj], c.b_starts[j] - c.b_starts[oj]));
    edits.push_back(cur);
    open = false;
  };
  for (Op op : c.al.ops) {
    if (op == Op::kMatch) { close(); ++i; ++j; continue; }
    if (!open) { cur = Edit(); cur.start = c.a_starts[i]; oj = j; open = true; }
    if (op != Op::kIns) ++i;
    if (op != Op::kDel) ++j;
  }
  close();
  return edits;
}

// Precision of each edit: applied alone, does it bring its window closer to the gold?
std::vector<bool> ScoreEdits(std::string_view ocr, std::string_view gold, const std::vector<Edit>& edits,
                             const std::vector<size_t>& og, Symbols* sym, EvalTotals* t) {
  std::vector<bool> goods;
  constexpr size_t kWin = 24;
  for (const Edit& e : edits) {
    if (e.start == e.end && e.after.empty()) {  // an unmarked gap: no change to score (gaps are scored apart)
      goods.push_back(false);
      continue;
    }
    size_t w0 = e.start > kWin ? e.start - kWin : 0, w1 = std::min(ocr.size(), static_cast<size_t>(e.end) + kWin);
    while (w0 > 0 && (static_cast<unsigned char>(ocr[w0]) & 0xC0) == 0x80) --w0;
    while (w1 < ocr.size() && (static_cast<unsigned char>(ocr[w1]) & 0xC0) == 0x80) ++w1;
    std::string_view gw = gold.substr(og[w0], og[w1] >= og[w0] ? og[w1] - og[w0] : 0);
    std::string before(ocr.substr(w0, w1 - w0));
    std::string after = before;
    after.replace(e.start - w0, e.end - e.start, e.after);
    bool good = Lev(after, gw, sym) < Lev(before, gw, sym);
    ++t->edits;
    t->edits_good += good;
    KindStats& k = t->by_kind[e.kinds ? EditKindsToString(e.kinds) : "diff"];
    ++k.edits;
    k.good += good;
    goods.push_back(good);
  }
  return goods;
}

// Whether `word` (a view into `text`) has a hyphen right before it, or right
// after it (a space may follow the hyphen: "con- tinued").
bool AtHyphen(std::string_view text, std::string_view word) {
  const size_t b = static_cast<size_t>(word.data() - text.data()), e = b + word.size();
  return (b > 0 && text[b - 1] == '-') || (e < text.size() && text[e] == '-');
}

}  // namespace

std::vector<std::string_view> Graphemes(std::string_view nfc) {
  return Segment(nfc, false, [](std::string_view) { return true; });
}

std::vector<std::string_view> Words(std::string_view nfc) { return Segment(nfc, true, HasAlnum); }

void Counts::Add(const Alignment& a, size_t ref_len) {
  ref += ref_len; matches += a.matches; subs += a.subs; dels += a.dels; ins += a.ins;
}

void ScoreUnit(std::string_view ocr_raw, std::string_view gold_raw, std::string_view out_raw,
               const std::vector<Edit>* edits, Symbols* sym, EvalTotals* t) {
  ++t->units;
  std::string ocr = Nfc(ocr_raw), gold = Nfc(gold_raw), out = Nfc(out_raw);
  auto gg = Graphemes(gold), og = Graphemes(ocr), rg = Graphemes(out);
  Seq sg = Ids(gg, sym), so = Ids(og, sym), sr = Ids(rg, sym);
  Alignment before = Align(sg, so), after = Align(sg, sr);
  t->cer_before.Add(before, sg.size());
  t->cer_after.Add(after, sg.size());
  AddConfusions(before, gg, og, &t->confusions_before);
  AddConfusions(after, gg, rg, &t->confusions_after);
  auto gw = Words(gold), ow = Words(ocr), rw = Words(out);
  Seq wg = Ids(gw, sym), wo = Ids(ow, sym), wr = Ids(rw, sym);
  Alignment wb = Align(wg, wo), wa = Align(wg, wr);
  t->wer_before.Add(wb, wg.size());
  t->wer_after.Add(wa, wg.size());
  std::vector<bool> mb = MatchedRefs(wb, wg.size()), ma = MatchedRefs(wa, wg.size());
  for (size_t i = 0; i < wg.size(); ++i) {
    t->words_right_before += mb[i];
    t->words_broken += mb[i] && !ma[i];
    if (mb[i] && !ma[i]) {
      ++t->broken_words[std::string(gw[i])];
      t->words_broken_at_hyphen += AtHyphen(gold, gw[i]);
    }
    t->words_fixed += !mb[i] && ma[i];
  }
  // Edit precision and recall need byte offsets in the (un-normalised) OCR.
  bool same_bytes = ocr == ocr_raw;
  std::vector<Edit> derived;
  if (!edits || !same_bytes) { derived = DiffEdits(ocr, out, AlignCodePoints(ocr, out, sym)); edits = &derived; }
  CodePointAlignment to_gold = AlignCodePoints(ocr, gold, sym);  // one alignment serves both uses below
  std::vector<size_t> map = OffsetMap(to_gold, ocr.size(), gold.size());
  std::vector<bool> good = ScoreEdits(ocr, gold, *edits, map, sym, t);
  // Recall: gold error regions (runs of OCR->gold differences) touched by a good edit.
  std::vector<Edit> gold_edits = DiffEdits(ocr, gold, to_gold);
  t->gold_regions += gold_edits.size();
  for (const Edit& g : gold_edits) {
    for (size_t k = 0; k < edits->size(); ++k) {
      const Edit& e = (*edits)[k];
      if (good[k] && e.start <= g.end && g.start <= e.end) { ++t->gold_regions_hit; break; }
    }
  }
}

}  // namespace emend::eval
