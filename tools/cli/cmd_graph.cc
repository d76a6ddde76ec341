// parley graph: analyses of the actor-relationship graph (Boost.Graph, in graph/analysis.h).
#include <iostream>
#include <set>

#include "graph/analysis.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

struct GraphCommandFlags {
  std::string db;
  GraphFlags graph;
  std::string name;
  std::string from;
  std::string to;
  uint32_t hops = 1;
  size_t top = 10;
  std::string by = "betweenness";
  size_t evidence = 3;
  bool all_predicates = false;
  std::string cost = "evidence";
};

void Define(CLI::App& app, GraphCommandFlags& f) {
  ConfigureApp(app, "graph",
               "Analyse the actor-relationship graph.\nExamples:\n"
               "  parley graph --db news.db summary\n"
               "  parley graph --db news.db neighbours Putin --hops 2\n"
               "  parley graph --db news.db path Putin \"Xi Jinping\"\n"
               "  parley graph --db news.db centrality --top 10 --actors-only\n"
               "  parley graph --db news.db components\n"
               "path and centrality use the statements that carry a PLOVER event type (meetings, "
               "calls, agreements, criticism, ...), not standing facts such as holds_office or "
               "member_of, unless --predicate or --all-predicates says otherwise, and prefer "
               "well-evidenced links (--cost).");
  AddDbFlag(app, f.db);
  AddGraphFlags(app, f.graph, /*with_center=*/true);
  app.add_flag("--all-predicates", f.all_predicates,
               "path, centrality: use every predicate, not only PLOVER-typed events");
  app.add_option("--cost", f.cost,
                 "path, centrality: what a step costs: evidence (1/statements between the two "
                 "ends) or hops")
      ->check(CLI::IsMember({"evidence", "hops"}));
  app.require_subcommand(1, 1);
  app.fallthrough();
  app.add_subcommand("summary", "Nodes, edges, density, counts by type and predicate");
  auto* neighbours = app.add_subcommand("neighbours", "Entities within N hops of one entity");
  neighbours->add_option("name", f.name, "Entity name, alias or id")->required();
  neighbours->add_option("--hops", f.hops, "Radius")->check(CLI::Range(1, 100));
  auto* path = app.add_subcommand("path", "Shortest path between two entities, with evidence");
  path->add_option("from", f.from, "Entity name, alias or id")->required();
  path->add_option("to", f.to, "Entity name, alias or id")->required();
  path->add_option("--evidence", f.evidence, "Statements shown per hop")->check(AtLeast(0));
  auto* centrality = app.add_subcommand("centrality", "Most central entities");
  centrality->add_option("--top", f.top, "Rows (0 = all)")->check(AtLeast(0));
  centrality->add_option("--by", f.by, "Ranking measure")
      ->check(CLI::IsMember({"betweenness", "degree"}));
  app.add_subcommand("components", "Connected components, largest first");
}

// Which predicates an events-only view used, and which of the store's it left out because their
// statements carry no PLOVER type (judged by the first statement of each).
Result<std::string> EventsOnlyNote(const Store& store, const GraphView& view) {
  std::set<std::string> used;
  for (const GraphEdge& edge : view.edges) used.insert(edge.predicate);
  PARLEY_ASSIGN_OR_RETURN(StoreStats stats, store.Stats());
  std::string left_out;
  for (const auto& [predicate, count] : stats.statements_by_predicate) {
    if (used.count(predicate)) continue;
    bool event = false;
    StatementFilter first;
    first.predicates = {predicate};
    PARLEY_RETURN_IF_ERROR(store.ScanStatements(first, [&](const Statement& statement) {
      event = !statement.plover.empty();
      return false;
    }));
    if (!event) left_out += (left_out.empty() ? "" : ", ") + predicate;
  }
  std::string note = "predicates: events (statements with a PLOVER type): ";
  std::string list;
  for (const std::string& predicate : used) list += (list.empty() ? "" : ", ") + predicate;
  note += list.empty() ? "none" : list;
  note += "\n";
  if (!left_out.empty()) {
    note += "left out (no PLOVER type): " + left_out +
            " (--all-predicates or --predicate to use them)\n";
  }
  return note;
}

}  // namespace

int RunGraph(const CommandContext& context) {
  GraphCommandFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  if (Status resolved = ResolveGraphPredicates(context, **store, &flags.graph); !resolved.ok()) {
    return ReportError(context, resolved);
  }
  auto filter = ToGraphFilter(flags.graph);
  if (!filter.ok()) return ReportError(context, filter.status());
  const std::string analysis = app.get_subcommands().front()->get_name();
  const bool paths = analysis == "path" || analysis == "centrality";
  filter->events_only = paths && !flags.all_predicates && flags.graph.predicates.empty();
  const PathCost cost = flags.cost == "hops" ? PathCost::kHops : PathCost::kEvidence;
  auto view = BuildGraphView(**store, *filter);
  if (!view.ok()) return ReportError(context, view.status());
  std::ostream& out = context.out();
  if (filter->events_only) {
    auto note = EventsOnlyNote(**store, *view);
    if (!note.ok()) return ReportError(context, note.status());
    out << *note;
  }
  if (analysis == "summary") {
    out << FormatSummary(Summarize(*view));
  } else if (analysis == "neighbours") {
    auto center = ResolveNode(**store, *view, flags.name);
    if (!center.ok()) return ReportError(context, center.status());
    auto result = Neighbours(*view, *center, flags.hops);
    if (!result.ok()) return ReportError(context, result.status());
    out << FormatNeighbourhood(*view, *result);
  } else if (analysis == "path") {
    // A name outside an events-only view may have only standing facts (holds_office): say so.
    auto resolve = [&](const std::string& name) -> Result<size_t> {
      Result<size_t> node = ResolveNode(**store, *view, name);
      if (!node.ok() && filter->events_only && node.status().code() == StatusCode::kNotFound &&
          node.status().message().find("has no statements in this graph view") !=
              std::string::npos) {
        return NotFoundError(node.status().message() +
                             " of events; --all-predicates adds the statements without a PLOVER "
                             "type (holds_office, member_of, said, ...)");
      }
      return node;
    };
    auto from = resolve(flags.from);
    if (!from.ok()) return ReportError(context, from.status());
    auto to = resolve(flags.to);
    if (!to.ok()) return ReportError(context, to.status());
    auto result = ShortestPath(*view, *from, *to, cost);
    if (!result.ok()) return ReportError(context, result.status());
    out << FormatPath(*view, *result, flags.evidence);
  } else if (analysis == "centrality") {
    CentralityOptions options;
    options.top = flags.top;
    options.order = flags.by == "degree" ? CentralityOrder::kDegree : CentralityOrder::kBetweenness;
    options.cost = cost;
    out << FormatCentrality(*view, Centrality(*view, options));
  } else {
    out << FormatComponents(*view, ConnectedComponents(*view));
  }
  return 0;
}

void HelpGraph(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
