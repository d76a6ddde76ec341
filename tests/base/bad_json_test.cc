// Hostile JSON lines for the record codecs of base/json.h, from fuzzing (tests/fuzz/json_fuzz.cc):
// each is refused with InvalidArgument and a message, never an exception or a crash.
#include <gtest/gtest.h>

#include <string>

#include "base/json.h"

namespace parley {
namespace {

TEST(BadJsonTest, HostileLinesAreInvalidArguments) {
  struct Case {
    std::string line;
    std::string message;
  };
  const std::vector<Case> cases = {
      // nlohmann reports a number too large for a double as out_of_range, not parse_error.
      {R"({"id": "s:1", "mentions": 33333333333333333333e333333333333})",
       "not valid JSON: number overflow parsing '33333333333333333333e333333333333'"},
      {R"({"id": -1e999})", "not valid JSON: number overflow parsing '-1e999'"},
      {"{\"id\": \"x\"", "not valid JSON at column 11"},
      {"[1, 2]", "a record must be a JSON object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const Result<Statement> statement = StatementFromJson(c.line);
    ASSERT_FALSE(statement.ok());
    EXPECT_EQ(statement.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(statement.status().message(), c.message);
    const Result<Entity> entity = EntityFromJson(c.line);
    ASSERT_FALSE(entity.ok());
    EXPECT_EQ(entity.status().message(), c.message);
    const Result<DocumentInfo> info = DocumentInfoFromJson(c.line);
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.status().message(), c.message);
  }
}

}  // namespace
}  // namespace parley
