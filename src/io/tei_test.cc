#include "emend/tei.h"

#include <gtest/gtest.h>

namespace emend {
namespace {

TEST(Tei, EscapesMarkupAndBytesXmlCannotCarry) {
  EXPECT_EQ(XmlEscape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
  EXPECT_EQ(XmlEscape("x\xFFy"), "x<g type=\"byte\" n=\"0xFF\">\xEF\xBF\xBD</g>y");
  EXPECT_EQ(XmlEscape("\x01"), "<g type=\"byte\" n=\"0x01\">\xEF\xBF\xBD</g>");
  EXPECT_EQ(XmlEscape("tab\tnl\n"), "tab\tnl\n");
  EXPECT_EQ(XmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Tei, EditsBecomeChoiceAndGap) {
  std::string input = "Tbe sTALIN was born in on time.\n\nNext paragraph.";
  FixResult r;
  r.edits.push_back({0, 3, "Tbe", "The", kSpelling, 0.95, "correct.spelling", "", "", 0, 0});
  r.edits.push_back({4, 10, "sTALIN", "Stalin", kCase, 0.7, "case.capslock", "", "", 0, 0});
  r.edits.push_back({22, 22, "", "", kGap, 0.55, "gap.numeral", "", "", 0, 0});
  std::string tei = ToTei(input, r, TeiOptions{});
  EXPECT_NE(tei.find("<choice><sic>Tbe</sic><corr resp=\"#emend\" cert=\"high\">The</corr></choice>"), std::string::npos);
  EXPECT_NE(tei.find("<choice><orig>sTALIN</orig><reg resp=\"#emend\" cert=\"medium\">Stalin</reg></choice>"),
            std::string::npos);
  EXPECT_NE(tei.find("born in<gap reason=\"numeral\" resp=\"#emend\" cert=\"low\"/> on"), std::string::npos);
  EXPECT_NE(tei.find("</p>\n<p>Next paragraph.</p>"), std::string::npos);
  EXPECT_NE(tei.find("<respStmt xml:id=\"emend\">"), std::string::npos);
}

TEST(Tei, SuggestionsListEveryAlternative) {
  FixResult r;
  r.suggestions.push_back({4, 12, "hoarding", {{"boarding", 0.69}, {"hoarding", 0.3}}});
  std::string tei = ToTei("the hoarding house", r, TeiOptions{});
  EXPECT_NE(tei.find("<choice><sic>hoarding</sic><corr resp=\"#emend\" cert=\"medium\">boarding</corr>"
                     "<corr resp=\"#emend\" cert=\"low\">hoarding</corr></choice>"),
            std::string::npos);
}

TEST(Tei, EmptyInputIsStillADocument) {
  std::string tei = ToTei("", FixResult{}, TeiOptions{});
  EXPECT_NE(tei.find("<body>\n<p></p>"), std::string::npos);
}

}  // namespace
}  // namespace emend
