// `parley rules import --from petrarch`: small dictionaries of each kind, what they become and
// what the import reports (every entry it does not translate, with its file and line).
#include "extract/petrarch_import.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/extractor.h"
#include "extract/rule_compiled.h"
#include "extract/rule_matcher.h"
#include "extract/rule_source.h"

namespace parley {
namespace {

using petrarch::ImportInput;
using petrarch::ImportPetrarch;
using petrarch::ImportResult;

// The built-in rules without the imported layer, as `parley rules import` uses them.
const RuleSet& Against() {
  static const std::shared_ptr<const RuleSet> set = [] {
    std::vector<RuleSource> sources;
    for (RuleSource& s : DefaultRuleSources()) {
      if (s.layer != kImportedLayer) sources.push_back(std::move(s));
    }
    auto compiled = RuleSet::Compile(sources);
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return *compiled;
  }();
  return *set;
}

ImportResult Import(const std::string& path, const std::string& text) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto result = ImportPetrarch({ImportInput{path, text}}, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : ImportResult{};
}

std::string Problems(const ImportResult& r) {
  std::string out;
  for (const petrarch::Problem& p : r.problems) {
    out += p.path + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  }
  return out;
}

// The imported files of `imported` as the imported layer, with `more` hand-written sources and
// parley's English (the lexicon, words and modality), as petrarch_unit.py compiles them.
Result<std::shared_ptr<const RuleSet>> CompileImported(const ImportResult& imported,
                                                       std::vector<RuleSource> more = {}) {
  std::vector<RuleSource> sources;
  for (const petrarch::ImportedFile& f : imported.files) {
    sources.push_back({"imported/" + f.name, f.text, kImportedLayer});
  }
  for (RuleSource& s : more) sources.push_back(std::move(s));
  for (RuleSource& s : DefaultRuleSources()) {
    const bool english = s.path.find("lexicon/") != std::string::npos ||
                         s.path.ends_with("core/words.rules") ||
                         s.path.ends_with("core/modality.rules");
    if (english) sources.push_back(std::move(s));
  }
  return RuleSet::Compile(sources);
}

// The events `set` codes in `sentence`: "SOURCE TARGET CODE" (and " modality"), in order.
std::vector<std::string> Codings(const RuleSet& set, const std::string& sentence, bool modality) {
  const DocumentAnalysis a = AnalyzeSentences(set, {{sentence, true, -1}}, "1995-01-01", false);
  std::vector<std::string> got;
  for (const SentenceAnalysis& s : a.sentences) {
    for (const Statement& st : s.statements) {
      if (st.cameo.empty()) continue;
      got.push_back(st.subject_code + " " + st.object_code + " " + st.cameo +
                    (modality ? " " + std::string(ModalityName(st.modality)) : ""));
    }
  }
  return got;
}

// A sentence and the events it must code: "SOURCE TARGET CODE" (and " modality"), in order.
struct CodingCase {
  std::string sentence;
  std::vector<std::string> want;
};

void ExpectCodings(const RuleSet& set, const std::vector<CodingCase>& cases, bool modality) {
  for (const CodingCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Codings(set, c.sentence, modality), c.want);
  }
}

struct Case {
  std::string name;
  std::string path;
  std::string text;
  std::vector<std::string> output;    // lines (trimmed of nothing) the rule file must hold
  std::vector<std::string> problems;  // "path:line: start of the message"
};

// Imports each case's dictionary under the built-in rules: the lines the output must hold, the
// problems reported (all of them), and the output compiles at the imported layer.
void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ImportResult r = Import(c.path, c.text);
    ASSERT_EQ(r.files.size(), 1u);
    const std::string& text = r.files[0].text;
    for (const std::string& line : c.output) {
      EXPECT_NE(text.find("\n" + line + "\n"), std::string::npos) << line << "\nin\n" << text;
    }
    const std::string problems = Problems(r);
    for (const std::string& p : c.problems) {
      EXPECT_NE(problems.find(p), std::string::npos) << p << "\nin\n" << problems;
    }
    EXPECT_EQ(r.problems.size(), c.problems.size()) << problems;
    // What the import writes compiles under the built-in rules, at the imported layer.
    std::vector<RuleSource> sources = {
        RuleSource{"imported/" + r.files[0].name, text, kImportedLayer}};
    for (RuleSource& s : DefaultRuleSources()) {
      if (s.layer != kImportedLayer) sources.push_back(std::move(s));
    }
    auto compiled = RuleSet::Compile(sources);
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  }
}

TEST(PetrarchImportTest, TranslatesEachKindAndReportsTheRest) {
  const std::vector<Case> cases = {
      {"dated roles become roles with codes; a surname alone is left to discovery",
       "x.actors.txt",
       "# comment\n"
       "VLADIMIR_PUTIN_ [RUSGOV 000507-080507] [RUSGOV >120507]\n"
       "+PUTIN\n"
       "+PRESIDENT_PUTIN\n",
       {"entity person:vladimir-putin",
        "  role       government of state:russia from 2000-05-07 to 2008-05-07 code RUSGOV",
        "  role       government of state:russia from 2012-05-07 code RUSGOV"},
       {"x.actors.txt:3: one-word name 'PUTIN' is the surname of another of its names",
        "x.actors.txt:4: 'PRESIDENT PUTIN' is a title and a name"}},
      {"an undated code is an attribute; a country code takes the hand-written state's id",
       "x.actors.txt",
       "GANDALF_THE_GREY_ [MEEELR]\n"
       "JAPAN [JPN]\n",
       {"entity organization:gandalf-the-grey", "  attr       cameo = MEEELR",
        "entity state:japan"},
       {}},
      {"agents become sector nouns, those without a plural (`{}`) `exact` nouns, those whose "
       "code comes first (`[NGO~]`) `before` nouns too; a line without a code is reported",
       "x.agents.txt",
       "SOLDIER [~MIL]\n"
       "PEACEKEEPER {PEACEKEEPERS} [~MIL]\n"
       "TROOPS {} [~MIL]\n"
       "BOGUS LINE WITHOUT CODE\n"
       "MSF {} [NGO~]\n"
       "AID GROUP [NGO~]\n",
       {"sector MIL", "  noun       peacekeeper, peacekeepers, soldier", "  exact      troops",
        "sector NGO", "  noun       aid group", "  exact      msf", "  before     aid group, msf"},
       {"x.agents.txt:4: no agent code [~CODE]"}},
      {"verb blocks become frames with refine lines and reverse codes; a synonym set's code "
       "needs one of its patterns",
       "x.verbs.txt",
       "--- ACCUSE [112] ---\n"
       "ACCUSE\n"
       "CHARGE\n"
       "- * OF AGGRESSION [1123]\n"
       "~ TRANSFORM ME\n"
       "--- VISIT [042:043] ---\n"
       "VISIT\n"
       "- * + [042:043]\n",
       {"  verb       accuse, charge", "  cameo      112", "  when       * of aggression*",
        "  refine     * of aggression* -> 1123", "  plover     CONSULT", "  reverse    043"},
       {"x.verbs.txt:1: block code '112' is a synonym set's: its verbs code it only where one of "
        "its patterns occurs",
        "x.verbs.txt:5: transformation rules (~ ...) are not translated",
        "x.verbs.txt:8: pattern without words (only role markers) is not translated"}},
      {"a marked target (`+`) after the verb or a preposition is the object of a frame of its "
       "own, after a preposition and a skipped phrase (`^ +`) any actor after that phrase; "
       "underscores join words (to the verb, too) or keep a word as written",
       "x.verbs.txt",
       "--- CELEBRATE [040] ---\n"
       "CELEBRATE\n"
       "- * EID AT ^ WITH +  [043]\n"
       "- * IFTAR IN ^ +  [045]\n"
       "- * + IN DETENTION  [173]\n"
       "- RECENTLY_* REALLY_PLEASANT CASH_  [024]\n"
       "- * + WITH_SOMEONE  [041]\n",
       {"frame x-verbs-celebrate-04-with-actor", "  object     with actor",
        "  when       * eid at with*", "  refine     * eid at with* -> 043",
        "frame x-verbs-celebrate-04-any-actor-after-in", "  object     any actor after in",
        "  refine     * iftar* in -> 045", "frame x-verbs-celebrate-04",
        "  object     actor, any actor, that", "  unless     * eid at with*",
        "  unless     * iftar* in", "frame x-verbs-celebrate-17-actor", "  object     actor",
        "  refine     * in detention* -> 173",
        "  refine     recently*_* really*_pleasant* cash -> 024",
        "frame x-verbs-celebrate-04-actor", "  refine     * with*_someone* -> 041"},
       {}},
      {"`+` before the verb and `$` after it swap the roles: the object at `$` is the source, "
       "which the reverse code gives; other markers are reported",
       "x.verbs.txt",
       "--- FREE [066] ---\n"
       "FREE\n"
       "- + * FROM $  [066]\n"
       "- + * MONEY $  [071]\n"
       "- % * BE HELD RESPONSIBLE BY $  [102]\n"
       "- $ SAY + * NEGOTIATE  [102]\n",
       {"frame x-verbs-free-06-from-actor", "  object     from actor",
        "  refine     * from* -> :066", "frame x-verbs-free-07", "  refine     * money* -> :071"},
       {"x.verbs.txt:4: role markers not translated: '$' after a word that is no preposition "
        "(the source is the first actor after the verb)",
        "x.verbs.txt:5: role markers not translated: '%' (a compound actor) with other role "
        "markers; the frame's default roles apply",
        "x.verbs.txt:6: role markers not translated: '+' before the verb without '$' after it"}},
      {"a pattern that spells a negation (TreeBank's split contractions joined) codes the "
       "negated event: a frame of its own, asserted",
       "x.verbs.txt",
       "&NEGAUX\n"
       "+DID N'T\n"
       "+WILL NOT\n"
       "\n"
       "--- CLASH [223] ---\n"
       "CLASH\n"
       "- &NEGAUX * OVER EFFORTS  [904]\n"
       "- * OVER EFFORTS  [121]\n",
       {"  didn ' t, will not", "frame x-verbs-clash-90-negation", "  modality   asserted",
        "  refine     @x-verbs-negaux * over* efforts* -> 904", "frame x-verbs-clash-12",
        "  unless     @x-verbs-negaux * over* efforts*"},
       {"x.verbs.txt:7: code '904' has no CAMEO root"}},
      {"the compound marker `%` before the verb: a frame for a compound subject only, coded "
       "against itself; after a preposition the object there",
       "x.verbs.txt",
       "--- AGREE [081] ---\n"
       "AGREE\n"
       "- % * [030:030]\n"
       "- % * TALKS [031]\n"
       "- * WITH % [031]\n",
       {"frame x-verbs-agree-03-compound", "  cameo      030", "  reciprocal object only",
        "  refine     * talks* -> 031 COOPERATE", "frame x-verbs-agree-03-with-actor",
        "  object     with actor", "  refine     * with* -> 031", "frame x-verbs-agree-08",
        "  unless     * with*"},
       {}},
  };
  CheckCases(cases);
}

// What the actors and agents must not become, each from a loss of the dev gold or a wrong
// mention with the imported layer: a title before a surname ("President Kennedy") or a title and
// its complement as a name; an office as an organization ("Secretary of State", which swallowed
// the title of "Secretary of State Vance"); a given name as the name of a place or organization
// ("Takeo" took "Akiba Takeo"); a label that is a name left out ("Gaza", which the rules give
// place:gaza, came back as the label and so as an alias); another organization of the same
// code ("Joint Chiefs of Staff" among the names of "United States Military"); a state's cities
// ("State College" took "Glassboro State College"); a sector noun and its preposition ("Soviet
// Ambassador to" hid the apposition of "Anatoly Dobrynin"). And what they become instead.
TEST(PetrarchImportTest, TypesIdsAndLabelsOfPeopleAndOrganizations) {
  const std::vector<Case> cases = {
      {"an undated code and a person's name (a given name first, no English word) is a person; "
       "a group's code or an English word keeps an organization",
       "x.actors.txt",
       "ALBIN_GAMGEE_ [GONOPP]\n"
       "ALBIN_TOOK_ [GONREB]\n"
       "ALBIN_MEETS_ [GONMIL]\n",
       {"entity person:albin-gamgee", "  alias/i    Albin Gamgee", "  attr       cameo = GONOPP",
        "entity organization:albin-took", "entity organization:albin-meets"},
       {"x.actors.txt:1: actor 'ALBIN GAMGEE' [GONOPP] has a person's name and no group's code: "
        "a person"}},
      {"a first name with 'of' and a state's name is an organization's, dated codes or not",
       "x.actors.txt",
       "ISLAMIC_STATE_OF_IRAQ_ [IRQREB 20000101-20100101]\n",
       {"entity organization:islamic-state-of-iraq", "  label      Islamic State of Iraq"},
       {}},
      {"two actors of one code sharing a name are one organization; the Arabic article is 'Al', a "
       "possessive's s is small, letters joined by '&' stay capitals",
       "x.actors.txt",
       "AL-BREE_HERALD_ [MED]\n"
       "AL_BREE_HERALD_\n"
       "+ALBREE_HERALD_\n"
       "[MED]\n"
       "HOBBITS'S_AID_ [NGO]\n"
       "B&T_ [MNC]\n",
       {"entity organization:al-bree-herald", "  label      Al-Bree Herald",
        "  alias/i    Al-Bree Herald, Al Bree Herald", "  alias      Albree Herald",
        "  label      Hobbits's Aid", "  label      B&T"},
       {}},
  };
  CheckCases(cases);
}

TEST(PetrarchImportTest, NamesThatAreNotTheActorsStayOut) {
  const std::vector<Case> cases = {
      {"a title before a surname is no alias, the rules' titles are stripped before a full name, "
       "a regnal title stays, a title and its complement is an office",
       "x.actors.txt",
       "FRODO_BAGGINS_ [GONGOV 20000101-20100101]\n"
       "+PRESIDENT_BAGGINS_\n"
       "SAMWISE_ [GONGOV 20000101-20100101]\n"
       "+DEPUTY_SECRETARY_OF_STATE_SAMWISE_GAMGEE_\n"
       "KING_THEODEN_ [GONGOV 20000101-20100101]\n"
       "SAURON_OF_MORDOR_ [GONGOV 20000101-20100101]\n"
       "+GENERAL_SECRETARY_OF_THE_DARK_LORDS_\n",
       {"entity person:frodo-baggins", "  alias/i    Frodo Baggins", "entity person:samwise",
        "  alias      Samwise", "  alias/i    Samwise Gamgee", "entity person:king-theoden",
        "  alias/i    King Theoden"},
       {"x.actors.txt:2: 'PRESIDENT BAGGINS' is a title and a surname",
        "x.actors.txt:4: 'DEPUTY SECRETARY OF STATE SAMWISE GAMGEE' is a title and a name: "
        "imported as 'Samwise Gamgee'",
        "x.actors.txt:7: 'GENERAL SECRETARY OF THE DARK LORDS' is an office"}},
      {"an office is no organization; an entity with no name left is not written",
       "x.actors.txt",
       "US_SECRETARY_OF_STATE_ [USAGOV]\n"
       "+SECRETARY_OF_STATE_\n",
       {},
       {"x.actors.txt:1: 'US SECRETARY OF STATE' is an office",
        "x.actors.txt:1: actor 'US Secretary of State' has no name left",
        "x.actors.txt:2: 'SECRETARY OF STATE' is an office"}},
      {"a given name is no name of an organization, but a short one in capitals is its acronym",
       "x.actors.txt",
       "MORDOR_FREEDOM_MOVEMENT_ [MORREB]\n"
       "+ABIGAIL_\n"
       "+ETA_\n",
       {"entity organization:mordor-freedom-movement", "  alias      Mordor Freedom Movement, ETA"},
       {"x.actors.txt:2: one-word name 'ABIGAIL' is a given name: not an alias",
        "x.actors.txt:3: one-word name 'ETA' is a given name: an alias in capitals only"}},
      {"a state's own first name stays its name where it is a given name too; another of its "
       "names that is one stays out",
       "x.actors.txt",
       "ABIGAIL_ [ABG]\n"
       "+REPUBLIC_OF_ABIGAIL_\n"
       "+ROSALINDA_\n",
       {"entity state:abigail", "  label      Abigail",
        "  alias      Abigail, Republic of Abigail"},
       {"x.actors.txt:3: one-word name 'ROSALINDA' is a given name: not an alias"}},
      {"another person's name among an organization's, and its surname, are no aliases; one "
       "sharing a word with the organization's first name is; a name ending in a title is an "
       "office",
       "x.actors.txt",
       "MORDOR_LIBERATION_FRONT_ [MORREB]\n"
       "+ABIGAIL_GAMGEE_\n"
       "+GAMGEE_\n"
       "+ABIGAIL_MORDOR_\n"
       "+HOBBITON_DEFENSE_SECRETARY_\n"
       "ABU_FRODO_GROUP_ [MORREB]\n"
       "+ABU_FRODO_\n",
       {"entity organization:mordor-liberation-front",
        "  alias      Mordor Liberation Front, Abigail Mordor",
        "entity organization:abu-frodo-group", "  alias      Abu Frodo Group, Abu Frodo"},
       {"x.actors.txt:2: 'ABIGAIL GAMGEE' is a person's name among an organization's",
        "x.actors.txt:3: 'GAMGEE' is a person's name among an organization's",
        "x.actors.txt:5: 'HOBBITON DEFENSE SECRETARY' ends in a title: an office"}},
      {"a one-word name that spells the initials of another of its names is an acronym, in "
       "capitals, even where that name is not kept",
       "x.actors.txt",
       "OFFICE_OF_SHIRE_AND_BREE_ [SHRGOV]\n"
       "+OSB_\n"
       "GUARDIAN_OF_THE_MARCHES_ [GONGOV]\n"
       "+GOTM_\n",
       {"entity organization:office-of-shire-and-bree",
        "  alias      Office of Shire and Bree, OSB", "entity organization:guardian-of-the-marches",
        "  alias      Guardian of the Marches, GOTM"},
       {}},
      {"another of its names and a title of the rules after it is a person's title, no alias",
       "x.actors.txt",
       "MINAS_TIRITH_COUNCIL_ [GONGOV]\n"
       "+MINAS_TIRITH_COUNCIL_SPOKESMAN_\n"
       "+MINAS_TIRITH_COUNCIL_PRESS_SECRETARY_\n",
       {"entity organization:minas-tirith-council", "  alias      Minas Tirith Council"},
       {"x.actors.txt:2: 'MINAS TIRITH COUNCIL SPOKESMAN' is a name and a title",
        "x.actors.txt:3: 'MINAS TIRITH COUNCIL PRESS SECRETARY' is a name and a title"}},
      {"the label is a name kept: one the rules give another entity does not come back",
       "x.actors.txt",
       "TOKYO_ [JPNBUS]\n"
       "+TOKYO_HOLDINGS_GROUP_\n",
       {"entity organization:tokyo", "  label      Tokyo Holdings Group"},
       {"x.actors.txt:1: 'TOKYO' names place:tokyo in the rules"}},
      {"names of several words keep the case English writes them in, unless a hyphen, an "
       "apostrophe or a short word in capitals leaves it open",
       "x.actors.txt",
       "THE_FOUNDATION_ [ESPREB]\n"
       "BAN_KI-MOON_ [IGOUNO 20070101-20161231]\n",
       {"  alias      The Foundation, the Foundation", "  alias/i    Ban Ki-Moon"},
       {}},
      {"a one-word name with a hyphen or an apostrophe is open too (\"Barad-dur\")",
       "x.actors.txt",
       "MORDOR [MOR]\n"
       "+BARAD-DUR\n"
       "+UDUN\n",
       {"entity state:mordor", "  alias/i    Barad-Dur", "  alias      Mordor, Udun, UDUN"},
       {}},
      {"another organization of the same code is no alias; an actor does not join another of "
       "its code",
       "x.actors.txt",
       "ROHAN_RIDERS_ [ROHMIL]\n"
       "+EORLINGAS_GUARD_\n"
       "+RIDERS_OF_ROHAN_\n"
       "HELMS_DEEP_GARRISON_ [ROHMIL]\n",
       {"entity organization:rohan-riders", "  alias      Rohan Riders, Riders of Rohan",
        "entity organization:helms-deep-garrison"},
       {"x.actors.txt:2: 'EORLINGAS GUARD' shares no word with the names of "
        "organization:rohan-riders"}},
      {"the other names of a state the rules have share a word with its names, and none ends "
       "in a head noun of organizations; a state whose codes are all dated is a state; an "
       "organization's name with dated codes is an organization's",
       "x.actors.txt",
       "JAPAN_ [JPN]\n"
       "+WEST_HOBBITON_\n"
       "+LAND_OF_JAPAN_\n"
       "+JAPAN_COLLEGE_\n"
       "ARNOR_ [GONARN <20000101] [ARN >20000101]\n"
       "POLITBURO_OF_MORDOR_ [GONGOV 20000101-20100101]\n",
       {"entity state:japan", "entity state:arnor", "entity organization:politburo-of-mordor"},
       {"x.actors.txt:2: 'WEST HOBBITON' shares no word with the names of state:japan",
        "x.actors.txt:4: 'JAPAN COLLEGE' ends in a head noun of organizations"}},
      {"a state of a code the rules do not give it is the rules' state of its name; a region's "
       "code (WEU) makes no state",
       "x.actors.txt",
       "JAPAN_ [XJP]\n"
       "WESTERN_RIDERS_ [WEU]\n",
       {"entity state:japan", "entity organization:western-riders"},
       {}},
      {"an actor listed twice under one first name is one entity with the roles of both",
       "x.actors.txt",
       "FARAMIR_OF_ITHILIEN_ [GONGOV 20000101-20050101]\n"
       "FARAMIR_OF_ITHILIEN_ [GONMIL 20050101-20100101]\n",
       {"entity person:faramir-of-ithilien",
        "  role       member from 2000-01-01 to 2005-01-01 code GONGOV",
        "  role       member from 2005-01-01 to 2010-01-01 code GONMIL"},
       {}},
      {"Scottish and Irish surnames keep their second capital",
       "x.actors.txt",
       "ROBERT_MCGONDOR_ [GONGOV 20000101-20100101]\n",
       {"  label      Robert McGondor"},
       {}},
      {"a person known by one name that is a given name has no alias; a person's words of two "
       "letters are names, inside the name particles; an organization's name that is one of "
       "the rules' titles with its complement is an office",
       "x.actors.txt",
       "HUSSEIN_ [GONGOV 20000101-20100101]\n"
       "HU_YAOBANG_ [GONGOV 20000101-20100101]\n"
       "ELESSAR_VI_ [GONGOV 20000101-20100101]\n"
       "ANWAR_AS_GONDORI_ [GONGOV 20000101-20100101]\n"
       "DIRECTOR_OF_THE_OFFICE_OF_GONDOR_ [GONGOV]\n",
       {"  alias/i    Hu Yaobang", "  alias/i    Elessar VI", "  alias/i    Anwar as Gondori"},
       {"x.actors.txt:1: one-word name 'HUSSEIN' is a given name: not an alias",
        "x.actors.txt:1: actor 'Hussein' has no name left",
        "x.actors.txt:5: 'DIRECTOR OF THE OFFICE OF GONDOR' is an office",
        "x.actors.txt:5: actor 'Director of the Office of Gondor' has no name left"}},
      {"a sector noun and the preposition of its complement is the noun",
       "x.agents.txt",
       "AMBASSADOR [~GOV]\n"
       "AMBASSADOR_TO {} [~GOV]\n"
       "CONSULATE_IN {} [~GOV]\n",
       {"sector GOV", "  noun       ambassador", "  exact      consulate"},
       {"x.agents.txt:2: agent noun 'AMBASSADOR TO' ends in a preposition: translated as "
        "'ambassador'",
        "x.agents.txt:3: agent noun 'CONSULATE IN' ends in a preposition: translated as "
        "'consulate'"}},
      {"an agent noun the rules read otherwise is no sector noun: one of their titles or the "
       "first word of one, unless it is one of their sector nouns (\"ambassador\"), or a word "
       "their frames read as what is acted on",
       "x.agents.txt",
       "MAYOR [~GOV]\n"
       "AMBASSADOR [~GOV]\n"
       "SURGEON [~HLH]\n"
       "DETAINEE [~OPP]\n"
       "SOLDIER [~MIL]\n",
       {"sector GOV", "  noun       ambassador", "sector MIL", "  noun       soldier"},
       {"x.agents.txt:1: agent noun 'MAYOR' is a title of the rules: no sector noun",
        "x.agents.txt:3: agent noun 'SURGEON' is the first word of titles of the rules: no "
        "sector noun",
        "x.agents.txt:4: agent noun 'DETAINEE' is a word the rules' frames read as an object: no "
        "sector noun"}},
  };
  CheckCases(cases);
}

TEST(PetrarchImportTest, DatesTakeTheirCentury) {
  EXPECT_EQ(petrarch::PetrarchDate("991231"), "1999-12-31");
  EXPECT_EQ(petrarch::PetrarchDate("080507"), "2008-05-07");
  EXPECT_EQ(petrarch::PetrarchDate("20140101"), "2014-01-01");
  EXPECT_EQ(petrarch::PetrarchDate("0805"), "");
}

TEST(PetrarchImportTest, CameoCodesMapToRootsPredicatesAndPlover) {
  EXPECT_EQ(petrarch::CameoRoot("0361"), "03");
  EXPECT_EQ(petrarch::CameoRoot("1123"), "11");
  EXPECT_EQ(petrarch::CameoPlover("036"), "CONSULT");
  EXPECT_EQ(petrarch::CameoRoot("x"), "");
}

// Imported patterns read their role markers: `+ * FROM $` swaps the roles (the reverse code),
// `% *` codes a compound subject against itself, a negated pattern codes its event asserted,
// `AT ^ +` takes an actor after the at-phrase, "RECENTLY_*" must stand right before the verb. With
// parley's English only (rules/lexicon, core/words and core/modality), as petrarch_unit.py runs.
TEST(PetrarchImportTest, ImportedPatternsReadTheirRoleMarkers) {
  petrarch::ImportOptions options;
  options.against = &Against();  // its lexicon tells forms from lemmas ("left" is "leave")
  auto imported =
      ImportPetrarch({ImportInput{"x.actors.txt",
                                  "GONDOR [GON]\nOSGILIATH [OSG]\nARNOR [ARN]\nBILBO [HOB]\n"
                                  "SAM_GAMGEE [HOB]\n  [HOBCIV <20080120]\n"},
                      ImportInput{"x.verbs.txt",
                                  "&NEGAUX\n+DID N'T\n+WILL NOT\n\n"
                                  "--- AGREE [081] ---\nAGREE\n"
                                  "- % * [030:030]\n"
                                  "--- RECEIVE [070] ---\nRECEIVE\n"
                                  "- + * FROM $ [071]\n"
                                  "--- RELEASE [060] ---\nRELEASE\n"
                                  "- + * FROM $ [066]\n"
                                  "--- CLASH [223] ---\nCLASH\n"
                                  "- &NEGAUX * OVER EFFORTS  [904]\n"
                                  "--- WARN [160] ---\nWARN\n"
                                  "- * AT ^ +  [162]\n"
                                  "- RECENTLY_*  [161]\n"
                                  "--- ACT [100] ---\nACT\n"
                                  "- INDICATED WOULD * NOW  [101]\n"
                                  "--- ACCUSE [112] ---\nACCUSE\n"
                                  "--- WELCOME [041] ---\nWELCOME\n"
                                  "--- LEAVE [012] ---\nLEAVE\n"
                                  "--- LEFT [032] ---\nLEFT\n"
                                  "--- CONFISCATE [1711] ---\nCONFISCATE\n"
                                  "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }\n"
                                  "- SECRETLY * [081]\n"}},
                     options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Gondor and Osgiliath agree that the dispute should be settled.",
       {"GON OSG 030 asserted", "OSG GON 030 asserted"}},
      {"Gondor agrees that the dispute should be settled.", {}},
      {"Arnor received money from Osgiliath.", {"OSG ARN 071 asserted"}},
      // `+` before the verb is where the words stand: the target is the subject of a passive
      // too, the from-phrase the source.
      {"Arnor was released from Osgiliath.", {"OSG ARN 066 asserted"}},
      {"Arnor's envoys were released from Osgiliath.", {"OSG ARN 066 asserted"}},
      {"Arnor released Gondor.", {"ARN GON 060 asserted"}},
      {"Arnor didn't clash over the efforts of Gondor.", {"ARN GON 904 asserted"}},
      // `^ +` after a preposition: an actor in a phrase after that preposition's.
      {"Arnor warned at the border of Gondor.", {"ARN GON 162 asserted"}},
      // "RECENTLY_*": right before the verb.
      {"Arnor recently warned Gondor.", {"ARN GON 161 asserted"}},
      {"Arnor recently did warn Gondor.", {"ARN GON 160 asserted"}},
      // Words before the verb anywhere in the sentence; "it" is the state that indicated.
      {"Arnor indicated it would act now with Gondor.", {"ARN GON 101 planned"}},
      // "[HOB] [HOBCIV ...]": a person of HOB with a dated role, not the state HOB.
      {"Sam Gamgee warned Gondor.", {"HOBCIV GON 160 asserted"}},
      // The owner of a subject phrase that names no entity is the source.
      {"Gondor's new envoy accused Osgiliath.", {"GON OSG 112 asserted"}},
      // Nouns coordinated after a possessive, the last with an of-phrase: both owners act.
      {"Gondor's sheep and goats of Arnor accused Osgiliath.",
       {"GON OSG 112 asserted", "ARN OSG 112 asserted"}},
      // The agent of a reduced relative on the object is the target, PETRARCH's first actor
      // after the verb.
      {"Arnor welcomed memos sent by Gondor.", {"ARN GON 041 asserted"}},
      // An unknown word before a list member is its adjective.
      {"Arnor and good Gondor accused Osgiliath.",
       {"ARN OSG 112 asserted", "GON OSG 112 asserted"}},
      // A form with a block of its own ("--- LEFT ---") is read by that block only.
      {"Arnor left Gondor.", {"ARN GON 032 asserted"}},
      {"Arnor will leave Gondor.", {"ARN GON 012 planned"}},
      // A multiword verb's words ("WIRE_+TAP", the compound verb `wire_tap`) and a pattern's
      // ("SECRETLY *") must both occur; "wire" belongs to the verb group, not to the subject.
      {"Arnor wire tapped Gondor.", {"ARN GON 1711 asserted"}},
      {"Secretly, Arnor wire tapped Gondor.", {"ARN GON 081 asserted"}},
      {"Arnor secretly tapped Gondor.", {}},
      {"Gondor's envoys wire tapped Arnor.", {"GON ARN 1711 asserted"}},
      {"Arnor secretly wire tapped Gondor.", {"ARN GON 081 asserted"}},
      {"Arnor will wire tap Gondor.", {"ARN GON 1711 planned"}},
      // A negated verb codes no event, unless a pattern spells the negation (above).
      {"Arnor will not wire tap Gondor.", {}},
  };
  ExpectCodings(**set, cases, true);
}

// The imported verbs layer under hand-written frames, on real text: TABARI's patterns read with
// the verbs they were written for, a synonym set's code only with a pattern, a phrasal synonym
// whose verb would turn a word of the patterns into a verb left out; and the imported frames
// code only events between two coded actors, not for a negated verb or in a question, not where a
// hand-written frame reads the verb, the object is an event a hand-written frame reads or is
// headed by a noun one names, the object is an -ing clause, or the verb is a catenative with
// the verb it governs; a phrase of place or topic ("on", "around") names no party.
TEST(PetrarchImportTest, ImportedVerbsCodeOnlyWhatTheHandWrittenRulesLeaveThem) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported =
      ImportPetrarch({ImportInput{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\nELROND [ARNGOV]\n"},
                      ImportInput{"x.verbs.txt",
                                  "--- MEET [040] ---\nMEET\n"
                                  "--- ACCUSE [112] ---\nACCUSE\n"
                                  "--- OVERSEE_MANAGE [060] ---\nHEAD\nLEAD\nDIRECT\n"
                                  "- * TO [042:043]  # HEAD\n"
                                  "- * ELECTIONS [060]  # LEAD\n"
                                  "- * BACK [040]  # tb 25 Jan 2007\n"
                                  "--- CONSIDER [040] ---\nCONSIDER\n"
                                  "--- MAKE [---] ---\nMAKE\n- * PEACE [050]\n"
                                  "--- LINK [060] ---\nLINK\nCONNECT\n"
                                  "+TIE_IN {+TIES_IN +TIED_IN +TYING_IN}\n+CORDON_OFF\n"
                                  "- * DIPLOMATIC TIES [050]\n"
                                  "--- WANT [030] ---\nWANT\n- * PEACE [030]\n"
                                  "--- CONFER [040] ---\nCONFER\n"}},
                     options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const std::string problems = Problems(*imported);
  for (const std::string want :
       {"x.verbs.txt:5: block code '060' is a synonym set's: its verbs code it only where one of "
        "its patterns occurs",
        "x.verbs.txt:17: block code '060' is a synonym set's",
        "x.verbs.txt:20: verb 'tie_in' not translated: 'tie' is no verb of the lexicon"}) {
    EXPECT_NE(problems.find(want), std::string::npos) << want << "\n" << problems;
  }
  std::string verbs_file;
  for (const petrarch::ImportedFile& f : imported->files) {
    if (f.name == "x-verbs.rules") verbs_file = f.text;
  }
  EXPECT_NE(verbs_file.find("  verb       link, connect, cordon off\n"), std::string::npos)
      << verbs_file;
  EXPECT_EQ(verbs_file.find("tie in"), std::string::npos) << verbs_file;
  std::vector<RuleSource> hand;
  hand.push_back({"hand.rules",
                  "entity organization:white-council\n  label      White Council\n"
                  "  alias      White Council\n\n"
                  "frame hand-met\n  verb       meet\n  predicate  met_with\n"
                  "  object     with actor\n\n"
                  "frame hand-proposed\n  verb       propose\n  noun       proposal\n"
                  "  predicate  proposed\n  object     to actor\n\n"
                  "frame hand-pledged\n  verb       pledge\n  noun-clause pledge\n"
                  "  predicate  pledged\n  object     to actor\n\n"
                  "modality planned\n  verb  want\n",
                  0});
  auto set = CompileImported(*imported, std::move(hand));
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor accused Gondor.", {"ARN GON 112"}},
      {"Arnor did not accuse Gondor.", {}},
      // A question asserts no event.
      {"Has Arnor accused Gondor?", {}},
      {"Why will Arnor accuse Gondor?", {}},
      // A hand-written frame reads "met", with or without a statement: the imported MEET not.
      {"Arnor met Gondor's envoy in the hall.", {}},
      // Elrond (ARNGOV) is part of Arnor (ARN); the White Council has no code.
      {"Elrond accused Gondor.", {"ARNGOV GON 112"}},
      {"Elrond accused Arnor.", {}},
      {"Arnor accused the White Council.", {}},
      // "* TO # HEAD" is HEAD's, not DIRECT's; a synonym set's 060 needs one of its patterns.
      {"Arnor headed to Gondor.", {"ARN GON 042", "GON ARN 043"}},
      {"Arnor directed Gondor to act.", {}},
      {"Arnor led Gondor.", {}},
      {"Arnor led Gondor in elections.", {"ARN GON 060"}},
      {"Arnor directed Gondor back.", {"ARN GON 040"}},
      // A block of one verb keeps its code (ACCUSE above), but a verb of intention or attempt
      // (a catenative of the modality rules) only with a pattern; nothing for an object that is
      // an -ing clause.
      {"Arnor considered Gondor.", {}},
      {"Arnor considered making concessions to Gondor.", {}},
      // A proposal is the hand-written frame's event, not the imported MAKE's.
      {"Arnor made peace with Gondor.", {"ARN GON 050"}},
      {"Arnor made a peace proposal to Gondor.", {}},
      // So is a pledge, which the hand-written frame names but reads only with its clause.
      {"Arnor made a solemn peace pledge to Gondor.", {}},
      // A catenative codes its own code only with a pattern; with the verb it governs it is
      // that verb's modality, no event of its own.
      {"Arnor wanted Gondor.", {}},
      {"Arnor wanted peace with Gondor.", {"ARN GON 030"}},
      {"Arnor wanted peace with Gondor to hold.", {}},
      // "to" and a word of no class: a verb the lexicon does not know, in a to-infinitive.
      {"Arnor wanted to destabilize peace with Gondor.", {}},
      // A phrase of place or topic names no party: "conferred on Gondor" is about Gondor.
      {"Arnor conferred with Gondor.", {"ARN GON 040"}},
      {"Arnor conferred closely on Gondor.", {}},
  };
  ExpectCodings(**set, cases, false);
}

// A verb the rules read their own way (a hand-written frame's verb, a catenative) whose patterns
// mostly code other roots than its own code codes it only with one of its patterns of that root;
// a verb the rules do not read keeps it. A pattern that ends with a preposition takes its target
// from that preposition's phrase first, then as PETRARCH does. A bare infinitive's object and
// the phrases that complete a phrase of topic name no party.
TEST(PetrarchImportTest, AVerbNamedByItsComplementCodesOnlyWithItsPatterns) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported =
      ImportPetrarch({ImportInput{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\nOSGILIATH [OSG]\n"},
                      ImportInput{"x.verbs.txt",
                                  "--- EXPRESS [110] ---\nEXPRESS\n"
                                  "- * DISPLEASURE [110]\n- * HOPE [013]\n- * SUPPORT [051]\n"
                                  "- * PRAISE [051]\n- * CONDOLENCES [018]\n"
                                  "--- DEMONSTRATE [141] ---\nDEMONSTRATE\n"
                                  "- * DISPLEASURE [110]\n- * HOPE [013]\n- * SUPPORT [051]\n"
                                  "- * PRAISE [051]\n- * CONDOLENCES [018]\n"
                                  "--- GO_SOMEWHERE [040] ---\nDEPART\n- * FOR [042:043]\n"
                                  "--- AID [070] ---\nHELP\n--- CONSULT [040] ---\nCONSULT\n"}},
                     options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const std::string problems = Problems(*imported);
  const std::string want =
      "x.verbs.txt:2: code '110' of 'express' is named by its complement: most of its patterns "
      "code other roots, so it codes it only where one of its patterns of root 11 occurs";
  EXPECT_NE(problems.find(want), std::string::npos) << problems;
  EXPECT_EQ(problems.find("'demonstrate'"), std::string::npos) << problems;
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor expressed displeasure with Gondor.", {"ARN GON 110"}},
      {"Arnor expressed hope for Gondor.", {"ARN GON 013"}},
      {"Arnor expressed pride in Gondor.", {}},
      {"Arnor demonstrated against Gondor.", {"ARN GON 141"}},
      {"Arnor departed for Gondor.", {"ARN GON 042", "GON ARN 043"}},
      {"Arnor departed Osgiliath for Gondor.", {"ARN GON 042", "GON ARN 043"}},
      {"Arnor departed Gondor for the coast.", {"ARN GON 042", "GON ARN 043"}},
      {"Arnor departed Gondor.", {"ARN GON 040"}},
      // A bare infinitive after the verb has its own object; the owner of what it acts on is
      // the one helped.
      {"Arnor helped Gondor.", {"ARN GON 070"}},
      {"Arnor helped establish the White Council of Gondor.", {}},
      {"Arnor helped expand Gondor's defenses.", {"ARN GON 070"}},
      // The of-, in- and to-phrases after a phrase of topic are its noun's.
      {"Arnor consulted on a common approach in response to Gondor's threats.", {}},
      {"Arnor consulted on a common approach with Gondor.", {"ARN GON 040"}},
  };
  ExpectCodings(**set, cases, false);
}

// A preposition written as a phrase of its own ("COME * (TO)") is the verb's prepositional
// phrase: its actor, or the owner of its noun, is the target, or there is none. An item of a
// synonym set after the verb names a thing only at the head of its noun phrase, not as a
// modifier of another noun ("military aid" is aid). A verb without patterns takes no target
// from a clause it governs; one with patterns does, as its patterns reach into its clauses. A
// pattern written again with another code is one pattern, of the first code.
TEST(PetrarchImportTest, APatternReadsItsPhrasesHeadsAndClauses) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported =
      ImportPetrarch({ImportInput{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\n"},
                      ImportInput{"x.verbs.txt",
                                  "&MILITARY\n+MILITARY\n+TROOPS\n\n"
                                  "--- ARRIVE [040] ---\nCOME\n- * (TO) [040]\n"
                                  "--- BOOST [060] ---\nINCREASE\nBOOST\n"
                                  "- * &MILITARY [154]\n- * AID [073]\n"
                                  "--- WORRY [012] ---\nWORRY\n"
                                  "--- ALLOW [080] ---\nALLOW\n- * LEAVE [066]\n"
                                  "--- FORGE [060] ---\nFORGE\n- * TIES [050]\n- * TIES [060]\n"}},
                     options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const std::string problems = Problems(*imported);
  EXPECT_NE(problems.find("pattern written before with code '050': the first code applies"),
            std::string::npos)
      << problems;
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor came to Gondor.", {"ARN GON 040"}},
      {"Arnor came to Gondor's capital.", {"ARN GON 040"}},
      {"Arnor came to power in Gondor.", {}},
      {"Arnor increased troops for Gondor.", {"ARN GON 154"}},
      {"Arnor increased military aid to Gondor.", {"ARN GON 073"}},
      {"Arnor increased military assistance to Gondor.", {}},
      {"Arnor worried Gondor.", {"ARN GON 012"}},
      {"Arnor worried that Gondor would fail.", {}},
      {"Arnor allowed that Gondor was right.", {"ARN GON 080"}},
      // The same pattern written again with another code: the first code.
      {"Arnor forged ties with Gondor.", {"ARN GON 050"}},
  };
  ExpectCodings(**set, cases, false);
}

// A verb's own code of a comment or a protest (CAMEO 01x, 14x) targets whom it addresses or is
// against: the direct object, its owner or an of-phrase right after it, not the phrases after a
// topic. A population (CVL) visits no one, and an armed force (MIL) protests against no one.
// "help" with a bare infinitive helps the owner of what that verb acts on, a verb's -s form
// followed by its phrases and a form of "be" or "have" is a plural noun, and a reduced relative
// after a place modifies the noun before it. A show of force needs an armed force. A pattern's
// in-phrase of an -ing form ("JOIN * (IN CONDEMNING)") is the act done with the direct object.
TEST(PetrarchImportTest, CommentsTargetWhomTheyAddressAndSectorsDoTheirEvents) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported = ImportPetrarch(
      {ImportInput{"x.actors.txt", "GONDOR [GON]\n+GONDORIAN\nARNOR [ARN]\nOSGILIATH [OSG]\n"},
       ImportInput{"x.agents.txt", "CITIZEN [~CVL]\nSOLDIER [~MIL]\nCOMPANY [~BUS]\n"},
       ImportInput{"x.verbs.txt",
                   "&MILITARY\n+MILITARY\n+TROOPS\n\n"
                   "--- ARRIVE [040] ---\nCOME\n- * (TO) [040]\n"
                   "--- SPEAK [---] ---\nADDRESS [010]\n"
                   "--- MARCH [140] ---\nMARCH\n"
                   "--- PROTEST [141] ---\nDEMONSTRATE\n"
                   "--- AID [060] ---\nHELP [070]\n"
                   "--- EXPORT [---] ---\nEXPORT\n- * (TO) [061]\n"
                   "--- REDOUBLE [---] ---\nREDOUBLE\n- * EFFORT [150]\n- * &MILITARY [154]\n"
                   "--- ASSEMBLE [040] ---\nJOIN\n- * (IN CONDEMNING) [050]\n"
                   "--- WORRY [012] ---\nWORRY\n"
                   "--- TARGET [190] ---\nTARGET\n"}},
      options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor addressed Gondor.", {"ARN GON 010"}},
      {"Arnor addressed Gondor's parliament.", {"ARN GON 010"}},
      {"Arnor addressed a session of Gondor.", {"ARN GON 010"}},
      {"Arnor addressed the crisis in Gondor.", {}},
      {"Arnor addressed the nation on its response to attacks against Gondor.", {}},
      {"Gondorian soldiers came to Arnor.", {"GONMIL ARN 040"}},
      {"Gondorian citizens came to Arnor.", {}},
      {"Gondorian citizens marched against Arnor.", {"GONCVL ARN 140"}},
      {"Gondorian soldiers marched into Arnor.", {}},
      {"Gondorian soldiers targeted Arnor.", {"GONMIL ARN 190"}},
      {"Gondorian companies targeted Arnor.", {}},
      {"Arnor demonstrated against Gondor.", {"ARN GON 141"}},
      {"Arnor demonstrated its lack of knowledge about Gondor.", {}},
      // "help" with a bare infinitive: the one helped owns what that verb acts on.
      {"Arnor helped Gondor.", {"ARN GON 070"}},
      {"Arnor helped expand Gondor's system.", {"ARN GON 070"}},
      {"Arnor helped deliver justice after atrocities in Gondor.", {}},
      // An -s form before its phrases and a form of "be" or "have" is a plural noun.
      {"Arnor exports to Gondor.", {"ARN GON 061"}},
      {"Arnor exports to Gondor were large.", {}},
      {"Arnor exports to Gondor, mostly grain, have decreased.", {}},
      // A reduced relative after a place modifies the noun before the place.
      {"Gondor was helped by Osgiliath.", {"OSG GON 070"}},
      {"Arnor took a fort in eastern Gondor helped by Osgiliath.", {}},
      // A show of force needs an armed force: its actor's sector or its pattern's set.
      {"Arnor redoubled efforts for Gondor.", {}},
      {"Gondorian soldiers redoubled efforts against Arnor.", {"GONMIL ARN 150"}},
      {"Arnor redoubled troops against Gondor.", {"ARN GON 154"}},
      // An in-phrase of an -ing form is the act done with the direct object.
      {"Arnor joined Gondor in condemning Osgiliath.", {"ARN GON 050"}},
      {"Arnor joined many nations in condemning Gondor.", {}},
      // A comment's verb in the passive is a feeling its by-agent causes; a participle of
      // feeling after "be" is its subject's, the by-phrase the cause (clause layer).
      {"Arnor worried Gondor.", {"ARN GON 012"}},
      {"Gondor was worried by Arnor.", {"GON ARN 012"}},
  };
  ExpectCodings(**set, cases, false);
}

// How imported frames read their words and their target's phrase (seventeenth session; each
// negative case fails without its reading).
TEST(PetrarchImportTest, StemsTakeEndingsAndPartnersAreNoTargets) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported = ImportPetrarch(
      {ImportInput{"x.actors.txt", "GONDOR [GON]\n+GONDORIAN\nARNOR [ARN]\nOSGILIATH [OSG]\n"},
       ImportInput{"x.verbs.txt",
                   "--- HOLD [---] ---\nHOLD\n- * TALK [043]\n"
                   "--- ASSEMBLE [040] ---\nJOIN\n- * (IN CALLING) [020]\n- * WAR [060]\n"
                   "- * ATTACK [190]\n"
                   "--- OVERSEE [090] ---\nMONITOR\n"
                   "--- FAIL [120] ---\nFAIL\n"
                   "--- IMPORT [061] ---\nIMPORT\n"
                   "--- AIRLIFT [073] ---\nAIRLIFT\n"
                   "--- PROTEST [141] ---\nDEMONSTRATE\n"}},
      options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      // A TABARI stem takes an ending, not the rest of another word.
      {"Arnor held talks with Gondor.", {"ARN GON 043"}},
      {"Arnor held a talkshow with Gondor.", {}},
      // Joined in an act that is no cooperation: the one joined acts too.
      {"Arnor joined Gondor in calling for peace.", {}},
      // A cooperation's against-phrase names the adversary.
      {"Arnor joined the war against Gondor.", {}},
      {"Arnor joined Gondor's war.", {"ARN GON 060"}},
      // "in coordination with": who does it too.
      {"Arnor monitored Gondor.", {"ARN GON 090"}},
      {"Arnor monitored the situation in coordination with Gondor.", {}},
      // A through-phrase names a way or a medium.
      {"Arnor monitored progress through Gondor meetings.", {}},
      // A pattern's words are not read in the to-infinitive the verb governs.
      {"Arnor joined a call with Osgiliath to discuss an attack on Gondor.", {"ARN OSG 040"}},
      // An of-phrase of an -ing form is a clause of its own.
      {"Arnor failed Gondor.", {"ARN GON 120"}},
      {"Arnor failed in its objective of capturing Gondor.", {}},
      // A preposition's object is no subject: the verb is a participle on it.
      {"Arnor imported grain from Gondor.", {"ARN GON 061"}},
      {"Osgiliath raised tariffs on certain Gondorian products imported to Arnor.", {}},
      // An in-phrase right after a to-phrase naming no entity is where that noun is.
      {"Arnor airlifted aid to Gondor.", {"ARN GON 073"}},
      {"Arnor airlifted aid to a hub in Gondor.", {}},
      // A protest's verb with a that-clause, or in the passive, shows.
      {"Arnor demonstrated against Gondor.", {"ARN GON 141"}},
      {"Arnor demonstrated to Gondor that the war was over.", {}},
  };
  ExpectCodings(**set, cases, false);
}

// An `any` target is in no phrase of what is discussed ("with a discussion of X", and the
// phrases chained after it) nor in one after an as-phrase of a past participle ("as agreed
// at X").
TEST(PetrarchImportTest, DiscussedTopicsAndAsClausesNameNoTarget) {
  petrarch::ImportOptions options;
  options.against = &Against();
  auto imported =
      ImportPetrarch({ImportInput{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\nMORDOR [MOR]\n"},
                      ImportInput{"x.verbs.txt", "--- DECRY [111] ---\nDECRY\n"}},
                     options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor decried the plan with Gondor.", {"ARN GON 111"}},
      {"Arnor decried the plan, with an extended discussion of Gondor.", {}},
      {"Arnor decried the plan, with a discussion of Gondor's war against Mordor.", {}},
      {"Arnor decried the plan at Gondor.", {"ARN GON 111"}},
      {"Arnor decried the plan, as agreed at Gondor.", {}},
  };
  ExpectCodings(**set, cases, false);
}

// ImportOptions::skip_roots: a skipped root's codes become no frames, each reported; the
// block's other frames still give way where its patterns occur.
TEST(PetrarchImportTest, SkippedRootsBecomeNoFrames) {
  petrarch::ImportOptions options;
  options.against = &Against();
  options.skip_roots = {"13"};
  auto imported = ImportPetrarch(
      {ImportInput{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\n"},
       ImportInput{"x.verbs.txt", "--- DESTROY [190] ---\nBREAK\n- * (WITH) [130]\n"}},
      options);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_NE(Problems(*imported).find("x.verbs.txt:3: code of skipped root 13 (of 'break')"),
            std::string::npos)
      << Problems(*imported);
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor broke Gondor.", {"ARN GON 190"}},
      {"Arnor broke with Gondor.", {}},
  };
  ExpectCodings(**set, cases, false);
}

// ImportOptions::corrections: a pattern is recoded or dropped (each reported at its line, with
// the correction's file, line and reason); a correction that matches no pattern, or has no
// reason, fails the import with its file and line.
TEST(PetrarchImportTest, CorrectionsRecodeOrDropPatternsAndEachIsReported) {
  const ImportInput actors{"x.actors.txt", "GONDOR [GON]\nARNOR [ARN]\n"};
  const ImportInput verbs{"x.verbs.txt",
                          "--- ESTIMATE [010] ---\nCOUNT\n- * ON [020]\n"
                          "--- GRANT [060] ---\nLEND\n- * SUPPORT [060]\n"
                          "--- HONOR [051] ---\nSALUTE\n- * TROOPS [040]\n"};
  auto import = [&](const std::string& corrections) {
    petrarch::ImportOptions options;
    options.against = &Against();
    options.corrections = {"c.txt", corrections};
    return ImportPetrarch({actors, verbs}, options);
  };
  auto imported = import(
      "# a comment\n\nCOUNT - * ON [020] -> [---] # relying is no appeal\n"
      "lend  -  *  support  [060]  ->  [051]  # lending support is endorsing\n"
      "SALUTE - * TROOPS [040] -> drop # no consultation\n");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const std::string problems = Problems(*imported);
  for (const std::string want :
       {"x.verbs.txt:3: pattern '- * ON [020]' of 'COUNT' recoded [020] -> [---] by c.txt:3: "
        "relying is no appeal",
        "x.verbs.txt:6: pattern '-  *  support  [060]' of 'LEND' recoded [060] -> [051] by "
        "c.txt:4: lending support is endorsing",
        "x.verbs.txt:9: pattern '- * TROOPS [040]' of 'SALUTE' dropped by c.txt:5: no "
        "consultation"}) {
    EXPECT_NE(problems.find(want), std::string::npos) << want << "\nin\n" << problems;
  }
  auto set = CompileImported(*imported);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<CodingCase> cases = {
      {"Arnor counted on Gondor.", {}},
      {"Arnor lent support to Gondor.", {"ARN GON 051"}},
      {"Arnor saluted Gondor's troops.", {"ARN GON 051"}},
  };
  ExpectCodings(**set, cases, false);
  // Without the corrections, the dictionary's codes.
  auto plain = import("");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  auto plain_set = CompileImported(*plain);
  ASSERT_TRUE(plain_set.ok()) << plain_set.status().ToString();
  ExpectCodings(**plain_set,
                {{"Arnor counted on Gondor.", {"ARN GON 020"}},
                 {"Arnor lent support to Gondor.", {"ARN GON 060"}},
                 {"Arnor saluted Gondor's troops.", {"ARN GON 040"}}},
                false);
  // A correction that matches no pattern (another code, another verb's block), or has no
  // reason, fails the import with its line.
  for (const auto& [text, want] : std::vector<std::pair<std::string, std::string>>{
           {"\nCOUNT - * ON [021] -> drop # x\n",
            "c.txt:2: correction 'COUNT - * ON [021]' matches "
            "no pattern"},
           {"LEND - * ON [020] -> drop # x\n",
            "c.txt:1: correction 'LEND - * ON [020]' matches "
            "no pattern"},
           {"COUNT - * ON [020] -> [---]\n", "c.txt:1: a correction without a reason"},
           {"COUNT - * ON [020] -> 051 # x\n", "c.txt:1: the action is neither"},
           {"COUNT * ON [020] -> drop # x\n", "c.txt:1: the pattern does not start with '-'"},
       }) {
    SCOPED_TRACE(text);
    auto failed = import(text);
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.status().message().find(want), std::string::npos)
        << failed.status().ToString();
  }
}

// The words of refine/when/unless lines are numbered once per distinct (word, prefix), across
// frames, so that a sentence looks each up once however many lines name it; a frame's verbs are
// kept sorted, once each.
TEST(PetrarchImportTest, RefineWordsAreNumberedOncePerDistinctWord) {
  auto set = RuleSet::Compile(
      {{"imported/x.rules",
        "words talks\n  negotiations, parley*\n"
        "frame a\n  verb meet, meet with, gather\n  predicate met_with\n  object actor\n"
        "  refine * talks -> 040\n  unless * talk*\n"
        "frame b\n  verb hold\n  predicate held_talks\n  object actor\n"
        "  when * talks\n  refine * @talks -> 043\n",
        kImportedLayer}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const internal::CompiledRules& rules = (*set)->compiled();
  ASSERT_EQ(rules.rules.size(), 2u);
  const internal::Frame& a = *rules.rules[0].frame;
  const internal::Frame& b = *rules.rules[1].frame;
  const uint32_t talks = a.refine[0].after[0].id;
  const uint32_t talk_any = a.unless[0].after[0].id;
  EXPECT_NE(talks, talk_any);
  EXPECT_EQ(b.when[0].after[0].id, talks);
  EXPECT_EQ(b.refine[0].after[0].id, internal::RefineWord::kNoId);  // a word list
  EXPECT_EQ(rules.refine_word_count, 2u);
  EXPECT_LT(std::max(talks, talk_any), rules.refine_word_count);
  // A frame's verbs, once each and sorted, for the verb groups to look up.
  const std::vector<uint32_t> want = {
      std::min(*rules.lexicon.FindVerb("meet"), *rules.lexicon.FindVerb("gather")),
      std::max(*rules.lexicon.FindVerb("meet"), *rules.lexicon.FindVerb("gather"))};
  EXPECT_EQ(a.verb_ids, want);
}

// An imported entity of a hand-written id is merged into it: its aliases and roles are added,
// its label does not replace the hand-written one, its open-ended 2017 role does not make
// the person JPNGOV after the hand-written office ended, and its undated code (JPNELI) does not
// beat the hand-written role in an undated statement.
TEST(PetrarchImportTest, ImportedEntityMergesUnderTheHandWrittenOne) {
  const std::vector<RuleSource> sources = {
      {"imported/x.rules",
       "entity person:taro-kono\n  label TARO KONO\n  alias Kono Taro\n"
       "  role government of state:japan from 2017-08-03 code JPNGOV\n"
       "  attr cameo = JPNELI\n",
       kImportedLayer},
      {"core/x.rules",
       "sector GOV\n  label government\n  noun foreign minister\n"
       "entity state:japan\n  label Japan\n  attr iso3 = JPN\n"
       "entity state:russia\n  label Russia\n  attr iso3 = RUS\n"
       "entity person:taro-kono\n  label Taro Kono\n"
       "  role foreign minister of state:japan from 2017-08-03 to 2019-09-11\n"
       "relation met\n  predicate met_with\n  pattern {actor:subject} met {actor:object}\n",
       0}};
  auto set = RuleSet::Compile(sources);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  struct DateCase {
    std::string date, subject_code;
  };
  for (const DateCase& c :
       std::vector<DateCase>{{"2018-05-01", "JPNGOV"}, {"2021-01-01", ""}, {"", "JPNGOV"}}) {
    SCOPED_TRACE(c.date);
    const DocumentAnalysis a =
        AnalyzeSentences(**set, {{"Kono Taro met Russia in Tokyo.", true, -1}}, c.date, false);
    ASSERT_EQ(a.sentences.size(), 1u);
    ASSERT_EQ(a.sentences[0].statements.size(), 1u);
    const Statement& st = a.sentences[0].statements[0];
    EXPECT_EQ(st.subject.id, "person:taro-kono");
    EXPECT_EQ(st.subject.label, "Taro Kono");
    EXPECT_EQ(st.subject_code, c.subject_code);
    EXPECT_EQ(st.object_code, "RUS");
    bool found = false;
    for (const Entity& e : a.entities) {
      if (e.id != "person:taro-kono") continue;
      found = true;
      ASSERT_EQ(e.roles.size(), 2u);
      EXPECT_EQ(e.roles[0].office, "foreign minister");
      EXPECT_EQ(e.roles[1].code, "JPNGOV");
    }
    EXPECT_TRUE(found);
  }
}

// Extracts `doc` with a rules directory of `hand` (hand.rules, "" for none) and its imported/
// folder holding `imported` (x.rules), as `parley extract --rules DIR` does.
Extraction ExtractWithRulesDir(const std::string& name, const std::string& imported,
                               const std::string& hand, const Document& doc) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir / "imported");
  std::ofstream(dir / "imported" / "x.rules") << imported;
  if (!hand.empty()) std::ofstream(dir / "hand.rules") << hand;
  ExtractorOptions options;
  options.rule_paths = {dir.string()};
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  if (!extractor.ok()) return {};
  auto x = (*extractor)->Extract(doc);
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  fs::remove_all(dir);
  return x.ok() ? *std::move(x) : Extraction{};
}

// What `parley rules import` writes, in the imported/ folder of a `--rules` directory, is read
// as the imported layer: compiled before the built-ins, merged into their entities (no duplicate
// ids), its aliases found.
TEST(PetrarchImportTest, ImportedFolderOfAUserDirectoryIsTheImportedLayer) {
  Document doc;
  doc.info.id = "t";
  doc.text = "Nippon signed the treaty with Russia in 1956.";
  const Extraction x = ExtractWithRulesDir(
      "parley_imported_layer",
      "entity state:japan\n  label JAPAN\n  alias Nippon\n  attr cameo = JPN\n", "", doc);
  bool found = false;
  for (const Entity& e : x.entities) {
    if (e.id == "state:japan") {
      found = true;
      EXPECT_EQ(e.label, "Japan");
    }
  }
  EXPECT_TRUE(found);
}

// A user's imported/ folder is the whole imported layer: it replaces the built-in one (which
// would define the same actors twice), and without one the built-in layer stays.
TEST(PetrarchImportTest, AUserImportReplacesTheBuiltInImportedLayer) {
  auto paths = [](const std::vector<RuleSource>& sources) {
    std::vector<std::string> out;
    for (const RuleSource& s : sources) out.push_back(s.path + "@" + std::to_string(s.layer));
    return out;
  };
  const std::vector<RuleSource> defaults = {{"rules/imported/a.rules", "", kImportedLayer},
                                            {"rules/core/b.rules", "", 0}};
  std::vector<RuleSource> sources = defaults;
  AddUserSources({{"mine/imported/c.rules", "", kImportedLayer}, {"mine/d.rules", "", 1}},
                 &sources);
  EXPECT_EQ(paths(sources),
            (std::vector<std::string>{"rules/core/b.rules@0", "mine/imported/c.rules@-1",
                                      "mine/d.rules@1"}));
  sources = defaults;
  AddUserSources({{"mine/d.rules", "", 1}}, &sources);
  EXPECT_EQ(paths(sources), (std::vector<std::string>{"rules/imported/a.rules@-1",
                                                      "rules/core/b.rules@0", "mine/d.rules@1"}));
}

// The imported roles serve actor codes only: a person's open-ended imported "elite" role does
// not make "Ms. Bloggs" of a 2021 document the James Bloggs of the dictionaries, where a
// hand-written office held at the date makes "Ms. Doughty" Jane Doughty.
TEST(PetrarchImportTest, ImportedRolesDoNotResolveSurnames) {
  Document doc;
  doc.info.id = "t";
  doc.info.date = "2021-03-01";
  doc.text = "Ms. Bloggs said the plan would work. Ms. Doughty said the plan would fail.";
  const Extraction x =
      ExtractWithRulesDir("parley_imported_roles",
                          "entity person:james-bloggs\n  label James Bloggs\n  alias James Bloggs\n"
                          "  role elite of state:united-states from 1948-01-01 code USAELI\n",
                          "entity person:jane-doughty\n  label Jane Doughty\n  alias Jane Doughty\n"
                          "  role foreign minister of state:japan from 2020-01-01\n",
                          doc);
  std::vector<std::string> subjects;
  for (const Statement& st : x.statements) subjects.push_back(st.subject.id);
  EXPECT_EQ(subjects, std::vector<std::string>{"person:jane-doughty"});
}

}  // namespace
}  // namespace parley
