#include "io/jsonl.h"

#include <gtest/gtest.h>

#include "edit/test_engine.h"
#include "io/json_text.h"

namespace emend::io {
namespace {

std::unique_ptr<Engine> MakeEngine() { return BareEngine(); }

TEST(Jsonl, FixesFieldAndPassesOtherBytesThrough) {
  auto engine = MakeEngine();
  std::string line = R"({"id": 7, "meta": {"x": [1.50, "a}b"]}, "text": "third,he said", "n": 1e3})";
  std::string out;
  FixStats st;
  EXPECT_EQ(FixJsonlLine(*engine, FixOptions{}, JsonlOptions{}, line, &out, &st), LineOutcome::kFixed);
  EXPECT_EQ(out.rfind(R"({"id": 7, "meta": {"x": [1.50, "a}b"]}, "text": "third, he said", "n": 1e3,"emend":)", 0), 0u) << out;
  json j = json::parse(out);
  EXPECT_EQ(j["emend"]["edits"][0]["start"], 6);
  // Running again replaces "emend" instead of adding a second one.
  std::string again;
  FixJsonlLine(*engine, FixOptions{}, JsonlOptions{}, out, &again, &st);
  EXPECT_EQ(json::parse(again)["emend"]["edits"].size(), 0u);
}

TEST(Jsonl, MalformedAndMissingFieldPassThrough) {
  auto engine = MakeEngine();
  for (const char* line : {"not json", "{\"text\": 5}", "[1,2]", "{\"body\": \"x,y\"}", "{\"text\": \"a\"", "   "}) {
    std::string out;
    LineOutcome o = FixJsonlLine(*engine, FixOptions{}, JsonlOptions{}, line, &out, nullptr);
    EXPECT_NE(o, LineOutcome::kFixed) << line;
    EXPECT_EQ(out, line);
  }
}

TEST(Jsonl, CodePointOffsetsAndOtherField) {
  auto engine = MakeEngine();
  JsonlOptions jo;
  jo.field = "raw_content";
  jo.codepoint_offsets = true;
  std::string out;
  FixJsonlLine(*engine, FixOptions{}, jo, R"({"raw_content": "é é third,he"})", &out, nullptr);
  json j = json::parse(out);
  EXPECT_EQ(j["raw_content"], "é é third, he");
  EXPECT_EQ(j["emend"]["offsets"], "codepoints");
  EXPECT_EQ(j["emend"]["edits"][0]["start"], 10);
}

// --suggest: the suspect tokens and their alternatives go under "emend" too,
// offsets in the unit asked for; the text is unchanged.
TEST(Jsonl, SuggestionsGoUnderEmend) {
  const Engine* engine = DefaultModelEngine();
  if (!engine) GTEST_SKIP() << "default model not built";
  FixOptions suggest;
  suggest.suggest = true;
  JsonlOptions jo;
  jo.codepoint_offsets = true;
  std::string out;
  FixJsonlLine(*engine, suggest, jo, R"({"text": "é The boarding house will he filled."})", &out, nullptr);
  json j = json::parse(out);
  EXPECT_EQ(j["text"], "é The boarding house will he filled.");
  ASSERT_TRUE(j["emend"].contains("suggestions")) << out;
  bool he = false;
  for (const json& g : j["emend"]["suggestions"])
    if (g["token"] == "he") {
      he = true;
      EXPECT_EQ(g["start"], 26);  // code points: é is one
      EXPECT_EQ(g["alternatives"][0]["text"], "be");
    }
  EXPECT_TRUE(he) << out;
}

}  // namespace
}  // namespace emend::io
