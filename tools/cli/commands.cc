#include "tools/cli/commands.h"

namespace parley::cli {

std::span<const Command> Commands() {
  static const Command kCommands[] = {
      {"extract", "extract statements from documents and print them (no store)", RunExtract,
       HelpExtract},
      {"ingest", "extract documents into a store (idempotent, atomic per document)", RunIngest,
       HelpIngest},
      {"query", "ask \"who proposed what, to whom, when\": '?who proposed ?what'", RunQuery,
       HelpQuery},
      {"vocab", "the words to ask in: predicates (meaning, codes, verbs, counts) and entity types",
       RunVocab, HelpVocab},
      {"entity", "an entity's card: aliases, roles, mentions, predicates, partners", RunEntity,
       HelpEntity},
      {"timeline", "statements involving an entity (or all) in date order", RunTimeline,
       HelpTimeline},
      {"stats", "summarise a store: documents, entities, statements, time span, size", RunStats,
       HelpStats},
      {"export", "write the graph as GraphML, GEXF, CSV, DOT, JSON Lines or PLOVER records",
       RunExport, HelpExport},
      {"graph", "analyse the graph: summary, neighbours, path, centrality, components", RunGraph,
       HelpGraph},
      {"backup", "write a consistent checkpoint of a store (works during an ingest)", RunBackup,
       HelpBackup},
      {"check", "check a store is whole (checksums, documents, indexes, counters); --repair",
       RunCheck, HelpCheck},
      {"rules", "check rule files against their examples; explain how a sentence is read", RunRules,
       HelpRules},
  };
  return kCommands;
}

}  // namespace parley::cli
