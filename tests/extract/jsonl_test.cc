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

// ParseJsonlRecord reads well-formed lines with simdjson and everything else with nlohmann; the
// result must be what nlohmann alone gives, record or error, whatever the line.
void ExpectSameAsReference(const std::string& line) {
  const Result<JsonlRecord> got = ParseJsonlRecord(line);
  const Result<JsonlRecord> want = internal::ParseJsonlRecordWithNlohmann(line);
  ASSERT_EQ(got.ok(), want.ok()) << (got.ok() ? want.status() : got.status()).ToString();
  if (!want.ok()) {
    EXPECT_EQ(got.status().code(), want.status().code());
    EXPECT_EQ(got.status().message(), want.status().message());
    return;
  }
  EXPECT_EQ(got->id, want->id);
  EXPECT_EQ(got->text, want->text);
  EXPECT_EQ(got->date, want->date);
  EXPECT_EQ(got->title, want->title);
  EXPECT_EQ(got->url, want->url);
}

TEST(ParseJsonlRecordTest, FastPathAgreesWithReferenceOnEdgeCases) {
  const std::string deep = std::string(3000, '[') + std::string(3000, ']');
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "x", "text": "y"})",
      R"({"id": "a", "text": "x", "id": "b"})",
      R"({"id": "a", "text": "x", "text": null})",
      R"({"id": "a", "text": null, "text": "x"})",
      R"({"id": "a", "text": null})",
      R"({"id": null, "text": "x"})",
      R"({"id": "a", "text": "x", "title": null, "url": null, "date": null})",
      R"({"id": "a", "text": "\ud800"})",
      R"({"id": "a", "text": "\udc00"})",
      R"({"id": "a", "text": "\ud800\u0041"})",
      R"({"id": "a", "text": "ok", "x": "\udc00"})",
      R"({"id": "a", "text": "\ud83d\ude00 \/ \b\f\n\r\t \"q\" \\ \u00e9"})",
      "{\"id\": \"a\", \"text\": \"raw\x01control\"}",
      "{\"id\": \"a\", \"text\": \"raw\x7f delete\"}",
      R"({"id": "a", "text": "x"} trailing)",
      R"({"id": "a", "text": "x"}{"id": "b", "text": "y"})",
      R"({"id": "a", "text": "x"},)",
      R"(  {"id": "a", "text": "x"}  )",
      "\t{\"id\": \"a\", \"text\": \"x\"}\r",
      R"({"id": "a", "text": "x", "n": 1e400})",
      R"({"id": "a", "text": "x", "n": 123456789012345678901234567890})",
      R"({"id": "a", "text": "x", "n": -0, "m": 1.5e-7, "k": [true, false, null]})",
      R"({"id": "a", "text": "x", "n": 01})",
      R"({"id": "a", "text": "x", "n": tru})",
      R"({"id": -0, "text": "x"})",
      R"({"id": 1.5, "text": "x"})",
      R"({"id": 18446744073709551615, "text": "x"})",
      R"({"id": -9223372036854775808, "text": "x"})",
      R"({"x": {"id": "b", "text": "inner"}, "id": "a", "text": "outer"})",
      R"({"\u0069d": "a", "te\u0078t": "x"})",
      R"({"id": "a", "text": "x\u0000y"})",
      R"({"id": "a", "text": "x", "title": "t\u0000"})",
      R"({"id": "a", "text": {"nested": "x"}})",
      R"({"id": "a", "text": "x", "deep": )" + deep + "}",
      R"({})",
      R"([])",
      R"("just a string")",
      R"({"id": "a", "text": "unterminated)",
      R"({"id": "a", "text": "bad escape \q"})",
      R"({"id": "a", "text": "short escape \u12"})",
  };
  for (const std::string& line : lines) {
    SCOPED_TRACE(line.substr(0, 120));
    ExpectSameAsReference(line);
  }
}

TEST(ParseJsonlRecordTest, FastPathAgreesWithReferenceOnMutatedLines) {
  const std::string base =
      R"({"id": "doc/7", "text": "A \"quoted\" line.\nNext \u00e9 \ud83d\ude00.", "date": )"
      R"("2021-03-12", "title": null, "n": [1, -2.5e3, {"k": true}], "url": "https://x/y"})";
  const std::string replacements = "\"\\{}[],: x0-eu\x01";
  for (size_t at = 0; at < base.size(); ++at) {
    std::string deleted = base;
    deleted.erase(at, 1);
    SCOPED_TRACE(deleted);
    ExpectSameAsReference(deleted);
    for (const char c : replacements) {
      std::string replaced = base;
      replaced[at] = c;
      SCOPED_TRACE(replaced);
      ExpectSameAsReference(replaced);
    }
  }
}

}  // namespace
}  // namespace parley
