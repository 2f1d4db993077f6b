// Ground-truth readers for `emend eval` (formats in docs/eval.md).
#ifndef EMEND_EVAL_DATASETS_H_
#define EMEND_EVAL_DATASETS_H_

#include <string>
#include <vector>

#include "emend/status.h"

namespace emend::eval {

struct Unit {
  std::string group;  // what the held-out split hashes: article, document or file id
  std::string ocr, gold;
};

enum class Split { kAll, kTrain, kHoldout };

// Held-out rule: XXH3-64(group) % 5 == 0 (20%), documented in docs/eval.md.
bool InHoldout(const std::string& group);

// format: bln600 | icdar | pairs | jsonl. For icdar and pairs, `ocr` and
// `gold` are files (or, for pairs, directories of like-named files); for
// bln600 and jsonl, `ocr` is the data file.
StatusOr<std::vector<Unit>> LoadUnits(const std::string& format, const std::string& ocr,
                                      const std::string& gold, Split split);

// RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace emend::eval

#endif  // EMEND_EVAL_DATASETS_H_
