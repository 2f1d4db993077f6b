// TEI P5 writer for fixed documents (include/emend/tei.h).
#include "emend/tei.h"

#include <algorithm>
#include <cstdio>

#include "io/tei_body.h"
#include "text/utf8.h"

namespace emend {
namespace {

void AppendByte(unsigned char b, std::string* out) {
  char n[8];
  std::snprintf(n, sizeof n, "0x%02X", b);
  *out += "<g type=\"byte\" n=\"";
  *out += n;
  *out += "\">\xEF\xBF\xBD</g>";
}

// tei_all's @cert takes words: high (>= 0.9), medium (>= 0.6), low.
std::string Cert(double c) { return c >= 0.9 ? "high" : c >= 0.6 ? "medium" : "low"; }

bool IsCorrection(uint32_t kinds) { return kinds & (kSpelling | kRealWord | kSplit | kMerge | kRestore); }

}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else if (c < 0x20 && c != '\t' && c != '\n') AppendByte(c, &out);  // \r too: XML would fold it
      else out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char32_t cp;
    size_t n = text::DecodeAt(s, i, &cp);
    // Invalid sequences, and code points XML 1.0 excludes (U+FFFE, U+FFFF).
    bool bad = n <= 1 || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x80 && cp < 0xA0);
    if (bad) {
      for (size_t k = 0; k < std::max<size_t>(n, 1); ++k) AppendByte(static_cast<unsigned char>(s[i + k]), &out);
    } else {
      out.append(s.substr(i, n));
    }
    i += std::max<size_t>(n, 1);
  }
  return out;
}

namespace {

std::string EditXml(const Edit& e) {
  std::string cert = " resp=\"#emend\" cert=\"" + Cert(e.confidence) + "\"";
  std::string xml;
  if (e.kinds & kGap) {
    std::string reason = e.rule.rfind("gap.", 0) == 0 ? e.rule.substr(4) : "unknown";
    xml += "<gap reason=\"" + XmlEscape(reason) + "\"" + cert + "/>";
    if (e.kinds & kSplit) xml += "<choice><orig/><reg" + cert + "> </reg></choice>";
    return xml;
  }
  if (IsCorrection(e.kinds))
    return "<choice><sic>" + XmlEscape(e.before) + "</sic><corr" + cert + ">" + XmlEscape(e.after) + "</corr></choice>";
  return "<choice><orig>" + XmlEscape(e.before) + "</orig><reg" + cert + ">" + XmlEscape(e.after) + "</reg></choice>";
}

std::string SuggestionXml(const Suggestion& g) {
  std::string xml = "<choice><sic>" + XmlEscape(g.token) + "</sic>";
  for (const Alternative& a : g.alternatives)
    xml += "<corr resp=\"#emend\" cert=\"" + Cert(a.probability) + "\">" + XmlEscape(a.text) + "</corr>";
  return xml + "</choice>";
}

// Edits and suggestions in input order; a suggestion that overlaps an edit is left out.
std::vector<io::TeiSpan> Items(const FixResult& r) {
  std::vector<io::TeiSpan> items;
  for (const Edit& e : r.edits) items.push_back({e.start, e.end, EditXml(e)});
  size_t k = 0;
  for (const Suggestion& g : r.suggestions) {
    while (k < r.edits.size() && r.edits[k].end <= g.start && r.edits[k].start < g.start) ++k;
    bool overlaps = std::any_of(r.edits.begin(), r.edits.end(),
                                [&](const Edit& e) { return e.start < g.end && g.start < e.end; });
    if (!overlaps) items.push_back({g.start, g.end, SuggestionXml(g)});
  }
  std::stable_sort(items.begin(), items.end(), [](const io::TeiSpan& a, const io::TeiSpan& b) { return a.start < b.start; });
  return items;
}

// appInfo naming emend and the model in use.
std::string EncodingDesc(const TeiOptions& o) {
  std::string v = XmlEscape(Version());
  return "<appInfo>\n<application ident=\"emend\" version=\"" + v + "\">\n<label>emend</label>\n<desc>model: " +
         XmlEscape(o.model_id.empty() ? "none" : o.model_id) + "</desc>\n</application>\n</appInfo>\n";
}

}  // namespace

std::string ToTei(std::string_view input, const FixResult& r, const TeiOptions& o) {
  return io::TeiDocument(o.title,
                         "automatic restoration: every intervention below is marked with resp=\"#emend\" and a "
                         "confidence (cert)",
                         "<p>" + XmlEscape(o.source.empty() ? "unnamed input" : o.source) + "</p>\n", EncodingDesc(o),
                         input, Items(r));
}

}  // namespace emend
