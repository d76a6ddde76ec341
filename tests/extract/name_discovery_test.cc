// Names found by shape and the short forms that refer to them, through the whole extractor
// with the default rules (issue 16's examples), and a corpus check that no person is a title or
// a common word.
#include "extract/name_discovery.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/default_rules.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/rule_compiled.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

const Extractor& Default() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Result<std::unique_ptr<Extractor>> e = Extractor::Create(ExtractorOptions{});
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? std::move(*e) : nullptr;
  }();
  return *extractor;
}

// "id label mentions [ambiguous]" of each entity of `type` in `text` (dated `date`).
std::vector<std::string> People(const std::string& text, const std::string& date = "",
                                EntityType type = EntityType::kPerson,
                                const std::string& title = "") {
  Document doc;
  doc.info.id = "t.txt";
  doc.info.title = title;
  doc.info.date = date;
  doc.info.format = "text";
  doc.text = text;
  Result<Extraction> x = Default().Extract(doc);
  EXPECT_TRUE(x.ok());
  std::vector<std::string> out;
  if (!x.ok()) return out;
  for (const Entity& e : x->entities) {
    if (e.type != type) continue;
    std::string s = e.id + " " + e.label + " " + std::to_string(e.mentions);
    if (auto it = e.attributes.find("ambiguous"); it != e.attributes.end()) s += " ambiguous";
    out.push_back(s);
  }
  return out;
}

// A listed person whose list spells the name without its accents ("Sauli Niinisto", as the
// imported dictionaries write names) is the person a document's "Sauli Niinistö" names:
// discovery defers to the listed person and mentions it.
TEST(NameDiscoveryTest, ListedPersonWrittenWithoutAccentsIsMentioned) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "parley_listed_without_accents";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "people.rules") << "entity person:sauli-niinisto\n"
                                         "  label Sauli Niinisto\n"
                                         "  alias/i Sauli Niinisto\n";
  ExtractorOptions options;
  options.rule_paths = {dir.string()};
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  Document doc;
  doc.info.id = "t.txt";
  doc.info.format = "text";
  doc.text = "President Sauli Niinistö of Finland met Prime Minister Magdalena Andersson.";
  Result<Extraction> x = (*extractor)->Extract(doc);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(x.ok());
  size_t mentions = 0;
  for (const Entity& e : x->entities) {
    if (e.id == "person:sauli-niinisto") mentions = e.mentions;
  }
  EXPECT_GE(mentions, 1u);
}

// A person only the imported layer lists, written in another of its spellings, is the person of
// the text's spelling (its id and label) with the listed person's codes; its first spelling stays
// the listed person.
TEST(NameDiscoveryTest, ImportedPersonTakesTheTextsSpelling) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "parley_imported_spelling";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "imported");
  std::ofstream(dir / "imported" / "people.rules")
      << "entity person:tzahi-hanegbi\n"
         "  label Tzahi Hanegbi\n"
         "  alias/i Tzahi Hanegbi, Tzachi Hanegbi\n"
         "  role government of state:israel from 2003-03-01 to 2004-09-30 code ISRGOVMIL\n";
  ExtractorOptions options;
  options.rule_paths = {dir.string()};
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Tzachi Hanegbi met Japan.", "person:tzachi-hanegbi Tzachi Hanegbi ISRGOVMIL"},
      {"Tzahi Hanegbi met Japan.", "person:tzahi-hanegbi Tzahi Hanegbi ISRGOVMIL"}};
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(text);
    Document doc;
    doc.info.id = "t.txt";
    doc.info.format = "text";
    doc.info.date = "2004-01-10";
    doc.text = text;
    Result<Extraction> x = (*extractor)->Extract(doc);
    ASSERT_TRUE(x.ok());
    ASSERT_EQ(x->statements.size(), 1u);
    const Statement& st = x->statements[0];
    EXPECT_EQ(st.subject.id + " " + st.subject.label + " " + st.subject_code, want);
  }
  std::filesystem::remove_all(dir);
}

// The statements of `predicate` ("subject object", or "subject" without an object) that `text`
// of `date` gives with `imported` as the imported layer (DIR/imported/, which replaces the
// defaults' own).
std::vector<std::string> WithImported(const std::string& imported, const std::string& text,
                                      const std::string& date, const std::string& predicate) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "parley_name_discovery_imported";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "imported");
  std::ofstream(dir / "imported" / "layer.rules") << imported;
  ExtractorOptions options;
  options.rule_paths = {dir.string()};
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  std::vector<std::string> out;
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  if (extractor.ok()) {
    Document doc;
    doc.info.id = "t.txt";
    doc.info.format = "text";
    doc.info.date = date;
    doc.text = text;
    Result<Extraction> x = (*extractor)->Extract(doc);
    EXPECT_TRUE(x.ok());
    for (const Statement& st : x.ok() ? x->statements : std::vector<Statement>{}) {
      if (st.predicate == predicate) {
        out.push_back(st.subject.id + (st.object ? " " + st.object->id : ""));
      }
    }
  }
  std::filesystem::remove_all(dir);
  return out;
}

TEST(NameDiscoveryTest, NamesBesideTheImportedLayer) {
  const struct {
    std::string imported, text, date, predicate;
    std::vector<std::string> want;
  } kCases[] = {
      // A document's person whose surname is the first name of a person only the imported
      // layer lists ("Habib Bourguiba") keeps the surname: "Habib" alone is Philip Habib.
      {"entity person:habib-bourguiba\n  label Habib Bourguiba\n  alias/i Habib Bourguiba\n",
       "Philip Habib arrived in Beirut in June. President Reagan met Habib.",
       "1982-06-01",
       "met_with",
       {"person:ronald-reagan person:philip-habib"}},
      // A one-word organisation only the imported layer lists is the given name of a person
      // whose name the shapes read around it ("Dr. Eyal Hulata"); alone, or before a word of
      // another organisation's name, it stays the organisation.
      {"entity organization:eyal\n  label Eyal\n  alias Eyal, EYAL\n",
       "Jake Sullivan met Dr. Eyal Hulata. Eyal met Japan.",
       "2022-05-19",
       "met_with",
       {"person:jake-sullivan person:eyal-hulata", "organization:eyal state:japan"}},
      // A surname written as the document writes the full name ("Niinistö") is the listed
      // person the imported layer spells without accents.
      {"entity person:sauli-niinisto\n  label Sauli Niinisto\n  alias/i Sauli Niinisto\n",
       "Jake Sullivan met President Sauli Niinistö of Finland. Later, Mr. Sullivan and President "
       "Niinistö discussed trade.",
       "2022-05-19",
       "discussed",
       {"person:sauli-niinisto person:jake-sullivan",
        "person:jake-sullivan person:sauli-niinisto"}},
      // An organisation's full name found by shape whose id is that of an organisation only the
      // imported layer lists, by its acronym (the import leaves the full name out when the
      // sector pass reads it), is that organisation.
      {"entity organization:office-of-shire-and-bree\n  label OSB\n  alias OSB\n",
       "The Office of Shire and Bree announced new guidance for the agencies.",
       "2023-01-10",
       "announced",
       {"organization:office-of-shire-and-bree"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(WithImported(c.imported, c.text, c.date, c.predicate), c.want);
  }
}

TEST(NameDiscoveryTest, PeopleAndTheirShortForms) {
  const struct {
    std::string text;
    std::string date;
    std::vector<std::string> people;
  } kCases[] = {
      // Particles and initials stay in the name; the short form is the same person.
      {"President F.W. de Klerk met Nelson Mandela. De Klerk said the talks went well.",
       "",
       {"person:fw-de-klerk F.W. de Klerk 2", "person:nelson-mandela Nelson Mandela 1"}},
      // A family name in capitals first is the listed person.
      {"Prime Minister KISHIDA Fumio arrived.", "", {"person:fumio-kishida Fumio Kishida 1"}},
      {"Foreign Minister Hayashi Yoshimasa met reporters.",
       "",
       {"person:yoshimasa-hayashi Yoshimasa Hayashi 1"}},
      // A transliteration variant is the listed person.
      {"Defense Minister Shoygu visited the front. Shoygu said nothing.",
       "",
       {"person:sergei-shoigu Sergei Shoigu 2"}},
      // A surname after the full name is that person, not another the lists give it to.
      {"Kim Jong Un met Moon Jae-in. Chairman Kim said the talks were good.",
       "",
       {"person:kim-jong-un Kim Jong Un 2", "person:moon-jae-in Moon Jae-in 1"}},
      {"Theodore Roosevelt mediated the war. Roosevelt won the Nobel Prize.",
       "",
       {"person:theodore-roosevelt Theodore Roosevelt 2"}},
      {"Ambassador Ellsworth Bunker led the talks. Later, Bunker and Linowitz agreed.",
       "",
       {"person:ellsworth-bunker Ellsworth Bunker 2"}},
      // A surname alone joins a listed person only when the office and the date agree;
      // otherwise it names no entity: a node "Johnson" would join every Johnson of the store.
      {"President Johnson signed the bill.",
       "1965-03-01",
       {"person:lyndon-b-johnson Lyndon B. Johnson 1"}},
      {"Ambassador Johnson signed the bill.", "1965-03-01", {}},
      // After the title of a head of state or government, a surname no list knows is a person
      // of that office; after another title, or as the first part of a hyphenated name, not.
      {"Vice President Harris met with President Hichilema today. President Hichilema thanked "
       "her.",
       "2021-09-22",
       {"person:hichilema Hichilema 2", "person:kamala-harris Kamala Harris 1"}},
      {"Ambassador Hichilema met the Vice President.", "2021-09-22", {}},
      // A list's line: a given name and a surname before a comma and a title; a heading line
      // without them gives none.
      {"Participants included:\n\nMary Kane, President & CEO, Maryland Chamber of Commerce\n\n"
       "Bradley Jackson, President and CEO, Tennessee Chamber of Commerce\n\nErica Ford, Life "
       "Camp, Inc.\n",
       "2023-07-28",
       {"person:bradley-jackson Bradley Jackson 1", "person:mary-kane Mary Kane 1"}},
      // A listed person's surname after another given name, after a title none of their offices
      // fits or with a middle initial, is another person ("Governor Henry McMaster" is no H. R.
      // McMaster, "Shaun R. Harper" no Stephen Harper), even where a country of theirs is named.
      {"The United States thanks Governor Henry McMaster of South Carolina.",
       "2022-09-28",
       {"person:henry-mcmaster Henry McMaster 1"}},
      {"Canada and the United States welcome Shaun R. Harper, the scholar.",
       "2022-09-28",
       {"person:shaun-harper Shaun R. Harper 1"}},
      {"President Biden met President El-Sisi in Egypt.",
       "2022-11-11",
       {"person:abdel-fattah-el-sisi Abdel Fattah el-Sisi 1", "person:joe-biden Joe Biden 1"}},
      // A surname after a title the document's full name never held, but a listed person with
      // that surname did, is the listed person, with or without the title.
      {"President Kennedy issued a warning. Kennedy sent a letter. Attorney General Robert "
       "Kennedy met Dobrynin.",
       "",
       {"person:john-f-kennedy John F. Kennedy 2", "person:robert-kennedy Robert Kennedy 1"}},
      {"Mr. Dobrynin met the President.", "1962-10-01", {}},
      // One name after a regnal title is a name in full, and the name alone is that person.
      {"The President met King Hussein in Washington. Later, Hussein said the talks went well.",
       "1994-10-01",
       {"person:king-hussein King Hussein 2"}},
      {"The crowd cheered when King Soopers opened a store.", "", {}},
      // A capitalised particle before the surname is part of the surname alias: "Van Nostrand",
      // not "Nostrand".
      {"Eric Van Nostrand, Acting Assistant Secretary, spoke. Later, Van Nostrand and Nostrand "
       "Avenue were named.",
       "",
       {"person:eric-van-nostrand Eric Van Nostrand 2"}},
      // The surname alone of a name ending with a generational suffix is the word before it:
      // "Mayor Davis" is Hardie Davis Jr., and "Jr." alone is no name of his.
      {"Mayor Hardie Davis Jr. spoke. Later, Mayor Davis thanked the President.",
       "",
       {"person:hardie-davis-jr Hardie Davis Jr. 2"}},
      {"Mayor Hardie Davis Jr. spoke. Jr. was there.",
       "",
       {"person:hardie-davis-jr Hardie Davis Jr. 1"}},
      {"King Abdullah II met the President. Later, Abdullah II left.",
       "",
       {"person:king-abdullah-ii Abdullah II 2"}},
      // A military rank is a title, not part of the name.
      {"In 1890, Captain Alfred Thayer Mahan published a book. Mahan argued for a navy.",
       "",
       {"person:alfred-thayer-mahan Alfred Thayer Mahan 2"}},
      // A person's id leaves out initials: every document's Avril (D.) Haines is one node.
      {"Director Avril D. Haines spoke. Haines left.",
       "",
       {"person:avril-haines Avril D. Haines 2"}},
      {"President F.W. de Klerk met Governor J.B. Pritzker.",
       "",
       {"person:fw-de-klerk F.W. de Klerk 1", "person:jb-pritzker J.B. Pritzker 1"}},
      // A listed person's given name before a surname starts another person's name.
      {"Egyptian President Anwar Sadat went to Jerusalem. Sadat spoke.",
       "1977-11-20",
       {"person:anwar-sadat Anwar Sadat 2"}},
      // Without a title too: "Lincoln" of Abraham Lincoln before a surname is another person,
      // and the surname alone later is that person.
      {"The mission included journalist Lincoln Steffens and an officer. Later, Bullitt and "
       "Steffens left for Moscow.",
       "1919-03-06",
       {"person:lincoln-steffens Lincoln Steffens 2"}},
      // A surname joined to its particle by a hyphen is the surname alone too.
      {"Syrian President Hafiz al-Asad rejected the plan. Later, Asad met the envoy.",
       "",
       {"person:hafez-al-assad Hafez al-Assad 2"}},
      {"Prime Minister Mohammed Shia al-Sudani met Sullivan. Sudani welcomed the support.",
       "2023-09-21",
       {"person:jake-sullivan Jake Sullivan 1",
        "person:mohammed-shia-al-sudani Mohammed Shia al-Sudani 2"}},
      // A surname shared with a listed person is the person the document names in full, not
      // the one the lists give it to; without the full name it stays the lists' person.
      {"President Hafez al-Assad met James Baker. Assad rejected the plan.",
       "1991-10-01",
       {"person:hafez-al-assad Hafez al-Assad 2", "person:james-baker James Baker 1"}},
      {"Bashar al-Assad succeeded his father Hafez al-Assad. Assad met Putin.",
       "2015-05-25",
       {"person:bashar-al-assad Bashar al-Assad 2", "person:hafez-al-assad Hafez al-Assad 1",
        "person:vladimir-putin Vladimir Putin 1"}},
      {"Assad met Putin in Moscow.",
       "2015-05-25",
       {"person:bashar-al-assad Bashar al-Assad 1", "person:vladimir-putin Vladimir Putin 1"}},
      // Without a title a name needs a given name, and a heading gives none.
      {"Adam Hodge Welcoming the Accord\n\nThe talks went on, and Adam Hodge spoke. Then he and "
       "Hodge "
       "left.",
       "",
       {"person:adam-hodge Adam Hodge 3"}},
      {"Statement by Adam Hodge about the talks\n\nThe talks went on, and then Hodge left.",
       "",
       {}},
      {"The plan would Extend Medicare for all. It funds African Studies. Medicare pays and "
       "Studies grow.",
       "",
       {}},
      // No person from a title or a common word alone.
      {"The President received the Ambassador Extraordinary and Plenipotentiary, the County "
       "Secretary and General Counsel.",
       "",
       {}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(People(c.text, c.date), c.people);
  }
}

// The first words of a longer name of the document at the end of its title, which the corpus
// may cut inside a word or between words, are that person, never a person of their own; a name
// that the longer one only adds a generational suffix to stays another person.
TEST(NameDiscoveryTest, NameCutAtTheEndOfTheTitleIsTheLongerName) {
  const std::string body =
      "The Vice President met President Arturo Quintanilla Vélez of Peru today. Later, Vélez "
      "thanked her.";
  const struct {
    std::string title;
    std::string text;
    std::vector<std::string> people;
  } kCases[] = {
      {"Readout of the Vice President’s Meeting with President Arturo Quintanilla Vé",
       body,
       {"person:arturo-quintanilla-velez Arturo Quintanilla Vélez 3"}},
      {"Readout of the Vice President’s Meeting with President Arturo Quintanilla",
       body,
       {"person:arturo-quintanilla-velez Arturo Quintanilla Vélez 3"}},
      {"Statement on the Passing of Mayor Tobias Wrenfield",
       "Mayor Tobias Wrenfield Jr. spoke of his father today.",
       {"person:tobias-wrenfield Tobias Wrenfield 1",
        "person:tobias-wrenfield-jr Tobias Wrenfield Jr. 1"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.title);
    EXPECT_EQ(People(c.text, "2024-01-10", EntityType::kPerson, c.title), c.people);
  }
}

TEST(NameDiscoveryTest, OrganisationsAgreementsAndEventsByShape) {
  // The acronym in parentheses is a mention of its own, and an alias from then on.
  EXPECT_EQ(People("The Japan Bank for International Cooperation (JBIC) will lend. JBIC said so.",
                   "", EntityType::kOrganization),
            std::vector<std::string>{"organization:japan-bank-for-international-cooperation "
                                     "Japan Bank for International Cooperation 3"});
  // The state inside the name is still mentioned.
  EXPECT_EQ(
      People("The Japan Bank for International Cooperation will lend.", "", EntityType::kState),
      std::vector<std::string>{"state:japan Japan 1"});
  EXPECT_EQ(People("Arafat signed the Hebron Protocol and the Wye River Memorandum.", "",
                   EntityType::kAgreement),
            (std::vector<std::string>{"agreement:hebron-protocol Hebron Protocol 1",
                                      "agreement:wye-river-memorandum Wye River Memorandum 1"}));
  EXPECT_EQ(People("The High-Level Economic Dialogue (HLED) resumed.", "", EntityType::kEvent),
            std::vector<std::string>{
                "event:high-level-economic-dialogue High-Level Economic Dialogue 2"});
}

// Every person entity of the test corpus (readouts, essays, a bench sample) looks like a name:
// never one title, honorific or common word of the rules' lists alone, never a single letter.
TEST(NameDiscoveryTest, NoPersonIsATitleOrCommonWordAlone) {
  std::vector<RuleDiagnostic> diagnostics;
  std::shared_ptr<const RuleSet> rules = RuleSet::Compile(DefaultRuleSources(), &diagnostics);
  ASSERT_NE(rules, nullptr);
  const internal::NameVocabulary& v = rules->compiled().names;
  const std::filesystem::path corpus = std::filesystem::path(PARLEY_TEST_DATA_DIR) / "corpus";
  Result<std::unique_ptr<DocumentReader>> reader =
      DocumentReader::Open({(corpus / "wh-readouts").string(), (corpus / "milestones").string(),
                            (corpus / "bench" / "wh-statements-sample.jsonl.zst").string()},
                           ReaderOptions{});
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  std::map<std::string, std::string> people;  // id -> label
  size_t documents = 0;
  while (true) {
    Result<std::optional<Document>> next = (*reader)->Next();
    ASSERT_TRUE(next.ok()) << next.status().message();
    if (!next->has_value()) break;
    ++documents;
    Result<Extraction> x = Default().Extract(**next);
    ASSERT_TRUE(x.ok());
    for (const Entity& e : x->entities) {
      if (e.type == EntityType::kPerson) people[e.id] = e.label;
    }
  }
  EXPECT_GT(documents, 200u);
  EXPECT_GT(people.size(), 300u);
  for (const std::string title : {"President", "Extraordinary", "County", "Secretary", "General",
                                  "Dr", "Counselor", "Speaker", "Counsel", "Officer"}) {
    EXPECT_EQ(people.count(MakeEntityId(EntityType::kPerson, title)), 0u) << title;
  }
  for (const auto& [id, label] : people) {
    SCOPED_TRACE(id);
    EXPECT_GE(label.size(), 2u);
    if (label.find(' ') != std::string::npos) continue;
    const std::string lower = AsciiLower(label);
    EXPECT_FALSE(v.titles.ContainsWord(v.Id(lower))) << label;
    EXPECT_FALSE(v.stopwords.ContainsWord(v.Id(lower))) << label;
  }
}

}  // namespace
}  // namespace parley
