#include "io/chunker.h"

#include <cerrno>
#include <cstring>

namespace emend::io {

size_t ChooseSplit(std::string_view buf, bool eof, const ChunkLimits& lim) {
  if (buf.size() <= lim.target) return eof ? buf.size() : 0;
  std::string_view window = buf.substr(0, std::min(buf.size(), lim.max));
  size_t blank = window.find("\n\n", lim.target - 1);
  size_t blank_crlf = window.find("\n\r\n", lim.target - 1);
  size_t best = std::min(blank == window.npos ? window.npos : blank + 2,
                         blank_crlf == window.npos ? window.npos : blank_crlf + 3);
  if (best != window.npos && best <= window.size()) return best;
  if (buf.size() < lim.max && !eof) return 0;  // a blank line may still come
  if (buf.size() <= lim.max && eof) return buf.size();
  size_t nl = window.find('\n', lim.target - 1);
  if (nl != window.npos) return nl + 1;
  size_t sp = window.rfind(' ');
  if (sp != window.npos && sp >= lim.target) return sp + 1;
  size_t cut = lim.max;
  while (cut > lim.max - 4 && (static_cast<unsigned char>(buf[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

StatusOr<bool> ChunkReader::Next(std::string* chunk) {
  for (;;) {
    size_t n = ChooseSplit(buf_, eof_, limits_);
    if (n > 0) {
      chunk->assign(buf_, 0, n);
      buf_.erase(0, n);
      return true;
    }
    if (eof_) return false;
    size_t old = buf_.size();
    buf_.resize(old + (1 << 20));
    size_t got = std::fread(buf_.data() + old, 1, 1 << 20, f_);
    buf_.resize(old + got);
    if (got == 0) {
      if (std::ferror(f_)) return Status::IOError(std::string("read failed: ") + std::strerror(errno));
      eof_ = true;
    }
  }
}

}  // namespace emend::io
