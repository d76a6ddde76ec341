// Which index a statement scan uses. Stores call PlanScan for every ScanStatements, and
// `parley query --explain` prints the same plan, so what is shown is what runs.
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_SCAN_PLAN_H_
#define PARLEY_GRAPH_SCAN_PLAN_H_

#include <string>
#include <string_view>

#include "graph/store.h"

namespace parley {

enum class ScanIndex {
  kDocument,        // the document's statement list (doc_contents)
  kSubjectFirst,    // spo: subject [, predicate [, object]]
  kObjectFirst,     // osp: object [, subject]
  kInvolving,       // spo + osp + involves (recipient) for one entity
  kPredicateFirst,  // pos: predicate [, object], once per alternative
  kTime,            // the time index, per span class, bounded by since/until
  kFull,            // every statement
};

// "document", "subject-first", "object-first", "involving", "predicate-first", "time", "full".
std::string_view ScanIndexName(ScanIndex index);

struct ScanPlan {
  ScanIndex index = ScanIndex::kFull;
  // One line, e.g. "subject-first (spo) subject=person:x predicate=proposed"; every other set
  // filter field is listed as "then filter: ...".
  std::string description;
};

// Picks the narrowest index for `filter`, in this order: document, subject, object, involving,
// predicate, time, full scan. A document is the smallest unit; an entity prefix usually beats a
// predicate (a few predicates cover most statements); the time index only helps when no entity
// or predicate narrows the scan.
ScanPlan PlanScan(const StatementFilter& filter);

}  // namespace parley

#endif  // PARLEY_GRAPH_SCAN_PLAN_H_
