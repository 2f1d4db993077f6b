// Saved edit logs: the `emend fix --json` document (docs/edits.md, "Saved
// logs"). A log records the schema version, emend version, model id, options,
// and XXH3-64 hashes of the input and output it was made from, so that it is
// refused when applied to any other text.
#ifndef EMEND_LOG_H_
#define EMEND_LOG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emend/edit.h"
#include "emend/emend.h"
#include "emend/status.h"

namespace emend {

struct EditLog {
  int schema = kEditSchemaVersion;
  std::string emend_version;
  std::string model;
  std::string options_json = "{}";   // the options used, as a JSON object
  uint64_t input_bytes = 0;
  std::optional<uint64_t> input_hash;   // XXH3-64 of the input
  uint64_t output_bytes = 0;
  std::optional<uint64_t> output_hash;  // XXH3-64 of the output of ALL the edits
  std::vector<Edit> edits;
};

// Builds the log of one fixed document.
EditLog MakeLog(std::string_view input, const FixResult& result, std::string model,
                std::string options_json);

// The full `--json` document: log fields plus "text" and "stats".
std::string SerializeFixJson(const EditLog& log, const FixResult& result);

// Parses a log (a whole `--json` document is one; extra keys are ignored).
StatusOr<EditLog> ParseEditLog(std::string_view json);

// Applies a log (or any subset of its edits a reviewer kept) to the input it
// was made from. Refuses an input whose length or hash differs from the log's.
StatusOr<std::string> ApplyLog(std::string_view input, const EditLog& log);

// Gives back the input from an output made by applying `log.edits`; checks
// every edit's text and that the result hashes to the log's input hash.
StatusOr<std::string> InvertLog(std::string_view output, const EditLog& log);

}  // namespace emend

#endif  // EMEND_LOG_H_
