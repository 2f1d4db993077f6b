// Collation: classify the differences of each aligned witness, restore the
// base's lacunae by agreement, and write the apparatus (include/emend/collate.h).
#include "emend/collate.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "collate/align.h"
#include "emend/tei.h"
#include "io/tei_body.h"
#include "text/utf8.h"

namespace emend {
namespace {

using collate::Op;
using collate::Token;

bool ValidId(const std::string& id) {
  if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_')) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

std::string Compact(std::string_view text, const std::vector<Token>& t, uint32_t from, uint32_t to) {
  std::string s;
  for (uint32_t k = from; k < to; ++k) s += text::Lower(text.substr(t[k].begin, t[k].end - t[k].begin));
  return s;
}

bool IsMark(std::string_view text, const Token& t, std::initializer_list<std::string_view> marks) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  for (std::string_view m : marks) if (s == m) return true;
  return false;
}

const std::initializer_list<std::string_view> kOpenQuotes = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E"};
const std::initializer_list<std::string_view> kCloseQuotes = {"\"", "\xE2\x80\x9D"};

// What sort of material the tokens [from, to) of `text` are.
std::string OneKind(std::string_view text, const std::vector<Token>& t, uint32_t from, uint32_t to) {
  if (from >= to) return "substantive";
  int words = 0, digits = 0, marks = 0;
  for (uint32_t k = from; k < to; ++k) {
    words += t[k].word && !t[k].digits;
    digits += t[k].digits;
    marks += !t[k].word;
  }
  if (digits && !words && to - from <= 4) return "numeral";
  if (IsMark(text, t[from], kOpenQuotes) && IsMark(text, t[to - 1], kCloseQuotes) && to - from >= 2) return "quotation";
  if (IsMark(text, t[from], {"("}) && IsMark(text, t[to - 1], {")"})) return "parenthetical";
  bool ends = IsMark(text, t[to - 1], {".", "!", "?"}) ||
              (to - from >= 2 && IsMark(text, t[to - 2], {".", "!", "?"}) && IsMark(text, t[to - 1], kCloseQuotes));
  if (words >= 3 && ends) return "sentence";
  return "substantive";
}

bool Restorable(const std::string& kind);

// Like OneKind, but a run of several lost pieces in a row ("cross-bow"
// (ii. 53)) is the kinds of its pieces joined by +, when it splits into
// restorable pieces at closing marks.
std::string LacunaKind(std::string_view text, const std::vector<Token>& t, uint32_t from, uint32_t to) {
  std::string whole = OneKind(text, t, from, to);
  if (whole != "substantive" || to - from < 2 || to - from > 3000) return whole;
  std::vector<uint32_t> cuts;  // candidate piece ends
  for (uint32_t k = from + 1; k < to; ++k)
    if (t[k - 1].digits || IsMark(text, t[k - 1], {")", ".", "!", "?"}) || IsMark(text, t[k - 1], kCloseQuotes))
      cuts.push_back(k);
  cuts.push_back(to);
  std::vector<std::string> how(to - from + 1);  // how[k - from]: kinds of a split of [from, k)
  how[0] = "+";
  std::vector<uint32_t> starts{from};  // positions a split reaches, in order
  for (uint32_t e : cuts) {
    if (!how[e - from].empty()) continue;
    for (uint32_t b : starts) {
      if (b >= e || !how[e - from].empty()) break;
      std::string k = OneKind(text, t, b, e);
      if (Restorable(k)) how[e - from] = how[b - from] + k + "+";
    }
    if (!how[e - from].empty()) starts.push_back(e);
  }
  std::string split = how[to - from];
  if (split.size() < 3) return whole;
  return split.substr(1, split.size() - 2);
}

bool Restorable(const std::string& kind) {
  if (kind.find('+') != std::string::npos) return true;  // built from restorable pieces only
  return kind == "numeral" || kind == "quotation" || kind == "parenthetical" || kind == "sentence";
}

// One difference between the base and a witness: everything between two
// matched tokens (or the text ends), with the whitespace around it.
struct Region {
  uint32_t bb, be, wb, we;            // tokens
  uint64_t bs, bend, ws, wend;        // wide byte spans (between the neighbouring matches)
  std::string kind;
  bool restorable = false;
};

struct WitnessWork {
  std::vector<Token> tokens;
  collate::Alignment align;
  std::vector<Region> regions;
  double noise = 0;  // share of aligned tokens that differ (substituted, or matched with other bytes)
};

// A token without digits, or one that starts with its digits (20th, 1870s,
// 4to); digits inside or after letters (m1ore, law7) are OCR noise.
bool NumeralLike(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == ',' || t[i] == '.' || t[i] == ':')) ++i;
  return t.find_first_of("0123456789", i) == std::string_view::npos;
}

std::string StripMarks(std::string_view s) {
  std::string out;
  for (char c : s) if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) out += c;
  return out;
}

bool Similar(std::string_view a, std::string_view b) {
  std::u32string x = text::ToU32(text::Lower(a)), y = text::ToU32(text::Lower(b));
  if (x.size() > 40 || y.size() > 40) return false;
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] != y[j - 1])});
      diag = up;
    }
  }
  return row[y.size()] <= std::max<size_t>(1, std::max(x.size(), y.size()) / 3);
}

void Classify(std::string_view base, const std::vector<Token>& B, std::string_view wit, WitnessWork* w, Region* r) {
  const auto& W = w->tokens;
  if (r->bb == r->be) {
    uint32_t moved = 0;
    for (uint32_t k = r->wb; k < r->we; ++k) moved += w->align.moved_w[k];
    r->kind = moved * 2 > r->we - r->wb && r->we - r->wb >= 4 ? "transposition" : LacunaKind(wit, W, r->wb, r->we);
    r->restorable = Restorable(r->kind);
    return;
  }
  if (r->wb == r->we) { r->kind = LacunaKind(base, B, r->bb, r->be); return; }
  std::string cb = Compact(base, B, r->bb, r->be);
  if (cb == Compact(wit, W, r->wb, r->we)) { r->kind = "spacing"; return; }
  // A word fused at a cut: the witness is the base with lost material inside.
  if (r->we - r->wb <= 12)
    for (uint32_t i = r->wb; i < r->we; ++i)
      for (uint32_t j = i + 1; j <= r->we; ++j) {
        if (i == r->wb && j == r->we) continue;
        if (Compact(wit, W, r->wb, i) + Compact(wit, W, j, r->we) != cb) continue;
        std::string k = LacunaKind(wit, W, i, j);
        if (Restorable(k)) { r->kind = k; r->restorable = true; return; }
      }
  // Digits lost inside words (20th -> th) or between them.
  std::string cw = Compact(wit, W, r->wb, r->we), no_digits;
  for (char c : cw) if (c < '0' || c > '9') no_digits += c;
  bool numeral_like = true;  // 20th 1870s 3rd, not m1ore (an OCR confusion)
  for (uint32_t k = r->wb; k < r->we; ++k) numeral_like &= NumeralLike(wit.substr(W[k].begin, W[k].end - W[k].begin));
  if (numeral_like && no_digits.size() < cw.size() && (no_digits == cb || StripMarks(no_digits) == StripMarks(cb))) {
    r->kind = "numeral";
    r->restorable = true;
    return;
  }
  bool one = r->be - r->bb == 1 && r->we - r->wb == 1;
  r->kind = one && Similar(base.substr(B[r->bb].begin, B[r->bb].end - B[r->bb].begin),
                           wit.substr(W[r->wb].begin, W[r->wb].end - W[r->wb].begin))
                ? "ocr"
                : "substantive";
}

// Splits the steps into regions between matches.
void Regions(std::string_view base, const std::vector<Token>& B, std::string_view wit, WitnessWork* w) {
  const auto& steps = w->align.steps;
  const auto& W = w->tokens;
  int64_t pb = -1, pw = -1;
  uint64_t subs = 0, aligned = 0;
  for (size_t i = 0; i < steps.size();) {
    if (steps[i].op == Op::kMatch) {
      pb = steps[i].b;
      pw = steps[i].w;
      const Token &x = B[pb], &y = W[pw];
      std::string_view xb = base.substr(x.begin, x.end - x.begin), yb = wit.substr(y.begin, y.end - y.begin);
      if (xb != yb) {
        ++subs;
        if (x.word && text::Lower(xb) == text::Lower(yb))  // a case variant: listed, never restored
          w->regions.push_back({uint32_t(pb), uint32_t(pb + 1), uint32_t(pw), uint32_t(pw + 1), x.begin, x.end,
                                y.begin, y.end, "case", false});
      }
      ++i;
      ++aligned;
      continue;
    }
    Region r{};
    r.bb = uint32_t(pb + 1);
    r.wb = uint32_t(pw + 1);
    size_t j = i;
    for (; j < steps.size() && steps[j].op != Op::kMatch; ++j) subs += steps[j].op == Op::kSub;
    r.be = j < steps.size() ? steps[j].b : uint32_t(B.size());
    r.we = j < steps.size() ? steps[j].w : uint32_t(W.size());
    r.bs = pb >= 0 ? B[pb].end : 0;
    r.bend = r.be < B.size() ? B[r.be].begin : base.size();
    r.ws = pw >= 0 ? W[pw].end : 0;
    r.wend = r.we < W.size() ? W[r.we].begin : wit.size();
    Classify(base, B, wit, w, &r);
    w->regions.push_back(r);
    aligned += j - i;
    i = j;
  }
  w->noise = aligned ? double(subs) / aligned : 0;
}

struct Candidate {
  size_t witness;
  const Region* region;
  std::string reading;  // witness bytes, whitespace collapsed (for agreement)
};

// Chooses among the witnesses' readings for one place. Copies lose material
// and OCR adds noise, so the best reading has the most tokens that another
// witness's reading also has, and the fewest that none has; then most
// witnesses; then the least noisy witness.
// Mean log10 unigram probability of a reading's words under the model (0
// without a model): the likelier wording wins a tie between readings.
double LmScore(const std::string& reading, const Model* m) {
  if (!m) return 0;
  double lp = 0;
  int n = 0;
  for (const Token& t : collate::Tokenize(reading)) {
    if (!t.word || t.digits) continue;
    uint32_t id = m->Find(reading.substr(t.begin, t.end - t.begin));
    lp += id == Model::kUnknown ? -8.0 : m->LogProb(nullptr, 0, id);
    ++n;
  }
  return n ? lp / n : 0;
}

const Candidate& Choose(const std::vector<Candidate>& c, const std::vector<WitnessWork>& work, const Model* m) {
  if (c.size() == 1) return c[0];
  std::vector<std::vector<std::string>> keys;  // exact bytes: case and spacing count here
  for (const Candidate& x : c) {
    keys.emplace_back();
    for (const Token& t : collate::Tokenize(x.reading)) keys.back().push_back(x.reading.substr(t.begin, t.end - t.begin));
  }
  std::map<std::string, int> votes;
  for (const Candidate& x : c) votes[x.reading]++;
  auto score = [&](size_t i) {
    double good = 0, bad = 0;
    for (const std::string& k : keys[i]) {
      bool seen = false;
      for (size_t j = 0; j < c.size() && !seen; ++j)
        if (j != i && c[j].reading != c[i].reading)
          seen = std::find(keys[j].begin(), keys[j].end(), k) != keys[j].end();
      (seen || votes[c[i].reading] > 1 ? good : bad) += 1;
    }
    // A clean witness's own tokens are likely material the others lost; a
    // noisy witness's are likely noise.
    return good - bad * (work[c[i].witness].noise > 0.01 ? 3.0 : 0.5);
  };
  // Lexicographic: corroboration, votes, witness noise (lower is better), language model.
  // (The model before the noise was tried: 0.002% more character errors on the held-out books.)
  auto key = [&](size_t i) {
    return std::make_tuple(score(i), votes[c[i].reading], -work[c[i].witness].noise, LmScore(c[i].reading, m));
  };
  size_t best = 0;
  auto best_key = key(0);
  for (size_t i = 1; i < c.size(); ++i) {
    auto ki = key(i);
    if (ki > best_key) { best = i; best_key = ki; }
  }
  return c[best];
}

}  // namespace

namespace {

Status CheckWitnessIds(const std::vector<Witness>& witnesses) {
  if (witnesses.empty()) return Status::InvalidArgument("collate needs at least one witness");
  std::set<std::string> ids{"base"};
  for (const Witness& w : witnesses) {
    if (!ValidId(w.id)) return Status::InvalidArgument("witness id '" + w.id + "' is not an XML name");
    if (!ids.insert(w.id).second) return Status::InvalidArgument("witness id '" + w.id + "' is used twice (or is 'base')");
  }
  return Status::Ok();
}

// Matched tokens in runs of 4 or more: chance agreement on "the" and "," does not count.
uint64_t MatchedInRuns(const collate::Alignment& a) {
  uint64_t matched = 0, run = 0;
  for (const auto& s : a.steps) {
    if (s.op != Op::kMatch) { run = 0; continue; }
    if (++run == 4) matched += 4;
    else if (run > 4) ++matched;
  }
  return matched;
}

// Aligns one witness with the base and, if it aligns, finds its differences.
WitnessReport AlignWitness(std::string_view base, const std::vector<Token>& B, const Witness& wit,
                           const CollateOptions& o, WitnessWork* w) {
  WitnessReport rep;
  rep.id = wit.id;
  if (wit.text.size() < (1ull << 32)) w->tokens = collate::Tokenize(wit.text);
  if (B.empty() || w->tokens.empty()) return rep;
  collate::AlignOptions ao;
  ao.max_dp_cells = o.max_dp_cells;
  w->align = collate::Align(B, w->tokens, ao);
  // Place each run of witness-only material where it reads as one lacuna.
  collate::ShiftInsertions(w->tokens, &w->align, [&](uint32_t a, uint32_t b, bool joins) {
    return (Restorable(LacunaKind(wit.text, w->tokens, a, b)) ? 2 : 0) + (joins ? 1 : 0);
  });
  uint64_t matched = MatchedInRuns(w->align);
  rep.coverage = double(matched) / B.size();
  rep.anchors = w->align.anchors;
  rep.aligned = matched >= o.min_aligned * std::min(B.size(), w->tokens.size());
  if (rep.aligned) Regions(base, B, wit.text, w);
  return rep;
}

// The restoration of one place from the chosen candidate, citing its witness.
Edit RestoreEdit(std::string_view base, const std::vector<Witness>& ws, const std::vector<Candidate>& cands,
                 const Candidate& c) {
  const Region& g = *c.region;
  int agree = 0;
  for (const Candidate& x : cands) agree += x.reading == c.reading;
  Edit e;
  e.start = g.bs;
  e.end = g.bend;
  e.before = std::string(base.substr(g.bs, g.bend - g.bs));
  e.after = ws[c.witness].text.substr(g.ws, g.wend - g.ws);
  e.kinds = kRestore;
  e.confidence = std::min(1.0, 0.6 + 0.2 * agree);
  e.rule = "collate." + g.kind;
  e.note = g.kind + " restored from " + ws[c.witness].id + " (" + std::to_string(agree) + " of " +
           std::to_string(ws.size()) + " witnesses)";
  e.witness = ws[c.witness].id;
  e.witness_start = g.ws;
  e.witness_end = g.wend;
  return e;
}

}  // namespace

StatusOr<CollateResult> Collate(std::string_view base, const std::vector<Witness>& witnesses,
                                const CollateOptions& o, const Model* model) {
  if (Status st = CheckWitnessIds(witnesses); !st.ok()) return st;
  if (base.size() >= (1ull << 32)) return Status::InvalidArgument("base text larger than 4 GiB");
  CollateResult r;
  std::vector<Token> B = collate::Tokenize(base);
  std::vector<WitnessWork> work(witnesses.size());
  for (size_t i = 0; i < witnesses.size(); ++i)
    r.witnesses.push_back(AlignWitness(base, B, witnesses[i], o, &work[i]));
  // Variants, and restoration candidates keyed by their base span.
  std::map<std::pair<uint64_t, uint64_t>, std::vector<Candidate>> places;
  std::map<std::tuple<size_t, uint64_t, uint64_t>, size_t> variant_at;  // (witness, span) -> index
  for (size_t i = 0; i < work.size(); ++i)
    for (const Region& g : work[i].regions) {
      variant_at[{i, g.bs, g.bend}] = r.variants.size();
      r.variants.push_back({i, g.bs, g.bend, g.ws, g.wend, g.kind, false});
      if (o.restore && g.restorable)
        places[{g.bs, g.bend}].push_back(
            {i, &g, text::CollapseWhitespace(std::string_view(witnesses[i].text).substr(g.ws, g.wend - g.ws))});
    }
  uint64_t last_end = 0;
  for (auto& [span, cands] : places) {
    if (span.first < last_end) continue;  // overlaps a restoration already made
    const Candidate& c = Choose(cands, work, model);
    r.edits.push_back(RestoreEdit(base, witnesses, cands, c));
    last_end = r.edits.back().end;
    r.variants[variant_at[{c.witness, span.first, span.second}]].restored = true;
  }
  std::stable_sort(r.variants.begin(), r.variants.end(),
                   [](const Variant& a, const Variant& b) { return a.base_start < b.base_start; });
  auto out = ApplyEdits(base, r.edits);
  if (!out.ok()) return out.status();
  r.text = std::move(out).value();
  return r;
}

namespace {

// Apparatus units: base spans where some witness differs, overlapping ones merged.
struct Unit {
  uint64_t start, end;
  std::vector<const Variant*> variants;
};

std::vector<Unit> Units(const CollateResult& r) {
  std::vector<Unit> units;
  for (const Variant& v : r.variants) {
    if (!units.empty() && v.base_start < units.back().end + (v.base_start == v.base_end ? 1 : 0) &&
        v.base_start >= units.back().start) {
      units.back().end = std::max(units.back().end, v.base_end);
      units.back().variants.push_back(&v);
      continue;
    }
    units.push_back({v.base_start, v.base_end, {&v}});
  }
  return units;
}

// The reading of witness `i` over a unit: the base with that witness's variants in it applied.
std::string Reading(std::string_view base, const std::vector<Witness>& ws, const Unit& u, size_t i) {
  std::string s;
  uint64_t pos = u.start;
  for (const Variant* v : u.variants) {
    if (v->witness != i || v->base_start < pos) continue;
    s += base.substr(pos, v->base_start - pos);
    s += std::string_view(ws[i].text).substr(v->wit_start, v->wit_end - v->wit_start);
    pos = v->base_end;
  }
  s += base.substr(pos, u.end - pos);
  return s;
}

std::string AppXml(std::string_view base, const std::string& base_id, const std::vector<Witness>& ws,
                   const CollateResult& r, const Unit& u) {
  // Readings: base, each witness; the lemma is the restored text over the unit.
  std::map<std::string, std::vector<std::string>> by_text;  // reading -> witness refs
  std::vector<std::string> order;
  auto add = [&](const std::string& text, const std::string& ref) {
    if (!by_text.count(text)) order.push_back(text);
    by_text[text].push_back("#" + ref);
  };
  add(std::string(base.substr(u.start, u.end - u.start)), base_id);
  for (size_t i = 0; i < ws.size(); ++i)
    if (r.witnesses[i].aligned) add(Reading(base, ws, u, i), ws[i].id);
  std::string lemma(base.substr(u.start, u.end - u.start));
  for (const Edit& e : r.edits)
    if (e.start >= u.start && e.end <= u.end) {
      lemma = std::string(base.substr(u.start, e.start - u.start)) + e.after +
              std::string(base.substr(e.end, u.end - e.end));
      break;
    }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  std::string xml = "<app>";
  xml += "<lem wit=\"" + XmlEscape(join(by_text.count(lemma) ? by_text[lemma] : std::vector<std::string>{})) + "\"";
  if (!by_text.count(lemma)) xml += " resp=\"#emend\"";
  xml += ">" + XmlEscape(lemma) + "</lem>";
  for (const std::string& t : order)
    if (t != lemma) xml += "<rdg wit=\"" + XmlEscape(join(by_text[t])) + "\">" + XmlEscape(t) + "</rdg>";
  return xml + "</app>";
}

}  // namespace

std::string CollationToTei(std::string_view base, const std::string& base_id, const std::vector<Witness>& ws,
                           const CollateResult& r) {
  std::string list = "<listWit>\n<witness xml:id=\"" + XmlEscape(base_id) + "\">base text</witness>\n";
  for (size_t i = 0; i < ws.size(); ++i)
    list += "<witness xml:id=\"" + XmlEscape(ws[i].id) + "\">" +
            (r.witnesses[i].aligned ? "witness" : "witness (no alignment: not collated)") + "</witness>\n";
  list += "</listWit>\n";
  std::vector<io::TeiSpan> apps;
  for (const Unit& u : Units(r)) apps.push_back({u.start, u.end, AppXml(base, base_id, ws, r, u)});
  return io::TeiDocument("Collation of " + base_id, "automatic collation and restoration", list,
                         "<variantEncoding method=\"parallel-segmentation\" location=\"internal\"/>\n", base, apps);
}

}  // namespace emend
