// Store::Check against stores damaged the ways a broken write path damages them: a family's
// writes lost for some documents, counters and entity totals out of step, orphan keys. Each
// finds the damage, names it, and --repair leaves a store that checks whole and that a
// re-ingest restores to exactly the undamaged store.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "graph/kv_store.h"
#include "graph/synthetic_corpus.h"
#include "tests/graph/store_test_util.h"

namespace parley {
namespace {

using internal::Cf;
using internal::KvBatch;
using ::testing::HasSubstr;

// A backend that passes writes to the in-memory one, less those `drop` picks.
class LossyBackend : public internal::KvBackend {
 public:
  using Drop = std::function<bool(Cf cf, std::string_view key)>;
  explicit LossyBackend(const Drop* drop) : inner_(internal::NewMemoryBackend()), drop_(drop) {}

  Result<std::unique_ptr<internal::KvView>> View() const override { return inner_->View(); }
  Status Write(const KvBatch& batch) override {
    KvBatch kept;
    for (const KvBatch::Entry& e : batch.entries()) {
      if (*drop_ && (*drop_)(e.cf, e.key())) continue;
      if (e.is_delete()) {
        kept.Delete(e.cf, e.key());
      } else {
        kept.Put(e.cf, e.key(), e.value());
      }
    }
    return inner_->Write(kept);
  }
  bool read_only() const override { return false; }
  std::string name() const override { return "the lossy store"; }
  uint64_t DiskBytes() const override { return 0; }
  Status Backup(const std::string& dir) const override { return inner_->Backup(dir); }
  Status Refresh() override { return Status::Ok(); }

 private:
  std::unique_ptr<internal::KvBackend> inner_;
  const Drop* drop_;
};

constexpr uint64_t kDocuments = 40;

struct Damage {
  std::string name;
  LossyBackend::Drop drop;    // writes lost while the corpus is stored
  std::string problem;        // a line the report must contain
  int damaged_documents = 0;  // documents the report names as not whole; -1: some
};

// Document 7's statement keys, or any key of document 7 in `cf`.
bool OfSeven(std::string_view key) { return key.find("synthetic/7.txt") != std::string::npos; }

class StoreCheckTest : public ::testing::TestWithParam<Damage> {};

TEST_P(StoreCheckTest, FindsTheDamageAndRepairsIt) {
  const Damage& damage = GetParam();
  LossyBackend::Drop drop;  // nothing lost while the reference is built
  auto store = internal::NewKvStore(std::make_unique<LossyBackend>(&drop));
  std::unique_ptr<Store> reference = NewMemoryStore();
  for (uint64_t i = 0; i < kDocuments; ++i) ASSERT_TRUE(reference->Put(SyntheticDocument(i)).ok());
  drop = damage.drop;
  for (uint64_t i = 0; i < kDocuments; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  drop = nullptr;

  Result<CheckReport> report = store->Check({});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->ok());
  EXPECT_GE(report->documents, kDocuments - 1);  // a document without meta is not one
  std::string all;
  for (const std::string& p : report->problems) all += p + "\n";
  EXPECT_THAT(all, HasSubstr(damage.problem));
  if (damage.damaged_documents < 0) {
    EXPECT_GT(report->damaged_documents.size(), 0u) << all;
  } else {
    EXPECT_EQ(report->damaged_documents.size(), static_cast<size_t>(damage.damaged_documents))
        << all;
  }
  EXPECT_FALSE(report->repaired);

  Result<CheckReport> repair = store->Check({.repair = true});
  ASSERT_TRUE(repair.ok()) << repair.status().ToString();
  EXPECT_TRUE(repair->repaired);
  EXPECT_TRUE(repair->remaining.empty()) << ::testing::PrintToString(repair->remaining);
  Result<CheckReport> after = store->Check({});
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->ok()) << after->problems.front();

  // Ingesting again restores exactly the undamaged store.
  for (uint64_t i = 0; i < kDocuments; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  EXPECT_EQ(testing::DumpStatements(*store), testing::DumpStatements(*reference));
  EXPECT_EQ(testing::DumpEntities(*store), testing::DumpEntities(*reference));
  Result<StoreStats> got = store->Stats();
  Result<StoreStats> want = reference->Stats();
  ASSERT_TRUE(got.ok() && want.ok());
  EXPECT_EQ(got->documents, want->documents);
  EXPECT_EQ(got->statements, want->statements);
  EXPECT_EQ(got->entities, want->entities);
  EXPECT_EQ(got->statements_by_predicate, want->statements_by_predicate);
  EXPECT_EQ(got->entities_by_type, want->entities_by_type);
  after = store->Check({});
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->ok()) << after->problems.front();
}

INSTANTIATE_TEST_SUITE_P(
    Damages, StoreCheckTest,
    ::testing::Values(
        Damage{"StatementsLost",
               [](Cf cf, std::string_view key) {
                 return cf == Cf::kStatements && key.back() % 3 == 0;
               },
               "statements are missing", -1},
        Damage{"TextLost",
               [](Cf cf, std::string_view key) { return cf == Cf::kText && OfSeven(key); },
               "document 'synthetic/7.txt': it has no text record", 1},
        Damage{"MetaLost",
               [](Cf cf, std::string_view key) { return cf == Cf::kDocs && OfSeven(key); },
               "document 'synthetic/7.txt': its text is stored but it has no meta record", 1},
        Damage{"CountersLost", [](Cf cf, std::string_view) { return cf == Cf::kMeta; },
               "counter total/documents is 0, the whole documents give 40", 0},
        Damage{"EntitiesLost", [](Cf cf, std::string_view) { return cf == Cf::kEntities; },
               "is missing", 0},
        Damage{"AliasesLost", [](Cf cf, std::string_view) { return cf == Cf::kAliases; },
               "is not indexed", 0},
        Damage{"IndexEntriesLost",
               [](Cf cf, std::string_view) { return cf == Cf::kPos || cf == Cf::kTime; },
               "index entries of its statements are missing or wrong",
               static_cast<int>(kDocuments)}),
    [](const ::testing::TestParamInfo<Damage>& info) { return info.param.name; });

TEST(StoreCheckTest, WholeStoreChecksWhole) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < kDocuments; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  // Replacing documents leaves no trace the check would see.
  for (uint64_t i = 0; i < kDocuments; i += 3) {
    ASSERT_TRUE(store->Put(SyntheticDocument(i, "rules-1", 1)).ok());
  }
  Result<CheckReport> report = store->Check({});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok()) << report->problems.front();
  EXPECT_EQ(report->documents, kDocuments);
  EXPECT_GT(report->statements, 3 * kDocuments);
  EXPECT_GT(report->index_entries, 2 * report->statements);
  EXPECT_TRUE(report->damaged_documents.empty());
}

TEST(StoreCheckTest, RepairNeedsAWriter) {
  testing::TempDir dir;
  {
    auto store = OpenRocksStore(dir.Sub("kg"), {});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(SyntheticDocument(1)).ok());
  }
  auto reader = OpenRocksStore(dir.Sub("kg"), {.read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Result<CheckReport> repair = (*reader)->Check({.repair = true});
  EXPECT_EQ(repair.status().code(), StatusCode::kFailedPrecondition);
  Result<CheckReport> report = (*reader)->Check({});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok());
}

}  // namespace
}  // namespace parley
