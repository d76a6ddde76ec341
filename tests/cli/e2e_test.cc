// The README's main job, in-process: ingest examples/ into a fresh store, ask who proposed what,
// read the timeline and the entity card, export GraphML and GEXF and load them with networkx.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;

class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("parley_e2e_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    db_ = new std::string((*dir_ / "store").string());
    CliRun first =
        RunParley({"ingest", "--db", *db_, std::string(PARLEY_SOURCE_DIR) + "/examples"});
    ASSERT_EQ(first.code, 0) << first.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete db_;
  }
  static std::filesystem::path* dir_;
  static std::string* db_;
};

std::filesystem::path* EndToEndTest::dir_ = nullptr;
std::string* EndToEndTest::db_ = nullptr;

TEST_F(EndToEndTest, WhoProposedWhatToWhomWhen) {
  CliRun run = RunParley({"query", "--db", *db_, "?who proposed ?what", "--format", "tsv"});
  ASSERT_EQ(run.code, 0) << run.err;
  // Header, then a row naming Putin as proposer, Abe as recipient, September 2018 as time.
  bool found = false;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("Vladimir Putin\t") == 0 &&
        line.find("\t2018-09\tShinzo Abe\t") != std::string::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << run.out;
}

TEST_F(EndToEndTest, IngestingTwiceChangesNothing) {
  // Everything but the size on disk, which compaction may change.
  auto counts = [](std::string json) { return json.substr(0, json.find("\"disk_bytes\"")); };
  CliRun before = RunParley({"stats", "--db", *db_, "--json"});
  CliRun again = RunParley({"ingest", "--db", *db_, std::string(PARLEY_SOURCE_DIR) + "/examples"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("0 added, 0 replaced, 1 unchanged"));
  CliRun after = RunParley({"stats", "--db", *db_, "--json"});
  EXPECT_EQ(counts(before.out), counts(after.out));
  EXPECT_THAT(before.out, HasSubstr("\"documents\":1,"));
}

TEST_F(EndToEndTest, TimelineIsInDateOrder) {
  CliRun run = RunParley({"timeline", "--db", *db_, "Putin"});
  ASSERT_EQ(run.code, 0) << run.err;
  std::vector<std::string> dates;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != ' ') dates.push_back(line);
  }
  ASSERT_FALSE(dates.empty()) << run.out;
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << run.out;
  // Statements of one sentence order by id, which hashes the document's path: look in the
  // whole 2018-09 group.
  const size_t group = run.out.find("2018-09\n");
  ASSERT_NE(group, std::string::npos) << run.out;
  const std::string month = run.out.substr(group, run.out.find("\n2", group + 1) - group);
  EXPECT_THAT(month, HasSubstr("\n  Vladimir Putin proposed")) << run.out;
}

TEST_F(EndToEndTest, EntityCardAndDidYouMean) {
  CliRun card = RunParley({"entity", "--db", *db_, "Shinzo Abe"});
  ASSERT_EQ(card.code, 0) << card.err;
  EXPECT_THAT(card.out, HasSubstr("person:shinzo-abe"));
  EXPECT_THAT(card.out, HasSubstr("prime minister of state:japan"));
  CliRun typo = RunParley({"query", "--db", *db_, "Putn proposed ?what"});
  EXPECT_EQ(typo.code, 3);
  EXPECT_EQ(typo.err, "parley: error: no entity matches 'Putn'; did you mean 'Putin'?\n");
}

// Issue 18: paths run over events (PLOVER-typed statements), weighted by evidence, and say so;
// a person known only through standing facts gets a hint rather than a bare "not found".
TEST_F(EndToEndTest, GraphPathUsesEventsAndSaysSo) {
  CliRun run = RunParley({"graph", "--db", *db_, "path", "Putin", "Shinzo Abe"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("predicates: events (statements with a PLOVER type): "));
  EXPECT_THAT(run.out, HasSubstr("left out (no PLOVER type): "));
  EXPECT_THAT(run.out, HasSubstr("holds_office"));
  EXPECT_THAT(run.out, HasSubstr("1 hop, the best evidenced"));
  CliRun kono = RunParley({"graph", "--db", *db_, "path", "Putin", "Taro Kono"});
  EXPECT_EQ(kono.code, 3);
  EXPECT_THAT(kono.err, HasSubstr("has no statements in this graph view of events; "
                                  "--all-predicates adds"));
  CliRun all = RunParley(
      {"graph", "--db", *db_, "path", "Putin", "Taro Kono", "--all-predicates", "--cost", "hops"});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("the fewest"));
  EXPECT_THAT(all.out, ::testing::Not(HasSubstr("predicates: events")));
}

TEST_F(EndToEndTest, GraphExportsLoadInNetworkx) {
  const std::string graphml = (*dir_ / "demo.graphml").string();
  const std::string gexf = (*dir_ / "demo.gexf").string();
  ASSERT_EQ(RunParley({"export", "--db", *db_, "--format", "graphml", "-o", graphml}).code, 0);
  ASSERT_EQ(RunParley({"export", "--db", *db_, "--format", "gexf", "--dynamic", "-o", gexf}).code,
            0);
  const std::string script = (*dir_ / "check.py").string();
  // GEXF 1.3 is read with networkx's version="1.3" reader (networkx >= 3; Debian's 2.8 gets
  // the same reader registered by tests/graph/readers/check_gexf.py).
  std::ofstream(script) << "import sys, networkx as nx\n"
                           "sys.path.insert(0, '" PARLEY_SOURCE_DIR
                           "/tests/graph/readers')\n"
                           "from check_gexf import read_gexf_13\n"
                           "g = nx.read_graphml(sys.argv[1])\n"
                           "assert g.number_of_nodes() > 0 and g.number_of_edges() > 0\n"
                           "assert all(d.get('label') for _, d in g.nodes(data=True))\n"
                           "assert all(d.get('type') for _, d in g.nodes(data=True))\n"
                           "assert any(d.get('label') == 'Vladimir Putin' for _, d in "
                           "g.nodes(data=True))\n"
                           "h = read_gexf_13(sys.argv[2])\n"
                           "assert any('spells' in d or 'start' in d for _, _, d in "
                           "h.edges(data=True))\n"
                           "assert h.number_of_nodes() == g.number_of_nodes()\n"
                           "print('ok', g.number_of_nodes(), g.number_of_edges())\n";
  const std::string command =
      "/usr/bin/python3 " + script + " " + graphml + " " + gexf + " > " + script + ".out 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream out(script + ".out");
  std::string text((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  EXPECT_EQ(status, 0) << text;
  EXPECT_THAT(text, HasSubstr("ok "));
}

// Issue 15: the event export in Phoenix's column order, from the whole store and through a graph
// filter, read by Python's csv module and pandas; nodes carry their actor codes.
TEST_F(EndToEndTest, EventExportSpeaksCameoCodes) {
  const std::string events = (*dir_ / "events.tsv").string();
  CliRun all = RunParley({"export", "--db", *db_, "--format", "events", "-o", events});
  ASSERT_EQ(all.code, 0) << all.err;
  CliRun actors = RunParley({"export", "--db", *db_, "--format", "events", "--actors-only"});
  ASSERT_EQ(actors.code, 0) << actors.err;
  CliRun jsonl = RunParley({"export", "--db", *db_, "--format", "events-jsonl"});
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  // Putin's proposal to Abe at the September 2018 forum: RUSGOV 03 JPNGOV.
  const std::string proposal =
      "\t201809\t2018\t9\t\tRUSGOV\tRUS\tGOV\tJPNGOV\tJPN\tGOV\t03\t03\t1\tAGREE\t"
      "Vladimir Putin\tShinzo Abe\tVladivostok\t";
  EXPECT_THAT(actors.out, HasSubstr(proposal));
  EXPECT_THAT(jsonl.out, HasSubstr("\"SourceActorFull\":\"RUSGOV\""));
  const std::string script = (*dir_ / "check_events.py").string();
  std::ofstream(script) << "import csv, sys, pandas\n"
                           "rows = list(csv.reader(open(sys.argv[1], newline=''), "
                           "delimiter='\\t'))\n"
                           "assert rows[0][:3] == ['EventID', 'Date', 'Year'], rows[0]\n"
                           "assert all(len(r) == 21 for r in rows), 'ragged rows'\n"
                           "frame = pandas.read_csv(sys.argv[1], sep='\\t', dtype=str, "
                           "keep_default_na=False)\n"
                           "assert len(frame) == len(rows) - 1\n"
                           "hit = frame[(frame.SourceLabel == 'Vladimir Putin') & "
                           "(frame.EventCode == '03') & (frame.TargetActorFull == 'JPNGOV')]\n"
                           "assert len(hit) == 1, hit\n"
                           "print('ok', len(frame))\n";
  const std::string command =
      "/usr/bin/python3 " + script + " " + events + " > " + script + ".out 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream out(script + ".out");
  std::string text((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  EXPECT_EQ(status, 0) << text;
  EXPECT_THAT(text, HasSubstr("ok "));

  CliRun nodes = RunParley({"export", "--db", *db_, "--format", "csv-nodes", "--actors-only"});
  ASSERT_EQ(nodes.code, 0) << nodes.err;
  EXPECT_THAT(nodes.out, HasSubstr(",ISO3,Code,Codes\n"));
  EXPECT_THAT(nodes.out, HasSubstr("\nperson:vladimir-putin,Vladimir Putin,person,state:russia,"));
  EXPECT_THAT(nodes.out, HasSubstr(",,RUSGOV,RUSGOV\n"));  // a person: no iso3
  // Folded into their states, the leaders' statements give Russia both codes; the latest is
  // Putin's.
  CliRun folded = RunParley(
      {"export", "--db", *db_, "--format", "csv-nodes", "--actors-only", "--fold-people"});
  ASSERT_EQ(folded.code, 0) << folded.err;
  EXPECT_THAT(folded.out, HasSubstr("\nstate:russia,Russia,state,state:russia,"));
  EXPECT_THAT(folded.out, HasSubstr(",RUS,RUSGOV,RUS RUSGOV\n"));
}

TEST_F(EndToEndTest, BulkIngestStoresTheSameAsPerDocumentIngest) {
  const std::string readouts = std::string(PARLEY_SOURCE_DIR) + "/tests/data/corpus/wh-readouts";
  const std::string one = (*dir_ / "one").string();
  const std::string bulk = (*dir_ / "bulk").string();
  ASSERT_EQ(RunParley({"ingest", "--db", one, readouts}).code, 0);
  CliRun loaded = RunParley({"ingest", "--db", bulk, "--bulk", readouts});
  ASSERT_EQ(loaded.code, 0) << loaded.err;
  EXPECT_THAT(loaded.err, HasSubstr("80 added, 0 replaced, 0 unchanged"));
  for (const char* what : {"statements", "entities"}) {
    SCOPED_TRACE(what);
    CliRun a = RunParley({"export", "--db", one, "--format", "jsonl", "--what", what});
    CliRun b = RunParley({"export", "--db", bulk, "--format", "jsonl", "--what", what});
    ASSERT_EQ(a.code, 0) << a.err;
    EXPECT_FALSE(a.out.empty());
    EXPECT_EQ(a.out, b.out);
  }
}

// Issue 16: the readouts are also in the bench file under other ids; ingesting both stores each
// readout's statements once, whichever comes first, and `stats` says how many copies it kept.
TEST_F(EndToEndTest, ReadoutsInTheBenchFileAreDuplicates) {
  const std::string readouts = std::string(PARLEY_SOURCE_DIR) + "/tests/data/corpus/wh-readouts";
  const std::string bench =
      std::string(PARLEY_SOURCE_DIR) + "/tests/data/corpus/bench/wh-statements-sample.jsonl.zst";
  auto statements = [](const std::string& db) {
    CliRun run = RunParley({"stats", "--db", db, "--json"});
    EXPECT_EQ(run.code, 0) << run.err;
    const size_t at = run.out.find("\"statements\":");
    return at == std::string::npos ? uint64_t{0} : std::stoull(run.out.substr(at + 13));
  };
  const std::string only_readouts = (*dir_ / "dup-r").string();
  const std::string only_bench = (*dir_ / "dup-b").string();
  const std::string readouts_first = (*dir_ / "dup-rb").string();
  const std::string bench_first = (*dir_ / "dup-br").string();
  ASSERT_EQ(RunParley({"ingest", "--db", only_readouts, readouts}).code, 0);
  ASSERT_EQ(RunParley({"ingest", "--db", only_bench, bench}).code, 0);
  ASSERT_EQ(RunParley({"ingest", "--db", readouts_first, readouts}).code, 0);
  CliRun second = RunParley({"ingest", "--db", readouts_first, "--bulk", bench});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("198 added, 0 replaced, 0 unchanged, 2 duplicates of stored "
                                    "documents"));
  ASSERT_EQ(RunParley({"ingest", "--db", bench_first, bench}).code, 0);
  ASSERT_EQ(RunParley({"ingest", "--db", bench_first, readouts}).code, 0);
  // The copies' statements as the store holding only one side has them: the first stored copy
  // holds the statements, and the two forms of one text may read differently (the bench
  // file's titles keep their Markdown escapes).
  auto export_docs = [](const std::string& db) {
    CliRun exported = RunParley({"export", "--db", db, "--format", "jsonl"});
    EXPECT_EQ(exported.code, 0) << exported.err;
    std::vector<std::string> names;  // the document file name of each statement
    for (size_t at = 0; (at = exported.out.find("\"doc\":\"", at)) != std::string::npos; ++at) {
      const size_t end = exported.out.find('"', at + 7);
      const std::string doc = exported.out.substr(at + 7, end - at - 7);
      names.push_back(doc.substr(doc.rfind('/') + 1));
    }
    return names;
  };
  const std::vector<std::string> bench_docs = export_docs(only_bench);
  const std::vector<std::string> readout_docs = export_docs(only_readouts);
  const std::set<std::string> bench_names(bench_docs.begin(), bench_docs.end());
  uint64_t bench_copies = 0, readout_copies = 0;
  for (const std::string& name : bench_docs) {
    bench_copies += std::filesystem::exists(readouts + "/" + name);
  }
  for (const std::string& name : readout_docs) readout_copies += bench_names.count(name);
  ASSERT_GT(bench_copies, 0u);
  ASSERT_GT(readout_copies, 0u);
  const uint64_t both = statements(only_readouts) + statements(only_bench);
  EXPECT_EQ(statements(readouts_first), both - bench_copies);
  EXPECT_EQ(statements(bench_first), both - readout_copies);
  for (const std::string& db : {readouts_first, bench_first}) {
    CliRun stats = RunParley({"stats", "--db", db});
    EXPECT_THAT(stats.out, HasSubstr("documents   280\n  duplicates             2\n"));
    // Duplicates are whole documents to `check`: its counters agree.
    CliRun check = RunParley({"check", "--db", db});
    EXPECT_EQ(check.code, 0) << check.out << check.err;
  }
}

TEST_F(EndToEndTest, StatementsLoadTheSameWithAndWithoutBulk) {
  const std::string readouts = std::string(PARLEY_SOURCE_DIR) + "/tests/data/corpus/wh-readouts";
  CliRun extracted = RunParley({"extract", readouts, "--format", "jsonl"});
  ASSERT_EQ(extracted.code, 0) << extracted.err;
  const std::string file = (*dir_ / "readouts.jsonl").string();
  std::ofstream(file) << extracted.out;
  const std::string one = (*dir_ / "statements-one").string();
  const std::string bulk = (*dir_ / "statements-bulk").string();
  CliRun a = RunParley({"ingest", "--db", one, "--statements", file});
  CliRun b = RunParley({"ingest", "--db", bulk, "--bulk", "--statements", file});
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  // The summaries agree but for how long each load took ("in 0.1 s").
  const std::regex duration(R"( in [0-9.]+ s:)");
  EXPECT_EQ(std::regex_replace(a.err, duration, " in _ s:"),
            std::regex_replace(b.err, duration, " in _ s:"));
  EXPECT_THAT(b.err, HasSubstr(" added, 0 replaced, 0 unchanged"));
  CliRun exported =
      RunParley({"export", "--db", bulk, "--format", "jsonl", "--what", "statements"});
  ASSERT_EQ(exported.code, 0) << exported.err;
  std::vector<std::string> lines, expected;
  std::istringstream in(exported.out), want(extracted.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (std::string line; std::getline(want, line);) expected.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(lines, expected);
  for (const char* what : {"statements", "entities"}) {
    SCOPED_TRACE(what);
    EXPECT_EQ(RunParley({"export", "--db", one, "--format", "jsonl", "--what", what}).out,
              RunParley({"export", "--db", bulk, "--format", "jsonl", "--what", what}).out);
  }
  // Loading again changes nothing.
  CliRun again = RunParley({"ingest", "--db", bulk, "--bulk", "--statements", file});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr(" 0 added, 0 replaced, "));
}

TEST_F(EndToEndTest, ReextractReplacesDocumentsOfOtherRules) {
  const std::string rules = (*dir_ / "rules").string();
  std::filesystem::create_directories(rules);
  std::ofstream(rules + "/extra.rules") << "entity organization:example-council\n"
                                           "  label Example Council\n";
  const std::string db = (*dir_ / "reextract").string();
  ASSERT_EQ(RunParley({"ingest", "--db", db, std::string(PARLEY_SOURCE_DIR) + "/examples"}).code,
            0);
  CliRun again = RunParley({"ingest", "--db", db, "--reextract", "--rules", rules});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("0 added, 1 replaced, 0 unchanged"));
  CliRun nothing = RunParley({"ingest", "--db", db, "--reextract", "--rules", rules});
  EXPECT_THAT(nothing.err, HasSubstr("re-extracted 0 documents"));
}

TEST_F(EndToEndTest, BackupOpensAsAStore) {
  const std::string copy = (*dir_ / "backup").string();
  CliRun run = RunParley({"backup", "--db", *db_, copy});
  ASSERT_EQ(run.code, 0) << run.err;
  auto statements = [](const std::string& db) {
    return RunParley({"export", "--db", db, "--format", "jsonl"}).out;
  };
  EXPECT_EQ(statements(copy), statements(*db_));
}

}  // namespace
}  // namespace parley::cli
