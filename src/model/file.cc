#include "model/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>

#include "util/hash.h"

namespace emend::model {
namespace {

size_t Pad8(size_t n) { return (n + 7) & ~size_t{7}; }

std::string ErrnoText() { return std::strerror(errno); }

// Header fields at their offsets (docs/model-format.md).
struct Header {
  uint32_t version, flags, count;
  uint64_t meta_off, meta_size, file_size, table_hash, header_hash;
};

Header ReadHeader(const char* p) {
  return {GetU32(p + 8), GetU32(p + 12), GetU32(p + 16), GetU64(p + 24),
          GetU64(p + 32), GetU64(p + 40), GetU64(p + 48), GetU64(p + 56)};
}

Status CheckHeader(std::string_view b, const Header& h) {
  if (b.size() < kHeaderSize || std::memcmp(b.data(), kMagic, 8) != 0)
    return Status::Corrupt("not an emend model (bad magic)");
  if (h.version != kFormatVersion)
    return Status::Corrupt("model format version " + std::to_string(h.version) + " is not supported (this emend reads " +
                           std::to_string(kFormatVersion) + ")");
  if (util::Hash64(b.substr(0, 56)) != h.header_hash) return Status::Corrupt("header checksum mismatch");
  if (h.flags != 0) return Status::Corrupt("unknown header flags");
  if (h.file_size != b.size())
    return Status::Corrupt("file is " + std::to_string(b.size()) + " bytes, header says " +
                           std::to_string(h.file_size) + " (truncated or padded)");
  uint64_t table_end = kHeaderSize + uint64_t{h.count} * kEntrySize;
  if (h.count > 4096 || table_end > b.size() || h.meta_off != table_end || h.meta_size > b.size() - table_end)
    return Status::Corrupt("section table or metadata out of bounds");
  if (util::Hash64(b.substr(kHeaderSize, table_end - kHeaderSize + h.meta_size)) != h.table_hash)
    return Status::Corrupt("section table checksum mismatch");
  return Status::Ok();
}

}  // namespace

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
bool HostIsLittleEndian() { return std::endian::native == std::endian::little; }

Status FileWriter::Add(std::string name, std::string bytes, uint32_t width) {
  if (name.empty() || name.size() > kMaxNameLength) return Status::InvalidArgument("bad section name '" + name + "'");
  if (width == 0 || bytes.size() % width != 0) return Status::InvalidArgument("section " + name + ": bad width");
  for (const Section& s : sections_)
    if (s.name == name) return Status::InvalidArgument("duplicate section " + name);
  sections_.push_back({std::move(name), std::move(bytes), width});
  return Status::Ok();
}

std::string FileWriter::Serialize() const {
  std::string table, out;
  uint64_t meta_off = kHeaderSize + sections_.size() * kEntrySize;
  uint64_t off = Pad8(meta_off + metadata_.size());
  for (const Section& s : sections_) {
    std::string name = s.name;
    name.resize(kMaxNameLength, '\0');
    table += name;
    PutU64(&table, off);
    PutU64(&table, s.bytes.size());
    PutU32(&table, s.width);
    PutU32(&table, 0);
    PutU64(&table, util::Hash64(s.bytes));
    off = Pad8(off + s.bytes.size());
  }
  out.append(kMagic, 8);
  PutU32(&out, kFormatVersion);
  PutU32(&out, 0);
  PutU32(&out, static_cast<uint32_t>(sections_.size()));
  PutU32(&out, 0);
  PutU64(&out, meta_off);
  PutU64(&out, metadata_.size());
  PutU64(&out, off);
  PutU64(&out, util::Hash64(table + metadata_));
  PutU64(&out, util::Hash64(out));
  out += table;
  out += metadata_;
  out.resize(Pad8(out.size()), '\0');
  for (const Section& s : sections_) {
    out += s.bytes;
    out.resize(Pad8(out.size()), '\0');
  }
  return out;
}

Status FileWriter::Write(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Status::IOError(tmp + ": " + ErrnoText());
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status s = Status::IOError(tmp + ": " + ErrnoText());
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::IOError(tmp + ": " + ErrnoText());
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = Status::IOError(path + ": " + ErrnoText());
    ::unlink(tmp.c_str());
    return s;
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return errno == ENOENT ? Status::NotFound(path + ": no such file") : Status::IOError(path + ": " + ErrnoText());
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IOError(path + ": not a regular file");
  }
  std::unique_ptr<MappedFile> f(new MappedFile());
  f->path_ = path;
  f->size_ = static_cast<size_t>(st.st_size);
  if (f->size_ > 0) {
    void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      return Status::IOError(path + ": mmap: " + ErrnoText());
    }
    f->data_ = static_cast<const char*>(p);
    f->mapped_ = true;
  }
  ::close(fd);
  return f;
}

std::unique_ptr<MappedFile> MappedFile::FromString(std::string bytes, std::string name) {
  std::unique_ptr<MappedFile> f(new MappedFile());
  f->owned_ = std::move(bytes);
  f->data_ = f->owned_.data();
  f->size_ = f->owned_.size();
  f->path_ = std::move(name);
  return f;
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

StatusOr<ModelFile> ModelFile::Parse(std::string_view b, bool verify) {
  if (!HostIsLittleEndian()) return Status::Corrupt("emend models are little-endian; this host is not");
  if (b.size() < kHeaderSize) return Status::Corrupt("file too short for a model header (" + std::to_string(b.size()) + " bytes)");
  Header h = ReadHeader(b.data());
  if (Status s = CheckHeader(b, h); !s.ok()) return s;
  ModelFile mf;
  mf.metadata_ = b.substr(h.meta_off, h.meta_size);
  uint64_t data_start = h.meta_off + h.meta_size;
  uint64_t prev_end = data_start;
  for (uint32_t i = 0; i < h.count; ++i) {
    const char* e = b.data() + kHeaderSize + size_t{i} * kEntrySize;
    std::string name(e, strnlen(e, kMaxNameLength));
    uint64_t off = GetU64(e + 16), size = GetU64(e + 24), hash = GetU64(e + 40);
    uint32_t width = GetU32(e + 32);
    std::string where = "section '" + name + "'";
    if (name.empty() || mf.Has(name)) return Status::Corrupt(where + ": empty or duplicate name");
    if (off % 8 != 0 || off < prev_end || off > b.size() || size > b.size() - off)
      return Status::Corrupt(where + ": out of bounds, misaligned or overlapping");
    if (!(width == 1 || width == 2 || width == 4 || width == 8) || size % width != 0 || GetU32(e + 36) != 0)
      return Status::Corrupt(where + ": bad element width or flags");
    if (verify && util::Hash64(b.substr(off, size)) != hash) return Status::Corrupt(where + ": checksum mismatch");
    prev_end = off + size;
    mf.entries_.push_back({std::move(name), SectionView{b.data() + off, size, width}});
  }
  return mf;
}

bool ModelFile::Has(std::string_view name) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
}

StatusOr<SectionView> ModelFile::Get(std::string_view name, uint32_t width) const {
  for (const Entry& e : entries_) {
    if (e.name != name) continue;
    if (e.view.width != width)
      return Status::Corrupt("section '" + std::string(name) + "' has element width " + std::to_string(e.view.width) +
                             ", expected " + std::to_string(width));
    return e.view;
  }
  return Status::Corrupt("missing section '" + std::string(name) + "'");
}

void PutF32(std::string* out, float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  PutU32(out, u);
}

float ReadF32(const char* p) {
  const uint32_t u = GetU32(p);
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

Status RewriteModel(const std::string& in, const std::string& out, const std::string& replace,
                    const std::function<Status(const ModelFile&, FileWriter*)>& add) {
  auto file = MappedFile::Open(in);
  if (!file.ok()) return file.status();
  auto f = ModelFile::Parse((*file)->bytes(), true);
  if (!f.ok()) return Status(f.status().code(), in + ": " + f.status().message());
  FileWriter w;
  for (const std::string& name : f->names()) {
    if (name == replace || (replace.ends_with('.') && name.starts_with(replace))) continue;
    for (uint32_t width : {1u, 2u, 4u, 8u}) {  // Get() succeeds with the stored width only
      auto v = f->Get(name, width);
      if (!v.ok()) continue;
      if (Status s = w.Add(name, std::string(v->data, v->size), width); !s.ok()) return s;
      break;
    }
  }
  w.SetMetadata(std::string(f->metadata()));
  if (Status s = add(*f, &w); !s.ok()) return Status(s.code(), in + ": " + s.message());
  return w.Write(out);
}

std::vector<std::string> ModelFile::names() const {
  std::vector<std::string> v;
  for (const Entry& e : entries_) v.push_back(e.name);
  return v;
}

}  // namespace emend::model
