// TEI P5 output (docs/tei.md): a restored document with its edits encoded as
// the TEI encodes editorial intervention.
//   corrections (spelling, real-word, split, merge):
//     <choice><sic>tbe</sic><corr resp="#emend" cert="high">the</corr></choice>
//   normalisations (case, spacing, hyphenation, encoding, normalisation):
//     <choice><orig>sTALIN</orig><reg resp="#emend" cert="high">Stalin</reg></choice>
//   lacunae: <gap reason="numeral" resp="#emend" cert="medium"/>
//   --suggest: <choice><sic>hoarding</sic><corr cert="medium">boarding</corr>
//              <corr cert="low">hoarding</corr></choice>
// @cert is a word, as tei_all requires: high (confidence >= 0.9), medium
// (>= 0.6) or low; the exact confidences are in the --json edit log.
// Paragraphs (blank-line separated) become <p>. Bytes XML cannot carry
// (invalid UTF-8, control characters other than tab and newline) become
// <g type="byte" n="0xHH">\uFFFD</g>, one per byte, so nothing is lost.
#ifndef EMEND_TEI_H_
#define EMEND_TEI_H_

#include <string>
#include <string_view>

#include "emend/emend.h"

namespace emend {

struct TeiOptions {
  std::string title = "Restored text";  // <title> in the header
  std::string source;                   // <sourceDesc>: where the input came from
  std::string model_id;                 // Engine::ModelId(), named in the respStmt
};

// A complete TEI document for `input` and the result of fixing it.
std::string ToTei(std::string_view input, const FixResult& result, const TeiOptions& options);

// `s` escaped for XML text or attribute content (& < > " and the bytes above).
std::string XmlEscape(std::string_view s);

}  // namespace emend

#endif  // EMEND_TEI_H_
