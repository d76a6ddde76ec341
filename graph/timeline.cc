#include "graph/timeline.h"

#include <algorithm>
#include <tuple>

#include "graph/resolve.h"

namespace parley {
namespace {

std::string ObjectText(const Statement& s) {
  if (s.object) return s.object->label;
  if (s.text) return "\"" + *s.text + "\"";
  return "";
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

std::string FormatTimeline(const Timeline& timeline) {
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
      out += "  (" + s.doc + ")\n";
    }
  }
  return out;
}

Table TimelineTable(const Timeline& timeline) {
  Table t;
  t.columns = {"date",  "subject",  "predicate", "object",   "recipient",
               "place", "modality", "doc",       "sentence", "statement"};
  for (const TimelineGroup& g : timeline.groups) {
    for (const Statement& s : g.statements) {
      t.rows.push_back({g.date, s.subject.label, s.predicate, ObjectText(s),
                        s.recipient ? s.recipient->label : "", s.place ? s.place->label : "",
                        std::string(ModalityName(s.modality)), s.doc, s.sentence, s.id});
    }
  }
  return t;
}

}  // namespace parley
