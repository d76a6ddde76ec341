// Analyses analysts run on a GraphView (graph/graph_view.h): neighbourhoods, shortest paths with
// their evidence, centrality, connected components and a summary, plus text formatters for the
// `parley graph ...` commands.
//
// Every analysis treats the view as an undirected simple graph (a claim links two actors whatever
// its direction; parallel edges of different predicates count once), built with Boost.Graph
// inside graph/analysis.cc. Results are plain structs of node and edge indexes into the view,
// in a documented deterministic order; ties always break by entity id.
//
// Thread-safety: pure functions of the view.
#ifndef PARLEY_GRAPH_ANALYSIS_H_
#define PARLEY_GRAPH_ANALYSIS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/graph_view.h"

namespace parley {

struct Neighbour {
  size_t node = 0;        // index into GraphView::nodes
  uint32_t distance = 0;  // undirected hops from the center, >= 1
  // Edges (indexes into GraphView::edges, ascending) between this node and the nodes one hop
  // closer to the center.
  std::vector<size_t> via;
};

struct Neighbourhood {
  size_t center = 0;
  uint32_t hops = 0;                  // the radius asked for
  std::vector<Neighbour> neighbours;  // by distance, then entity id
};

// Nodes within `hops` undirected hops of the node `name_or_id` names (see ResolveNode).
// Errors: those of ResolveNode; InvalidArgument when hops is 0.
Result<Neighbourhood> Neighbours(const GraphView& view, std::string_view name_or_id, uint32_t hops);
// The same for a node index (e.g. from ResolveNode(store, view, name)).
// Errors: InvalidArgument when hops is 0. REQUIRES: center < view.nodes.size().
Result<Neighbourhood> Neighbours(const GraphView& view, size_t center, uint32_t hops);

// What a step between two nodes costs in ShortestPath and in betweenness.
enum class PathCost {
  kHops,  // every step costs the same: fewest hops
  // A step between two nodes costs 1/w, w = the statements on all view edges between them
  // (either direction, any predicate): a path through well-evidenced links beats a shorter one
  // through single mentions. Costs are counted in units of 1/720720 (the least common multiple
  // of 1..16), rounded down, so equally evidenced paths tie exactly.
  kEvidence,
};
inline constexpr uint64_t kEvidenceCostUnit = 720720;

struct PathHop {
  size_t from = 0;            // node index
  size_t to = 0;              // node index
  std::vector<size_t> edges;  // every view edge between the two, either direction, ascending
  uint64_t statements = 0;    // the weights of those edges, summed
};

struct GraphPath {
  std::vector<size_t> nodes;  // from the start to the end node, inclusive
  std::vector<PathHop> hops;  // nodes.size() - 1 hops
  PathCost cost = PathCost::kHops;
};

// A cheapest path between two nodes by `cost` (fewest hops by default), ignoring direction;
// among equally cheap paths, the one whose node ids are smallest at the first difference. A
// path from a node to itself has no hops.
// Errors: those of ResolveNode for either name; NotFound when the nodes are not connected.
Result<GraphPath> ShortestPath(const GraphView& view, std::string_view from, std::string_view to,
                               PathCost cost = PathCost::kHops);
// The same for node indexes. Errors: NotFound when they are not connected.
// REQUIRES: both < view.nodes.size().
Result<GraphPath> ShortestPath(const GraphView& view, size_t from, size_t to,
                               PathCost cost = PathCost::kHops);

enum class CentralityOrder { kDegree, kBetweenness };

struct CentralityOptions {
  // Rows to return; 0 = all. Default: 10.
  size_t top = 10;
  // Rank by this measure (descending), then by the other, then by weighted degree, then by
  // entity id. Default: kBetweenness.
  CentralityOrder order = CentralityOrder::kBetweenness;
  // What a step costs for betweenness: with kEvidence, shortest paths are the cheapest by
  // PathCost::kEvidence. Default: kHops.
  PathCost cost = PathCost::kHops;
};

struct CentralityRow {
  size_t node = 0;
  uint64_t degree = 0;           // distinct neighbours
  uint64_t weighted_degree = 0;  // statements on the node's edges (sum of edge weights)
  // Brandes betweenness on the undirected simple graph (shortest paths by the options' cost),
  // normalised by (n-1)(n-2)/2 to [0, 1].
  double betweenness = 0;
};

std::vector<CentralityRow> Centrality(const GraphView& view, const CentralityOptions& options);

struct Component {
  std::vector<size_t> nodes;  // ascending (= by entity id)
  size_t edges = 0;           // view edges inside the component
};

// Connected components, ignoring direction: largest first, then by smallest entity id.
std::vector<Component> ConnectedComponents(const GraphView& view);

struct GraphSummary {
  size_t nodes = 0;
  size_t edges = 0;
  size_t statements = 0;
  // edges / (nodes * (nodes - 1)): the share of possible directed links present; 0 below 2 nodes.
  // In a multi view parallel edges can push it above 1.
  double density = 0;
  size_t components = 0;
  size_t isolated = 0;                          // nodes without edges (only edgeless statements)
  std::map<std::string, size_t> nodes_by_type;  // type name -> nodes
  std::map<std::string, size_t> edges_by_predicate;      // predicate -> edges
  std::map<std::string, uint64_t> statements_by_plover;  // PLOVER type ("" = none) -> statements
  std::string first;                                     // earliest edge or node date, or empty
  std::string last;                                      // latest, or empty
};

GraphSummary Summarize(const GraphView& view);

// Text for people, one item per line, ending with a newline. Names are entity labels followed by
// the id in brackets.
//   2 hops from Ana Lindqvist [person:ana-lindqvist]: 3 nodes
//     1  Tomás Okafor [person:tomas-okafor]  via met x3, met x1
std::string FormatNeighbourhood(const GraphView& view, const Neighbourhood& neighbourhood);
// The path, then under each hop its statement count and up to `evidence_per_hop` supporting
// statements (date, document, sentence, and the document's URL when the view knows it), with a
// count of the rest.
std::string FormatPath(const GraphView& view, const GraphPath& path, size_t evidence_per_hop = 3);
// A table: rank, betweenness, degree, weighted degree, name.
std::string FormatCentrality(const GraphView& view, const std::vector<CentralityRow>& rows);
// One line per component (size, edges, up to `members` names).
std::string FormatComponents(const GraphView& view, const std::vector<Component>& components,
                             size_t members = 5);
std::string FormatSummary(const GraphSummary& summary);

}  // namespace parley

#endif  // PARLEY_GRAPH_ANALYSIS_H_
