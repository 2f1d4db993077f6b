// Internal: the <p>-splitting body writer shared by the TEI writers.
#ifndef EMEND_IO_TEI_BODY_H_
#define EMEND_IO_TEI_BODY_H_

#include <string>
#include <string_view>
#include <vector>

#include "emend/emend.h"
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

// Markup that replaces bytes [start, end) of the text (start == end: inserted).
struct TeiSpan {
  uint64_t start, end;
  std::string xml;
};

// A whole TEI document: the header (a title, a respStmt xml:id="emend" with
// `resp`, then the given sourceDesc and encodingDesc contents; all but the
// title are XML already)
// and `text` as <p> paragraphs with `spans` (in order; one that overlaps the
// previous is left out) in place.
inline std::string TeiDocument(std::string_view title, std::string_view resp, const std::string& source_desc,
                               const std::string& encoding_desc, std::string_view text,
                               const std::vector<TeiSpan>& spans) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n";
  out += "<teiHeader>\n<fileDesc>\n<titleStmt>\n<title>" + XmlEscape(title) +
         "</title>\n<respStmt xml:id=\"emend\">\n<resp>" + std::string(resp) + "</resp>\n<name>emend " +
         XmlEscape(Version()) + "</name>\n</respStmt>\n</titleStmt>\n<publicationStmt>\n<p>Unpublished output of "
         "emend.</p>\n</publicationStmt>\n<sourceDesc>\n" + source_desc + "</sourceDesc>\n</fileDesc>\n"
         "<encodingDesc>\n" + encoding_desc + "</encodingDesc>\n</teiHeader>\n<text>\n<body>\n";
  BodyWriter body(&out);
  uint64_t pos = 0;
  for (const TeiSpan& sp : spans) {
    if (sp.start < pos) continue;
    body.Text(text.substr(pos, sp.start - pos));
    body.Markup(sp.xml);
    pos = sp.end;
  }
  body.Text(text.substr(pos));
  body.Close();
  out += "\n</body>\n</text>\n</TEI>\n";
  return out;
}

}  // namespace emend::io

#endif  // EMEND_IO_TEI_BODY_H_
