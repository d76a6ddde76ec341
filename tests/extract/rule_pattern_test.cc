// The start a compiled pattern promises (EmittedPattern::start_bits): the matcher tries such
// patterns anchored at the mentions of those kinds only, so a wrong value loses matches. Which
// spelling of the tagged sentence a pattern runs on (EmittedPattern::cased): a wrong choice
// loses names or case-insensitive words.
#include "extract/rule_pattern.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"
#include "extract/default_rules.h"
#include "extract/pattern_match.h"
#include "extract/rule_set.h"
#include "extract/rule_tokens.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {
namespace {

// Parses and emits `pattern` for a rule of `kind`, with the word lists `words` and no macros.
// False (with a test failure) when it does not compile.
bool Emit(const std::string& pattern, RuleKind kind, const std::map<std::string, WordList>& words,
          EmittedPattern* out, const std::map<std::string, PatternSeq>& macros = {}) {
  const std::set<std::string> broken;
  const PatternScope scope{&words, &macros, &broken};
  PatternSeq seq;
  PatternError error;
  if (!ParsePattern(pattern, &seq, &error) ||
      !EmitPattern(seq, scope, kind, /*in_macro=*/false, out, &error)) {
    ADD_FAILURE() << error.message;
    return false;
  }
  return true;
}

// The pattern words of these tests, numbered as IndexPatternWords numbers the rules' (the
// words of every sentence are among them too).
TokenTable& PatternWords() {
  static TokenTable* const words = new TokenTable();
  return *words;
}

PatternWordSet PatternWordIds(const std::vector<std::string>& words) {
  std::vector<uint32_t> ids;
  for (const std::string& w : words) ids.push_back(PatternWords().Intern(w));
  return PatternWordSet(std::move(ids));
}

// The matcher's pattern of `out`: searched unanchored, or (`anchored`) tried at its start
// words with the unit after each checked first and the captures read off the units where they
// fix them, as RuleCompiler builds it.
CompiledPattern Compiled(const EmittedPattern& out, bool anchored) {
  CompiledPattern pattern;
  pattern.re = LazyRegex(out.regex, RE2::Options());
  pattern.captures = out.captures;
  pattern.cased = out.cased;
  if (anchored) {
    pattern.start_bits = out.start_bits;
    pattern.start_name = out.start_name;
    pattern.start_words = out.start_words;
    pattern.start_ids = PatternWordIds(out.start_words);
    pattern.second_bits = out.second_bits;
    pattern.second_words = out.second_words;
    pattern.second_ids = PatternWordIds(out.second_words);
    pattern.second_name = out.second_name;
    pattern.then = out.then;
    for (UnitCheck& unit : pattern.then) unit.ids = PatternWordIds(unit.words);
    pattern.capture_units = out.capture_units;
  }
  return pattern;
}

// A sentence without mentions, tagged, with the pattern word of each token.
Tagged Sentence(std::string_view text) {
  Tagged s;
  s.text = text;
  s.lower = AsciiLower(s.text);
  s.tokens = Tokenize(s.text);
  BuildUnits(&s);
  for (uint32_t t = 0; t < s.tokens.size(); ++t) {
    s.pattern_words.push_back(PatternWords().Intern(s.LowerToken(t)));
  }
  return s;
}

TEST(EmitPatternTest, StartBitsNameTheMentionEveryMatchStartsWith) {
  const std::map<std::string, WordList> words;
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
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, RuleKind::kRelation, words, &out));
    EXPECT_EQ(out.start_bits, c.start_bits);
  }
}

TEST(EmitPatternTest, StartWordsNameTheWordsEveryMatchStartsWith) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}},
      {"prefixed", WordList{{Cue{{"propos"}, /*prefix=*/true}}}}};
  struct Case {
    std::string pattern;
    RuleKind kind;
    std::vector<std::string> start_words;
  };
  const Case cases[] = {
      {"the {@title:text} said", RuleKind::kRelation, {"the"}},
      {"@title {actor:subject} said", RuleKind::kRelation, {"envoy", "prime"}},
      {"(The|a) {actor:subject} said", RuleKind::kRelation, {"a", "the"}},
      {"(Mr|Mrs) .? {name:label}", RuleKind::kDiscover, {"mr", "mrs"}},
      {"(the)? {state:subject} said", RuleKind::kRelation, {}},
      {"{actor:subject} said", RuleKind::kRelation, {}},
      {"propos* {actor:subject}", RuleKind::kRelation, {}},
      {"@prefixed {actor:subject}", RuleKind::kRelation, {}},
      {"{text:text} , said {actor:subject}", RuleKind::kRelation, {}},
      {"... said {actor:subject}", RuleKind::kRelation, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, c.kind, words, &out));
    EXPECT_EQ(out.start_words, c.start_words);
  }
}

// What the unit after a one-unit start or a name must be (EmittedPattern::second_bits,
// second_words, second_name): the matcher tries no start whose next unit is none of them, so a
// wrong value loses matches.
TEST(EmitPatternTest, SecondElementNamesTheUnitAfterTheFirst) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}},
      {"single", WordList{{Cue{{"king"}}, Cue{{"envoy"}}}}},
      {"prefixed", WordList{{Cue{{"propos"}, /*prefix=*/true}}}},
      {"prefixed2", WordList{{Cue{{"new", "propos"}, /*prefix=*/true}, Cue{{"envoy"}}}}}};
  struct Case {
    std::string pattern;
    uint32_t second_bits;
    std::vector<std::string> second_words;
    bool start_name = false;
    RuleKind kind = RuleKind::kRelation;
    bool second_name = false;
  };
  const Case cases[] = {
      {"the {@title:text} said", 0, {"envoy", "prime"}},
      {"{actor:subject} met {actor:object}", 0, {"met"}},
      {"{state:subject} {actor:object} said", kActorBits, {}},
      {"{name:label} , (the)? {state:country}", 0, {","}, true, RuleKind::kDiscover},
      {"{name:label} (said|says)", 0, {"said", "says"}, true, RuleKind::kDiscover},
      {"the {state:subject} said", kBitState, {}},
      {"(the|a) (new|former) {actor:subject}", 0, {"former", "new"}},
      {"@single {actor:subject} said", kActorBits, {}},
      {"{@single:text} @title said {actor:subject}", 0, {"envoy", "prime"}},
      // The first element may be two units: the unit after its first is its second token or
      // the second element.
      {"@title {actor:subject} said", kActorBits, {"minister"}},
      {"(the|a new) {actor:subject} said", kActorBits, {"new"}},
      {"(a new|the new) {actor:subject} said", 0, {"new"}},
      {"{@title:office} @single? {name:label} said",
       0,
       {"envoy", "king", "minister"},
       false,
       RuleKind::kDiscover,
       true},
      // ... unless that second token takes any ending.
      {"@prefixed2 {actor:subject} said", 0, {}},
      // An optional second element: its first unit or that of the elements after it, up to
      // the first required one.
      {"the (new)? {actor:subject} said", kActorBits, {"new"}},
      {"the (new)? (former)? {state:subject} said", kBitState, {"former", "new"}},
      {"(Mr|Mrs) .? {name:label}", 0, {"."}, false, RuleKind::kDiscover, true},
      {"{@single:office} @title? {name:label} said",
       0,
       {"envoy", "prime"},
       false,
       RuleKind::kDiscover,
       true},
      {"{name:label} (,)? {name:affiliation}", 0, {","}, true, RuleKind::kDiscover, true},
      // The second element is a gap, free text, or takes any ending, or every element after the
      // first is optional.
      {"the (new)? ...3 {actor:subject} said", 0, {}},
      {"the (new)? {text:text} said", 0, {}},
      {"the (new)? (former)?", 0, {}},
      {"the ...3 {actor:subject} said", 0, {}},
      {"the {text:text} said", 0, {}},
      {"the @prefixed {actor:subject}", 0, {}},
      {"{actor:subject} @title said", 0, {"envoy", "prime"}},
      {"{name:label} ...2 said", 0, {}, true, RuleKind::kDiscover},
      // No known start.
      {"(the)? {state:subject} said", 0, {}},
      {"{text:text} , said {actor:subject}", 0, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, c.kind, words, &out));
    EXPECT_EQ(out.second_bits, c.second_bits);
    EXPECT_EQ(out.second_words, c.second_words);
    EXPECT_EQ(out.start_name, c.start_name);
    EXPECT_EQ(out.second_name, c.second_name);
  }
}

// ForEachMatch (pattern_match.h) sizes its groups from the captures, before the program is
// built: the expression holds one capturing group per capture, in order, and no other.
TEST(EmitPatternTest, EveryCaptureIsOneGroupAndNoOtherGroupCaptures) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}}};
  const std::pair<std::string, RuleKind> patterns[] = {
      {"{actor:subject} met {actor:object}", RuleKind::kRelation},
      {"(the)? {text:text} , (hosted|convened) by (the)? {actor:subject}", RuleKind::kRelation},
      {"{name:label} , (the)? ({demonym:country} | {state:country} 's) {@title:office}",
       RuleKind::kDiscover},
      {"{actor:subject} ...3 (proposal|offer) (to {actor:recipient})? ...3 (of|for) {text:text}",
       RuleKind::kRelation},
      {"(Mr|Mrs) .? {name:label}", RuleKind::kDiscover},
  };
  for (const auto& [pattern, kind] : patterns) {
    SCOPED_TRACE(pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(pattern, kind, words, &out));
    const RE2 re(out.regex);
    ASSERT_TRUE(re.ok()) << re.error();
    EXPECT_EQ(re.NumberOfCapturingGroups(), static_cast<int>(out.captures.size()));
  }
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(DefaultRuleSources());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  for (const Rule& rule : (*rules)->compiled().rules) {
    for (const CompiledPattern& p : rule.patterns) {
      EXPECT_EQ(p.re->NumberOfCapturingGroups(), static_cast<int>(p.captures.size()))
          << rule.id << " line " << p.line;
    }
  }
}

// Macros are read through: their optional elements, and a macro or group that may match nothing,
// let the unit after the first be what starts the elements after them.
TEST(EmitPatternTest, SecondElementReadsThroughMacrosAndGroupsThatMayMatchNothing) {
  const std::map<std::string, WordList> words = {
      {"aux-word", WordList{{Cue{{"has"}}, Cue{{"seeks", "to"}}}}},
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}}};
  std::map<std::string, PatternSeq> macros;
  for (const auto& [name, body] :
       {std::pair<std::string, std::string>{"aux", "@aux-word? @aux-word?"},
        {"appos", "(, ...24 ,)? (, and|and we)?"},
        {"ttl", "(the)? ({demonym}|{state} 's)? (@title)?"},
        {"gap", "...2 @title"},
        {"one", "@title"}}) {
    PatternError error;
    ASSERT_TRUE(ParsePattern(body, &macros[name], &error)) << error.message;
  }
  struct Case {
    std::string pattern;
    uint32_t second_bits;
    std::vector<std::string> second_words;
  };
  const Case cases[] = {
      {"{actor:subject} @aux (spoke|talked) to {actor:object}",
       0,
       {"has", "seeks", "spoke", "talked"}},
      {"{actor:subject} @appos @aux met {actor:object}", 0, {",", "and", "has", "met", "seeks"}},
      {"{actor:subject} met @ttl {actor:object}", 0, {"met"}},
      {"met @ttl {actor:object}", kBitDemonym | kBitState | kActorBits, {"envoy", "prime", "the"}},
      {"met (the|{state} 's)? {actor:object}", kBitState | kActorBits, {"the"}},
      {"met @one {actor:object}", 0, {"envoy", "prime"}},
      {"met @one? {actor:object}", kActorBits, {"envoy", "prime"}},
      // A macro that starts with a gap, or macros and groups that may match nothing at the end.
      {"{actor:subject} @gap said", 0, {}},
      {"{actor:subject} @aux @gap said", 0, {}},
      {"{actor:subject} said @aux", 0, {"said"}},
      {"{actor:subject} @aux", 0, {}},
      {"{actor:subject} (@aux|with)", 0, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, RuleKind::kRelation, words, &out, macros));
    EXPECT_EQ(out.second_bits, c.second_bits);
    EXPECT_EQ(out.second_words, c.second_words);
  }
  // Tried only at starts so followed, a pattern finds what a search finds.
  PatternError error;
  ASSERT_TRUE(ParsePattern("(the)? (new)?", &macros["opt"], &error)) << error.message;
  const Tagged s =
      Sentence("The talks with the new envoy and the Prime Minister ended , and envoy");
  const std::pair<std::string, std::vector<std::string>> matching[] = {
      {"(with|and) @opt {@title:text}", {"envoy ", "prime minister ", "envoy "}},
      {"(with|and) @opt {@title:text} ended", {"prime minister "}},
      {"talks @opt {@title:text}", {}},
  };
  for (const auto& [pattern, expected] : matching) {
    SCOPED_TRACE(pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(pattern, RuleKind::kRelation, words, &out, macros));
    EXPECT_FALSE(out.second_words.empty());
    for (const bool anchored : {false, true}) {
      const CompiledPattern compiled = Compiled(out, anchored);
      std::vector<std::string> matches;
      ForEachMatch(compiled, s, [&](const std::vector<re2::StringPiece>& groups) {
        matches.emplace_back(groups[1].data(), groups[1].size());
      });
      EXPECT_EQ(matches, expected) << (anchored ? "anchored" : "unanchored");
    }
  }
}

// The units after the second, while the elements from the second on are each one unit.
TEST(EmitPatternTest, ThenNamesTheUnitsAfterTheSecond) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}},
      {"single", WordList{{Cue{{"king"}}, Cue{{"envoy"}}}}}};
  // Each unit as "bits words name", e.g. "0 the,new 0".
  const auto show = [](const EmittedPattern& out) {
    std::vector<std::string> units;
    for (const UnitCheck& unit : out.then) {
      std::string words;
      for (const std::string& w : unit.words) words += (words.empty() ? "" : ",") + w;
      units.push_back(std::to_string(unit.bits) + " " + words + " " + (unit.name ? "1" : "0"));
    }
    return units;
  };
  const std::string state = std::to_string(kBitState);
  const std::string actor = std::to_string(kActorBits);
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"{actor:subject} 's (return|transfer) of {state:object}",
       {"0 s 0", "0 return,transfer 0", "0 of 0"}},
      {"{actor:subject} 's (call|phone call) with {actor:object}", {"0 s 0", "0 call,phone 0"}},
      {"{actor:subject} , (the)? {state:object} 's envoy", {state + " the 0"}},
      {"met @single (new)? {state:object}", {state + " new 0"}},
      {"met {state:object} , {actor:subject} said", {"0 , 0", actor + "  0", "0 said 0"}},
      {"{name:label} , (the)? {state:country} envoy", {state + " the 0"}},
      {"(Mr|Mrs) {name:label} , {name:affiliation} said", {}},
      // An element of more units, or of one or more (a name), ends it; as do a gap, elements
      // that may all match nothing, an unknown start, or a first element of two units.
      {"{actor:subject} met @title {actor:object} said", {"0 envoy,prime 0"}},
      {"{actor:subject} met {name} said", {"0  1"}},
      {"{actor:subject} met ...2 {actor:object}", {}},
      {"{actor:subject} met (new)?", {}},
      {"@title {actor:subject} said", {}},
      {"(the)? {state:subject} said", {}},
  };
  for (const auto& [pattern, expected] : cases) {
    SCOPED_TRACE(pattern);
    EmittedPattern out;
    const RuleKind kind =
        pattern.find("{name:") != std::string::npos ? RuleKind::kDiscover : RuleKind::kRelation;
    ASSERT_TRUE(Emit(pattern, kind, words, &out));
    EXPECT_EQ(show(out), expected);
  }
}

TEST(EmitPatternTest, OnlyPatternsWithANameSlotReadTheSentenceAsWritten) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}}};
  // One sentence, its words in mixed case, no mentions: both spellings have one layout.
  const Tagged s = Sentence("The PRIME Minister Smith Jones met Envoy Tanaka");
  ASSERT_EQ(s.tagged, " The PRIME Minister Smith Jones met Envoy Tanaka ");
  ASSERT_EQ(s.folded, " the prime minister smith jones met envoy tanaka ");
  struct Case {
    std::string pattern;
    RuleKind kind;
    bool cased;
    std::string match;  // group 1 of the first match ("" none)
  };
  const Case cases[] = {
      {"@title {text:text} met", RuleKind::kRelation, false, "smith jones "},
      {"the {@title:text} smith", RuleKind::kRelation, false, "prime minister "},
      {"met {@title:text}", RuleKind::kRelation, false, "envoy "},
      {"(the)? {@title:text} smith", RuleKind::kRelation, false, "prime minister "},
      {"Met {text:text}", RuleKind::kRelation, false, "envoy tanaka "},
      {"@title {name:label} met", RuleKind::kDiscover, true, "Smith Jones "},
      {"met @title {name:label}", RuleKind::kDiscover, true, "Tanaka "},
      {"{name:label} Minister", RuleKind::kDiscover, true, "The PRIME "},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, c.kind, words, &out));
    EXPECT_EQ(out.cased, c.cased);
    EXPECT_EQ(out.regex.find("(?i:") != std::string::npos, c.cased) << out.regex;
    // Searched unanchored, and anchored at the start words (when it has any): the same match.
    for (const bool anchored : {false, true}) {
      const CompiledPattern pattern = Compiled(out, anchored);
      ASSERT_TRUE(pattern.re->ok()) << pattern.re->error();
      re2::StringPiece groups[2];
      ASSERT_TRUE(NextMatch(pattern, s, 0, groups, 2));
      EXPECT_EQ(std::string(groups[1].data(), groups[1].size()), c.match);
      // Offsets are the same in either spelling.
      EXPECT_EQ(s.tagged.substr(s.Offset(groups[1]), groups[1].size()).size(), c.match.size());
      EXPECT_EQ(AsciiLower(s.tagged.substr(s.Offset(groups[1]), groups[1].size())),
                AsciiLower(c.match));
    }
  }
}

// Where the units of every match fix a capture (EmittedPattern::capture_units): units from the
// match's start (k >= 0) or back from its end (~k). NextMatchTest below reads captures off them.
TEST(EmitPatternTest, CaptureUnitsWhereEveryMatchFixesThem) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}},
      {"pair", WordList{{Cue{{"prime", "minister"}}, Cue{{"foreign", "minister"}}}}},
      {"one", WordList{{Cue{{"envoy"}}, Cue{{"minister"}}}}}};
  const std::map<std::string, PatternSeq> macros = {
      {"two", PatternSeq{PatternNode{PatternNode::Kind::kWord, 0, "the"},
                         PatternNode{PatternNode::Kind::kWord, 0, "new"}}}};
  struct Case {
    std::string pattern;
    std::vector<std::pair<int32_t, int32_t>> units;  // (begin, end) per capture
    RuleKind kind = RuleKind::kRelation;
  };
  const Case cases[] = {
      {"{actor:subject} met {actor:object}", {{0, 1}, {2, 3}}},
      {"the {@pair:text} met {actor:object}", {{1, 3}, {4, 5}}},
      {"@two {@one:text} , $", {{2, 3}}},
      {"(met|saw) {actor:subject}", {{1, 2}}},
      // One element of varying length: what comes after it counts from the end.
      {"the {@title:text}", {{1, ~0}}},
      {"{@title:text} {person:subject}", {{0, ~1}, {~1, ~0}}},
      {"{text:text} , said {actor:subject}", {{0, ~3}, {~1, ~0}}},
      {"(the)? {state:subject} said", {{~2, ~1}}},
      {"{actor:subject} (met|talked with) {actor:object}", {{0, 1}, {~1, ~0}}},
      {"{name:label} said", {{0, ~1}}, RuleKind::kDiscover},
      // Not fixed: two elements of varying length, an optional capture, a capture in a group.
      {"(the)? {text:text} , {actor:subject}", {}},
      {"{actor:subject}? said {state:object}", {}},
      {"({state:subject} | {actor:subject}) said", {}},
      {"said", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, c.kind, words, &out, macros));
    std::vector<std::pair<int32_t, int32_t>> units;
    for (const CaptureUnits& u : out.capture_units) units.emplace_back(u.begin, u.end);
    EXPECT_EQ(units, c.units);
  }
}

// Anchored at its start words or names, with the unit after each checked first, a pattern finds
// the matches an unanchored search finds: starts whose next unit cannot be the second element
// are passed over, the others tried.
TEST(NextMatchTest, StartsWhoseNextUnitCannotFollowArePassedOver) {
  const std::map<std::string, WordList> words = {
      {"title", WordList{{Cue{{"prime", "minister"}}, Cue{{"envoy"}}}}}};
  const Tagged s = Sentence(
      "The talks with the envoy and the Prime Minister ended, Kenji Tanabe and Mr John Paul "
      "Smith Jones, the envoy, said");
  struct Case {
    std::string pattern;
    std::vector<std::string> matches;  // group 1 of each match, in order
    RuleKind kind = RuleKind::kRelation;
  };
  const Case cases[] = {
      {"the {@title:text}", {"envoy ", "prime minister ", "envoy "}},
      {"the {@title:text} ended", {"prime minister "}},
      {"(with|and) the {text:text}", {"envoy and the prime minister ended "}},
      {"the {@title:text} and", {"envoy "}},
      {"the {@title:text} talks", {}},
      // A start of two units: the unit after its first is its second token.
      {"{@title:text} (,|ended)", {"prime minister ", "envoy "}},
      // A name is 1 to 4 capitalised words: the longest before the comma wins.
      {"{name:label} , the", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      {"{name:label} (and|ended)", {"Prime Minister ", "Kenji Tanabe "}, RuleKind::kDiscover},
      {"{name:label} said", {}, RuleKind::kDiscover},
      // An optional second element: the unit after the first is it or the element after it.
      {"the (new)? {@title:text} ended", {"prime minister "}},
      {"(Mr|Mrs) .? {name:label}", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      {"(and|ended) ,? {name:label}",
       {"Kenji Tanabe ", "Mr John Paul Smith "},
       RuleKind::kDiscover},
      // A name end that no match follows is not tried again from a later start, a later end
      // is: from "Mr", names ending at "Paul" or "Smith" fail; from "John", one ending at
      // "Jones" matches.
      {"{name:label} (Smith|,) the", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      {"{name:label} , the envoy , said", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      // The units after the second are checked too.
      {"the {@title:text} and the", {"envoy "}},
      {"the {@title:text} and the prime", {"envoy "}},
      {"the {@title:text} and the envoy", {}},
      {"with the {@title:text} and", {"envoy "}},
      {"{name:label} , the envoy , said", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      {"{name:label} , the envoy ,", {"John Paul Smith Jones "}, RuleKind::kDiscover},
      {"{name:label} , the king", {}, RuleKind::kDiscover},
      {"{name:label} and Mr John", {"Kenji Tanabe "}, RuleKind::kDiscover},
      // `$` last in the pattern or an alternative is the end of the sentence.
      {"the {@title:text} , $", {}},
      {"the {@title:text} , said $", {"envoy "}},
      {"the {@title:text} (ended|$)", {"prime minister "}},
      {"the {@title:text} (said|$)", {}},
      {"the {@title:text} ( , said | $ )", {"envoy "}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EmittedPattern out;
    ASSERT_TRUE(Emit(c.pattern, c.kind, words, &out));
    for (const bool anchored : {false, true}) {
      ASSERT_TRUE(!out.start_words.empty() || out.start_name);
      const CompiledPattern pattern = Compiled(out, anchored);
      ASSERT_TRUE(pattern.re->ok()) << pattern.re->error();
      std::vector<std::string> matches;
      ForEachMatch(pattern, s, [&](const std::vector<re2::StringPiece>& groups) {
        matches.emplace_back(groups[1].data(), groups[1].size());
      });
      EXPECT_EQ(matches, c.matches) << (anchored ? "anchored" : "unanchored");
    }
  }
}

// A word list is written as a tree of shared leading tokens where that keeps its meaning
// (CueListRegex): every text must match it as it matches the plain alternation of its items, in
// their order of preference, whatever follows the list.
// A `$` that ends a pattern or an alternative is the end of the sentence; elsewhere it is the
// dollar sign, a token like any other.
TEST(ParsePatternTest, DollarIsTheEndOnlyLast) {
  struct Case {
    std::string pattern;
    std::vector<PatternNode::Kind> kinds;  // of the top-level elements
  };
  const Case cases[] = {
      {"said $", {PatternNode::Kind::kWord, PatternNode::Kind::kEnd}},
      {"said $  ", {PatternNode::Kind::kWord, PatternNode::Kind::kEnd}},
      {"$ {text:text}", {PatternNode::Kind::kWord, PatternNode::Kind::kSlot}},
      {"said (, | $)", {PatternNode::Kind::kWord, PatternNode::Kind::kGroup}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    PatternSeq seq;
    PatternError error;
    ASSERT_TRUE(ParsePattern(c.pattern, &seq, &error)) << error.message;
    std::vector<PatternNode::Kind> kinds;
    for (const PatternNode& node : seq) kinds.push_back(node.kind);
    EXPECT_EQ(kinds, c.kinds);
  }
  PatternSeq seq;
  PatternError error;
  ASSERT_TRUE(ParsePattern("said (, | $)", &seq, &error));
  EXPECT_EQ(seq[1].alternatives[1][0].kind, PatternNode::Kind::kEnd);
  ASSERT_TRUE(ParsePattern("$ {text:text}", &seq, &error));
  EXPECT_EQ(seq[0].text, "$");
}

TEST(CueListRegexTest, MatchesAsTheAlternationOfItsItems) {
  const auto cue = [](const std::string& item) {
    Cue c;
    EXPECT_TRUE(ParseWordItem(item, &c));
    return c;
  };
  struct Case {
    std::vector<std::string> items;
    bool tree, tree_fold;  // written as a tree without `fold`, and with it
  };
  const Case cases[] = {
      // Sorted by length, as word lists are: shared leading tokens are written once.
      {{"deputy secretary of state", "deputy prime minister", "secretary of state",
        "deputy secretary", "secretary general", "deputy", "secretary", "minister"},
       true,
       true},
      {{"prime minister - designate", "prime minister", "president - elect", "president"},
       true,
       true},
      // Sibling tokens whose rests are the same share them: "(?:defense |defence )(?:minister
      // |secretary )".
      {{"finance minister of state", "defense minister", "finance minister", "defence minister",
        "defense secretary", "defence secretary", "minister", "secretary"},
       true,
       true},
      // Case-insensitively, different non-ASCII words may match the same text ("Élysée" and
      // "élysée").
      {{"Élysée palace", "élysée accord", "Élysée"}, true, false},
      // An item ending before a longer one with its leading tokens: preferred as listed.
      {{"deputy", "deputy secretary", "secretary"}, false, false},
      // An item that takes any ending ("propos*") matches words of other items.
      {{"proposal", "propos*", "offer"}, false, false},
  };
  const std::vector<std::string> texts = {" deputy secretary of state of state ",
                                          " deputy secretary of state ",
                                          " deputy secretary ",
                                          " Deputy Secretary Of State ",
                                          " deputy prime minister ",
                                          " secretary general ",
                                          " secretary of state ",
                                          " secretary ",
                                          " minister ",
                                          " deputy ",
                                          " DEPUTY minister ",
                                          " prime minister - designate ",
                                          " prime minister ",
                                          " president - elect ",
                                          " president ",
                                          " proposal ",
                                          " proposals ",
                                          " offer ",
                                          " deputy secretary general ",
                                          " ministers ",
                                          " élysée palace ",
                                          " Élysée palace ",
                                          " élysée accord ",
                                          " ÉLYSÉE ",
                                          " defense minister ",
                                          " Defence Secretary ",
                                          " finance minister of state ",
                                          " finance minister of ",
                                          " defence minister of state ",
                                          " defense prime minister "};
  // What may follow the list: anything (the longest item wins), or words that some items hold.
  const std::vector<std::string> tails = {"(.*)$", "(of state |)$", "([a-z]+ )$", "(- elect )$"};
  for (const Case& c : cases) {
    std::vector<Cue> cues;
    for (const std::string& item : c.items) cues.push_back(cue(item));
    for (const bool fold : {false, true}) {
      SCOPED_TRACE(c.items[0] + (fold ? " (fold)" : ""));
      std::string plain = "(?:";
      for (size_t i = 0; i < cues.size(); ++i)
        plain += (i > 0 ? "|" : "") + CueRegex(cues[i], fold);
      plain += ")";
      const std::string list = CueListRegex(cues, fold);
      EXPECT_EQ(list != plain, fold ? c.tree_fold : c.tree) << list;
      for (const std::string& tail : tails) {
        const RE2 want("^ (" + plain + ")" + tail);
        const RE2 got("^ (" + list + ")" + tail);
        ASSERT_TRUE(want.ok() && got.ok()) << list;
        for (const std::string& text : texts) {
          SCOPED_TRACE(text + " / " + tail);
          std::string want_list, want_tail, got_list, got_tail;
          const bool wanted = RE2::FullMatch(text, want, &want_list, &want_tail);
          EXPECT_EQ(RE2::FullMatch(text, got, &got_list, &got_tail), wanted);
          EXPECT_EQ(got_list, want_list);
          EXPECT_EQ(got_tail, want_tail);
        }
      }
    }
  }
}

// The marks of a marked list (tagged_sentence.h, "Marked word lists"): after each word unit at
// which items begin, the list's letter and the items' lengths, longest first.
TEST(MarkedTest, WordUnitsWhereItemsBeginCarryTheirLengths) {
  const auto cues = [](const std::vector<std::string>& items) {
    std::vector<Cue> out(items.size());
    for (size_t i = 0; i < items.size(); ++i) EXPECT_TRUE(ParseWordItem(items[i], &out[i]));
    return out;
  };
  const MarkedLists lists({cues({"vice president", "president", "secretary of state",
                                 "secretary general", "secretary"}),
                           cues({"of state", "state"})});
  Tagged s = Sentence("Vice President Harris met the Secretary of State, the state's Secretary.");
  s.marked_lists = &lists;
  const MarkedStrings* m = Marked(s);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->state, MarkedStrings::State::kMarked);
  EXPECT_EQ(m->folded,
            " vice\x03"
            "a2 president\x03"
            "a1 harris met the secretary\x03"
            "a31 of\x03"
            "b2 state\x03"
            "b1 , the state\x03"
            "b1 ' s secretary\x03"
            "a1 . ");
  EXPECT_EQ(m->tagged.substr(0, 9),
            " Vice\x03"
            "a2 ");
  ASSERT_EQ(m->unit_offsets.size(), s.unit_offsets.size());
  for (size_t u = 0; u < s.units.size(); ++u) {
    EXPECT_EQ(m->folded.substr(m->unit_offsets[u], 2), s.folded.substr(s.unit_offsets[u], 2));
  }
  // None: the plain strings serve; a text with "\x03" or a character that (?i:) folds to ASCII
  // is read by the plain programs.
  Tagged none = Sentence("The talks ended.");
  none.marked_lists = &lists;
  ASSERT_NE(Marked(none), nullptr);
  EXPECT_EQ(Marked(none)->state, MarkedStrings::State::kPlain);
  for (const std::string_view text : {"The \x03 president", "The \xE2\x84\xAAing president"}) {
    Tagged odd = Sentence(text);
    odd.marked_lists = &lists;
    EXPECT_EQ(Marked(odd), nullptr) << text;
  }
  // Rebuilding the units forgets the marks.
  BuildUnits(&s);
  EXPECT_EQ(s.marked.state, MarkedStrings::State::kUnknown);
  // A list is marked only when its tree prefers the longest item.
  EXPECT_TRUE(MarkableList(cues({"deputy secretary", "deputy", "secretary"})));
  EXPECT_FALSE(MarkableList(cues({"deputy", "deputy secretary"})));
  EXPECT_FALSE(MarkableList(cues({"propos*", "offer"})));
  EXPECT_FALSE(MarkableList(cues({"élysée palace"})));
}

// PatternWordSet::Contains against a binary search of its ids: small and large sets, ids
// consecutive, scattered and equal modulo the bits' size.
TEST(PatternWordSetTest, ContainsExactlyItsIds) {
  uint64_t seed = 2026;
  const auto next = [&seed](uint32_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((seed >> 33) % n);
  };
  std::vector<std::vector<uint32_t>> sets = {{}, {7}, {7, 3}, {1, 2, 3}, {4096, 8192, 12288, 1}};
  for (const size_t size : {5, 17, 100, 300}) {
    std::vector<uint32_t> scattered, consecutive;
    for (size_t i = 0; i < size; ++i) {
      scattered.push_back(1 + next(6000));
      consecutive.push_back(static_cast<uint32_t>(2000 + i));
    }
    sets.push_back(scattered);
    sets.push_back(consecutive);
  }
  for (std::vector<uint32_t> ids : sets) {
    SCOPED_TRACE(ids.size());
    const PatternWordSet set(ids);
    std::sort(ids.begin(), ids.end());
    for (uint32_t id = 0; id < 13000; ++id) {
      ASSERT_EQ(set.Contains(id), std::binary_search(ids.begin(), ids.end(), id)) << id;
    }
    EXPECT_FALSE(set.Contains(kNoPatternWord));
  }
}

// WordUnits: the word units whose token is a pattern word, in order, each with that word; a
// mention's tokens are no word units; rebuilding the units forgets the list.
TEST(WordUnitsTest, ListsThePatternWordUnitsInOrder) {
  struct Case {
    std::string text;
    std::vector<std::string> pattern_words;  // id i + 1 is pattern_words[i]
    std::pair<uint32_t, uint32_t> date;      // tokens of a date mention; empty: none
    std::vector<std::pair<uint32_t, std::string>> expected;  // (unit, its pattern word)
  };
  const Case cases[] = {
      {"Putin met Abe in Tokyo .", {"met", "in"}, {0, 0}, {{1, "met"}, {3, "in"}}},
      {"On 5 May Putin met Abe .", {"on", "may", "met"}, {1, 3}, {{0, "on"}, {3, "met"}}},
      {"On May 5 , met met .", {"met", "on"}, {0, 3}, {{2, "met"}, {3, "met"}}},
      {"MET Met met", {"met"}, {0, 0}, {{0, "met"}, {1, "met"}, {2, "met"}}},
      {"Nothing here .", {"met"}, {0, 0}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Tagged s;
    s.text = c.text;
    s.lower = AsciiLower(s.text);
    s.tokens = Tokenize(s.text);
    if (c.date.second > c.date.first) {
      Mention date;
      date.kind = MentionKind::kDate;
      date.tok_begin = c.date.first;
      date.tok_end = c.date.second;
      s.mentions.push_back(date);
    }
    BuildUnits(&s);
    EXPECT_EQ(WordUnits(s), nullptr);  // no pattern words per token yet
    BuildUnits(&s);
    for (uint32_t t = 0; t < s.tokens.size(); ++t) {
      const auto it = std::find(c.pattern_words.begin(), c.pattern_words.end(), s.LowerToken(t));
      s.pattern_words.push_back(it == c.pattern_words.end()
                                    ? kNoPatternWord
                                    : static_cast<uint32_t>(it - c.pattern_words.begin() + 1));
    }
    const PatternWordUnits* w = WordUnits(s);
    ASSERT_NE(w, nullptr);
    std::vector<std::pair<uint32_t, std::string>> got;
    for (const PatternWordUnits::Entry& e : w->units) {
      got.emplace_back(e.unit, c.pattern_words[e.id - 1]);
    }
    EXPECT_EQ(got, c.expected);
    BuildUnits(&s);
    EXPECT_EQ(s.word_units.state, PatternWordUnits::State::kUnknown);
    EXPECT_EQ(WordUnits(s)->units.size(), c.expected.size());
  }
}

// A pattern that names a marked list, run on the marked strings, matches what it matches on
// the plain ones, with the same groups: the list's items longest first, other words that begin
// items with or without their marks, names and gaps across marked units.
TEST(MarkedTest, PatternsMatchOnTheMarksAsOnTheWords) {
  const auto cues = [](const std::vector<std::string>& items) {
    WordList out;
    out.items.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) EXPECT_TRUE(ParseWordItem(items[i], &out.items[i]));
    return out;
  };
  const std::map<std::string, WordList> words = {
      {"title", cues({"deputy secretary of state", "deputy prime minister", "secretary of state",
                      "secretary general", "prime minister", "deputy secretary", "secretary",
                      "minister", "president"})},
      {"word", cues({"secretary", "general", "deputy", "mr"})},
      // A second marked list, with no item of two tokens: its lengths nest past the missing one.
      {"body", cues({"foreign ministry spokesperson", "ministry", "spokesperson"})},
  };
  const std::map<std::string, uint32_t> marked = {{"title", 0}, {"body", 1}};
  const MarkedLists marks({words.at("title").items, words.at("body").items});
  const std::map<std::string, PatternSeq> macros = [&] {
    PatternSeq t;
    PatternError error;
    EXPECT_TRUE(ParsePattern("(the)? (@title|@word .?)? (and (@title|@word))?", &t, &error));
    return std::map<std::string, PatternSeq>{{"ttl", t}};
  }();
  const std::set<std::string> broken;
  PatternScope scope{&words, &macros, &broken, &marked, &marks};
  const std::vector<std::string> sentences = {
      "The Deputy Secretary of State met Secretary General Guterres and the Secretary.",
      "Secretary of State of the State said the deputy prime minister and Prime Minister Abe met.",
      "Secretary General Secretary Jones, the secretary general, said the minister of state left.",
      "Mr President Smith and Deputy Secretary Lee met the deputy secretary general.",
      "The Foreign Ministry Spokesperson said the ministry spokesperson met the secretary Lee.",
  };
  const std::vector<std::pair<std::string, RuleKind>> patterns = {
      {"{@title:office} {name:label}", RuleKind::kDiscover},
      {"the {@title:text}", RuleKind::kRelation},
      {"{@title:text} general", RuleKind::kRelation},
      {"{@title:text} of state", RuleKind::kRelation},
      {"@ttl {name:label} (met|said|,)", RuleKind::kDiscover},
      {"(secretary|deputy) {text:text} (met|said|left) (the)? @title", RuleKind::kRelation},
      {"{name:label} , the {@title:office} ,", RuleKind::kDiscover},
      {"{@title:text} ...3 (met|said) the {@title}", RuleKind::kRelation},
      {"@word @title {name:label}", RuleKind::kDiscover},
      {"and @ttl {text:text} $", RuleKind::kRelation},
      {"the {@body:text} (said|met)", RuleKind::kRelation},
      {"@body ...2 (met|said) the {@title:text}", RuleKind::kRelation},
      {"{@body:text} ...3 (met|said)", RuleKind::kRelation},
  };
  for (const auto& [text, kind] : patterns) {
    SCOPED_TRACE(text);
    PatternSeq seq;
    PatternError error;
    EmittedPattern out;
    ASSERT_TRUE(ParsePattern(text, &seq, &error)) << error.message;
    ASSERT_TRUE(EmitPattern(seq, scope, kind, /*in_macro=*/false, &out, &error)) << error.message;
    ASSERT_FALSE(out.marked_regex.empty());
    for (const bool anchored : {false, true}) {
      CompiledPattern plain = Compiled(out, anchored);
      CompiledPattern on_marks = plain;
      on_marks.marked = LazyRegex(out.marked_regex, RE2::Options());
      ASSERT_TRUE(on_marks.marked->ok()) << on_marks.marked->error();
      for (const std::string& sentence : sentences) {
        SCOPED_TRACE(sentence);
        Tagged s = Sentence(sentence);
        s.marked_lists = &marks;
        ASSERT_NE(Marked(s), nullptr);
        const auto run = [&](const CompiledPattern& p) {
          std::vector<std::pair<size_t, size_t>> groups;
          ForEachMatch(p, s, [&](const std::vector<re2::StringPiece>& g) {
            for (const re2::StringPiece& piece : g) {
              groups.emplace_back(piece.data() == nullptr ? 0 : s.Offset(piece) + 1, piece.size());
            }
          });
          return groups;
        };
        const auto want = run(plain);
        EXPECT_EQ(run(on_marks), want) << (anchored ? "anchored" : "unanchored");
        if (text == "{@title:office} {name:label}") {
          EXPECT_FALSE(want.empty());
        }
      }
    }
  }
}

}  // namespace
}  // namespace parley::internal
