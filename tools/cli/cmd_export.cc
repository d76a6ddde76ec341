// parley export: the store as GraphML, GEXF, CSV, DOT, JSON Lines, PLOVER records, Phoenix-style
// event data or an HTML map.
#include <algorithm>
#include <iostream>

#include "graph/export.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

struct ExportFlags {
  std::string db;
  std::string format = "graphml";
  std::string what = "statements";
  std::string output;
  bool follow_symlinks = false;
  bool dynamic = false;
  std::string gexf_time = "spells";
  GraphFlags graph;
};

void Define(CLI::App& app, ExportFlags& f) {
  ConfigureApp(app, "export",
               "Export the store's graph or records.\nExamples:\n"
               "  parley export --db news.db --format gexf --dynamic -o news.gexf\n"
               "  parley export --db news.db --format graphml --actors-only --since 2018\n"
               "  parley export --db news.db --format jsonl --what entities\n"
               "  parley export --db news.db --format csv-edges -o edges.csv\n"
               "  parley export --db news.db --format events -o events.tsv\n"
               "  parley export --db news.db --format html --actors-only -o map.html");
  AddDbFlag(app, f.db);
  app.add_option("--format", f.format,
                 "graphml, gexf, csv-nodes, csv-edges (Gephi spreadsheet), dot, jsonl, plover, "
                 "events (Phoenix-style event data, tab-separated), events-jsonl (the same as "
                 "JSON Lines), html (a map to open in a browser, self-contained)")
      ->check(CLI::IsMember({"graphml", "gexf", "csv-nodes", "csv-edges", "dot", "jsonl", "plover",
                             "events", "events-jsonl", "html"}));
  app.add_option("--what", f.what, "With --format jsonl: statements or entities")
      ->check(CLI::IsMember({"statements", "entities"}));
  app.add_option("-o,--output", f.output,
                 "Write to this file (atomically; a device or FIFO in place) instead of stdout");
  app.add_flag("--follow-symlinks", f.follow_symlinks,
               "Let -o write through a symbolic link to a device or FIFO");
  app.add_flag("--dynamic", f.dynamic,
               "GEXF: dynamic graph whose edges carry their statements' dates (Gephi timeline)");
  app.add_option("--gexf-time", f.gexf_time, "GEXF dynamic time representation")
      ->check(CLI::IsMember({"spells", "timestamps"}));
  AddGraphFlags(app, f.graph, /*with_center=*/true);
}

bool HasGraphFilter(const GraphFlags& g) {
  return !g.since.empty() || !g.until.empty() || !g.predicates.empty() || !g.types.empty() ||
         g.actors_only || g.fold_people || g.min_weight > 1 || !g.center.empty() || g.multi;
}

// Every stored statement in a stable order: by document, then position, then id.
Result<std::vector<Statement>> AllStatements(const Store& store) {
  std::vector<Statement> statements;
  PARLEY_RETURN_IF_ERROR(store.ScanStatements(StatementFilter(), [&](const Statement& s) {
    statements.push_back(s);
    return true;
  }));
  std::sort(statements.begin(), statements.end(), [](const Statement& a, const Statement& b) {
    return std::tie(a.doc, a.byte_span.begin, a.rule, a.id) <
           std::tie(b.doc, b.byte_span.begin, b.rule, b.id);
  });
  return statements;
}

Result<std::vector<Entity>> AllEntities(const Store& store) {
  std::vector<Entity> entities;
  PARLEY_RETURN_IF_ERROR(store.ScanEntities([&](const Entity& e) {
    entities.push_back(e);
    return true;
  }));
  return entities;
}

Status Export(const ExportFlags& flags, const Store& store, std::ostream& out) {
  const bool events = flags.format == "events" || flags.format == "events-jsonl";
  const EventEncoding event_encoding =
      flags.format == "events" ? EventEncoding::kTsv : EventEncoding::kJsonl;
  // Records straight from the store when no graph filter narrows them.
  if ((flags.format == "jsonl" || flags.format == "plover" || events) &&
      !HasGraphFilter(flags.graph)) {
    if (flags.format == "jsonl" && flags.what == "entities") {
      PARLEY_ASSIGN_OR_RETURN(std::vector<Entity> entities, AllEntities(store));
      return WriteEntitiesJsonl(entities, out);
    }
    PARLEY_ASSIGN_OR_RETURN(std::vector<Statement> statements, AllStatements(store));
    if (flags.format == "jsonl" || events) {
      std::map<std::string, DocumentInfo> documents;  // those a citation can name
      PARLEY_RETURN_IF_ERROR(store.ScanDocuments([&](const DocumentInfo& info) {
        if (!info.title.empty() || !info.url.empty()) documents.emplace(info.id, info);
        return true;
      }));
      if (events) return WriteEvents(statements, documents, event_encoding, out);
      return WriteStatementsJsonl(statements, documents, out);
    }
    PARLEY_ASSIGN_OR_RETURN(std::vector<Entity> entities, AllEntities(store));
    return WritePloverJsonl(entities, statements, out);
  }
  PARLEY_ASSIGN_OR_RETURN(GraphFilter filter, ToGraphFilter(flags.graph));
  PARLEY_ASSIGN_OR_RETURN(GraphView view, BuildGraphView(store, filter));
  if (flags.format == "graphml") return WriteGraphMl(view, out);
  if (flags.format == "gexf") {
    GexfOptions options;
    options.dynamic = flags.dynamic;
    options.time = flags.gexf_time == "timestamps" ? GexfTime::kTimestamps : GexfTime::kSpells;
    return WriteGexf(view, options, out);
  }
  if (flags.format == "csv-nodes") return WriteCsvNodes(view, out);
  if (flags.format == "csv-edges") return WriteCsvEdges(view, out);
  if (flags.format == "dot") return WriteDot(view, out);
  if (flags.format == "plover") return WritePloverJsonl(view, out);
  if (events) return WriteEvents(view, event_encoding, out);
  if (flags.format == "html") return WriteHtml(view, out);
  if (flags.what == "entities") return WriteEntitiesJsonl(view, out);
  return WriteStatementsJsonl(view, out);
}

}  // namespace

int RunExport(const CommandContext& context) {
  ExportFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  if (Status resolved = ResolveGraphPredicates(context, **store, &flags.graph); !resolved.ok()) {
    return ReportError(context, resolved);
  }
  Status status;
  if (flags.output.empty() || flags.output == "-") {
    status = Export(flags, **store, context.out());
  } else {
    status = WriteFile(flags.output, [&](std::ostream& out) { return Export(flags, **store, out); },
                       {.follow_symlinks = flags.follow_symlinks});
  }
  if (!status.ok()) return ReportError(context, status);
  return 0;
}

void HelpExport(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
