// emend apply: replay a saved edit log, or invert it.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/log.h"

namespace emend::cli {
namespace {

struct ApplyArgs {
  std::string edits, input = "-", output = "-";
  bool invert = false;
};
ApplyArgs g_apply;

int RunApply() {
  const ApplyArgs& a = g_apply;
  StatusOr<std::string> log_text = ReadFile(a.edits);
  if (!log_text.ok()) return Fail(log_text.status());
  StatusOr<EditLog> log = ParseEditLog(*log_text);
  if (!log.ok()) return Fail(Status(log.status().code(), a.edits + ": " + log.status().message()));
  StatusOr<std::string> text = ReadFile(a.input);
  if (!text.ok()) return Fail(text.status());
  StatusOr<std::string> result = a.invert ? InvertLog(*text, *log) : ApplyLog(*text, *log);
  if (!result.ok()) return Fail(Status(result.status().code(), a.edits + " on " + a.input + ": " + result.status().message()));
  if (Status s = WriteFile(a.output, *result); !s.ok()) return Fail(s);
  return kExitOk;
}

}  // namespace

void AddApplyCommand(CLI::App& app, std::function<int()>* run) {
  ApplyArgs& a = g_apply;
  CLI::App* c = app.add_subcommand(
      "apply", "Re-apply a saved edit log (or the subset a reviewer kept) to its input; --invert gives the input back");
  c->add_option("--edits", a.edits, "The edit log: an `emend fix --json` document")->required();
  c->add_option("input", a.input, "The text the log was made from ('-': standard input); with --invert, its output");
  c->add_flag("--invert", a.invert, "Undo the edits: from the output, give back the original input byte for byte");
  c->add_option("-o,--output", a.output, "Where to write the result (default '-': standard output)");
  *run = RunApply;
}

}  // namespace emend::cli
