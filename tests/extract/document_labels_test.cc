// DocumentLabels (extract/document_labels.h): in a document, an entity only the imported layer
// defines takes the text's spelling as its label (accents, capitals, a longer name of the
// person where a sentence names a country of its roles), its id unchanged; a longer name that
// is another person's is that person, found by shape; hand-written entities keep theirs.
#include "extract/document_labels.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace parley {
namespace {

struct LabelCase {
  std::string text;
  std::string id;
  std::string label;                 // the entity's label in the document's entity list
  std::vector<std::string> aliases;  // its aliases there
  std::string absent;                // an id the entity list must not hold
};

// The built-in rules with `imported` as the imported layer (and `hand_written` beside it), in
// a fresh directory `name` under the test's temporary directory.
std::unique_ptr<Extractor> ExtractorWith(const std::string& name, const std::string& imported,
                                         const std::string& hand_written = "") {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "imported");
  std::ofstream(dir / "imported" / "layer.rules") << imported;
  if (!hand_written.empty()) std::ofstream(dir / "people.rules") << hand_written;
  ExtractorOptions options;
  options.rule_paths = {dir.string()};
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  return extractor.ok() ? std::move(*extractor) : nullptr;
}

// The extraction of `text` as a document of 2022-05-01.
Extraction ExtractText(Extractor& extractor, const std::string& text) {
  Document doc;
  doc.info.id = "t.txt";
  doc.info.format = "text";
  doc.info.date = "2022-05-01";
  doc.text = text;
  Result<Extraction> x = extractor.Extract(doc);
  EXPECT_TRUE(x.ok());
  return x.ok() ? std::move(*x) : Extraction{};
}

TEST(DocumentLabelsTest, ImportedEntitiesTakeTheTextsSpelling) {
  const std::unique_ptr<Extractor> extractor = ExtractorWith(
      "parley_document_labels",
      "entity person:sauli-niinisto\n"
      "  label Sauli Niinisto\n"
      "  alias/i Sauli Niinisto\n"
      "  role government of state:finland from 2012-03-01 code FINGOV\n"
      "entity person:samia-suluhu\n"
      "  label Samia Suluhu\n"
      "  alias/i Samia Suluhu\n"
      "  role government of state:tanzania from 2011-01-01 code TZAGOV\n"
      "entity person:kate-ellis\n"
      "  label Kate Ellis\n"
      "  alias/i Kate Ellis\n"
      "  role government of state:australia from 2008-01-01 to 2010-03-31 code AUSGOV\n"
      "entity person:nana-akufu-addo\n"
      "  label Nana Akufu Addo\n"
      "  alias/i Nana Akufu Addo, Nana Akufo Addo\n"
      "  role government of state:ghana from 2003-01-01 code GHAGOV\n"
      "entity person:juan-carlos-i\n"
      "  label Juan Carlos I\n"
      "  alias/i Juan Carlos I, Juan Carlos\n"
      "  role government of state:spain from 1975-11-22 code ESPGOV\n"
      "entity person:robert-f-kennedy\n"
      "  label Robert F. Kennedy\n"
      "  alias/i Robert F. Kennedy\n"
      "  role government of state:united-states from 1961-01-20 code USAGOV\n"
      "entity person:jose-ramos-horta\n"
      "  label Jose Ramos Horta\n"
      "  alias/i Jose Ramos Horta\n"
      "entity organization:ymca\n"
      "  label Ymca\n"
      "  alias Ymca, YMCA\n",
      "entity person:fumio-kishida\n"
      "  label Fumio Kishida\n"
      "  alias Fumio Kishida, FUMIO KISHIDA\n");
  ASSERT_NE(extractor, nullptr);
  const std::vector<LabelCase> cases = {
      {"President Sauli Niinistö met Japan on Monday.",
       "person:sauli-niinisto",
       "Sauli Niinistö",
       {"Sauli Niinisto"}},
      // The most frequent spelling of the document.
      {"Sauli Niinisto met Japan. Sauli Niinistö met China. Sauli Niinisto met India.",
       "person:sauli-niinisto",
       "Sauli Niinisto",
       {}},
      {"President Samia Suluhu Hassan of Tanzania met Japan.",
       "person:samia-suluhu",
       "Samia Suluhu Hassan",
       {"Samia Suluhu"}},
      // A later sentence names a country of her roles: the longer name is hers in all.
      {"President Samia Suluhu Hassan met Japan. Samia Suluhu Hassan of Tanzania met China.",
       "person:samia-suluhu",
       "Samia Suluhu Hassan",
       {"Samia Suluhu"}},
      // No country of her roles: the longer name is someone else's, a person by shape.
      {"President Samia Suluhu Hassan met Japan.",
       "person:samia-suluhu-hassan",
       "Samia Suluhu Hassan",
       {},
       "person:samia-suluhu"},
      {"GLAAD President Sarah Kate Ellis met Japan. Ellis met China.",
       "person:sarah-kate-ellis",
       "Sarah Kate Ellis",
       {"Ellis"},
       "person:kate-ellis"},
      // A surname after a name of given names only is another person's, country or not.
      {"Juan Carlos Iturregui, of Spain, met Japan.",
       "person:juan-carlos-iturregui",
       "Juan Carlos Iturregui",
       {"Iturregui"},
       "person:juan-carlos-i"},
      // A word before "of" and another name's word names an award, no person.
      {"The United States gave Parekh the Robert F. Kennedy Ripple of Hope Award.",
       "person:robert-f-kennedy",
       "Robert F. Kennedy",
       {}},
      // Another of the person's names, its last words as the text writes them (a misspelt
      // label: Phoenix's "Akufu").
      {"President Nana Akufo-Addo of Ghana met Japan. President Akufo-Addo spoke.",
       "person:nana-akufu-addo",
       "Nana Akufo-Addo",
       {"Nana Akufo Addo", "Nana Akufu Addo"}},
      // Accents and a hyphen: as written.
      {"President José Ramos-Horta met Japan.",
       "person:jose-ramos-horta",
       "José Ramos-Horta",
       {"Jose Ramos Horta"}},
      {"The YMCA met Japan.", "organization:ymca", "YMCA", {"Ymca"}},
      // A hand-written entity keeps its label.
      {"FUMIO KISHIDA met Japan.", "person:fumio-kishida", "Fumio Kishida", {"FUMIO KISHIDA"}},
  };
  for (const LabelCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Extraction x = ExtractText(*extractor, c.text);
    bool found = false;
    for (const Entity& e : x.entities) {
      EXPECT_NE(e.id, c.absent);
      if (e.id != c.id) continue;
      found = true;
      EXPECT_EQ(e.label, c.label);
      EXPECT_EQ(e.aliases, c.aliases);
    }
    EXPECT_TRUE(found);
    // The statements refer to it by the same label.
    for (const Statement& st : x.statements) {
      if (st.subject.id == c.id) {
        EXPECT_EQ(st.subject.label, c.label);
      }
    }
  }
}

TEST(DocumentLabelsTest, PeopleOfCommonNamesAreNamesakesWhereNoCountryOfTheirRolesIsNamed) {
  const std::unique_ptr<Extractor> extractor =
      ExtractorWith("parley_document_namesakes",
                    "entity person:michael-smith\n"
                    "  label Michael Smith\n"
                    "  alias/i Michael Smith\n"
                    "  role government of state:ireland from 2008-03-01 code IRLGOV\n"
                    "entity person:sauli-niinisto\n"
                    "  label Sauli Niinisto\n"
                    "  alias/i Sauli Niinisto\n"
                    "  role government of state:finland from 2012-03-01 code FINGOV\n");
  ASSERT_NE(extractor, nullptr);
  struct RolesCase {
    std::string text;
    std::string id;
    size_t roles;  // the roles of the entity in the document's entity list
  };
  const std::vector<RolesCase> cases = {
      // A name of given names only, no country of its roles: someone else of that name.
      {"Michael Smith, CEO of AmeriCorps, met Japan. Smith spoke.", "person:michael-smith", 0},
      {"Michael Smith of Ireland met Japan.", "person:michael-smith", 1},
      // A name no given names make stays the listed person's.
      {"Sauli Niinisto met Japan.", "person:sauli-niinisto", 1},
  };
  for (const RolesCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Extraction x = ExtractText(*extractor, c.text);
    bool found = false;
    for (const Entity& e : x.entities) {
      if (e.id != c.id) continue;
      found = true;
      EXPECT_EQ(e.roles.size(), c.roles);
      EXPECT_EQ(e.mentions, c.text.find("Smith spoke") != std::string::npos ? 2u : 1u);
    }
    EXPECT_TRUE(found);
  }
}

// A listed person's surname alone after another given name, where the document names no
// country of the person's roles, is another person, and so is the surname alone after it.
TEST(DocumentLabelsTest, SurnameAfterAnotherGivenNameIsAnotherPerson) {
  const std::unique_ptr<Extractor> extractor =
      ExtractorWith("parley_document_surnames", "",
                    "entity person:stephen-harper\n"
                    "  label Stephen Harper\n"
                    "  alias Stephen Harper, Harper\n"
                    "  role prime minister of state:canada from 2006-02-06 to 2015-11-04\n");
  ASSERT_NE(extractor, nullptr);
  struct SurnameCase {
    std::string text;
    std::string id;  // holds every mention of "Harper"
    size_t mentions;
    std::string absent;  // an id the entity list must not hold
  };
  const std::vector<SurnameCase> cases = {
      {"Todd Harper, Nominee for Chairman of the National Credit Union Administration, spoke. "
       "Mr. Harper joined the NCUA Board in April 2019.",
       "person:todd-harper", 2, "person:stephen-harper"},
      // An office's title before the surname alone: the listed person, whose office it is.
      {"Todd Harper, Nominee for Chairman of the NCUA, spoke. Prime Minister Harper left.",
       "person:stephen-harper", 1, ""},
      // The person's own given name, or a document naming a country of the roles: the person.
      {"Stephen Harper met Japan. Harper spoke.", "person:stephen-harper", 2, "person:todd-harper"},
      {"Todd Harper met officials of Canada. Harper spoke.", "person:stephen-harper", 2,
       "person:todd-harper"},
  };
  for (const SurnameCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Extraction x = ExtractText(*extractor, c.text);
    bool found = false;
    for (const Entity& e : x.entities) {
      if (!c.absent.empty()) {
        EXPECT_NE(e.id, c.absent);
      }
      if (e.id != c.id) continue;
      found = true;
      EXPECT_EQ(e.mentions, c.mentions);
    }
    EXPECT_TRUE(found);
  }
}

}  // namespace
}  // namespace parley
