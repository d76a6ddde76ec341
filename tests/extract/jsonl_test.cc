#include "extract/jsonl.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

TEST(ParseJsonlRecordTest, Fields) {
  const Result<JsonlRecord> r = ParseJsonlRecord(
      R"({"id": "a/1", "text": "Line one.\nLine two.", "date": "2021-03-12", "title": "T",)"
      R"( "url": "https://x", "extra": [1, 2]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->id, "a/1");
  EXPECT_EQ(r->text, "Line one.\nLine two.");
  EXPECT_EQ(r->date, "2021-03-12");
  EXPECT_EQ(r->title, "T");
  EXPECT_EQ(r->url, "https://x");

  const Result<JsonlRecord> numeric = ParseJsonlRecord(R"({"id": 42, "text": "x", "date": null})");
  ASSERT_TRUE(numeric.ok());
  EXPECT_EQ(numeric->id, "42");
  EXPECT_EQ(numeric->date, "");
}

TEST(ParseJsonlRecordTest, Errors) {
  struct Case {
    std::string line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"({"id": "a", "text": tru})",
       "malformed JSON at column 24: syntax error while parsing value - invalid literal; last "
       "read: '\"text\": tru}'"},
      {R"(["id", "text"])", "not a JSON object"},
      {R"({"id": "a"})", "missing field \"text\""},
      {R"({"text": "x"})", "missing field \"id\""},
      {R"({"id": "", "text": "x"})", "field \"id\" is empty"},
      {R"({"id": ["a"], "text": "x"})", "field \"id\" is not a string"},
      {R"({"id": "a", "text": 5})", "field \"text\" is not a string"},
      {R"({"id": "a", "text": "x", "date": 2021})", "field \"date\" is not a string"},
      {R"({"id": "a", "text": "x\u0000y"})", "text holds NUL characters"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const Result<JsonlRecord> r = ParseJsonlRecord(c.line);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), c.message);
  }
}

}  // namespace
}  // namespace parley
