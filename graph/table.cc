#include "graph/table.h"

#include <algorithm>

#include "base/json.h"
#include "base/text.h"

namespace parley {
namespace {

// The first `width` code points of `cell`, the last replaced by "…" when cut.
std::string Cut(std::string_view cell, size_t width) {
  if (width == 0 || CountCodePoints(cell) <= width) return std::string(cell);
  size_t pos = 0;
  for (size_t n = 0; n + 1 < width && pos < cell.size(); ++n) DecodeUtf8(cell, &pos);
  std::string out(cell.substr(0, pos));
  out.append("\u2026");
  return out;
}

std::string OneLine(std::string_view cell) {
  std::string out(cell);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string Aligned(const Table& t, const TableStyle& style) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(t.columns);
  for (const auto& row : t.rows) {
    std::vector<std::string> cut;
    for (const auto& cell : row) cut.push_back(Cut(OneLine(cell), style.max_cell_width));
    cells.push_back(std::move(cut));
  }
  std::vector<size_t> widths(t.columns.size(), 0);
  for (const auto& row : cells) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], CountCodePoints(row[i]));
    }
  }
  std::string out;
  for (const auto& row : cells) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line.append(row[i]);
      if (i + 1 < row.size()) line.append(widths[i] - CountCodePoints(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.append(line);
    out.push_back('\n');
  }
  return out;
}

std::string JsonObject(const Table& t, const std::vector<std::string>& row) {
  std::string out = "{";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(t.columns[i], &out);
    out.push_back(':');
    AppendJsonString(row[i], &out);
  }
  out.push_back('}');
  return out;
}

std::string LabelOf(const std::optional<EntityRef>& ref) { return ref ? ref->label : ""; }

}  // namespace

std::string_view TableFormatName(TableFormat format) {
  switch (format) {
    case TableFormat::kTable:
      return "table";
    case TableFormat::kCsv:
      return "csv";
    case TableFormat::kTsv:
      return "tsv";
    case TableFormat::kJson:
      return "json";
    case TableFormat::kJsonl:
      return "jsonl";
  }
  return "table";
}

Result<TableFormat> ParseTableFormat(std::string_view name) {
  for (TableFormat f : {TableFormat::kTable, TableFormat::kCsv, TableFormat::kTsv,
                        TableFormat::kJson, TableFormat::kJsonl}) {
    if (TableFormatName(f) == name) return f;
  }
  std::string message = "unknown format '";
  message.append(name);
  message.append("'; use table, csv, tsv, json or jsonl");
  return InvalidArgumentError(std::move(message));
}

std::string FormatTable(const Table& t, TableFormat format, const TableStyle& style) {
  std::string out;
  switch (format) {
    case TableFormat::kTable:
      return Aligned(t, style);
    case TableFormat::kCsv:
    case TableFormat::kTsv: {
      bool csv = format == TableFormat::kCsv;
      auto line = [&](const std::vector<std::string>& row) {
        for (size_t i = 0; i < row.size(); ++i) {
          if (i > 0) out.push_back(csv ? ',' : '\t');
          if (csv) {
            out.append(CsvField(row[i]));
          } else {
            out.append(TsvField(row[i]));
          }
        }
        out.push_back('\n');
      };
      line(t.columns);
      for (const auto& row : t.rows) line(row);
      return out;
    }
    case TableFormat::kJson:
      out = "[";
      for (size_t i = 0; i < t.rows.size(); ++i) {
        out.append(i == 0 ? "\n  " : ",\n  ");
        out.append(JsonObject(t, t.rows[i]));
      }
      out.append(t.rows.empty() ? "]\n" : "\n]\n");
      return out;
    case TableFormat::kJsonl:
      for (const auto& row : t.rows) {
        out.append(JsonObject(t, row));
        out.push_back('\n');
      }
      return out;
  }
  return out;
}

Table QueryTable(const QueryResult& result, bool with_ids, const DocumentInfoMap* cite) {
  Table t;
  // A variable gets an id column when some row binds it to an entity.
  std::vector<bool> entity(result.variables.size(), false);
  for (const QueryRow& row : result.rows) {
    for (size_t i = 0; i < row.bindings.size(); ++i) {
      if (row.bindings[i].type) entity[i] = true;
    }
  }
  for (size_t i = 0; i < result.variables.size(); ++i) {
    t.columns.push_back(result.variables[i]);
    if (with_ids && entity[i]) t.columns.push_back(result.variables[i] + "_id");
  }
  for (const char* c : {"time", "recipient", "place", "modality"}) t.columns.push_back(c);
  if (result.grouped) t.columns.push_back("sources");
  t.columns.push_back("doc");
  if (cite != nullptr) {
    t.columns.push_back("title");
    t.columns.push_back("url");
  }
  t.columns.push_back("sentence");
  if (with_ids) t.columns.push_back("statement");
  for (const QueryRow& row : result.rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < row.bindings.size(); ++i) {
      cells.push_back(row.bindings[i].label);
      if (with_ids && entity[i]) cells.push_back(row.bindings[i].type ? row.bindings[i].value : "");
    }
    const Statement& s = row.primary();
    cells.push_back(s.time ? s.time->value : "");
    cells.push_back(LabelOf(s.recipient));
    cells.push_back(LabelOf(s.place));
    cells.push_back(std::string(ModalityName(s.modality)));
    if (result.grouped) cells.push_back(std::to_string(row.sources.size()));
    cells.push_back(s.doc);
    if (cite != nullptr) {
      auto document = cite->find(s.doc);
      cells.push_back(document == cite->end() ? "" : document->second.title);
      cells.push_back(document == cite->end() ? "" : document->second.url);
    }
    cells.push_back(s.sentence);
    if (with_ids) cells.push_back(s.id);
    t.rows.push_back(std::move(cells));
  }
  return t;
}

std::string FormatRows(const QueryResult& result, TableFormat format, const TableStyle& style,
                       const DocumentInfoMap* cite) {
  return FormatTable(QueryTable(result, format != TableFormat::kTable, cite), format, style);
}

}  // namespace parley
