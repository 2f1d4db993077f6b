#include <gtest/gtest.h>

#include "repair/passes.h"

namespace emend::repair {
namespace {

TEST(Scan, AddressesAndPaths) {
  for (const char* run : {"http://example.com/a", "(https://x.org).", "www.example.com,", "WWW.EXAMPLE.COM",
                          "jane.doe@example.org", "<jane@mail.host.uk>", "example.com", "news.bbc.co.uk.",
                          "C:\\Program", "\\\\server\\share", "/usr/local/bin", "my-site.info"})
    EXPECT_TRUE(LooksLikeAddress(run)) << run;
  // A full stop glued between two words, initials, abbreviations, numbers.
  for (const char* run : {"said.no", "to.be", "look.at", "U.S.A.", "e.g.", "etc.", "a.com", "3.14", "1,000", "@",
                          "x@y", "and/or", "/", "", "..com", "tbe", "Mr.Jones", "MJOy.cn", "dell.io", "\\WitneFs", "w\\ho"})
    EXPECT_FALSE(LooksLikeAddress(run)) << run;
}

}  // namespace
}  // namespace emend::repair
