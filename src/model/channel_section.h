// The channel section of a model file (docs/model-format.md, "Channel"):
// the learned confusion table as UTF-8 TSV in section "chan.tsv".
#ifndef EMEND_MODEL_CHANNEL_SECTION_H_
#define EMEND_MODEL_CHANNEL_SECTION_H_

#include <string>

#include "emend/status.h"

namespace emend::model {

// Rewrites `path` (crash-safely) with section "chan.tsv" = `tsv`, replacing
// an existing one; every other section and the metadata are kept.
Status AddChannelToModel(const std::string& path, const std::string& tsv);

}  // namespace emend::model

#endif  // EMEND_MODEL_CHANNEL_SECTION_H_
