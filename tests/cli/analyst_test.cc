// What an analyst sees (issue 18): cited, grouped and sorted answers, citations in every export,
// folding by the state served. The store is loaded from tests/data/analyst/statements.jsonl
// (see its README), so the expectations do not move when the extraction rules change.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class AnalystTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("parley_analyst_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    db_ = new std::string((*dir_ / "store").string());
    CliRun run = RunParley({"ingest", "--db", *db_, "--statements",
                            std::string(PARLEY_TEST_DATA_DIR) + "/analyst/statements.jsonl"});
    ASSERT_EQ(run.code, 0) << run.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  static CliRun Parley(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", *db_});
    return RunParley(args);
  }

  static std::filesystem::path* dir_;
  static std::string* db_;
};

std::filesystem::path* AnalystTest::dir_ = nullptr;
std::string* AnalystTest::db_ = nullptr;

TEST_F(AnalystTest, GroupedAnswersCountTheirSourcesAndCiteTheFirst) {
  CliRun run = Parley({"query", "?who proposed ?what", "--group", "--sort", "sources", "--cite",
                       "--format", "tsv"});
  ASSERT_EQ(run.code, 0) << run.err;
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 5u) << run.out;
  EXPECT_EQ(lines[0],
            "who\twho_id\twhat\twhat_id\ttime\trecipient\tplace\tmodality\tsources\tdoc\ttitle\turl"
            "\tsentence\tstatement");
  // The March 2022 proposal, stated by three documents: the earliest of them is cited.
  EXPECT_THAT(lines[1],
              StartsWith("Sweden\tstate:sweden\tFisheries Accord\tagreement:fisheries-"
                         "accord\t2022-03\tNigeria\t\tasserted\t3\treadouts/a.md\tReadout "
                         "of a call with Ana Lindqvist\thttps://example.org/readouts/a\t"));
  // Then one source each, by date: the 2021 proposal is another claim (another time).
  EXPECT_THAT(lines[2], StartsWith("Sweden\tstate:sweden\tFisheries Accord\tagreement:fisheries-"
                                   "accord\t2021\t\t\tasserted\t1\tessays/d.txt\t\t\t"));
  EXPECT_THAT(lines[3], StartsWith("Nigeria\tstate:nigeria\tjoint patrols\t\t2022-03-04"));
  EXPECT_THAT(lines[4], HasSubstr("\t1\tessays/d.txt\t\t\t"));

  CliRun ungrouped = Parley({"query", "?who proposed ?what", "--format", "tsv"});
  ASSERT_EQ(ungrouped.code, 0) << ungrouped.err;
  EXPECT_EQ(Lines(ungrouped.out).size(), 7u) << ungrouped.out;
  EXPECT_THAT(ungrouped.out, Not(HasSubstr("sources")));
  EXPECT_THAT(ungrouped.out, Not(HasSubstr("https://")));
}

TEST_F(AnalystTest, SortBySubject) {
  CliRun run =
      Parley({"query", "?who proposed ?what", "--group", "--sort", "subject", "--format", "csv"});
  ASSERT_EQ(run.code, 0) << run.err;
  std::vector<std::string> subjects;
  for (const std::string& line : Lines(run.out)) subjects.push_back(line.substr(0, 8));
  EXPECT_THAT(subjects, ElementsAre("who,who_", "\"'=HYPER", "Nigeria,", "Sweden,s", "Sweden,s"));
}

TEST_F(AnalystTest, CsvAndJsonCarryTheCitationColumns) {
  CliRun csv = Parley({"query", "Sweden proposed ?what", "--cite", "--format", "csv"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(Lines(csv.out)[0], HasSubstr(",doc,title,url,sentence,"));
  EXPECT_THAT(csv.out, HasSubstr(",https://example.org/readouts/b,"));
  CliRun json = Parley({"query", "Sweden proposed ?what", "--cite", "--group", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"sources\":\"3\",\"doc\":\"readouts/a.md\",\"title\":"
                                  "\"Readout of a call with Ana Lindqvist\",\"url\":"
                                  "\"https://example.org/readouts/a\""));
}

TEST_F(AnalystTest, TimelineAndEntityCite) {
  CliRun timeline = Parley({"timeline", "Nigeria", "--cite"});
  ASSERT_EQ(timeline.code, 0) << timeline.err;
  EXPECT_THAT(timeline.out, HasSubstr("Chile criticized Nigeria  (Fact sheet: the Harbour Summit, "
                                      "https://example.org/readouts/c)\n"));
  CliRun table = Parley({"timeline", "Nigeria", "--cite", "--format", "tsv"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_THAT(Lines(table.out)[0], HasSubstr("\tdoc\ttitle\turl\tsentence\t"));
  CliRun plain = Parley({"timeline", "Nigeria"});
  EXPECT_THAT(plain.out, HasSubstr("Chile criticized Nigeria  (readouts/c.md)\n"));

  CliRun card = Parley({"entity", "Chile", "--cite"});
  ASSERT_EQ(card.code, 0) << card.err;
  EXPECT_THAT(card.out, HasSubstr("(first 2023-05-10 https://example.org/readouts/c, last "));
  CliRun json = Parley({"entity", "Chile", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"title\":\"Fact sheet: the Harbour Summit\",\"url\":"
                                  "\"https://example.org/readouts/c\"}"));
}

TEST_F(AnalystTest, ExportsCarryTheSources) {
  CliRun jsonl = Parley({"export", "--format", "jsonl"});
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  EXPECT_THAT(jsonl.out, HasSubstr("\"doc_title\":\"Joint statement on fisheries\",\"doc_url\":"
                                   "\"https://example.org/readouts/b\"}\n"));
  CliRun view = Parley({"export", "--format", "jsonl", "--actors-only"});
  EXPECT_THAT(view.out, HasSubstr("\"doc_url\":\"https://example.org/readouts/c\"}\n"));

  CliRun graphml = Parley({"export", "--format", "graphml"});
  ASSERT_EQ(graphml.code, 0) << graphml.err;
  // Sources are ordered by their documents' dates: the 2021 claim comes from a 2023 essay.
  EXPECT_THAT(graphml.out, HasSubstr("<data key=\"sources\">4</data>\n"
                                     "      <data key=\"first_source\">https://example.org/"
                                     "readouts/a</data>\n"
                                     "      <data key=\"first_source_title\">Readout of a call "
                                     "with Ana Lindqvist</data>\n"
                                     "      <data key=\"latest_source\">https://example.org/"
                                     "readouts/c</data>\n"));
  CliRun csv = Parley({"export", "--format", "csv-edges"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(Lines(csv.out)[0], HasSubstr(",Sources,First Source,Latest Source"));
  EXPECT_THAT(csv.out,
              HasSubstr(",4,https://example.org/readouts/a,https://example.org/readouts/c\n"));
}

TEST_F(AnalystTest, FoldPeopleUsesTheStateServed) {
  CliRun run =
      Parley({"export", "--format", "csv-edges", "--fold-people", "--predicate", "met_with"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("state:sweden,state:nigeria,Directed,"));
}

}  // namespace
}  // namespace parley::cli
