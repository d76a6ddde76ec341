// CSV, DOT, JSON Lines and PLOVER writers (graph/export.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/json.h"
#include "base/text.h"
#include "graph/export.h"
#include "graph/export_buffer.h"
#include "graph/style.h"

namespace parley {
namespace {

using internal::OutputBuffer;

// `text` with every invalid UTF-8 byte replaced by U+FFFD (spreadsheets reject or mangle a file
// with invalid bytes).
std::string ValidUtf8(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) AppendUtf8(DecodeUtf8(text, &pos), &valid);
  return valid;
}

// Appends `fields` as one CSV record (LF line ends, as Gephi and Python expect).
void CsvRecord(std::initializer_list<std::string_view> fields, std::string* out) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out->push_back(',');
    first = false;
    out->append(IsValidUtf8(field) ? CsvField(field) : CsvField(ValidUtf8(field)));
  }
  out->push_back('\n');
}

// Appends `value` as a DOT double-quoted string: quotes and backslashes escaped, line breaks as
// \n, other control characters and invalid UTF-8 dropped or replaced.
void DotString(std::string_view value, std::string* out) {
  out->push_back('"');
  size_t pos = 0;
  while (pos < value.size()) {
    const char32_t cp = DecodeUtf8(value, &pos);
    if (cp == '"' || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\n') {
      out->append("\\n");
    } else if (cp >= 0x20 && cp != 0x7F) {
      AppendUtf8(cp, out);
    }
  }
  out->push_back('"');
}

// Appends `, name="value"` to a DOT attribute list unless the value is empty.
void DotAttribute(std::string_view name, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append(", ");
  out->append(name);
  out->push_back('=');
  DotString(value, out);
}

std::vector<Entity> NodeEntities(const GraphView& view) {
  std::vector<Entity> entities;
  entities.reserve(view.nodes.size());
  for (const GraphNode& node : view.nodes) entities.push_back(node.entity);
  return entities;
}

void JsonField(std::string_view name, std::string_view value, bool* first, std::string* out) {
  out->append(*first ? "{" : ", ");
  *first = false;
  AppendJsonString(name, out);
  out->append(": ");
  AppendJsonString(value, out);
}

void JsonRawField(std::string_view name, std::string_view raw, bool* first, std::string* out) {
  out->append(*first ? "{" : ", ");
  *first = false;
  AppendJsonString(name, out);
  out->append(": ");
  out->append(raw);
}

class PloverWriter {
 public:
  explicit PloverWriter(const std::vector<Entity>& entities) {
    for (const Entity& entity : entities) by_id_.emplace(entity.id, &entity);
  }

  void Append(const Statement& statement, std::string* out) const {
    std::string date;
    if (statement.time) {
      date = statement.time->start;
    } else if (statement.doc_date.size() == 10 && PartialDate::Parse(statement.doc_date).ok()) {
      date = statement.doc_date;
    }
    bool first = true;
    JsonField("event_id", statement.id, &first, out);
    if (date.empty()) {
      JsonRawField("event_date", "null", &first, out);
    } else {
      JsonField("event_date", date, &first, out);
    }
    if (statement.time) {
      JsonField("date_value", statement.time->value, &first, out);
    } else {
      JsonRawField("date_value", "null", &first, out);
    }
    JsonField("event_type", statement.plover, &first, out);
    JsonField("event_mode", "", &first, out);
    JsonRawField("context", "[]", &first, out);
    JsonRawField("source", Actor(statement.subject, date), &first, out);
    const std::optional<EntityRef>& target =
        statement.object ? statement.object : statement.recipient;
    JsonRawField("target", target ? Actor(*target, date) : "null", &first, out);
    if (statement.place) {
      std::string place;
      bool place_first = true;
      JsonField("id", statement.place->id, &place_first, &place);
      JsonField("name", statement.place->label, &place_first, &place);
      JsonField("type", EntityTypeName(statement.place->type), &place_first, &place);
      place.push_back('}');
      JsonRawField("location", place, &first, out);
    } else {
      JsonRawField("location", "null", &first, out);
    }
    JsonField("modality", ModalityName(statement.modality), &first, out);
    JsonField("predicate", statement.predicate, &first, out);
    JsonField("cameo", statement.cameo, &first, out);
    JsonField("doc", statement.doc, &first, out);
    JsonField("text", statement.sentence, &first, out);
    JsonField("rule", statement.rule, &first, out);
    out->append("}\n");
  }

 private:
  std::string Actor(const EntityRef& ref, const std::string& date) const {
    std::string country;
    auto it = by_id_.find(ref.id);
    if (ref.type == EntityType::kState) {
      country = ref.id;
    } else if (it != by_id_.end() && it->second->type == EntityType::kPerson) {
      country = PersonCountry(*it->second, date);
    } else if (it != by_id_.end()) {
      auto attribute = it->second->attributes.find("country");
      if (attribute != it->second->attributes.end()) country = attribute->second;
    }
    std::string actor;
    bool first = true;
    JsonField("id", ref.id, &first, &actor);
    JsonField("name", ref.label, &first, &actor);
    JsonField("type", EntityTypeName(ref.type), &first, &actor);
    JsonField("country", country, &first, &actor);
    actor.push_back('}');
    return actor;
  }

  std::unordered_map<std::string, const Entity*> by_id_;
};

}  // namespace

Status WriteCsvNodes(const GraphView& view, std::ostream& out) {
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  CsvRecord(
      {"Id", "Label", "Type", "Country", "Statements", "First", "Last", "ISO3", "Code", "Codes"},
      &text);
  for (const GraphNode& node : view.nodes) {
    CsvRecord({node.entity.id, node.entity.label, EntityTypeName(node.entity.type), node.country,
               std::to_string(node.statements), node.first, node.last, node.iso3, node.code,
               node.CodeList()},
              &text);
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WriteCsvEdges(const GraphView& view, std::ostream& out) {
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  CsvRecord({"Source", "Target", "Type", "Id", "Label", "Weight", "Predicate", "Plover", "First",
             "Last", "Sources", "First Source", "Latest Source"},
            &text);
  for (const GraphEdge& edge : view.edges) {
    CsvRecord({view.nodes[edge.source].entity.id, view.nodes[edge.target].entity.id, "Directed",
               edge.id, edge.predicate, std::to_string(edge.weight), edge.predicate, edge.plover,
               edge.first, edge.last, std::to_string(edge.sources), view.SourceOf(edge.first_doc),
               view.SourceOf(edge.latest_doc)},
              &text);
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WriteDot(const GraphView& view, std::ostream& out) {
  OutputBuffer buffer(out);
  std::string& text = buffer.text();
  text.append("digraph parley {\n  node [style=filled, fontcolor=\"#ffffff\"];\n");
  const ViewScale scale = ScaleOf(view);
  for (const GraphNode& node : view.nodes) {
    text.append("  ");
    DotString(node.entity.id, &text);
    text.append(" [label=");
    DotString(node.entity.label, &text);
    DotAttribute("type", EntityTypeName(node.entity.type), &text);
    DotAttribute("fillcolor", TypeColor(node.entity.type).Hex(), &text);
    // Graphviz sizes are inches: 10..50 points of NodeSize become 0.25..1.25.
    text.append(", width=" + FormatDecimal(NodeSize(node.statements, scale) / 40.0));
    text.append("];\n");
    buffer.EndRecord();
  }
  for (const GraphEdge& edge : view.edges) {
    text.append("  ");
    DotString(view.nodes[edge.source].entity.id, &text);
    text.append(" -> ");
    DotString(view.nodes[edge.target].entity.id, &text);
    text.append(" [label=");
    DotString(edge.predicate, &text);
    text.append(", weight=");
    text.append(std::to_string(edge.weight));
    DotAttribute("plover", edge.plover, &text);
    DotAttribute("first", edge.first, &text);
    DotAttribute("last", edge.last, &text);
    DotAttribute("color", EventColor(ClassOfEvent(edge.plover)).Hex(), &text);
    text.append(", penwidth=" + FormatDecimal(EdgeThickness(edge.weight, scale)));
    text.append("];\n");
    buffer.EndRecord();
  }
  text.append("}\n");
  return buffer.Finish();
}

Status WriteStatementsJsonl(const std::vector<Statement>& statements,
                            const std::map<std::string, DocumentInfo>& documents,
                            std::ostream& out) {
  OutputBuffer buffer(out);
  for (const Statement& statement : statements) {
    auto document = documents.find(statement.doc);
    buffer.text().append(document == documents.end()
                             ? StatementToJson(statement)
                             : CitedStatementToJson(statement, document->second));
    buffer.text().push_back('\n');
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WriteEntitiesJsonl(const std::vector<Entity>& entities, std::ostream& out) {
  OutputBuffer buffer(out);
  for (const Entity& entity : entities) {
    buffer.text().append(EntityToJson(entity));
    buffer.text().push_back('\n');
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WriteStatementsJsonl(const GraphView& view, std::ostream& out) {
  return WriteStatementsJsonl(view.statements, view.documents, out);
}

Status WriteEntitiesJsonl(const GraphView& view, std::ostream& out) {
  return WriteEntitiesJsonl(NodeEntities(view), out);
}

Status WritePloverJsonl(const std::vector<Entity>& entities,
                        const std::vector<Statement>& statements, std::ostream& out) {
  const PloverWriter writer(entities);
  OutputBuffer buffer(out);
  for (const Statement& statement : statements) {
    if (statement.plover.empty()) continue;
    writer.Append(statement, &buffer.text());
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WritePloverJsonl(const GraphView& view, std::ostream& out) {
  return WritePloverJsonl(NodeEntities(view), view.statements, out);
}

}  // namespace parley
