#include "graph/scan_plan.h"

#include "base/types.h"
#include "graph/join.h"

namespace parley {

using internal::Join;

std::string_view ScanIndexName(ScanIndex index) {
  switch (index) {
    case ScanIndex::kDocument:
      return "document";
    case ScanIndex::kSubjectFirst:
      return "subject-first";
    case ScanIndex::kObjectFirst:
      return "object-first";
    case ScanIndex::kInvolving:
      return "involving";
    case ScanIndex::kPredicateFirst:
      return "predicate-first";
    case ScanIndex::kTime:
      return "time";
    case ScanIndex::kFull:
      return "full";
  }
  return "full";
}

ScanPlan PlanScan(const StatementFilter& f) {
  ScanPlan plan;
  std::vector<std::string> keyed;  // fields the index prefix uses
  std::vector<std::string> rest;   // fields checked on each statement
  auto field = [](std::string_view name, std::string_view value) {
    std::string out(name);
    out.push_back('=');
    out.append(value);
    return out;
  };
  std::string predicates = Join(f.predicates, "|");
  if (f.doc) {
    plan.index = ScanIndex::kDocument;
    keyed.push_back(field("doc", *f.doc));
  } else if (f.subject) {
    plan.index = ScanIndex::kSubjectFirst;
    keyed.push_back(field("subject", *f.subject));
    if (!f.predicates.empty()) keyed.push_back(field("predicate", predicates));
    if (!f.predicates.empty() && f.object) keyed.push_back(field("object", *f.object));
  } else if (f.object) {
    plan.index = ScanIndex::kObjectFirst;
    keyed.push_back(field("object", *f.object));
  } else if (f.involving) {
    plan.index = ScanIndex::kInvolving;
    keyed.push_back(field("involving", *f.involving));
  } else if (!f.predicates.empty()) {
    plan.index = ScanIndex::kPredicateFirst;
    keyed.push_back(field("predicate", predicates));
  } else if (f.since || f.until) {
    plan.index = ScanIndex::kTime;
    if (f.since) keyed.push_back(field("since", *f.since));
    if (f.until) keyed.push_back(field("until", *f.until));
  }
  auto keyed_has = [&](std::string_view name) {
    for (std::string_view k : keyed) {
      if (k.substr(0, k.find('=')) == name) return true;
    }
    return false;
  };
  if (f.doc && !keyed_has("doc")) rest.push_back(field("doc", *f.doc));
  if (f.subject && !keyed_has("subject")) rest.push_back(field("subject", *f.subject));
  if (f.object && !keyed_has("object")) rest.push_back(field("object", *f.object));
  if (f.involving && !keyed_has("involving")) rest.push_back(field("involving", *f.involving));
  if (!f.predicates.empty() && !keyed_has("predicate")) {
    rest.push_back(field("predicate", predicates));
  }
  if (f.since && !keyed_has("since")) rest.push_back(field("since", *f.since));
  if (f.until && !keyed_has("until")) rest.push_back(field("until", *f.until));
  if (f.require_time) rest.push_back("has time");
  if (f.text_dates_only && (f.since || f.until || f.require_time))
    rest.push_back("text dates only");
  if (f.modality) rest.push_back(field("modality", ModalityName(*f.modality)));

  static constexpr std::string_view kFamilies[] = {
      "doc_contents", "spo", "osp", "spo+osp+involves", "pos", "time", "statements"};
  std::string& d = plan.description;
  d.append(ScanIndexName(plan.index));
  d.append(" (");
  d.append(kFamilies[static_cast<int>(plan.index)]);
  d.push_back(')');
  if (!keyed.empty()) {
    d.push_back(' ');
    d.append(Join(keyed, " "));
  }
  if (!rest.empty()) {
    d.append("; then filter: ");
    d.append(Join(rest, ", "));
  }
  return plan;
}

}  // namespace parley
