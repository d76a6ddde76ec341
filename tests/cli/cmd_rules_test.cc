// `parley rules` driven in-process through RunRules (the lead wires it into the command
// table; until then the test calls the handler directly).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tools/cli/command.h"

namespace parley::cli {

int RunRules(const CommandContext& context);

namespace {

using ::testing::HasSubstr;

struct RulesRun {
  int code = 0;
  std::string out, err;
};

RulesRun Rules(std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out, err;
  CommandContext context{std::move(args), CliStreams{&in, &out, &err, false}};
  RulesRun run;
  run.code = RunRules(context);
  run.out = out.str();
  run.err = err.str();
  return run;
}

TEST(CmdRulesTest, CheckShippedRulesPasses) {
  RulesRun run = Rules({"check"});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr(" 0 FAIL; "));
}

TEST(CmdRulesTest, CheckBadFileExitsWithLocatedErrors) {
  RulesRun run =
      Rules({"check", "--no-default-rules",
             std::string(PARLEY_SOURCE_DIR) + "/tests/rules/bad/unknown_slot_type.rules"});
  EXPECT_EQ(run.code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("unknown_slot_type.rules:6:15: error: unknown slot type "
                                 "'persn'"));
  EXPECT_THAT(run.err, HasSubstr("1 error in 1 file\n"));
}

TEST(CmdRulesTest, ExplainSentence) {
  RulesRun run = Rules({"explain", "Moscow has set two requirements for a peace treaty."});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("state:russia demanded modality=asserted"));
}

TEST(CmdRulesTest, ExplainSentenceOfFile) {
  const std::string path = std::string(PARLEY_BINARY_DIR) + "/cmd_rules_test_doc.txt";
  std::ofstream(path) << "Talks resumed.\n\nMoscow has set two requirements for a peace treaty.\n";
  RulesRun run = Rules({"explain", "--file", path, "--sentence", "1", "--date", "2019-06-01"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("document date: 2019-06-01\nsentence 1: Moscow has set"));
  EXPECT_THAT(run.out, HasSubstr("state:russia demanded time=2019-06-01 modality=asserted"));
  RulesRun missing = Rules({"explain", "--file", path, "--sentence", "9"});
  EXPECT_EQ(missing.code, 3);
  EXPECT_THAT(missing.err, HasSubstr("no sentence 9 (the document has 2)"));
}

TEST(CmdRulesTest, ExplainNeedsSentenceOrFile) {
  RulesRun run = Rules({"explain"});
  EXPECT_EQ(run.code, 2);
  EXPECT_THAT(run.err, HasSubstr("give either a sentence or --file FILE --sentence N"));
  EXPECT_EQ(Rules({"frobnicate"}).code, 2);
}

}  // namespace
}  // namespace parley::cli
