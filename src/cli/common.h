// Shared pieces of the emend command line.
#ifndef EMEND_CLI_COMMON_H_
#define EMEND_CLI_COMMON_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"
#include "emend/model.h"
#include "emend/status.h"

namespace emend::cli {

// Exit codes (docs/edits.md, "Command line").
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

StatusOr<std::string> ReadFile(const std::string& path);  // "-" is stdin
Status WriteFile(const std::string& path, std::string_view data);  // temp + rename; "-" is stdout
// An existing path that is not a regular file (/dev/null, a FIFO): written in
// place, since renaming a temporary file over it would replace the device.
bool IsSpecialFile(const std::string& path);
bool StderrIsTerminal();
int Fail(const Status& s);  // prints "emend: <message>" to stderr, returns kExitSomeFailed

// The word list: --wordlist, else $EMEND_WORDLIST, else the default.
std::string ResolveWordlist(const std::string& flag);

// The model: --model, else $EMEND_MODEL, else the first that exists of
// <exe dir>/share/emend/en.emlm (build tree) and <exe dir>/../share/emend/en.emlm
// (installed). "none" or nothing found: "".
std::string ResolveModel(const std::string& flag);

// The model ResolveModel finds, opened; null when there is none.
StatusOr<std::unique_ptr<Model>> OpenModelIfAny(const std::string& flag);
// The same, but having no model is an error (NotFound).
StatusOr<std::unique_ptr<Model>> OpenModel(const std::string& flag);

// An `emend fix --json` document for edits that turn `input` into `output`
// but were made by another tool (the damage gold, collation): log header,
// text, edits and stats. `options_json` must be a JSON object.
std::string EditLogDocument(std::string_view input, const std::string& output, const std::vector<Edit>& edits,
                            const std::string& model_id, const std::string& options_json);

}  // namespace emend::cli

#endif  // EMEND_CLI_COMMON_H_
