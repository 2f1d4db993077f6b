// Subcommands of the emend command line. Each registers its options on the
// app and sets *run to the function that executes it when chosen.
#ifndef EMEND_CLI_COMMANDS_H_
#define EMEND_CLI_COMMANDS_H_

#include <functional>

namespace CLI { class App; }

namespace emend::cli {

void AddFixCommand(CLI::App& app, std::function<int()>* run);
void AddApplyCommand(CLI::App& app, std::function<int()>* run);
void AddEvalCommand(CLI::App& app, std::function<int()>* run);
void AddTrainCommand(CLI::App& app, std::function<int()>* run);
void AddModelCommand(CLI::App& app, std::function<int()>* run);
void AddChannelCommand(CLI::App& app, std::function<int()>* run);
void AddDamageCommand(CLI::App& app, std::function<int()>* run);
void AddCollateCommand(CLI::App& app, std::function<int()>* run);

}  // namespace emend::cli

#endif  // EMEND_CLI_COMMANDS_H_
