// Tests of extract/vocabulary.h: what `parley vocab` lists and which predicates a plain verb
// names in a query (issue 18).
#include "extract/vocabulary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::shared_ptr<const RuleSet> Compile(const std::vector<RuleSource>& sources) {
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(sources);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : nullptr;
}

const PredicateInfo* Find(const std::vector<PredicateInfo>& vocabulary, std::string_view p) {
  for (const PredicateInfo& info : vocabulary) {
    if (info.predicate == p) return &info;
  }
  return nullptr;
}

TEST(VocabularyTest, DescribesEveryPredicateOfTheDefaultRules) {
  std::shared_ptr<const RuleSet> rules = Compile(DefaultRuleSources());
  ASSERT_NE(rules, nullptr);
  const std::vector<PredicateInfo> vocabulary = DescribePredicates(*rules);
  // The reference: every `predicate` line of the rule files, read as text.
  std::set<std::string> in_files;
  for (const RuleSource& source : DefaultRuleSources()) {
    std::istringstream lines(source.text);
    for (std::string line; std::getline(lines, line);) {
      std::istringstream words(line);
      std::string key, value;
      if (words >> key >> value && key == "predicate" && line[0] == ' ') in_files.insert(value);
    }
  }
  ASSERT_GT(in_files.size(), 50u);
  std::set<std::string> described;
  for (const PredicateInfo& info : vocabulary) {
    SCOPED_TRACE(info.predicate);
    described.insert(info.predicate);
    EXPECT_FALSE(info.rules.empty());
  }
  EXPECT_EQ(described, in_files);
  // The cheap reading of the files names the same predicates.
  const std::vector<std::string> names = PredicateNames(DefaultRuleSources());
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), in_files);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_TRUE(std::is_sorted(
      vocabulary.begin(), vocabulary.end(),
      [](const PredicateInfo& a, const PredicateInfo& b) { return a.predicate < b.predicate; }));
}

TEST(VocabularyTest, DescribesFramesAndPatterns) {
  std::shared_ptr<const RuleSet> rules = Compile({{"test.rules",
                                                   "frame parleyed\n"
                                                   "  verb       parley, sit down\n"
                                                   "  predicate  parleyed\n"
                                                   "  plover     CONSULT\n"
                                                   "  cameo      040\n"
                                                   "  object     actor, with actor\n"
                                                   "relation parley-noun\n"
                                                   "  predicate  parleyed\n"
                                                   "  cameo      043\n"
                                                   "  pattern    {actor:subject} 's parley with "
                                                   "{actor:object}\n",
                                                   0}});
  ASSERT_NE(rules, nullptr);
  const std::vector<PredicateInfo> vocabulary = DescribePredicates(*rules);
  const PredicateInfo* info = Find(vocabulary, "parleyed");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(info->plover, ElementsAre("CONSULT"));
  EXPECT_THAT(info->cameo, ElementsAre("043", "040"));  // in rule-id order
  EXPECT_THAT(info->verbs, ElementsAre("parley", "sit down"));
  EXPECT_THAT(info->words, ElementsAre("parley"));
  EXPECT_THAT(info->rules, ElementsAre("parley-noun (test.rules:7)", "parleyed (test.rules:1)"));
}

TEST(VocabularyTest, WordsNameTheirPredicates) {
  std::shared_ptr<const RuleSet> rules = Compile(DefaultRuleSources());
  ASSERT_NE(rules, nullptr);
  const std::vector<PredicateInfo> vocabulary = DescribePredicates(*rules);
  struct Case {
    std::string word;
    std::vector<std::string> predicates;
  };
  const std::vector<Case> cases = {
      {"met_with", {"met_with"}},    // a predicate is itself
      {"MET", {"met_with"}},         // a verb form, any case
      {"meets", {"met_with"}},       // another form
      {"condemned", {"condemned"}},  // the predicate the verb's frame produces
      {"denounced", {"condemned"}},  // another verb of the same frame
      {"slammed", {"criticized"}},   // an irregular lexicon entry
      {"meeting", {"met_with"}},     // a noun its patterns require
      {"xyzzy", {}},                 // nothing
      {"with", {}},                  // a function word names nothing
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(PredicatesForWord(*rules, vocabulary, c.word), c.predicates);
  }
  EXPECT_THAT(PredicatesForWord(*rules, vocabulary, ""), IsEmpty());
}

TEST(VocabularyTest, PloverGlosses) {
  EXPECT_EQ(PloverGloss("CONSULT"), "meet, visit, host, call or talk");
  EXPECT_EQ(PloverGloss("consult"), "");
  EXPECT_EQ(PloverGloss("PROPOSE"), "");
}

}  // namespace
}  // namespace parley
