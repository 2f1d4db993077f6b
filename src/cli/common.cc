#include "cli/common.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "emend/emend.h"
#include "emend/log.h"

namespace emend::cli {

StatusOr<std::string> ReadFile(const std::string& path) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool err = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (err) return Status::IOError(path + ": read failed");
  return data;
}

bool IsSpecialFile(const std::string& path) {
  std::error_code ec;
  auto st = std::filesystem::status(path, ec);
  return !ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st);
}

Status WriteFile(const std::string& path, std::string_view data) {
  if (path == "-") {
    if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size() || std::fflush(stdout))
      return Status::IOError("write to standard output failed");
    return Status::Ok();
  }
  if (IsSpecialFile(path)) {  // /dev/null, a FIFO: write in place, never rename over it
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return Status::IOError(path + ": " + std::strerror(errno));
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    return ok ? Status::Ok() : Status::IOError(path + ": write failed");
  }
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IOError(tmp + ": " + std::strerror(errno));
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  std::error_code ec;
  if (ok) std::filesystem::rename(tmp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError(path + ": write failed");
  }
  return Status::Ok();
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }

int Fail(const Status& s) {
  std::fprintf(stderr, "emend: %s\n", s.ToString().c_str());
  return kExitSomeFailed;
}

std::string ResolveWordlist(const std::string& flag) {
  if (!flag.empty()) return flag == "none" ? "" : flag;
  if (const char* env = std::getenv("EMEND_WORDLIST"); env && *env) return env;
  return EngineOptions{}.lexicon_path;
}

std::string ResolveModel(const std::string& flag) {
  if (!flag.empty()) return flag == "none" ? "" : flag;
  if (const char* env = std::getenv("EMEND_MODEL"); env && *env) return std::string(env) == "none" ? "" : env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (const char* rel : {"share/emend/en.emlm", "../share/emend/en.emlm"}) {
    std::filesystem::path p = exe.parent_path() / rel;
    if (std::filesystem::is_regular_file(p, ec)) return p.lexically_normal().string();
  }
  return "";
}

StatusOr<std::unique_ptr<Model>> OpenModelIfAny(const std::string& flag) {
  std::string path = ResolveModel(flag);
  if (path.empty()) return std::unique_ptr<Model>();
  return Model::Open(path);
}

StatusOr<std::unique_ptr<Model>> OpenModel(const std::string& flag) {
  if (ResolveModel(flag).empty()) return Status::NotFound("no model: pass --model PATH or set EMEND_MODEL");
  return OpenModelIfAny(flag);
}

std::string EditLogDocument(std::string_view input, const std::string& output, const std::vector<Edit>& edits,
                            const std::string& model_id, const std::string& options_json) {
  FixResult r;
  r.text = output;
  r.edits = edits;
  r.stats.bytes_in = input.size();
  r.stats.bytes_out = output.size();
  r.stats.edits = edits.size();
  for (const Edit& e : edits)
    for (int k = 0; k < kNumEditKinds; ++k) r.stats.by_kind[k] += (e.kinds >> k) & 1;
  return SerializeFixJson(MakeLog(input, r, model_id, options_json), r);
}

}  // namespace emend::cli
