// Store and query throughput on the synthetic corpus (graph/synthetic_corpus.h).
//
//   build/graph/parley_store_bench --benchmark_filter=Put
//
// Put* report statements stored per second of wall time ("statements/s") for `range(0)`
// documents per call (PutBatch) or loop (Put); their CPU column is the whole process's CPU time
// (RocksDB's flush and compaction threads included), so statements/s x Time / CPU is the rate
// per CPU second. Query* time one query on a store of `range(0)` documents. Stores live in
// fresh directories under the system temp directory.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>

#include "graph/query.h"
#include "graph/store.h"
#include "graph/synthetic_corpus.h"

namespace parley {
namespace {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-bench-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_ + "/kg"; }

 private:
  std::string path_;
};

std::unique_ptr<Store> OpenOrDie(const std::string& path, const StoreOptions& options) {
  auto store = OpenRocksStore(path, options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    std::abort();
  }
  return std::move(store).value();
}

// Records are built before timing so the figures are the store's alone.
std::vector<DocumentRecord> Corpus(uint64_t first, uint64_t count, uint64_t* statements) {
  std::vector<DocumentRecord> records;
  for (uint64_t i = first; i < first + count; ++i) {
    records.push_back(SyntheticDocument(i));
    *statements += records.back().statements.size();
  }
  return records;
}

void PutDocuments(benchmark::State& state, bool rocks, bool bulk) {
  ScratchDir dir;
  std::unique_ptr<Store> store =
      rocks ? OpenOrDie(dir.path(), {.bulk_load = bulk}) : NewMemoryStore();
  // Documents per Put loop or PutBatch call.
  const auto kDocs = static_cast<uint64_t>(state.range(0));
  uint64_t next = 0, statements = 0;
  for (auto _ : state) {
    state.PauseTiming();
    uint64_t batch_statements = 0;
    std::vector<DocumentRecord> records = Corpus(next, kDocs, &batch_statements);
    next += kDocs;
    state.ResumeTiming();
    if (bulk) {
      if (!store->PutBatch(records).ok()) state.SkipWithError("PutBatch failed");
    } else {
      for (const auto& r : records) {
        if (!store->Put(r).ok()) state.SkipWithError("Put failed");
      }
    }
    statements += batch_statements;
  }
  state.counters["statements/s"] =
      benchmark::Counter(static_cast<double>(statements), benchmark::Counter::kIsRate);
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(next), benchmark::Counter::kIsRate);
}

void BM_PutPerDocumentRocks(benchmark::State& state) { PutDocuments(state, true, false); }
void BM_PutBatchBulkRocks(benchmark::State& state) { PutDocuments(state, true, true); }
void BM_PutPerDocumentMemory(benchmark::State& state) { PutDocuments(state, false, false); }
void BM_PutBatchMemory(benchmark::State& state) { PutDocuments(state, false, true); }
BENCHMARK(BM_PutPerDocumentRocks)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PutBatchBulkRocks)
    ->Arg(1000)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PutPerDocumentMemory)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PutBatchMemory)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

void RunQueryBench(benchmark::State& state, const char* pattern) {
  ScratchDir dir;
  uint64_t statements = 0;
  {
    auto writer = OpenOrDie(dir.path(), {.bulk_load = true});
    const uint64_t docs = static_cast<uint64_t>(state.range(0));
    for (uint64_t i = 0; i < docs; i += 1000) {
      if (!writer->PutBatch(Corpus(i, std::min<uint64_t>(1000, docs - i), &statements)).ok()) {
        state.SkipWithError("loading failed");
        return;
      }
    }
  }
  auto store = OpenOrDie(dir.path(), {.read_only = true});
  size_t rows = 0;
  for (auto _ : state) {
    auto result = RunQuery(*store, pattern);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      return;
    }
    rows = result->rows.size();
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["statements"] = static_cast<double>(statements);
}

void BM_QueryNamedEntity(benchmark::State& state) {
  RunQueryBench(state, "\"Anna Alvarez\" proposed ?what");
}
void BM_QueryJoin(benchmark::State& state) {
  RunQueryBench(state, "?p met Borduria . ?p proposed ?what");
}
BENCHMARK(BM_QueryNamedEntity)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryJoin)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
