// How a graph looks when it is opened: node colours by entity type, edge colours by the PLOVER
// class of their event, node sizes by the statements behind them and edge thickness by weight.
// One table for every writer that draws (GEXF viz attributes, GraphML's Gephi attributes, DOT
// and the HTML map), so Gephi, Graphviz and the browser show the same picture.
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_STYLE_H_
#define PARLEY_GRAPH_STYLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/types.h"
#include "graph/graph_view.h"

namespace parley {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;

  // "#rrggbb", lower-case.
  std::string Hex() const;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// The colour of a node of this type (Okabe and Ito's colour-blind-safe palette): person blue,
// state vermillion, organization green, group reddish purple, place grey, agreement orange,
// event sky blue.
Rgb TypeColor(EntityType type);

// How an event type leans, after CAMEO's quad classes: cooperation (AGREE, CONSULT, SUPPORT,
// CONCEDE, COOPERATE, AID, RETREAT, REQUEST), conflict (ACCUSE, REJECT, THREATEN, PROTEST,
// SANCTION, MOBILIZE, COERCE, ASSAULT, DEMAND), or neither (no or another type).
enum class EventClass { kCooperation, kConflict, kNeutral };
EventClass ClassOfEvent(std::string_view plover);
// "cooperation", "conflict", "neutral".
std::string_view EventClassName(EventClass event_class);
// Edge colours: cooperation green, conflict red, neutral grey.
Rgb EventColor(EventClass event_class);

// The largest node statement count and edge weight of a view, which sizes scale against.
struct ViewScale {
  uint64_t node_statements = 1;
  uint64_t edge_weight = 1;
};
ViewScale ScaleOf(const GraphView& view);

// Node size from 10 to 50: 10 + 40 * sqrt(statements / scale.node_statements), so area grows
// with evidence.
double NodeSize(uint64_t statements, const ViewScale& scale);
// Edge thickness from 1 to 10: 1 + 9 * sqrt(weight / scale.edge_weight).
double EdgeThickness(uint64_t weight, const ViewScale& scale);

// `value` with at most two decimals and no trailing zeros ("12.5", "10"): the form the writers
// print sizes in.
std::string FormatDecimal(double value);

}  // namespace parley

#endif  // PARLEY_GRAPH_STYLE_H_
