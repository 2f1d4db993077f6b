// emend channel train: learn the OCR error channel from aligned OCR/gold data
// (training splits only) and write it as a table, or into a model file.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"
#include "cli/common.h"
#include "correct/channel.h"
#include "eval/datasets.h"
#include "model/channel_section.h"

namespace emend::cli {
namespace {

struct ChannelArgs {
  std::vector<std::string> bln600, icdar, pairs, ocrnoise;
  std::string out, model;
  uint64_t min_count = 2;
  size_t top = 0;
};
ChannelArgs g_channel;

Status AddUnits(correct::Channel* ch, const std::string& format, const std::string& ocr, const std::string& gold,
                uint64_t* units, eval::Split split = eval::Split::kTrain) {
  auto u = eval::LoadUnits(format, ocr, gold, split);
  if (!u.ok()) return u.status();
  for (const eval::Unit& x : *u) ch->AddPair(x.gold, x.ocr);
  *units += u->size();
  return Status::Ok();
}

int RunChannelTrain() {
  const ChannelArgs& a = g_channel;
  correct::Channel ch;
  uint64_t units = 0;
  for (const std::string& f : a.bln600)
    if (Status s = AddUnits(&ch, "bln600", f, "", &units); !s.ok()) return Fail(s);
  for (const std::string& f : a.icdar) {
    // FILEInput.txt pairs with FILEGS.txt.
    std::string gold = f;
    size_t at = gold.rfind("Input.txt");
    if (at == std::string::npos) return Fail(Status::InvalidArgument(f + ": expected an ICDAR *Input.txt file"));
    gold.replace(at, 9, "GS.txt");
    if (Status s = AddUnits(&ch, "icdar", f, gold, &units); !s.ok()) return Fail(s);
  }
  // ocrnoise output made from training books only: every paragraph is usable.
  for (const std::string& d : a.ocrnoise)
    if (Status s = AddUnits(&ch, "pairs", d + "/ocr_par.txt", d + "/gt_par.txt", &units, eval::Split::kAll); !s.ok())
      return Fail(s);
  for (size_t i = 0; i + 1 < a.pairs.size(); i += 2)
    if (Status s = AddUnits(&ch, "pairs", a.pairs[i], a.pairs[i + 1], &units); !s.ok()) return Fail(s);
  if (units == 0) return Fail(Status::InvalidArgument("no training units (give --bln600, --icdar or --pairs)"));
  ch.Finish(a.min_count);
  std::fprintf(stderr, "emend channel: %llu units (training split), %zu confusions, log10 P(copy) = %.5f\n",
               (unsigned long long)units, ch.size(), ch.log10_copy());
  if (!a.out.empty())
    if (Status s = WriteFile(a.out, ch.Serialize()); !s.ok()) return Fail(s);
  if (!a.model.empty())
    if (Status s = model::AddChannelToModel(a.model, ch.Serialize()); !s.ok()) return Fail(s);
  for (size_t i = 0; i < a.top && i < ch.table().size(); ++i) {
    const auto& c = ch.table()[i];
    std::printf("%8llu  %-6s -> %-6s  %.3f\n", (unsigned long long)c.count, correct::ToUtf8(c.intended).c_str(),
                correct::ToUtf8(c.observed).c_str(), c.log10p);
  }
  return kExitOk;
}

}  // namespace

void AddChannelCommand(CLI::App& app, std::function<int()>* run) {
  CLI::App* c = app.add_subcommand("channel", "Learn the OCR error channel");
  c->require_subcommand(1);
  CLI::App* t = c->add_subcommand("train", "Learn confusions from OCR/gold pairs (their training split only)");
  ChannelArgs& a = g_channel;
  t->add_option("--bln600", a.bln600, "BLN600 CSV files");
  t->add_option("--icdar", a.icdar, "ICDAR 2017 *Input.txt files (the *GS.txt beside each is the gold)");
  t->add_option("--ocrnoise", a.ocrnoise,
                "ocrnoise output directories (gt_par.txt, ocr_par.txt) made from books NOT in docs/heldout.txt");
  t->add_option("--pairs", a.pairs, "OCR and gold files or directories, in pairs (e.g. ocrnoise output)");
  t->add_option("--min-count", a.min_count, "Keep confusions seen at least this often (default 2)");
  t->add_option("--out,-o", a.out, "Write the table (chan.tsv format) to this file");
  t->add_option("--model", a.model, "Also store it as the chan.tsv section of this model (rewritten crash-safely)");
  t->add_option("--top", a.top, "Print the N most frequent confusions");
  *run = RunChannelTrain;
}

}  // namespace emend::cli
