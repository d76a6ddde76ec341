#include "graph/person_merge.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace parley {
namespace {

struct NameCase {
  const char* a;
  const char* b;
  NameEvidence want;
};

TEST(CompareNamesTest, Table) {
  const NameCase cases[] = {
      {"Avril D. Haines", "Avril Haines", NameEvidence::kSame},
      {"Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador", NameEvidence::kSame},
      {"Adena Williams Loston", "Adena Loston", NameEvidence::kForm},
      {"Jim Risch", "James Risch", NameEvidence::kShortForm},
      {"Phil Gordon", "Philip Gordon", NameEvidence::kShortForm},  // or Phillip
      {"Katy Hobbs", "Katie Hobbs", NameEvidence::kSpelling},
      {"Philip Davis", "Phillip Davis", NameEvidence::kSpelling},
      {"Jaqueline Van Ovost", "Jacqueline Van Ovost", NameEvidence::kSpelling},
      {"Kirsten Sinema", "Krysten Sinema", NameEvidence::kSpelling},
      {"Chris Dodd", "Christopher Dodd", NameEvidence::kSpelling},
      {"Mandy Cohen", "Samantha Cohen", NameEvidence::kSpelling},  // Amanda or Samantha
      {"Alejandro Giammattei", "Alejandro Giammattei Falla", NameEvidence::kSpelling},
      {"Xochitl Torres", "Xochitl Torres-Small", NameEvidence::kSpelling},
      {"Akiba Takeo", "Takeo Akiba", NameEvidence::kSpelling},
      {"Barham Salih", "Barham Saleh", NameEvidence::kSpelling},
      {"Sergei Shoigu", "Sergei Shoygu", NameEvidence::kSpelling},
      {"Joe Biden", "Joe Bidden Smith", NameEvidence::kNone},
      {"Irfaan Ali", "Mohamed Irfaan Ali", NameEvidence::kSpelling},
      {"Lujan Grisham", "Michelle Lujan Grisham", NameEvidence::kSpelling},
      {"John Adams", "John Quincy Adams", NameEvidence::kForm},
      {"Abdulaziz Al-Saud", "Salman bin Abdulaziz Al Saud", NameEvidence::kNone},
      {"Robert F. Kennedy", "Robert F. Kennedy Jr.", NameEvidence::kSpelling},
      {"John Smith", "Joan Smith", NameEvidence::kSpelling},  // context decides
      {"Jon Smith", "Jan Smith", NameEvidence::kNone},        // under four letters
      {"Kim Jong Un", "Kim Jong Il", NameEvidence::kNone},
      {"Vicki Risch", "Jim Risch", NameEvidence::kNone},
      {"Mark Kelly", "Mike Kelly", NameEvidence::kNone},
      {"Risch", "Jim Risch", NameEvidence::kSpelling},  // a surname alone: context decides
      {"Hichilema", "Hakainde Hichilema", NameEvidence::kSpelling},
      {"Kadhimi", "Al-Kadhimi", NameEvidence::kSpelling},
      {"H. R. McMaster", "Henry McMaster", NameEvidence::kNone},  // initials, not a surname alone
      {"Hichilema", "Hichilema Hakainde", NameEvidence::kNone},
      {"Napoleon", "Napoleon", NameEvidence::kSame},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " / " + c.b);
    EXPECT_EQ(CompareNames(c.a, c.b), c.want);
    EXPECT_EQ(CompareNames(c.b, c.a), c.want);
  }
}

Entity Person(const std::string& label, const std::string& title = "",
              const std::string& office = "", const std::string& country = "") {
  Entity e;
  e.id = MakeEntityId(EntityType::kPerson, label);
  e.label = label;
  e.type = EntityType::kPerson;
  e.attributes["discovered_by"] = "name-shape";
  if (!title.empty()) e.attributes["title"] = title;
  if (!office.empty()) e.roles.push_back(Role{.office = office, .country = country});
  e.mentions = 1;
  return e;
}

// A record of one document whose one statement has `person` as its subject.
DocumentRecord Record(const std::string& doc, const Entity& person) {
  DocumentRecord r;
  r.document.info.id = doc;
  r.document.text = person.label + " spoke.";
  r.rules_fingerprint = "test";
  r.sentence_count = 1;
  r.entities.push_back(person);
  Statement s;
  s.doc = doc;
  s.subject = EntityRef{person.id, person.label, EntityType::kPerson};
  s.predicate = "said";
  s.text = "spoke";
  s.sentence = r.document.text;
  s.span = {0, r.document.text.size()};
  s.byte_span = s.span;
  s.rule = "test";
  s.id = MakeStatementId(s);
  r.statements.push_back(s);
  return r;
}

struct MergeCase {
  const char* name;
  std::vector<Entity> stored;  // one document each, stored in order
  Entity incoming;
  std::string want_id;         // the id the incoming person gets
  std::string want_ambiguous;  // its `ambiguous` attribute, "" for none
};

TEST(PersonMergerTest, Table) {
  const MergeCase cases[] = {
      {"short form",
       {Person("Jim Risch", "senator")},
       Person("James Risch", "the honorable"),
       "person:jim-risch",
       ""},
      {"spelling with an office in common",
       {Person("Katy Hobbs", "governor")},
       Person("Katie Hobbs", "governor"),
       "person:katy-hobbs",
       ""},
      {"spelling without context stays apart",
       {Person("Katy Hobbs", "governor")},
       Person("Katie Hobbs"),
       "person:katie-hobbs",
       ""},
      {"a second surname with an office word in common",
       {Person("Xochitl Torres", "secretary of agriculture")},
       Person("Xochitl Torres-Small", "deputy secretary"),
       "person:xochitl-torres",
       ""},
      {"a middle name",
       {Person("Adena Loston", "dr")},
       Person("Adena Williams Loston"),
       "person:adena-loston",
       ""},
      {"countries that conflict",
       {Person("Jim Risch", "senator", "senator", "state:canada")},
       Person("James Risch", "senator", "senator", "state:united-states"),
       "person:james-risch",
       ""},
      {"a short form whose offices differ",
       {Person("Robert Menendez", "senator", "senator")},
       Person("Rob Menendez", "congressman"),
       "person:rob-menendez",
       ""},
      {"two fit, context picks one",
       {Person("Philip Gordon", "the honorable", "vice president"), Person("Phillip Gordon", "mr")},
       Person("Phil Gordon", "vice president"),
       "person:philip-gordon",
       ""},
      {"two fit, none picked: ambiguous",
       {Person("George H. W. Bush"), Person("George W. Bush")},
       Person("George Bush"),
       "person:george-bush",
       "person:george-h-w-bush,person:george-w-bush"},
      {"a surname alone with the office of a full name",
       {Person("Hakainde Hichilema", "president")},
       Person("Hichilema", "president"),
       "person:hakainde-hichilema",
       ""},
      {"a full name with the office of a surname alone stored before it",
       {Person("Hichilema", "president")},
       Person("Hakainde Hichilema", "president"),
       "person:hichilema",
       ""},
      {"a surname alone with another office",
       {Person("Jim Risch", "senator")},
       Person("Risch", "president"),
       "person:risch",
       ""},
      {"another given name",
       {Person("Vicki Risch", "mrs")},
       Person("Jim Risch", "senator"),
       "person:jim-risch",
       ""},
  };
  for (const MergeCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::unique_ptr<Store> store = NewMemoryStore();
    for (size_t i = 0; i < c.stored.size(); ++i) {
      auto put = store->Put(Record("stored-" + std::to_string(i), c.stored[i]));
      ASSERT_TRUE(put.ok()) << put.status().message();
    }
    auto merger = PersonMerger::Load(*store);
    ASSERT_TRUE(merger.ok()) << merger.status().message();
    DocumentRecord record = Record("new", c.incoming);
    merger->Resolve(&record);
    EXPECT_EQ(record.entities[0].id, c.want_id);
    EXPECT_EQ(record.statements[0].subject.id, c.want_id);
    EXPECT_EQ(record.statements[0].subject.label, c.incoming.label);
    EXPECT_EQ(record.statements[0].id, MakeStatementId(record.statements[0]));
    auto ambiguous = record.entities[0].attributes.find("ambiguous");
    EXPECT_EQ(ambiguous == record.entities[0].attributes.end() ? "" : ambiguous->second,
              c.want_ambiguous);
  }
}

TEST(PersonMergerTest, ListedPeopleAndStoredIdsKeepTheirIds) {
  std::unique_ptr<Store> store = NewMemoryStore();
  ASSERT_TRUE(store->Put(Record("a", Person("Jim Risch", "senator"))).ok());
  ASSERT_TRUE(store->Put(Record("b", Person("James Risch", "senator"))).ok());
  auto merger = PersonMerger::Load(*store);
  ASSERT_TRUE(merger.ok());
  // Stored under its own id before: it keeps it (re-ingesting gives the same ids).
  DocumentRecord again = Record("c", Person("James Risch", "senator"));
  merger->Resolve(&again);
  EXPECT_EQ(again.entities[0].id, "person:james-risch");
  // A listed person (no discovered_by) is never re-identified.
  Entity listed = Person("Jimmy Risch", "senator");
  listed.attributes.clear();
  DocumentRecord record = Record("d", listed);
  merger->Resolve(&record);
  EXPECT_EQ(record.entities[0].id, "person:jimmy-risch");
}

TEST(PersonMergerTest, SpellingsOfOneDocumentJoin) {
  std::unique_ptr<Store> store = NewMemoryStore();
  auto merger = PersonMerger::Load(*store);
  ASSERT_TRUE(merger.ok());
  DocumentRecord record = Record("a", Person("Ray Odierno", "general"));
  record.entities.push_back(Person("Raymond Odierno", "general"));
  merger->Resolve(&record);
  EXPECT_EQ(record.entities[0].id, "person:ray-odierno");
  EXPECT_EQ(record.entities[1].id, "person:ray-odierno");
}

TEST(PersonMergerTest, RecordsResolvedEarlierCountWithoutBeingStored) {
  std::unique_ptr<Store> store = NewMemoryStore();
  auto merger = PersonMerger::Load(*store);
  ASSERT_TRUE(merger.ok());
  DocumentRecord first = Record("a", Person("Jim Risch", "senator"));
  merger->Resolve(&first);
  DocumentRecord second = Record("b", Person("James Risch"));
  merger->Resolve(&second);
  EXPECT_EQ(second.entities[0].id, "person:jim-risch");
}

}  // namespace
}  // namespace parley
