// stats, export and graph against a store holding synthetic documents, run in-process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;

class StoreCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "store").string();
    auto store = OpenRocksStore(db_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (uint64_t i = 0; i < 20; ++i) {
      auto outcome = (*store)->Put(SyntheticDocument(i));
      ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(StoreCommandsTest, StatsCountsWhatWasStored) {
  CliRun run = RunParley({"stats", "--db", db_});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("documents   20\n"));
  CliRun json = RunParley({"stats", "--db", db_, "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"documents\":20,"));
}

TEST_F(StoreCommandsTest, JsonlExportIsSortedAndComplete) {
  CliRun run = RunParley({"export", "--db", db_, "--format", "jsonl"});
  ASSERT_EQ(run.code, 0) << run.err;
  size_t lines = 0;
  for (char c : run.out) lines += c == '\n';
  uint64_t expected = 0;
  for (uint64_t i = 0; i < 20; ++i) expected += SyntheticDocument(i).statements.size();
  EXPECT_EQ(lines, expected);
  // Deterministic: the same bytes every time.
  EXPECT_EQ(RunParley({"export", "--db", db_, "--format", "jsonl"}).out, run.out);
}

// query, timeline, export and graph filter on every statement's time; --text-dates-only leaves
// out the times taken from documents (some synthetic statements carry those).
TEST_F(StoreCommandsTest, TextDatesOnlyLeavesOutDocumentTimes) {
  size_t timed = 0;
  size_t text_timed = 0;
  for (uint64_t i = 0; i < 20; ++i) {
    for (const Statement& s : SyntheticDocument(i).statements) {
      timed += s.time.has_value();
      text_timed += s.time && IsTextTime(*s.time);
    }
  }
  ASSERT_GT(timed, text_timed);
  ASSERT_GT(text_timed, 0u);
  auto lines = [](const std::string& text) {
    size_t n = 0;
    for (char c : text) n += c == '\n';
    return n;
  };
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"timeline", "--format", "jsonl"},
        std::vector<std::string>{"query", "?s ?p ?o", "--since", "1000", "--format", "jsonl"}}) {
    SCOPED_TRACE(command[0]);
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--db", db_});
    CliRun all = RunParley(args);
    ASSERT_EQ(all.code, 0) << all.err;
    EXPECT_EQ(lines(all.out), timed);
    args.push_back("--text-dates-only");
    CliRun text = RunParley(args);
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_EQ(lines(text.out), text_timed);
  }
  CliRun edges =
      RunParley({"export", "--db", db_, "--format", "csv-edges", "--multi", "--since", "1000"});
  ASSERT_EQ(edges.code, 0) << edges.err;
  CliRun text_edges = RunParley({"export", "--db", db_, "--format", "csv-edges", "--multi",
                                 "--since", "1000", "--text-dates-only"});
  ASSERT_EQ(text_edges.code, 0) << text_edges.err;
  EXPECT_EQ(lines(edges.out) - lines(text_edges.out), timed - text_timed);
}

TEST_F(StoreCommandsTest, ExportWritesFilesAtomically) {
  // (PLOVER records need statements with PLOVER types, which synthetic ones lack.)
  for (const char* format : {"graphml", "gexf", "csv-nodes", "csv-edges", "dot"}) {
    SCOPED_TRACE(format);
    const std::string path = (dir_ / (std::string("out.") + format)).string();
    CliRun run = RunParley({"export", "--db", db_, "--format", format, "-o", path});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "");
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_GT(std::filesystem::file_size(path), 100u);
  }
}

TEST_F(StoreCommandsTest, GraphAnalysesRun) {
  for (const char* analysis : {"summary", "centrality", "components"}) {
    SCOPED_TRACE(analysis);
    CliRun run = RunParley({"graph", "--db", db_, analysis});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_FALSE(run.out.empty());
  }
  CliRun missing = RunParley({"graph", "--db", db_, "neighbours", "Nobody At All"});
  EXPECT_EQ(missing.code, 3);
  EXPECT_THAT(missing.err, HasSubstr("Nobody At All"));
}

TEST_F(StoreCommandsTest, GraphNeedsAnAnalysis) {
  CliRun run = RunParley({"graph", "--db", db_});
  EXPECT_EQ(run.code, 2);
  EXPECT_THAT(run.err, HasSubstr("parley: error: graph: "));
}

}  // namespace
}  // namespace parley::cli
