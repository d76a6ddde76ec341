// What an analyst sees (issue 18): a vocabulary to ask in (did-you-mean, verbs for predicates,
// question words), cited, grouped and sorted answers, citations in every export, folding by the
// state served. The store is loaded from tests/data/analyst/statements.jsonl
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

TEST_F(AnalystTest, MisspeltPredicateGetsDidYouMeanAndFails) {
  CliRun run = Parley({"query", "?who propsed ?what"});
  EXPECT_EQ(run.code, 3);  // not found
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("parley: error: unknown predicate 'propsed'; did you mean "
                                 "'proposed'"));
  CliRun graph = Parley({"export", "--format", "csv-edges", "--predicate", "met_wiht"});
  EXPECT_EQ(graph.code, 3);
  EXPECT_THAT(graph.err, HasSubstr("unknown predicate 'met_wiht'; did you mean 'met_with'"));
  CliRun nothing = Parley({"query", "?a xyzzyq ?b"});
  EXPECT_EQ(nothing.code, 3);
  EXPECT_THAT(nothing.err, HasSubstr("unknown predicate 'xyzzyq' ('parley vocab' lists"));
}

TEST_F(AnalystTest, VerbsReadAsTheirPredicates) {
  struct Case {
    std::string query;
    std::string note;
    size_t rows;  // with the header
  };
  const std::vector<Case> cases = {
      {"?a met ?b", "'met' read as the predicate met_with", 2},
      {"?a meets ?b", "'meets' read as the predicate met_with", 2},
      {"?a slammed ?b", "'slammed' read as the predicate criticized", 3},
      // The rules' own predicate for condemning: no statement of this store has it.
      {"?a condemned ?b", "no statement in this store has the predicate 'condemned'", 1},
      {"?a denounced ?b", "'denounced' read as the predicate condemned", 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    CliRun run = Parley({"query", c.query, "--format", "tsv"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_THAT(run.err, HasSubstr("parley: note: " + c.note));
    EXPECT_EQ(Lines(run.out).size(), c.rows) << run.out;
  }
  CliRun met = Parley({"query", "?a met ?b", "--format", "tsv"});
  EXPECT_THAT(met.out, HasSubstr("Ana Lindqvist\tperson:ana-lindqvist\tTomás Okafor"));
  CliRun graph = Parley({"export", "--format", "csv-edges", "--predicate", "met"});
  ASSERT_EQ(graph.code, 0) << graph.err;
  EXPECT_THAT(graph.err, HasSubstr("'met' read as the predicate met_with"));
  EXPECT_THAT(graph.out, HasSubstr("person:ana-lindqvist,person:tomas-okafor,"));
}

TEST_F(AnalystTest, QuestionWordsAreVariablesNotEntities) {
  // The store knows an entity labelled "WHO"; the question still asks.
  CliRun words = Parley({"query", "who proposed what", "--format", "tsv"});
  ASSERT_EQ(words.code, 0) << words.err;
  CliRun variables = Parley({"query", "?who proposed ?what", "--format", "tsv"});
  EXPECT_EQ(words.out, variables.out);
  EXPECT_EQ(Lines(words.out).size(), 7u);
  EXPECT_THAT(words.err, HasSubstr("'who' read as the variable ?who (a question word)"));
  // Quoted, it is the name.
  CliRun named = Parley({"query", "?x criticized \"who\"", "--format", "tsv"});
  ASSERT_EQ(named.code, 0) << named.err;
  EXPECT_THAT(named.out, HasSubstr("Putin\tperson:vladimir-putin\t"));
}

TEST_F(AnalystTest, MisspeltNamesCommandsAndOptionsGetDidYouMean) {
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"timeline", "Ptuin"}, 3, "no entity matches 'Ptuin'; did you mean 'Putin'?"},
      {{"entity", "Ptuin"}, 3, "no entity matches 'Ptuin'; did you mean 'Putin'?"},
      {{"graph", "centralty"},
       2,
       "graph: unknown analysis 'centralty' (did you mean 'centrality'?); one of: summary, "
       "neighbours, path, centrality, components"},
      {{"graph"}, 2, "graph: name one of: summary, neighbours, path, centrality, components"},
      {{"query", "?a met ?b", "--limt", "3"},
       2,
       "query: unknown option '--limt' (did you mean '--limit'?)"},
      // Counts are whole numbers (issue 18: `--top -1` was accepted).
      {{"graph", "centrality", "--top", "-1"},
       2,
       "graph: --top: '-1' is not a whole number of at least 0"},
      {{"query", "?a met ?b", "--limit", "2.5"},
       2,
       "query: --limit: '2.5' is not a whole number of at least 0"},
      {{"export", "--min-weight", "0"},
       2,
       "export: --min-weight: '0' is not a whole number of at least 1"},
      {{"graph", "centrality", "--topp", "3"},
       2,
       "graph: unknown option '--topp' (did you mean '--top'?)"},
  };
  for (const Case& c : cases) {
    std::string trace;
    for (const std::string& arg : c.args) trace += arg + " ";
    SCOPED_TRACE(trace);
    CliRun run = Parley(c.args);
    EXPECT_EQ(run.code, c.code);
    EXPECT_THAT(run.err, HasSubstr("parley: error: " + c.err + "\n"));
  }
}

TEST_F(AnalystTest, VocabListsPredicatesWithCodesAndCounts) {
  CliRun run = Parley({"vocab"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\nmet_with  1 statement  PLOVER CONSULT (meet, visit, host, "
                                 "call or talk)  CAMEO 040\n  verbs:  meet"));
  EXPECT_THAT(run.out, HasSubstr("\nproposed  6 statements  PLOVER AGREE"));
  EXPECT_THAT(run.out, HasSubstr("\ncondemned  0 statements  PLOVER ACCUSE"));
  EXPECT_THAT(run.out, HasSubstr("\nentity types  (entities in the store)\n  person     "));
  CliRun json = Parley({"vocab", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("{\"predicate\":\"criticized\",\"statements\":2,\"plover\":"
                                  "[\"ACCUSE\"],\"cameo\":[\"111\"],"));
  EXPECT_THAT(json.out, HasSubstr("{\"entity_type\":\"organization\",\"entities\":1}\n"));
  // Without a store the vocabulary stands alone.
  CliRun bare = RunParley({"vocab", "--db", (*dir_ / "none").string()});
  ASSERT_EQ(bare.code, 0) << bare.err;
  EXPECT_THAT(bare.out, HasSubstr("\nmet_with  PLOVER CONSULT"));
  EXPECT_THAT(bare.err, HasSubstr("warning: no store at"));
}

}  // namespace
}  // namespace parley::cli
