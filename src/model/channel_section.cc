#include "model/channel_section.h"

#include "model/file.h"

namespace emend::model {

Status AddChannelToModel(const std::string& path, const std::string& tsv) {
  return RewriteModel(path, path, "chan.tsv",
                      [&](const ModelFile&, FileWriter* w) { return w->Add("chan.tsv", tsv, 1); });
}

}  // namespace emend::model
