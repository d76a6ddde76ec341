#include "graph/scan_plan.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(ScanPlanTest, PicksTheNarrowestIndex) {
  struct Case {
    std::string name;
    StatementFilter filter;
    ScanIndex index;
    std::string description;
  };
  std::vector<Case> cases = {
      {"nothing", {}, ScanIndex::kFull, "full (statements)"},
      {"doc wins",
       {.subject = "person:a", .doc = "d.txt"},
       ScanIndex::kDocument,
       "document (doc_contents) doc=d.txt; then filter: subject=person:a"},
      {"subject and predicate",
       {.subject = "person:a", .predicates = {"met", "proposed"}},
       ScanIndex::kSubjectFirst,
       "subject-first (spo) subject=person:a predicate=met|proposed"},
      {"subject, predicate, object",
       {.subject = "person:a", .object = "state:b", .predicates = {"met"}},
       ScanIndex::kSubjectFirst,
       "subject-first (spo) subject=person:a predicate=met object=state:b"},
      {"subject and object without predicate",
       {.subject = "person:a", .object = "state:b"},
       ScanIndex::kSubjectFirst,
       "subject-first (spo) subject=person:a; then filter: object=state:b"},
      {"object beats predicate",
       {.object = "state:b", .predicates = {"met"}},
       ScanIndex::kObjectFirst,
       "object-first (osp) object=state:b; then filter: predicate=met"},
      {"involving",
       {.involving = "state:b", .since = "2019"},
       ScanIndex::kInvolving,
       "involving (spo+osp+involves) involving=state:b; then filter: since=2019"},
      {"predicate beats time",
       {.predicates = {"met"}, .until = "2001"},
       ScanIndex::kPredicateFirst,
       "predicate-first (pos) predicate=met; then filter: until=2001"},
      {"time",
       {.since = "2019", .until = "2020-03", .modality = Modality::kHedged},
       ScanIndex::kTime,
       "time (time) since=2019 until=2020-03; then filter: modality=hedged"},
      {"time needs a bound",
       {.require_time = true},
       ScanIndex::kFull,
       "full (statements); then filter: has time"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ScanPlan plan = PlanScan(c.filter);
    EXPECT_EQ(plan.index, c.index);
    EXPECT_EQ(plan.description, c.description);
  }
}

}  // namespace
}  // namespace parley
