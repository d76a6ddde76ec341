#include "graph/timeline.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "graph/resolve.h"

namespace parley {
namespace {

std::string ObjectText(const Statement& s) {
  if (s.object) return s.object->label;
  if (s.text) return "\"" + *s.text + "\"";
  return "";
}

// How a timeline line names a document: "title, url" (or the one it has) when `cite` knows it,
// else the id.
std::string Source(const std::string& doc, const DocumentInfoMap* cite) {
  if (cite == nullptr) return doc;
  auto it = cite->find(doc);
  if (it == cite->end() || (it->second.title.empty() && it->second.url.empty())) return doc;
  const DocumentInfo& info = it->second;
  if (info.title.empty()) return info.url;
  if (info.url.empty()) return info.title;
  return info.title + ", " + info.url;
}

}  // namespace

Result<Timeline> BuildTimeline(const Store& store, std::string_view name,
                               const TimelineOptions& options) {
  Timeline timeline;
  StatementFilter filter;
  if (!name.empty()) {
    PARLEY_ASSIGN_OR_RETURN(timeline.entity, ResolveEntity(store, name));
    filter.involving = timeline.entity;
  }
  filter.require_time = true;
  filter.since = options.since;
  filter.until = options.until;
  filter.text_dates_only = options.text_dates_only;
  filter.modality = options.modality;
  std::vector<Statement> statements;
  PARLEY_RETURN_IF_ERROR(store.ScanStatements(filter, [&](const Statement& s) {
    statements.push_back(s);
    return true;
  }));
  auto key = [](const Statement& s) {
    return std::tie(s.time->start, s.time->end, s.time->value, s.doc, s.sentence_index, s.id);
  };
  std::sort(statements.begin(), statements.end(),
            [&](const Statement& a, const Statement& b) { return key(a) < key(b); });
  if (options.limit > 0 && statements.size() > options.limit) {
    statements.resize(options.limit);
    timeline.truncated = true;
  }
  timeline.statements = statements.size();
  for (Statement& s : statements) {
    if (timeline.groups.empty() || timeline.groups.back().date != s.time->value) {
      timeline.groups.push_back(TimelineGroup{s.time->value, {}});
    }
    timeline.groups.back().statements.push_back(std::move(s));
  }
  return timeline;
}

std::string FormatTimeline(const Timeline& timeline, const DocumentInfoMap* cite) {
  std::string out;
  for (const TimelineGroup& g : timeline.groups) {
    out += g.date + "\n";
    for (const Statement& s : g.statements) {
      out += "  " + s.subject.label + " " + s.predicate;
      std::string object = ObjectText(s);
      if (!object.empty()) out += " " + object;
      if (s.recipient) out += " to " + s.recipient->label;
      if (s.place) out += " in " + s.place->label;
      if (s.modality != Modality::kAsserted) {
        out += " [" + std::string(ModalityName(s.modality)) + "]";
      }
      out += "  (" + Source(s.doc, cite) + ")\n";
    }
  }
  return out;
}

Table TimelineTable(const Timeline& timeline, const DocumentInfoMap* cite) {
  Table t;
  t.columns = {"date", "subject", "predicate", "object", "recipient", "place", "modality", "doc"};
  if (cite != nullptr) {
    t.columns.push_back("title");
    t.columns.push_back("url");
  }
  t.columns.push_back("sentence");
  t.columns.push_back("statement");
  for (const TimelineGroup& g : timeline.groups) {
    for (const Statement& s : g.statements) {
      std::vector<std::string> row = {g.date,
                                      s.subject.label,
                                      s.predicate,
                                      ObjectText(s),
                                      s.recipient ? s.recipient->label : "",
                                      s.place ? s.place->label : "",
                                      std::string(ModalityName(s.modality)),
                                      s.doc};
      if (cite != nullptr) {
        auto document = cite->find(s.doc);
        row.push_back(document == cite->end() ? "" : document->second.title);
        row.push_back(document == cite->end() ? "" : document->second.url);
      }
      row.push_back(s.sentence);
      row.push_back(s.id);
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Result<DocumentInfoMap> TimelineDocuments(const Store& store, const Timeline& timeline) {
  std::set<std::string> ids;
  for (const TimelineGroup& g : timeline.groups) {
    for (const Statement& s : g.statements) ids.insert(s.doc);
  }
  return LookUpDocuments(store, ids);
}

}  // namespace parley
