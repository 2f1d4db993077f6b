// The damage simulator. Two stages over the clean text:
//  1. deletions mark bytes as lost (sentence, quotation, parenthetical,
//     numeral, in that order of precedence), widening each cut over the
//     spaces around it so the damaged text reads as a copying pipeline left
//     it ("in on", or fused: "inon");
//  2. a walk over the kept bytes emits damaged pieces (case, OCR confusion,
//     spaces, hyphenation, mojibake), each recorded with its original.
// The gold is built from the pieces, so it is exact by construction; the
// tests check it anyway by applying it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <random>

#include "correct/channel.h"
#include "emend/damage.h"
#include "text/utf8.h"

namespace emend {
namespace {

enum Lost : uint8_t { kKept = 0, kSentence, kQuotation, kParenthetical, kNumeral };
const char* LostName(uint8_t r) {
  static const char* names[] = {"", "sentence", "quotation", "parenthetical", "numeral"};
  return names[r];
}

// Deterministic on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : g_(seed) {}
  double Uniform() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return p > 0 && Uniform() < p; }
  size_t Below(size_t n) { return n ? static_cast<size_t>(Uniform() * n) : 0; }
 private:
  std::mt19937_64 g_;
};

bool IsHSpace(char c) { return c == ' ' || c == '\t'; }
bool IsAsciiLetter(char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

struct Span { size_t begin, end; };

// Blank-line separated paragraphs.
std::vector<Span> Paragraphs(std::string_view s) {
  std::vector<Span> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\n') continue;
    size_t j = i + 1;
    while (j < s.size() && (IsHSpace(s[j]) || s[j] == '\r')) ++j;
    if (j < s.size() && s[j] == '\n') { out.push_back({start, i}); start = j; i = j; }
  }
  out.push_back({start, s.size()});
  return out;
}

bool IsAbbreviation(std::string_view s, size_t dot) {
  size_t b = dot;
  while (b > 0 && IsAsciiLetter(s[b - 1])) --b;
  std::string_view w = s.substr(b, dot - b);
  if (w.size() == 1 && (w[0] & 0x20) != w[0]) return true;  // an initial: J.
  static const char* kAbbr[] = {"Mr", "Mrs", "Dr", "St", "Mme", "Messrs", "Capt", "Col", "Gen", "Rev", "vol", "No"};
  for (const char* a : kAbbr) if (w == a) return true;
  return false;
}

// Sentences of a paragraph: end after . ! ? (and closing marks) before white space.
void Sentences(std::string_view s, Span para, std::vector<Span>* out) {
  size_t start = para.begin;
  while (start < para.end && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  for (size_t i = start; i < para.end; ++i) {
    char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (c == '.' && IsAbbreviation(s, i)) continue;
    size_t j = i + 1;
    while (j < para.end && (s[j] == '"' || s[j] == '\'' || s[j] == ')' ||
                            s.substr(j, 3) == "\xE2\x80\x9D" || s.substr(j, 3) == "\xE2\x80\x99"))
      j += (s[j] & 0x80) ? 3 : 1;
    if (j < para.end && !std::isspace(static_cast<unsigned char>(s[j]))) continue;
    out->push_back({start, j});
    start = j;
    while (start < para.end && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    i = start - 1;
  }
  if (start < para.end) {
    size_t e = para.end;
    while (e > start && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    if (e > start) out->push_back({start, e});
  }
}

bool HasQuoteOrApostrophe(std::string_view s) {
  return s.find_first_of("'\"") != std::string_view::npos || s.find("\xE2\x80\x99") != std::string_view::npos ||
         s.find("\xE2\x80\x9C") != std::string_view::npos || s.find("\xE2\x80\x9D") != std::string_view::npos;
}

class Damager {
 public:
  Damager(std::string_view s, const DamageOptions& o, const correct::Channel* ch)
      : s_(s), o_(o), ch_(ch), rng_(o.seed), lost_(s.size(), kKept), invert_(s.size(), 0) {}

  DamageResult Run() {
    for (Span p : Paragraphs(s_)) {
      std::vector<Span> sentences;
      Sentences(s_, p, &sentences);
      for (Span sn : sentences) SentenceOps(sn);
      Quotations(p);
      Parentheses(p);
    }
    Digits();
    Walk();
    return std::move(r_);
  }

 private:
  void SentenceOps(Span sn) {
    std::string_view text = s_.substr(sn.begin, sn.end - sn.begin);
    if (HasQuoteOrApostrophe(text) && rng_.Chance(o_.drop_sentences)) {
      size_t b = sn.begin, e = sn.end;
      while (e < s_.size() && IsHSpace(s_[e])) ++e;      // the space after goes too,
      if (e == sn.end || (e < s_.size() && s_[e] == '\n'))  // or, at a line end, the space before
        while (b > 0 && IsHSpace(s_[b - 1])) --b;
      Mark(b, e, kSentence);
      r_.counts[kOpSentences]++;
      return;
    }
    if (rng_.Chance(o_.capslock)) {
      std::fill(invert_.begin() + sn.begin, invert_.begin() + sn.end, 1);
      r_.counts[kOpCapslock]++;
    }
  }

  // Marks [b, e) lost unless any of it already is.
  bool Mark(size_t b, size_t e, Lost why) {
    for (size_t i = b; i < e; ++i) if (lost_[i]) return false;
    std::fill(lost_.begin() + b, lost_.begin() + e, why);
    return true;
  }

  // Deletes [b, e) as a cut: the spaces around it are tidied (one kept) or,
  // with probability `fuse`, all removed so the neighbours run together.
  void Cut(size_t b, size_t e, Lost why) {
    for (size_t i = b; i < e; ++i) if (lost_[i]) return;
    size_t lb = b, le = e;
    while (lb > 0 && IsHSpace(s_[lb - 1]) && !lost_[lb - 1]) --lb;
    while (le < s_.size() && IsHSpace(s_[le]) && !lost_[le]) ++le;
    bool space_left = lb < b, space_right = le > e;
    bool word_left = lb > 0 && !std::isspace(static_cast<unsigned char>(s_[lb - 1]));
    bool word_right = le < s_.size() && !std::isspace(static_cast<unsigned char>(s_[le]));
    if ((space_left || space_right) && word_left && word_right && rng_.Chance(o_.fuse)) {
      Mark(lb, le, why);
      r_.counts[kOpFuse]++;
    } else if (space_left && space_right) {
      Mark(lb, e, why);      // "in 1879 on" -> "in on"
    } else {
      Mark(b, e, why);       // "in 1879." -> "in ." as pipelines leave it
    }
  }

  void Quotations(Span p) {
    size_t open = std::string_view::npos;
    for (size_t i = p.begin; i < p.end; ++i) {
      bool straight = s_[i] == '"';
      bool curly_open = s_.substr(i, 3) == "\xE2\x80\x9C", curly_close = s_.substr(i, 3) == "\xE2\x80\x9D";
      if (!straight && !curly_open && !curly_close) continue;
      size_t len = straight ? 1 : 3;
      bool opening = curly_open || (straight && open == std::string_view::npos);
      if (opening) { open = i; i += len - 1; continue; }
      if (open == std::string_view::npos) continue;
      size_t close_end = i + len;
      if (rng_.Chance(o_.quotations)) {
        size_t open_len = s_[open] == '"' ? 1 : 3;
        if (o_.quotation_marks) Cut(open, close_end, kQuotation);
        else if (i > open + open_len) Mark(open + open_len, i, kQuotation);
        r_.counts[kOpQuotations]++;
      }
      open = std::string_view::npos;
      i = close_end - 1;
    }
  }

  void Parentheses(Span p) {
    std::vector<size_t> stack;
    for (size_t i = p.begin; i < p.end; ++i) {
      if (s_[i] == '(') { stack.push_back(i); continue; }
      if (s_[i] != ')' || stack.empty()) continue;
      size_t open = stack.back();
      stack.pop_back();
      if (!stack.empty() || !rng_.Chance(o_.parentheses)) continue;  // outermost groups only
      if (o_.parenthesis_marks) Cut(open, i + 1, kParenthetical);
      else if (i > open + 1) Mark(open + 1, i, kParenthetical);
      r_.counts[kOpParentheses]++;
    }
  }

  // Runs of ASCII digits, with , . : between digits (1,000  3.5  2:30).
  void Digits() {
    for (size_t i = 0; i < s_.size(); ++i) {
      if (!IsDigitByte(s_[i])) continue;
      size_t j = i + 1;
      while (j < s_.size() && (IsDigitByte(s_[j]) || ((s_[j] == ',' || s_[j] == '.' || s_[j] == ':') &&
                                                       j + 1 < s_.size() && IsDigitByte(s_[j + 1]))))
        ++j;
      if (rng_.Chance(o_.digits)) { Cut(i, j, kNumeral); r_.counts[kOpDigits]++; }
      i = j - 1;
    }
  }

  // ---- stage 2: emit pieces ----
  void Same(std::string_view t) { r_.text.append(t); }
  void Change(std::string_view damaged, std::string_view original, uint32_t kinds, std::string rule) {
    if (damaged == original) { Same(damaged); return; }
    Edit e;
    e.start = e.end = r_.text.size();
    e.end += damaged.size();
    e.before = std::string(damaged);
    e.after = std::string(original);
    e.kinds = kinds;
    e.rule = std::move(rule);
    r_.gold.push_back(std::move(e));
    r_.text.append(damaged);
  }

  void Walk() {
    size_t i = 0;
    while (i < s_.size()) {
      if (lost_[i]) {
        size_t j = i;
        while (j < s_.size() && lost_[j] == lost_[i]) ++j;
        Change("", s_.substr(i, j - i), kGap, std::string("gap.") + LostName(lost_[i]));
        i = j;
      } else if (IsAsciiLetter(s_[i]) || (static_cast<unsigned char>(s_[i]) >= 0x80 && IsLetterAt(i))) {
        i = Word(i);
      } else if (s_[i] == ' ' && i > 0 && IsAsciiLetter(s_[i - 1]) && !lost_[i - 1] && i + 1 < s_.size() &&
                 IsAsciiLetter(s_[i + 1]) && !lost_[i + 1] && rng_.Chance(o_.space_drop)) {
        Change("", " ", kSplit, "damage.space-drop");
        r_.counts[kOpSpaceDrop]++;
        ++i;
      } else if (static_cast<unsigned char>(s_[i]) >= 0x80) {
        i = NonAscii(i);
      } else {
        Same(s_.substr(i, 1));
        ++i;
      }
    }
  }

  bool IsLetterAt(size_t i) const {
    char32_t cp;
    size_t n = text::DecodeAt(s_, i, &cp);
    return n > 0 && cp != 0xFFFD && text::IsLetter(cp);
  }

  // Mojibake: the character's UTF-8 bytes read as Windows-1252 (or Latin-1).
  size_t NonAscii(size_t i) {
    char32_t cp;
    size_t n = text::DecodeAt(s_, i, &cp);
    if (n <= 1 || !rng_.Chance(o_.mojibake)) { Same(s_.substr(i, std::max<size_t>(n, 1))); return i + std::max<size_t>(n, 1); }
    Change(Mojibake(s_.substr(i, n)), s_.substr(i, n), kEncoding, "damage.mojibake");
    r_.counts[kOpMojibake]++;
    return i + n;
  }

  static std::string Mojibake(std::string_view utf8) {
    std::string out;
    for (unsigned char b : utf8) {
      char32_t c = text::Windows1252(b);
      text::AppendUtf8(c ? c : b, &out);  // undefined in 1252: read as Latin-1
    }
    return out;
  }

  size_t Word(size_t i) {
    size_t j = i;
    while (j < s_.size() && !lost_[j] &&
           (IsAsciiLetter(s_[j]) || (static_cast<unsigned char>(s_[j]) >= 0x80 && IsLetterAt(j)))) {
      char32_t cp;
      j += std::max<size_t>(1, text::DecodeAt(s_, j, &cp));
    }
    std::string_view w = s_.substr(i, j - i);
    std::string d(w);
    uint32_t kinds = 0;
    std::string rule;
    auto note = [&](uint32_t k, const char* name, DamageOp op) {
      kinds |= k;
      rule += (rule.empty() ? "damage." : "+") + std::string(name);
      r_.counts[op]++;
    };
    if (invert_[i]) { d = text::SwapCase(d); if (d != w) note(kCase, "capslock", kOpCapslock); }
    if (ch_ && rng_.Chance(o_.ocr) && Confuse(&d)) note(kSpelling, "ocr", kOpOcr);
    if (o_.mojibake > 0 && MojibakeWord(&d)) note(kEncoding, "mojibake", kOpMojibake);
    size_t letters = text::CodePointCount(d);
    if (letters >= 4 && rng_.Chance(o_.space_insert)) { InsertAt(&d, " "); note(kMerge, "space-insert", kOpSpaceInsert); }
    else if (letters >= 6 && rng_.Chance(o_.hyphenate)) { InsertAt(&d, "-\n"); note(kHyphenation, "hyphenate", kOpHyphenate); }
    Change(d, w, kinds, rule);
    return j;
  }

  // Mojibake on the word's non-ASCII letters; true if any changed.
  bool MojibakeWord(std::string* d) {
    std::string out;
    bool changed = false;
    for (size_t i = 0; i < d->size();) {
      char32_t cp;
      size_t n = text::DecodeOrReplace(*d, i, &cp);
      bool hit = n > 1 && rng_.Chance(o_.mojibake);
      out += hit ? Mojibake(std::string_view(*d).substr(i, n)) : d->substr(i, n);
      changed |= hit;
      i += n;
    }
    if (changed) *d = std::move(out);
    return changed;
  }

  // Inserts `what` at an interior code-point boundary, at least 2 from each end.
  void InsertAt(std::string* d, std::string_view what) {
    std::u32string u = text::ToU32(*d);
    size_t pos = 2 + rng_.Below(u.size() - 3);
    *d = text::ToUtf8(u.substr(0, pos)) + std::string(what) + text::ToUtf8(u.substr(pos));
  }

  // One channel confusion at a random place where its intended side occurs,
  // chosen in proportion to its probability. False if none applies.
  bool Confuse(std::string* d) {
    std::u32string u = text::ToU32(*d), low = text::ToU32(text::Lower(*d));
    if (low.size() != u.size()) return false;
    struct Option { size_t pos; const correct::Confusion* c; double w; };
    std::vector<Option> options;
    double total = 0;
    for (const correct::Confusion& c : ch_->table()) {
      if (c.intended.empty() || c.intended == c.observed || c.observed.empty()) continue;
      if (c.intended.find_first_of(U" -") != std::u32string::npos || c.observed.find_first_of(U" -") != std::u32string::npos) continue;
      for (size_t p = low.find(c.intended); p != std::u32string::npos; p = low.find(c.intended, p + 1)) {
        double w = std::pow(10.0, c.log10p);
        options.push_back({p, &c, w});
        total += w;
      }
    }
    if (options.empty()) return false;
    double x = rng_.Uniform() * total;
    const Option* pick = &options.back();
    for (const Option& op : options) { if (x < op.w) { pick = &op; break; } x -= op.w; }
    std::u32string obs = pick->c->observed;
    if (text::IsUpper(u[pick->pos])) for (char32_t& ch : obs) ch = text::ToUpper(ch);
    u.replace(pick->pos, pick->c->intended.size(), obs);
    *d = text::ToUtf8(u);
    return true;
  }

  std::string_view s_;
  const DamageOptions& o_;
  const correct::Channel* ch_;
  Rng rng_;
  std::vector<uint8_t> lost_, invert_;
  DamageResult r_;
};

}  // namespace

const char* DamageOpName(DamageOp op) {
  static const char* names[kNumDamageOps] = {"capslock", "digits", "quotations", "parentheses",
                                             "drop-sentences", "fuse", "ocr", "space-drop",
                                             "space-insert", "hyphenate", "mojibake"};
  return names[op];
}

StatusOr<DamageResult> Damage(std::string_view clean, const DamageOptions& o, const Model* model) {
  std::optional<correct::Channel> channel;
  if (o.ocr > 0) {
    if (!model || model->ChannelTable().empty())
      return Status::InvalidArgument("ocr damage needs a model with a channel section (emend model add-channel)");
    auto ch = correct::Channel::Parse(model->ChannelTable());
    if (!ch.ok()) return ch.status();
    channel = std::move(ch).value();
  }
  for (double r : {o.capslock, o.digits, o.quotations, o.parentheses, o.drop_sentences, o.fuse, o.ocr,
                   o.space_drop, o.space_insert, o.hyphenate, o.mojibake})
    if (!(r >= 0 && r <= 1)) return Status::InvalidArgument("damage rates must be between 0 and 1");
  return Damager(clean, o, channel ? &*channel : nullptr).Run();
}

namespace {

Status SetOption(DamageOptions* o, std::string_view name, std::string_view value) {
  if (name == "quotation-marks" || name == "parenthesis-marks") {
    bool v = value == "yes" || value == "1" || value == "true";
    if (!v && value != "no" && value != "0" && value != "false")
      return Status::InvalidArgument(std::string(name) + " takes yes or no");
    (name == "quotation-marks" ? o->quotation_marks : o->parenthesis_marks) = v;
    return Status::Ok();
  }
  if (name == "seed") {
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), o->seed);
    if (ec != std::errc() || p != value.data() + value.size()) return Status::InvalidArgument("bad seed");
    return Status::Ok();
  }
  struct Rate { const char* name; double DamageOptions::*field; };
  static const Rate kRates[] = {
      {"capslock", &DamageOptions::capslock}, {"digits", &DamageOptions::digits},
      {"quotations", &DamageOptions::quotations}, {"parentheses", &DamageOptions::parentheses},
      {"drop-sentences", &DamageOptions::drop_sentences}, {"fuse", &DamageOptions::fuse},
      {"ocr", &DamageOptions::ocr}, {"space-drop", &DamageOptions::space_drop},
      {"space-insert", &DamageOptions::space_insert}, {"hyphenate", &DamageOptions::hyphenate},
      {"mojibake", &DamageOptions::mojibake}};
  for (const Rate& r : kRates) {
    if (name != r.name) continue;
    std::string v(value);
    char* end = nullptr;
    double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end || !(x >= 0 && x <= 1))
      return Status::InvalidArgument(std::string(name) + " takes a rate between 0 and 1, not '" + v + "'");
    o->*r.field = x;
    return Status::Ok();
  }
  return Status::InvalidArgument("unknown damage operation '" + std::string(name) + "'");
}

// Presets (docs/damage.md): fixed settings used by tests and BENCHMARKS.md.
const char* Preset(std::string_view name) {
  if (name == "lacunae") return "digits=1,quotations=0.5,parentheses=0.5,fuse=0.2";
  if (name == "ocr") return "ocr=0.08,space-drop=0.01,space-insert=0.01,hyphenate=0.02,mojibake=0.5,capslock=0.02";
  if (name == "seedlike")
    return "capslock=0.03,digits=1,quotations=1,parentheses=1,drop-sentences=0.5,fuse=0.25,ocr=0.01,space-drop=0.003";
  return nullptr;
}

}  // namespace

StatusOr<DamageOptions> ParseDamageSpec(std::string_view spec) {
  DamageOptions o;
  std::string expanded;
  while (!spec.empty()) {
    std::string_view item = spec.substr(0, spec.find(','));
    spec.remove_prefix(std::min(spec.size(), item.size() + 1));
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      const char* p = Preset(item);
      if (!p) return Status::InvalidArgument("unknown damage preset '" + std::string(item) + "' (lacunae, ocr, seedlike)");
      auto sub = ParseDamageSpec(p);
      if (!sub.ok()) return sub.status();
      uint64_t seed = o.seed;
      // A preset sets its rates; later items override them. Rates of the
      // preset that are zero leave earlier settings alone.
      DamageOptions d = *sub;
      for (double DamageOptions::*f : {&DamageOptions::capslock, &DamageOptions::digits, &DamageOptions::quotations,
                                      &DamageOptions::parentheses, &DamageOptions::drop_sentences, &DamageOptions::fuse,
                                      &DamageOptions::ocr, &DamageOptions::space_drop, &DamageOptions::space_insert,
                                      &DamageOptions::hyphenate, &DamageOptions::mojibake})
        if (d.*f > 0) o.*f = d.*f;
      o.seed = seed;
      continue;
    }
    if (Status s = SetOption(&o, item.substr(0, eq), item.substr(eq + 1)); !s.ok()) return s;
  }
  return o;
}

}  // namespace emend
