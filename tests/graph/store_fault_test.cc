// Store faults beyond those in rocks_store_test.cc: a full disk, and a second writer and readers
// in other processes while a writer works. Each ends in a clear message and an intact store:
// after reopening, every document is whole and every Put that succeeded is there.
#include <errno.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <map>

#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/graph/store_test_util.h"

namespace parley {
namespace {

using testing::DumpStatements;
using testing::SmallDisk;
using testing::TempDir;

// Checks that every stored document holds exactly the statements its synthetic record has and
// returns how many there are.
uint64_t CheckWholeDocuments(const Store& store) {
  std::map<std::string, uint64_t> statements;
  Status scan = store.ScanStatements({}, [&](const Statement& s) {
    ++statements[s.doc];
    return true;
  });
  EXPECT_TRUE(scan.ok()) << scan.ToString();
  uint64_t stored = 0;
  scan = store.ScanStoredDocuments([&](const StoredDocument& d) {
    ++stored;
    const uint64_t index = std::stoull(d.info.id.substr(d.info.id.find('/') + 1));
    EXPECT_EQ(d.statements, SyntheticDocument(index).statements.size()) << d.info.id;
    EXPECT_EQ(statements[d.info.id], d.statements) << d.info.id;
    return true;
  });
  EXPECT_TRUE(scan.ok()) << scan.ToString();
  return stored;
}

TEST(StoreFaultTest, FullDiskEndsInAClearErrorAndAnIntactStore) {
  TempDir dir;
  SmallDisk disk(dir.Sub("disk"), "2m");
  if (!disk.mounted()) GTEST_SKIP() << "no small filesystem to fill: " << disk.error();
  const std::string path = dir.Sub("disk") + "/kg";

  uint64_t added = 0;
  Status failure;
  {
    Result<std::unique_ptr<Store>> store = OpenRocksStore(path, {});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (; added < 1000000; ++added) {
      Result<PutOutcome> outcome = (*store)->Put(SyntheticDocument(added));
      if (!outcome.ok()) {
        failure = outcome.status();
        break;
      }
    }
  }
  ASSERT_FALSE(failure.ok()) << "2 MB never filled up";
  EXPECT_EQ(failure.code(), StatusCode::kIoError);
  EXPECT_THAT(failure.message(), ::testing::StartsWith("writing store '" + path + "': "));
  EXPECT_THAT(failure.message(), ::testing::HasSubstr("No space left on device"));

  // With room again the store opens, holds whole documents only, and has every document whose
  // Put succeeded; the ingest then completes.
  ASSERT_TRUE(disk.Grow("256m"));
  Result<std::unique_ptr<Store>> store = OpenRocksStore(path, {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(CheckWholeDocuments(**store), added);
  for (uint64_t i = 0; i <= added; ++i) {
    Result<PutOutcome> outcome = (*store)->Put(SyntheticDocument(i));
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
    EXPECT_EQ(*outcome, i < added ? PutOutcome::kUnchanged : PutOutcome::kAdded) << i;
  }
}

// A writer in another process: a second writer is refused with a message naming the store,
// while readers opened during the writes see whole documents only.
TEST(StoreFaultTest, WriterInAnotherProcess) {
  TempDir dir;
  const std::string path = dir.Sub("kg");
  constexpr uint64_t kDocuments = 1000;
  { ASSERT_TRUE(OpenRocksStore(path, {}).ok()); }
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(ready[0]);
    Result<std::unique_ptr<Store>> store = OpenRocksStore(path, {});
    if (!store.ok()) _exit(2);
    for (uint64_t i = 0; i < kDocuments; ++i) {
      if (!(*store)->Put(SyntheticDocument(i)).ok()) _exit(3);
      if (i == 20 && write(ready[1], "x", 1) != 1) _exit(4);
    }
    pause();  // keep the store open until killed
    _exit(5);
  }
  close(ready[1]);
  char byte;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  close(ready[0]);

  Result<std::unique_ptr<Store>> second = OpenRocksStore(path, {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(second.status().message(),
            "store '" + path +
                "' is open for writing by another process (its LOCK file is held); wait for "
                "that ingest to finish, or open the store read-only to query it meanwhile");

  uint64_t last = 0;
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE(round);
    Result<std::unique_ptr<Store>> reader = OpenRocksStore(path, {.read_only = true});
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    const uint64_t seen = CheckWholeDocuments(**reader);
    EXPECT_GE(seen, std::max<uint64_t>(last, 21));
    EXPECT_LE(seen, kDocuments);
    last = seen;
    ASSERT_TRUE((*reader)->Refresh().ok());
    EXPECT_GE(CheckWholeDocuments(**reader), seen);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own with status " << status;

  Result<std::unique_ptr<Store>> store = OpenRocksStore(path, {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const uint64_t stored = CheckWholeDocuments(**store);
  EXPECT_GE(stored, last);
  EXPECT_LE(stored, kDocuments);
}

}  // namespace
}  // namespace parley
