#include "model/channel_section.h"

#include "model/file.h"

namespace emend::model {

Status AddChannelToModel(const std::string& path, const std::string& tsv) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  auto f = ModelFile::Parse((*file)->bytes(), true);
  if (!f.ok()) return Status(f.status().code(), path + ": " + f.status().message());
  FileWriter w;
  if (Status s = CopySections(*f, "chan.tsv", &w); !s.ok()) return s;
  if (Status s = w.Add("chan.tsv", tsv, 1); !s.ok()) return s;
  return w.Write(path);
}

}  // namespace emend::model
