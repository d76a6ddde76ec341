// Citations: which document states a claim, when, and how to point a reader at it (title and
// URL), for query rows, timelines, entity cards and exports.
//
// Thread-safety: pure functions, or reads of a store that supports concurrent readers.
#ifndef PARLEY_GRAPH_CITATION_H_
#define PARLEY_GRAPH_CITATION_H_

#include <map>
#include <set>
#include <string>

#include "base/status.h"
#include "base/types.h"
#include "graph/store.h"

namespace parley {

// Document id -> its stored info (title, URL, date).
using DocumentInfoMap = std::map<std::string, DocumentInfo>;

// When the statement's document stated it, for ordering sources: the first day of the
// statement's doc_date, else of its time; "" when neither is known.
std::string SourceDay(const Statement& statement);

// The stored info of each of `ids` the store holds (others are left out).
// Errors: the store's.
Result<DocumentInfoMap> LookUpDocuments(const Store& store, const std::set<std::string>& ids);

}  // namespace parley

#endif  // PARLEY_GRAPH_CITATION_H_
