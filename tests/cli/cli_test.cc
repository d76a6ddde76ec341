#include "tools/cli/cli.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/cli/cli_test_util.h"
#include "tools/cli/command.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(CliTest, NoArgumentsPrintsUsageToStderr) {
  CliRun run = RunParley({});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith("usage: parley <command> [options]"));
}

TEST(CliTest, HelpListsEveryCommand) {
  CliRun run = RunParley({"--help"});
  EXPECT_EQ(run.code, 0);
  ASSERT_FALSE(Commands().empty());
  for (const Command& command : Commands()) {
    SCOPED_TRACE(command.name);
    EXPECT_THAT(run.out, HasSubstr("\n  " + std::string(command.name) + " "));
    EXPECT_THAT(run.out, HasSubstr(std::string(command.summary)));
  }
  EXPECT_THAT(run.out, HasSubstr("exit codes:"));
}

TEST(CliTest, Version) {
  CliRun run = RunParley({"--version"});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "parley 0.1.0\n");
}

TEST(CliTest, UnknownCommandSuggests) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"exprot"}, "parley: error: unknown command 'exprot'\ndid you mean 'export'?\n"},
      {{"grpah"}, "parley: error: unknown command 'grpah'\ndid you mean 'graph'?\n"},
      {{"frobnicate"},
       "parley: error: unknown command 'frobnicate'\ndid you mean one of these? extract ingest "
       "query vocab entity timeline stats export graph backup check rules\nrun 'parley --help' "
       "for what "
       "each does\n"},
      {{"help", "stat"}, "parley: error: unknown command 'stat'\ndid you mean 'stats'?\n"},
      {{"--frob"},
       "parley: error: unknown option '--frob' (options go after the command)\nrun 'parley "
       "--help' for the list of commands\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args[0]);
    CliRun run = RunParley(c.args);
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, c.err);
  }
}

TEST(CliTest, HelpForACommand) {
  CliRun run = RunParley({"help", "export"});
  EXPECT_EQ(run.code, 0);
  EXPECT_THAT(run.out, HasSubstr("parley export"));
  EXPECT_THAT(run.out, HasSubstr("--format"));
  CliRun flag = RunParley({"export", "--help"});
  EXPECT_EQ(flag.code, 0);
  EXPECT_EQ(flag.out, run.out);
}

TEST(CliTest, BadFlagIsAUsageError) {
  CliRun run = RunParley({"export", "--formt", "gexf"});
  EXPECT_EQ(run.code, 2);
  EXPECT_THAT(run.err, StartsWith("parley: error: export: "));
  EXPECT_THAT(run.err, HasSubstr("--formt"));
  CliRun bad_value = RunParley({"export", "--format", "xml"});
  EXPECT_EQ(bad_value.code, 2);
  EXPECT_THAT(bad_value.err, HasSubstr("xml"));
}

TEST(CliTest, MissingStoreNamesThePath) {
  for (const char* command : {"stats", "export", "graph"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command, "--db", "no/such/store"};
    if (std::string(command) == "graph") args.push_back("summary");
    CliRun run = RunParley(args);
    EXPECT_EQ(run.code, 5);
    EXPECT_EQ(run.err,
              "parley: error: store 'no/such/store' does not exist; create it with `parley "
              "ingest`\n");
  }
}

}  // namespace
}  // namespace parley::cli

namespace parley::cli {
namespace {

TEST(CliExtractTest, MissingInputFileNamesThePath) {
  CliRun run = RunParley({"extract", "no/such/file.txt"});
  EXPECT_EQ(run.code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, ::testing::StartsWith("parley: error: "));
  EXPECT_THAT(run.err, ::testing::HasSubstr("no/such/file.txt"));
}

TEST(CliExtractTest, ExtractsAFileWithADate) {
  const std::string path = ::testing::TempDir() + "/parley_cli_meeting.txt";
  {
    std::ofstream file(path);
    file << "Russian President Vladimir Putin met Japanese Prime Minister Shinzo Abe in "
            "Vladivostok on Wednesday.\n";
  }
  CliRun run = RunParley({"extract", "--date", "2018-09-07", path});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, ::testing::HasSubstr("\"predicate\":\"met_with\""));
  EXPECT_THAT(run.out, ::testing::HasSubstr("\"doc\":\"" + path + "\""));
  // "on Wednesday" resolves against the given date: the Wednesday before Friday 2018-09-07.
  EXPECT_THAT(run.out, ::testing::HasSubstr("\"time\":{\"value\":\"2018-09-05\""));
}

TEST(CliRulesTest, ExplainShowsMentionsAndStatements) {
  CliRun run = RunParley({"rules", "explain",
                          "Russian President Vladimir Putin's sudden proposal to Japanese Prime "
                          "Minister Shinzo Abe at the September 2018 Eastern Economic Forum in "
                          "Vladivostok to sign an unconditional peace treaty"});
  ASSERT_EQ(run.code, 0) << run.err;
  for (const char* expected :
       {"person:vladimir-putin", "person:shinzo-abe", "place:vladivostok", "2018-09", "proposed"}) {
    SCOPED_TRACE(expected);
    EXPECT_THAT(run.out, ::testing::HasSubstr(expected));
  }
}

TEST(CliRulesTest, CheckPassesOnTheDefaultRules) {
  CliRun run = RunParley({"rules", "check"});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, ::testing::HasSubstr(" 0 FAIL"));
}

TEST(CliRulesTest, ExplainNeedsOneInput) {
  CliRun run = RunParley({"rules", "explain"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err,
            "parley: error: rules explain: give either a sentence or --file FILE --sentence N\n");
}

}  // namespace
}  // namespace parley::cli
