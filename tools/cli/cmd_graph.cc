// parley graph: analyses of the actor-relationship graph (Boost.Graph, in graph/analysis.h).
#include <iostream>

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
};

void Define(CLI::App& app, GraphCommandFlags& f) {
  ConfigureApp(app, "graph",
               "Analyse the actor-relationship graph.\nExamples:\n"
               "  parley graph --db news.db summary\n"
               "  parley graph --db news.db neighbours Putin --hops 2\n"
               "  parley graph --db news.db path Putin \"Xi Jinping\"\n"
               "  parley graph --db news.db centrality --top 10 --actors-only\n"
               "  parley graph --db news.db components");
  AddDbFlag(app, f.db);
  AddGraphFlags(app, f.graph, /*with_center=*/true);
  app.require_subcommand(1, 1);
  app.fallthrough();
  app.add_subcommand("summary", "Nodes, edges, density, counts by type and predicate");
  auto* neighbours = app.add_subcommand("neighbours", "Entities within N hops of one entity");
  neighbours->add_option("name", f.name, "Entity name, alias or id")->required();
  neighbours->add_option("--hops", f.hops, "Radius")->check(CLI::Range(1, 100));
  auto* path = app.add_subcommand("path", "Shortest path between two entities, with evidence");
  path->add_option("from", f.from, "Entity name, alias or id")->required();
  path->add_option("to", f.to, "Entity name, alias or id")->required();
  path->add_option("--evidence", f.evidence, "Statements shown per hop");
  auto* centrality = app.add_subcommand("centrality", "Most central entities");
  centrality->add_option("--top", f.top, "Rows (0 = all)");
  centrality->add_option("--by", f.by, "Ranking measure")
      ->check(CLI::IsMember({"betweenness", "degree"}));
  app.add_subcommand("components", "Connected components, largest first");
}

}  // namespace

int RunGraph(const CommandContext& context) {
  GraphCommandFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  auto filter = ToGraphFilter(flags.graph);
  if (!filter.ok()) return ReportError(context, filter.status());
  auto view = BuildGraphView(**store, *filter);
  if (!view.ok()) return ReportError(context, view.status());
  const std::string analysis = app.get_subcommands().front()->get_name();
  std::ostream& out = context.out();
  if (analysis == "summary") {
    out << FormatSummary(Summarize(*view));
  } else if (analysis == "neighbours") {
    auto center = ResolveNode(**store, *view, flags.name);
    if (!center.ok()) return ReportError(context, center.status());
    auto result = Neighbours(*view, *center, flags.hops);
    if (!result.ok()) return ReportError(context, result.status());
    out << FormatNeighbourhood(*view, *result);
  } else if (analysis == "path") {
    auto from = ResolveNode(**store, *view, flags.from);
    if (!from.ok()) return ReportError(context, from.status());
    auto to = ResolveNode(**store, *view, flags.to);
    if (!to.ok()) return ReportError(context, to.status());
    auto result = ShortestPath(*view, *from, *to);
    if (!result.ok()) return ReportError(context, result.status());
    out << FormatPath(*view, *result, flags.evidence);
  } else if (analysis == "centrality") {
    CentralityOptions options;
    options.top = flags.top;
    options.order = flags.by == "degree" ? CentralityOrder::kDegree : CentralityOrder::kBetweenness;
    out << FormatCentrality(*view, Centrality(*view, options));
  } else {
    out << FormatComponents(*view, ConnectedComponents(*view));
  }
  return 0;
}

void HelpGraph(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
