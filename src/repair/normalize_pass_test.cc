#include <gtest/gtest.h>

#include "repair/test_util.h"

namespace emend::repair {
namespace {

TEST(NormalizePass, OnlyOnRequest) {
  auto none = [](const PassInput& in, Proposals* out) { ProposeNormalization(in, 0, false, out); };
  auto both = [](const PassInput& in, Proposals* out) {
    ProposeNormalization(in, kNormLongS | kNormLigatures, false, out);
  };
  EXPECT_EQ(RunPass("\xC5\xBF" "ome \xEF\xAC\x83" "ce", none), "\xC5\xBF" "ome \xEF\xAC\x83" "ce");
  EXPECT_EQ(RunPass("\xC5\xBF" "ome \xEF\xAC\x83" "ce", both), "some ffice");
}

TEST(NormalizePass, SpacesInsideLinesOnly) {
  auto spaces = [](const PassInput& in, Proposals* out) { ProposeNormalization(in, 0, true, out); };
  EXPECT_EQ(RunPass("    indented  text   here  \nnext", spaces), "    indented text here  \nnext");
}

}  // namespace
}  // namespace emend::repair
