#include "graph/analysis.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/graph/graph_fixture.h"

namespace parley {
namespace {

using ::parley::testing::MakeEntity;
using ::parley::testing::MakeStatement;
using ::parley::testing::State;
using ::testing::ElementsAre;

// States A..H: a five-node component (A-B, B-C, C-D, B-D, A-E, E-D), a pair G-H and F alone
// (an edgeless statement). A-B carries three statements in two directions.
class AnalysisTest : public ::testing::Test {
 protected:
  AnalysisTest() {
    std::vector<Entity> entities;
    for (const char* name : {"A", "B", "C", "D", "E", "F", "G", "H"}) {
      entities.push_back(MakeEntity(State(name)));
    }
    const std::vector<Statement> statements = {
        MakeStatement("s:01", State("A"), "met", State("B"), "2001-01-01"),
        MakeStatement("s:02", State("A"), "met", State("B"), "2001-02-01"),
        MakeStatement("s:03", State("B"), "met", State("A"), "2001-03-01"),
        MakeStatement("s:04", State("B"), "signed", State("C"), "2002-01-01"),
        MakeStatement("s:05", State("C"), "met", State("D")),
        MakeStatement("s:06", State("B"), "urged", State("D"), "2003-05-06"),
        MakeStatement("s:07", State("A"), "met", State("E"), "2000-01-01"),
        MakeStatement("s:08", State("E"), "met", State("D"), "2004-01-01"),
        MakeStatement("s:09", State("G"), "met", State("H"), "2005-01-01"),
        MakeStatement("s:10", State("F"), "rejected", std::nullopt, "2006-01-01"),
    };
    Result<GraphView> view = BuildGraphViewFrom(entities, statements, GraphFilter());
    EXPECT_TRUE(view.ok()) << view.status().ToString();
    view_ = *std::move(view);
  }

  std::string Id(size_t node) const { return view_.nodes[node].entity.id; }
  std::vector<std::string> Ids(const std::vector<size_t>& nodes) const {
    std::vector<std::string> ids;
    for (size_t node : nodes) ids.push_back(Id(node));
    return ids;
  }

  GraphView view_;
};

TEST_F(AnalysisTest, NeighboursWithinHops) {
  struct Case {
    uint32_t hops;
    std::vector<std::string> expected;  // "id@distance"
  };
  const Case cases[] = {
      {1, {"state:b@1", "state:e@1"}},
      {2, {"state:b@1", "state:e@1", "state:c@2", "state:d@2"}},
      {5, {"state:b@1", "state:e@1", "state:c@2", "state:d@2"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.hops);
    Result<Neighbourhood> result = Neighbours(view_, "A", c.hops);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    std::vector<std::string> got;
    for (const Neighbour& n : result->neighbours) {
      got.push_back(Id(n.node) + "@" + std::to_string(n.distance));
    }
    EXPECT_EQ(got, c.expected);
  }
  Result<Neighbourhood> far = Neighbours(view_, "G", 4);
  ASSERT_TRUE(far.ok());
  EXPECT_EQ(FormatNeighbourhood(view_, *far),
            "4 hops from G [state:g]: 1 node\n"
            "  1  H [state:h]  via -> met x1\n");
  Result<Neighbourhood> result = Neighbours(view_, "state:a", 2);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(FormatNeighbourhood(view_, *result),
            "2 hops from A [state:a]: 4 nodes\n"
            "  1  B [state:b]  via -> met x2, <- met x1\n"
            "  1  E [state:e]  via -> met x1\n"
            "  2  C [state:c]  via -> signed x1\n"
            "  2  D [state:d]  via -> urged x1, -> met x1\n");
}

TEST_F(AnalysisTest, NeighboursRejectsZeroHopsAndUnknownNames) {
  Result<Neighbourhood> zero = Neighbours(view_, "A", 0);
  EXPECT_EQ(zero.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(zero.status().message(), "hops must be at least 1");
  Result<Neighbourhood> unknown = Neighbours(view_, "Z", 1);
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "no node of the graph view is named 'Z'");
}

TEST_F(AnalysisTest, ShortestPathPrefersSmallestIdsAmongEqualPaths) {
  struct Case {
    std::string from;
    std::string to;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"A", "D", {"state:a", "state:b", "state:d"}},
      {"D", "A", {"state:d", "state:b", "state:a"}},
      {"E", "C", {"state:e", "state:d", "state:c"}},
      {"C", "C", {"state:c"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.from + "->" + c.to);
    Result<GraphPath> path = ShortestPath(view_, c.from, c.to);
    ASSERT_TRUE(path.ok()) << path.status().ToString();
    EXPECT_EQ(Ids(path->nodes), c.expected);
    EXPECT_EQ(path->hops.size(), c.expected.size() - 1);
  }
}

TEST_F(AnalysisTest, ShortestPathCarriesEvidence) {
  Result<GraphPath> path = ShortestPath(view_, "A", "D");
  ASSERT_TRUE(path.ok());
  ASSERT_EQ(path->hops.size(), 2u);
  EXPECT_EQ(path->hops[0].edges.size(), 2u);  // A -met-> B and B -met-> A
  EXPECT_EQ(FormatPath(view_, *path, 2),
            "A [state:a] -> D [state:d]: 2 hops, the fewest\n"
            "  1. A [state:a] -- B [state:b]  (3 statements)\n"
            "     2001-01-01  A -met-> B  \"A met.\"  (doc-s:01, s:01)\n"
            "     2001-02-01  A -met-> B  \"A met.\"  (doc-s:02, s:02)\n"
            "     ... and 1 more statement\n"
            "  2. B [state:b] -- D [state:d]  (1 statement)\n"
            "     2003-05-06  B -urged-> D  \"B urged.\"  (doc-s:06, s:06)\n");
}

TEST_F(AnalysisTest, ShortestPathBetweenComponentsIsNotFound) {
  Result<GraphPath> path = ShortestPath(view_, "A", "G");
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(path.status().message(), "no path between A [state:a] and G [state:g]");
}

TEST_F(AnalysisTest, BetweennessMatchesNetworkx) {
  // networkx.betweenness_centrality(normalized=True) on the same undirected graph.
  CentralityOptions options;
  options.top = 0;
  const std::vector<CentralityRow> rows = Centrality(view_, options);
  ASSERT_EQ(rows.size(), 8u);
  std::vector<std::string> order;
  for (const CentralityRow& row : rows) order.push_back(Id(row.node));
  EXPECT_THAT(order, ElementsAre("state:b", "state:d", "state:a", "state:e", "state:c", "state:g",
                                 "state:h", "state:f"));
  EXPECT_NEAR(rows[0].betweenness, 1.5 / 21, 1e-12);
  EXPECT_NEAR(rows[1].betweenness, 1.5 / 21, 1e-12);
  EXPECT_NEAR(rows[2].betweenness, 0.5 / 21, 1e-12);
  EXPECT_EQ(rows[0].degree, 3u);
  EXPECT_EQ(rows[0].weighted_degree, 5u);  // A-B x2, B-A x1, B-C, B-D
  EXPECT_EQ(rows[1].weighted_degree, 3u);
}

TEST_F(AnalysisTest, EvidenceWeightedBetweennessMatchesNetworkx) {
  // networkx.betweenness_centrality(normalized=True, weight="cost") with cost = 720720 // w per
  // pair: A-B (3 statements) is cheap, so A-B-D beats A-E-D and E carries no shortest path.
  CentralityOptions options;
  options.top = 0;
  options.cost = PathCost::kEvidence;
  const std::vector<CentralityRow> rows = Centrality(view_, options);
  ASSERT_EQ(rows.size(), 8u);
  std::vector<std::string> order;
  for (const CentralityRow& row : rows) order.push_back(Id(row.node));
  EXPECT_THAT(order, ElementsAre("state:b", "state:d", "state:a", "state:c", "state:e", "state:g",
                                 "state:h", "state:f"));
  EXPECT_NEAR(rows[0].betweenness, 2.0 / 21, 1e-12);
  EXPECT_NEAR(rows[1].betweenness, 1.0 / 21, 1e-12);
  EXPECT_NEAR(rows[2].betweenness, 1.0 / 21, 1e-12);
  EXPECT_NEAR(rows[3].betweenness, 0.0, 1e-12);
}

// Issue 18: `graph path Kishida Zelenskyy` ran through a link mentioned once (and broke ties by
// id) rather than through the heavily evidenced one.
TEST(EvidencePathTest, PrefersWellEvidencedLinksOverFewerHops) {
  std::vector<Statement> statements = {
      MakeStatement("s:01", State("Xa"), "met", State("Ya"), "2001-01-01")};
  for (int i = 0; i < 5; ++i) {
    statements.push_back(MakeStatement("s:1" + std::to_string(i), State("Xa"), "met", State("Hub"),
                                       "2002-01-0" + std::to_string(i + 1)));
    statements.push_back(MakeStatement("s:2" + std::to_string(i), State("Hub"), "called",
                                       State("Ya"), "2003-01-0" + std::to_string(i + 1)));
  }
  Result<GraphView> view = BuildGraphViewFrom({}, statements, GraphFilter());
  ASSERT_TRUE(view.ok());
  auto ids = [&](const GraphPath& path) {
    std::vector<std::string> out;
    for (size_t node : path.nodes) out.push_back(view->nodes[node].entity.id);
    return out;
  };
  Result<GraphPath> fewest = ShortestPath(*view, "Xa", "Ya", PathCost::kHops);
  ASSERT_TRUE(fewest.ok());
  EXPECT_THAT(ids(*fewest), ElementsAre("state:xa", "state:ya"));
  Result<GraphPath> evidenced = ShortestPath(*view, "Xa", "Ya", PathCost::kEvidence);
  ASSERT_TRUE(evidenced.ok());
  EXPECT_THAT(ids(*evidenced), ElementsAre("state:xa", "state:hub", "state:ya"));
  ASSERT_EQ(evidenced->hops.size(), 2u);
  EXPECT_EQ(evidenced->hops[0].statements, 5u);
  EXPECT_EQ(FormatPath(*view, *evidenced, 1),
            "Xa [state:xa] -> Ya [state:ya]: 2 hops, the best evidenced (a hop costs "
            "1/statements between its two ends)\n"
            "  1. Xa [state:xa] -- Hub [state:hub]  (5 statements)\n"
            "     2002-01-01  Xa -met-> Hub  \"Xa met.\"  (doc-s:10, s:10)\n"
            "     ... and 4 more statements\n"
            "  2. Hub [state:hub] -- Ya [state:ya]  (5 statements)\n"
            "     2003-01-01  Hub -called-> Ya  \"Hub called.\"  (doc-s:20, s:20)\n"
            "     ... and 4 more statements\n");
  // Two equally evidenced routes tie exactly (integer costs) and go to the smaller ids.
  statements.push_back(MakeStatement("s:31", State("Xa"), "met", State("Alt"), "2004-01-01"));
  statements.push_back(MakeStatement("s:32", State("Alt"), "met", State("Ya"), "2004-01-02"));
  statements.push_back(MakeStatement("s:33", State("Xa"), "met", State("Ya"), "2004-01-03"));
  view = BuildGraphViewFrom({}, statements, GraphFilter());
  ASSERT_TRUE(view.ok());
  Result<GraphPath> tie = ShortestPath(*view, "Xa", "Ya", PathCost::kEvidence);
  ASSERT_TRUE(tie.ok());
  EXPECT_THAT(ids(*tie), ElementsAre("state:xa", "state:hub", "state:ya"));
}

TEST_F(AnalysisTest, DegreeOrderAndTopN) {
  CentralityOptions options;
  options.order = CentralityOrder::kDegree;
  options.top = 3;
  const std::vector<CentralityRow> rows = Centrality(view_, options);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Id(rows[0].node), "state:b");
  EXPECT_EQ(Id(rows[1].node), "state:d");
  EXPECT_EQ(Id(rows[2].node), "state:a");
  EXPECT_EQ(FormatCentrality(view_, rows),
            "rank  betweenness  degree  weighted  name\n"
            "   1     0.071429       3         5  B [state:b]\n"
            "   2     0.071429       3         3  D [state:d]\n"
            "   3     0.023810       2         4  A [state:a]\n");
}

TEST_F(AnalysisTest, ConnectedComponentsLargestFirst) {
  const std::vector<Component> components = ConnectedComponents(view_);
  ASSERT_EQ(components.size(), 3u);
  EXPECT_THAT(Ids(components[0].nodes),
              ElementsAre("state:a", "state:b", "state:c", "state:d", "state:e"));
  EXPECT_EQ(components[0].edges, 7u);
  EXPECT_THAT(Ids(components[1].nodes), ElementsAre("state:g", "state:h"));
  EXPECT_THAT(Ids(components[2].nodes), ElementsAre("state:f"));
  EXPECT_EQ(FormatComponents(view_, components, 2),
            "3 components\n"
            "  1. 5 nodes, 7 edges: A [state:a], B [state:b], ... (3 more)\n"
            "  2. 2 nodes, 1 edge: G [state:g], H [state:h]\n"
            "  3. 1 node, 0 edges: F [state:f]\n");
}

TEST_F(AnalysisTest, Summary) {
  const GraphSummary summary = Summarize(view_);
  EXPECT_EQ(summary.nodes, 8u);
  EXPECT_EQ(summary.edges, 8u);
  EXPECT_EQ(summary.statements, 10u);
  EXPECT_NEAR(summary.density, 8.0 / 56, 1e-12);
  EXPECT_EQ(summary.components, 3u);
  EXPECT_EQ(summary.isolated, 1u);
  EXPECT_EQ(FormatSummary(summary),
            "nodes       8\n"
            "edges       8\n"
            "statements  10\n"
            "density     0.142857\n"
            "components  3\n"
            "isolated    1\n"
            "dates       2000-01-01 .. 2006-01-01\n"
            "nodes by type\n"
            "  state         8\n"
            "edges by predicate\n"
            "  met           6\n"
            "  signed        1\n"
            "  urged         1\n"
            "statements by PLOVER type\n"
            "  (none)        10\n");
}

TEST(AnalysisFormatTest, PathEvidenceIsOneLinePerStatement) {
  Statement wrapped = MakeStatement("s:1", State("A"), "met", State("B"));
  wrapped.sentence = "A met\n   B in a\r\nhard-wrapped   sentence.";
  Result<GraphView> view = BuildGraphViewFrom({}, {wrapped}, GraphFilter());
  ASSERT_TRUE(view.ok());
  Result<GraphPath> path = ShortestPath(*view, "A", "B");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(FormatPath(*view, *path),
            "A [state:a] -> B [state:b]: 1 hop, the fewest\n"
            "  1. A [state:a] -- B [state:b]  (1 statement)\n"
            "     undated  A -met-> B  \"A met B in a hard-wrapped sentence.\"  (doc-s:1, s:1)\n");
}

TEST(AnalysisEmptyTest, EmptyViewHasNoResults) {
  const GraphView empty;
  EXPECT_TRUE(Centrality(empty, CentralityOptions()).empty());
  EXPECT_TRUE(ConnectedComponents(empty).empty());
  const GraphSummary summary = Summarize(empty);
  EXPECT_EQ(summary.nodes, 0u);
  EXPECT_EQ(summary.density, 0.0);
}

}  // namespace
}  // namespace parley
