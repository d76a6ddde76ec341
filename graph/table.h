// Tabular output for query results, timelines and listings: an aligned table for terminals,
// CSV (RFC 4180, safe to open in a spreadsheet: cells that would start a formula are prefixed
// with a quote), TSV (base/text.h TsvField: tabs and line breaks inside cells become spaces,
// formulas neutralised the same way, a cell holding a double quote quoted), a JSON array of objects
// and JSON Lines (one object per line, keys in column order).
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_TABLE_H_
#define PARLEY_GRAPH_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/citation.h"
#include "graph/query.h"

namespace parley {

enum class TableFormat { kTable, kCsv, kTsv, kJson, kJsonl };

// "table", "csv", "tsv", "json", "jsonl".
std::string_view TableFormatName(TableFormat format);
// Inverse of TableFormatName. InvalidArgument "unknown format 'x'; use table, csv, tsv, json
// or jsonl".
Result<TableFormat> ParseTableFormat(std::string_view name);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // REQUIRES: each row has columns.size() cells
};

struct TableStyle {
  // Aligned tables cut cells longer than this many code points, ending them with "…"; 0 keeps
  // them whole. Other formats never cut. Default: 80.
  size_t max_cell_width = 80;
};

// `table` in `format`; every format but JSON ends each row with "\n" (JSON ends with "]\n").
std::string FormatTable(const Table& table, TableFormat format, const TableStyle& style = {});

// The rows of a query: one column per variable (its label), then time, recipient, place,
// modality, "sources" (how many documents state the claim; grouped results only), doc and
// sentence of the primary statement. With `with_ids`, each entity variable's column is
// followed by "<name>_id" and a final "statement" column holds the primary statement's id (for
// csv/tsv/json/jsonl, where the output feeds other tools). With `cite` (the documents' stored
// info, graph/citation.h), "title" and "url" columns follow "doc".
Table QueryTable(const QueryResult& result, bool with_ids, const DocumentInfoMap* cite = nullptr);

// QueryTable (ids for every format but kTable) in `format`.
std::string FormatRows(const QueryResult& result, TableFormat format, const TableStyle& style = {},
                       const DocumentInfoMap* cite = nullptr);

}  // namespace parley

#endif  // PARLEY_GRAPH_TABLE_H_
