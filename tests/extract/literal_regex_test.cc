#include "extract/literal_regex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/rule_compiled.h"
#include "extract/rule_set.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

TEST(LiteralRegexTest, ExpandsTheLiteralSubset) {
  struct Case {
    std::string regex;
    std::vector<std::string> strings;  // sorted
  };
  const std::vector<Case> cases = {
      {"Dayton, Ohio", {"Dayton, Ohio"}},
      {"(?:the )?Charter", {"Charter", "the Charter"}},
      {"G-?20 [Ss]ummit", {"G-20 Summit", "G-20 summit", "G20 Summit", "G20 summit"}},
      {"(a|b)c", {"ac", "bc"}},
      {"U\\.S\\.", {"U.S."}},
      {"[Cc]ommuniqu[eé]", {"Communique", "Communiqué", "communique", "communiqué"}},
      {"x(?:|y)", {"x", "xy"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.regex);
    std::optional<std::vector<std::string>> got = LiteralExpansions(c.regex, 100);
    ASSERT_TRUE(got.has_value());
    std::sort(got->begin(), got->end());
    EXPECT_EQ(*got, c.strings);
  }
}

TEST(LiteralRegexTest, RefusesWhatIsNotLiteral) {
  for (const std::string regex :
       {"(?i)gamma", "a+", "a*", "a{2}", "a??", "a.b", "\\d", "\\bword", "[a-z]", "[^a]", "^a",
        "a$", "(?P<n>a)", "(a", "a)", "[ab", "[]", "\\", "\xC3"}) {
    SCOPED_TRACE(regex);
    EXPECT_FALSE(LiteralExpansions(regex, 100).has_value());
  }
  // More strings than the limit.
  EXPECT_FALSE(LiteralExpansions("[ab][ab][ab]", 7).has_value());
  EXPECT_TRUE(LiteralExpansions("[ab][ab][ab]", 8).has_value());
}

TEST(LiteralRegexTest, RequiredTokensAreThoseEveryStringHolds) {
  struct Case {
    std::string regex;
    std::vector<std::string> tokens;
  };
  const std::vector<Case> cases = {
      {"Dayton, Ohio", {"Dayton", "Ohio", ","}},
      {"(?:the )?Charter of the United Nations", {"Charter", "Nations", "United", "the", "of"}},
      {"G-?20 (?:[Ss]ummit|[Ll]eaders' [Ss]ummit) in Rome", {"Rome", "in"}},
      {"(?:State of|University of|Atlanta,) Georgia", {"Georgia"}},
      {"[Cc]ommuniqu[eé]", {}},
      {"(?:x|)", {}},
      {"a+b", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.regex);
    EXPECT_EQ(RequiredTokens(c.regex), c.tokens);
  }
}

// The RE2::Set of entity patterns runs only on sentences holding the tokens every match of some
// pattern holds (CompiledRules::entity_gate).
TEST(EntityPatternGateTest, PassesOnlySentencesThatMayHoldAMatch) {
  const std::string rules =
      "entity place:dayton\n  label Dayton\n  pattern Dayton, Ohio\n"
      "entity agreement:un-charter\n  label UN Charter\n"
      "  pattern (?:the )?Charter of the United Nations\n";
  Result<std::shared_ptr<const RuleSet>> set = RuleSet::Compile({{"gate.rules", rules, 0}});
  ASSERT_TRUE(set.ok()) << set.status().message();
  const CompiledRules& compiled = (*set)->compiled();
  ASSERT_TRUE(compiled.entity_gate.enabled);
  struct Case {
    std::string sentence;
    bool may_match;
  };
  const std::vector<Case> cases = {
      {"He flew to Dayton, Ohio, on Monday.", true},
      {"Dayton is in Ohio.", false},  // no comma: "Dayton, Ohio" cannot match
      {"Ohio, Dayton.", true},        // the tokens, in another order: the set decides
      {"They signed the Charter of the United Nations.", true},
      {"The United Nations met.", false},
      {"Nothing here.", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    std::vector<uint32_t> exact, folded;
    compiled.alias_index.Keys(c.sentence, AsciiLower(c.sentence), Tokenize(c.sentence), &exact,
                              &folded);
    EXPECT_EQ(compiled.entity_gate.MayMatch(exact), c.may_match);
  }
  // A pattern outside the literal subset turns the gate off: the set runs on every sentence.
  Result<std::shared_ptr<const RuleSet>> open = RuleSet::Compile(
      {{"gate.rules", rules + "entity place:ohio\n  label Ohio\n  pattern (?i)ohio\n", 0}});
  ASSERT_TRUE(open.ok()) << open.status().message();
  EXPECT_FALSE((*open)->compiled().entity_gate.enabled);
  EXPECT_TRUE((*open)->compiled().entity_gate.MayMatch({}));
}

}  // namespace
}  // namespace parley::internal
