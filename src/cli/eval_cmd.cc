// emend eval: score a restorer (the built-in pipeline, none, or a command)
// against ground truth.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/emend.h"
#include "emend/log.h"
#include "eval/datasets.h"
#include "eval/gaps.h"
#include "eval/metrics.h"
#include "io/json_text.h"

namespace emend::cli {
namespace {

struct EvalArgs {
  std::string pred;
  std::string data, gold, format = "auto", split = "all", cmd, wordlist, model, dump;
  bool identity = false, json = false, no_hyphenation = false, no_correct = false, no_real_word = false;
  double aggressiveness = 0.5;
  size_t limit = 0;
  int top = 10;
};
EvalArgs g_eval;

std::string DetectFormat(const std::string& data, const std::string& gold) {
  if (gold.size() > 5 && gold.substr(gold.size() - 5) == ".json") return "damage";
  if (data.size() > 4 && data.substr(data.size() - 4) == ".csv") return "bln600";
  if (data.size() > 6 && data.substr(data.size() - 6) == ".jsonl") return "jsonl";
  if (data.find("Input.txt") != std::string::npos && gold.find("GS.txt") != std::string::npos) return "icdar";
  return "pairs";
}

// Runs `cmd` with `input` on stdin through temporary files.
StatusOr<std::string> RunCommand(const std::string& cmd, const std::string& input) {
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string in = dir + "/emend-eval-in." + std::to_string(::getpid());
  std::string out = dir + "/emend-eval-out." + std::to_string(::getpid());
  if (Status s = WriteFile(in, input); !s.ok()) return s;
  std::string full = "(" + cmd + ") < '" + in + "' > '" + out + "'";
  int rc = std::system(full.c_str());
  auto result = ReadFile(out);
  std::remove(in.c_str());
  std::remove(out.c_str());
  if (rc != 0) return Status::Internal("restorer command failed (" + std::to_string(rc) + "): " + cmd);
  return result;
}

io::json Side(const eval::Counts& c) {
  return {{"ref", c.ref}, {"errors", c.errors()}, {"matches", c.matches}, {"substitutions", c.subs},
          {"deletions", c.dels}, {"insertions", c.ins}, {"rate", c.Rate()}, {"normalized_rate", c.Normalized()}};
}

// The `top` keys of `m` with the largest counts (ties by key), each turned
// into JSON by `entry(key, count)`.
template <typename Key, typename Entry>
io::json TopCounts(const std::map<Key, uint64_t>& m, int top, Entry entry) {
  std::vector<std::pair<uint64_t, Key>> v;
  for (auto& [k, n] : m) v.push_back({n, k});
  std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  io::json out = io::json::array();
  for (int i = 0; i < top && i < static_cast<int>(v.size()); ++i) out.push_back(entry(v[i].second, v[i].first));
  return out;
}

io::json TopConfusions(const std::map<std::pair<std::string, std::string>, uint64_t>& m, int top) {
  return TopCounts(m, top, [](const std::pair<std::string, std::string>& k, uint64_t n) -> io::json {
    return {{"gold", k.first}, {"text", k.second}, {"count", n}};
  });
}

// The `top` gold words most often broken, most frequent first.
io::json TopBroken(const std::map<std::string, uint64_t>& m, int top) {
  return TopCounts(m, top, [](const std::string& w, uint64_t n) -> io::json { return {{"gold", w}, {"count", n}}; });
}

io::json Report(const eval::EvalTotals& t, const std::string& restorer, int top) {
  io::json by_kind = io::json::object();
  for (auto& [k, s] : t.by_kind)
    by_kind[k] = {{"edits", s.edits}, {"good", s.good}, {"precision", s.edits ? double(s.good) / s.edits : 0}};
  double cer_b = t.cer_before.Rate(), cer_a = t.cer_after.Rate();
  return {{"restorer", restorer},
          {"units", t.units},
          {"conventions", "CER/WER over NFC grapheme clusters / UAX#29 words with a letter or digit; "
                          "rate = (s+d+i)/ref, normalized_rate = (s+d+i)/(s+d+i+matches); pooled over all units"},
          {"cer", {{"before", Side(t.cer_before)}, {"after", Side(t.cer_after)},
                   {"reduction", cer_b > 0 ? (cer_b - cer_a) / cer_b : 0}}},
          {"wer", {{"before", Side(t.wer_before)}, {"after", Side(t.wer_after)}}},
          {"edits", {{"count", t.edits}, {"good", t.edits_good},
                     {"precision", t.edits ? double(t.edits_good) / t.edits : 0},
                     {"gold_regions", t.gold_regions}, {"gold_regions_hit", t.gold_regions_hit},
                     {"recall", t.gold_regions ? double(t.gold_regions_hit) / t.gold_regions : 0}}},
          {"words", {{"right_before", t.words_right_before}, {"broken", t.words_broken},
                     {"broken_rate", t.words_right_before ? double(t.words_broken) / t.words_right_before : 0},
                     {"broken_at_gold_hyphen", t.words_broken_at_hyphen},
                     {"broken_rate_elsewhere", t.words_right_before ? double(t.words_broken - t.words_broken_at_hyphen) / t.words_right_before : 0},
                     {"fixed", t.words_fixed}}},
          {"by_kind", by_kind},
          {"confusions_before", TopConfusions(t.confusions_before, top)},
          {"confusions_after", TopConfusions(t.confusions_after, top)},
          {"broken_words", TopBroken(t.broken_words, top)}};
}

void PrintSummary(const io::json& r) {
  auto pct = [](double x) { return x * 100; };
  std::printf("restorer: %s, units: %llu\n", r["restorer"].get<std::string>().c_str(), (unsigned long long)r["units"].get<uint64_t>());
  for (const char* m : {"cer", "wer"}) {
    const auto& b = r[m]["before"];
    const auto& a = r[m]["after"];
    std::printf("%s: %.3f%% -> %.3f%%  (normalized %.3f%% -> %.3f%%; %llu ref units, errors %llu -> %llu)\n", m,
                pct(b["rate"].get<double>()), pct(a["rate"].get<double>()), pct(b["normalized_rate"].get<double>()),
                pct(a["normalized_rate"].get<double>()), (unsigned long long)b["ref"].get<uint64_t>(),
                (unsigned long long)b["errors"].get<uint64_t>(), (unsigned long long)a["errors"].get<uint64_t>());
  }
  std::printf("cer reduction: %.2f%%\n", pct(r["cer"]["reduction"].get<double>()));
  const auto& e = r["edits"];
  std::printf("edits: %llu, precision %.2f%%, recall %.2f%% of %llu gold error regions\n",
              (unsigned long long)e["count"].get<uint64_t>(), pct(e["precision"].get<double>()), pct(e["recall"].get<double>()),
              (unsigned long long)e["gold_regions"].get<uint64_t>());
  const auto& w = r["words"];
  std::printf("words broken: %llu of %llu right before (%.3f%%); fixed: %llu; at a hyphen the gold keeps: %llu (%.3f%% broken elsewhere)\n",
              (unsigned long long)w["broken"].get<uint64_t>(), (unsigned long long)w["right_before"].get<uint64_t>(),
              pct(w["broken_rate"].get<double>()), (unsigned long long)w["fixed"].get<uint64_t>(),
              (unsigned long long)w["broken_at_gold_hyphen"].get<uint64_t>(), pct(w["broken_rate_elsewhere"].get<double>()));
  for (auto& [k, v] : r["by_kind"].items())
    std::printf("  %-24s %6llu edits, precision %.1f%%\n", k.c_str(), (unsigned long long)v["edits"].get<uint64_t>(),
                pct(v["precision"].get<double>()));
  std::printf("top confusions after (gold -> text):\n");
  for (const auto& c : r["confusions_after"])
    std::printf("  %6llu  \"%s\" -> \"%s\"\n", (unsigned long long)c["count"].get<uint64_t>(), c["gold"].get<std::string>().c_str(),
                c["text"].get<std::string>().c_str());
}

FixOptions MakeFixOptions(const EvalArgs& a) {
  FixOptions fo;
  fo.fix_hyphenation = !a.no_hyphenation;
  fo.correct = !a.no_correct;
  fo.real_word = !a.no_real_word;
  fo.aggressiveness = a.aggressiveness;
  return fo;
}

StatusOr<std::unique_ptr<Engine>> MakeEngine(const EvalArgs& a) {
  EngineOptions eo;
  eo.lexicon_path = ResolveWordlist(a.wordlist);
  eo.model_path = ResolveModel(a.model);
  return Engine::Create(eo);
}

StatusOr<EditLog> ReadLog(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto log = ParseEditLog(*text);
  if (!log.ok()) return Status(log.status().code(), path + ": " + log.status().message());
  return log;
}

io::json GapJson(const eval::GapCounts& c) {
  return {{"gold", c.gold}, {"found", c.found}, {"recall", c.Recall()}, {"restored", c.restored},
          {"restored_rate", c.gold ? double(c.restored) / c.gold : 0},
          {"predicted", c.predicted}, {"right", c.right}, {"precision", c.Precision()}};
}

// Damaged text scored against an `emend damage` gold log: the restoration's
// CER against the clean text, and lacunae per reason.
int RunDamageEval(const EvalArgs& a) {
  auto damaged = ReadFile(a.data);
  if (!damaged.ok()) return Fail(damaged.status());
  auto gold = ReadLog(a.gold);
  if (!gold.ok()) return Fail(gold.status());
  auto clean = ApplyLog(*damaged, *gold);
  if (!clean.ok()) return Fail(Status(clean.status().code(), a.gold + " on " + a.data + ": " + clean.status().message()));
  std::vector<Edit> edits;
  std::string out = *damaged, restorer;
  if (!a.pred.empty()) {
    auto pred = ReadLog(a.pred);
    if (!pred.ok()) return Fail(pred.status());
    std::vector<Edit> no_marks = pred->edits;  // score the text without gap markers
    for (Edit& e : no_marks) if ((e.kinds & kGap) && e.start == e.end) e.after = (e.kinds & kSplit) ? " " : "";
    auto o = ApplyEdits(*damaged, no_marks);
    if (!o.ok()) return Fail(Status(o.status().code(), a.pred + ": " + o.status().message()));
    out = *o;
    edits = pred->edits;
    restorer = "log: " + a.pred;
  } else if (!a.identity) {
    auto engine = MakeEngine(a);
    if (!engine.ok()) return Fail(engine.status());
    FixResult r = (*engine)->Fix(*damaged, MakeFixOptions(a));
    out = std::move(r.text);
    edits = std::move(r.edits);
    restorer = "emend fix";
  } else {
    restorer = "identity";
  }
  eval::Symbols sym;
  eval::EvalTotals t;
  eval::ScoreUnit(*damaged, *clean, out, &edits, &sym, &t);
  io::json r = Report(t, restorer, a.top);
  eval::GapScore g = eval::ScoreGaps(*damaged, gold->edits, edits);
  io::json gaps = {{"located", GapJson(g.located)}};
  for (auto& [k, c] : g.by_reason) gaps[k] = GapJson(c);
  r["gaps"] = gaps;
  r["data"] = {{"format", "damage"}, {"path", a.data}, {"gold", a.gold}};
  if (a.json) {
    std::printf("%s\n", r.dump(1).c_str());
    return kExitOk;
  }
  PrintSummary(r);
  std::printf("gaps (same boundary +-1 token; per reason, and located whatever the reason):\n");
  for (auto& [k, v] : gaps.items())
    std::printf("  %-14s gold %5llu found %5llu recall %6.2f%% | predicted %5llu right %5llu precision %6.2f%%"
                " | restored %5llu (%.2f%%)\n",
                k.c_str(), (unsigned long long)v["gold"].get<uint64_t>(), (unsigned long long)v["found"].get<uint64_t>(),
                100 * v["recall"].get<double>(), (unsigned long long)v["predicted"].get<uint64_t>(),
                (unsigned long long)v["right"].get<uint64_t>(), 100 * v["precision"].get<double>(),
                (unsigned long long)v["restored"].get<uint64_t>(), 100 * v["restored_rate"].get<double>());
  return kExitOk;
}

// One JSON line per unit for error analysis: group, ocr, gold, output.
void DumpUnit(std::FILE* f, const eval::Unit& u, const std::string& out) {
  io::json j = io::json::object();
  io::PutBytes(&j, "group", u.group);
  io::PutBytes(&j, "ocr", u.ocr);
  io::PutBytes(&j, "gold", u.gold);
  io::PutBytes(&j, "output", out);
  std::fprintf(f, "%s\n", j.dump().c_str());
}

int RunEval() {
  const EvalArgs& a = g_eval;
  std::string format = a.format == "auto" ? DetectFormat(a.data, a.gold) : a.format;
  if (format == "damage") return RunDamageEval(a);
  eval::Split split = a.split == "train" ? eval::Split::kTrain : a.split == "holdout" ? eval::Split::kHoldout : eval::Split::kAll;
  auto units = eval::LoadUnits(format, a.data, a.gold, split);
  if (!units.ok()) return Fail(units.status());
  if (a.limit && units->size() > a.limit) units->resize(a.limit);
  std::unique_ptr<Engine> engine;
  std::string restorer = a.identity ? "identity" : !a.cmd.empty() ? "cmd: " + a.cmd : "emend fix";
  if (!a.identity && a.cmd.empty()) {
    auto e = MakeEngine(a);
    if (!e.ok()) return Fail(e.status());
    engine = std::move(e).value();
  }
  eval::Symbols sym;
  eval::EvalTotals t;
  std::FILE* dump = a.dump.empty() ? nullptr : std::fopen(a.dump.c_str(), "wb");
  if (!a.dump.empty() && !dump) return Fail(Status::IOError("cannot write " + a.dump));
  bool progress = StderrIsTerminal();
  for (size_t i = 0; i < units->size(); ++i) {
    const eval::Unit& u = (*units)[i];
    std::vector<Edit> edits;
    std::string out = u.ocr;
    if (engine) {
      FixResult r = engine->Fix(u.ocr, MakeFixOptions(a));
      out = std::move(r.text);
      edits = std::move(r.edits);
    } else if (!a.cmd.empty()) {
      auto got = RunCommand(a.cmd, u.ocr);
      if (!got.ok()) return Fail(got.status());
      out = std::move(got).value();
    }
    eval::ScoreUnit(u.ocr, u.gold, out, a.cmd.empty() ? &edits : nullptr, &sym, &t);
    if (dump) DumpUnit(dump, u, out);
    if (progress && (i % 200 == 0 || i + 1 == units->size()))
      std::fprintf(stderr, "\reval: %zu/%zu units", i + 1, units->size());
  }
  if (progress) std::fprintf(stderr, "\n");
  if (dump && std::fclose(dump) != 0) return Fail(Status::IOError("cannot write " + a.dump));
  io::json r = Report(t, restorer, a.top);
  r["data"] = {{"format", format}, {"path", a.data}, {"split", a.split}};
  if (a.json) std::printf("%s\n", r.dump(1).c_str());
  else PrintSummary(r);
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, std::function<int()>* run) {
  EvalArgs& a = g_eval;
  CLI::App* c = app.add_subcommand("eval", "Evaluate a restorer against ground truth (CER, WER, edit precision, words broken)");
  c->add_option("data", a.data, "BLN600 CSV, JSONL with ocr/gold fields, ICDAR *Input.txt, or an OCR file/directory")->required();
  c->add_option("--gold", a.gold, "Gold file or directory (icdar: *GS.txt; pairs: like-named files)");
  c->add_option("--format", a.format,
                "auto (default), bln600, icdar, pairs, jsonl, damage (damaged text with --gold LOG.json from emend damage)")
      ->check(CLI::IsMember({"auto", "bln600", "icdar", "pairs", "jsonl", "damage"}));
  c->add_option("--pred", a.pred, "damage format: score this edit log (emend fix --json of the damaged text) instead of running fix");
  c->add_option("--split", a.split, "all (default), train or holdout: 20% of articles/documents by XXH3-64(id) % 5 == 0")
      ->check(CLI::IsMember({"all", "train", "holdout"}));
  c->add_flag("--identity", a.identity, "Evaluate no restoration at all (the data's own error rates)");
  c->add_option("--cmd", a.cmd, "Evaluate a restorer command: reads one unit on stdin, writes the restored text on stdout");
  c->add_flag("--json", a.json, "Write the full report as JSON");
  c->add_option("--limit", a.limit, "Evaluate at most N units");
  c->add_option("--top", a.top, "Confusions to list (default 10)");
  c->add_option("--wordlist", a.wordlist, "Word list for the built-in pipeline (as in emend fix)");
  c->add_option("--model", a.model, "Language model for the built-in pipeline (as in emend fix)");
  c->add_flag("--no-hyphenation", a.no_hyphenation,
              "Built-in pipeline without rejoining hyphenated words (for gold that keeps line-break hyphens)");
  c->add_flag("--no-correct", a.no_correct, "Built-in pipeline without word correction");
  c->add_flag("--no-real-word", a.no_real_word, "Built-in pipeline without real-word correction");
  c->add_option("--aggressiveness", a.aggressiveness, "As in emend fix (default 0.5)");
  c->add_option("--dump", a.dump, "Write one JSON line per unit (group, ocr, gold, output) to this file, for error analysis");
  *run = RunEval;
}

}  // namespace emend::cli
