#include "graph/graph_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/synthetic_corpus.h"
#include "tests/graph/graph_fixture.h"

namespace parley {
namespace {

using ::parley::testing::Agreement;
using ::parley::testing::EdgeStrings;
using ::parley::testing::MakeEntity;
using ::parley::testing::MakeStatement;
using ::parley::testing::NodeIds;
using ::parley::testing::Org;
using ::parley::testing::Person;
using ::parley::testing::State;
using ::testing::ElementsAre;

// Two leaders who meet three times, their states, a treaty proposal, an edgeless rejection, a
// same-state meeting and an undated appeal.
class GraphViewTest : public ::testing::Test {
 protected:
  GraphViewTest() {
    Entity abe = MakeEntity(Person("Shinzo Abe"));
    abe.roles.push_back(Role{"prime minister", "state:japan", "2012-12-26", "2020-09-16"});
    abe.aliases = {"Abe"};
    entities_ = {MakeEntity(Person("Vladimir Putin"), "Russia"),
                 abe,
                 MakeEntity(Person("Sergey Lavrov"), "state:russia"),
                 MakeEntity(State("Russia")),
                 MakeEntity(State("Japan")),
                 MakeEntity(Org("United Nations"))};
    statements_ = {
        MakeStatement("s:03", Person("Shinzo Abe"), "met", Person("Vladimir Putin"), "2019-01-22",
                      std::nullopt, "CONSULT"),
        MakeStatement("s:01", Person("Vladimir Putin"), "met", Person("Shinzo Abe"), "2018-09-10",
                      std::nullopt, "CONSULT"),
        MakeStatement("s:02", Person("Vladimir Putin"), "met", Person("Shinzo Abe"), "2018-11-14"),
        MakeStatement("s:04", State("Russia"), "proposed", Agreement("Peace Treaty"), "2018-09-12",
                      State("Japan"), "COOPERATE"),
        MakeStatement("s:05", State("Japan"), "rejected", std::nullopt, "2019-02-01"),
        MakeStatement("s:06", Person("Sergey Lavrov"), "met", Person("Vladimir Putin"),
                      "2019-03-01"),
        MakeStatement("s:07", Org("United Nations"), "urged", State("Japan")),
    };
  }

  GraphView Build(const GraphFilter& filter) {
    Result<GraphView> view = BuildGraphViewFrom(entities_, statements_, filter);
    EXPECT_TRUE(view.ok()) << view.status().ToString();
    return view.ok() ? *std::move(view) : GraphView();
  }

  std::vector<Entity> entities_;
  std::vector<Statement> statements_;
};

TEST_F(GraphViewTest, AggregatesOneEdgePerSubjectPredicateObject) {
  const GraphView view = Build(GraphFilter());
  EXPECT_THAT(NodeIds(view), ElementsAre("agreement:peace-treaty", "organization:united-nations",
                                         "person:sergey-lavrov", "person:shinzo-abe",
                                         "person:vladimir-putin", "state:japan", "state:russia"));
  EXPECT_THAT(EdgeStrings(view), ElementsAre("organization:united-nations -urged-> state:japan x1",
                                             "person:sergey-lavrov -met-> person:vladimir-putin x1",
                                             "person:shinzo-abe -met-> person:vladimir-putin x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x2",
                                             "state:russia -proposed-> agreement:peace-treaty x1"));
  const GraphEdge& putin_abe = view.edges[3];
  EXPECT_EQ(putin_abe.first, "2018-09-10");
  EXPECT_EQ(putin_abe.last, "2018-11-14");
  EXPECT_EQ(putin_abe.plover, "CONSULT");
  ASSERT_EQ(putin_abe.statements.size(), 2u);
  EXPECT_EQ(view.statements[putin_abe.statements[0]].id, "s:01");
  EXPECT_EQ(view.statements[putin_abe.statements[1]].id, "s:02");
  EXPECT_EQ(putin_abe.id.size(), 17u);
  EXPECT_EQ(putin_abe.id[0], 'e');
  EXPECT_EQ(view.statements.size(), statements_.size());

  const GraphNode& putin = view.nodes[*view.FindNode("person:vladimir-putin")];
  EXPECT_EQ(putin.country, "state:russia");
  EXPECT_EQ(putin.statements, 4u);
  EXPECT_EQ(putin.first, "2018-09-10");
  EXPECT_EQ(putin.last, "2019-03-01");
  // The edgeless rejection still counts for Japan.
  EXPECT_EQ(view.nodes[*view.FindNode("state:japan")].statements, 2u);
  EXPECT_EQ(view.nodes[*view.FindNode("person:shinzo-abe")].country, "state:japan");
}

TEST_F(GraphViewTest, InputOrderDoesNotChangeTheView) {
  const GraphView forward = Build(GraphFilter());
  std::reverse(statements_.begin(), statements_.end());
  std::reverse(entities_.begin(), entities_.end());
  const GraphView backward = Build(GraphFilter());
  EXPECT_EQ(EdgeStrings(forward), EdgeStrings(backward));
  EXPECT_EQ(forward.statements, backward.statements);
}

TEST_F(GraphViewTest, ActorsOnlyLinksToTheRecipient) {
  GraphFilter filter;
  filter.actors_only = true;
  const GraphView view = Build(filter);
  EXPECT_THAT(EdgeStrings(view), ElementsAre("organization:united-nations -urged-> state:japan x1",
                                             "person:sergey-lavrov -met-> person:vladimir-putin x1",
                                             "person:shinzo-abe -met-> person:vladimir-putin x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x2",
                                             "state:russia -proposed-> state:japan x1"));
}

TEST_F(GraphViewTest, FoldsPeopleIntoTheirStates) {
  GraphFilter filter;
  filter.actors_only = true;
  filter.fold_people_into_states = true;
  const GraphView view = Build(filter);
  EXPECT_THAT(NodeIds(view),
              ElementsAre("organization:united-nations", "state:japan", "state:russia"));
  EXPECT_THAT(EdgeStrings(view), ElementsAre("organization:united-nations -urged-> state:japan x1",
                                             "state:japan -met-> state:russia x1",
                                             "state:russia -met-> state:japan x2",
                                             "state:russia -proposed-> state:japan x1"));
  // Lavrov meeting Putin folds into Russia meeting Russia: no edge, but Russia counts it.
  EXPECT_EQ(view.nodes[*view.FindNode("state:russia")].statements, 5u);
}

TEST_F(GraphViewTest, FiltersByTimeWindowPredicateAndType) {
  struct Case {
    std::string name;
    GraphFilter filter;
    std::vector<std::string> edges;
    std::vector<std::string> nodes;
  };
  GraphFilter since2019;
  since2019.since = "2019";
  GraphFilter until_sep;
  until_sep.until = "2018-09";
  GraphFilter met;
  met.predicates = {"met"};
  GraphFilter states;
  states.types = {EntityType::kState};
  const Case cases[] = {
      {"since 2019 (undated appeal dropped)",
       since2019,
       {"person:sergey-lavrov -met-> person:vladimir-putin x1",
        "person:shinzo-abe -met-> person:vladimir-putin x1"},
       {"person:sergey-lavrov", "person:shinzo-abe", "person:vladimir-putin", "state:japan"}},
      {"until 2018-09",
       until_sep,
       {"person:vladimir-putin -met-> person:shinzo-abe x1",
        "state:russia -proposed-> agreement:peace-treaty x1"},
       {"agreement:peace-treaty", "person:shinzo-abe", "person:vladimir-putin", "state:russia"}},
      {"predicate met",
       met,
       {"person:sergey-lavrov -met-> person:vladimir-putin x1",
        "person:shinzo-abe -met-> person:vladimir-putin x1",
        "person:vladimir-putin -met-> person:shinzo-abe x2"},
       {"person:sergey-lavrov", "person:shinzo-abe", "person:vladimir-putin"}},
      {"states only",
       states,
       {"state:russia -proposed-> state:japan x1"},
       {"state:japan", "state:russia"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const GraphView view = Build(c.filter);
    EXPECT_EQ(EdgeStrings(view), c.edges);
    EXPECT_EQ(NodeIds(view), c.nodes);
  }
}

TEST_F(GraphViewTest, MinWeightDropsLightEdgesAndTheirLoneNodes) {
  GraphFilter filter;
  filter.min_weight = 2;
  const GraphView view = Build(filter);
  EXPECT_THAT(EdgeStrings(view), ElementsAre("person:vladimir-putin -met-> person:shinzo-abe x2"));
  // Japan's edgeless rejection does not keep it (issue 18: `--min-weight 3` kept 306 of 391
  // nodes without an edge); Russia and the others had only light edges.
  EXPECT_THAT(NodeIds(view), ElementsAre("person:shinzo-abe", "person:vladimir-putin"));
  EXPECT_EQ(view.statements.size(), 2u);
}

TEST_F(GraphViewTest, EgoNetworkByNameOrAlias) {
  GraphFilter filter;
  filter.center = "abe";
  filter.hops = 1;
  GraphView view = Build(filter);
  EXPECT_THAT(NodeIds(view), ElementsAre("person:shinzo-abe", "person:vladimir-putin"));
  EXPECT_THAT(EdgeStrings(view), ElementsAre("person:shinzo-abe -met-> person:vladimir-putin x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x2"));
  filter.center = "Shinzo Abe";
  filter.hops = 2;
  view = Build(filter);
  EXPECT_THAT(NodeIds(view),
              ElementsAre("person:sergey-lavrov", "person:shinzo-abe", "person:vladimir-putin"));
}

TEST_F(GraphViewTest, EgoCenterFollowsFolding) {
  GraphFilter filter;
  filter.center = "person:vladimir-putin";
  filter.fold_people_into_states = true;
  filter.actors_only = true;
  const GraphView view = Build(filter);
  EXPECT_THAT(NodeIds(view), ElementsAre("state:japan", "state:russia"));
}

TEST_F(GraphViewTest, DocumentDatesDateUndatedStatements) {
  // The undated appeal s:07 is in document "doc-s:07".
  const DocumentDates dates = {{"doc-s:07", "2019-04"}, {"doc-s:01", "1999"}};
  GraphFilter filter;
  filter.since = "2019-02-15";
  filter.document_dates = true;
  Result<GraphView> view = BuildGraphViewFrom(entities_, statements_, filter, dates);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_THAT(EdgeStrings(*view),
              ElementsAre("organization:united-nations -urged-> state:japan x1",
                          "person:sergey-lavrov -met-> person:vladimir-putin x1"));
  const GraphEdge& urged = view->edges[0];
  EXPECT_EQ(urged.first, "2019-04-01");
  EXPECT_EQ(urged.last, "2019-04-30");
  const size_t s07 = urged.statements[0];
  EXPECT_EQ(view->statements[s07].time, std::nullopt);  // the statement itself is unchanged
  EXPECT_EQ(view->TimeOf(s07),
            (TimeValue{"2019-04", "2019-04-01", "2019-04-30", TimeSource::kDocument}));
  // A dated statement keeps its own time; without the option the appeal stays undated.
  filter.document_dates = false;
  view = BuildGraphViewFrom(entities_, statements_, filter, dates);
  ASSERT_TRUE(view.ok());
  EXPECT_THAT(EdgeStrings(*view),
              ElementsAre("person:sergey-lavrov -met-> person:vladimir-putin x1"));
}

TEST_F(GraphViewTest, TextDatesOnlyIgnoresDocumentTimes) {
  // Lavrov's meeting s:06 is dated by its document, not by its text.
  for (Statement& s : statements_) {
    if (s.id == "s:06") s.time->source = TimeSource::kDocument;
  }
  GraphFilter filter;
  filter.since = "2019-01-01";
  EXPECT_THAT(EdgeStrings(Build(filter)),
              ElementsAre("person:sergey-lavrov -met-> person:vladimir-putin x1",
                          "person:shinzo-abe -met-> person:vladimir-putin x1"));
  filter.text_dates_only = true;
  const GraphView view = Build(filter);
  EXPECT_THAT(EdgeStrings(view), ElementsAre("person:shinzo-abe -met-> person:vladimir-putin x1"));
  // Without a window the statement stays, undated.
  filter.since.reset();
  filter.predicates = {"met"};
  const GraphView all = Build(filter);
  ASSERT_EQ(all.statements.size(), 4u);
  for (size_t i = 0; i < all.statements.size(); ++i) {
    SCOPED_TRACE(all.statements[i].id);
    EXPECT_EQ(all.TimeOf(i).has_value(), all.statements[i].id != "s:06");
  }
}

TEST_F(GraphViewTest, MultiKeepsOneEdgePerStatement) {
  GraphFilter filter;
  filter.multi = true;
  filter.predicates = {"met"};
  const GraphView view = Build(filter);
  EXPECT_TRUE(view.multi);
  EXPECT_THAT(EdgeStrings(view), ElementsAre("person:sergey-lavrov -met-> person:vladimir-putin x1",
                                             "person:shinzo-abe -met-> person:vladimir-putin x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x1"));
  EXPECT_NE(view.edges[2].id, view.edges[3].id);
  EXPECT_EQ(view.edges[3].first, "2018-11-14");
}

TEST_F(GraphViewTest, RejectsBadFilters) {
  struct Case {
    std::string name;
    GraphFilter filter;
    StatusCode code;
    std::string message;
  };
  GraphFilter bad_since;
  bad_since.since = "2019-13";
  GraphFilter bad_until;
  bad_until.until = "May 2019";
  GraphFilter empty_window;
  empty_window.since = "2020";
  empty_window.until = "2019-06";
  GraphFilter zero_weight;
  zero_weight.min_weight = 0;
  GraphFilter unknown_center;
  unknown_center.center = "Nobody";
  GraphFilter outside_center;
  outside_center.center = "United Nations";
  outside_center.predicates = {"met"};
  const Case cases[] = {
      {"bad since", bad_since, StatusCode::kInvalidArgument,
       "since: invalid date '2019-13': month 13 is out of range (expected YYYY, YYYY-MM or "
       "YYYY-MM-DD)"},
      {"bad until", bad_until, StatusCode::kInvalidArgument,
       "until: invalid date 'May 2019' (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"empty window", empty_window, StatusCode::kInvalidArgument,
       "the time window is empty: since 2020-01-01 is after until 2019-06-30"},
      {"zero weight", zero_weight, StatusCode::kInvalidArgument, "min_weight must be at least 1"},
      {"unknown center", unknown_center, StatusCode::kNotFound, "no entity is named 'Nobody'"},
      {"center outside the view", outside_center, StatusCode::kNotFound,
       "'United Nations' (organization:united-nations) has no statements in this graph view"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<GraphView> view = BuildGraphViewFrom(entities_, statements_, c.filter);
    ASSERT_FALSE(view.ok());
    EXPECT_EQ(view.status().code(), c.code);
    EXPECT_EQ(view.status().message(), c.message);
  }
}

TEST_F(GraphViewTest, AmbiguousCenterListsTheCandidates) {
  Entity other = MakeEntity(State("Abe"));
  entities_.push_back(other);
  GraphFilter filter;
  filter.center = "ABE";
  Result<GraphView> view = BuildGraphViewFrom(entities_, statements_, filter);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(view.status().message(),
            "'ABE' names 2 entities (person:shinzo-abe, state:abe); give an entity id");
}

TEST_F(GraphViewTest, ResolveNodeByIdLabelOrAlias) {
  const GraphView view = Build(GraphFilter());
  struct Case {
    std::string name;
    std::string expected_id;  // empty: expect NotFound
  };
  const Case cases[] = {{"state:japan", "state:japan"},
                        {"vladimir putin", "person:vladimir-putin"},
                        {"Abe", "person:shinzo-abe"},
                        {"Kim", ""}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<size_t> node = ResolveNode(view, c.name);
    if (c.expected_id.empty()) {
      ASSERT_FALSE(node.ok());
      EXPECT_EQ(node.status().code(), StatusCode::kNotFound);
      EXPECT_EQ(node.status().message(), "no node of the graph view is named 'Kim'");
    } else {
      ASSERT_TRUE(node.ok()) << node.status().ToString();
      EXPECT_EQ(view.nodes[*node].entity.id, c.expected_id);
    }
  }
}

TEST(PersonCountryTest, PrefersTheRoleHeldOnTheDate) {
  Entity person = MakeEntity(Person("Diplomat"), "Norway");
  person.roles = {Role{"ambassador", "state:sweden", "2001", "2004-06"},
                  Role{"minister", "state:denmark", "2010", ""}};
  struct Case {
    std::string date;
    std::string expected;
  };
  const Case cases[] = {{"2003-01-01", "state:sweden"},
                        {"2004-07-01", "state:norway"},
                        {"2015-01-01", "state:denmark"},
                        {"", "state:norway"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    EXPECT_EQ(PersonCountry(person, c.date), c.expected);
  }
  person.attributes.clear();
  EXPECT_EQ(PersonCountry(person, ""), "state:denmark");
  person.roles.clear();
  EXPECT_EQ(PersonCountry(person, ""), "");
}

TEST_F(GraphViewTest, EventsOnlyKeepsStatementsWithAPloverType) {
  GraphFilter filter;
  filter.events_only = true;
  const GraphView view = Build(filter);
  EXPECT_THAT(EdgeStrings(view), ElementsAre("person:shinzo-abe -met-> person:vladimir-putin x1",
                                             "person:vladimir-putin -met-> person:shinzo-abe x1",
                                             "state:russia -proposed-> agreement:peace-treaty x1"));
}

// Issue 18: `--fold-people` put Kaja Kallas under the EU ("EU holds_office Estonia" x9): her only
// role in the gazetteer is an EU office she took after the statements, so every statement fell
// back to it. The state she served then is the one her dated holds_office statements name.
TEST(FoldPeopleTest, FoldsIntoTheStateServedAtTheStatementsDate) {
  Entity kallas = MakeEntity(Person("Kaja Kallas"));
  kallas.roles.push_back(
      Role{"high representative", "organization:european-union", "2024-12-01", ""});
  std::vector<Statement> statements = {
      MakeStatement("s:1", Person("Kaja Kallas"), "holds_office", State("Estonia"), "2021-06-14"),
      MakeStatement("s:2", Person("Kaja Kallas"), "holds_office", State("Estonia"), "2023-11-14"),
      MakeStatement("s:3", Person("Joe Biden"), "met_with", Person("Kaja Kallas"), "2021-11-01"),
      MakeStatement("s:4", Person("Kaja Kallas"), "met_with", Person("Joe Biden")),
  };
  statements[3].doc_date = "2022-02-18";
  Entity biden = MakeEntity(Person("Joe Biden"));
  biden.roles.push_back(Role{"president", "state:united-states", "2021-01-20", "2025-01-20"});
  GraphFilter filter;
  filter.fold_people_into_states = true;
  filter.predicates = {"met_with"};
  Result<GraphView> view = BuildGraphViewFrom({kallas, biden}, statements, filter);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_THAT(EdgeStrings(*view), ElementsAre("state:estonia -met_with-> state:united-states x1",
                                              "state:united-states -met_with-> state:estonia x1"));
  filter.predicates.clear();
  view = BuildGraphViewFrom({kallas, biden}, statements, filter);
  ASSERT_TRUE(view.ok());
  EXPECT_THAT(NodeIds(*view), ElementsAre("state:estonia", "state:united-states"));

  // From a store, with a window that leaves the office statements out: they still count.
  std::unique_ptr<Store> store = NewMemoryStore();
  DocumentRecord record;
  record.document.info.id = "doc";
  record.rules_fingerprint = "test";
  record.entities = {kallas, biden};
  for (Statement statement : statements) {
    statement.doc = "doc";
    record.statements.push_back(statement);
  }
  ASSERT_TRUE(store->Put(record).ok());
  filter.predicates = {"met_with"};
  filter.since = "2021-10";
  filter.until = "2021-12";
  view = BuildGraphView(*store, filter);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_THAT(EdgeStrings(*view), ElementsAre("state:united-states -met_with-> state:estonia x1"));
}

TEST(ServedStateTest, RolesThenOfficeStatementsThenAttributes) {
  Entity person = MakeEntity(Person("Diplomat"));
  person.roles = {Role{"minister", "state:denmark", "2010", "2012"},
                  Role{"envoy", "organization:united-nations", "2013", ""}};
  const std::vector<ServiceRecord> service = {
      {"state:norway", {TimeValue{"2005", "2005-01-01", "2005-12-31"}}, 1},
      {"state:sweden",
       {TimeValue{"2015-03", "2015-03-01", "2015-03-31"},
        TimeValue{"2016", "2016-01-01", "2016-12-31"}},
       3}};
  struct Case {
    std::string date;
    std::string expected;
  };
  const Case cases[] = {
      {"2011-05-05", "state:denmark"},  // the role covering the date
      {"2006-01-01", "state:norway"},   // the nearest office statement
      {"2014-01-01", "state:sweden"},   // not the organisation's role
      {"", "state:sweden"},             // undated: the state with the most office statements
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    EXPECT_EQ(ServedState(&person, service, c.date), c.expected);
  }
  EXPECT_EQ(ServedState(&person, {}, "2014-01-01"), "state:denmark");
  EXPECT_EQ(ServedState(&person, {}, "2009-01-01"), "");
  EXPECT_EQ(ServedState(nullptr, {}, "2009-01-01"), "");
}

TEST(EdgeSourcesTest, CountsDocumentsAndOrdersThemByDate) {
  std::vector<Statement> statements = {
      MakeStatement("s:1", State("Norway"), "met", State("Chile"), "2019-05-01"),
      MakeStatement("s:2", State("Norway"), "met", State("Chile"), "2018-02-01"),
      MakeStatement("s:3", State("Norway"), "met", State("Chile")),
  };
  statements[0].doc = "b.txt";
  statements[1].doc = "c.txt";
  statements[2].doc = "b.txt";
  Result<GraphView> view = BuildGraphViewFrom({}, statements, GraphFilter());
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->edges.size(), 1u);
  EXPECT_EQ(view->edges[0].sources, 2u);
  EXPECT_EQ(view->edges[0].first_doc, "c.txt");
  EXPECT_EQ(view->edges[0].latest_doc, "b.txt");
  view->documents["b.txt"] = DocumentInfo{"b.txt", "Talks", "https://example.org/b"};
  EXPECT_EQ(view->SourceOf("b.txt"), "https://example.org/b");
  EXPECT_EQ(view->TitleOf("b.txt"), "Talks");
  EXPECT_EQ(view->SourceOf("c.txt"), "c.txt");
  EXPECT_EQ(view->TitleOf("c.txt"), "");
}

// BuildGraphView reads through the store's indexes (predicates, time window); it must give the
// same view as BuildGraphViewFrom over everything the store holds.
TEST(BuildGraphViewTest, StoreViewEqualsPureViewOverTheWholeStore) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 300; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  std::vector<Statement> statements;
  ASSERT_TRUE(store
                  ->ScanStatements(StatementFilter(),
                                   [&](const Statement& statement) {
                                     statements.push_back(statement);
                                     return true;
                                   })
                  .ok());
  std::vector<Entity> entities;
  ASSERT_TRUE(store
                  ->ScanEntities([&](const Entity& entity) {
                    entities.push_back(entity);
                    return true;
                  })
                  .ok());

  struct Case {
    std::string name;
    GraphFilter filter;
  };
  DocumentDates document_dates;
  ASSERT_TRUE(store
                  ->ScanDocuments([&](const DocumentInfo& info) {
                    document_dates.emplace(info.id, info.date);
                    return true;
                  })
                  .ok());
  std::vector<Case> cases(8);
  cases[0].name = "everything";
  cases[1].name = "window";
  cases[1].filter.since = "1995-03";
  cases[1].filter.until = "2003";
  cases[2].name = "predicates";
  cases[2].filter.predicates = {"met", "signed"};
  cases[3].name = "since only, min weight";
  cases[3].filter.since = "2010-06-15";
  cases[3].filter.min_weight = 2;
  cases[4].name = "actors folded, multi";
  cases[4].filter.actors_only = true;
  cases[4].filter.fold_people_into_states = true;
  cases[4].filter.multi = true;
  cases[5].name = "ego";
  cases[5].filter.center = entities.front().id;
  cases[5].filter.hops = 2;
  cases[6].name = "document dates, window";
  cases[6].filter.document_dates = true;
  cases[6].filter.since = "2001";
  cases[6].filter.until = "2004-06";
  // Folding reads the office statements outside the predicates and the window too.
  cases[7].name = "folded, predicates, window";
  cases[7].filter.predicates = {"met"};
  cases[7].filter.fold_people_into_states = true;
  cases[7].filter.since = "2005";
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<GraphView> from_store = BuildGraphView(*store, c.filter);
    Result<GraphView> pure = BuildGraphViewFrom(entities, statements, c.filter, document_dates);
    ASSERT_TRUE(from_store.ok()) << from_store.status().ToString();
    ASSERT_TRUE(pure.ok()) << pure.status().ToString();
    EXPECT_FALSE(pure->edges.empty());
    EXPECT_EQ(NodeIds(*from_store), NodeIds(*pure));
    EXPECT_EQ(EdgeStrings(*from_store), EdgeStrings(*pure));
    EXPECT_EQ(from_store->statements, pure->statements);
    EXPECT_EQ(from_store->times, pure->times);
  }
}

TEST(BuildGraphViewTest, NamesResolveThroughTheStore) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 50; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  GraphFilter filter;
  filter.center = "Anna Alvarz";
  Result<GraphView> misspelled = BuildGraphView(*store, filter);
  ASSERT_FALSE(misspelled.ok());
  EXPECT_EQ(misspelled.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(misspelled.status().message(),
            "no entity matches 'Anna Alvarz'; did you mean 'Anna Alvarez'?");

  filter.center = "anna alvarez";
  Result<GraphView> ego = BuildGraphView(*store, filter);
  ASSERT_TRUE(ego.ok()) << ego.status().ToString();
  EXPECT_TRUE(ego->FindNode("person:anna-alvarez").has_value());

  GraphFilter people;
  people.types = {EntityType::kPerson};
  Result<GraphView> view = BuildGraphView(*store, people);
  ASSERT_TRUE(view.ok());
  struct Case {
    std::string name;
    StatusCode code;
    std::string message;  // empty: resolves
  };
  const Case cases[] = {
      {"Anna Alvarez", StatusCode::kOk, ""},
      {"person:anna-alvarez", StatusCode::kOk, ""},
      {"Anna Alvarz", StatusCode::kNotFound,
       "no entity matches 'Anna Alvarz'; did you mean 'Anna Alvarez'?"},
      {"Borduria", StatusCode::kNotFound,
       "'Borduria' (state:borduria) has no statements in this graph view"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<size_t> node = ResolveNode(*store, *view, c.name);
    EXPECT_EQ(node.status().code(), c.code);
    if (node.ok()) {
      EXPECT_EQ(view->nodes[*node].entity.id, "person:anna-alvarez");
    } else {
      EXPECT_EQ(node.status().message(), c.message);
    }
  }
}

TEST(BuildGraphViewTest, StoreViewReportsBadFilters) {
  std::unique_ptr<Store> store = NewMemoryStore();
  GraphFilter filter;
  filter.until = "2019-1";
  Result<GraphView> view = BuildGraphView(*store, filter);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(view.status().message(),
            "until: invalid date '2019-1' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
}

// A node carries the actor codes of its statements (GraphNode::code, codes): a person who was
// foreign minister and then president has both codes, and `code` is that of the latest
// statement; an undated statement counts as earliest; a state without coded statements keeps
// its `cameo` attribute; states carry their iso3.
TEST(GraphViewCodesTest, NodesCarryTheCodesOfTheirStatements) {
  Entity gondor = MakeEntity(State("Gondor"));
  gondor.attributes = {{"iso3", "GON"}, {"cameo", "GON"}};
  Entity arnor = MakeEntity(State("Arnor"));
  arnor.attributes = {{"iso3", "ARN"}, {"cameo", "ARN"}};
  const std::vector<Entity> entities = {MakeEntity(Person("Ann Ward")), gondor, arnor};
  auto coded = [](Statement statement, const std::string& subject, const std::string& object) {
    statement.subject_code = subject;
    statement.object_code = object;
    return statement;
  };
  const std::vector<Statement> statements = {
      coded(MakeStatement("s:3", Person("Ann Ward"), "met", State("Arnor"), "2016-05-01"), "GONGOV",
            ""),
      coded(MakeStatement("s:1", Person("Ann Ward"), "met", State("Arnor"), "2019-02-01"), "GONGOV",
            ""),
      coded(MakeStatement("s:2", Person("Ann Ward"), "met", State("Arnor"), "2012-02-01"), "GONDIP",
            ""),
      coded(MakeStatement("s:4", Person("Ann Ward"), "praised", State("Gondor")), "GONMIL", "GON"),
  };
  Result<GraphView> view = BuildGraphViewFrom(entities, statements, GraphFilter());
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  ASSERT_THAT(NodeIds(*view), ElementsAre("person:ann-ward", "state:arnor", "state:gondor"));
  const GraphNode& ann = view->nodes[0];
  EXPECT_EQ(ann.code, "GONGOV");
  EXPECT_THAT(ann.codes, ElementsAre("GONDIP", "GONGOV", "GONMIL"));
  EXPECT_EQ(ann.CodeList(), "GONDIP GONGOV GONMIL");
  EXPECT_EQ(ann.iso3, "");
  EXPECT_EQ(view->nodes[1].code, "ARN");  // no coded statement: its cameo attribute
  EXPECT_TRUE(view->nodes[1].codes.empty());
  EXPECT_EQ(view->nodes[1].iso3, "ARN");
  EXPECT_EQ(view->nodes[2].code, "GON");
  EXPECT_THAT(view->nodes[2].codes, ElementsAre("GON"));
}

}  // namespace
}  // namespace parley
