// Export and analysis speed on synthetic views. Targets (issue 8): a graph of 1 million edges
// exports in under 10 seconds; centrality on a bench-corpus-sized graph well under 30 seconds.
//
//   build/graph/parley_graph_export_bench                  # formatters into a discarding stream
//   build/graph/parley_graph_export_bench --benchmark_filter=File   # GraphML to a real file
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "base/text.h"
#include "graph/analysis.h"
#include "graph/export.h"
#include "graph/graph_view.h"
#include "graph/synthetic_corpus.h"

namespace parley {
namespace {

constexpr const char* kPredicates[] = {"met",        "signed",  "urged",  "proposed",
                                       "criticised", "visited", "hosted", "rejected"};
constexpr const char* kPlover[] = {"CONSULT", "AGREE",   "REQUEST", "COOPERATE",
                                   "ACCUSE",  "CONSULT", "CONSULT", "REJECT"};

// A view of `nodes` nodes and `edges` edges with labels, countries and dates, built directly
// (not through BuildGraphViewFrom) so the benchmark measures the writers. Edges share a pool of
// 4096 dated statements so dynamic GEXF has spells to write.
GraphView SyntheticView(size_t nodes, size_t edges) {
  GraphView view;
  view.nodes.resize(nodes);
  for (size_t i = 0; i < nodes; ++i) {
    GraphNode& node = view.nodes[i];
    char id[32];
    std::snprintf(id, sizeof(id), "person:actor-%07zu", i);
    node.entity.id = id;
    node.entity.label = "Actor & \"Agent\" <" + std::to_string(i) + ">";
    node.entity.type = i % 5 == 0 ? EntityType::kState : EntityType::kPerson;
    node.country = "state:country-" + std::to_string(i % 190);
    node.statements = 1 + i % 40;
    node.first = "2001-01-01";
    node.last = "2019-12-31";
  }
  for (size_t i = 0; i < 4096; ++i) {
    Statement statement;
    statement.id = "s:" + Hex64(i);
    char date[16];
    std::snprintf(date, sizeof(date), "%04zu-%02zu-%02zu", 2000 + i % 20, 1 + i % 12, 1 + i % 28);
    statement.time = TimeValue{date, date, date};
    view.statements.push_back(std::move(statement));
  }
  view.edges.resize(edges);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < edges; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    GraphEdge& edge = view.edges[i];
    edge.source = i % nodes;
    edge.target = state % nodes;
    const size_t p = state % 8;
    edge.predicate = kPredicates[p];
    edge.plover = kPlover[p];
    edge.weight = 1 + state % 9;
    edge.first = view.statements[state % 4096].time->start;
    edge.last = view.statements[(state + 1) % 4096].time->end;
    edge.statements = {state % 4096, (state + 7) % 4096};
    edge.id = "e" + Hex64(state);
  }
  return view;
}

const GraphView& MillionEdges() {
  static const GraphView* view = new GraphView(SyntheticView(100'000, 1'000'000));
  return *view;
}

// Counts bytes and throws them away: measures formatting, not the disk.
class CountingBuffer : public std::streambuf {
 public:
  uint64_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<uint64_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
};

template <typename Write>
void RunExport(benchmark::State& state, Write write) {
  const GraphView& view = MillionEdges();
  uint64_t bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    const Status status = write(view, out);
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    bytes += buffer.bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["edges"] = static_cast<double>(view.edges.size());
}

void BM_GraphMl(benchmark::State& state) { RunExport(state, WriteGraphMl); }
void BM_GexfStatic(benchmark::State& state) {
  RunExport(state, [](const GraphView& v, std::ostream& o) { return WriteGexf(v, {}, o); });
}
void BM_GexfDynamic(benchmark::State& state) {
  GexfOptions options;
  options.dynamic = true;
  RunExport(state, [&](const GraphView& v, std::ostream& o) { return WriteGexf(v, options, o); });
}
void BM_CsvEdges(benchmark::State& state) { RunExport(state, WriteCsvEdges); }
void BM_Dot(benchmark::State& state) { RunExport(state, WriteDot); }

// GraphML of the million-edge view to a real file (deleted afterwards).
void BM_GraphMlFile(benchmark::State& state) {
  const GraphView& view = MillionEdges();
  const std::string path =
      (std::filesystem::temp_directory_path() / "parley_export_bench.graphml").string();
  for (auto _ : state) {
    const Status status =
        WriteFile(path, [&](std::ostream& out) { return WriteGraphMl(view, out); });
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
}

// Betweenness and degree on a graph the size of the bench corpus's actor map.
void BM_Centrality(benchmark::State& state) {
  const GraphView view =
      SyntheticView(static_cast<size_t>(state.range(0)), static_cast<size_t>(state.range(1)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(Centrality(view, CentralityOptions()));
  }
}

// Building a view from statements: grouping, filters and statement bookkeeping.
void BM_BuildGraphView(benchmark::State& state) {
  const size_t count = static_cast<size_t>(state.range(0));
  std::vector<Entity> entities;
  for (size_t i = 0; i < 5'000; ++i) {
    Entity entity;
    entity.id = "person:actor-" + std::to_string(i);
    entity.label = "Actor " + std::to_string(i);
    entity.attributes["country"] = "state:country-" + std::to_string(i % 190);
    entities.push_back(std::move(entity));
  }
  std::vector<Statement> statements(count);
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < count; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    Statement& statement = statements[i];
    statement.id = "s:" + Hex64(x);
    statement.subject =
        EntityRef{entities[x % 5'000].id, entities[x % 5'000].label, EntityType::kPerson};
    statement.object = EntityRef{entities[(x >> 20) % 5'000].id, "", EntityType::kPerson};
    statement.predicate = kPredicates[x % 8];
    statement.plover = kPlover[x % 8];
    statement.time = TimeValue{"2019-05-01", "2019-05-01", "2019-05-01"};
  }
  GraphFilter filter;
  filter.fold_people_into_states = state.range(1) != 0;
  for (auto _ : state) {
    Result<GraphView> view = BuildGraphViewFrom(entities, statements, filter);
    if (!view.ok()) state.SkipWithError(view.status().ToString().c_str());
    benchmark::DoNotOptimize(view);
  }
  state.counters["statements"] = static_cast<double>(count);
}

// `parley graph centrality --top 10` end to end over an in-memory store of 6,400 synthetic
// documents (the bench corpus's size): scan, build the view, rank.
void BM_StoreCentralityTop10(benchmark::State& state) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 6'400; ++i) {
    if (!store->Put(SyntheticDocument(i)).ok()) state.SkipWithError("Put failed");
  }
  for (auto _ : state) {
    Result<GraphView> view = BuildGraphView(*store, GraphFilter());
    if (!view.ok()) state.SkipWithError(view.status().ToString().c_str());
    benchmark::DoNotOptimize(Centrality(*view, CentralityOptions()));
    state.counters["statements"] = static_cast<double>(view->statements.size());
    state.counters["edges"] = static_cast<double>(view->edges.size());
  }
}

BENCHMARK(BM_GraphMl)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_GexfStatic)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_GexfDynamic)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CsvEdges)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Dot)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_GraphMlFile)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_BuildGraphView)
    ->Args({200'000, 0})
    ->Args({200'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_StoreCentralityTop10)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Centrality)->Args({5'000, 25'000})->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
