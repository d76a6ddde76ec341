// Store key and value encoding (graph/keys.h), the per-statement work of every Put: the
// statement record, its three triple-index keys (spo, pos, osp) and its time key, and the
// decoding that every query pays. Statements come from graph/synthetic_corpus.h (3 to 12 per
// document, with times, places and quotes); figures are statements per second.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "graph/keys.h"
#include "graph/synthetic_corpus.h"

namespace parley {
namespace {

const std::vector<Statement>& Statements() {
  static const std::vector<Statement>* statements = [] {
    auto* out = new std::vector<Statement>();
    for (uint64_t i = 0; i < 2000; ++i) {
      for (Statement& s : SyntheticDocument(i).statements) out->push_back(std::move(s));
    }
    return out;
  }();
  return *statements;
}

void BM_EncodeStatement(benchmark::State& state) {
  for (auto _ : state) {
    for (const Statement& s : Statements()) benchmark::DoNotOptimize(internal::EncodeStatement(s));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Statements().size()));
}
BENCHMARK(BM_EncodeStatement)->Unit(benchmark::kMillisecond);

void BM_DecodeStatement(benchmark::State& state) {
  std::vector<std::string> encoded;
  for (const Statement& s : Statements()) encoded.push_back(internal::EncodeStatement(s));
  for (auto _ : state) {
    for (const std::string& bytes : encoded) {
      benchmark::DoNotOptimize(internal::DecodeStatement(bytes));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(encoded.size()));
}
BENCHMARK(BM_DecodeStatement)->Unit(benchmark::kMillisecond);

// The keys one statement adds to the triple indexes and, when dated, the time index.
void BM_IndexKeys(benchmark::State& state) {
  for (auto _ : state) {
    for (const Statement& s : Statements()) {
      const std::string object = s.object ? s.object->id : std::string();
      benchmark::DoNotOptimize(internal::Key({s.subject.id, s.predicate, object, s.id}));
      benchmark::DoNotOptimize(internal::Key({s.predicate, object, s.subject.id, s.id}));
      benchmark::DoNotOptimize(internal::Key({object, s.subject.id, s.predicate, s.id}));
      if (s.time) benchmark::DoNotOptimize(internal::TimeKey(*s.time, s.id));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Statements().size()));
}
BENCHMARK(BM_IndexKeys)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
