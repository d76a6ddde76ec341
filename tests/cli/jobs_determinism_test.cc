// `parley extract --jobs N` writes the same bytes whatever N is: the pipeline hands results back
// in input order. Checked on a sample of the bench corpus (200 documents, every 32nd) and on a
// directory of files, in every output format.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;

struct DeterminismCase {
  std::string input;
  std::string format;
  // A line every output of this case holds, so that the comparison is never between two
  // empty outputs.
  std::string must_contain;
  std::vector<std::string> jobs;  // compared with --jobs 1
};

TEST(JobsDeterminismTest, OutputIsByteIdenticalWhateverTheJobCount) {
  const std::string data = PARLEY_TEST_DATA_DIR;
  const std::string sample = data + "/corpus/bench/wh-statements-sample.jsonl.zst";
  const std::vector<DeterminismCase> cases = {
      {sample, "jsonl", "\"predicate\":", {"2", "5"}},
      {sample, "sentences", "# document {", {"2"}},
      {sample, "entities", "\"mentions\":", {"2"}},
      {data + "/corpus/wh-readouts", "table", " | ", {"3"}},
  };
  for (const DeterminismCase& c : cases) {
    SCOPED_TRACE(c.input + " --format " + c.format);
    const CliRun one = RunParley({"extract", c.input, "--format", c.format, "--jobs", "1"});
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_THAT(one.out, HasSubstr(c.must_contain));
    for (const std::string& jobs : c.jobs) {
      SCOPED_TRACE("--jobs " + jobs);
      const CliRun many = RunParley({"extract", c.input, "--format", c.format, "--jobs", jobs});
      ASSERT_EQ(many.code, 0) << many.err;
      // EXPECT_TRUE on the comparison: a failure message with two multi-megabyte strings
      // helps nobody; the sizes say enough.
      EXPECT_TRUE(many.out == one.out) << "--jobs 1 wrote " << one.out.size() << " bytes, --jobs "
                                       << jobs << " wrote " << many.out.size();
      EXPECT_EQ(many.err, one.err);
    }
  }
}

}  // namespace
}  // namespace parley::cli
