#include "extract/explain.h"

#include <gtest/gtest.h>

#include "extract/default_rules.h"
#include "extract/rule_cache.h"

namespace parley {
namespace {

// The built-in snapshot (tests/built_in_rules.cc): the default rules as a run reads them.
std::shared_ptr<const RuleSet> DefaultRules() {
  Result<std::shared_ptr<const RuleSet>> rules =
      LoadRuleSet(DefaultRuleSources(), RuleCacheOptions());
  EXPECT_TRUE(rules.ok()) << rules.status().message();
  return rules.ok() ? *rules : nullptr;
}

TEST(ExplainTest, AcceptanceSentenceShowsMentionsRuleAndStatement) {
  std::shared_ptr<const RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  Result<std::string> text = ExplainText(
      *rules,
      "Russian President Vladimir Putin's sudden proposal to Japanese Prime Minister Shinzo Abe "
      "at the September 2018 Eastern Economic Forum in Vladivostok to sign an unconditional "
      "peace treaty",
      "");
  ASSERT_TRUE(text.ok());
  for (const char* expected : {
           "sentence 0: Russian President Vladimir Putin's sudden proposal",
           "  18-32 \"Vladimir Putin\"  person:vladimir-putin \"Vladimir Putin\"",
           "  78-88 \"Shinzo Abe\"  person:shinzo-abe \"Shinzo Abe\"",
           "  96-110 \"September 2018\"  date 2018-09 (2018-09-01..2018-09-30)  [date]",
           "  111-133 \"Eastern Economic Forum\"  event:eastern-economic-forum",
           "  137-148 Vladivostok  place:vladivostok \"Vladivostok\"",
           "tagged: {demonym state:russia} President {person:vladimir-putin} ' s sudden",
           " (pattern line ",
           "\n  person:vladimir-putin proposed recipient=person:shinzo-abe "
           "event=event:eastern-economic-forum place=place:vladivostok time=2018-09 "
           "modality=asserted text=\"sign an unconditional peace treaty\"",
       }) {
    EXPECT_NE(text->find(expected), std::string::npos) << expected << "\n---\n" << *text;
  }
}

TEST(ExplainTest, SentenceOfDocumentAndOutOfRange) {
  std::shared_ptr<const RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  Document doc;
  doc.info.id = "d";
  doc.info.format = "text";
  doc.info.date = "2019-05-01";
  doc.text = "Japan protested. Moscow has set two requirements for a treaty.";
  Result<std::string> one = ExplainSentence(*rules, doc, 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->find("sentence 0"), std::string::npos);
  EXPECT_NE(one->find("document date: 2019-05-01\nsentence 1: Moscow has set"), std::string::npos)
      << *one;
  EXPECT_NE(one->find("  state:russia demanded time=2019-05-01 modality=asserted"),
            std::string::npos)
      << *one;
  EXPECT_NE(one->find(" time (document)=2019-05-01\n"), std::string::npos) << *one;
  Result<std::string> none = ExplainSentence(*rules, doc, 7);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(), "no sentence 7 (the document has 2)");
}

TEST(ExplainTest, InvalidUtf8) {
  std::shared_ptr<const RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  Result<std::string> text = ExplainText(*rules, "bad \xff byte", "");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley
