#include <CLI/CLI.hpp>
#include "cli/commands.h"
namespace emend::cli {
void AddEvalCommand(CLI::App& app, std::function<int()>* run) {
  app.add_subcommand("eval", "Evaluate a restorer against ground truth");
  *run = [] { return 2; };
}
}  // namespace emend::cli
