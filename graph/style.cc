#include "graph/style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parley {

std::string Rgb::Hex() const {
  char buffer[8];
  std::snprintf(buffer, sizeof(buffer), "#%02x%02x%02x", r, g, b);
  return buffer;
}

Rgb TypeColor(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return {0, 114, 178};
    case EntityType::kState:
      return {213, 94, 0};
    case EntityType::kOrganization:
      return {0, 158, 115};
    case EntityType::kGroup:
      return {204, 121, 167};
    case EntityType::kPlace:
      return {140, 140, 140};
    case EntityType::kAgreement:
      return {230, 159, 0};
    case EntityType::kEvent:
      return {86, 180, 233};
  }
  return {0, 0, 0};
}

EventClass ClassOfEvent(std::string_view plover) {
  static constexpr std::string_view kCooperation[] = {"AGREE",     "CONSULT", "SUPPORT", "CONCEDE",
                                                      "COOPERATE", "AID",     "RETREAT", "REQUEST"};
  static constexpr std::string_view kConflict[] = {"ACCUSE",  "REJECT",   "THREATEN",
                                                   "PROTEST", "SANCTION", "MOBILIZE",
                                                   "COERCE",  "ASSAULT",  "DEMAND"};
  if (std::find(std::begin(kCooperation), std::end(kCooperation), plover) !=
      std::end(kCooperation)) {
    return EventClass::kCooperation;
  }
  if (std::find(std::begin(kConflict), std::end(kConflict), plover) != std::end(kConflict)) {
    return EventClass::kConflict;
  }
  return EventClass::kNeutral;
}

std::string_view EventClassName(EventClass event_class) {
  switch (event_class) {
    case EventClass::kCooperation:
      return "cooperation";
    case EventClass::kConflict:
      return "conflict";
    case EventClass::kNeutral:
      return "neutral";
  }
  return "neutral";
}

Rgb EventColor(EventClass event_class) {
  switch (event_class) {
    case EventClass::kCooperation:
      return {27, 158, 119};
    case EventClass::kConflict:
      return {215, 48, 39};
    case EventClass::kNeutral:
      return {150, 150, 150};
  }
  return {150, 150, 150};
}

ViewScale ScaleOf(const GraphView& view) {
  ViewScale scale;
  for (const GraphNode& node : view.nodes) {
    scale.node_statements = std::max(scale.node_statements, node.statements);
  }
  for (const GraphEdge& edge : view.edges) {
    scale.edge_weight = std::max(scale.edge_weight, edge.weight);
  }
  return scale;
}

double NodeSize(uint64_t statements, const ViewScale& scale) {
  const double share = static_cast<double>(std::min(statements, scale.node_statements)) /
                       static_cast<double>(std::max<uint64_t>(1, scale.node_statements));
  return 10.0 + 40.0 * std::sqrt(share);
}

double EdgeThickness(uint64_t weight, const ViewScale& scale) {
  const double share = static_cast<double>(std::min(weight, scale.edge_weight)) /
                       static_cast<double>(std::max<uint64_t>(1, scale.edge_weight));
  return 1.0 + 9.0 * std::sqrt(share);
}

std::string FormatDecimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace parley
