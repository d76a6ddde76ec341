// Graph patterns over the store: `parley query '?who proposed ?what'`.
//
// The pattern language, one or more triple patterns joined by " . ":
//
//   query     := pattern { " . " pattern }
//   pattern   := term predicate term
//   term      := ?name | "quoted name" | name-or-id        (a name without spaces needs no quotes)
//   predicate := ?name | word { "|" word }                   (alternatives: proposed|offered)
//
// `?x` is a variable; the same variable in several patterns joins them. A subject or object
// that is not a variable names an entity and resolves through ResolveEntity (an id, a label or
// an alias, case-insensitively), except an unquoted question word (who, whom, whose, what,
// which, when, where, why, how), which is the variable of that name: "who proposed what" asks
// "?who proposed ?what" (quote it, "WHO", to mean a name). An object variable binds the statement's
// object entity, or its quoted text when it has no object entity. Examples:
//
//   ?who proposed ?what
//   Putin proposed|offered ?what
//   ?x met "Xi Jinping"
//   ?x ?rel Japan
//   ?p holds_office Japan . ?p proposed ?what
//
// The last pattern is the *primary* one: there is a row per primary statement matched, with its
// time, recipient, place, modality, document and sentence, and the time/modality/doc/type
// filters apply to it. The other patterns only have to hold: for each distinct set of values
// they bind, the first statement matching (in index order) is kept as the row's evidence, so a
// fact repeated in fifty articles does not repeat every row fifty times.
//
// Planning: patterns run as index nested-loop joins. The first pattern is the one with the most
// constants (entities count double, predicates once); each next one is the pattern sharing the
// most already-bound variables. Every pattern becomes a StatementFilter whose index PlanScan
// picks; QueryPlan shows the order and the indexes (`--explain`).
//
// Thread-safety: pure functions over a store's reads.
#ifndef PARLEY_GRAPH_QUERY_H_
#define PARLEY_GRAPH_QUERY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/predicates.h"
#include "graph/store.h"

namespace parley {

// How rows are sorted (QueryOptions::order).
enum class RowOrder {
  kDate,     // the primary statement's time (undated last), then document, sentence, statement id
  kSources,  // the number of sources, most first, then as kDate
  kSubject,  // the primary statement's subject label (ASCII case-insensitively), then as kDate
};

struct QueryOptions {
  // ISO dates of any precision; a row's primary statement must overlap [since, until]. Default:
  // unset (no time filter).
  std::optional<std::string> since;
  std::optional<std::string> until;
  // With since/until: only times found in the text count (TimeValue::source text or paragraph);
  // a statement dated by its document's date is undated. Default: false.
  bool text_dates_only = false;
  // Only primary statements of this modality. Default: any.
  std::optional<Modality> modality;
  // Only primary statements from this document id. Default: any.
  std::optional<std::string> doc;
  // Only rows whose primary statement's subject has this type. Default: any.
  std::optional<EntityType> type;
  // At most this many rows (after sorting); 0 = all. Default: 0. Without sorting the join stops
  // at the limit; sorted without `group`, the query holds at most about twice that many rows.
  size_t limit = 0;
  // Statements the query may read across all its index scans (a join of unconstrained
  // patterns re-scans the store once per partial row); 0 = no limit. Default: 20 million,
  // some seconds of work. Past it: ResourceExhausted.
  uint64_t max_statement_reads = 20000000;
  // Memory the query may hold (rows kept, statements of the scans in progress, bindings), in
  // bytes, roughly; 0 = no limit. Default: 512 MiB. Past it: ResourceExhausted.
  size_t max_memory_bytes = 512ull << 20;
  // Sort rows by `order`. When false, rows keep the join's order. Default: true.
  bool sort_by_time = true;
  // How rows sort. Default: kDate.
  RowOrder order = RowOrder::kDate;
  // When set, every predicate a pattern names resolves through ResolvePredicate
  // (graph/predicates.h): plain verbs become the predicates they produce ("met" -> met_with),
  // unknown ones fail with a did-you-mean; notes go to QueryPlan::notes. Not owned. Default:
  // null (predicates match as written).
  const PredicateLookup* predicates = nullptr;
  // Collapse the rows that state one claim -- the same variable bindings and the same primary
  // subject, predicate, object (or text) and time value -- across statements and documents into
  // one row: the row of the earliest source, with every document that states the claim in
  // QueryRow::sources. Default: false.
  bool group = false;
};

// What a variable is bound to.
struct Binding {
  std::string value;               // entity id, predicate, or the statement's text
  std::string label;               // entity label; the value itself for predicates and text
  std::optional<EntityType> type;  // set for entities

  friend bool operator==(const Binding&, const Binding&) = default;
};

struct QueryRow {
  std::vector<Binding> bindings;      // parallel to QueryResult::variables
  std::vector<Statement> statements;  // one per pattern, in written order
  // The documents that state the row's claim, earliest first (graph/citation.h SourceDay, then
  // id): the primary statement's document, or with QueryOptions::group every document of the
  // rows it merged.
  std::vector<std::string> sources;

  const Statement& primary() const { return statements.back(); }
};

// One planned step: which pattern runs when and through which index.
struct QueryStep {
  size_t pattern = 0;  // 0-based index of the pattern as written
  std::string text;    // the pattern as written, e.g. "?p holds_office Japan"
  std::string scan;    // PlanScan's description; bound variables show as "?p"
};

struct QueryPlan {
  std::vector<QueryStep> steps;
  // How the query was read where it said something else: a question word taken as a variable,
  // a verb taken as its predicate. One sentence each, for the user.
  std::vector<std::string> notes;

  // One line per step: "1. pattern 2 `Putin proposed ?what`: subject-first (spo) ...".
  std::string ToString() const;
};

struct QueryResult {
  std::vector<std::string> variables;  // names without '?', in order of first appearance
  std::vector<QueryRow> rows;
  QueryPlan plan;
  bool truncated = false;  // more rows matched than QueryOptions::limit
  bool grouped = false;    // built with QueryOptions::group
};

// Parses and plans `pattern` without running it. Errors: InvalidArgument for a malformed
// pattern, with the column, the pattern and a caret line:
//   "column 7: unterminated quote\n?x met \"Xi Jinping\n       ^"
// and ResolveEntity's errors for names (prefixed with the column too).
Result<QueryPlan> PlanQuery(const Store& store, std::string_view pattern,
                            const QueryOptions& options = {});

// Groups (QueryOptions::group), sorts (sort_by_time, order) and cuts (limit) `result`'s rows,
// as RunQuery does before returning them.
void ArrangeRows(const QueryOptions& options, QueryResult* result);

// Plans and runs `pattern`. Errors: PlanQuery's, InvalidArgument for a bad since/until, the
// store's read errors, ResourceExhausted past a budget (max_statement_reads,
// max_memory_bytes, a million rows) with what to narrow.
Result<QueryResult> RunQuery(const Store& store, std::string_view pattern,
                             const QueryOptions& options = {});

}  // namespace parley

#endif  // PARLEY_GRAPH_QUERY_H_
