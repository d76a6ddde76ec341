#include "graph/store.h"

namespace parley {

std::string_view PutOutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kAdded:
      return "added";
    case PutOutcome::kReplaced:
      return "replaced";
    case PutOutcome::kUnchanged:
      return "unchanged";
    case PutOutcome::kDuplicate:
      return "duplicate";
  }
  return "unchanged";
}

Result<std::vector<PutOutcome>> Store::PutBatch(const std::vector<DocumentRecord>& records) {
  std::vector<PutOutcome> outcomes;
  outcomes.reserve(records.size());
  for (const DocumentRecord& record : records) {
    PARLEY_ASSIGN_OR_RETURN(PutOutcome outcome, Put(record));
    outcomes.push_back(outcome);
  }
  return outcomes;
}

Result<std::vector<std::string>> Store::DocumentsWithOtherRules(
    std::string_view fingerprint) const {
  std::vector<std::string> ids;
  PARLEY_RETURN_IF_ERROR(ScanStoredDocuments([&](const StoredDocument& d) {
    if (d.rules_fingerprint != fingerprint) ids.push_back(d.info.id);
    return true;
  }));
  return ids;
}

}  // namespace parley
