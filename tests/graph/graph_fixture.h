// Small builders for graph tests: entities and statements with only the fields graph/ reads.
#ifndef PARLEY_TESTS_GRAPH_GRAPH_FIXTURE_H_
#define PARLEY_TESTS_GRAPH_GRAPH_FIXTURE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/types.h"
#include "graph/export.h"
#include "graph/graph_view.h"

namespace parley::testing {

inline EntityRef Ref(EntityType type, const std::string& label) {
  return EntityRef{MakeEntityId(type, label), label, type};
}
inline EntityRef Person(const std::string& label) { return Ref(EntityType::kPerson, label); }
inline EntityRef State(const std::string& label) { return Ref(EntityType::kState, label); }
inline EntityRef Org(const std::string& label) { return Ref(EntityType::kOrganization, label); }
inline EntityRef Agreement(const std::string& label) { return Ref(EntityType::kAgreement, label); }

inline Entity MakeEntity(const EntityRef& ref, const std::string& country = "") {
  Entity entity;
  entity.id = ref.id;
  entity.label = ref.label;
  entity.type = ref.type;
  if (!country.empty()) entity.attributes["country"] = country;
  return entity;
}

// A statement with id `id`, dated `date` (YYYY-MM-DD, or "" for none).
inline Statement MakeStatement(const std::string& id, const EntityRef& subject,
                               const std::string& predicate, std::optional<EntityRef> object,
                               const std::string& date = "",
                               std::optional<EntityRef> recipient = std::nullopt,
                               const std::string& plover = "") {
  Statement statement;
  statement.id = id;
  statement.subject = subject;
  statement.predicate = predicate;
  statement.object = std::move(object);
  statement.recipient = std::move(recipient);
  if (!date.empty()) statement.time = TimeValue{date, date, date};
  statement.plover = plover;
  statement.doc = "doc-" + id;
  statement.sentence = subject.label + " " + predicate + ".";
  statement.rule = "test.rule";
  return statement;
}

// Node ids of a view, in view order.
inline std::vector<std::string> NodeIds(const GraphView& view) {
  std::vector<std::string> ids;
  for (const GraphNode& node : view.nodes) ids.push_back(node.entity.id);
  return ids;
}

// "source -predicate-> target xweight" per edge, in view order.
inline std::vector<std::string> EdgeStrings(const GraphView& view) {
  std::vector<std::string> edges;
  for (const GraphEdge& edge : view.edges) {
    edges.push_back(view.nodes[edge.source].entity.id + " -" + edge.predicate + "-> " +
                    view.nodes[edge.target].entity.id + " x" + std::to_string(edge.weight));
  }
  return edges;
}

// A writer of GEXF with the given options, for tables of export cases.
inline std::function<Status(const GraphView&, std::ostream&)> GexfWriter(bool dynamic,
                                                                         GexfTime time) {
  return [dynamic, time](const GraphView& view, std::ostream& out) {
    GexfOptions options;
    options.dynamic = dynamic;
    options.time = time;
    return WriteGexf(view, options, out);
  };
}

// The export fixture in tests/data/graph (see its README.md): fictional actors, markup, control
// characters, a spreadsheet formula and non-Latin text. Fails the calling test on a bad line.
struct Fixture {
  std::vector<Entity> entities;
  std::vector<Statement> statements;
};

inline Fixture LoadFixture() {
  Fixture fixture;
  const std::string dir = std::string(PARLEY_TEST_DATA_DIR) + "/graph/";
  std::ifstream entities(dir + "fixture_entities.jsonl");
  std::string line;
  while (std::getline(entities, line)) {
    Result<Entity> entity = EntityFromJson(line);
    if (!entity.ok()) ADD_FAILURE() << entity.status().ToString();
    if (entity.ok()) fixture.entities.push_back(*entity);
  }
  std::ifstream statements(dir + "fixture_statements.jsonl");
  while (std::getline(statements, line)) {
    Result<Statement> statement = StatementFromJson(line);
    if (!statement.ok()) ADD_FAILURE() << statement.status().ToString();
    if (statement.ok()) fixture.statements.push_back(*statement);
  }
  if (fixture.entities.size() != 10 || fixture.statements.size() != 12) {
    ADD_FAILURE() << "fixture not found or incomplete in " << dir;
  }
  return fixture;
}

}  // namespace parley::testing

#endif  // PARLEY_TESTS_GRAPH_GRAPH_FIXTURE_H_
