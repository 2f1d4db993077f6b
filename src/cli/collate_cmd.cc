// emend collate: restore a base text from other copies (docs/collate.md).
#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/collate.h"
#include "io/json_text.h"

namespace emend::cli {
namespace {

struct CollateArgs {
  std::string base;
  std::vector<std::string> witnesses;
  std::vector<std::string> ids;
  std::string output = "-", base_id = "base", model;
  bool json = false, tei = false, jsonl = false, no_restore = false;
};
CollateArgs g_collate;

// A file name as an XML name: invalid characters become _, a leading digit gets "w".
std::string IdFromPath(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string(), id;
  for (char c : stem) id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
  if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_')) id = "w" + id;
  return id;
}

io::json VariantsJson(const CollateResult& r, const std::vector<Witness>& ws) {
  io::json v = io::json::array();
  for (const Variant& x : r.variants)
    v.push_back({{"witness", ws[x.witness].id}, {"base_start", x.base_start}, {"base_end", x.base_end},
                 {"witness_start", x.wit_start}, {"witness_end", x.wit_end}, {"kind", x.kind},
                 {"restored", x.restored}});
  return v;
}

io::json WitnessesJson(const CollateResult& r) {
  io::json a = io::json::array();
  for (const WitnessReport& w : r.witnesses)
    a.push_back({{"id", w.id}, {"aligned", w.aligned}, {"coverage", w.coverage}, {"anchors", w.anchors}});
  return a;
}

// Warns about witnesses that did not align; false if none did.
bool ReportAlignment(const CollateResult& r, const std::string& where) {
  bool any = false;
  for (const WitnessReport& w : r.witnesses) {
    any |= w.aligned;
    if (!w.aligned)
      std::fprintf(stderr, "emend: %s%s: no alignment with the base (%.1f%% of its tokens match); not used\n",
                   where.c_str(), w.id.c_str(), 100 * w.coverage);
  }
  return any;
}

std::string JsonDocument(std::string_view base, const CollateResult& r, const std::vector<Witness>& ws) {
  io::json j = io::json::parse(EditLogDocument(base, r.text, r.edits, "collate", "{\"collate\":true}"));
  j["variants"] = VariantsJson(r, ws);
  j["witnesses"] = WitnessesJson(r);
  return io::Dump(j) + "\n";
}

int RunJsonl(const CollateArgs& a, const CollateOptions& o, const Model* model) {
  auto in = ReadFile(a.base);
  if (!in.ok()) return Fail(in.status());
  std::string out;
  uint64_t bad = 0, unaligned = 0;
  size_t pos = 0;
  while (pos < in->size()) {
    size_t nl = in->find('\n', pos);
    std::string_view line = std::string_view(*in).substr(pos, (nl == std::string::npos ? in->size() : nl) - pos);
    pos = nl == std::string::npos ? in->size() : nl + 1;
    io::json j = io::json::parse(line, nullptr, false);
    std::vector<Witness> ws;
    bool ok = j.is_object() && j.contains("text") && j["text"].is_string() && j.contains("witnesses") &&
              j["witnesses"].is_array();
    if (ok)
      for (const auto& w : j["witnesses"]) {
        if (!w.is_object() || !w.contains("text") || !w["text"].is_string()) { ok = false; break; }
        ws.push_back({io::StringOr(w, "id", "w" + std::to_string(ws.size() + 1)), w["text"].get<std::string>()});
      }
    StatusOr<CollateResult> r = ok ? Collate(j["text"].get<std::string>(), ws, o, model)
                                   : StatusOr<CollateResult>(Status::Corrupt("bad line"));
    if (!r.ok()) {  // passed through unchanged
      ++bad;
      out.append(line);
    } else {
      std::string base = j["text"].get<std::string>();
      unaligned += !ReportAlignment(*r, io::StringOr(j, "id", "line") + ": ");
      io::json edits = io::json::array();
      for (const Edit& e : r->edits) edits.push_back(io::EditToJson(e));
      j["text"] = r->text;
      j["emend"] = {{"edits", edits}, {"variants", VariantsJson(*r, ws)}, {"witnesses", WitnessesJson(*r)}};
      out += io::Dump(j);
    }
    if (nl != std::string::npos) out.push_back('\n');
  }
  if (bad) std::fprintf(stderr, "emend: jsonl: %llu line(s) without text and witnesses passed through unchanged\n",
                        (unsigned long long)bad);
  if (Status s = WriteFile(a.output, out); !s.ok()) return Fail(s);
  return bad || unaligned ? kExitSomeFailed : kExitOk;
}

int RunCollate() {
  const CollateArgs& a = g_collate;
  CollateOptions o;
  o.restore = !a.no_restore;
  auto model = OpenModelIfAny(a.model);  // optional: weighs readings that disagree
  if (!model.ok()) return Fail(model.status());
  if (a.jsonl) return RunJsonl(a, o, model->get());
  if (a.witnesses.empty()) return Fail(Status::InvalidArgument("collate needs at least one witness file"));
  if (!a.ids.empty() && a.ids.size() != a.witnesses.size())
    return Fail(Status::InvalidArgument("--ids must name every witness"));
  auto base = ReadFile(a.base);
  if (!base.ok()) return Fail(base.status());
  std::vector<Witness> ws;
  for (size_t i = 0; i < a.witnesses.size(); ++i) {
    auto t = ReadFile(a.witnesses[i]);
    if (!t.ok()) return Fail(t.status());
    ws.push_back({a.ids.empty() ? IdFromPath(a.witnesses[i]) : a.ids[i], std::move(t).value()});
  }
  auto r = Collate(*base, ws, o, model->get());
  if (!r.ok()) return Fail(r.status());
  bool any = ReportAlignment(*r, "witness ");
  std::string out = a.json ? JsonDocument(*base, *r, ws) : a.tei ? CollationToTei(*base, a.base_id, ws, *r) : r->text;
  if (Status s = WriteFile(a.output, out); !s.ok()) return Fail(s);
  return any ? kExitOk : kExitSomeFailed;
}

}  // namespace

void AddCollateCommand(CLI::App& app, std::function<int()>* run) {
  CollateArgs& a = g_collate;
  CLI::App* c = app.add_subcommand(
      "collate", "Align a base text with other copies (witnesses), restore what the base lost, write an apparatus");
  c->add_option("base", a.base, "The base text ('-': standard input); with --jsonl, the JSON Lines file")->required();
  c->add_option("witnesses", a.witnesses, "Witness files");
  c->add_option("--ids", a.ids, "Witness ids (XML names), in order (default: from the file names)")->delimiter(',');
  c->add_option("--base-id", a.base_id, "The base's id in the apparatus (default: base)");
  c->add_flag("--json", a.json, "Write the edit log (restorations citing witness offsets), variants and witnesses");
  c->add_flag("--tei", a.tei, "Write a TEI parallel-segmentation apparatus");
  c->add_flag("--jsonl", a.jsonl,
              "Batch: each line {\"id\", \"text\", \"witnesses\": [{\"id\", \"text\"}]}; the output line gets the "
              "restored text and \"emend\": {edits, variants, witnesses}");
  c->add_flag("--no-restore", a.no_restore, "Align and classify only; the base text is not changed");
  c->add_option("--model", a.model, "Language model weighing readings that disagree ('none': without)");
  c->add_option("-o,--output", a.output, "Where to write (default '-': standard output)");
  *run = RunCollate;
}

}  // namespace emend::cli
