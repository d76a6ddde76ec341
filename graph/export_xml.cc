// GraphML and GEXF writers (graph/export.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/export.h"
#include "graph/export_buffer.h"
#include "graph/style.h"
#include "graph/xml.h"

namespace parley {
namespace {

using internal::OutputBuffer;

// Appends ` name="value"` with the value escaped.
void Attribute(std::string_view name, std::string_view value, std::string* out) {
  out->push_back(' ');
  out->append(name);
  out->append("=\"");
  AppendXmlText(value, out);
  out->push_back('"');
}

// Appends <data key="key">value</data> unless the value is empty.
void GraphMlData(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append("      <data key=\"");
  out->append(key);
  out->append("\">");
  AppendXmlText(value, out);
  out->append("</data>\n");
}

// Appends <attvalue for="key" value="value"/> unless the value is empty.
void GexfValue(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append("          <attvalue");
  Attribute("for", key, out);
  Attribute("value", value, out);
  out->append("/>\n");
}

constexpr std::string_view kGraphMlHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
    "  <key id=\"statements\" for=\"node\" attr.name=\"statements\" attr.type=\"long\"/>\n"
    "  <key id=\"first\" for=\"node\" attr.name=\"first\" attr.type=\"string\"/>\n"
    "  <key id=\"last\" for=\"node\" attr.name=\"last\" attr.type=\"string\"/>\n"
    "  <key id=\"iso3\" for=\"node\" attr.name=\"iso3\" attr.type=\"string\"/>\n"
    "  <key id=\"code\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n"
    "  <key id=\"codes\" for=\"node\" attr.name=\"codes\" attr.type=\"string\"/>\n"
    "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
    "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
    "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n"
    "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n"
    "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
    "  <key id=\"plover\" for=\"edge\" attr.name=\"plover\" attr.type=\"string\"/>\n"
    "  <key id=\"edge_first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
    "  <key id=\"edge_last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
    "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"long\"/>\n"
    "  <key id=\"sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"long\"/>\n"
    "  <key id=\"first_source\" for=\"edge\" attr.name=\"first_source\" "
    "attr.type=\"string\"/>\n"
    "  <key id=\"first_source_title\" for=\"edge\" attr.name=\"first_source_title\" "
    "attr.type=\"string\"/>\n"
    "  <key id=\"latest_source\" for=\"edge\" attr.name=\"latest_source\" "
    "attr.type=\"string\"/>\n"
    "  <key id=\"latest_source_title\" for=\"edge\" attr.name=\"latest_source_title\" "
    "attr.type=\"string\"/>\n"
    "  <key id=\"edge_r\" for=\"edge\" attr.name=\"r\" attr.type=\"int\"/>\n"
    "  <key id=\"edge_g\" for=\"edge\" attr.name=\"g\" attr.type=\"int\"/>\n"
    "  <key id=\"edge_b\" for=\"edge\" attr.name=\"b\" attr.type=\"int\"/>\n"
    "  <graph id=\"parley\" edgedefault=\"directed\">\n";

constexpr std::string_view kGexfAttributes =
    "    <attributes class=\"node\" mode=\"static\">\n"
    "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
    "      <attribute id=\"statements\" title=\"statements\" type=\"long\"/>\n"
    "      <attribute id=\"first\" title=\"first\" type=\"string\"/>\n"
    "      <attribute id=\"last\" title=\"last\" type=\"string\"/>\n"
    "      <attribute id=\"iso3\" title=\"iso3\" type=\"string\"/>\n"
    "      <attribute id=\"code\" title=\"code\" type=\"string\"/>\n"
    "      <attribute id=\"codes\" title=\"codes\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\" mode=\"static\">\n"
    "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
    "      <attribute id=\"plover\" title=\"plover\" type=\"string\"/>\n"
    "      <attribute id=\"first\" title=\"first\" type=\"string\"/>\n"
    "      <attribute id=\"last\" title=\"last\" type=\"string\"/>\n"
    "      <attribute id=\"count\" title=\"count\" type=\"long\"/>\n"
    "      <attribute id=\"sources\" title=\"sources\" type=\"long\"/>\n"
    "      <attribute id=\"first_source\" title=\"first_source\" type=\"string\"/>\n"
    "      <attribute id=\"first_source_title\" title=\"first_source_title\" type=\"string\"/>\n"
    "      <attribute id=\"latest_source\" title=\"latest_source\" type=\"string\"/>\n"
    "      <attribute id=\"latest_source_title\" title=\"latest_source_title\" "
    "type=\"string\"/>\n"
    "    </attributes>\n";

// The date ranges an edge's statements cover, sorted, overlapping ranges merged.
std::vector<std::pair<std::string, std::string>> EdgeSpells(const GraphView& view,
                                                            const GraphEdge& edge) {
  std::vector<std::pair<std::string, std::string>> ranges;
  for (size_t i : edge.statements) {
    const std::optional<TimeValue>& time = view.TimeOf(i);
    if (time) ranges.emplace_back(time->start, time->end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::string, std::string>> merged;
  for (auto& range : ranges) {
    if (!merged.empty() && range.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(std::move(range));
    }
  }
  return merged;
}

// The distinct start dates of an edge's statements, sorted.
std::vector<std::string> EdgeTimestamps(const GraphView& view, const GraphEdge& edge) {
  std::vector<std::string> dates;
  for (size_t i : edge.statements) {
    const std::optional<TimeValue>& time = view.TimeOf(i);
    if (time) dates.push_back(time->start);
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

void AppendGexfSpells(const GraphView& view, const GraphEdge& edge, GexfTime time,
                      std::string* out) {
  if (time == GexfTime::kSpells) {
    const auto spells = EdgeSpells(view, edge);
    if (spells.empty()) return;
    out->append("        <spells>\n");
    for (const auto& [start, end] : spells) {
      out->append("          <spell");
      Attribute("start", start, out);
      Attribute("end", end, out);
      out->append("/>\n");
    }
    out->append("        </spells>\n");
    return;
  }
  const auto timestamps = EdgeTimestamps(view, edge);
  if (timestamps.empty()) return;
  out->append("        <spells>\n");
  for (const std::string& timestamp : timestamps) {
    out->append("          <spell");
    Attribute("timestamp", timestamp, out);
    out->append("/>\n");
  }
  out->append("        </spells>\n");
}

// <viz:color r g b/> at the given indentation.
void VizColor(const Rgb& color, std::string_view indent, std::string* out) {
  out->append(indent);
  out->append("<viz:color r=\"" + std::to_string(color.r) + "\" g=\"" + std::to_string(color.g) +
              "\" b=\"" + std::to_string(color.b) + "\"/>\n");
}

// The GraphML data of an edge's sources (GraphEdge::sources, first_doc, latest_doc).
void GraphMlSources(const GraphView& view, const GraphEdge& edge, std::string* out) {
  GraphMlData("sources", std::to_string(edge.sources), out);
  GraphMlData("first_source", view.SourceOf(edge.first_doc), out);
  GraphMlData("first_source_title", view.TitleOf(edge.first_doc), out);
  GraphMlData("latest_source", view.SourceOf(edge.latest_doc), out);
  GraphMlData("latest_source_title", view.TitleOf(edge.latest_doc), out);
}

}  // namespace

Status WriteGraphMl(const GraphView& view, std::ostream& out) {
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  text.append(kGraphMlHeader);
  const ViewScale scale = ScaleOf(view);
  for (const GraphNode& node : view.nodes) {
    text.append("    <node");
    Attribute("id", node.entity.id, &text);
    text.append(">\n");
    GraphMlData("label", node.entity.label, &text);
    GraphMlData("type", EntityTypeName(node.entity.type), &text);
    GraphMlData("country", node.country, &text);
    GraphMlData("statements", std::to_string(node.statements), &text);
    GraphMlData("first", node.first, &text);
    GraphMlData("last", node.last, &text);
    GraphMlData("iso3", node.iso3, &text);
    GraphMlData("code", node.code, &text);
    GraphMlData("codes", node.CodeList(), &text);
    const Rgb color = TypeColor(node.entity.type);
    GraphMlData("r", std::to_string(color.r), &text);
    GraphMlData("g", std::to_string(color.g), &text);
    GraphMlData("b", std::to_string(color.b), &text);
    GraphMlData("size", FormatDecimal(NodeSize(node.statements, scale)), &text);
    text.append("    </node>\n");
    buffer.EndRecord();
  }
  for (const GraphEdge& edge : view.edges) {
    text.append("    <edge");
    Attribute("id", edge.id, &text);
    Attribute("source", view.nodes[edge.source].entity.id, &text);
    Attribute("target", view.nodes[edge.target].entity.id, &text);
    text.append(">\n");
    const std::string weight = std::to_string(edge.weight);
    GraphMlData("edge_label", edge.predicate, &text);
    GraphMlData("weight", weight, &text);
    GraphMlData("predicate", edge.predicate, &text);
    GraphMlData("plover", edge.plover, &text);
    GraphMlData("edge_first", edge.first, &text);
    GraphMlData("edge_last", edge.last, &text);
    GraphMlData("count", weight, &text);
    GraphMlSources(view, edge, &text);
    const Rgb color = EventColor(ClassOfEvent(edge.plover));
    GraphMlData("edge_r", std::to_string(color.r), &text);
    GraphMlData("edge_g", std::to_string(color.g), &text);
    GraphMlData("edge_b", std::to_string(color.b), &text);
    text.append("    </edge>\n");
    buffer.EndRecord();
  }
  text.append("  </graph>\n</graphml>\n");
  return buffer.Finish();
}

Status WriteGexf(const GraphView& view, const GexfOptions& options, std::ostream& out) {
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  text.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
      "version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>parley</creator>\n"
      "    <description>Actor-relationship map: entities and the statements that link "
      "them</description>\n"
      "  </meta>\n");
  if (options.dynamic) {
    text.append("  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"");
    Attribute("timerepresentation", options.time == GexfTime::kSpells ? "interval" : "timestamp",
              &text);
    text.append(">\n");
  } else {
    text.append("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
  }
  text.append(kGexfAttributes);
  const ViewScale scale = ScaleOf(view);
  text.append("    <nodes>\n");
  for (const GraphNode& node : view.nodes) {
    text.append("      <node");
    Attribute("id", node.entity.id, &text);
    Attribute("label", node.entity.label, &text);
    text.append(">\n        <attvalues>\n");
    GexfValue("type", EntityTypeName(node.entity.type), &text);
    GexfValue("country", node.country, &text);
    GexfValue("statements", std::to_string(node.statements), &text);
    GexfValue("first", node.first, &text);
    GexfValue("last", node.last, &text);
    GexfValue("iso3", node.iso3, &text);
    GexfValue("code", node.code, &text);
    GexfValue("codes", node.CodeList(), &text);
    text.append("        </attvalues>\n");
    VizColor(TypeColor(node.entity.type), "        ", &text);
    text.append("        <viz:size value=\"" + FormatDecimal(NodeSize(node.statements, scale)) +
                "\"/>\n      </node>\n");
    buffer.EndRecord();
  }
  text.append("    </nodes>\n    <edges>\n");
  for (const GraphEdge& edge : view.edges) {
    const std::string weight = std::to_string(edge.weight);
    text.append("      <edge");
    Attribute("id", edge.id, &text);
    Attribute("source", view.nodes[edge.source].entity.id, &text);
    Attribute("target", view.nodes[edge.target].entity.id, &text);
    Attribute("label", edge.predicate, &text);
    Attribute("kind", edge.predicate, &text);
    Attribute("weight", weight, &text);
    text.append(">\n        <attvalues>\n");
    GexfValue("predicate", edge.predicate, &text);
    GexfValue("plover", edge.plover, &text);
    GexfValue("first", edge.first, &text);
    GexfValue("last", edge.last, &text);
    GexfValue("count", weight, &text);
    GexfValue("sources", std::to_string(edge.sources), &text);
    GexfValue("first_source", view.SourceOf(edge.first_doc), &text);
    GexfValue("first_source_title", view.TitleOf(edge.first_doc), &text);
    GexfValue("latest_source", view.SourceOf(edge.latest_doc), &text);
    GexfValue("latest_source_title", view.TitleOf(edge.latest_doc), &text);
    text.append("        </attvalues>\n");
    if (options.dynamic) AppendGexfSpells(view, edge, options.time, &text);
    VizColor(EventColor(ClassOfEvent(edge.plover)), "        ", &text);
    text.append("        <viz:thickness value=\"" +
                FormatDecimal(EdgeThickness(edge.weight, scale)) + "\"/>\n      </edge>\n");
    buffer.EndRecord();
  }
  text.append("    </edges>\n  </graph>\n</gexf>\n");
  return buffer.Finish();
}

}  // namespace parley
