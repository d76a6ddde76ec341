// The compiled-rules cache from the command line (README.md, Start-up): a second run reads
// what the first wrote and prints the same; a damaged file costs one note and nothing else;
// --no-rules-cache and PARLEY_RULES_CACHE=off neither read nor write it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"
#include "tests/graph/store_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;

// Sets an environment variable for the object's lifetime.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::vector<std::filesystem::path> CacheFiles(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  return files;
}

class RulesCacheCliTest : public ::testing::Test {
 protected:
  RulesCacheCliTest() {
    std::ofstream(input_) << "Japan and Russia signed a peace treaty in Moscow on 19 October "
                             "1956. Prime Minister Hatoyama visited Moscow.\n";
    std::ofstream(rules_) << "entity state:arnor\n  label Arnor\n";
  }
  // With a --rules file: the default rules alone are read from the built-in snapshot, which
  // writes no cache file.
  CliRun Extract(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"extract", "--date", "1956-10-20", "--rules", rules_, input_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunParley(args);
  }

  parley::testing::TempDir dir_;
  const std::string cache_ = dir_.Sub("cache");
  const std::string input_ = dir_.Sub("in.txt");
  const std::string rules_ = dir_.Sub("extra.rules");
};

TEST_F(RulesCacheCliTest, SecondRunReadsTheCacheAndPrintsTheSame) {
  ScopedEnv env("PARLEY_RULES_CACHE", cache_);
  const CliRun first = Extract();
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_EQ(first.err, "");
  ASSERT_EQ(CacheFiles(cache_).size(), 1u);
  const CliRun second = Extract();
  ASSERT_EQ(second.code, 0);
  EXPECT_EQ(second.err, "");
  EXPECT_EQ(second.out, first.out);
  EXPECT_THAT(first.out, HasSubstr("signed"));
}

TEST_F(RulesCacheCliTest, DamagedCacheFileCostsOneNote) {
  ScopedEnv env("PARLEY_RULES_CACHE", cache_);
  const CliRun first = Extract();
  ASSERT_EQ(first.code, 0);
  const std::vector<std::filesystem::path> files = CacheFiles(cache_);
  ASSERT_EQ(files.size(), 1u);
  std::filesystem::resize_file(files[0], std::filesystem::file_size(files[0]) / 2);
  const CliRun damaged = Extract();
  ASSERT_EQ(damaged.code, 0);
  EXPECT_EQ(damaged.out, first.out);
  EXPECT_THAT(damaged.err, HasSubstr("parley: note: rules cache "));
  EXPECT_THAT(damaged.err, HasSubstr("truncated; compiling the rules instead (nothing is lost)"));
  EXPECT_EQ(std::count(damaged.err.begin(), damaged.err.end(), '\n'), 1);
  const CliRun repaired = Extract();
  EXPECT_EQ(repaired.err, "");  // the compiling run wrote a whole file again
}

TEST_F(RulesCacheCliTest, OffSwitchesNeitherReadNorWrite) {
  {
    ScopedEnv env("PARLEY_RULES_CACHE", cache_);
    const CliRun run = Extract({"--no-rules-cache"});
    ASSERT_EQ(run.code, 0) << run.err;
  }
  EXPECT_TRUE(CacheFiles(cache_).empty());
  {
    ScopedEnv env("PARLEY_RULES_CACHE", "off");
    ScopedEnv xdg("XDG_CACHE_HOME", cache_);
    const CliRun run = Extract();
    ASSERT_EQ(run.code, 0) << run.err;
  }
  EXPECT_TRUE(CacheFiles(cache_).empty());
}

TEST(RulesCacheHelpTest, HelpNamesTheSwitches) {
  EXPECT_THAT(RunParley({"--help"}).out, HasSubstr("PARLEY_RULES_CACHE"));
  EXPECT_THAT(RunParley({"help", "extract"}).out, HasSubstr("--no-rules-cache"));
}

}  // namespace
}  // namespace parley::cli
