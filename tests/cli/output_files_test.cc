// Where -o writes: a regular file is replaced atomically and keeps its permissions; a device or
// FIFO is written in place, never replaced; a symbolic link to a regular file stays a link; a
// link to a device is refused unless --follow-symlinks.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class OutputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_outputs_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store").string();
    auto store = OpenRocksStore(db_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (uint64_t i = 0; i < 5; ++i) ASSERT_TRUE((*store)->Put(SyntheticDocument(i)).ok());
    CliRun run = RunParley({"export", "--db", db_, "--format", "jsonl"});
    ASSERT_EQ(run.code, 0) << run.err;
    expected_ = run.out;
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun Export(const std::string& output, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"export", "--db", db_, "--format", "jsonl", "-o", output};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunParley(args);
  }

  fs::path dir_;
  std::string db_;
  std::string expected_;
};

TEST_F(OutputFilesTest, PrivateFileStaysPrivate) {
  const std::string path = (dir_ / "private.jsonl").string();
  std::ofstream(path) << "old\n";
  ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  CliRun run = Export(path);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(ReadAll(path), expected_);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  for (const auto& f : fs::directory_iterator(dir_)) {
    EXPECT_THAT(f.path().filename().string(), ::testing::Not(HasSubstr(".tmp.")));
  }
}

TEST_F(OutputFilesTest, DevNullIsWrittenNotReplaced) {
  struct stat before;
  ASSERT_EQ(stat("/dev/null", &before), 0);
  CliRun run = Export("/dev/null");
  ASSERT_EQ(run.code, 0) << run.err;
  struct stat after;
  ASSERT_EQ(stat("/dev/null", &after), 0);
  EXPECT_TRUE(S_ISCHR(after.st_mode));
  EXPECT_EQ(after.st_rdev, before.st_rdev);
  EXPECT_EQ(after.st_ino, before.st_ino);
}

TEST_F(OutputFilesTest, FifoIsWrittenInPlace) {
  const std::string fifo = (dir_ / "pipe").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string read;
  std::thread reader([&] { read = ReadAll(fifo); });
  CliRun run = Export(fifo);
  reader.join();
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(read, expected_);
  struct stat st;
  ASSERT_EQ(lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputFilesTest, LinkToAFileStaysALink) {
  const std::string target = (dir_ / "target.jsonl").string();
  const std::string link = (dir_ / "link.jsonl").string();
  std::ofstream(target) << "old\n";
  fs::create_symlink(target, link);
  CliRun run = Export(link);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadAll(target), expected_);
}

TEST_F(OutputFilesTest, LinkToADeviceIsRefusedUnlessAsked) {
  const std::string link = (dir_ / "null.jsonl").string();
  fs::create_symlink("/dev/null", link);
  CliRun run = Export(link);
  EXPECT_EQ(run.code, 3);
  EXPECT_THAT(run.err, HasSubstr("is a symbolic link to a device, FIFO or socket"));
  EXPECT_TRUE(fs::is_symlink(link));
  run = Export(link, {"--follow-symlinks"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link));
  struct stat st;
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFilesTest, ExtractWritesTheSameWay) {
  const std::string input = (dir_ / "doc.txt").string();
  std::ofstream(input) << "Japan proposed a peace treaty to Russia in May 2001.\n";
  const std::string path = (dir_ / "statements.jsonl").string();
  std::ofstream(path) << "old\n";
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  CliRun run = RunParley({"extract", input, "-o", path});
  ASSERT_EQ(run.code, 0) << run.err;
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_THAT(ReadAll(path), HasSubstr("\"predicate\""));
  run = RunParley({"extract", input, "-o", "/dev/null"});
  EXPECT_EQ(run.code, 0) << run.err;
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

}  // namespace
}  // namespace parley::cli
