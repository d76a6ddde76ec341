// Bad records are skipped, never fatal: a record with a NUL byte in its id, an empty or an
// over-long id, a malformed line of megabytes, in the middle of a JSON Lines file, each gives a
// warning naming file:line and the ingest (plain and --bulk) stores everything else; the
// summary counts what was skipped. Inputs that are bad as a whole (a corrupt .zst, a named file
// that cannot be read) are bad input, exit 3, never "store corrupt".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/cli_test_util.h"
#include "tests/graph/store_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Record(const std::string& id, int n) {
  return "{\"id\":\"" + id + "\",\"text\":\"Japan proposed a peace treaty to Russia in May " +
         std::to_string(1990 + n) + ".\"}\n";
}

class BadRecordsTest : public ::testing::TestWithParam<bool> {
 protected:
  std::vector<std::string> Ingest(std::vector<std::string> inputs) {
    std::vector<std::string> args = {"ingest", "--db", db_};
    if (GetParam()) args.push_back("--bulk");
    args.insert(args.end(), inputs.begin(), inputs.end());
    return args;
  }

  parley::testing::TempDir dir_;
  std::string db_ = dir_.Sub("store");
};

TEST_P(BadRecordsTest, BadIdsInTheMiddleAreSkipped) {
  const std::string file = dir_.Sub("docs.jsonl");
  {
    std::ofstream out(file, std::ios::binary);
    for (int i = 0; i < 10; ++i) out << Record("doc-" + std::to_string(i), i);
    out << Record("bad\\u0000id", 10);                                            // line 11
    out << Record("", 11);                                                        // line 12
    out << Record(std::string(5000, 'x'), 12);                                    // line 13
    out << "{\"id\":\"long\",\"text\":\"" << std::string(10 << 20, 'y') << "\n";  // line 14
    for (int i = 14; i < 24; ++i) out << Record("doc-" + std::to_string(i), i);
  }
  const CliRun run = RunParley(Ingest({file}));
  EXPECT_EQ(run.code, 0) << run.err.substr(0, 2000);
  EXPECT_THAT(run.err, HasSubstr(file + ":11: warning: field \"id\" holds a NUL character; "
                                        "line skipped"));
  EXPECT_THAT(run.err, HasSubstr(file + ":12: warning: field \"id\" is empty; line skipped"));
  EXPECT_THAT(run.err, HasSubstr(file + ":13: warning: field \"id\" is 5000 bytes long; ids may "
                                        "be at most 4096; line skipped"));
  EXPECT_THAT(run.err, HasSubstr(file + ":14: warning: malformed JSON at column"));
  EXPECT_LT(run.err.size(), 4000u) << "a long bad line is quoted whole";
  EXPECT_THAT(run.err, HasSubstr("20 added, 0 replaced, 0 unchanged, 4 bad records skipped"));
  const CliRun stats = RunParley({"stats", "--db", db_, "--json"});
  EXPECT_THAT(stats.out, HasSubstr("\"documents\":20,"));
  for (int i : {0, 9, 14, 23}) {
    const CliRun doc = RunParley(
        {"query", "--db", db_, "?a ?p ?b", "--doc", "doc-" + std::to_string(i), "--format", "tsv"});
    EXPECT_EQ(doc.code, 0) << doc.err;
    EXPECT_THAT(doc.out, HasSubstr("Japan")) << i;
  }
}

TEST_P(BadRecordsTest, CorruptCompressedInputIsBadInput) {
  const std::string file = dir_.Sub("docs.jsonl.zst");
  std::ofstream(file, std::ios::binary) << "\x28\xb5\x2f\xfd garbage that is no zstd frame";
  const std::string good = dir_.Sub("good.jsonl");
  std::ofstream(good) << Record("doc-1", 1);
  const CliRun run = RunParley(Ingest({file, good}));
  EXPECT_EQ(run.code, 3) << run.err;
  EXPECT_THAT(run.err, HasSubstr("zstd"));
  EXPECT_THAT(run.err, Not(HasSubstr("store")));
  EXPECT_THAT(RunParley({"stats", "--db", db_, "--json"}).out, HasSubstr("\"documents\":1,"));
  const CliRun extract = RunParley({"extract", file});
  EXPECT_EQ(extract.code, 3) << extract.err;
}

TEST_P(BadRecordsTest, UnreadableNamedFileFailsTheCommand) {
  const std::string good = dir_.Sub("good.jsonl");
  std::ofstream(good) << Record("doc-1", 1);
  // A device named as a document: it exists, but there is no file to read (root reads any
  // regular file, so permissions cannot make one unreadable here).
  const CliRun run = RunParley(Ingest({good, "/dev/zero"}));
  EXPECT_EQ(run.code, 3) << run.err;
  EXPECT_THAT(run.err, HasSubstr("/dev/zero: warning: cannot read"));
  EXPECT_THAT(run.err, HasSubstr("1 input named on the command line could not be read"));
  EXPECT_THAT(RunParley({"stats", "--db", db_, "--json"}).out, HasSubstr("\"documents\":1,"));
  const CliRun extract = RunParley({"extract", good, "/dev/zero"});
  EXPECT_EQ(extract.code, 3) << extract.err;
  EXPECT_THAT(extract.out, HasSubstr("\"doc\":\"doc-1\""));
}

INSTANTIATE_TEST_SUITE_P(PlainAndBulk, BadRecordsTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Bulk" : "Plain";
                         });

}  // namespace
}  // namespace parley::cli
