// The start a compiled pattern promises (EmittedPattern::start_bits): the matcher tries such
// patterns anchored at the mentions of those kinds only, so a wrong value loses matches.
#include "extract/rule_pattern.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace parley::internal {
namespace {

TEST(EmitPatternTest, StartBitsNameTheMentionEveryMatchStartsWith) {
  const std::map<std::string, WordList> words;
  const std::map<std::string, PatternSeq> macros;
  const std::set<std::string> broken;
  const PatternScope scope{&words, &macros, &broken};
  struct Case {
    std::string pattern;
    uint32_t start_bits;
  };
  const Case cases[] = {
      {"{actor:subject} met {actor:object}", kActorBits},
      {"{state:subject} visited {place:place}", kBitState},
      {"{date} {actor:subject} said", kBitDate},
      {"the {state:subject} said", 0},
      {"(the)? {state:subject} said", 0},
      {"{actor:subject}? said {state:object}", 0},
      {"(new|former) {actor:subject} said", 0},
      {"{text:text} , said {actor:subject}", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    PatternSeq seq;
    PatternError error;
    ASSERT_TRUE(ParsePattern(c.pattern, &seq, &error)) << error.message;
    EmittedPattern out;
    ASSERT_TRUE(EmitPattern(seq, scope, RuleKind::kRelation, /*in_macro=*/false, &out, &error))
        << error.message;
    EXPECT_EQ(out.start_bits, c.start_bits);
  }
}

}  // namespace
}  // namespace parley::internal
