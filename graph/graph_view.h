// GraphView: the store's statements seen as an actor-relationship graph, the input of every
// analysis (graph/analysis.h) and export (graph/export.h).
//
// How statements become nodes and edges (BuildGraphViewFrom applies these steps in order):
//  1. Statement filters. A statement is kept when its predicate is listed (or no predicates are
//     given), with `events_only` when it carries a PLOVER type, and, when a time window is set,
//     when it has a time overlapping the window (time.end >= since and time.start <= until).
//     Undated statements are dropped whenever `since` or `until` is set: a window asks for dated
//     events. The time is the statement's, from its text or its document (TimeValue::source);
//     `text_dates_only` ignores document dates.
//  2. Node mapping. Each entity reference maps to a node: with `fold_people_into_states`, a
//     person maps to the state it served at the statement's date (see ServedState), or stays a
//     person when no state is known. A node passes when its type is in `types` (all when empty)
//     and, with `actors_only`, is an actor type (person, state, organisation, group).
//  3. Edges. A statement whose subject node fails is dropped. Otherwise its target is the first
//     of (object, recipient) whose node passes, so "Russia proposed <treaty> to Japan" links
//     Russia to the treaty in a full view and Russia to Japan in an actors-only view. A self-loop
//     created by folding (a Russian minister meeting Russia) is no edge. A statement without a
//     target is "edgeless": it yields no edge but its subject node is still in the view.
//  4. Aggregation. Edges group by (source, predicate, target); weight = number of statements.
//     Groups below `min_weight` are dropped. A node without an edge stays only for its edgeless
//     statements, and only when min_weight is 1: a weight threshold asks for the relations that
//     clear it, so with min_weight > 1 every node of the view has an edge. With `multi`, each
//     statement of a kept group is its own edge (weight 1).
//  5. Ego network. With `center`, only nodes within `hops` undirected steps of the center remain,
//     with the edges among them.
// Everything is sorted: nodes by id, edges by (source id, target id, predicate, first
// statement id), statements by id. The same input gives byte-identical exports.
//
// Thread-safety: GraphView is a plain value; the builders are pure (BuildGraphView only reads
// the store, which supports concurrent readers).
#ifndef PARLEY_GRAPH_GRAPH_VIEW_H_
#define PARLEY_GRAPH_GRAPH_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/store.h"

namespace parley {

// The predicate of "PERSON holds_office STATE" statements (rules/relations/structure.rules):
// with fold_people_into_states they tell which state a person served on a date when the
// person's entity has no dated role covering it (see ServedState).
inline constexpr std::string_view kOfficePredicate = "holds_office";

struct GraphFilter {
  // Time window, ISO dates of any precision ("2019", "2019-05", "2019-05-03"); `since` counts
  // from the first day of its period, `until` to the last. Default: unset (no window).
  std::optional<std::string> since;
  std::optional<std::string> until;
  // Keep only statements with one of these predicates. Default: empty (all).
  std::vector<std::string> predicates;
  // Keep only statements that carry a PLOVER event type (Statement::plover): interactions
  // between actors (met_with, signed, criticized, ...), not standing facts (holds_office,
  // member_of, part_of, party_to) or speech (said, announced), which carry none. Default: false.
  bool events_only = false;
  // Keep only nodes of these types. Default: empty (all).
  std::vector<EntityType> types;
  // Keep only actor nodes: people, states, organisations, groups. Default: false.
  bool actors_only = false;
  // Map each person to the state it served at each statement's date (see ServedState).
  // Default: false.
  bool fold_people_into_states = false;
  // Drop (source, predicate, target) groups with fewer statements. Default: 1 (keep all).
  uint64_t min_weight = 1;
  // Ego network around this entity: an entity id, or a label or alias (case-insensitive) that
  // names exactly one entity. Default: unset (whole graph).
  std::optional<std::string> center;
  // Ego network radius in undirected hops; only used with `center`. Default: 1.
  uint32_t hops = 1;
  // One edge per statement instead of one per (source, predicate, target). Default: false.
  bool multi = false;
  // Only times found in the text (TimeValue::source text or paragraph): a statement dated by its
  // document counts as undated for the time window, first/last dates and GEXF spells.
  // Default: false (a statement's time, whatever its source).
  bool text_dates_only = false;
  // Date statements that carry no time by their document's date (DocumentInfo::date) for the
  // time window, first/last dates and GEXF spells. Extraction already gives statements of dated
  // documents their document's date (source "document"); this serves stores whose statements were
  // extracted before it did. The statements themselves stay unchanged. Ignored with
  // text_dates_only. Default: false.
  bool document_dates = false;
};

// Document id -> the document's date (DocumentInfo::date: ISO 8601 of any precision).
using DocumentDates = std::map<std::string, std::string>;

struct GraphNode {
  // The entity record: from the store when known, else built from the statements' reference
  // (id, label, type). A folded person's node is its state's record.
  Entity entity;
  // Entity id of the state the node belongs to: the node itself for a state, the state a person
  // served (ServedState with no date), or the "country" attribute; empty when unknown.
  std::string country;
  uint64_t statements = 0;  // statements in the view that involve the node (edges and edgeless)
  std::string first;        // earliest time.start of those statements (YYYY-MM-DD), or empty
  std::string last;         // latest time.end of those statements, or empty
  // The state's ISO 3166 alpha-3 code (its `iso3` attribute); empty for other nodes.
  std::string iso3;
  // CAMEO actor codes the node carries in those statements (Statement::subject_code for the
  // source, object_code or recipient_code for the target: the code at each statement's date, so
  // a person who was foreign minister and then president carries both): `codes` every distinct
  // one, sorted; `code` the one of its latest statement (latest day of the view's time, then
  // the greatest statement id; undated statements count as earliest), else the entity's
  // `cameo` attribute. Empty when none is known.
  std::string code;
  std::vector<std::string> codes;

  // `codes` joined by single spaces ("RUS RUSGOV"), as the exports write them.
  std::string CodeList() const;
};

struct GraphEdge {
  size_t source = 0;      // index into GraphView::nodes
  size_t target = 0;      // index into GraphView::nodes
  std::string predicate;  // e.g. "proposed"
  // The PLOVER type most statements of the edge carry (ties: alphabetically first); empty when
  // none carries one.
  std::string plover;
  uint64_t weight = 0;  // supporting statements (1 per edge in multi mode)
  std::string first;    // earliest time.start of the supporting statements, or empty
  std::string last;     // latest time.end, or empty
  // Supporting statements: indexes into GraphView::statements, ascending (= by statement id).
  std::vector<size_t> statements;
  // Distinct documents among the supporting statements, and the first and latest of them by
  // source date (graph/citation.h SourceDay: the statement's doc_date, else its time; undated
  // sources count as earliest for `latest_doc` and latest for `first_doc`), then document id.
  uint64_t sources = 0;
  std::string first_doc;
  std::string latest_doc;
  // Stable id: "e" + 16 hex digits of the hash of source id, predicate and target id (in multi
  // mode the statement id instead), so ids survive re-filtering.
  std::string id;
};

struct GraphView {
  std::vector<GraphNode> nodes;       // sorted by entity id
  std::vector<GraphEdge> edges;       // sorted as described above
  std::vector<Statement> statements;  // statements behind the view's edges and edgeless nodes
  // When statements[i] happened: its time or, with GraphFilter::document_dates, its document's
  // date (value as given, start/end its first and last day); nullopt when undated.
  std::vector<std::optional<TimeValue>> times;
  bool multi = false;  // built with GraphFilter::multi
  // The stored info (title, URL, date) of the documents behind `statements`, by id: filled by
  // BuildGraphView from the store; empty for a view built from vectors.
  std::map<std::string, DocumentInfo> documents;

  // Index of the node whose entity id is `id`, or nullopt. O(log nodes).
  std::optional<size_t> FindNode(std::string_view id) const;
  // Where document `doc` can be read: its URL when the view knows one, else the id itself.
  const std::string& SourceOf(const std::string& doc) const;
  // The title of document `doc`, or "" when unknown.
  std::string_view TitleOf(const std::string& doc) const;
  // times[statement], or the statement's own time for a view assembled by hand without `times`.
  // REQUIRES: statement < statements.size().
  const std::optional<TimeValue>& TimeOf(size_t statement) const {
    return statement < times.size() ? times[statement] : statements[statement].time;
  }
};

// Builds the view over `entities` (any order; records for the ids statements mention, others are
// ignored) and `statements` (any order). `document_dates` dates undated statements when
// filter.document_dates is set; a document missing from it, or with a date that is not ISO
// (YYYY, YYYY-MM, YYYY-MM-DD), leaves its statements undated.
// Errors: InvalidArgument for a malformed since/until date, since after until, min_weight 0, or
// a center name that matches several entities (the message lists them); NotFound when the center
// names no entity or its node is not in the filtered view.
Result<GraphView> BuildGraphViewFrom(const std::vector<Entity>& entities,
                                     const std::vector<Statement>& statements,
                                     const GraphFilter& filter,
                                     const DocumentDates& document_dates = {});

// Reads the statements the filter can select (using the store's indexes for predicates and the
// time window), with fold_people_into_states also every kOfficePredicate statement, every
// entity and, with document_dates, every document's date, then calls BuildGraphViewFrom and
// fills GraphView::documents. The center name resolves through
// the store (graph/resolve.h ResolveEntity: ids, labels, aliases, did-you-mean suggestions).
// Errors: ResolveEntity's for the center, those of BuildGraphViewFrom and of the store's scans.
Result<GraphView> BuildGraphView(const Store& store, const GraphFilter& filter);

// The state entity id a person belongs to on `date` (YYYY-MM-DD, or empty for "now"): the
// country of a role whose [from, to] covers the date; else the "country" attribute; else the
// country of the latest role that started by the date (any role when there is no date). Only
// states count: a role of an organisation ("high representative of organization:european-union")
// is skipped. A country not written as an entity id ("Japan") is read as a state's label. Empty
// when nothing names one.
std::string PersonCountry(const Entity& person, std::string_view date);

// A person's service in a state, as kOfficePredicate statements show it: the states named as
// objects, each with the dates of its statements.
struct ServiceRecord {
  std::string state;             // state entity id
  std::vector<TimeValue> dates;  // of the dated statements
  uint64_t statements = 0;       // all of them, dated or not
};

// The state `person` served on `date` (YYYY-MM-DD, or empty when the statement is undated),
// given its entity record (may be null) and its office statements:
//  1. with a date, a state role whose [from, to] covers it;
//  2. with a date, the office statements: the state of one whose time covers the date, else of
//     the one nearest to it (ties: more statements, then the smaller id); without a date, the
//     state with the most office statements (ties: the smaller id);
//  3. PersonCountry (the "country" attribute, then the latest state role by the date).
// So a prime minister who later took an office of an organisation folds into her state for
// the statements of her premiership. Empty when nothing names a state.
std::string ServedState(const Entity* person, const std::vector<ServiceRecord>& service,
                        std::string_view date);

// Finds the node `name_or_id` denotes: a node id, else a node whose label or alias equals it
// case-insensitively (ASCII).
// Errors: NotFound when none does; InvalidArgument when several do (the message lists their ids).
Result<size_t> ResolveNode(const GraphView& view, std::string_view name_or_id);

// As above, but a name the view does not know resolves through the store (ResolveEntity), so a
// misspelling gets a did-you-mean suggestion and an entity outside the view a clear message.
// Errors: ResolveNode's InvalidArgument for a name several nodes carry; ResolveEntity's errors;
// NotFound "'Name' (id) has no statements in this graph view" for an entity outside the view.
Result<size_t> ResolveNode(const Store& store, const GraphView& view, std::string_view name);

}  // namespace parley

#endif  // PARLEY_GRAPH_GRAPH_VIEW_H_
