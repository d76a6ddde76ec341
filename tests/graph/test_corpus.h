// A small hand-made store for the query, entity card and timeline tests: invented people and
// states, statements with the qualifiers analysts filter on.
#ifndef PARLEY_TESTS_GRAPH_TEST_CORPUS_H_
#define PARLEY_TESTS_GRAPH_TEST_CORPUS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/store.h"

namespace parley::testing {

inline EntityRef PersonRef(const std::string& label) {
  return EntityRef{MakeEntityId(EntityType::kPerson, label), label, EntityType::kPerson};
}
inline EntityRef StateRef(const std::string& label) {
  return EntityRef{MakeEntityId(EntityType::kState, label), label, EntityType::kState};
}
inline TimeValue Day(const std::string& d) { return TimeValue{d, d, d}; }

struct Claim {
  EntityRef subject;
  std::string predicate;
  std::optional<EntityRef> object;
  std::optional<std::string> text;
  std::optional<EntityRef> recipient;
  std::optional<TimeValue> time;
  Modality modality = Modality::kAsserted;
};

// A document whose sentences are the claims, one each.
inline DocumentRecord MakeDocument(const std::string& id, const std::string& date,
                                   const std::vector<Claim>& claims,
                                   const std::vector<Entity>& entities) {
  DocumentRecord r;
  r.document.info.id = id;
  r.document.info.date = date;
  r.rules_fingerprint = "test-rules";
  r.entities = entities;
  for (const Claim& c : claims) {
    Statement s;
    s.subject = c.subject;
    s.predicate = c.predicate;
    s.object = c.object;
    s.text = c.text;
    s.recipient = c.recipient;
    s.time = c.time;
    s.modality = c.modality;
    s.doc = id;
    std::string sentence = c.subject.label + " " + c.predicate + " " +
                           (c.object ? c.object->label : "\"" + c.text.value_or("") + "\"") + ".";
    if (!r.document.text.empty()) r.document.text += " ";
    s.span.begin = r.document.text.size();
    r.document.text += sentence;
    s.span.end = r.document.text.size();
    s.byte_span = s.span;
    s.sentence = sentence;
    s.sentence_index = r.sentence_count++;
    s.rule = "test." + c.predicate;
    s.doc_date = date;
    r.statements.push_back(s);
  }
  return r;
}

inline Entity MakeEntity(const EntityRef& ref, std::vector<std::string> aliases) {
  Entity e;
  e.id = ref.id;
  e.label = ref.label;
  e.type = ref.type;
  e.aliases = std::move(aliases);
  e.mentions = 1;
  return e;
}

// Ada Alpha and Dee Alpha share the alias "Alpha"; "Gamma" is Cy Gamma's alias.
inline std::unique_ptr<Store> MakeTestStore() {
  auto store = NewMemoryStore();
  EntityRef ada = PersonRef("Ada Alpha"), bo = PersonRef("Bo Beta"), cy = PersonRef("Cy Gamma"),
            dee = PersonRef("Dee Alpha"), borduria = StateRef("Borduria"),
            syldavia = StateRef("Syldavia");
  std::vector<Entity> entities = {MakeEntity(ada, {"Alpha"}), MakeEntity(bo, {"Beta"}),
                                  MakeEntity(cy, {"Gamma"}),  MakeEntity(dee, {"Alpha"}),
                                  MakeEntity(borduria, {}),   MakeEntity(syldavia, {})};
  std::vector<DocumentRecord> docs = {
      MakeDocument("news/one.txt", "2019-01-25",
                   {
                       {ada, "proposed", std::nullopt, "joint talks", syldavia, Day("2019-01-22")},
                       {ada, "holds_office", borduria, std::nullopt, std::nullopt,
                        TimeValue{"2018", "2018-01-01", "2018-12-31"}},
                       {bo, "holds_office", syldavia, std::nullopt, std::nullopt, std::nullopt},
                   },
                   entities),
      MakeDocument("news/two.txt", "2019-03-10",
                   {
                       {bo, "offered", std::nullopt, "=a ceasefire", borduria,
                        TimeValue{"2019-03", "2019-03-01", "2019-03-31"}},
                       {cy, "met", ada, std::nullopt, std::nullopt, Day("2019-02-01")},
                       {bo, "met", cy, std::nullopt, std::nullopt,
                        TimeValue{"2018-12", "2018-12-01", "2018-12-31"}, Modality::kReported},
                       {dee, "proposed", syldavia, std::nullopt, std::nullopt, std::nullopt,
                        Modality::kHedged},
                   },
                   entities),
  };
  for (const auto& d : docs) {
    auto outcome = store->Put(d);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
  }
  return store;
}

}  // namespace parley::testing

#endif  // PARLEY_TESTS_GRAPH_TEST_CORPUS_H_
