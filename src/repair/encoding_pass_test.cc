#include <gtest/gtest.h>

#include "repair/test_util.h"

namespace emend::repair {
namespace {

std::string Fix(std::string_view s) { return RunPass(s, ProposeEncoding); }

TEST(EncodingPass, Mojibake) {
  EXPECT_EQ(Fix("caf\xC3\x83\xC2\xA9 au lait"), "café au lait");              // Ã©
  EXPECT_EQ(Fix("it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "it\xE2\x80\x99s");    // â€™ -> ’
  EXPECT_EQ(Fix("\xC3\x82\xC2\xA3" "100"), "£100");                            // Â£
  // Twice-encoded ’: Ã¢â‚¬â„¢
  EXPECT_EQ(Fix("it\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2s"), "it\xE2\x80\x99s");
}

TEST(EncodingPass, Entities) {
  EXPECT_EQ(Fix("Smith &amp; Sons &#8217; &#x2019; &mdash;"), "Smith & Sons ’ ’ —");
  for (const char* s : {"AT&T and R&D", "<a href=\"x?a=1&amp;b=2\">link</a>", "&bogus; &#0; &#xD800;"})
    EXPECT_EQ(Fix(s), s) << s;
}

// U+FFFD before an amount is a pound sign a decoding lost; elsewhere, or in
// a text that writes dollars, it stays.
TEST(EncodingPass, LostPoundSign) {
  EXPECT_EQ(Fix("goods of the value of \xEF\xBF\xBD" "500 were ready"), "goods of the value of £500 were ready");
  EXPECT_EQ(Fix("\xEF\xBF\xBD" "5 or fourteen days"), "£5 or fourteen days");
  for (const char* s : {"a pon\xEF\xBF\xBDy and cart", "item\xEF\xBF\xBD" "5", "\xEF\xBF\xBD" "5 or $4"})
    EXPECT_EQ(Fix(s), s) << s;
}

TEST(EncodingPass, LeavesRealLatin1AndOtherScriptsAlone) {
  for (const char* s : {"Ça va? À bientôt, élève «café» — Zürich", "Ærø, Ødegaard, ß, Ñandú",
                        "царь Пётр", "東京", "naïve façade"})
    EXPECT_EQ(Fix(s), s) << s;
}

}  // namespace
}  // namespace emend::repair
