#include "model/channel_section.h"

#include "model/file.h"

namespace emend::model {

Status AddChannelToModel(const std::string& path, const std::string& tsv) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  auto f = ModelFile::Parse((*file)->bytes(), true);
  if (!f.ok()) return Status(f.status().code(), path + ": " + f.status().message());
  FileWriter w;
  for (const std::string& name : f->names()) {
    if (name == "chan.tsv") continue;
    for (uint32_t width : {1u, 2u, 4u, 8u}) {
      auto v = f->Get(name, width);
      if (!v.ok()) continue;
      if (Status s = w.Add(name, std::string(v->data, v->size), width); !s.ok()) return s;
      break;
    }
  }
  if (Status s = w.Add("chan.tsv", tsv, 1); !s.ok()) return s;
  w.SetMetadata(std::string(f->metadata()));
  return w.Write(path);
}

}  // namespace emend::model
