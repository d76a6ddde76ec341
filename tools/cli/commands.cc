#include "tools/cli/commands.h"

namespace parley::cli {

std::span<const Command> Commands() {
  static const Command kCommands[] = {
      {"stats", "summarise a store: documents, entities, statements, time span, size", RunStats,
       HelpStats},
      {"export", "write the graph as GraphML, GEXF, CSV, DOT, JSON Lines or PLOVER records",
       RunExport, HelpExport},
      {"graph", "analyse the graph: summary, neighbours, path, centrality, components", RunGraph,
       HelpGraph},
  };
  return kCommands;
}

}  // namespace parley::cli
