#include "extract/rules_check.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "extract/default_rules.h"

namespace parley {
namespace {

TEST(RulesCheckTest, ShippedRulesPass) {
  Result<std::vector<RuleSource>> sources =
      ReadRuleSources({std::string(PARLEY_SOURCE_DIR) + "/rules"}, 0);
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_FALSE(sources->empty());
  Result<RulesCheckReport> report = CheckRules(*sources);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << FormatRulesCheckReport(*report);
  EXPECT_GT(report->rules.size(), 5u);
}

TEST(RulesCheckTest, EmbeddedRulesMatchTheSourceTree) {
  Result<std::vector<RuleSource>> sources =
      ReadRuleSources({std::string(PARLEY_SOURCE_DIR) + "/rules"}, 0);
  ASSERT_TRUE(sources.ok());
  const std::vector<RuleSource> embedded = DefaultRuleSources();
  ASSERT_EQ(embedded.size(), sources->size());
  // By path: the embedded imported layer comes first, the source tree is in path order.
  std::map<std::string, const RuleSource*> by_path;
  for (const RuleSource& source : *sources) by_path[source.path] = &source;
  for (const RuleSource& source : embedded) {
    SCOPED_TRACE(source.path);
    const auto it = by_path.find(std::string(PARLEY_SOURCE_DIR) + "/" + source.path);
    ASSERT_NE(it, by_path.end()) << "not in the source tree";
    EXPECT_EQ(source.layer, it->second->layer);
    EXPECT_TRUE(source.text == it->second->text) << "stale embedded copy";
  }
}

TEST(RulesCheckTest, FailingExampleIsReported) {
  const std::vector<RuleSource> sources = {{"t.rules", R"(entity state:japan
  label Japan
entity state:russia
  label Russia
relation meet
  predicate met_with
  pattern {actor:subject} met {actor:object}
  example Japan met Russia.
  expect state:japan met_with state:china
  counter Japan met Russia.
relation untested
  predicate x
  pattern {actor:subject} zzz
)",
                                            0}};
  Result<RulesCheckReport> report = CheckRules(sources);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok());
  EXPECT_EQ(FormatRulesCheckReport(*report),
            "FAIL  relation meet (t.rules:5)\n"
            "      example 1 (line 8): expected state:japan met_with state:china; got "
            "state:japan met_with state:russia modality=asserted\n"
            "      counter 1 (line 10): expected nothing; got state:japan met_with state:russia "
            "modality=asserted\n"
            "1 rules checked: 0 OK, 1 FAIL; 1 rules without examples; 2 entities, 2 aliases\n");
}

}  // namespace
}  // namespace parley
