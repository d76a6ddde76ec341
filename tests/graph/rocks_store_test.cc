// What only the RocksDB store does: files, locks, format versions, readers beside a writer, and
// surviving a kill -9 in the middle of an ingest.
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "graph/keys.h"
#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/graph/store_test_util.h"

namespace parley {
namespace {

using testing::DumpStatements;
using testing::TempDir;

std::unique_ptr<Store> MustOpen(const std::string& path, const StoreOptions& options = {}) {
  auto store = OpenRocksStore(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

TEST(RocksStoreTest, SecondWriterIsUnavailable) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  auto writer = MustOpen(path);
  auto second = OpenRocksStore(path, {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(second.status().message(),
            "store '" + path +
                "' is open for writing by another process (its LOCK file is held); wait for "
                "that ingest to finish, or open the store read-only to query it meanwhile");
}

TEST(RocksStoreTest, ReaderSeesWholeDocumentsWhileWriterRuns) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  auto writer = MustOpen(path);
  for (uint64_t i = 0; i < 10; ++i) ASSERT_TRUE(writer->Put(SyntheticDocument(i)).ok());
  auto reader = MustOpen(path, {.read_only = true});
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->Stats()->documents, 10u);
  EXPECT_EQ(DumpStatements(*reader), DumpStatements(*writer));

  for (uint64_t i = 10; i < 25; ++i) ASSERT_TRUE(writer->Put(SyntheticDocument(i)).ok());
  EXPECT_EQ(reader->Stats()->documents, 10u);  // a reader's view moves only on Refresh
  ASSERT_TRUE(reader->Refresh().ok());
  EXPECT_EQ(reader->Stats()->documents, 25u);
  EXPECT_EQ(DumpStatements(*reader), DumpStatements(*writer));

  auto refused = reader->Put(SyntheticDocument(99));
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(), "store '" + path + "' is open read-only; cannot store");
}

// A writer's compaction deletes the table files it replaced, files a reader opened before and
// still reads through: the reader's check and backup must not take that for damage (graph/
// FORMAT.md, "Files that go while a reader works"). Without a writer, a missing file is damage.
TEST(RocksStoreTest, ATableFileTheWriterDeletesIsNoDamageToAReader) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  {
    auto writer = MustOpen(path);
    for (uint64_t i = 0; i < 20; ++i) ASSERT_TRUE(writer->Put(SyntheticDocument(i)).ok());
    ASSERT_TRUE(writer->Close().ok());  // flushed: the records are in table files
  }
  auto writer = MustOpen(path);
  auto reader = MustOpen(path, {.read_only = true});
  ASSERT_NE(reader, nullptr);
  const std::vector<std::string> before = DumpStatements(*reader);
  std::vector<std::filesystem::path> tables;
  for (const auto& f : std::filesystem::directory_iterator(path)) {
    if (f.path().extension() == ".sst") tables.push_back(f.path());
  }
  ASSERT_FALSE(tables.empty());
  for (const auto& t : tables) std::filesystem::remove(t);  // as a compaction would

  auto report = reader->Check({});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->documents, 20u);
  EXPECT_EQ(DumpStatements(*reader), before);
  const std::string copy = dir.Sub("copy");
  ASSERT_TRUE(reader->Backup(copy).ok());
  auto backup = MustOpen(copy, {.read_only = true});
  ASSERT_NE(backup, nullptr);
  EXPECT_EQ(DumpStatements(*backup), before);

  ASSERT_TRUE(reader->Close().ok());
  ASSERT_TRUE(writer->Close().ok());
  auto damaged = OpenRocksStore(path, {.read_only = true});
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kDataLoss) << damaged.status().ToString();
}

TEST(RocksStoreTest, ReopenKeepsEverything) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  std::vector<std::string> before;
  {
    auto store = MustOpen(path, {.bulk_load = true});
    std::vector<DocumentRecord> records;
    // Enough keys for the bulk path to ingest table files rather than write a batch.
    for (uint64_t i = 0; i < 1000; ++i) records.push_back(SyntheticDocument(i));
    ASSERT_TRUE(store->PutBatch(records).ok());
    before = DumpStatements(*store);
  }
  auto store = MustOpen(path);
  EXPECT_EQ(DumpStatements(*store), before);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1000u);
  EXPECT_GT(stats->disk_bytes, 0u);
}

TEST(RocksStoreTest, OpenErrors) {
  TempDir dir;
  std::string missing = dir.Sub("missing");
  std::string file = dir.Sub("file");
  std::ofstream(file) << "x";
  std::string junk = dir.Sub("junk");
  std::filesystem::create_directory(junk);
  std::ofstream(junk + "/notes.txt") << "x";
  std::string foreign = dir.Sub("foreign");
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, foreign, &db).ok());
    delete db;
  }
  struct Case {
    std::string name;
    std::string path;
    StoreOptions options;
    StatusCode code;
    std::string message;
  };
  std::vector<Case> cases = {
      {"missing reader",
       missing,
       {.read_only = true},
       StatusCode::kNotFound,
       "store '" + missing + "' does not exist; create it with `parley ingest`"},
      {"missing, no create",
       missing,
       {.create_if_missing = false},
       StatusCode::kNotFound,
       "store '" + missing + "' does not exist; create it with `parley ingest`"},
      {"a file",
       file,
       {},
       StatusCode::kFailedPrecondition,
       "store '" + file + "' is not a parley store (it is not a directory)"},
      {"other files",
       junk,
       {},
       StatusCode::kFailedPrecondition,
       "store '" + junk + "' is not a parley store (no RocksDB database in it)"},
      {"plain RocksDB",
       foreign,
       {},
       StatusCode::kFailedPrecondition,
       "store '" + foreign +
           "' is a RocksDB database but not a parley store (it has no format version)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto store = OpenRocksStore(c.path, c.options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), c.code);
    EXPECT_EQ(store.status().message(), c.message);
  }
}

// The store's RocksDB database opened directly, every column family with it, behind parley's
// back.
class RawDb {
 public:
  RawDb(const std::string& path, bool read_only) {
    rocksdb::Options options;
    std::vector<std::string> families;
    EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(options, path, &families).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& f : families) descriptors.emplace_back(f, rocksdb::ColumnFamilyOptions());
    const rocksdb::Status s =
        read_only ? rocksdb::DB::OpenForReadOnly(options, path, descriptors, &handles_, &db_)
                  : rocksdb::DB::Open(options, path, descriptors, &handles_, &db_);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  ~RawDb() {
    if (db_ == nullptr) return;
    for (auto* h : handles_) EXPECT_TRUE(db_->DestroyColumnFamilyHandle(h).ok());
    delete db_;
  }
  rocksdb::DB* operator->() const { return db_; }

 private:
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::DB* db_ = nullptr;
};

void SetFormatVersion(const std::string& path, uint64_t version) {
  RawDb db(path, /*read_only=*/false);
  ASSERT_TRUE(
      db->Put(rocksdb::WriteOptions(), "format_version", internal::EncodeU64(version)).ok());
}

uint64_t GetFormatVersion(const std::string& path) {
  RawDb db(path, /*read_only=*/true);
  std::string bytes;
  EXPECT_TRUE(db->Get(rocksdb::ReadOptions(), "format_version", &bytes).ok());
  return internal::DecodeU64(bytes).value_or(0);
}

TEST(RocksStoreTest, NewerFormatIsRefused) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  MustOpen(path).reset();
  SetFormatVersion(path, internal::kFormatVersion + 1);
  for (bool read_only : {false, true}) {
    SCOPED_TRACE(read_only);
    auto store = OpenRocksStore(path, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kOutOfRange);
    EXPECT_EQ(store.status().message(),
              "store '" + path + "' was written by a newer parley (store format " +
                  std::to_string(internal::kFormatVersion + 1) + ", this parley reads up to " +
                  std::to_string(internal::kFormatVersion) + "); upgrade parley to read it");
  }
}

// A version 1 store (statement records without a time source) is read as it is, and a writer
// marks it the current version before writing records an older parley could not read.
TEST(RocksStoreTest, OlderFormatIsReadAndUpgradedByAWriter) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  MustOpen(path).reset();
  SetFormatVersion(path, 1);
  auto reader = OpenRocksStore(path, {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  reader->reset();
  EXPECT_EQ(GetFormatVersion(path), 1u);
  MustOpen(path).reset();
  EXPECT_EQ(GetFormatVersion(path), internal::kFormatVersion);
}

// A reader in another process than the writer, refreshing as the writer goes, only ever sees
// whole documents.
TEST(RocksStoreTest, ReaderProcessSeesWholeDocuments) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  MustOpen(path).reset();  // the reader needs a store to open
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    auto store = OpenRocksStore(path, {});
    if (!store.ok()) _exit(2);
    char ready = 1;
    if (write(pipe_fds[1], &ready, 1) != 1) _exit(4);
    for (uint64_t i = 0; i < 1500; ++i) {
      if (!(*store)->Put(SyntheticDocument(i)).ok()) _exit(3);
      // Replacements too: a reader must never see a document half old, half new.
      if (i % 3 == 0 && !(*store)->Put(SyntheticDocument(i / 3, "rules-2", 1)).ok()) _exit(3);
    }
    _exit(0);
  }
  close(pipe_fds[1]);
  char ready;
  ASSERT_EQ(read(pipe_fds[0], &ready, 1), 1);
  close(pipe_fds[0]);
  auto reader = MustOpen(path, {.read_only = true});
  ASSERT_NE(reader, nullptr);
  int wait_status = 0;
  bool writer_done = false;
  uint64_t checked = 0;
  while (!writer_done) {
    writer_done = waitpid(child, &wait_status, WNOHANG) == child;
    ASSERT_TRUE(reader->Refresh().ok());
    Status s = reader->ScanStoredDocuments([&](const StoredDocument& d) {
      ++checked;
      size_t found = DumpStatements(*reader, {.doc = d.info.id}).size();
      EXPECT_EQ(found, d.statements) << d.info.id;
      return true;
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  ASSERT_TRUE(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0);
  ASSERT_TRUE(reader->Refresh().ok());
  EXPECT_EQ(reader->Stats()->documents, 1500u);
  EXPECT_GT(checked, 0u);
}

// Forks a writer that ingests synthetic documents, kills it with SIGKILL once it has stored
// `kill_after`, then checks that the store opens, holds only whole documents, and that
// re-running the same ingest completes it.
void KillMidIngestThenResume(bool bulk, uint64_t batch) {
  TempDir dir;
  std::string path = dir.Sub("kg");
  constexpr uint64_t kDocuments = 4200;
  const uint64_t kKillAfter = 2 * batch;
  const uint64_t kBatch = batch;
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    auto store = OpenRocksStore(path, {.bulk_load = bulk});
    if (!store.ok()) _exit(2);
    for (uint64_t i = 0; i < kDocuments; i += kBatch) {
      std::vector<DocumentRecord> records;
      for (uint64_t j = i; j < i + kBatch; ++j) records.push_back(SyntheticDocument(j));
      if (!(*store)->PutBatch(records).ok()) _exit(3);
      char progress = 1;
      if (write(pipe_fds[1], &progress, 1) != 1) _exit(4);
    }
    _exit(0);
  }
  close(pipe_fds[1]);
  char progress;
  int batches = 0;
  while (batches * kBatch < kKillAfter && read(pipe_fds[0], &progress, 1) == 1) ++batches;
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "the writer finished before it could be killed";

  auto store = MustOpen(path);
  ASSERT_NE(store, nullptr);
  uint64_t stored = 0;
  Status scan = store->ScanStoredDocuments([&](const StoredDocument& d) {
    ++stored;
    uint64_t index = std::stoull(d.info.id.substr(d.info.id.find('/') + 1));
    DocumentRecord expected = SyntheticDocument(index);
    size_t found = DumpStatements(*store, {.doc = d.info.id}).size();
    EXPECT_EQ(d.statements, expected.statements.size()) << d.info.id;
    EXPECT_EQ(found, d.statements) << d.info.id;
    return true;
  });
  ASSERT_TRUE(scan.ok()) << scan.ToString();
  // Without the log, the bulk path keeps only what it flushed or ingested as table files.
  if (!bulk || batch >= 600) {
    EXPECT_GE(stored, kKillAfter);
  }
  EXPECT_LT(stored, kDocuments);

  uint64_t unchanged = 0, statements = 0;
  for (uint64_t i = 0; i < kDocuments; i += kBatch) {
    std::vector<DocumentRecord> records;
    for (uint64_t j = i; j < i + kBatch; ++j) {
      records.push_back(SyntheticDocument(j));
      statements += records.back().statements.size();
    }
    auto outcomes = store->PutBatch(records);
    ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
    for (PutOutcome o : *outcomes) unchanged += o == PutOutcome::kUnchanged;
  }
  EXPECT_EQ(unchanged, stored);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, kDocuments);
  EXPECT_EQ(stats->statements, statements);
}

TEST(RocksStoreTest, KillDuringIngestLeavesWholeDocuments) { KillMidIngestThenResume(false, 150); }
TEST(RocksStoreTest, KillDuringBulkIngestLeavesWholeDocuments) {
  KillMidIngestThenResume(true, 30);
}
// Batches this large go in as ingested table files.
TEST(RocksStoreTest, KillDuringBulkTableIngestLeavesWholeDocuments) {
  KillMidIngestThenResume(true, 600);
}

}  // namespace
}  // namespace parley
