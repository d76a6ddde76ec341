// The sector pass (extract/sectors.h), `discard` blocks and actor codes (extract/actor_codes.h)
// with the default rules: who the actor is and which CAMEO code it carries at the date.
#include "extract/sectors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/rule_cache.h"
#include "extract/rule_entities.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

// The built-in snapshot (tests/built_in_rules.cc): the default rules as a run reads them.
const RuleSet& Defaults() {
  static const std::shared_ptr<const RuleSet> set = [] {
    auto compiled = LoadRuleSet(DefaultRuleSources(), RuleCacheOptions());
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return *compiled;
  }();
  return *set;
}

// "subject predicate object subject_code object_code" of every statement, one per line.
std::string Statements(const RuleSet& rules, const std::string& sentence, const std::string& date) {
  const DocumentAnalysis a = AnalyzeSentences(rules, {{sentence, true, -1}}, date, false);
  std::string out;
  for (const SentenceAnalysis& s : a.sentences) {
    for (const Statement& st : s.statements) {
      out += st.subject.id + " " + st.predicate + " " + (st.object ? st.object->id : "-") + " " +
             (st.subject_code.empty() ? "-" : st.subject_code) + " " +
             (st.object_code.empty() ? "-" : st.object_code) + "\n";
    }
  }
  return out;
}

// One sentence and every statement it gives, as lines of Statements() ("" for none).
struct StatementsCase {
  std::string sentence, want;
};

void ExpectStatements(const RuleSet& rules, const std::vector<StatementsCase>& cases) {
  for (const StatementsCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Statements(rules, c.sentence, "1995-01-01"), c.want);
  }
}

TEST(SectorsTest, CountriesWithSectorNounsAreActorsWithCodes) {
  struct Case {
    std::string sentence, date, want;  // want: one line of Statements()
  };
  const std::vector<Case> cases = {
      // A generic group of no country after a demonym ("demonstrators", "officials") is its
      // sector nouns: "Palestinian demonstrators" is PSECVL, not the group "protesters".
      {"Israeli soldiers attacked Palestinian demonstrators in Hebron.", "2014-05-01",
       "group:israel-military attacked group:palestine-public ISRMIL PSECVL"},
      {"Senior Government of Mexico officials hosted Japan.", "2023-07-25",
       "state:mexico hosted state:japan MEXGOV JPN"},
      // Counter-example: without an owner before it the group stays the generic group.
      {"Officials hosted Japan.", "2023-07-25", "group:officials hosted state:japan - JPN"},
      {"Soldiers from Ukraine attacked Russian troops.", "2014-05-01",
       "group:ukraine-military attacked group:russia-military UKRMIL RUSMIL"},
      {"The French government rejected the proposal by Germany.", "2014-05-01",
       "state:france rejected - FRAGOV -"},
      // A title before a name is left to the clause layer: the person is the actor.
      {"Russian President Vladimir Putin met Japanese Prime Minister Shinzo Abe in Tokyo.",
       "2018-05-05", "person:vladimir-putin met_with person:shinzo-abe RUSGOV JPNGOV"},
      // A title before a name no rule knows is the country's sector ("Greek Prime Minister
      // Mitsotakis", as PETRARCH codes it); not after a place acting as the state.
      {"Secretary Blinken called Greek Prime Minister Mitsotakis.", "2021-12-06",
       "person:antony-blinken called state:greece USAGOV GRCGOV"},
      // Coordinated nouns before "of", "from" or "in" go with each coordinated country: four
      // actors.
      {"Soldiers and police from France and Germany attacked Russia.", "2014-05-01",
       "group:france-military attacked state:russia FRAMIL RUS"},
      {"Soldiers and police from France and Germany attacked Russia.", "2014-05-01",
       "group:france-police attacked state:russia FRACOP RUS"},
      {"Soldiers and police from France and Germany attacked Russia.", "2014-05-01",
       "group:germany-military attacked state:russia DEUMIL RUS"},
      {"Soldiers and police from France and Germany attacked Russia.", "2014-05-01",
       "group:germany-police attacked state:russia DEUCOP RUS"},
      {"The Government and people of Israel welcomed Japan.", "2014-05-01",
       "state:israel welcomed state:japan ISRGOV JPN"},
      {"The Government and people of Israel welcomed Japan.", "2014-05-01",
       "group:israel-public welcomed state:japan ISRCVL JPN"},
      // An office whose apposition names a person is that person's title, after "to" and a
      // state too: the person is the one met; a description ("citizen") or a plural
      // ("officials") stays the country's sector.
      {"Japan met with Soviet Ambassador to the United States, Anatoly Dobrynin, in secret.",
       "1962-10-27", "person:anatoly-dobrynin holds_office state:soviet-union - USR"},
      {"Japan met with Soviet Ambassador to the United States, Anatoly Dobrynin, in secret.",
       "1962-10-27", "state:japan met_with person:anatoly-dobrynin JPN -"},
      {"Japan met with the Soviet ambassador, Anatoly Dobrynin.", "1962-10-27",
       "state:japan met_with person:anatoly-dobrynin JPN -"},
      {"Japan detained a U.S. citizen, Asim Ghafoor, on Tuesday.", "2021-07-16",
       "state:japan detained group:united-states-public JPN USACVL"},
      {"Japan met with Soviet officials, Anatoly Dobrynin said.", "1962-10-27",
       "state:japan met_with state:soviet-union JPN USRGOV"},
      // An organization owns lower-case nouns of a group before "of", as before its "'s" (NATO's
      // CAMEO code from the imported Phoenix actors, with the sector's).
      {"Soldiers of NATO attacked Russia.", "2014-05-01",
       "organization:nato attacked state:russia IGOWSTNATMIL RUS"},
      // A country's "side" in talks is its government.
      {"The U.S. side welcomed Japan's bid to host the Expo.", "2022-07-16",
       "state:united-states welcomed state:japan USAGOV JPN"},
      {"The Israeli side agreed to take these concerns into account.", "2024-04-18",
       "state:israel agreed - ISRGOV -"},
      // Codes are taken at the statement's date: Abe held no office in 2003, when the imported
      // Phoenix actors make him one of Japan's elite (JPNELI, 1972 to 2005); in 2010 nothing.
      {"Vladimir Putin met Shinzo Abe in Moscow.", "2003-03-12",
       "person:vladimir-putin met_with person:shinzo-abe RUSGOV JPNELI"},
      {"Vladimir Putin met Shinzo Abe in Moscow.", "2010-03-12",
       "person:vladimir-putin met_with person:shinzo-abe RUSGOV -"},
      // A hand-written office's code takes the hand-written sectors: Phoenix's GOVMIL noun
      // "national security advisor" is one of the rules' titles, so no sector noun.
      {"Jake Sullivan met Japan.", "2023-05-01",
       "person:jake-sullivan met_with state:japan USAGOV JPN"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string got = Statements(Defaults(), c.sentence, c.date);
    EXPECT_NE(got.find(c.want + "\n"), std::string::npos) << got;
  }
}

// An organization's nouns before "and" and another title of a person named after them are that
// person's titles, no view of the organization; a state's stay its government (PETRARCH's "Qatari
// Deputy Prime Minister and Foreign Minister Al-Thani").
TEST(SectorsTest, NounsCoordinatedWithATitleAreThePersonsTitles) {
  const std::string org = Statements(
      Defaults(), "Jake Sullivan met NATO Spokesman and Deputy Secretary General Mircea Geoana.",
      "2023-05-01");
  EXPECT_NE(org.find("person:jake-sullivan met_with person:mircea-geoana"), std::string::npos)
      << org;
  EXPECT_EQ(org.find("organization:nato"), std::string::npos) << org;
  const std::string state = Statements(
      Defaults(),
      "Jake Sullivan spoke today with Qatari Deputy Prime Minister and Foreign Minister Mohamed "
      "bin Abdulrahman Al-Thani.",
      "2023-05-01");
  EXPECT_NE(state.find("person:jake-sullivan spoke_with state:qatar"), std::string::npos) << state;
}

// A state's demonym in the plural is the state after a determiner ("the Syrians insisted"),
// and no mention at all elsewhere ("called on Americans to vote").
TEST(SectorsTest, PluralDemonymsAreStatesOnlyAfterADeterminer) {
  struct Form {
    std::string adjective, plural;  // plural "" when there is none
  };
  const std::vector<Form> forms = {
      {"Syrian", "Syrians"},
      {"Israeli", "Israelis"},
      {"Greek", "Greeks"},
      {"Cypriot", "Cypriots"},
      {"Yugoslav", "Yugoslavs"},
      {"Filipino", "Filipinos"},
      {"Japanese", ""},
      {"British", ""},
      {"French", ""},
      {"Hellenic", ""},
      {"PRC", ""},
      {"U.S.", ""},
      {"Ni-Vanuatu", ""},
  };
  for (const Form& f : forms) {
    SCOPED_TRACE(f.adjective);
    EXPECT_EQ(internal::PluralDemonym(f.adjective).value_or(""), f.plural);
  }
  struct Case {
    std::string sentence, want;  // want: "" for no statement naming the state
  };
  const std::vector<Case> cases = {
      {"The Syrians insisted that Israel should withdraw.", "state:syria asserted - SYR -"},
      {"By December the Palestinians suspended talks with Israel.",
       "state:palestine halted - PSE -"},
      {"Even though the British and Americans rejected the plan, they signed it.",
       "state:united-states rejected - USA -"},
      {"Joe Biden called on Americans to vote.", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string got = Statements(Defaults(), c.sentence, "");
    if (c.want.empty()) {
      EXPECT_EQ(got.find("state:united-states"), std::string::npos) << got;
    } else {
      EXPECT_NE(got.find(c.want + "\n"), std::string::npos) << got;
    }
  }
}

// Issue 15: a sector is not appended twice ("White House security officials" is USAGOV, as
// PETRARCH combines agents), and a title that is a sector view of the name's own entity gives the
// name its sector ("Bree President Romendacil", a name the dictionary codes as Bree: BREGOV).
TEST(SectorsTest, SectorsComposeOnceAndTitlesGiveNamesTheirSector) {
  auto rules = RuleSet::Compile({{"t.rules",
                                  "entity state:bree\n  label Bree\n  alias Romendacil\n"
                                  "  attr cameo = BRE\n"
                                  "entity state:gondor\n  label Gondor\n  attr cameo = GON\n"
                                  "entity organization:white-house\n  label White House\n"
                                  "  attr cameo = USAGOV\n"
                                  "sector GOV\n  noun president, officials, security officials\n"
                                  "verbs t\n  meet meets meeting met\n"
                                  "frame met\n  verb meet\n  predicate met_with\n"
                                  "  object actor\n",
                                  0}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  struct Case {
    std::string sentence, want;  // want: one line of Statements()
  };
  const std::vector<Case> cases = {
      {"White House security officials met Gondor.",
       "organization:white-house met_with state:gondor USAGOV GON"},
      {"Bree President Romendacil met Gondor.", "state:bree met_with state:gondor BREGOV GON"},
      {"Romendacil met Gondor.", "state:bree met_with state:gondor BRE GON"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const std::string got = Statements(**rules, c.sentence, "1995-01-01");
    EXPECT_NE(got.find(c.want + "\n"), std::string::npos) << got;
  }
}

// TABARI's FORMER conversion, CAMEO's elites (ELI, "former government officials"): sector nouns a
// "former" modifies, before the country or among the modifiers after it, or before nouns that
// "of"/"in" tie to a country, name that country's elite whatever their sector; without the
// word the sectors stay.
TEST(SectorsTest, FormerNounsNameTheCountrysElite) {
  auto rules = RuleSet::Compile({{"t.rules",
                                  "entity state:arnor\n  label Arnor\n  attr cameo = ARN\n"
                                  "entity state:gondor\n  label Gondor\n  attr cameo = GON\n"
                                  "entity organization:white-house\n  label White House\n"
                                  "  attr cameo = USAGOV\n"
                                  "sector GOV\n  label government\n  noun minister, officials\n"
                                  "  noun security officials\n"
                                  "sector JUD\n  label judiciary\n  group judiciary\n"
                                  "  noun prosecutor\n"
                                  "sector ELI\n  label elite\n  group elite\n  noun retired\n"
                                  "verbs t\n  meet meets meeting met\n"
                                  "frame met\n  verb meet\n  predicate met_with\n"
                                  "  object actor\n",
                                  0}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  ExpectStatements(
      **rules, {
                   {"Arnor former security officials met former Gondor prosecutors.",
                    "group:arnor-elite met_with group:gondor-elite ARNELI GONELI\n"},
                   {"Arnor security officials met Gondor prosecutors.",
                    "state:arnor met_with group:gondor-judiciary ARNGOV GONJUD\n"},
                   {"Former security officials in Arnor met Gondor.",
                    "group:arnor-elite met_with state:gondor ARNELI GON\n"},
                   {"The former officials of Arnor met Gondor.",
                    "group:arnor-elite met_with state:gondor ARNELI GON\n"},
                   // An organization's elite keep its code first (an organization owns no nouns of
                   // a sector without a group: "Security officials in White House" are none).
                   {"Former security officials in White House met Gondor.",
                    "organization:white-house met_with state:gondor USAGOVELI GON\n"},
                   {"Security officials in White House met Gondor.", ""},
               });
}

// An organization owns the lower-case nouns of a group before "of" ("the human rights activists
// of Amnesty International" as "Amnesty International's human rights activists"), and before
// "from" or "in" at the start of a sentence, as a state does; not nouns of the organization
// itself, a title, nor nouns before "from" or "in" elsewhere (where, not whose).
TEST(SectorsTest, OrganizationsOwnGroupNounsBeforeOf) {
  auto rules = RuleSet::Compile({{"t.rules",
                                  "entity organization:amnesty\n  label Amnesty International\n"
                                  "  attr cameo = NGM\n"
                                  "entity state:gondor\n  label Gondor\n  attr cameo = GON\n"
                                  "sector OPP\n  label opposition\n  group opposition\n"
                                  "  noun human rights activist\n"
                                  "sector GOV\n  label government\n  noun leadership\n"
                                  "sector MIL\n  label military\n  group military\n"
                                  "  noun general\n"
                                  "verbs t\n  meet meets meeting met\n"
                                  "frame met\n  verb meet\n  predicate met_with\n"
                                  "  object actor\n",
                                  0}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  ExpectStatements(**rules,
                   {
                       {"The human rights activists of Amnesty International met Gondor.",
                        "organization:amnesty met_with state:gondor NGMOPP GON\n"},
                       {"Human rights activists of Amnesty International met Gondor.",
                        "organization:amnesty met_with state:gondor NGMOPP GON\n"},
                       {"The leadership of Amnesty International met Gondor.", ""},
                       {"The Human Rights Activists of Amnesty International met Gondor.", ""},
                       {"The secretary-general of Amnesty International met Gondor.", ""},
                       {"The human rights activists from Amnesty International met Gondor.",
                        "organization:amnesty met_with state:gondor NGMOPP GON\n"},
                       {"Gondor met the human rights activists from Amnesty International.", ""},
                   });
}

// `exact` nouns take no regular plural (PETRARCH's "POLICE {}"): "Gondor's polices" is no
// sector of Gondor, "Gondor's police" is. `before` nouns put their code before the owner's and
// may stand right before it (PETRARCH's "MSF [NGO~]"): "MSF Gondor" is NGOGON, "an MSF Gondor
// diplomat" NGOGONGOV.
TEST(SectorsTest, ExactNounsHaveNoPluralAndBeforeNounsPutTheirCodeFirst) {
  auto rules = RuleSet::Compile({{"t.rules",
                                  "entity state:gondor\n  label Gondor\n  attr cameo = GON\n"
                                  "entity state:rohan\n  label Rohan\n  attr cameo = ROH\n"
                                  "sector COP\n  exact police\n  noun constable\n"
                                  "sector NGO\n  group ngos\n  exact msf\n  noun aid group\n"
                                  "  before msf\n"
                                  "sector GOV\n  noun diplomat\n"
                                  "verbs t\n  meet meets meeting met\n"
                                  "frame met\n  verb meet\n  predicate met_with\n"
                                  "  object actor\n  object-owner actor\n",
                                  0}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  ExpectStatements(
      **rules,
      {
          {"Rohan met Gondor's police.", "state:rohan met_with state:gondor ROH GONCOP\n"},
          {"Rohan met Gondor's polices.", "state:rohan met_with state:gondor ROH GON\n"},
          {"Rohan met Gondor's constables.", "state:rohan met_with state:gondor ROH GONCOP\n"},
          {"MSF Gondor met Rohan.", "group:gondor-ngos met_with state:rohan NGOGON ROH\n"},
          {"An MSF Gondor diplomat met Rohan.",
           "state:gondor met_with state:rohan NGOGONGOV ROH\n"},
          {"Rohan met MSF Gondor.", "state:rohan met_with group:gondor-ngos ROH NGOGON\n"},
          // A noun without `before` composes after its owner only, its code last.
          {"Gondor aid groups met Rohan.", "group:gondor-ngos met_with state:rohan GONNGO ROH\n"},
          {"Aid groups Gondor met Rohan.", "state:gondor met_with state:rohan GON ROH\n"},
      });
}

TEST(SectorsTest, DiscardPhrasesSilenceSentencesAndDocuments) {
  auto rules = RuleSet::Compile({{"t.rules",
                                  "entity state:gondor\n  label Gondor\n"
                                  "entity state:rohan\n  label Rohan\n"
                                  "relation met\n  predicate met_with\n"
                                  "  pattern {actor:subject} met {actor:object}\n"
                                  "discard games\n  sentence  world cup\n  document  horoscope\n",
                                  0}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  auto count = [&](const std::vector<SentenceInput>& units) {
    size_t n = 0;
    for (const SentenceAnalysis& s : AnalyzeSentences(**rules, units, "", false).sentences) {
      n += s.statements.size();
    }
    return n;
  };
  EXPECT_EQ(count({{"Gondor met Rohan.", true, -1}}), 1u);
  EXPECT_EQ(count({{"Gondor met Rohan at the World Cup.", true, -1}}), 0u);
  EXPECT_EQ(count({{"Gondor met Rohan.", true, -1}, {"The World Cup ended.", true, -1}}), 1u);
  EXPECT_EQ(count({{"Gondor met Rohan.", true, -1}, {"Your horoscope today.", true, -1}}), 0u);
}

}  // namespace
}  // namespace parley
