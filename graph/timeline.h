// The timeline: dated statements in date order, grouped by date (`parley timeline [NAME]`).
// Statements without a time are left out; a statement dated "2019" forms its own group before
// the days of 2019 (groups order by first day, then last day).
//
// Thread-safety: pure functions over a store's reads.
#ifndef PARLEY_GRAPH_TIMELINE_H_
#define PARLEY_GRAPH_TIMELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/citation.h"
#include "graph/store.h"
#include "graph/table.h"

namespace parley {

struct TimelineOptions {
  // ISO dates of any precision; statements must overlap [since, until]. Default: unset.
  std::optional<std::string> since;
  std::optional<std::string> until;
  // Only times found in the text (TimeValue::source text or paragraph); statements dated by
  // their document's date are left out. Default: false.
  bool text_dates_only = false;
  // Only statements of this modality. Default: any.
  std::optional<Modality> modality;
  // At most this many statements (the earliest); 0 = all. Default: 0.
  size_t limit = 0;
};

struct TimelineGroup {
  std::string date;                   // the statements' time value, e.g. "2019-01" or "2019-01-22"
  std::vector<Statement> statements;  // by document, sentence, id
};

struct Timeline {
  std::string entity;  // the entity id NAME resolved to; empty for the whole store
  std::vector<TimelineGroup> groups;
  size_t statements = 0;
  bool truncated = false;  // more statements matched than TimelineOptions::limit
};

// Statements involving the entity `name` resolves to (subject, object or recipient), or every
// dated statement when `name` is empty. Errors: ResolveEntity's, InvalidArgument for a bad
// since/until, the store's.
Result<Timeline> BuildTimeline(const Store& store, std::string_view name,
                               const TimelineOptions& options = {});

// Text for a terminal: each date on its own line, its statements indented below it:
//   2019-01-22
//     Ada Alpha proposed "joint talks" to Syldavia  (news/one.txt)
// Non-asserted statements show their modality in brackets: "... Syldavia [hedged]  (doc)".
// With `cite`, a document it knows is named by its title and URL instead of its id:
//     Ada Alpha proposed "joint talks" to Syldavia  (Talks resume, https://example.org/one)
std::string FormatTimeline(const Timeline& timeline, const DocumentInfoMap* cite = nullptr);

// One row per statement: date, subject, predicate, object, recipient, place, modality, doc,
// ["title", "url" with `cite`,] sentence, statement (its id); for csv/tsv/json/jsonl through
// FormatTable.
Table TimelineTable(const Timeline& timeline, const DocumentInfoMap* cite = nullptr);

// The documents of the timeline's statements, for `cite`.
Result<DocumentInfoMap> TimelineDocuments(const Store& store, const Timeline& timeline);

}  // namespace parley

#endif  // PARLEY_GRAPH_TIMELINE_H_
