// The bad-input corpus through the CLI (tests/extract/bad_inputs_test.cc has the reader's exact
// warnings per file): ingesting the whole directory stores every readable document, names every
// skipped file or line on stderr, and leaves a store that the other commands read; broken rule
// files and a store that is not one end in clear messages and their exit codes.
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

const std::string kDir = std::string(PARLEY_TEST_DATA_DIR) + "/bad_inputs";

class BadInputsCliTest : public ::testing::Test {
 protected:
  parley::testing::TempDir dir_;
  std::string db_ = dir_.Sub("store");
};

TEST_F(BadInputsCliTest, IngestStoresWhatIsReadableAndNamesTheRest) {
  const CliRun run = RunParley({"ingest", "--db", db_, kDir});
  EXPECT_EQ(run.code, 0) << run.err;
  for (const char* skipped :
       {"/binary.png: warning: a PNG image, not text (parley reads text, Markdown, HTML and JSON "
        "Lines); skipped",
        "/mostly_binary.dat: warning: binary file (mostly non-text bytes); skipped",
        "/utf16.txt: warning: UTF-16 text (convert it to UTF-8); skipped",
        "/nul_bytes.txt: warning: binary file (NUL bytes); skipped",
        "/empty.txt: warning: empty file; skipped",
        "/malformed.jsonl:2: warning: malformed JSON at column 38",
        "/malformed.jsonl:6: warning: text holds NUL characters; line skipped",
        "/malformed.jsonl:10: warning: malformed JSON: [json.exception.out_of_range.406] number "
        "overflow parsing '1e999'; line skipped",
        "/utf8_in_json_error.jsonl:1: warning: malformed JSON at column 25"}) {
    EXPECT_THAT(run.err, HasSubstr(kDir + skipped));
  }
  // invalid_utf8.txt, whitespace.md, doc-1, 4, doc-6 and doc-7 of malformed.jsonl, ok of
  // utf8_in_json_error.jsonl.
  const CliRun stats = RunParley({"stats", "--db", db_});
  ASSERT_EQ(stats.code, 0) << stats.err;
  EXPECT_THAT(stats.out, HasSubstr("\ndocuments   7\n"));
  EXPECT_THAT(run.err, HasSubstr("ingested 7 documents"));

  // Ingesting the same corpus again changes nothing.
  const CliRun again = RunParley({"ingest", "--db", db_, kDir});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(RunParley({"stats", "--db", db_}).out, stats.out);
}

TEST_F(BadInputsCliTest, BrokenRuleFilesAreInputErrors) {
  const std::string rules = std::string(PARLEY_SOURCE_DIR) + "/tests/rules/bad";
  for (const auto& entry : std::filesystem::directory_iterator(rules)) {
    if (entry.path().extension() != ".rules") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const std::string file = dir_.Sub("doc.txt");
    std::ofstream(file) << "Japan met Russia.\n";
    // --rules takes one value, so the input after it stays an input, for ingest too.
    for (const char* command : {"extract", "ingest"}) {
      SCOPED_TRACE(command);
      std::vector<std::string> args = {command, "--rules", entry.path().string(), file};
      if (std::string_view(command) == "ingest") args.insert(args.end(), {"--db", dir_.Sub("db")});
      const CliRun run = RunParley(args);
      EXPECT_EQ(run.code, 3) << run.err;
      EXPECT_THAT(run.err, HasSubstr(entry.path().string() + ":"));
      EXPECT_THAT(run.err, HasSubstr(": error: "));
      EXPECT_TRUE(run.out.empty());
    }
  }
}

// Issue 18: an empty directory said "ingested 0 documents" and nothing else; a PDF was read as
// text; a later ingest without --rules silently re-extracted with the default rules.
TEST_F(BadInputsCliTest, EmptyInputsUnreadableFormatsAndOtherRulesAreWarnedAbout) {
  const std::string empty = dir_.Sub("empty");
  std::filesystem::create_directories(empty);
  CliRun run = RunParley({"ingest", "--db", db_, empty});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("parley: warning: no documents in the inputs (parley reads "
                                 ".txt, .md, .html and .jsonl files, also in directories); "
                                 "nothing was ingested\n"));

  const std::string pdf = dir_.Sub("report.pdf");
  std::ofstream(pdf) << "%PDF-1.4\nBT (Japan met Russia.) Tj ET\n%%EOF\n";
  run = RunParley({"ingest", "--db", db_, pdf});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("report.pdf: warning: a PDF document (convert it to text first, "
                                 "e.g. with pdftotext), not text"));
  EXPECT_THAT(run.err, HasSubstr("1 file skipped"));
  EXPECT_THAT(run.err, Not(HasSubstr("no documents in the inputs")));

  const std::string doc = dir_.Sub("doc.txt");
  std::ofstream(doc) << "Japan met Russia.\n";
  const std::string rules = dir_.Sub("extra.rules");
  std::ofstream(rules) << "entity state:atlantis\n  label  Atlantis\n  alias  Atlantis\n";
  run = RunParley({"ingest", "--db", db_, "--rules", rules, doc});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.err, Not(HasSubstr("other rules")));
  run = RunParley({"ingest", "--db", db_, doc});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("parley: warning: 1 unchanged document was stored with other "
                                 "rules and re-extracted with these, replacing its statements; "
                                 "give the same --rules as before to keep them\n"));
  run = RunParley({"ingest", "--db", db_, doc});
  EXPECT_THAT(run.err, Not(HasSubstr("other rules")));
}

TEST_F(BadInputsCliTest, StoreThatIsNotAStoreIsAStoreError) {
  std::filesystem::create_directories(db_);
  std::ofstream(db_ + "/notes.txt") << "not a store";
  const CliRun run = RunParley({"ingest", "--db", db_, kDir + "/invalid_utf8.txt"});
  EXPECT_EQ(run.code, 5) << run.err;
  EXPECT_THAT(run.err, HasSubstr("is not a parley store"));
}

}  // namespace
}  // namespace parley::cli
