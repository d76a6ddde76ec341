// Fuzzes the query-pattern parser and planner (graph/query.h) against a small in-memory store:
// any pattern either runs, giving rows with one binding per variable and one statement per
// pattern, or fails with InvalidArgument or NotFound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "graph/query.h"
#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const parley::Store& SmallStore() {
  static const std::unique_ptr<parley::Store> store = [] {
    std::unique_ptr<parley::Store> memory = parley::NewMemoryStore();
    for (uint64_t i = 0; i < 5; ++i) {
      if (!memory->Put(parley::SyntheticDocument(i)).ok()) std::abort();
    }
    return memory;
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view pattern = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&pattern);
  QueryOptions options;
  options.limit = 20;
  options.sort_by_time = (selector & 1) != 0;
  if (selector & 2) options.since = "1995";
  if (selector & 4) options.until = "2010-06";

  const Result<QueryResult> result = RunQuery(SmallStore(), pattern, options);
  if (!result.ok()) {
    const StatusCode code = result.status().code();
    PARLEY_FUZZ_CHECK(code == StatusCode::kInvalidArgument || code == StatusCode::kNotFound);
    PARLEY_FUZZ_CHECK(!result.status().message().empty());
    return 0;
  }
  PARLEY_FUZZ_CHECK(result->rows.size() <= options.limit);
  PARLEY_FUZZ_CHECK(!result->plan.steps.empty());
  for (const QueryRow& row : result->rows) {
    PARLEY_FUZZ_CHECK(row.bindings.size() == result->variables.size());
    PARLEY_FUZZ_CHECK(row.statements.size() == result->plan.steps.size());
  }
  (void)result->plan.ToString();
  return 0;
}
