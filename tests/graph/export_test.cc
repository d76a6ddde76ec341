#include "graph/export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>

#include "graph/style.h"
#include "tests/graph/graph_fixture.h"

namespace parley {
namespace {

using ::parley::testing::GexfWriter;
using ::parley::testing::LoadFixture;
using ::parley::testing::MakeEntity;
using ::parley::testing::MakeStatement;
using ::parley::testing::Org;
using ::parley::testing::Person;
using ::parley::testing::State;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

using Writer = std::function<Status(const GraphView&, std::ostream&)>;

std::string Export(const GraphView& view, const Writer& write) {
  std::ostringstream out;
  const Status status = write(view, out);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return out.str();
}

// One statement whose labels hold everything a writer must neutralise.
GraphView HostileView() {
  const EntityRef evil{"organization:evil", "=SUM(A1) <b>\"Evil\" & Co\x01\n",
                       EntityType::kOrganization};
  const std::vector<Entity> entities = {MakeEntity(evil), MakeEntity(State("Norway"))};
  std::vector<Statement> statements = {MakeStatement("s:1", evil, "threat\"ened", State("Norway"),
                                                     "2020-01-02", std::nullopt, "THREATEN")};
  statements[0].cameo = "138";
  Result<GraphView> view = BuildGraphViewFrom(entities, statements, GraphFilter());
  EXPECT_TRUE(view.ok());
  return *view;
}

TEST(ExportTest, GraphMlEscapesLabelsAndDropsForbiddenCharacters) {
  const std::string xml = Export(HostileView(), WriteGraphMl);
  EXPECT_THAT(xml, HasSubstr("<data key=\"label\">=SUM(A1) &lt;b&gt;&quot;Evil&quot; &amp; "
                             "Co&#10;</data>"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"edge_label\">threat&quot;ened</data>"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"weight\">1</data>"));
  EXPECT_THAT(xml, HasSubstr("<data key=\"plover\">THREATEN</data>"));
  EXPECT_THAT(xml, Not(HasSubstr("\x01")));
}

TEST(ExportTest, CameoQuadClassFollowsPhoenix) {
  const std::pair<std::string, int> cases[] = {
      {"010", 0}, {"02", 0},  {"036", 1}, {"057", 1}, {"061", 2}, {"0874", 2}, {"09", 3},
      {"111", 3}, {"138", 3}, {"14", 4},  {"193", 4}, {"204", 4}, {"", -1},    {"0", -1},
      {"00", -1}, {"21", -1}, {"x1", -1}, {"-1", -1}, {"3", -1}};
  for (const auto& [cameo, quad] : cases) {
    SCOPED_TRACE(cameo);
    EXPECT_EQ(CameoQuadClass(cameo), quad);
  }
}

// The event export of the fixture: the columns in Phoenix's order, one known row, the quoting of
// a sentence with double quotes, and no row for the statement without an event code.
TEST(ExportTest, EventsHaveThePhoenixColumnsAndOneRowPerCodedStatement) {
  const testing::Fixture fixture = LoadFixture();
  Result<GraphView> view = BuildGraphViewFrom(fixture.entities, fixture.statements, GraphFilter());
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  view->documents["fixture/doc-2.txt"] =
      DocumentInfo{.id = "fixture/doc-2.txt", .url = "https://example.org/doc-2"};
  const std::string tsv = Export(*view, [](const GraphView& v, std::ostream& o) {
    return WriteEvents(v, EventEncoding::kTsv, o);
  });
  std::vector<std::string> lines;
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 12u);  // the header and 11 of the 12 statements
  EXPECT_EQ(lines[0],
            "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\t"
            "SourceActorRole\tTargetActorFull\tTargetActorEntity\tTargetActorRole\tEventCode\t"
            "EventRootCode\tQuadClass\tPloverType\tSourceLabel\tTargetLabel\tLocationName\t"
            "DocumentID\tURLs\tSentence");
  // "Sweden signed <the accord> with Nigeria" in 2018: the target is the recipient, the actor.
  EXPECT_THAT(lines, Contains("s:0000000000008bbc\t2018\t2018\t\t\tSWE\tSWE\t\tNGA\tNGA\t\t057\t"
                              "05\t1\tAGREE\tSweden\tNigeria\t\tfixture/doc-2.txt\t"
                              "https://example.org/doc-2\tSweden signed."));
  EXPECT_THAT(lines, Contains("s:0000000000002eef\t20160304\t2016\t3\t4\tSWEGOV\tSWE\tGOV\t"
                              "NGAGOV\tNGA\tGOV\t036\t03\t1\tCONSULT\tAna Lindqvist\t"
                              "Tomás Okafor\tLagos\tfixture/doc-2.txt\thttps://example.org/doc-2\t"
                              "\"Ana Lindqvist met Tomás Okafor in Lagos, calling it \"\"a <new> "
                              "start\"\" & more.\""));
  EXPECT_THAT(tsv, Not(HasSubstr("s:0000000000014556")));  // "Sweden praised": no event code
  const std::string jsonl = Export(*view, [](const GraphView& v, std::ostream& o) {
    return WriteEvents(v, EventEncoding::kJsonl, o);
  });
  EXPECT_THAT(jsonl, HasSubstr("{\"EventID\":\"s:0000000000008bbc\",\"Date\":\"2018\","
                               "\"Year\":2018,\"Month\":null,\"Day\":null,"
                               "\"SourceActorFull\":\"SWE\",\"SourceActorEntity\":\"SWE\","
                               "\"SourceActorRole\":null,\"TargetActorFull\":\"NGA\","));
}

// The HTML map's page (WriteHtml): the data block as the page's script reads it.
nlohmann::json MapData(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"parley-data\">\n";
  const size_t begin = page.find(open);
  const size_t end = page.find("\n</script>", begin);
  if (begin == std::string::npos || end == std::string::npos) return nullptr;
  return nlohmann::json::parse(page.substr(begin + open.size(), end - begin - open.size()));
}

TEST(ExportTest, HtmlIsOneSelfContainedPage) {
  GraphView view = HostileView();
  // A sentence that would end the data's <script> element, and a citation.
  view.statements[0].sentence = "Evil </script><script>alert(1)</script> <!-- threatened.";
  view.documents["doc-s:1"] =
      DocumentInfo{.id = "doc-s:1", .title = "Report", .url = "https://example.org/r"};
  const std::string page = Export(view, WriteHtml);
  EXPECT_THAT(page, ::testing::StartsWith("<!DOCTYPE html>\n"));
  EXPECT_THAT(page, HasSubstr("The Cytoscape Consortium"));  // the library and its licence
  EXPECT_THAT(page, HasSubstr("window.parleyMap"));          // graph/web/map.js
  EXPECT_THAT(page, Not(HasSubstr("<!-- parley:")));         // every marker filled
  // Nothing to fetch: no external script, style or image, and a policy that forbids them.
  EXPECT_THAT(page, Not(HasSubstr(" src=")));
  EXPECT_THAT(page, Not(HasSubstr("<link")));
  EXPECT_THAT(page, HasSubstr("content=\"default-src 'none'"));
  // Exactly the three script elements end: the hostile sentence stays inside the data.
  size_t ends = 0;
  for (size_t at = page.find("</script"); at != std::string::npos;
       at = page.find("</script", at + 1)) {
    ++ends;
  }
  EXPECT_EQ(ends, 3u);
  // No script holds "<!--" either (it would change how the HTML parser reads the element).
  for (size_t at = page.find("<script"); at != std::string::npos;
       at = page.find("<script", at + 1)) {
    const size_t end = page.find("</script", at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(page.substr(at, end - at).find("<!--"), std::string::npos);
  }
  const nlohmann::json data = MapData(page);
  ASSERT_TRUE(data.is_object());
  ASSERT_EQ(data["nodes"].size(), 2u);
  ASSERT_EQ(data["edges"].size(), 1u);
  ASSERT_EQ(data["statements"].size(), 1u);
  const nlohmann::json& evil = data["nodes"][0];
  EXPECT_EQ(evil["id"], "organization:evil");
  EXPECT_EQ(evil["label"], "=SUM(A1) <b>\"Evil\" & Co\x01\n");
  EXPECT_EQ(evil["color"], "#009e73");  // TypeColor(kOrganization)
  EXPECT_EQ(evil["size"], 50);
  EXPECT_EQ(evil["s"], nlohmann::json::array({0}));
  const nlohmann::json& edge = data["edges"][0];
  EXPECT_EQ(edge["source"], "organization:evil");
  EXPECT_EQ(edge["target"], "state:norway");
  EXPECT_EQ(edge["predicate"], "threat\"ened");
  EXPECT_EQ(edge["color"], EventColor(EventClass::kConflict).Hex());
  EXPECT_EQ(edge["weight"], 1);
  EXPECT_EQ(edge["s"], nlohmann::json::array({0}));
  const nlohmann::json& statement = data["statements"][0];
  EXPECT_EQ(statement["sentence"], view.statements[0].sentence);
  EXPECT_EQ(statement["start"], "2020-01-02");
  EXPECT_EQ(statement["end"], "2020-01-02");
  EXPECT_EQ(statement["source"], "https://example.org/r");
  EXPECT_EQ(statement["title"], "Report");
  EXPECT_EQ(statement["object"], "Norway");
  EXPECT_EQ(Export(view, WriteHtml), page);  // deterministic
}

TEST(ExportTest, HtmlListsEdgelessStatementsUnderTheirSubject) {
  Result<GraphView> view =
      BuildGraphViewFrom({},
                         {MakeStatement("s:1", State("Norway"), "said", std::nullopt, "2021"),
                          MakeStatement("s:2", State("Norway"), "met", State("Chile"))},
                         GraphFilter());
  ASSERT_TRUE(view.ok());
  const nlohmann::json data = MapData(Export(*view, WriteHtml));
  ASSERT_TRUE(data.is_object());
  ASSERT_EQ(data["nodes"].size(), 2u);
  EXPECT_EQ(data["nodes"][0]["id"], "state:chile");
  EXPECT_EQ(data["nodes"][0]["s"], nlohmann::json::array({1}));
  EXPECT_EQ(data["nodes"][1]["s"], nlohmann::json::array({0, 1}));  // Norway: said, met
  EXPECT_EQ(data["statements"][0]["time"], "2021");
  EXPECT_EQ(data["statements"][1]["time"], "");
}

TEST(ExportTest, GexfDynamicWritesSpellsOrTimestamps) {
  const GraphView view = HostileView();
  GexfOptions options;
  const std::string static_gexf = Export(
      view, [&](const GraphView& v, std::ostream& out) { return WriteGexf(v, options, out); });
  EXPECT_THAT(static_gexf, HasSubstr("<graph mode=\"static\" defaultedgetype=\"directed\">"));
  EXPECT_THAT(static_gexf, Not(HasSubstr("<spells>")));
  options.dynamic = true;
  const std::string spells = Export(
      view, [&](const GraphView& v, std::ostream& out) { return WriteGexf(v, options, out); });
  EXPECT_THAT(spells, HasSubstr("timeformat=\"date\" timerepresentation=\"interval\""));
  EXPECT_THAT(spells, HasSubstr("<spell start=\"2020-01-02\" end=\"2020-01-02\"/>"));
  options.time = GexfTime::kTimestamps;
  const std::string timestamps = Export(
      view, [&](const GraphView& v, std::ostream& out) { return WriteGexf(v, options, out); });
  EXPECT_THAT(timestamps, HasSubstr("timerepresentation=\"timestamp\""));
  EXPECT_THAT(timestamps, HasSubstr("<spell timestamp=\"2020-01-02\"/>"));
}

TEST(ExportTest, GexfSpellsUseDocumentDates) {
  GraphFilter filter;
  filter.document_dates = true;
  Result<GraphView> view =
      BuildGraphViewFrom({}, {MakeStatement("s:1", State("Norway"), "met", State("Chile"))}, filter,
                         {{"doc-s:1", "2021-06-09"}});
  ASSERT_TRUE(view.ok());
  const std::string gexf = Export(*view, GexfWriter(true, GexfTime::kSpells));
  EXPECT_THAT(gexf, HasSubstr("<spell start=\"2021-06-09\" end=\"2021-06-09\"/>"));
}

TEST(ExportTest, CsvNeutralisesFormulasAndQuotes) {
  const GraphView view = HostileView();
  EXPECT_EQ(Export(view, WriteCsvNodes),
            "Id,Label,Type,Country,Statements,First,Last,ISO3,Code,Codes\n"
            "organization:evil,\"'=SUM(A1) <b>\"\"Evil\"\" & Co\x01\n\",organization,,1,2020-01-02,"
            "2020-01-02,,,\n"
            "state:norway,Norway,state,state:norway,1,2020-01-02,2020-01-02,,,\n");
  EXPECT_EQ(Export(view, WriteCsvEdges),
            "Source,Target,Type,Id,Label,Weight,Predicate,Plover,First,Last,Sources,First "
            "Source,Latest Source\n"
            "organization:evil,state:norway,Directed," +
                view.edges[0].id +
                ",\"threat\"\"ened\",1,\"threat\"\"ened\",THREATEN,2020-01-02,2020-01-02,1,"
                "doc-s:1,doc-s:1\n");
}

TEST(ExportTest, CsvReplacesInvalidUtf8) {
  const EntityRef broken{"state:broken", "Bro\xFFken", EntityType::kState};
  Result<GraphView> view =
      BuildGraphViewFrom({}, {MakeStatement("s:1", broken, "noted", std::nullopt)}, GraphFilter());
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(Export(*view, WriteCsvNodes),
            "Id,Label,Type,Country,Statements,First,Last,ISO3,Code,Codes\n"
            "state:broken,Bro\xEF\xBF\xBDken,state,state:broken,1,,,,,\n");
}

TEST(ExportTest, DotEscapesQuotesAndLineBreaks) {
  EXPECT_EQ(Export(HostileView(), WriteDot),
            "digraph parley {\n"
            "  node [style=filled, fontcolor=\"#ffffff\"];\n"
            "  \"organization:evil\" [label=\"=SUM(A1) <b>\\\"Evil\\\" & Co\\n\", "
            "type=\"organization\", fillcolor=\"#009e73\", width=1.25];\n"
            "  \"state:norway\" [label=\"Norway\", type=\"state\", fillcolor=\"#d55e00\", "
            "width=1.25];\n"
            "  \"organization:evil\" -> \"state:norway\" [label=\"threat\\\"ened\", weight=1, "
            "plover=\"THREATEN\", first=\"2020-01-02\", last=\"2020-01-02\", color=\"#d73027\", "
            "penwidth=10];\n"
            "}\n");
}

TEST(ExportTest, PloverRecordsCarryActorsAndCountries) {
  Entity minister = MakeEntity(Person("Kari Berg"), "Norway");
  const std::vector<Entity> entities = {minister, MakeEntity(State("Norway")),
                                        MakeEntity(Org("Forum"))};
  Statement met =
      MakeStatement("s:2", Person("Kari Berg"), "met", Org("Forum"), "", std::nullopt, "CONSULT");
  met.doc_date = "2021-04-05";
  const std::vector<Statement> statements = {
      met, MakeStatement("s:1", State("Norway"), "noted", std::nullopt, "2021-03")};
  std::ostringstream out;
  ASSERT_TRUE(WritePloverJsonl(entities, statements, out).ok());
  EXPECT_EQ(out.str(),
            "{\"event_id\": \"s:2\", \"event_date\": \"2021-04-05\", \"date_value\": null, "
            "\"event_type\": \"CONSULT\", \"event_mode\": \"\", \"context\": [], "
            "\"source\": {\"id\": \"person:kari-berg\", \"name\": \"Kari Berg\", \"type\": "
            "\"person\", \"country\": \"state:norway\"}, "
            "\"target\": {\"id\": \"organization:forum\", \"name\": \"Forum\", \"type\": "
            "\"organization\", \"country\": \"\"}, \"location\": null, \"modality\": "
            "\"asserted\", \"predicate\": \"met\", \"cameo\": \"\", \"doc\": \"doc-s:2\", "
            "\"text\": \"Kari Berg met.\", \"rule\": \"test.rule\"}\n");
}

TEST(ExportTest, JsonlKeepsTheGivenOrder) {
  const std::vector<Statement> statements = {
      MakeStatement("s:b", State("Norway"), "noted", std::nullopt),
      MakeStatement("s:a", State("Norway"), "noted", std::nullopt)};
  std::ostringstream out;
  ASSERT_TRUE(WriteStatementsJsonl(statements, {}, out).ok());
  EXPECT_EQ(out.str(),
            StatementToJson(statements[0]) + "\n" + StatementToJson(statements[1]) + "\n");
  // A document the map knows is cited.
  const DocumentInfo cited{"doc-s:a", "Notes", "https://example.org/a"};
  std::ostringstream with_sources;
  ASSERT_TRUE(WriteStatementsJsonl(statements, {{"doc-s:a", cited}}, with_sources).ok());
  EXPECT_EQ(with_sources.str(), StatementToJson(statements[0]) + "\n" +
                                    CitedStatementToJson(statements[1], cited) + "\n");
}

// A stream buffer that refuses every write, like a full disk.
class FullDisk : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

TEST(ExportTest, StreamFailureIsAnIoError) {
  const GraphView view = HostileView();
  const std::vector<std::pair<std::string, Writer>> writers = {
      {"graphml", WriteGraphMl},
      {"gexf", [](const GraphView& v, std::ostream& o) { return WriteGexf(v, GexfOptions(), o); }},
      {"csv nodes", WriteCsvNodes},
      {"csv edges", WriteCsvEdges},
      {"dot", WriteDot},
      {"plover", [](const GraphView& v, std::ostream& o) { return WritePloverJsonl(v, o); }},
  };
  for (const auto& [name, write] : writers) {
    SCOPED_TRACE(name);
    FullDisk full;
    std::ostream out(&full);
    const Status status = write(view, out);
    EXPECT_EQ(status.code(), StatusCode::kIoError);
    EXPECT_EQ(status.message(), "writing the export failed (disk full or stream closed?)");
  }
}

TEST(ExportTest, WriteFileReportsThePath) {
  const std::string missing = ::testing::TempDir() + "/no-such-dir/out.graphml";
  const Status status =
      WriteFile(missing, [](std::ostream& out) { return WriteGraphMl(GraphView(), out); });
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_EQ(status.message(), missing + ": cannot open for writing: No such file or directory");

  const std::string path = ::testing::TempDir() + "/empty.graphml";
  ASSERT_TRUE(
      WriteFile(path, [](std::ostream& out) { return WriteGraphMl(GraphView(), out); }).ok());
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("<graph id=\"parley\" edgedefault=\"directed\">\n  </graph>"));
}

TEST(ExportTest, FailedWriteFileLeavesThePreviousFile) {
  const std::string dir = ::testing::TempDir() + "/parley_atomic";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/graph.csv";
  std::ofstream(path) << "previous\n";
  const Status status = WriteFile(path, [](std::ostream& out) {
    out << "half an export";
    return IoError("the store went away");
  });
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_EQ(status.message(), path + ": the store went away");
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "previous\n");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().string(), path);
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

TEST(ExportFormatTest, NamesRoundTripAndTyposGetASuggestion) {
  for (ExportFormat format : kAllExportFormats) {
    SCOPED_TRACE(ExportFormatName(format));
    Result<ExportFormat> parsed = ParseExportFormat(ExportFormatName(format));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, format);
  }
  struct Case {
    std::string name;
    std::string message;
  };
  const std::string known =
      "; known: graphml, gexf, csv-nodes, csv-edges, dot, statements, entities, plover, html, "
      "events, events-jsonl";
  const Case cases[] = {
      {"grafml", "unknown export format 'grafml' (did you mean 'graphml'?)" + known},
      {"GEXF", "unknown export format 'GEXF' (did you mean 'gexf'?)" + known},
      {"csv", "unknown export format 'csv'" + known},
      {"", "unknown export format ''" + known},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<ExportFormat> parsed = ParseExportFormat(c.name);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message(), c.message);
  }
}

TEST(ExportFormatTest, WriteExportDispatchesToEachWriter) {
  const GraphView view = HostileView();
  GexfOptions gexf;
  gexf.dynamic = true;
  const std::vector<std::pair<ExportFormat, Writer>> cases = {
      {ExportFormat::kGraphMl, WriteGraphMl},
      {ExportFormat::kGexf, GexfWriter(true, GexfTime::kSpells)},
      {ExportFormat::kCsvNodes, WriteCsvNodes},
      {ExportFormat::kCsvEdges, WriteCsvEdges},
      {ExportFormat::kDot, WriteDot},
      {ExportFormat::kStatementsJsonl,
       [](const GraphView& v, std::ostream& o) { return WriteStatementsJsonl(v, o); }},
      {ExportFormat::kEntitiesJsonl,
       [](const GraphView& v, std::ostream& o) { return WriteEntitiesJsonl(v, o); }},
      {ExportFormat::kPloverJsonl,
       [](const GraphView& v, std::ostream& o) { return WritePloverJsonl(v, o); }},
      {ExportFormat::kHtml, WriteHtml},
      {ExportFormat::kEventsTsv,
       [](const GraphView& v, std::ostream& o) { return WriteEvents(v, EventEncoding::kTsv, o); }},
      {ExportFormat::kEventsJsonl,
       [](const GraphView& v, std::ostream& o) {
         return WriteEvents(v, EventEncoding::kJsonl, o);
       }},
  };
  ASSERT_EQ(cases.size(), std::size(kAllExportFormats));
  for (const auto& [format, write] : cases) {
    SCOPED_TRACE(ExportFormatName(format));
    const std::string direct = Export(view, write);
    EXPECT_FALSE(direct.empty());
    EXPECT_EQ(Export(view,
                     [&, format = format](const GraphView& v, std::ostream& o) {
                       return WriteExport(v, format, gexf, o);
                     }),
              direct);
  }
}

// Golden files: tests/data/golden/graph/<name>. Regenerate them after an intended format change
// with `PARLEY_UPDATE_GOLDEN=1 build/tests/parley_graph_test --gtest_filter='ExportGolden*'` and
// review the diff.
struct GoldenCase {
  std::string name;
  GraphFilter filter;
  Writer write;
};

std::vector<GoldenCase> GoldenCases() {
  GraphFilter all;
  GraphFilter actors;
  actors.actors_only = true;
  actors.fold_people_into_states = true;
  GraphFilter multi;
  multi.multi = true;
  auto plover = [](const GraphView& view, std::ostream& out) {
    return WritePloverJsonl(view, out);
  };
  auto statements = [](const GraphView& view, std::ostream& out) {
    return WriteStatementsJsonl(view, out);
  };
  auto entities = [](const GraphView& view, std::ostream& out) {
    return WriteEntitiesJsonl(view, out);
  };
  return {
      {"all.graphml", all, WriteGraphMl},
      {"multi.graphml", multi, WriteGraphMl},
      {"actors-folded.graphml", actors, WriteGraphMl},
      {"all.gexf", all, GexfWriter(false, GexfTime::kSpells)},
      {"all-dynamic.gexf", all, GexfWriter(true, GexfTime::kSpells)},
      {"all-timestamps.gexf", all, GexfWriter(true, GexfTime::kTimestamps)},
      {"all-nodes.csv", all, WriteCsvNodes},
      {"all-edges.csv", all, WriteCsvEdges},
      {"all.dot", all, WriteDot},
      {"all-plover.jsonl", all, plover},
      {"all-statements.jsonl", all, statements},
      {"all-entities.jsonl", all, entities},
      {"all-events.tsv", all,
       [](const GraphView& view, std::ostream& out) {
         return WriteEvents(view, EventEncoding::kTsv, out);
       }},
      {"all-events.jsonl", all,
       [](const GraphView& view, std::ostream& out) {
         return WriteEvents(view, EventEncoding::kJsonl, out);
       }},
  };
}

TEST(ExportGoldenTest, MatchesGoldenFiles) {
  const testing::Fixture fixture = LoadFixture();
  const char* update = std::getenv("PARLEY_UPDATE_GOLDEN");
  const bool regenerate = update != nullptr && std::string(update) == "1";
  for (const GoldenCase& c : GoldenCases()) {
    SCOPED_TRACE(c.name);
    Result<GraphView> view = BuildGraphViewFrom(fixture.entities, fixture.statements, c.filter);
    ASSERT_TRUE(view.ok()) << view.status().ToString();
    const std::string got = Export(*view, c.write);
    const std::string path = std::string(PARLEY_TEST_DATA_DIR) + "/golden/graph/" + c.name;
    if (regenerate) {
      std::filesystem::create_directories(std::filesystem::path(path).parent_path());
      std::ofstream(path, std::ios::binary) << got;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in.good()) << path << " is missing; run with PARLEY_UPDATE_GOLDEN=1";
    const std::string want((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(got, want) << "export differs from " << path
                         << "; if intended, regenerate with PARLEY_UPDATE_GOLDEN=1";
  }
}

}  // namespace
}  // namespace parley
