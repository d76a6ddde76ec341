// WriteHtml (graph/export.h): the map page of graph/web/, with cytoscape.js and the view's data
// put in its marked places.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "graph/export.h"
#include "graph/export_buffer.h"
#include "graph/style.h"

namespace parley {
namespace internal {
// graph/web/'s page and scripts, compiled in by cmake/embed_files.cmake.
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedWebFiles();
}  // namespace internal

namespace {

using internal::OutputBuffer;

std::string_view WebFile(std::string_view path) {
  for (const auto& [name, content] : internal::EmbeddedWebFiles()) {
    if (name == path) return content;
  }
  return {};
}

// A script inside <script>: "</" becomes "<\/", so no "</script" can end the element early (the
// same character to JavaScript in a string or regular expression, the only places our scripts
// and the library have it). A test checks that none holds "<!--".
void AppendScript(std::string_view script, std::string* out) {
  for (size_t i = 0; i < script.size(); ++i) {
    out->push_back(script[i]);
    if (script[i] == '<' && i + 1 < script.size() && script[i + 1] == '/') out->push_back('\\');
  }
}

// JSON inside <script type="application/json">: '<' only occurs inside its strings, where
// "\u003c" is the same character, so no document text can end or confuse the element.
void AppendJsonScript(std::string_view json, std::string* out) {
  for (char c : json) {
    if (c == '<') {
      out->append("\\u003c");
    } else {
      out->push_back(c);
    }
  }
}

void Key(std::string_view key, bool first, std::string* out) {
  if (!first) out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
}
void StringField(std::string_view key, std::string_view value, std::string* out) {
  Key(key, false, out);
  AppendJsonString(value, out);
}
void NumberField(std::string_view key, std::string_view value, std::string* out) {
  Key(key, false, out);
  out->append(value);
}
void IndexList(const std::vector<size_t>& indexes, std::string* out) {
  Key("s", false, out);
  out->push_back('[');
  for (size_t i = 0; i < indexes.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(std::to_string(indexes[i]));
  }
  out->push_back(']');
}

// What the statement says, as the panel shows it: the object's label, else its text, else the
// recipient's label.
std::string ObjectOf(const Statement& s) {
  if (s.object) return s.object->label;
  if (s.text) return "\"" + *s.text + "\"";
  if (s.recipient) return "to " + s.recipient->label;
  return "";
}

// The statements each node stands on: those of its edges, and its edgeless statements (a
// statement whose subject node is in the view but that is behind no edge).
std::vector<std::vector<size_t>> NodeStatements(const GraphView& view) {
  std::vector<std::vector<size_t>> of(view.nodes.size());
  std::vector<bool> on_edge(view.statements.size(), false);
  for (const GraphEdge& edge : view.edges) {
    for (size_t s : edge.statements) {
      of[edge.source].push_back(s);
      of[edge.target].push_back(s);
      on_edge[s] = true;
    }
  }
  for (size_t s = 0; s < view.statements.size(); ++s) {
    if (on_edge[s]) continue;
    if (std::optional<size_t> node = view.FindNode(view.statements[s].subject.id)) {
      of[*node].push_back(s);
    }
  }
  for (std::vector<size_t>& list : of) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return of;
}

// The view as the JSON the page reads (graph/web/map.js).
std::string MapData(const GraphView& view) {
  std::string text;
  const ViewScale scale = ScaleOf(view);
  text.append("{\"title\":");
  AppendJsonString("parley map: " + std::to_string(view.nodes.size()) + " entities, " +
                       std::to_string(view.edges.size()) + " links",
                   &text);
  // The legend: the types present, in the table's order, and the edge classes.
  std::set<EntityType> present;
  for (const GraphNode& node : view.nodes) present.insert(node.entity.type);
  text.append(",\"types\":[");
  bool first = true;
  for (EntityType type : kAllEntityTypes) {
    if (!present.count(type)) continue;
    text.append(first ? "{" : ",{");
    first = false;
    Key("name", true, &text);
    AppendJsonString(EntityTypeName(type), &text);
    StringField("color", TypeColor(type).Hex(), &text);
    text.push_back('}');
  }
  text.append("],\"classes\":[");
  first = true;
  for (EventClass c : {EventClass::kCooperation, EventClass::kConflict, EventClass::kNeutral}) {
    text.append(first ? "{" : ",{");
    first = false;
    Key("name", true, &text);
    AppendJsonString(EventClassName(c), &text);
    StringField("color", EventColor(c).Hex(), &text);
    text.push_back('}');
  }
  text.append("],\n\"nodes\":[\n");
  const std::vector<std::vector<size_t>> node_statements = NodeStatements(view);
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const GraphNode& node = view.nodes[i];
    text.append(i == 0 ? "{" : ",\n{");
    Key("id", true, &text);
    AppendJsonString(node.entity.id, &text);
    StringField("label", node.entity.label, &text);
    StringField("type", EntityTypeName(node.entity.type), &text);
    StringField("country", node.country, &text);
    StringField("color", TypeColor(node.entity.type).Hex(), &text);
    NumberField("size", FormatDecimal(NodeSize(node.statements, scale)), &text);
    NumberField("statements", std::to_string(node.statements), &text);
    StringField("first", node.first, &text);
    StringField("last", node.last, &text);
    IndexList(node_statements[i], &text);
    text.push_back('}');
  }
  text.append("],\n\"edges\":[\n");
  for (size_t i = 0; i < view.edges.size(); ++i) {
    const GraphEdge& edge = view.edges[i];
    text.append(i == 0 ? "{" : ",\n{");
    Key("id", true, &text);
    AppendJsonString(edge.id, &text);
    StringField("source", view.nodes[edge.source].entity.id, &text);
    StringField("target", view.nodes[edge.target].entity.id, &text);
    StringField("predicate", edge.predicate, &text);
    StringField("plover", edge.plover, &text);
    NumberField("weight", std::to_string(edge.weight), &text);
    NumberField("sources", std::to_string(edge.sources), &text);
    StringField("color", EventColor(ClassOfEvent(edge.plover)).Hex(), &text);
    NumberField("width", FormatDecimal(EdgeThickness(edge.weight, scale)), &text);
    StringField("first", edge.first, &text);
    StringField("last", edge.last, &text);
    IndexList(edge.statements, &text);
    text.push_back('}');
  }
  text.append("],\n\"statements\":[\n");
  for (size_t i = 0; i < view.statements.size(); ++i) {
    const Statement& s = view.statements[i];
    const std::optional<TimeValue>& time = view.TimeOf(i);
    text.append(i == 0 ? "{" : ",\n{");
    Key("id", true, &text);
    AppendJsonString(s.id, &text);
    StringField("subject", s.subject.label, &text);
    StringField("predicate", s.predicate, &text);
    StringField("object", ObjectOf(s), &text);
    StringField("time", time ? time->value : "", &text);
    StringField("start", time ? time->start : "", &text);
    StringField("end", time ? time->end : "", &text);
    StringField("modality", ModalityName(s.modality), &text);
    StringField("sentence", s.sentence, &text);
    StringField("doc", s.doc, &text);
    StringField("source", view.SourceOf(s.doc), &text);
    StringField("title", view.TitleOf(s.doc), &text);
    text.push_back('}');
  }
  text.append("]}");
  return text;
}

// Appends the template up to the marker `<!-- parley:NAME -->` and returns what follows it.
// REQUIRES: the marker is in `page` (graph/web/map.html).
std::string_view CopyUntil(std::string_view page, std::string_view name, std::string* out) {
  const std::string marker = "<!-- parley:" + std::string(name) + " -->";
  const size_t at = page.find(marker);
  out->append(page.substr(0, at));
  return at == std::string_view::npos ? std::string_view() : page.substr(at + marker.size());
}

}  // namespace

Status WriteHtml(const GraphView& view, std::ostream& out) {
  std::string_view page = WebFile("graph/web/map.html");
  const std::string_view library = WebFile("graph/web/vendor/cytoscape/cytoscape.min.js");
  const std::string_view app = WebFile("graph/web/map.js");
  if (page.empty() || library.empty() || app.empty()) {
    return InternalError("the HTML map's files were not compiled in (graph/web/)");
  }
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  page = CopyUntil(page, "library", &text);
  text.append("<script>\n");
  AppendScript(library, &text);
  text.append("\n</script>");
  buffer.EndRecord();
  page = CopyUntil(page, "data", &text);
  text.append("<script type=\"application/json\" id=\"parley-data\">\n");
  AppendJsonScript(MapData(view), &text);
  buffer.EndRecord();
  text.append("\n</script>");
  page = CopyUntil(page, "app", &text);
  text.append("<script>\n");
  AppendScript(app, &text);
  text.append("</script>");
  text.append(page);
  return buffer.Finish();
}

}  // namespace parley
