// The extraction stages one at a time, on real text: the 200-document bench corpus sample
// (tests/data/corpus/bench/, about 0.9 MB of text) or the corpus PARLEY_BENCH_CORPUS names.
// Every benchmark reports bytes/s of document text (as the end-to-end figures in BENCHMARKS.md
// do), so the stages add up: read -> prepare (split + normalise) -> analyse (tag + relate) ->
// the whole Extractor. Tagging alone is analysis with only the gazetteer (entities, no
// relation rules); relating costs the difference.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/normalize.h"
#include "extract/prepare.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"
#include "extract/sentences.h"

namespace parley {
namespace {

std::string CorpusPath() {
  const char* env = std::getenv("PARLEY_BENCH_CORPUS");
  if (env != nullptr && *env != '\0') return env;
  return std::string(PARLEY_SOURCE_DIR) + "/tests/data/corpus/bench/wh-statements-sample.jsonl.zst";
}

// Reads every document of `path`; exits on failure (a benchmark without its corpus measures
// nothing).
std::vector<Document> ReadAll(const std::string& path) {
  auto reader = DocumentReader::Open({path}, ReaderOptions());
  if (!reader.ok()) {
    std::cerr << "stages_bench: " << reader.status().message() << "\n";
    std::exit(1);
  }
  std::vector<Document> documents;
  for (;;) {
    auto next = (*reader)->Next();
    if (!next.ok()) {
      std::cerr << "stages_bench: " << next.status().message() << "\n";
      std::exit(1);
    }
    if (!next->has_value()) return documents;
    documents.push_back(std::move(**next));
  }
}

const std::vector<Document>& Corpus() {
  static const std::vector<Document>* corpus = new std::vector<Document>(ReadAll(CorpusPath()));
  return *corpus;
}

int64_t TextBytes(const std::vector<Document>& documents) {
  int64_t bytes = 0;
  for (const Document& d : documents) bytes += static_cast<int64_t>(d.text.size());
  return bytes;
}

const std::vector<PreparedDocument>& Prepared() {
  static const std::vector<PreparedDocument>* prepared = [] {
    auto* out = new std::vector<PreparedDocument>();
    for (const Document& d : Corpus()) out->push_back(PrepareDocument(d));
    return out;
  }();
  return *prepared;
}

int64_t SentenceCount() {
  int64_t count = 0;
  for (const PreparedDocument& p : Prepared()) count += static_cast<int64_t>(p.sentences.size());
  return count;
}

// Bytes of text and sentences per second, from the whole corpus per iteration.
void Report(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * TextBytes(Corpus()));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(SentenceCount()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

std::shared_ptr<const RuleSet> Compile(bool gazetteer_only) {
  std::vector<RuleSource> sources;
  for (RuleSource& source : DefaultRuleSources()) {
    if (gazetteer_only && source.path.find("/gazetteer/") == std::string::npos) continue;
    sources.push_back(std::move(source));
  }
  auto rules = RuleSet::Compile(sources);
  if (!rules.ok()) {
    std::cerr << "stages_bench: " << rules.status().message() << "\n";
    std::exit(1);
  }
  return *rules;
}

void BM_ReadJsonlZst(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ReadAll(CorpusPath()));
  Report(state);
}
BENCHMARK(BM_ReadJsonlZst)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize(SplitSentences(d.text));
  }
  Report(state);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_NormalizeForMatching(benchmark::State& state) {
  const std::vector<Document>& corpus = Corpus();
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.size(); ++i) {
      const TextSyntax syntax = SyntaxForFormat(corpus[i].info.format);
      for (const PreparedSentence& s : Prepared()[i].sentences) {
        benchmark::DoNotOptimize(
            NormalizeForMatching(corpus[i].text, s.byte_span.begin, s.byte_span.end, syntax));
      }
    }
  }
  Report(state);
}
BENCHMARK(BM_NormalizeForMatching)->Unit(benchmark::kMillisecond);

void BM_PrepareDocument(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize(PrepareDocument(d));
  }
  Report(state);
}
BENCHMARK(BM_PrepareDocument)->Unit(benchmark::kMillisecond);

// Analysis of the prepared units: arg 0 = the gazetteer only (tagging), 1 = the default rules
// (tagging and relations).
void BM_AnalyzeSentences(benchmark::State& state) {
  const std::shared_ptr<const RuleSet> rules = Compile(state.range(0) == 0);
  const std::vector<Document>& corpus = Corpus();
  std::vector<std::vector<SentenceInput>> inputs;
  std::vector<std::string> titles(corpus.size());
  for (size_t i = 0; i < corpus.size(); ++i) {
    inputs.push_back(DocumentUnits(corpus[i], Prepared()[i], &titles[i]));
  }
  size_t statements = 0;
  for (auto _ : state) {
    statements = 0;
    for (size_t i = 0; i < corpus.size(); ++i) {
      DocumentAnalysis analysis =
          AnalyzeSentences(*rules, inputs[i], corpus[i].info.date, false, {}, corpus[i].info.url);
      for (const SentenceAnalysis& s : analysis.sentences) statements += s.statements.size();
    }
  }
  state.SetLabel(state.range(0) == 0 ? "tag (gazetteer only)" : "tag + relate (default rules)");
  state.counters["statements"] = static_cast<double>(statements);
  Report(state);
}
BENCHMARK(BM_AnalyzeSentences)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  auto extractor = Extractor::Create(ExtractorOptions());
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize((*extractor)->Extract(d));
  }
  Report(state);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
