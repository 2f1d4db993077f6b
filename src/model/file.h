// The container of the model file (docs/model-format.md): a writer that lays
// out named, 8-aligned, checksummed sections and renames into place, and a
// reader that maps a file and validates header, table and sections before
// handing out bounds-checked views.
#ifndef EMEND_MODEL_FILE_H_
#define EMEND_MODEL_FILE_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "emend/model.h"
#include "emend/status.h"

namespace emend::model {

constexpr char kMagic[8] = {'E', 'M', 'E', 'N', 'D', 'L', 'M', '\0'};
constexpr uint32_t kFormatVersion = kModelFormatVersion;
constexpr size_t kHeaderSize = 64;
constexpr size_t kEntrySize = 48;
constexpr size_t kMaxNameLength = 16;

// Explicit little-endian encoding (the format's byte order on every host).
void PutU32(std::string* out, uint32_t v);
void PutU64(std::string* out, uint64_t v);
uint32_t GetU32(const char* p);
uint64_t GetU64(const char* p);
bool HostIsLittleEndian();

// Collects sections in memory and writes the file crash-safely.
class FileWriter {
 public:
  // `bytes` must already be little-endian encoded; `width` is the element size.
  Status Add(std::string name, std::string bytes, uint32_t width);
  template <typename T>
  Status AddArray(std::string name, const std::vector<T>& v);
  void SetMetadata(std::string json) { metadata_ = std::move(json); }
  // Serialises everything (for tests and in-memory use).
  std::string Serialize() const;
  // Writes PATH.tmp.PID, fsyncs, renames to PATH.
  Status Write(const std::string& path) const;

 private:
  struct Section { std::string name; std::string bytes; uint32_t width; };
  std::vector<Section> sections_;
  std::string metadata_ = "{}";
};

// A read-only view of one section.
struct SectionView {
  const char* data = nullptr;
  uint64_t size = 0;
  uint32_t width = 1;
  uint64_t count() const { return size / width; }
};

// Owns the bytes of a model file: a read-only mmap, or a string (tests).
class MappedFile {
 public:
  static StatusOr<std::unique_ptr<MappedFile>> Open(const std::string& path);
  static std::unique_ptr<MappedFile> FromString(std::string bytes, std::string name);
  ~MappedFile();
  std::string_view bytes() const { return {data_, size_}; }
  const std::string& path() const { return path_; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::string owned_;
  std::string path_;
};

// A validated model container.
class ModelFile {
 public:
  // Checks everything listed under "Validation at load" in the format
  // document, up to and including per-section checksums when `verify`.
  static StatusOr<ModelFile> Parse(std::string_view bytes, bool verify);
  std::string_view metadata() const { return metadata_; }
  bool Has(std::string_view name) const;
  // NotFound / Corrupt (wrong width) errors name the section.
  StatusOr<SectionView> Get(std::string_view name, uint32_t width) const;
  std::vector<std::string> names() const;

 private:
  struct Entry { std::string name; SectionView view; };
  std::vector<Entry> entries_;
  std::string_view metadata_;
};

// An f32 as the little-endian u32 of its bits, and back.
void PutF32(std::string* out, float f);
float ReadF32(const char* p);

// Section `name` as an array of exactly `want` elements of T (its width);
// Corrupt, naming the section, if it holds another count.
template <typename T>
StatusOr<const T*> SectionArray(const ModelFile& f, const std::string& name, uint64_t want) {
  StatusOr<SectionView> s = f.Get(name, sizeof(T));
  if (!s.ok()) return s.status();
  if (s->count() != want)
    return Status::Corrupt("section '" + name + "' has " + std::to_string(s->count()) + " entries, expected " +
                           std::to_string(want));
  return reinterpret_cast<const T*>(s->data);
}

// Rewrites the model `in` as `out` (crash-safely; `out` may equal `in`):
// every section except `replace` (a name, or a prefix ending in '.' for all
// the sections under it), the metadata, then whatever `add` adds.
// Errors name `in`.
Status RewriteModel(const std::string& in, const std::string& out, const std::string& replace,
                    const std::function<Status(const ModelFile&, FileWriter*)>& add);

template <typename T>
Status FileWriter::AddArray(std::string name, const std::vector<T>& v) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);
  std::string bytes(v.size() * sizeof(T), '\0');
  for (size_t i = 0; i < v.size(); ++i) {
    using U = std::conditional_t<sizeof(T) == 1, uint8_t, std::conditional_t<sizeof(T) == 2, uint16_t,
              std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>>;
    U x;
    std::memcpy(&x, &v[i], sizeof(T));  // the value's bits, encoded LE below
    for (size_t b = 0; b < sizeof(T); ++b) bytes[i * sizeof(T) + b] = static_cast<char>(x >> (8 * b));
  }
  return Add(std::move(name), std::move(bytes), sizeof(T));
}

}  // namespace emend::model

#endif  // EMEND_MODEL_FILE_H_
