// Every file in tests/rules/bad/ is a broken rule file; its .expected sibling holds the exact
// text `parley rules check` prints for it. PARLEY_UPDATE_GOLDEN=1 rewrites the .expected files
// (review the diff before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/rule_set.h"
#include "extract/rules_check.h"

namespace parley {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(RuleErrorsTest, BadRuleFilesGiveExactMessages) {
  const std::filesystem::path dir = std::filesystem::path(PARLEY_SOURCE_DIR) / "tests/rules/bad";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".rules") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 10u);
  const bool update = std::getenv("PARLEY_UPDATE_GOLDEN") != nullptr;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const RuleSource source{"tests/rules/bad/" + file.filename().string(), ReadFile(file), 0};
    Result<RulesCheckReport> report = CheckRules({source});
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->ok());
    const std::string text = FormatRulesCheckReport(*report);
    std::filesystem::path expected_path = file;
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << text;
      continue;
    }
    EXPECT_EQ(text, ReadFile(expected_path));
    // The Status form carries the same text.
    Result<std::shared_ptr<const RuleSet>> compiled = RuleSet::Compile({source});
    ASSERT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(compiled.status().message(), text);
  }
}

TEST(RuleErrorsTest, ErrorsFromSeveralFilesAreAllReportedInLoadOrder) {
  const std::vector<RuleSource> sources = {
      {"b.rules", "entity state:x\n", 0},
      {"a.rules", "relation r\n  predicate p\n  pattern {actor:subject} @nope\n", 0},
  };
  std::vector<RuleDiagnostic> diagnostics;
  EXPECT_EQ(RuleSet::Compile(sources, &diagnostics), nullptr);
  EXPECT_EQ(FormatDiagnostics(diagnostics),
            "b.rules:1:8: error: entity 'state:x' has no 'label'\n"
            "entity state:x\n"
            "       ^\n"
            "a.rules:3:27: error: undefined word list or macro '@nope'\n"
            "  pattern {actor:subject} @nope\n"
            "                          ^\n"
            "2 errors in 2 files\n");
}

TEST(RuleErrorsTest, LaterLayerReplacesSameLayerDuplicates) {
  const std::vector<RuleSource> sources = {
      {"base.rules", "entity state:x\n  label X\n", 0},
      {"user.rules", "entity state:x\n  label Ex\n", 1},
  };
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(sources);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_NE((*rules)->FindEntity("state:x"), nullptr);
  EXPECT_EQ((*rules)->FindEntity("state:x")->label, "Ex");
}

}  // namespace
}  // namespace parley
