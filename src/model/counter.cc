#include "model/counter.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <queue>

#include "model/file.h"

namespace emend::model {
namespace {

struct FileCloser { void operator()(FILE* f) const { if (f) std::fclose(f); } };
using FilePtr = std::unique_ptr<FILE, FileCloser>;

// Reads one (key, count) record; false at end of file.
bool ReadRecord(FILE* f, KeyCount* kc) {
  char b[16];
  if (std::fread(b, 1, 16, f) != 16) return false;
  kc->first = GetU64(b);
  kc->second = GetU64(b + 8);
  return true;
}

}  // namespace

NgramCounter::NgramCounter(size_t buffer_keys, std::string temp_dir)
    : buffer_keys_(std::max<size_t>(buffer_keys, 1)), temp_dir_(std::move(temp_dir)) {
  if (temp_dir_.empty()) {
    const char* t = std::getenv("TMPDIR");
    temp_dir_ = t && *t ? t : "/tmp";
  }
}

NgramCounter::~NgramCounter() {
  for (const std::string& r : runs_) ::unlink(r.c_str());
}

std::vector<KeyCount> NgramCounter::SortBuffer() {
  std::sort(buffer_.begin(), buffer_.end());
  std::vector<KeyCount> out;
  for (uint64_t k : buffer_) {
    if (!out.empty() && out.back().first == k) ++out.back().second;
    else out.emplace_back(k, 1);
  }
  buffer_.clear();
  return out;
}

Status NgramCounter::Spill() {
  std::vector<KeyCount> run = SortBuffer();
  std::string path = temp_dir_ + "/emend-count-XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0) return Status::IOError("cannot create a temporary file in " + temp_dir_);
  FilePtr f(::fdopen(fd, "wb"));
  runs_.push_back(path);
  std::string rec;
  for (const KeyCount& kc : run) {
    rec.clear();
    PutU64(&rec, kc.first);
    PutU64(&rec, kc.second);
    if (std::fwrite(rec.data(), 1, rec.size(), f.get()) != rec.size())
      return Status::IOError(path + ": write failed (disk full?)");
  }
  if (std::fflush(f.get()) != 0) return Status::IOError(path + ": write failed (disk full?)");
  return Status::Ok();
}

StatusOr<std::vector<KeyCount>> NgramCounter::Finish() {
  std::vector<KeyCount> last = SortBuffer();
  if (runs_.empty()) return last;
  std::vector<FilePtr> files;
  for (const std::string& r : runs_) {
    files.emplace_back(std::fopen(r.c_str(), "rb"));
    if (!files.back()) return Status::IOError(r + ": cannot reopen a counting run");
  }
  // Heap entries: (key, count, source); source == files.size() is `last`.
  using Item = std::tuple<uint64_t, uint64_t, size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  size_t last_pos = 0;
  auto next = [&](size_t src) {
    KeyCount kc;
    if (src < files.size() ? ReadRecord(files[src].get(), &kc) : last_pos < last.size() && (kc = last[last_pos++], true))
      heap.emplace(kc.first, kc.second, src);
  };
  for (size_t i = 0; i <= files.size(); ++i) next(i);
  std::vector<KeyCount> out;
  while (!heap.empty()) {
    auto [k, c, src] = heap.top();
    heap.pop();
    if (!out.empty() && out.back().first == k) out.back().second += c;
    else out.emplace_back(k, c);
    next(src);
  }
  files.clear();
  for (const std::string& r : runs_) ::unlink(r.c_str());
  runs_.clear();
  return out;
}

}  // namespace emend::model
