#include "emend/log.h"

#include <gtest/gtest.h>

#include "edit/test_engine.h"
#include "io/json_text.h"

namespace emend {
namespace {

FixResult Fixed(const Engine& e, std::string_view in) { return e.Fix(in, FixOptions{}); }

std::unique_ptr<Engine> MakeEngine() { return BareEngine(); }

TEST(Log, SerializeParseApplyInvert) {
  auto engine = MakeEngine();
  std::string in = "third,he said &amp; caf\xC3\x83\xC2\xA9 and \xFF bad";
  FixResult r = Fixed(*engine, in);
  EditLog log = MakeLog(in, r, "none", "{}");
  std::string json = SerializeFixJson(log, r);
  auto parsed = ParseEditLog(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->edits, r.edits);
  auto out = ApplyLog(in, *parsed);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, r.text);
  auto back = InvertLog(r.text, *parsed);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, in);
}

TEST(Log, InvalidBytesInEditsSurviveJson) {
  Edit e;
  e.start = 0; e.end = 2; e.before = "\xFF\xFE"; e.after = "ok"; e.kinds = kEncoding;
  auto back = io::EditFromJson(io::EditToJson(e));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->before, "\xFF\xFE");
}

TEST(Log, RefusesAnotherText) {
  auto engine = MakeEngine();
  std::string in = "third,he said";
  FixResult r = Fixed(*engine, in);
  auto log = ParseEditLog(SerializeFixJson(MakeLog(in, r, "none", "{}"), r));
  ASSERT_TRUE(log.ok());
  auto bad = ApplyLog("third,we said", *log);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kMismatch);
  EXPECT_FALSE(InvertLog("third, we said", *log).ok());
}

TEST(Log, ReviewerSubsetReplays) {
  auto engine = MakeEngine();
  std::string in = "one,two and three,four";
  FixResult r = Fixed(*engine, in);
  ASSERT_EQ(r.edits.size(), 2u);
  EditLog log = MakeLog(in, r, "none", "{}");
  log.edits.erase(log.edits.begin());  // the reviewer rejected the first
  auto out = ApplyLog(in, log);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "one,two and three, four");
  auto back = InvertLog(*out, log);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, in);
}

TEST(Log, CorruptLogsGiveErrors) {
  for (const char* s : {"", "[]", "{\"emend\":{\"schema\":99},\"edits\":[]}", "{\"emend\":{\"schema\":1}}",
                        "{\"emend\":{\"schema\":1},\"edits\":[{\"start\":-1}]}",
                        "{\"emend\":{\"schema\":1},\"input\":{\"xxh3_64\":\"zz\"},\"edits\":[]}"})
    EXPECT_FALSE(ParseEditLog(s).ok()) << s;
}

TEST(Base64, RoundTrip) {
  for (std::string s : {"", "a", "ab", "abc", "abcd", "\xFF\x00\x01"}) {
    auto d = io::Base64Decode(io::Base64Encode(s));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(*d, s);
  }
  EXPECT_FALSE(io::Base64Decode("a=bc").ok());
}

// Found by fuzz_edit_log: members of the wrong JSON type must give a clean
// error or fall back to their default, never an exception.
TEST(EditLogTest, WrongTypesAreErrorsNotExceptions) {
  const char* errors[] = {
      R"({"emend":{"schema":"1"},"edits":[]})",
      R"({"emend":{"schema":1.5},"edits":[]})",
      R"({"emend":{"schema":1},"input":{"bytes":"x","xxh3_64":1},"edits":[]})",
      R"({"emend":{"schema":1},"edits":[{"start":"0","end":1,"before":"a","after":"b","kind":"case"}]})",
  };
  for (const char* c : errors) EXPECT_FALSE(ParseEditLog(c).ok()) << c;
  StatusOr<EditLog> log = ParseEditLog(
      R"({"emend":{"schema":1,"version":7,"model":[]},"offsets":3,)"
      R"("edits":[{"start":0,"end":1,"before":"a","after":"b","kind":"case","reason":{"rule":1,"text":[]}}]})");
  ASSERT_TRUE(log.ok()) << log.status().message();
  EXPECT_EQ(log->emend_version, "");
  EXPECT_EQ(log->edits.at(0).rule, "");
}

}  // namespace
}  // namespace emend
