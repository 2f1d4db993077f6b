// The emend command line: turns library Status values into messages and exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/emend.h"

int main(int argc, char** argv) {
  using namespace emend::cli;
  CLI::App app{"emend: restore damaged text and account for every change it makes"};
  std::string model = ResolveModel("");
  app.set_version_flag("--version", std::string("emend ") + emend::Version() + "\nmodel: " +
                                        (model.empty() ? "none found (emend train, --model, $EMEND_MODEL)" : model) +
                                        "\nword list: " + ResolveWordlist("") + "\nedit schema: " +
                                        std::to_string(emend::kEditSchemaVersion) + "\nmodel format: " +
                                        std::to_string(emend::kModelFormatVersion));
  app.require_subcommand(1);
  std::function<int()> run_fix, run_apply, run_eval, run_train, run_model, run_channel, run_damage, run_collate;
  AddFixCommand(app, &run_fix);
  AddApplyCommand(app, &run_apply);
  AddEvalCommand(app, &run_eval);
  AddTrainCommand(app, &run_train);
  AddModelCommand(app, &run_model);
  AddChannelCommand(app, &run_channel);
  AddDamageCommand(app, &run_damage);
  AddCollateCommand(app, &run_collate);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (app.got_subcommand("fix")) return run_fix();
  if (app.got_subcommand("apply")) return run_apply();
  if (app.got_subcommand("eval")) return run_eval();
  if (app.got_subcommand("train")) return run_train();
  if (app.got_subcommand("model")) return run_model();
  if (app.got_subcommand("channel")) return run_channel();
  if (app.got_subcommand("damage")) return run_damage();
  if (app.got_subcommand("collate")) return run_collate();
  return kExitUsage;
}
