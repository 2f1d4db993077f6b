#include <gtest/gtest.h>

#include "repair/test_util.h"

namespace emend::repair {
namespace {

std::string Fix(std::string_view s) { return RunPass(s, ProposeCase); }

TEST(CasePass, SeedSentences) {
  EXPECT_EQ(Fix("sTALIN EXILED HIS POLITICAL RIVAL, lEON TROTSKY, TO kAZAKHSTAN AND TRACKED HIM DOWN TO MEXICO. "
                "tHE kfb KILLED HIM. A detailed account"),
            "Stalin exiled his political rival, Leon Trotsky, to Kazakhstan and tracked him down to Mexico. "
            "The KFB killed him. A detailed account");
}

TEST(CasePass, LeavesHeadingsAndAcronymsAlone) {
  for (const char* s : {"CHAPTER IV\n\nThe NKVD came.", "THE END", "He worked for the NKVD and the KGB.",
                        "He bought an iPhone and eBay shares.", "pH of 7. mRNA vaccines."})
    EXPECT_EQ(Fix(s), s) << s;
}

TEST(CasePass, OnlyTheInvertedSentenceChanges) {
  EXPECT_EQ(Fix("Normal text here. tHIS IS iNVERTED. Normal again."),
            "Normal text here. This is Inverted. Normal again.");
}

TEST(CasePass, ProperNounsFromLexicon) {
  EXPECT_EQ(Fix("tHEY WENT TO LONDON."), "They went to London.");
}

}  // namespace
}  // namespace emend::repair
