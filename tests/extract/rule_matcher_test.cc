#include "extract/rule_matcher.h"

#include <gtest/gtest.h>

#include "extract/explain.h"
#include "extract/rule_compiled.h"

namespace parley {
namespace {

constexpr char kRules[] = R"(
entity state:japan
  label      Japan
  adjective  Japanese
entity state:russia
  label      Russia
  adjective  Russian
entity organization:eu
  label      European Union
  alias      EU
entity organization:un
  label      United Nations
  alias/i    united nations
  pattern    U\.N\.|UN
entity place:moscow
  label      Moscow
  acts-as    state:russia
entity place:osaka
  label      Osaka
entity event:g20-osaka-summit
  label      G20 Osaka Summit
entity place:georgia-us
  label      Georgia
entity state:georgia
  label      Georgia
  priority   1
entity place:springfield-a
  label      Springfield
entity place:springfield-b
  label      Springfield
entity person:shinzo-abe
  label      Shinzo Abe
  alias      Abe
  role       prime minister of state:japan from 2012-12-26 to 2020-09-16
entity person:yasuo-fukuda
  label      Yasuo Fukuda
  alias      Fukuda
  role       prime minister of state:japan from 2007-09-26 to 2008-09-24
entity person:vladimir-putin
  label      Vladimir Putin
  alias      Putin

words office
  prime minister, foreign minister, president
words meet
  met, meets, meet
words post
  prime minister, president

modality hedged
  cue  might, may, speculat*
modality negated
  cue  not, refused
modality planned
  cue  will, upcoming
modality reported
  cue  according to

relation meet
  predicate  met_with
  pattern    {actor:subject} ...2 @meet (with)? (the)? {actor:object}
relation set
  predicate  demanded
  pattern    {actor:subject} has set ...3 requirements
relation summit
  predicate  attended
  pattern    {actor:subject} attended (the)? {event:event}
relation host
  predicate  hosted
  pattern    summits in {place:subject}
relation said
  predicate  said
  pattern    {actor:subject} said {quote:text}
relation told
  predicate  told
  pattern    {actor:subject} told {actor:recipient}
  pattern    {actor:subject} (told|informed) {actor:recipient} that {text:text}
relation office-title
  predicate  holds_office
  attach     time, document-date
  pattern    {demonym:object} {@post:text} {person:subject}

discover office-holder
  creates    person
  pattern    {demonym:country} {@office:office} {name:label}

coref office
  resolve    role
  pattern    the {demonym:country} {@office:office}
coref pronoun
  resolve    previous-person
  pattern    (he|she)
)";

std::shared_ptr<const RuleSet> Rules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    Result<std::shared_ptr<const RuleSet>> r = RuleSet::Compile({{"test.rules", kRules, 0}});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : nullptr;
  }();
  return rules;
}

// Patterns written the same (in two rules, or twice in one) share one RE2 program; others have
// their own.
TEST(RuleMatcherTest, PatternsWrittenTheSameShareOneProgram) {
  constexpr char kSame[] = R"(
entity state:japan
  label      Japan
  adjective  Japanese
words office
  prime minister, president
relation told
  predicate  told
  pattern    {actor:subject} told {actor:recipient}
  pattern    {actor:subject} informed {actor:recipient}
  pattern    {actor:subject} told {actor:recipient}
coref office
  resolve    role
  pattern    the {demonym:country} {@office:office}
coref office-again
  resolve    role
  pattern    the {demonym:country} {@office:office}
)";
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile({{"same.rules", kSame, 0}});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const internal::CompiledRules& c = (*rules)->compiled();
  const auto program = [&](std::string_view rule, size_t pattern) -> const void* {
    for (const internal::Rule& r : c.rules) {
      if (r.id == rule) return r.patterns.at(pattern).re.operator->();
    }
    ADD_FAILURE() << "no rule " << rule;
    return nullptr;
  };
  EXPECT_EQ(program("office", 0), program("office-again", 0));
  EXPECT_EQ(program("told", 0), program("told", 2));
  EXPECT_NE(program("told", 0), program("told", 1));
  EXPECT_NE(program("office", 0), program("told", 0));
}

// Statements of every sentence, brief form, joined by " | ".
std::string Statements(const std::vector<std::string_view>& sentences, std::string_view date = "") {
  std::vector<SentenceInput> units;
  for (std::string_view s : sentences) units.push_back({s, true, -1});
  const DocumentAnalysis a = AnalyzeSentences(*Rules(), units, date, false);
  std::string out;
  for (const SentenceAnalysis& s : a.sentences) {
    for (const Statement& st : s.statements) {
      out += (out.empty() ? "" : " | ") + FormatStatementBrief(st);
    }
  }
  return out;
}

// Entity ids mentioned in one sentence, in text order.
std::string Mentions(std::string_view sentence) {
  const DocumentAnalysis a = AnalyzeSentences(*Rules(), {{sentence, true, -1}}, "", true);
  std::string out;
  for (const MentionTrace& m : a.sentences[0].mentions) {
    out += (out.empty() ? "" : " ") + (m.kind == "date"    ? "date:" + m.time.value
                                       : m.kind == "quote" ? "quote"
                                                           : m.entity_id);
  }
  return out;
}

TEST(RuleMatcherTest, AliasesAndOverlapPolicy) {
  Rules();
  const struct {
    std::string_view sentence;
    std::string_view mentions;
  } kCases[] = {
      {"The EU said so.", "organization:eu"},
      {"The eu said so.", ""},      // literal aliases are case-sensitive
      {"Prices in EUR rose.", ""},  // whole-word
      {"The United Nations and the united nations.", "organization:un organization:un"},
      {"The U.N. and the UN met.", "organization:un organization:un"},
      {"The UNESCO office.", ""},  // pattern match must end on a token boundary
      {"At the G20 Osaka Summit in Osaka.", "event:g20-osaka-summit place:osaka"},  // longest
      {"Georgia protested.", "state:georgia"},       // same text: higher priority
      {"Springfield grew.", "place:springfield-b"},  // same text and priority: defined last
      {"Japanese officials arrived.", "state:japan"},
      {"Abe said \"Japan will wait\" today.", "person:shinzo-abe quote state:japan"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Mentions(c.sentence), c.mentions);
  }
}

TEST(RuleMatcherTest, RelationsContextAndModality) {
  const struct {
    std::string_view sentence;
    std::string_view statements;
  } kCases[] = {
      {"Putin met Abe.", "person:vladimir-putin met_with person:shinzo-abe modality=asserted"},
      {"Putin met with the EU.",
       "person:vladimir-putin met_with organization:eu modality=asserted"},
      // Context: Moscow in an actor slot is Russia, in a place slot it is the city.
      {"Moscow has set two requirements.", "state:russia demanded modality=asserted"},
      {"It held summits in Moscow.", "place:moscow hosted modality=asserted"},
      {"Moscow met Japan.", "state:russia met_with state:japan modality=asserted"},
      {"Putin might meet Abe.", "person:vladimir-putin met_with person:shinzo-abe modality=hedged"},
      {"Observers speculate that Putin will meet Abe.",
       "person:vladimir-putin met_with person:shinzo-abe modality=hedged"},
      {"Putin did not meet Abe.",
       "person:vladimir-putin met_with person:shinzo-abe modality=negated"},
      {"Putin will meet Abe.", "person:vladimir-putin met_with person:shinzo-abe modality=planned"},
      {"According to Kyodo, Putin met Abe.",
       "person:vladimir-putin met_with person:shinzo-abe modality=reported"},
      {"Putin met Abe in Osaka in June 2019.",
       "person:vladimir-putin met_with person:shinzo-abe place=place:osaka time=2019-06 "
       "modality=asserted"},
      {"Putin attended the G20 Osaka Summit.",
       "person:vladimir-putin attended event=event:g20-osaka-summit modality=asserted"},
      {"Putin said \"we will sign\" in Osaka.",
       "person:vladimir-putin said place=place:osaka modality=asserted text=\"we will sign\""},
      {"Putin met Putin.", ""},  // never a self-relation
      {"Putin greeted Abe.", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Statements({c.sentence}), c.statements);
  }
}

// Candidates for one claim from overlapping words are one statement: the longest match.
TEST(RuleMatcherTest, OverlappingReadingsOfOneClaimMerge) {
  const struct {
    std::string_view sentence;
    std::string_view statements;
  } kCases[] = {
      {"Putin told Abe that Japan waits.",
       "person:vladimir-putin told recipient=person:shinzo-abe modality=asserted "
       "text=\"Japan waits\""},
      {"Putin told Abe.",
       "person:vladimir-putin told recipient=person:shinzo-abe modality=asserted"},
      // Identical statements from words that do not overlap are one statement too.
      {"Putin told Abe, then Putin told Abe.",
       "person:vladimir-putin told recipient=person:shinzo-abe modality=asserted"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Statements({c.sentence}), c.statements);
  }
}

// A demonym fills an object slot with its state; `{@list:text}` keeps the office; without a
// date in the sentence the statement takes the document date.
TEST(RuleMatcherTest, DemonymObjectsAndOfficeText) {
  const struct {
    std::string_view sentence;
    std::string_view date;
    std::string_view statements;
  } kCases[] = {
      {"Japanese Prime Minister Shinzo Abe arrived.", "2019-03-18",
       "person:shinzo-abe holds_office state:japan time=2019-03-18 modality=asserted "
       "text=\"prime minister\""},
      {"Russian President Vladimir Putin arrived in June 2019.", "2019-03-18",
       "person:vladimir-putin holds_office state:russia time=2019-06 modality=asserted "
       "text=president"},
      {"Russian President Vladimir Putin arrived.", "",
       "person:vladimir-putin holds_office state:russia modality=asserted text=president"},
      {"The Japanese public arrived.", "2019-03-18", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Statements({c.sentence}, c.date), c.statements);
  }
}

// Each statement's time as "value/source" (or "-"), one per statement, for units given as
// (paragraph, sentence).
std::vector<std::string> Times(const std::vector<std::pair<uint32_t, std::string_view>>& units,
                               std::string_view date) {
  std::vector<SentenceInput> inputs;
  for (const auto& [paragraph, text] : units) inputs.push_back({text, true, -1, paragraph});
  const DocumentAnalysis a = AnalyzeSentences(*Rules(), inputs, date, false);
  std::vector<std::string> out;
  for (const SentenceAnalysis& s : a.sentences) {
    for (const Statement& st : s.statements) {
      std::string time =
          st.time ? st.time->value + "/" + std::string(TimeSourceName(st.time->source)) : "-";
      out.push_back(time + (st.modality == Modality::kPlanned ? " planned" : ""));
    }
  }
  return out;
}

// Issue 16: a statement's time comes from its own sentence, else from the narrative of an
// undated document (the paragraph's latest date) or from a dated document's date.
TEST(RuleMatcherTest, TimesComeFromTheSentenceTheParagraphOrTheDocument) {
  struct Case {
    std::string name;
    std::string date;
    std::vector<std::pair<uint32_t, std::string_view>> units;
    std::vector<std::string> times;
  };
  const std::vector<Case> cases = {
      {"essay: 'In May' after 'In 1994' is 1994-05; an office held takes the sentence before's",
       "",
       {{0, "In 1994 the crisis began."},
        {0, "In May Japan met Russia."},
        {0, "Russian President Vladimir Putin arrived."},
        {1, "Russian President Vladimir Putin arrived."}},
       {"1994-05/text", "1994-05/paragraph", "-"}},
      {"essay: an event does not take its paragraph's time",
       "",
       {{0, "In 1994 the crisis began."}, {0, "Japan met Russia."}},
       {"-"}},
      {"essay: a baseline is not the time",
       "",
       {{0, "In 1997 the talks began."},
        {0, "Russian President Vladimir Putin met Japan to cut emissions from 2005 levels."}},
       {"1997/paragraph", "-"}},
      {"essay: a target is no time and makes the claim a plan",
       "",
       {{0, "Japan met Russia to reach a treaty by 2030."}},
       {"- planned"}},
      {"essay: the sentence's own date, wherever it stands",
       "",
       {{0, "In 1953 the war ended."},
        {0,
         "Japan met Russia in Geneva, as the press had long hoped, after many weeks of talks "
         "late in 1954."}},
       {"1954/text"}},
      {"essay: a paragraph's date holds for the next sentence only",
       "",
       {{0, "In 1953 the war ended."},
        {0, "Russian President Vladimir Putin arrived."},
        {0, "Russian President Vladimir Putin left."}},
       {"1953/paragraph", "-"}},
      {"essay: a date in the claim's content dates the content",
       "",
       {{0, "Japan told Russia that talks would resume in 1775."}},
       {"-"}},
      {"news: the document's date, whatever the text mentions",
       "2021-01-23",
       {{0, "In 1994 the crisis began."},
        {0, "Japan met Russia."},
        {1, "Japan met Russia on Saturday."},
        {1, "Japan met Russia in 1956."},
        {2, "Japan told Russia yesterday with regret."}},
       {"2021-01-23/document", "2021-01-23/text", "1956/text", "2021-01-22/text"}},
      {"news: a date in the claim's content dates the content",
       "2021-01-23",
       {{0, "Japan told Russia that talks would resume in 2030."}},
       {"2021-01-23/document"}},
      {"news: a target",
       "2021-01-23",
       {{0, "Japan met Russia to reach a treaty by 2030."}},
       {"2021-01-23/document planned"}},
      {"news: a plan for 2020 was not made in 2021",
       "2021-01-23",
       {{0, "Japan met Russia to reach a treaty by 2020."}},
       {"- planned"}},
      {"news: the office holder by the document's date",
       "2018-10-01",
       {{0, "The Japanese prime minister met Putin."}},
       {"2018-10-01/document"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Times(c.units, c.date), c.times);
  }
}

// In an undated document, offices resolve against the sentence's own narrative date.
TEST(RuleMatcherTest, OfficesResolveAgainstTheNarrative) {
  EXPECT_EQ(Statements({"In 2008 the talks resumed.", "The Japanese prime minister met Putin."}),
            "person:yasuo-fukuda met_with person:vladimir-putin modality=asserted");
  EXPECT_EQ(Statements({"In 2019 the Japanese prime minister met Putin."}),
            "person:shinzo-abe met_with person:vladimir-putin time=2019 modality=asserted");
}

TEST(RuleMatcherTest, DiscoveryMergesLaterMentions) {
  EXPECT_EQ(Statements({"Japanese Foreign Minister Kenji Tanabe arrived.", "Tanabe met Putin."}),
            "person:kenji-tanabe met_with person:vladimir-putin modality=asserted");
  // The short name works before the full one too: discovery runs over the whole document.
  EXPECT_EQ(Statements({"Tanabe met Putin.", "Japanese Foreign Minister Kenji Tanabe arrived."}),
            "person:kenji-tanabe met_with person:vladimir-putin modality=asserted");
  const DocumentAnalysis a = AnalyzeSentences(
      *Rules(), {{"Japanese Foreign Minister Kenji Tanabe arrived.", true, -1}}, "", false);
  ASSERT_EQ(a.discoveries.size(), 1u);
  EXPECT_EQ(a.discoveries[0].entity_id, "person:kenji-tanabe");
  EXPECT_EQ(a.discoveries[0].office, "foreign minister");
  EXPECT_EQ(a.discoveries[0].country, "state:japan");
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[0].id, "person:kenji-tanabe");
  EXPECT_EQ(a.entities[0].mentions, 1u);
  ASSERT_EQ(a.entities[0].roles.size(), 1u);
  EXPECT_EQ(a.entities[0].roles[0], (Role{"foreign minister", "state:japan", "", ""}));
}

TEST(RuleMatcherTest, CoreferenceByRoleAndDate) {
  const std::string_view sentence = "The Japanese prime minister met Putin.";
  EXPECT_EQ(Statements({sentence}, "2018-10-01"),
            "person:shinzo-abe met_with person:vladimir-putin time=2018-10-01 modality=asserted");
  EXPECT_EQ(Statements({sentence}, "2008"),
            "person:yasuo-fukuda met_with person:vladimir-putin time=2008 modality=asserted");
  EXPECT_EQ(Statements({sentence}, "2010-01-01"), "");  // nobody then: left unresolved
  EXPECT_EQ(Statements({sentence}, ""), "");            // no date: never guessed
  EXPECT_EQ(Statements({"The Russian president met Abe."}, "2018"), "");  // no role known
}

TEST(RuleMatcherTest, PronounsResolveOnlyWhenUnambiguous) {
  EXPECT_EQ(Statements({"Abe arrived.", "He met Putin."}),
            "person:shinzo-abe met_with person:vladimir-putin modality=asserted");
  EXPECT_EQ(Statements({"Abe and Fukuda arrived.", "He met Putin."}), "");
  EXPECT_EQ(Statements({"He met Putin."}), "");
}

// `object-from role`: the object is the country of the subject's role with the captured
// office at the statement's time; `once document` states each claim at its first reading.
TEST(RuleMatcherTest, ObjectFromRoleAndOncePerDocument) {
  constexpr char kRoleRules[] = R"(
entity state:japan
  label      Japan
entity state:china
  label      China
entity person:shinzo-abe
  label      Shinzo Abe
  alias      Abe
  role       prime minister of state:japan from 2012-12-26 to 2020-09-16
  role       chief cabinet secretary of state:japan from 2005-10-31 to 2006-09-26
entity person:wang-test
  label      Wang Test
  alias      Wang
  role       envoy of state:japan from 2001 to 2002
  role       envoy of state:china from 2010 to 2011
entity person:vladimir-putin
  label      Vladimir Putin
  alias      Putin
words post
  prime minister, president, envoy, chief cabinet secretary
relation office-role
  predicate    holds_office
  attach       time, document-date
  object-from  role
  once         document
  pattern      {@post:text} {person:subject}
  pattern      his excellency ,? {person:subject}
)";
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile({{"role.rules", kRoleRules, 0}});
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const struct {
    std::vector<std::string_view> sentences;
    std::string_view date;
    std::string_view statements;
  } kCases[] = {
      {{"Prime Minister Abe spoke."},
       "2018-05-01",
       "person:shinzo-abe holds_office state:japan time=2018-05-01 modality=asserted "
       "text=\"prime minister\""},
      // A title the person did not hold then, or never held, or a person without roles.
      {{"Prime Minister Abe spoke."}, "2021-03-01", ""},
      {{"President Abe spoke."}, "2018-05-01", ""},
      {{"Prime Minister Putin spoke."}, "2018-05-01", ""},
      // A partial time fits a role held during any of it: the role began on 2012-12-26.
      {{"In 2012, Prime Minister Abe spoke."},
       "",
       "person:shinzo-abe holds_office state:japan time=2012 modality=asserted "
       "text=\"prime minister\""},
      // Without a time, every role with that office must name one country.
      {{"Prime Minister Abe spoke."},
       "",
       "person:shinzo-abe holds_office state:japan modality=asserted text=\"prime minister\""},
      {{"Envoy Wang spoke."}, "", ""},
      {{"Envoy Wang spoke."},
       "2010-06-01",
       "person:wang-test holds_office state:china time=2010-06-01 modality=asserted "
       "text=envoy"},
      // No captured office: any role at the time.
      {{"His Excellency, Abe spoke."},
       "2006-01-01",
       "person:shinzo-abe holds_office state:japan time=2006-01-01 modality=asserted"},
      // Once per document; another office of the same person is another claim.
      {{"Prime Minister Abe spoke.", "Prime Minister Abe left."},
       "2018-05-01",
       "person:shinzo-abe holds_office state:japan time=2018-05-01 modality=asserted "
       "text=\"prime minister\""},
      {{"Chief Cabinet Secretary Abe spoke.", "In 2013, Prime Minister Abe left."},
       "2006-01-01",
       "person:shinzo-abe holds_office state:japan time=2006-01-01 modality=asserted "
       "text=\"chief cabinet secretary\" | person:shinzo-abe holds_office state:japan time=2013 "
       "modality=asserted text=\"prime minister\""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentences.back());
    std::vector<SentenceInput> units;
    for (std::string_view s : c.sentences) units.push_back({s, true, -1});
    const DocumentAnalysis a = AnalyzeSentences(**rules, units, c.date, false);
    std::string out;
    for (const SentenceAnalysis& s : a.sentences) {
      for (const Statement& st : s.statements) {
        out += (out.empty() ? "" : " | ") + FormatStatementBrief(st);
      }
    }
    EXPECT_EQ(out, c.statements);
  }
}

TEST(RuleMatcherTest, NonRelationalUnitsAndRepeatsGiveNoStatements) {
  const std::vector<SentenceInput> units = {
      {"Putin met Abe.", false, -1}, {"Putin met Abe.", true, 0}, {"Putin met Abe.", true, -1}};
  const DocumentAnalysis a = AnalyzeSentences(*Rules(), units, "", false);
  EXPECT_TRUE(a.sentences[0].statements.empty());
  EXPECT_TRUE(a.sentences[1].statements.empty());
  EXPECT_EQ(a.sentences[2].statements.size(), 1u);
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[0].mentions, 3u);  // mentions count in every unit
}

TEST(RuleMatcherTest, ToleratesOddInput) {
  for (std::string_view s : {std::string_view(""), std::string_view("   "),
                             std::string_view("\x01\x02 Putin \x01"
                                              "P0\x02 met Abe."),
                             std::string_view("\"\"\"\""), std::string_view("...")}) {
    SCOPED_TRACE(s);
    const DocumentAnalysis a = AnalyzeSentences(*Rules(), {{s, true, -1}}, "", true);
    EXPECT_EQ(a.sentences.size(), 1u);
  }
}

}  // namespace
}  // namespace parley
