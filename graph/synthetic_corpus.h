// Deterministic synthetic documents for the store's tests and benchmarks: a pool of people and
// states, a handful of predicates, times at day, month, year and decade precision (some of them
// with source "document"). Document i
// is always the same record, so a test can check what a store holds against what it was given.
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_SYNTHETIC_CORPUS_H_
#define PARLEY_GRAPH_SYNTHETIC_CORPUS_H_

#include <cstdint>
#include <string>

#include "graph/store.h"

namespace parley {

// Document `index` of a synthetic corpus: id "synthetic/<index>.txt", 3 to 12 statements,
// extracted by rules `fingerprint`. A different `revision` changes the text (and so the
// content hash) and the statements, as an edited article would.
DocumentRecord SyntheticDocument(uint64_t index, std::string_view fingerprint = "rules-1",
                                 uint32_t revision = 0);

}  // namespace parley

#endif  // PARLEY_GRAPH_SYNTHETIC_CORPUS_H_
