// Numerals that OCR read partly as letters (see passes.h): 1,ooo -> 1,000,
// 1S71 -> 1871, l6o-164 -> 160-164, lOs. -> 10s., 9tli -> 9th.
//
// A number is otherwise protected from correction (the language model sees
// every number as one token and cannot weigh its digits), so this pass acts
// only where the misread is overwhelming: a run of digits and digit-shaped
// letters whose shape leaves no other reading (MendNumeral's conditions).
// A letter that makes a word is never touched: the run's core must be
// digits and digit-shaped letters only, with at most a unit after them.
#include <array>
#include <string>
#include <string_view>

#include "repair/passes.h"

namespace emend::repair {
namespace {

// The digit a letter stands for in a misread numeral, or 0. The round
// shapes (o O -> 0) and the strokes (l I i -> 1) almost anywhere
// (ReadPart); the rarer ones (S B -> 8, Z -> 2, G -> 6) are `weak`: only
// between two digits. S is 8 rather than 5: the learned channel reads 8 as s
// five times as often as 5 (models/en.channel.tsv).
char DigitFor(char c, bool* weak) {
  *weak = c == 'S' || c == 'B' || c == 'Z' || c == 'G';
  switch (c) {
    case 'o': case 'O': return '0';
    case 'l': case 'I': case 'i': return '1';
    case 'S': case 'B': return '8';
    case 'Z': return '2';
    case 'G': return '6';
    default: return 0;
  }
}

bool IsAlnum(char c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

// A unit that may follow a numeral as written: money (10s., 6d., 20l.) and
// ordinals (1st, 2nd, 3rd, 9th), with the ordinal's th misread (9tli, 5lh).
struct Unit {
  std::string_view seen, meant;
  bool money;
};
constexpr std::array<Unit, 10> kUnits = {{{"tli", "th", false}, {"lh", "th", false}, {"st", "st", false},
                                          {"nd", "nd", false}, {"rd", "rd", false}, {"th", "th", false},
                                          {"s", "s", true}, {"d", "d", true}, {"l", "l", true}, {"", "", false}}};

// The digits and digit-shaped letters of a numeral (ranges split at -, groups at , or .).
struct Reading {
  std::string digits;   // as mended
  int real = 0;         // digits as written
  int mapped = 0;       // letters read as digits
  bool grouped = false; // thousands groups: 1,ooo
  bool upper_o = false; // an O after a small l or an I (lO, IO): a 10, never a word
  bool ok = true;
};

// Whether the letter s[i], standing for digit `d` (0 if none) in a part
// of a number (`last`: the range's last part; `groups`: commas so far), may
// be read so.
bool LetterFits(std::string_view s, size_t i, char d, bool weak, bool last, size_t groups) {
  const char c = s[i];
  const bool first = i == 0, end = i + 1 == s.size();
  // A part starts with a digit or a stroke (l, I, i): never with a round
  // or a rarer shape (O2, B12, S1 are names and codes).
  if (!d || (first && d != '1')) return false;
  // A rarer shape only between two digits (1S71; 221B is an address, 939B
  // a page's section).
  if (weak && (first || end || !IsAsciiDigit(s[i - 1]) || !IsAsciiDigit(s[i + 1]))) return false;
  // A small o that ends the number or comes before a decimal point is a
  // degree sign (180o, 54o.4 in printed tables), save in groups of three
  // (1,ooo) or before a range's dash (l6o-164).
  if (c == 'o' && groups == 0 && ((end && last) || (!end && s[i + 1] == '.'))) return false;
  // A small i only as a part's first, before a digit (i6s.): after digits
  // it is as often a pound's l or a half (66i., 5id.); an I not last (100I
  // is as often 100l.).
  if (c == 'i' && (!first || end || !IsAsciiDigit(s[i + 1]))) return false;
  return !(c == 'I' && end && !first);
}

// Reads one part of a range (no -; `last`: the range's last part): digits
// and digit-shaped letters, in groups of three after a comma.
void ReadPart(std::string_view s, bool last, Reading* r) {
  if (s.empty()) { r->ok = false; return; }
  size_t group = 0, groups = 0;
  for (size_t i = 0; i < s.size() && r->ok; ++i) {
    const char c = s[i];
    if (c == ',' || c == '.') {
      // A comma closes a group: 1-3 digits first, then exactly 3.
      if (c == ',') r->ok = group >= 1 && (groups == 0 ? group <= 3 : group == 3), ++groups;
      r->ok = r->ok && i + 1 < s.size();
      r->digits += c;
      group = 0;
      continue;
    }
    bool weak = false;
    const char d = IsAsciiDigit(c) ? c : DigitFor(c, &weak);
    if (!IsAsciiDigit(c) && !LetterFits(s, i, d, weak, last, groups)) { r->ok = false; return; }
    if (c == 'O' && i > 0 && (s[i - 1] == 'l' || s[i - 1] == 'I')) r->upper_o = true;
    (IsAsciiDigit(c) ? r->real : r->mapped) += 1;
    r->digits += d;
    ++group;
  }
  if (groups > 0) r->ok = r->ok && group == 3, r->grouped = true;
}

Reading Read(std::string_view num) {
  Reading r;
  const bool range = num.find('-') != std::string_view::npos;
  for (size_t b = 0; r.ok;) {
    const size_t e = std::min(num.find('-', b), num.size());
    const int real = r.real;
    ReadPart(num.substr(b, e - b), e == num.size(), &r);
    // Each part of a range holds a digit as written (311-I expected: a
    // pronoun after a lost stop).
    r.ok = r.ok && (!range || r.real > real);
    if (e == num.size()) break;
    r.digits += '-';
    b = e + 1;
  }
  return r;
}

// Whether a run is an amount of money as written, in one of `units` (s,
// d, l) or, with `pounds`, after a £: £3, 6d., 2s, 20l.
bool MoneyRun(std::string_view run, std::string_view units, bool pounds) {
  while (!run.empty() && (run.back() == '.' || run.back() == ',' || run.back() == ';')) run.remove_suffix(1);
  if (run.starts_with("\xC2\xA3")) return pounds && run.size() > 2 && IsAsciiDigit(run[2]);
  if (run.size() < 2 || !IsAsciiDigit(run[0]) || units.find(run.back()) == std::string_view::npos) return false;
  for (size_t i = 0; i + 1 < run.size(); ++i)
    if (!IsAsciiDigit(run[i])) return false;
  return true;
}

// Whether `r` followed by `unit` is an overwhelming misread: digits in
// thousands groups, or at least as many digits as letters, two or more
// digits or a unit after them (1S71, l6o-164, 9tli); a number of letters
// only before a money unit, if its shape is no word's (lOs., lOd) or an
// amount of money stands beside it and it starts with a capital I or an l
// (Is. 6d.; never the verb: is 6d.).
bool Overwhelming(const Reading& r, const Unit& unit, std::string_view num, bool money_beside) {
  if (r.real == 0)
    return unit.money && r.mapped > 0 && (r.upper_o || (money_beside && (num[0] == 'I' || num[0] == 'l')));
  // A lone digit beside a letter is as often a letter misread as a digit
  // (7o one thing: To), unless a unit follows (i6s., 9tli).
  const bool enough = r.real >= 2 || !unit.seen.empty();
  return r.grouped || (enough && r.real >= r.mapped) || money_beside;
}

// The mended core of a run (without its marks), or "" to leave it.
std::string MendCore(std::string_view core, bool money_beside) {
  // Each unit the core may end in; the reading that maps the fewest letters
  // wins (1l. is one pound, not 11).
  std::string best;
  int fewest = 1 << 30;
  for (const Unit& unit : kUnits) {
    if (core.size() <= unit.seen.size() || !core.ends_with(unit.seen)) continue;
    const std::string_view num = core.substr(0, core.size() - unit.seen.size());
    const Reading r = Read(num);
    const int changes = r.mapped + (unit.seen != unit.meant);
    if (!r.ok || changes >= fewest) continue;
    fewest = changes;
    best = changes > 0 && Overwhelming(r, unit, num, money_beside) ? r.digits + std::string(unit.meant) : "";
  }
  return best;
}

// The runs of non-blank bytes before and after [b, e), or "" at the ends.
std::string_view RunBefore(std::string_view s, size_t b) {
  while (b > 0 && IsBlank(s[b - 1])) --b;
  return b > 0 ? RunAround(s, b - 1) : std::string_view();
}
std::string_view RunAfter(std::string_view s, size_t e) {
  while (e < s.size() && IsBlank(s[e])) ++e;
  return e < s.size() ? RunAround(s, e) : std::string_view();
}

}  // namespace

std::string MendNumeral(std::string_view text, size_t b, size_t e, size_t* core_b, size_t* core_e) {
  // The core: from the first ASCII letter or digit to the last (quotes,
  // brackets, £ and stops stay as they are); only ASCII inside it.
  size_t cb = b, ce = e;
  while (cb < ce && !IsAlnum(text[cb])) ++cb;
  while (ce > cb && !IsAlnum(text[ce - 1])) --ce;
  *core_b = cb, *core_e = ce;
  const std::string_view core = text.substr(cb, ce - cb);
  bool digit = false;
  for (char c : core) {
    if (static_cast<unsigned char>(c) >= 0x80) return "";
    digit = digit || IsAsciiDigit(c);
  }
  // Most runs hold no digit and are no money unit's: one look each.
  const bool unit = core.size() <= 3 && (core.ends_with('s') || core.ends_with('d'));
  if (core.empty() || (!digit && !unit)) return "";
  // Money beside it in the order amounts are written: pounds or shillings
  // before (£1 Is., 2s. Id.), shillings or pence after (Is. 6d.); not a £
  // after (Is £4 a week? is the verb).
  const bool money = MoneyRun(RunBefore(text, b), "sl", true) || MoneyRun(RunAfter(text, e), "sd", false);
  std::string mended = MendCore(core, money);
  return mended == core ? "" : mended;
}

void ProposeNumerals(const PassInput& in, Proposals* out) {
  const std::string_view s = in.text;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t e = i;
    while (e < s.size() && !IsBlank(s[e])) ++e;
    size_t b = 0, end = 0;
    if (std::string after = MendNumeral(s, i, e, &b, &end); !after.empty() && !LooksLikeAddress(s.substr(i, e - i)))
      out->push_back(MakeProposal(s, b, end, std::move(after), kSpelling, 0.9, "correct.numeral",
                                  "a numeral OCR read partly as letters (o for 0, l for 1, S for 8)", kRankSpacing));
    i = e;
  }
}

}  // namespace emend::repair
