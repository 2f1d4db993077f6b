// Internal: the <p>-splitting body writer shared by the TEI writers.
#ifndef EMEND_IO_TEI_BODY_H_
#define EMEND_IO_TEI_BODY_H_

#include <string>
#include <string_view>

#include "emend/tei.h"

namespace emend::io {

// Body text: blank-line runs close one <p> and open the next.
class BodyWriter {
 public:
  explicit BodyWriter(std::string* out) : out_(out) { *out_ += "<p>"; }
  void Text(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t nl = s.find('\n', i);
      if (nl == std::string_view::npos) { Plain(s.substr(i)); return; }
      size_t j = nl + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j < s.size() && s[j] == '\n') {  // a blank line: new paragraph
        Plain(s.substr(i, nl - i));
        while (j < s.size() && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
        *out_ += "</p>\n<p>";
        i = j;
      } else {
        Plain(s.substr(i, j - i));
        i = j;
      }
    }
  }
  void Markup(std::string_view xml) { *out_ += xml; }
  void Close() { *out_ += "</p>"; }

 private:
  void Plain(std::string_view s) { *out_ += XmlEscape(s); }
  std::string* out_;
};

}  // namespace emend::io

#endif  // EMEND_IO_TEI_BODY_H_
