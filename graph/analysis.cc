// Boost.Graph stays in this file: the view is copied into an undirected adjacency_list whose
// vertex i is view node i, so results map back without lookups.
#include "graph/analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "base/text.h"

namespace parley {
namespace {

// Each undirected edge carries the cost of stepping along it (PathCost).
using UndirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, uint64_t>>;
using Vertex = boost::graph_traits<UndirectedGraph>::vertex_descriptor;

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();
constexpr uint64_t kUnreachedCost = std::numeric_limits<uint64_t>::max();

// The view as an undirected simple graph without self-loops. Edges are added in ascending
// (smaller node, larger node) order, so every vertex lists its neighbours in ascending order and
// traversals are deterministic. Each edge's weight is the cost of the step by `cost`.
struct SimpleGraph {
  UndirectedGraph graph;
  std::vector<std::vector<size_t>> incident;  // node -> view edges touching it, ascending
};

SimpleGraph MakeSimpleGraph(const GraphView& view, PathCost cost = PathCost::kHops) {
  SimpleGraph simple{UndirectedGraph(view.nodes.size()),
                     std::vector<std::vector<size_t>>(view.nodes.size())};
  std::map<std::pair<size_t, size_t>, uint64_t> pairs;  // -> statements between the two
  for (size_t i = 0; i < view.edges.size(); ++i) {
    const GraphEdge& edge = view.edges[i];
    simple.incident[edge.source].push_back(i);
    if (edge.target != edge.source) simple.incident[edge.target].push_back(i);
    if (edge.source == edge.target) continue;
    pairs[{std::min(edge.source, edge.target), std::max(edge.source, edge.target)}] += edge.weight;
  }
  for (const auto& [pair, statements] : pairs) {
    const uint64_t step =
        cost == PathCost::kHops ? 1 : std::max<uint64_t>(1, kEvidenceCostUnit / statements);
    boost::add_edge(pair.first, pair.second, step, simple.graph);
  }
  for (auto& edges : simple.incident) std::sort(edges.begin(), edges.end());
  return simple;
}

// Cheapest costs to `target` from every node (kUnreachedCost where unreachable).
std::vector<uint64_t> CostsTo(const SimpleGraph& simple, size_t target) {
  std::vector<uint64_t> cost(boost::num_vertices(simple.graph), kUnreachedCost);
  boost::dijkstra_shortest_paths(
      simple.graph, static_cast<Vertex>(target),
      boost::distance_map(boost::make_iterator_property_map(
                              cost.begin(), boost::get(boost::vertex_index, simple.graph)))
          .weight_map(boost::get(boost::edge_weight, simple.graph))
          .distance_inf(kUnreachedCost));
  return cost;
}

// Undirected hop counts from `start` (kUnreached where unreachable).
std::vector<uint32_t> HopsFrom(const SimpleGraph& simple, size_t start) {
  std::vector<uint32_t> distance(boost::num_vertices(simple.graph), kUnreached);
  distance[start] = 0;
  boost::breadth_first_search(simple.graph, static_cast<Vertex>(start),
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  distance.data(), boost::on_tree_edge()))));
  return distance;
}

size_t OtherEnd(const GraphEdge& edge, size_t node) {
  return edge.source == node ? edge.target : edge.source;
}

std::string Name(const GraphView& view, size_t node) {
  const Entity& entity = view.nodes[node].entity;
  return fmt::format("{} [{}]", entity.label, entity.id);
}

// One line of text: line breaks and runs of space in labels and sentences (hard-wrapped
// Markdown) would break the layout.
std::string OneLine(std::string_view text) { return CollapseSpace(text); }

}  // namespace

Result<Neighbourhood> Neighbours(const GraphView& view, std::string_view name_or_id,
                                 uint32_t hops) {
  if (hops == 0) return InvalidArgumentError("hops must be at least 1");
  PARLEY_ASSIGN_OR_RETURN(const size_t center, ResolveNode(view, name_or_id));
  return Neighbours(view, center, hops);
}

Result<Neighbourhood> Neighbours(const GraphView& view, size_t center, uint32_t hops) {
  if (hops == 0) return InvalidArgumentError("hops must be at least 1");
  const SimpleGraph simple = MakeSimpleGraph(view);
  const std::vector<uint32_t> distance = HopsFrom(simple, center);
  Neighbourhood result;
  result.center = center;
  result.hops = hops;
  for (size_t node = 0; node < view.nodes.size(); ++node) {
    if (node == center || distance[node] == kUnreached || distance[node] > hops) continue;
    Neighbour neighbour;
    neighbour.node = node;
    neighbour.distance = distance[node];
    for (size_t edge : simple.incident[node]) {
      const size_t other = OtherEnd(view.edges[edge], node);
      if (distance[other] + 1 == distance[node]) neighbour.via.push_back(edge);
    }
    result.neighbours.push_back(std::move(neighbour));
  }
  std::stable_sort(result.neighbours.begin(), result.neighbours.end(),
                   [](const Neighbour& a, const Neighbour& b) { return a.distance < b.distance; });
  return result;
}

Result<GraphPath> ShortestPath(const GraphView& view, std::string_view from, std::string_view to,
                               PathCost cost) {
  PARLEY_ASSIGN_OR_RETURN(const size_t start, ResolveNode(view, from));
  PARLEY_ASSIGN_OR_RETURN(const size_t end, ResolveNode(view, to));
  return ShortestPath(view, start, end, cost);
}

Result<GraphPath> ShortestPath(const GraphView& view, size_t start, size_t end, PathCost cost) {
  const SimpleGraph simple = MakeSimpleGraph(view, cost);
  // Costs to the end; walking from the start to the smallest neighbour whose cost plus the step
  // equals the current cost gives the lexicographically smallest cheapest path.
  const std::vector<uint64_t> remaining = CostsTo(simple, end);
  if (remaining[start] == kUnreachedCost) {
    return NotFoundError("no path between " + Name(view, start) + " and " + Name(view, end));
  }
  const auto weights = boost::get(boost::edge_weight, simple.graph);
  GraphPath path;
  path.cost = cost;
  path.nodes.push_back(start);
  size_t current = start;
  while (current != end) {
    size_t next = current;
    for (auto [it, last] = boost::out_edges(current, simple.graph); it != last; ++it) {
      const size_t neighbour = boost::target(*it, simple.graph);
      if (remaining[neighbour] != kUnreachedCost &&
          remaining[neighbour] + boost::get(weights, *it) == remaining[current]) {
        next = neighbour;
        break;
      }
    }
    PathHop hop;
    hop.from = current;
    hop.to = next;
    for (size_t edge : simple.incident[current]) {
      if (OtherEnd(view.edges[edge], current) == next) {
        hop.edges.push_back(edge);
        hop.statements += view.edges[edge].weight;
      }
    }
    path.hops.push_back(std::move(hop));
    path.nodes.push_back(next);
    current = next;
  }
  return path;
}

std::vector<CentralityRow> Centrality(const GraphView& view, const CentralityOptions& options) {
  const SimpleGraph simple = MakeSimpleGraph(view, options.cost);
  const size_t n = view.nodes.size();
  std::vector<double> betweenness(n, 0.0);
  if (n > 0) {
    auto centrality = boost::make_iterator_property_map(
        betweenness.begin(), boost::get(boost::vertex_index, simple.graph));
    if (options.cost == PathCost::kHops) {
      boost::brandes_betweenness_centrality(simple.graph, boost::centrality_map(centrality));
    } else {
      boost::brandes_betweenness_centrality(
          simple.graph, boost::centrality_map(centrality)
                            .weight_map(boost::get(boost::edge_weight, simple.graph)));
    }
  }
  // Boost's undirected betweenness counts each unordered pair once: normalise by their number.
  const double pairs = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2 : 0.0;
  std::vector<CentralityRow> rows(n);
  for (size_t node = 0; node < n; ++node) {
    CentralityRow& row = rows[node];
    row.node = node;
    row.degree = boost::degree(node, simple.graph);
    for (size_t edge : simple.incident[node]) row.weighted_degree += view.edges[edge].weight;
    row.betweenness = pairs > 0 ? betweenness[node] / pairs : 0.0;
  }
  const bool by_betweenness = options.order == CentralityOrder::kBetweenness;
  std::sort(rows.begin(), rows.end(),
            [by_betweenness](const CentralityRow& a, const CentralityRow& b) {
              if (by_betweenness && a.betweenness != b.betweenness)
                return a.betweenness > b.betweenness;
              if (a.degree != b.degree) return a.degree > b.degree;
              if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
              if (a.weighted_degree != b.weighted_degree)
                return a.weighted_degree > b.weighted_degree;
              return a.node < b.node;
            });
  if (options.top > 0 && rows.size() > options.top) rows.resize(options.top);
  return rows;
}

std::vector<Component> ConnectedComponents(const GraphView& view) {
  const SimpleGraph simple = MakeSimpleGraph(view);
  std::vector<int> label(view.nodes.size(), 0);
  const int count =
      view.nodes.empty() ? 0 : boost::connected_components(simple.graph, label.data());
  std::vector<Component> components(static_cast<size_t>(count));
  for (size_t node = 0; node < view.nodes.size(); ++node) {
    components[static_cast<size_t>(label[node])].nodes.push_back(node);
  }
  for (const GraphEdge& edge : view.edges) {
    ++components[static_cast<size_t>(label[edge.source])].edges;
  }
  std::stable_sort(components.begin(), components.end(),
                   [](const Component& a, const Component& b) {
                     if (a.nodes.size() != b.nodes.size()) return a.nodes.size() > b.nodes.size();
                     return a.nodes.front() < b.nodes.front();
                   });
  return components;
}

GraphSummary Summarize(const GraphView& view) {
  GraphSummary summary;
  summary.nodes = view.nodes.size();
  summary.edges = view.edges.size();
  summary.statements = view.statements.size();
  if (summary.nodes > 1) {
    summary.density = static_cast<double>(summary.edges) /
                      (static_cast<double>(summary.nodes) * static_cast<double>(summary.nodes - 1));
  }
  summary.components = ConnectedComponents(view).size();
  std::vector<bool> linked(view.nodes.size(), false);
  for (const GraphEdge& edge : view.edges) {
    linked[edge.source] = linked[edge.target] = true;
    ++summary.edges_by_predicate[edge.predicate];
  }
  for (size_t node = 0; node < view.nodes.size(); ++node) {
    const GraphNode& n = view.nodes[node];
    if (!linked[node]) ++summary.isolated;
    ++summary.nodes_by_type[std::string(EntityTypeName(n.entity.type))];
    if (!n.first.empty() && (summary.first.empty() || n.first < summary.first)) {
      summary.first = n.first;
    }
    if (!n.last.empty() && n.last > summary.last) summary.last = n.last;
  }
  for (const Statement& statement : view.statements)
    ++summary.statements_by_plover[statement.plover];
  return summary;
}

std::string FormatNeighbourhood(const GraphView& view, const Neighbourhood& neighbourhood) {
  const uint32_t hops = neighbourhood.hops;
  std::string out = fmt::format("{} hop{} from {}: {} node{}\n", hops, hops == 1 ? "" : "s",
                                Name(view, neighbourhood.center), neighbourhood.neighbours.size(),
                                neighbourhood.neighbours.size() == 1 ? "" : "s");
  for (const Neighbour& n : neighbourhood.neighbours) {
    std::string via;
    for (size_t edge : n.via) {
      if (!via.empty()) via += ", ";
      const GraphEdge& e = view.edges[edge];
      via += fmt::format("{} {} x{}", e.source == n.node ? "<-" : "->", e.predicate, e.weight);
    }
    out += fmt::format("  {}  {}  via {}\n", n.distance, Name(view, n.node), via);
  }
  return out;
}

std::string FormatPath(const GraphView& view, const GraphPath& path, size_t evidence_per_hop) {
  std::string out =
      fmt::format("{} -> {}: {} hop{}{}\n", Name(view, path.nodes.front()),
                  Name(view, path.nodes.back()), path.hops.size(), path.hops.size() == 1 ? "" : "s",
                  path.cost == PathCost::kEvidence
                      ? ", the best evidenced (a hop costs 1/statements between its two ends)"
                      : ", the fewest");
  for (size_t h = 0; h < path.hops.size(); ++h) {
    const PathHop& hop = path.hops[h];
    out += fmt::format("  {}. {} -- {}  ({} statement{})\n", h + 1, Name(view, hop.from),
                       Name(view, hop.to), hop.statements, hop.statements == 1 ? "" : "s");
    // Evidence across the hop's edges, oldest first (undated last), then by statement id.
    std::vector<std::pair<size_t, size_t>> evidence;  // (statement, edge)
    for (size_t edge : hop.edges) {
      for (size_t statement : view.edges[edge].statements) evidence.emplace_back(statement, edge);
    }
    auto date = [&](size_t statement) {
      const std::optional<TimeValue>& time = view.TimeOf(statement);
      return time ? time->start : std::string("9999");
    };
    std::stable_sort(evidence.begin(), evidence.end(), [&](const auto& a, const auto& b) {
      return std::make_pair(date(a.first), a.first) < std::make_pair(date(b.first), b.first);
    });
    const size_t shown = std::min(evidence.size(), evidence_per_hop);
    for (size_t i = 0; i < shown; ++i) {
      const Statement& s = view.statements[evidence[i].first];
      const std::optional<TimeValue>& time = view.TimeOf(evidence[i].first);
      const GraphEdge& edge = view.edges[evidence[i].second];
      const std::string& source = view.SourceOf(s.doc);
      std::string when = time ? time->value : std::string("undated");
      if (!time && !s.doc_date.empty()) when = s.doc_date + " (document)";
      out += fmt::format("     {}  {} -{}-> {}  \"{}\"  ({}, {})\n", when,
                         OneLine(view.nodes[edge.source].entity.label), edge.predicate,
                         OneLine(view.nodes[edge.target].entity.label), OneLine(s.sentence), source,
                         s.id);
    }
    if (evidence.size() > shown) {
      out += fmt::format("     ... and {} more statement{}\n", evidence.size() - shown,
                         evidence.size() - shown == 1 ? "" : "s");
    }
  }
  return out;
}

std::string FormatCentrality(const GraphView& view, const std::vector<CentralityRow>& rows) {
  std::string out = "rank  betweenness  degree  weighted  name\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const CentralityRow& row = rows[i];
    out += fmt::format("{:>4}  {:>11.6f}  {:>6}  {:>8}  {}\n", i + 1, row.betweenness, row.degree,
                       row.weighted_degree, OneLine(Name(view, row.node)));
  }
  return out;
}

std::string FormatComponents(const GraphView& view, const std::vector<Component>& components,
                             size_t members) {
  std::string out =
      fmt::format("{} component{}\n", components.size(), components.size() == 1 ? "" : "s");
  for (size_t i = 0; i < components.size(); ++i) {
    const Component& c = components[i];
    std::string names;
    for (size_t j = 0; j < c.nodes.size() && j < members; ++j) {
      if (!names.empty()) names += ", ";
      names += OneLine(Name(view, c.nodes[j]));
    }
    if (c.nodes.size() > members) names += fmt::format(", ... ({} more)", c.nodes.size() - members);
    out += fmt::format("  {}. {} node{}, {} edge{}: {}\n", i + 1, c.nodes.size(),
                       c.nodes.size() == 1 ? "" : "s", c.edges, c.edges == 1 ? "" : "s", names);
  }
  return out;
}

std::string FormatSummary(const GraphSummary& summary) {
  std::string out = fmt::format(
      "nodes       {}\nedges       {}\nstatements  {}\ndensity     {:.6f}\ncomponents  {}\n"
      "isolated    {}\n",
      summary.nodes, summary.edges, summary.statements, summary.density, summary.components,
      summary.isolated);
  if (!summary.first.empty())
    out += fmt::format("dates       {} .. {}\n", summary.first, summary.last);
  out += "nodes by type\n";
  for (const auto& [type, count] : summary.nodes_by_type)
    out += fmt::format("  {:<14}{}\n", type, count);
  out += "edges by predicate\n";
  for (const auto& [predicate, count] : summary.edges_by_predicate) {
    out += fmt::format("  {:<14}{}\n", predicate, count);
  }
  out += "statements by PLOVER type\n";
  for (const auto& [plover, count] : summary.statements_by_plover) {
    out += fmt::format("  {:<14}{}\n", plover.empty() ? "(none)" : plover, count);
  }
  return out;
}

}  // namespace parley
