// Every GraphML variant `parley export` writes, read back with boost::read_graphml into an
// adjacency_list carrying exactly the node and edge attributes graph/export.h documents (the
// C++ loading example of graph/README.md): counts, labels, types, weights and dates must be
// those of the store's graph view (BuildGraphView over the same store and filter), and labels
// and types those of the store's entities.
//
// Stores: the demo store (examples/, as tools/demo.sh builds it) and a store loaded from the
// hostile export fixture (tests/data/graph: markup, quotes, control characters, a line break
// and Greek text in labels).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/text.h"
#include "graph/graph_view.h"
#include "graph/store.h"
#include "graph/style.h"
#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

// The documented attributes (graph/export.h WriteGraphMl), typed as their <key> declares them:
// a property map of another type makes read_graphml throw, and so does an attribute that has no
// property map here, so the file cannot carry an undocumented or mistyped attribute.
struct Node {
  std::string label, type, country, first, last, iso3, code, codes;
  long statements = 0;
  int r = 0, g = 0, b = 0;
  double size = 0;
};
struct Edge {
  std::string label, predicate, plover, first, last;
  double weight = 0;
  long count = 0, sources = 0;
  std::string first_source, first_source_title, latest_source, latest_source_title;
  int r = 0, g = 0, b = 0;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;

// Fills `graph` (in place: copying an adjacency_list iterates boost::edges(), see EdgeRows).
void ReadGraphMl(const std::string& text, Graph& graph) {
  boost::dynamic_properties properties;
  properties.property("label", boost::get(&Node::label, graph));
  properties.property("type", boost::get(&Node::type, graph));
  properties.property("country", boost::get(&Node::country, graph));
  properties.property("statements", boost::get(&Node::statements, graph));
  properties.property("first", boost::get(&Node::first, graph));
  properties.property("last", boost::get(&Node::last, graph));
  properties.property("iso3", boost::get(&Node::iso3, graph));
  properties.property("code", boost::get(&Node::code, graph));
  properties.property("codes", boost::get(&Node::codes, graph));
  properties.property("r", boost::get(&Node::r, graph));
  properties.property("g", boost::get(&Node::g, graph));
  properties.property("b", boost::get(&Node::b, graph));
  properties.property("size", boost::get(&Node::size, graph));
  properties.property("label", boost::get(&Edge::label, graph));
  properties.property("weight", boost::get(&Edge::weight, graph));
  properties.property("predicate", boost::get(&Edge::predicate, graph));
  properties.property("plover", boost::get(&Edge::plover, graph));
  properties.property("first", boost::get(&Edge::first, graph));
  properties.property("last", boost::get(&Edge::last, graph));
  properties.property("count", boost::get(&Edge::count, graph));
  properties.property("sources", boost::get(&Edge::sources, graph));
  properties.property("first_source", boost::get(&Edge::first_source, graph));
  properties.property("first_source_title", boost::get(&Edge::first_source_title, graph));
  properties.property("latest_source", boost::get(&Edge::latest_source, graph));
  properties.property("latest_source_title", boost::get(&Edge::latest_source_title, graph));
  properties.property("r", boost::get(&Edge::r, graph));
  properties.property("g", boost::get(&Edge::g, graph));
  properties.property("b", boost::get(&Edge::b, graph));
  std::istringstream in(text);
  boost::read_graphml(in, graph, properties);
}

// What Boost's reader (property_tree's XML parser with trim_whitespace) gives back for a value
// parley wrote: the characters XML 1.0 forbids are gone (the writer drops them), tab, LF and CR
// survive (the writer writes them as character references), and the parser trims and collapses
// runs of the spaces written as they are.
std::string AsRead(std::string_view text) {
  std::string visible;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = DecodeUtf8(text, &pos);
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      continue;
    }
    if (cp == ' ' && (visible.empty() || visible.back() == ' ')) continue;
    AppendUtf8(cp, &visible);
  }
  if (!visible.empty() && visible.back() == ' ') visible.pop_back();
  return visible;
}

// One line per node or edge, its fields joined by " | ", sorted: the two sides compare as
// multisets (Boost's reader keeps no node ids, and labels need not be unique).
std::string Row(std::initializer_list<std::string> fields) {
  std::string row;
  for (const std::string& field : fields) row += (row.empty() ? "" : " | ") + field;
  return row;
}

std::vector<std::string> Sorted(std::vector<std::string> rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string Rgb3(int r, int g, int b) {
  return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b);
}

std::vector<std::string> NodeRows(const Graph& graph) {
  std::vector<std::string> rows;
  for (auto [it, end] = boost::vertices(graph); it != end; ++it) {
    const Node& n = graph[*it];
    rows.push_back(Row({n.label, n.type, n.country, std::to_string(n.statements), n.first, n.last,
                        n.iso3, n.code, n.codes, Rgb3(n.r, n.g, n.b), FormatDecimal(n.size)}));
  }
  return Sorted(rows);
}

std::vector<std::string> EdgeRows(const Graph& graph) {
  // Out-edges of each vertex rather than boost::edges(): g++ 12 -O3 warns about the
  // boost::optional inside the latter's iterator (a maybe-uninitialized false positive of the
  // GCC PR105329 family).
  std::vector<std::string> rows;
  for (auto [v, v_end] = boost::vertices(graph); v != v_end; ++v) {
    for (auto [it, end] = boost::out_edges(*v, graph); it != end; ++it) {
      const Edge& e = graph[*it];
      rows.push_back(
          Row({graph[*v].label, graph[boost::target(*it, graph)].label, e.label, e.predicate,
               e.plover, FormatDecimal(e.weight), std::to_string(e.count), e.first, e.last,
               std::to_string(e.sources), e.first_source, e.first_source_title, e.latest_source,
               e.latest_source_title, Rgb3(e.r, e.g, e.b)}));
    }
  }
  return Sorted(rows);
}

std::vector<std::string> NodeRows(const GraphView& view) {
  const ViewScale scale = ScaleOf(view);
  std::vector<std::string> rows;
  for (const GraphNode& n : view.nodes) {
    const Rgb color = TypeColor(n.entity.type);
    rows.push_back(
        Row({AsRead(n.entity.label), std::string(EntityTypeName(n.entity.type)), n.country,
             std::to_string(n.statements), n.first, n.last, n.iso3, n.code, n.CodeList(),
             Rgb3(color.r, color.g, color.b), FormatDecimal(NodeSize(n.statements, scale))}));
  }
  return Sorted(rows);
}

std::vector<std::string> EdgeRows(const GraphView& view) {
  std::vector<std::string> rows;
  for (const GraphEdge& e : view.edges) {
    const Rgb color = EventColor(ClassOfEvent(e.plover));
    rows.push_back(
        Row({AsRead(view.nodes[e.source].entity.label), AsRead(view.nodes[e.target].entity.label),
             e.predicate, e.predicate, e.plover, std::to_string(e.weight), std::to_string(e.weight),
             e.first, e.last, std::to_string(e.sources), AsRead(view.SourceOf(e.first_doc)),
             AsRead(view.TitleOf(e.first_doc)), AsRead(view.SourceOf(e.latest_doc)),
             AsRead(view.TitleOf(e.latest_doc)), Rgb3(color.r, color.g, color.b)}));
  }
  return Sorted(rows);
}

struct Variant {
  std::string name;
  std::string store;  // "demo" or "hostile"
  std::vector<std::string> flags;
  GraphFilter filter;  // what the flags mean
};

void PrintTo(const Variant& v, std::ostream* os) { *os << v.name; }

class GraphMlBoostTest : public ::testing::TestWithParam<Variant> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("parley_graphml_boost_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    CliRun demo =
        RunParley({"ingest", "--db", Db("demo"), std::string(PARLEY_SOURCE_DIR) + "/examples"});
    ASSERT_EQ(demo.code, 0) << demo.err;
    // The fixture's statements, grouped by document as `ingest --statements` wants them.
    std::vector<Statement> statements;
    std::ifstream fixture(std::string(PARLEY_TEST_DATA_DIR) + "/graph/fixture_statements.jsonl");
    for (std::string line; std::getline(fixture, line);) {
      Result<Statement> statement = StatementFromJson(line);
      ASSERT_TRUE(statement.ok()) << statement.status().ToString();
      statements.push_back(*statement);
    }
    ASSERT_EQ(statements.size(), 12u);
    std::stable_sort(statements.begin(), statements.end(),
                     [](const Statement& a, const Statement& b) { return a.doc < b.doc; });
    const std::string grouped = (*dir_ / "hostile.jsonl").string();
    std::ofstream out(grouped);
    for (const Statement& statement : statements) out << StatementToJson(statement) << "\n";
    out.close();
    CliRun hostile = RunParley({"ingest", "--db", Db("hostile"), "--statements", grouped});
    ASSERT_EQ(hostile.code, 0) << hostile.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string Db(const std::string& name) { return (*dir_ / (name + ".db")).string(); }

  static std::filesystem::path* dir_;
};

std::filesystem::path* GraphMlBoostTest::dir_ = nullptr;

TEST_P(GraphMlBoostTest, BoostReadsWhatTheStoreHolds) {
  const Variant& v = GetParam();
  std::vector<std::string> args = {"export", "--db", Db(v.store), "--format", "graphml"};
  args.insert(args.end(), v.flags.begin(), v.flags.end());
  CliRun run = RunParley(args);
  ASSERT_EQ(run.code, 0) << run.err;

  Graph graph;
  try {
    ReadGraphMl(run.out, graph);
  } catch (const std::exception& e) {
    FAIL() << "boost::read_graphml: " << e.what() << "\n" << run.out;
  }

  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> store = OpenRocksStore(Db(v.store), options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<GraphView> view = BuildGraphView(**store, v.filter);
  ASSERT_TRUE(view.ok()) << view.status().ToString();

  EXPECT_EQ(boost::num_vertices(graph), view->nodes.size());
  EXPECT_EQ(boost::num_edges(graph), view->edges.size());
  EXPECT_EQ(NodeRows(graph), NodeRows(*view));
  EXPECT_EQ(EdgeRows(graph), EdgeRows(*view));

  // Labels and types are the store's entity records (a folded person's node is its state's).
  for (const GraphNode& node : view->nodes) {
    Result<std::optional<Entity>> entity = (*store)->GetEntity(node.entity.id);
    ASSERT_TRUE(entity.ok()) << entity.status().ToString();
    ASSERT_TRUE(entity->has_value()) << node.entity.id;
    EXPECT_EQ(node.entity.label, (*entity)->label);
    EXPECT_EQ(node.entity.type, (*entity)->type);
  }
}

std::vector<Variant> Variants() {
  GraphFilter all;
  GraphFilter actors;
  actors.actors_only = true;
  GraphFilter folded;
  folded.fold_people_into_states = true;
  GraphFilter actors_folded = actors;
  actors_folded.fold_people_into_states = true;
  GraphFilter heavy;
  heavy.min_weight = 2;
  GraphFilter multi;
  multi.multi = true;
  GraphFilter since;
  since.since = "2019";
  return {
      {"Demo", "demo", {}, all},
      {"DemoActorsOnly", "demo", {"--actors-only"}, actors},
      {"DemoFoldPeople", "demo", {"--fold-people"}, folded},
      {"DemoActorsOnlyFoldPeople", "demo", {"--actors-only", "--fold-people"}, actors_folded},
      {"DemoMinWeight", "demo", {"--min-weight", "2"}, heavy},
      {"DemoMulti", "demo", {"--multi"}, multi},
      {"DemoSince", "demo", {"--since", "2019"}, since},
      {"Hostile", "hostile", {}, all},
      {"HostileActorsOnly", "hostile", {"--actors-only"}, actors},
      {"HostileMinWeight", "hostile", {"--min-weight", "2"}, heavy},
      {"HostileMulti", "hostile", {"--multi"}, multi},
  };
}

INSTANTIATE_TEST_SUITE_P(Variants, GraphMlBoostTest, ::testing::ValuesIn(Variants()),
                         [](const ::testing::TestParamInfo<Variant>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace parley::cli
