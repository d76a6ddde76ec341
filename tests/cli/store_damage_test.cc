// A store whose files are damaged: a table file cut short or missing, the write-ahead log or
// the MANIFEST cut short, a CURRENT naming nothing. Every command that opens the store exits 5
// with a message naming what is damaged, instead of answering from part of the data; backup
// writes no copy; check reports it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/json.h"
#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// The largest file of `db` whose name ends with `suffix` (or starts with it, for MANIFEST-).
fs::path Largest(const std::string& db, const std::string& part) {
  fs::path best;
  uintmax_t size = 0;
  for (const auto& f : fs::directory_iterator(db)) {
    const std::string name = f.path().filename().string();
    if (name.find(part) == std::string::npos || name.find("PARLEY") != std::string::npos) continue;
    if (f.file_size() >= size) {
      size = f.file_size();
      best = f.path();
    }
  }
  return best;
}

struct Damage {
  std::string name;
  std::function<std::string(const std::string& db)> apply;  // returns the file's name
};

// gtest shows a parameter by its name (not the bytes of the struct).
void PrintTo(const Damage& damage, std::ostream* os) { *os << damage.name; }

void CutInHalf(const fs::path& file) { fs::resize_file(file, fs::file_size(file) / 2); }

const Damage kDamages[] = {
    {"TruncatedTableFile",
     [](const std::string& db) {
       fs::path f = Largest(db, ".sst");
       CutInHalf(f);
       return f.filename().string();
     }},
    {"MissingTableFile",
     [](const std::string& db) {
       fs::path f = Largest(db, ".sst");
       fs::remove(f);
       return f.filename().string();
     }},
    {"TruncatedLog",
     [](const std::string& db) {
       fs::path f = Largest(db, ".log");
       CutInHalf(f);
       return f.filename().string();
     }},
    {"TruncatedManifest",
     [](const std::string& db) {
       fs::path f = Largest(db, "MANIFEST-");
       CutInHalf(f);
       return f.filename().string();
     }},
    {"CurrentNamesNothing",
     [](const std::string& db) {
       std::ofstream(fs::path(db) / "CURRENT", std::ios::trunc) << "MANIFEST-999999\n";
       return std::string("CURRENT");
     }},
    {"CurrentGarbage",
     [](const std::string& db) {
       std::ofstream(fs::path(db) / "CURRENT", std::ios::trunc) << "\x01garbage";
       return std::string("CURRENT");
     }},
};

class StoreDamageTest : public ::testing::TestWithParam<Damage> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_damage_" + std::to_string(::getpid()) + "_" + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store").string();
    statements_ = (dir_ / "more.jsonl").string();
    // Table files from a bulk load, then documents in the write-ahead log.
    {
      auto store = OpenRocksStore(db_, {.bulk_load = true});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      std::vector<DocumentRecord> records;
      for (uint64_t i = 0; i < 3000; ++i) records.push_back(SyntheticDocument(i));
      ASSERT_TRUE((*store)->PutBatch(records).ok());
      ASSERT_TRUE((*store)->Close().ok());
    }
    {
      auto store = OpenRocksStore(db_, {});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      for (uint64_t i = 3000; i < 3100; ++i) ASSERT_TRUE((*store)->Put(SyntheticDocument(i)).ok());
      ASSERT_TRUE((*store)->Close().ok());
    }
    std::ofstream out(statements_);
    for (const Statement& s : SyntheticDocument(5000).statements) out << StatementToJson(s) << "\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
  std::string statements_;
};

TEST_P(StoreDamageTest, EveryCommandRefusesTheStore) {
  CliRun before = RunParley({"check", "--db", db_});
  ASSERT_EQ(before.code, 0) << before.out << before.err;
  const std::string file = GetParam().apply(db_);
  const std::string backup = (dir_ / "backup").string();
  const std::vector<std::vector<std::string>> commands = {
      {"stats", "--db", db_},
      {"query", "--db", db_, "?who proposed ?what"},
      {"export", "--db", db_, "--format", "jsonl"},
      {"graph", "--db", db_, "summary"},
      {"timeline", "--db", db_},
      {"check", "--db", db_},
      {"backup", "--db", db_, backup},
      {"ingest", "--db", db_, "--statements", statements_},
      {"ingest", "--db", db_, "--bulk", "--statements", statements_},
  };
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0] + " " + args.back());
    CliRun run = RunParley(args);
    EXPECT_EQ(run.code, 5) << run.out << run.err;
    EXPECT_THAT(run.err, HasSubstr("parley: error: "));
    EXPECT_THAT(run.err, HasSubstr(std::filesystem::path(file).stem().string()));
    EXPECT_THAT(run.err, HasSubstr("parley check"));
  }
  EXPECT_FALSE(fs::exists(backup)) << "backup wrote a copy of a damaged store";
}

INSTANTIATE_TEST_SUITE_P(Damages, StoreDamageTest, ::testing::ValuesIn(kDamages),
                         [](const ::testing::TestParamInfo<Damage>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace parley::cli
