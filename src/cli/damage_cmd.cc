// emend damage: the damage simulator (docs/damage.md).
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/damage.h"

namespace emend::cli {
namespace {

struct DamageArgs {
  std::string input = "-", output = "-", gold, ops = "lacunae", model;
  uint64_t seed = 1;
  bool seed_set = false;
};
DamageArgs g_damage;

std::string CountsJson(const DamageResult& r) {
  std::string s = "{";
  for (int i = 0; i < kNumDamageOps; ++i)
    s += std::string(i ? "," : "") + "\"" + DamageOpName(static_cast<DamageOp>(i)) + "\":" + std::to_string(r.counts[i]);
  return s + "}";
}

int RunDamage() {
  const DamageArgs& a = g_damage;
  StatusOr<DamageOptions> opt = ParseDamageSpec(a.ops);
  if (!opt.ok()) return Fail(opt.status());
  if (a.seed_set) opt->seed = a.seed;
  std::unique_ptr<Model> model;  // the OCR operation draws from its channel
  if (opt->ocr > 0) {
    auto m = OpenModel(a.model);
    if (!m.ok()) return Fail(Status(m.status().code(), "ocr damage: " + m.status().message()));
    model = std::move(m).value();
  }
  StatusOr<std::string> clean = ReadFile(a.input);
  if (!clean.ok()) return Fail(clean.status());
  StatusOr<DamageResult> r = Damage(*clean, *opt, model.get());
  if (!r.ok()) return Fail(r.status());
  if (!a.gold.empty()) {
    // The gold log reads like `emend fix --json` run on the damaged text.
    std::string opts = "{\"damage\":\"" + a.ops + "\",\"seed\":" + std::to_string(opt->seed) +
                       ",\"counts\":" + CountsJson(*r) + "}";
    std::string doc = EditLogDocument(r->text, *clean, r->gold, "emend-damage", opts);
    if (Status s = WriteFile(a.gold, doc + "\n"); !s.ok()) return Fail(s);
  }
  if (Status s = WriteFile(a.output, r->text); !s.ok()) return Fail(s);
  return kExitOk;
}

}  // namespace

void AddDamageCommand(CLI::App& app, std::function<int()>* run) {
  DamageArgs& a = g_damage;
  CLI::App* c = app.add_subcommand(
      "damage", "Damage clean text the way copying pipelines and OCR do, writing the gold edit log that undoes it");
  c->add_option("input", a.input, "Clean text ('-': standard input)");
  c->add_option("-o,--output", a.output, "The damaged text (default '-': standard output)");
  c->add_option("--gold", a.gold, "Write the gold log here: an `emend fix --json` document for the damaged text");
  c->add_option("--ops", a.ops,
                "Operations and rates, e.g. digits=1,quotations=0.5,fuse=0.2; or a preset: lacunae, ocr, "
                "seedlike (docs/damage.md). Default: lacunae");
  c->add_option("--seed", a.seed, "Random seed (default 1)")->each([&a](const std::string&) { a.seed_set = true; });
  c->add_option("--model", a.model, "Model whose OCR channel the ocr operation draws from");
  *run = RunDamage;
}

}  // namespace emend::cli
