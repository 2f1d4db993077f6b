// emend train: build a model from a corpus. emend model info|perplexity:
// inspect a model and measure it on held-out text.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/model.h"
#include "io/json_text.h"
#include "model/perplexity.h"
#include "correct/channel.h"
#include "model/channel_section.h"
#include "model/priors.h"
#include "model/train.h"
#include "model/trie.h"

namespace emend::cli {
namespace {

struct TrainArgs {
  std::vector<std::string> corpus, exclude;
  std::string exclude_list, out, name = "model";
  std::vector<uint64_t> prune, char_prune;
  int order = 3, char_order = 6, class_order = 4;
  uint64_t min_count = 2;
  bool quiet = false, no_index = false;
};
TrainArgs g_train;

struct ModelArgs {
  std::string model, out, table, unigrams, bigrams;
  std::vector<std::string> files;
  std::string list;  // perplexity --list
  bool json = false;
};
ModelArgs g_model;

// Reads a list of paths, one per line ('#' comments and blanks skipped).
StatusOr<std::vector<std::string>> ReadList(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<std::string> out;
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

Status FillPrune(const std::vector<uint64_t>& v, int order, std::array<uint64_t, model::kMaxOrder + 1>* out) {
  if (v.empty()) return Status::Ok();
  if (int(v.size()) != order - 1)
    return Status::InvalidArgument("--prune takes one threshold per order 2.." + std::to_string(order));
  for (size_t i = 0; i < v.size(); ++i) (*out)[i + 2] = v[i];
  return Status::Ok();
}

int RunTrain() {
  const TrainArgs& a = g_train;
  model::TrainOptions o;
  o.corpus = a.corpus;
  o.exclude = a.exclude;
  if (!a.exclude_list.empty()) {
    auto list = ReadList(a.exclude_list);
    if (!list.ok()) return Fail(list.status());
    o.exclude.insert(o.exclude.end(), list->begin(), list->end());
  }
  o.name = a.name;
  o.order = a.order;
  o.char_order = a.char_order;
  o.class_order = a.class_order;
  o.min_count = a.min_count;
  o.index = !a.no_index;
  if (Status s = FillPrune(a.prune, a.order, &o.prune); !s.ok()) return Fail(s);
  if (Status s = FillPrune(a.char_prune, a.char_order, &o.char_prune); !s.ok()) return Fail(s);
  if (!a.quiet && StderrIsTerminal())
    o.progress = [](const std::string& line) { std::fprintf(stderr, "\remend train: %-60s", line.c_str()); };
  model::TrainReport r;
  Status s = model::Train(o, a.out, &r);
  if (o.progress) std::fprintf(stderr, "\n");
  for (const std::string& sk : r.skipped) std::fprintf(stderr, "emend train: skipped %s\n", sk.c_str());
  if (!s.ok()) return Fail(s);
  if (!a.quiet)
    std::fprintf(stderr, "emend train: %s: %llu files, %llu tokens, vocabulary %llu, n-grams %llu/%llu/%llu\n",
                 a.out.c_str(), (unsigned long long)r.files, (unsigned long long)r.tokens, (unsigned long long)r.vocab,
                 (unsigned long long)r.ngrams[1], (unsigned long long)r.ngrams[2], (unsigned long long)r.ngrams[3]);
  return kExitOk;
}

int RunInfo() {
  auto m = OpenModel(g_model.model);
  if (!m.ok()) return Fail(m.status());
  io::json meta = io::json::parse((*m)->metadata_json(), nullptr, false);
  meta["path"] = (*m)->path();
  std::printf("%s\n", meta.dump(2).c_str());
  return kExitOk;
}

int RunPerplexity() {
  auto m = OpenModel(g_model.model);
  if (!m.ok()) return Fail(m.status());
  std::vector<std::string> files = g_model.files;
  if (!g_model.list.empty()) {
    // --list: the files are named in a list, relative to the first argument (a directory).
    auto list = ReadList(g_model.list);
    if (!list.ok()) return Fail(list.status());
    std::string root = files.empty() ? "." : files[0];
    files.clear();
    for (const std::string& f : *list) files.push_back(root + "/" + f);
  }
  model::PerplexityStats total;
  for (const std::string& f : files) {
    auto text = ReadFile(f);
    if (!text.ok()) return Fail(text.status());
    total.Add(model::Perplexity(**m, *text));
  }
  io::json j = {{"model", (*m)->path()}, {"files", files.size()}, {"predictions", total.predictions},
                {"oov", total.oov}, {"oov_rate", total.predictions ? double(total.oov) / total.predictions : 0.0},
                {"perplexity", total.Perplexity()}, {"perplexity_known", total.PerplexityKnown()}};
  if (g_model.json) std::printf("%s\n", j.dump(2).c_str());
  else
    std::printf("files %zu, predictions %llu, OOV %.2f%%, perplexity %.2f (OOV as <unk>), %.2f (known tokens only)\n",
                files.size(), (unsigned long long)total.predictions, 100.0 * j["oov_rate"].get<double>(),
                total.Perplexity(), total.PerplexityKnown());
  return kExitOk;
}

}  // namespace

void AddTrainCommand(CLI::App& app, std::function<int()>* run) {
  CLI::App* c = app.add_subcommand("train", "Build a language model from a corpus of plain-text files");
  TrainArgs& a = g_train;
  c->add_option("--corpus", a.corpus, "Corpus files or directories (*.txt, recursively)")->required();
  c->add_option("--out,-o", a.out, "Model file to write (crash-safe: temp file, then rename)")->required();
  c->add_option("--exclude", a.exclude, "Paths to leave out (relative to a corpus directory)");
  c->add_option("--exclude-list", a.exclude_list, "File listing paths to leave out, one per line (e.g. docs/heldout.txt)");
  c->add_option("--order", a.order, "Word n-gram order, 1..3 (default 3)");
  c->add_option("--char-order", a.char_order, "Character n-gram order, 1..6 (default 6)");
  c->add_option("--class-order", a.class_order, "Class n-gram order, 0..6 (default 4; 0 = no class model)");
  c->add_option("--min-count", a.min_count, "Words seen fewer times become <unk> (default 2)");
  c->add_option("--prune", a.prune, "Count cutoffs for orders 2..N, e.g. --prune 1,2 (default 1,2)")->delimiter(',');
  c->add_option("--char-prune", a.char_prune, "Count cutoffs of the character model, orders 2..N (default none)")->delimiter(',');
  c->add_option("--name", a.name, "Name recorded in the model's metadata");
  c->add_flag("--quiet,-q", a.quiet, "No progress or summary on stderr");
  c->add_flag("--no-index", a.no_index, "Leave out the hash indexes (compact file for distribution; add them with 'emend model index')");
  *run = RunTrain;
}

void AddModelCommand(CLI::App& app, std::function<int()>* run) {
  CLI::App* c = app.add_subcommand("model", "Inspect or extend a model: info, perplexity, index, add-channel, add-priors");
  c->require_subcommand(1);
  CLI::App* info = c->add_subcommand("info", "Print a model's build options and corpus summary (JSON)");
  info->add_option("--model", g_model.model, "Model file (default: $EMEND_MODEL, then the installed model)");
  CLI::App* ppl = c->add_subcommand("perplexity", "Perplexity of text files under a model");
  ppl->add_option("--model", g_model.model, "Model file (default: $EMEND_MODEL, then the installed model)");
  ppl->add_option("files", g_model.files, "Text files (with --list: the directory the list is relative to)");
  ppl->add_option("--list", g_model.list, "File listing the texts, one per line (e.g. docs/heldout.txt)");
  ppl->add_flag("--json", g_model.json, "JSON output");
  CLI::App* index = c->add_subcommand("index", "Add the hash indexes to a model written with --no-index");
  index->add_option("model", g_model.model, "Model file")->required();
  index->add_option("--out,-o", g_model.out, "Output (default: replace the input, crash-safely)");
  CLI::App* addch = c->add_subcommand("add-channel", "Store a channel table (emend channel train --out) in a model");
  addch->add_option("model", g_model.model, "Model file (rewritten crash-safely)")->required();
  addch->add_option("table", g_model.table, "Channel table file")->required();
  CLI::App* addpr = c->add_subcommand("add-priors", "Store word and word-pair frequency lists (e.g. ../shared/lexicon) in a model");
  addpr->add_option("model", g_model.model, "Model file (rewritten crash-safely)")->required();
  addpr->add_option("--unigrams", g_model.unigrams, "List of 'word count' lines")->required();
  addpr->add_option("--bigrams", g_model.bigrams, "List of 'word1 word2 count' lines")->required();
  *run = [info, index, addch, addpr]() {
    if (addpr->parsed()) {
      Status s = model::AddPriorsToModel(g_model.model, g_model.unigrams, g_model.bigrams);
      return s.ok() ? kExitOk : Fail(s);
    }
    if (addch->parsed()) {
      auto tsv = ReadFile(g_model.table);
      if (!tsv.ok()) return Fail(tsv.status());
      if (auto ch = correct::Channel::Parse(*tsv); !ch.ok()) return Fail(Status(ch.status().code(), g_model.table + ": " + ch.status().message()));
      Status s = model::AddChannelToModel(g_model.model, *tsv);
      return s.ok() ? kExitOk : Fail(s);
    }
    if (index->parsed()) {
      Status s = model::IndexModelFile(g_model.model, g_model.out.empty() ? g_model.model : g_model.out);
      return s.ok() ? kExitOk : Fail(s);
    }
    return info->parsed() ? RunInfo() : RunPerplexity();
  };
}

}  // namespace emend::cli
