// Exports of a GraphView (graph/graph_view.h) for Gephi, networkx, igraph, Graphviz, spreadsheets
// and the event-data community.
//
// Every writer streams to a std::ostream in bounded memory (a 1 MiB buffer), writes nodes and
// edges in the view's sorted order and nothing that depends on the clock, the machine or hash
// iteration: the same view gives byte-identical output. Text from documents is made safe for each
// format: XML escapes everything and drops characters XML 1.0 forbids (graph/xml.h), CSV quotes
// per RFC 4180 and neutralises spreadsheet formulas (base/text.h CsvField), DOT escapes quotes,
// backslashes and line breaks, JSON is always valid UTF-8 (base/json.h).
//
// Errors: every writer returns IoError when the stream fails (disk full, closed pipe); what was
// written before stays written.
// Thread-safety: pure functions of their arguments; distinct streams may be written concurrently.
#ifndef PARLEY_GRAPH_EXPORT_H_
#define PARLEY_GRAPH_EXPORT_H_

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/graph_view.h"

namespace parley {

// GraphML (http://graphml.graphdrawing.org/xmlns), directed, as Gephi, networkx, igraph and
// boost::read_graphml read it. Node ids are entity ids; edge ids are GraphEdge::id. Typed
// attributes (<key> declarations):
//   node: label, type, country (string), statements (long), first, last (string, YYYY-MM-DD),
//         iso3, code, codes (string: GraphNode's ISO 3166 alpha-3 code of a state, CAMEO actor
//         code of its latest statement and all its codes, space-separated), r, g, b (int:
//         TypeColor), size (double: NodeSize)
//   edge: label (= predicate), weight (double), predicate, plover, first, last (string),
//         count (long, = weight), sources (long), first_source, first_source_title,
//         latest_source, latest_source_title (string: the URL, else the document id, and the
//         title of GraphEdge::first_doc and latest_doc), r, g, b (int: EventColor)
// r/g/b and size are the names Gephi's GraphML importer takes as colour and size (graph/style.h);
// Gephi draws edge thickness from weight. An attribute with an empty value is omitted from its
// element. A multi view has parallel edges.
Status WriteGraphMl(const GraphView& view, std::ostream& out);

enum class GexfTime {
  kSpells,      // timerepresentation="interval": <spell start end> per merged date range
  kTimestamps,  // timerepresentation="timestamp": <spell timestamp> per distinct statement date
};

struct GexfOptions {
  // mode="dynamic" with timeformat="date": edges carry <spells> from their statements' dates so
  // Gephi's timeline replays them; undated edges and all nodes are always present. Default: false.
  bool dynamic = false;
  // How time is written in dynamic mode. Default: kSpells (networkx reads these as "spells").
  GexfTime time = GexfTime::kSpells;
};

// GEXF 1.3 (http://gexf.net/1.3), directed. Nodes: id, label, attvalues type, country,
// statements, first, last, iso3, code, codes (as in GraphML), and viz:color (TypeColor) and
// viz:size (NodeSize). Edges: id, label
// (= predicate), weight, kind (= predicate, which GEXF 1.3 requires to tell parallel edges
// apart), attvalues predicate, plover, first, last, count, sources, first_source,
// first_source_title, latest_source, latest_source_title (as in GraphML), and viz:color
// (EventColor) and viz:thickness (EdgeThickness). Parallel edges of one predicate (a multi view)
// share a kind, and Gephi merges them.
Status WriteGexf(const GraphView& view, const GexfOptions& options, std::ostream& out);

// Gephi's spreadsheet node table: Id,Label,Type,Country,Statements,First,Last,ISO3,Code,Codes
// (the last three as in GraphML).
Status WriteCsvNodes(const GraphView& view, std::ostream& out);
// Gephi's spreadsheet edge table: Source,Target,Type,Id,Label,Weight,Predicate,Plover,First,Last,
// Sources,First Source,Latest Source (URLs, else document ids). Type is always "Directed".
Status WriteCsvEdges(const GraphView& view, std::ostream& out);

// Graphviz DOT: `digraph parley`, nodes labelled with entity labels, a `type` attribute, filled
// with TypeColor and as wide as NodeSize / 40 inches; edges with label (= predicate), weight,
// plover/first/last when known, EventColor and EdgeThickness as penwidth.
Status WriteDot(const GraphView& view, std::ostream& out);

// One base/json.h record per line, in the given order (callers pick a deterministic one: the
// view's is by id, a whole-store export may prefer document order), citing each statement's
// document (CitedStatementToJson: "doc_title", "doc_url") when `documents` holds it.
Status WriteStatementsJsonl(const std::vector<Statement>& statements,
                            const std::map<std::string, DocumentInfo>& documents,
                            std::ostream& out);
// One base/json.h EntityToJson record per line, in the given order.
Status WriteEntitiesJsonl(const std::vector<Entity>& entities, std::ostream& out);
// The view's statements (by id, citing GraphView::documents) and node entities (by id), in the
// formats above.
Status WriteStatementsJsonl(const GraphView& view, std::ostream& out);
Status WriteEntitiesJsonl(const GraphView& view, std::ostream& out);

// PLOVER-style event records (JSON Lines), one per statement that carries a PLOVER type, in the
// given order:
//   {"event_id": statement id, "event_date": "YYYY-MM-DD" (time.start, else the document date
//    when it is a full date, else null), "date_value": time.value or null,
//    "event_type": "CONSULT", "event_mode": "", "context": [],
//    "source": ACTOR, "target": ACTOR|null (object, else recipient),
//    "location": {"id", "name", "type"}|null, "modality": "asserted", "predicate": "met",
//    "cameo": "" , "doc": document id, "text": evidence sentence, "rule": rule id}
//   ACTOR = {"id", "name", "type", "country": state entity id or ""}
// Countries come from `entities` (a state is its own country; people per PersonCountry on the
// event date). Mode and context are left empty: parley's rules do not assign them.
Status WritePloverJsonl(const std::vector<Entity>& entities,
                        const std::vector<Statement>& statements, std::ostream& out);
// The view's statements, with countries from its nodes' entities.
Status WritePloverJsonl(const GraphView& view, std::ostream& out);

// Event data in the column order of the Phoenix event data set (phoenixdata.org: EventID, Date,
// Year, Month, Day, SourceActorFull, SourceActorEntity, SourceActorRole, TargetActorFull, ...,
// EventCode, EventRootCode, QuadClass, ..., SentenceID, URLs), so parley's rows sit next to
// Phoenix, ICEWS or GDELT tables. One row per statement that carries a CAMEO event code
// (Statement::cameo), in the given order. Columns (kEventColumns):
//   EventID            the statement id
//   Date               the statement's time at its precision, digits only ("20190623", "201906",
//                      "2019"): TimeValue::value when it is an ISO date, else its first day;
//                      without a time the document date (doc_date); empty when undated
//   Year, Month, Day   of Date; empty beyond its precision
//   SourceActorFull    the subject's CAMEO actor code at the statement's date (subject_code)
//   SourceActorEntity  its first three letters (country or IGO: "RUS"), SourceActorRole the next
//                      three ("GOV")
//   TargetActorFull/Entity/Role  the same for the target: the object when it is an actor
//                      (person, state, organisation, group), else the recipient when it is one,
//                      else the object or recipient ("Sweden signed the accord with Nigeria":
//                      Nigeria); its code is object_code or recipient_code accordingly
//   EventCode          the CAMEO event code ("036"); EventRootCode its first two digits ("03")
//   QuadClass          Phoenix's class of the root code: 0 neutral (01-02), 1 verbal cooperation
//                      (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
//                      4 material conflict (14-20); empty for another code
//   PloverType         Statement::plover ("CONSULT"), empty when none
//   SourceLabel, TargetLabel  the entities' labels
//   LocationName       the place's label
//   DocumentID         the document id (where Phoenix has SentenceID)
//   URLs               the document's URL when `documents` knows it
//   Sentence           the evidence sentence
// Phoenix columns parley has nothing for (actor attributes, GoldsteinScore, Issues, latitude and
// longitude, geocoded country and state, NewsSources) are left out.
inline constexpr std::string_view kEventColumns[] = {"EventID",
                                                     "Date",
                                                     "Year",
                                                     "Month",
                                                     "Day",
                                                     "SourceActorFull",
                                                     "SourceActorEntity",
                                                     "SourceActorRole",
                                                     "TargetActorFull",
                                                     "TargetActorEntity",
                                                     "TargetActorRole",
                                                     "EventCode",
                                                     "EventRootCode",
                                                     "QuadClass",
                                                     "PloverType",
                                                     "SourceLabel",
                                                     "TargetLabel",
                                                     "LocationName",
                                                     "DocumentID",
                                                     "URLs",
                                                     "Sentence"};

enum class EventEncoding {
  kTsv,    // a header line of kEventColumns, then one line per event, cells per TsvField
           // (base/text.h); Python's csv (delimiter="\t") and pandas.read_csv(sep="\t") read it
  kJsonl,  // one JSON object per event with the columns as keys in order: Year, Month, Day and
           // QuadClass numbers, the rest strings; empty cells are null
};

// Phoenix's QuadClass of a CAMEO event code (see kEventColumns), or -1 when the code has no
// root code 01 to 20.
int CameoQuadClass(std::string_view cameo);

// The events among `statements`, citing `documents` (by id) for URLs.
Status WriteEvents(const std::vector<Statement>& statements,
                   const std::map<std::string, DocumentInfo>& documents, EventEncoding encoding,
                   std::ostream& out);
// The view's events, by statement id, dated by GraphView::TimeOf, citing GraphView::documents.
Status WriteEvents(const GraphView& view, EventEncoding encoding, std::ostream& out);

// One self-contained HTML page (graph/web/map.html) that draws the view in a browser, from
// file:// and without any network access: the vendored cytoscape.js (graph/web/vendor/, MIT,
// pinned) lays out a force-directed map (its CoSE layout), nodes coloured by TypeColor and sized
// by NodeSize, edges coloured by EventColor, as thick as EdgeThickness and labelled with their
// predicate. The page has a search box, a time slider over the statements' dates (an edge shows
// while one of its statements' dates overlaps the window) and, for a clicked node or edge, its
// statements with sentence, date and source (the document's URL and title when known). The
// view's data is embedded as JSON: per node its entity, colour, size and statement indexes; per
// edge its ends, predicate, weight, sources and statement indexes; per statement its claim,
// time (value, first and last day), modality, sentence and source. The address may preset the
// filters: map.html#from=2018&until=2019-06&undated=0&select=Putin. Meant for views of up to a
// few thousand nodes (the layout runs in the browser); filter larger stores first.
Status WriteHtml(const GraphView& view, std::ostream& out);

// Every format above, for command-line tables ("graph export --format NAME").
enum class ExportFormat {
  kGraphMl,          // "graphml"
  kGexf,             // "gexf" (static, or dynamic per GexfOptions)
  kCsvNodes,         // "csv-nodes"
  kCsvEdges,         // "csv-edges"
  kDot,              // "dot"
  kStatementsJsonl,  // "statements" (JSON Lines)
  kEntitiesJsonl,    // "entities" (JSON Lines)
  kPloverJsonl,      // "plover" (JSON Lines)
  kHtml,             // "html" (the map page)
  kEventsTsv,        // "events" (Phoenix-style event data, tab-separated)
  kEventsJsonl,      // "events-jsonl" (the same, JSON Lines)
};
inline constexpr ExportFormat kAllExportFormats[] = {
    ExportFormat::kGraphMl,       ExportFormat::kGexf,        ExportFormat::kCsvNodes,
    ExportFormat::kCsvEdges,      ExportFormat::kDot,         ExportFormat::kStatementsJsonl,
    ExportFormat::kEntitiesJsonl, ExportFormat::kPloverJsonl, ExportFormat::kHtml,
    ExportFormat::kEventsTsv,     ExportFormat::kEventsJsonl};

// The format's name, as listed above.
std::string_view ExportFormatName(ExportFormat format);
// Inverse of ExportFormatName. InvalidArgument for anything else, suggesting the nearest name
// ("unknown export format 'grafml' (did you mean 'graphml'?); known: graphml, gexf, ...").
Result<ExportFormat> ParseExportFormat(std::string_view name);
// Writes `view` in `format`; `gexf` only matters for kGexf.
Status WriteExport(const GraphView& view, ExportFormat format, const GexfOptions& gexf,
                   std::ostream& out);

struct WriteFileOptions {
  // Write through a symbolic link that points at a device, FIFO or socket. Default: false (a
  // link like that is refused: `-o out.csv` should never end up writing to a disk device).
  bool follow_symlinks = false;
};

// Writes `path` atomically: runs `write` on a temporary file beside it ("<path>.tmp.<pid>") and
// renames that over `path` only when everything succeeded, so readers (Gephi, a pipeline) never
// see half an export and a failed export leaves any previous file untouched. A file it replaces
// keeps its permissions (and, where the process may, its owner); a symbolic link to a regular
// file stays a link and its target is replaced. A device, FIFO or socket (`-o /dev/stdout`,
// `-o /dev/null`, a named pipe) is written in place, never replaced.
// Errors: IoError naming the path when it cannot be created, written, closed or renamed, or is
// a directory; InvalidArgument for a link to a device, FIFO or socket unless
// options.follow_symlinks; errors of `write` get the path as context. The temporary file is
// removed on every error.
Status WriteFile(const std::string& path, const std::function<Status(std::ostream&)>& write,
                 const WriteFileOptions& options = {});

}  // namespace parley

#endif  // PARLEY_GRAPH_EXPORT_H_
