// Fuzzes the graph exports with hostile labels, sentences and ids: JSON lines (entities and
// statements, base/json.h) become a graph view that is written as GraphML, GEXF, CSV and DOT.
// The XML must stay well-formed with only characters XML 1.0 allows, and no CSV field may start
// like a spreadsheet formula.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "base/json.h"
#include "base/text.h"
#include "base/types.h"
#include "graph/export.h"
#include "graph/graph_view.h"
#include "graph/xml.h"
#include "tests/fuzz/fuzz_util.h"
#include "tests/fuzz/output_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  using fuzz::NoFormulas;
  using fuzz::WellFormedXml;
  std::string_view input = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&input);

  const std::string escaped = XmlText(input);
  PARLEY_FUZZ_CHECK(
      WellFormedXml("<a t=\"" + escaped + "\" u='" + escaped + "'>" + escaped + "</a>"));

  std::vector<Entity> entities;
  std::vector<Statement> statements;
  while (!input.empty()) {
    const size_t newline = input.find('\n');
    const std::string_view line = input.substr(0, newline);
    input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
    if (Result<Statement> statement = StatementFromJson(line); statement.ok()) {
      statements.push_back(std::move(*statement));
    } else if (Result<Entity> entity = EntityFromJson(line); entity.ok()) {
      entities.push_back(std::move(*entity));
    }
  }
  GraphFilter filter;
  filter.multi = (selector & 1) != 0;
  const Result<GraphView> view = BuildGraphViewFrom(entities, statements, filter);
  if (!view.ok()) return 0;

  std::ostringstream graphml, gexf, nodes, edges, dot;
  PARLEY_FUZZ_CHECK(WriteGraphMl(*view, graphml).ok());
  GexfOptions gexf_options;
  gexf_options.dynamic = (selector & 2) != 0;
  PARLEY_FUZZ_CHECK(WriteGexf(*view, gexf_options, gexf).ok());
  PARLEY_FUZZ_CHECK(WriteCsvNodes(*view, nodes).ok());
  PARLEY_FUZZ_CHECK(WriteCsvEdges(*view, edges).ok());
  PARLEY_FUZZ_CHECK(WriteDot(*view, dot).ok());
  PARLEY_FUZZ_CHECK(WellFormedXml(graphml.str()));
  PARLEY_FUZZ_CHECK(WellFormedXml(gexf.str()));
  PARLEY_FUZZ_CHECK(NoFormulas(nodes.str()));
  PARLEY_FUZZ_CHECK(NoFormulas(edges.str()));
  PARLEY_FUZZ_CHECK(IsValidUtf8(dot.str()));
  return 0;
}
