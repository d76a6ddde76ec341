// Grouping and sorting of query rows (graph/query.h ArrangeRows).
#include <algorithm>
#include <map>
#include <tuple>

#include "base/text.h"
#include "graph/citation.h"
#include "graph/query.h"

namespace parley {
namespace {

// The claim a row states: its bindings and the primary statement's subject, predicate, object
// (or text) and time value.
std::vector<std::string> ClaimKey(const QueryRow& row) {
  std::vector<std::string> key;
  for (const Binding& binding : row.bindings) key.push_back(binding.value);
  const Statement& s = row.primary();
  key.push_back(s.subject.id);
  key.push_back(s.predicate);
  key.push_back(s.object ? s.object->id : (s.text ? "\"" + *s.text : std::string()));
  key.push_back(s.time ? s.time->value : std::string());
  return key;
}

// (source day or "9999-99-99" when unknown, document, statement id): earliest first.
std::tuple<std::string, std::string, std::string> SourceKey(const QueryRow& row) {
  const Statement& s = row.primary();
  std::string day = SourceDay(s);
  return {day.empty() ? "9999-99-99" : day, s.doc, s.id};
}

void Group(QueryResult* result) {
  std::map<std::vector<std::string>, std::vector<QueryRow*>> claims;
  std::vector<std::vector<std::string>> order;  // claims in first-seen order
  for (QueryRow& row : result->rows) {
    std::vector<std::string> key = ClaimKey(row);
    auto [it, inserted] = claims.try_emplace(key);
    if (inserted) order.push_back(std::move(key));
    it->second.push_back(&row);
  }
  std::vector<QueryRow> grouped;
  grouped.reserve(order.size());
  for (const std::vector<std::string>& key : order) {
    std::vector<QueryRow*>& rows = claims[key];
    std::stable_sort(rows.begin(), rows.end(), [](const QueryRow* a, const QueryRow* b) {
      return SourceKey(*a) < SourceKey(*b);
    });
    QueryRow merged = std::move(*rows.front());
    merged.sources.clear();
    for (const QueryRow* row : rows) {
      const std::string& doc = row == rows.front() ? merged.primary().doc : row->primary().doc;
      if (std::find(merged.sources.begin(), merged.sources.end(), doc) == merged.sources.end()) {
        merged.sources.push_back(doc);
      }
    }
    grouped.push_back(std::move(merged));
  }
  result->rows = std::move(grouped);
  result->grouped = true;
}

}  // namespace

void ArrangeRows(const QueryOptions& options, QueryResult* result) {
  if (options.group) Group(result);
  if (options.sort_by_time) {
    auto date = [](const QueryRow& r) {
      const Statement& s = r.primary();
      return std::make_tuple(!s.time.has_value(), s.time ? s.time->start : std::string(),
                             s.time ? s.time->end : std::string(), std::cref(s.doc),
                             s.sentence_index, std::cref(s.id));
    };
    auto before = [&](const QueryRow& a, const QueryRow& b) {
      if (options.order == RowOrder::kSources && a.sources.size() != b.sources.size()) {
        return a.sources.size() > b.sources.size();
      }
      if (options.order == RowOrder::kSubject) {
        const std::string x = AsciiLower(a.primary().subject.label);
        const std::string y = AsciiLower(b.primary().subject.label);
        if (x != y) return x < y;
      }
      auto ka = date(a);
      auto kb = date(b);
      if (ka != kb) return ka < kb;
      for (size_t i = 0; i < a.bindings.size(); ++i) {
        if (a.bindings[i].value != b.bindings[i].value) {
          return a.bindings[i].value < b.bindings[i].value;
        }
      }
      return false;
    };
    std::stable_sort(result->rows.begin(), result->rows.end(), before);
  }
  if (options.limit > 0 && result->rows.size() > options.limit) {
    result->rows.resize(options.limit);
    result->truncated = true;
  }
}

}  // namespace parley
