// Loads GraphML and GEXF exports with the real readers analysts use (networkx, igraph; Debian
// python3-networkx and python3-igraph under /usr/bin/python3) and the event export with Python's
// csv module and pandas (python3-pandas) through tests/graph/readers/*.py, and checks that they
// see exactly the view's nodes, edges and attributes, or its event rows, without warnings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/json.h"
#include "base/text.h"
#include "graph/export.h"
#include "graph/style.h"
#include "tests/graph/graph_fixture.h"

namespace parley {
namespace {

using ::parley::testing::GexfWriter;
using ::parley::testing::LoadFixture;

constexpr char kPython[] = "/usr/bin/python3";

void Field(std::string_view name, std::string_view value, std::string* out) {
  if (out->back() != '{') out->append(", ");
  AppendJsonString(name, out);
  out->append(": ");
  AppendJsonString(value, out);
}

void RawField(std::string_view name, std::string_view raw, std::string* out) {
  if (out->back() != '{') out->append(", ");
  AppendJsonString(name, out);
  out->append(": ");
  out->append(raw);
}

// What an XML reader sees of `text`: the writers drop the C0 controls XML 1.0 forbids.
std::string XmlVisible(std::string_view text) {
  std::string visible;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      visible.push_back(c);
    }
  }
  return visible;
}

// The expectations file check_*.py reads: the view's nodes and edges, computed from the view and
// its statements (not from the writer).
std::string Color(const Rgb& rgb) {
  return "[" + std::to_string(rgb.r) + ", " + std::to_string(rgb.g) + ", " + std::to_string(rgb.b) +
         "]";
}

std::string ExpectedJson(const GraphView& view, const std::string& time) {
  const ViewScale scale = ScaleOf(view);
  std::string out = "{";
  RawField("time", "\"" + time + "\"", &out);
  out += ", \"nodes\": [";
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const GraphNode& node = view.nodes[i];
    out += i == 0 ? "{" : ", {";
    Field("id", node.entity.id, &out);
    Field("label", XmlVisible(node.entity.label), &out);
    Field("type", EntityTypeName(node.entity.type), &out);
    Field("country", node.country, &out);
    Field("iso3", node.iso3, &out);
    Field("code", node.code, &out);
    Field("codes", node.CodeList(), &out);
    RawField("statements", std::to_string(node.statements), &out);
    RawField("color", Color(TypeColor(node.entity.type)), &out);
    RawField("size", FormatDecimal(NodeSize(node.statements, scale)), &out);
    out += "}";
  }
  out += "], \"edges\": [";
  for (size_t i = 0; i < view.edges.size(); ++i) {
    const GraphEdge& edge = view.edges[i];
    out += i == 0 ? "{" : ", {";
    Field("id", edge.id, &out);
    Field("source", view.nodes[edge.source].entity.id, &out);
    Field("target", view.nodes[edge.target].entity.id, &out);
    Field("label", edge.predicate, &out);
    RawField("weight", std::to_string(edge.weight), &out);
    Field("first", edge.first, &out);
    Field("last", edge.last, &out);
    Field("plover", edge.plover, &out);
    RawField("color", Color(EventColor(ClassOfEvent(edge.plover))), &out);
    RawField("thickness", FormatDecimal(EdgeThickness(edge.weight, scale)), &out);
    RawField("sources", std::to_string(edge.sources), &out);
    Field("first_source", view.SourceOf(edge.first_doc), &out);
    Field("latest_source", view.SourceOf(edge.latest_doc), &out);
    // The fixture has no partly overlapping dates on one edge, so the spells are the distinct
    // statement ranges.
    std::vector<std::pair<std::string, std::string>> ranges;
    std::vector<std::string> days;
    for (size_t s : edge.statements) {
      const std::optional<TimeValue>& time = view.TimeOf(s);
      if (!time) continue;
      ranges.emplace_back(time->start, time->end);
      days.push_back(time->start);
    }
    std::sort(ranges.begin(), ranges.end());
    ranges.erase(std::unique(ranges.begin(), ranges.end()), ranges.end());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::string spells = "[";
    for (const auto& [start, end] : ranges) {
      if (spells.size() > 1) spells += ", ";
      spells += "[\"" + start + "\", \"" + end + "\"]";
    }
    RawField("spells", spells + "]", &out);
    std::string timestamps = "[";
    for (const std::string& day : days) {
      if (timestamps.size() > 1) timestamps += ", ";
      timestamps += "\"" + day + "\"";
    }
    RawField("timestamps", timestamps + "]", &out);
    out += "}";
  }
  out += "]}\n";
  return out;
}

// Runs tests/graph/readers/`script` on `export_path` and `expected` (written beside it), and
// expects its one "OK: " line.
void RunReader(const std::string& script, const std::string& dir, const std::string& export_path,
               const std::string& expected) {
  const std::string expected_path = dir + "/expected.json";
  const std::string log_path = dir + "/reader.log";
  std::ofstream(expected_path) << expected;
  const std::string command = std::string(kPython) + " -B " + PARLEY_SOURCE_DIR +
                              "/tests/graph/readers/" + script + " " + export_path + " " +
                              expected_path + " > " + log_path + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream log(log_path);
  std::stringstream output;
  output << log.rdbuf();
  EXPECT_EQ(status, 0) << command << "\n" << output.str();
  EXPECT_EQ(output.str().rfind("OK: ", 0), 0u) << output.str();
}

// What a TSV reader sees of a cell (base/text.h TsvField): line breaks and tabs as spaces, a
// formula behind a quote.
std::string TsvVisible(std::string_view text) {
  std::string visible(text);
  for (char& c : visible) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  if (LooksLikeFormula(text)) visible.insert(visible.begin(), '\'');
  return visible;
}

// The event export (WriteEvents, TSV) of the fixture as csv and pandas read it: the columns, per
// coded statement its id, sentence, codes and labels, and one row in full.
TEST(ExportReadersTest, CsvAndPandasReadTheEvents) {
  if (!std::filesystem::exists(kPython)) GTEST_SKIP() << kPython << " is not installed";
  const testing::Fixture fixture = LoadFixture();
  Result<GraphView> view = BuildGraphViewFrom(fixture.entities, fixture.statements, GraphFilter());
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  const std::string dir = ::testing::TempDir() + "/parley_readers_events";
  std::filesystem::create_directories(dir);
  const std::string export_path = dir + "/events.tsv";
  ASSERT_TRUE(WriteFile(export_path, [&](std::ostream& out) {
                return WriteEvents(*view, EventEncoding::kTsv, out);
              }).ok());
  std::string expected = "{\"columns\": [";
  for (std::string_view column : kEventColumns) {
    if (expected.back() != '[') expected += ", ";
    AppendJsonString(column, &expected);
  }
  expected += "], \"rows\": [";
  for (const Statement& statement : view->statements) {
    if (statement.cameo.empty()) continue;
    if (expected.back() != '[') expected += ", ";
    expected += "{";
    Field("EventID", statement.id, &expected);
    Field("SourceActorFull", statement.subject_code, &expected);
    Field("EventCode", statement.cameo, &expected);
    Field("PloverType", statement.plover, &expected);
    Field("SourceLabel", TsvVisible(statement.subject.label), &expected);
    Field("DocumentID", statement.doc, &expected);
    Field("Sentence", TsvVisible(statement.sentence), &expected);
    expected += "}";
  }
  expected +=
      "], \"known\": {\"EventID\": \"s:000000000000aaab\", \"Date\": \"20180214\", "
      "\"Year\": \"2018\", \"Month\": \"2\", \"Day\": \"14\", \"SourceActorFull\": \"NGA\", "
      "\"SourceActorEntity\": \"NGA\", \"SourceActorRole\": \"\", \"TargetActorFull\": \"SWE\", "
      "\"TargetActorEntity\": \"SWE\", \"TargetActorRole\": \"\", \"EventCode\": \"057\", "
      "\"EventRootCode\": \"05\", \"QuadClass\": \"1\", \"PloverType\": \"AGREE\", "
      "\"SourceLabel\": \"Nigeria\", \"TargetLabel\": \"Sweden\", \"LocationName\": \"\", "
      "\"DocumentID\": \"fixture/doc-3.txt\", \"URLs\": \"\", \"Sentence\": \"Nigeria "
      "signed.\"}}\n";
  RunReader("check_events.py", dir, export_path, expected);
}

struct ReaderCase {
  std::string name;
  GraphFilter filter;
  std::string script;  // in tests/graph/readers
  std::string time;    // "static", "spells" or "timestamps"
  std::function<Status(const GraphView&, std::ostream&)> write;
};

void PrintTo(const ReaderCase& c, std::ostream* os) { *os << c.name; }

class ExportReadersTest : public ::testing::TestWithParam<ReaderCase> {};

TEST_P(ExportReadersTest, RealReadersSeeTheView) {
  if (!std::filesystem::exists(kPython)) GTEST_SKIP() << kPython << " is not installed";
  const ReaderCase& c = GetParam();
  const testing::Fixture fixture = LoadFixture();
  Result<GraphView> view = BuildGraphViewFrom(fixture.entities, fixture.statements, c.filter);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  ASSERT_FALSE(view->edges.empty());

  const std::string dir = ::testing::TempDir() + "/parley_readers_" + c.name;
  std::filesystem::create_directories(dir);
  const std::string export_path = dir + "/export";
  ASSERT_TRUE(WriteFile(export_path, [&](std::ostream& out) { return c.write(*view, out); }).ok());
  RunReader(c.script, dir, export_path, ExpectedJson(*view, c.time));
}

std::vector<ReaderCase> Cases() {
  GraphFilter all;
  GraphFilter multi;
  multi.multi = true;
  GraphFilter actors;
  actors.actors_only = true;
  actors.fold_people_into_states = true;
  return {
      {"GraphMlAll", all, "check_graphml.py", "static", WriteGraphMl},
      {"GraphMlMulti", multi, "check_graphml.py", "static", WriteGraphMl},
      {"GraphMlActorsFolded", actors, "check_graphml.py", "static", WriteGraphMl},
      {"GexfStatic", all, "check_gexf.py", "static", GexfWriter(false, GexfTime::kSpells)},
      {"GexfSpells", all, "check_gexf.py", "spells", GexfWriter(true, GexfTime::kSpells)},
      {"GexfTimestamps", all, "check_gexf.py", "timestamps",
       GexfWriter(true, GexfTime::kTimestamps)},
      {"GexfMultiSpells", multi, "check_gexf.py", "spells", GexfWriter(true, GexfTime::kSpells)},
  };
}

INSTANTIATE_TEST_SUITE_P(Readers, ExportReadersTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ReaderCase>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace parley
