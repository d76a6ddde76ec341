#include "graph/citation.h"

#include "base/date.h"

namespace parley {

std::string SourceDay(const Statement& statement) {
  if (Result<PartialDate> date = PartialDate::Parse(statement.doc_date); date.ok()) {
    return date->FirstDayString();
  }
  return statement.time ? statement.time->start : std::string();
}

Result<DocumentInfoMap> LookUpDocuments(const Store& store, const std::set<std::string>& ids) {
  DocumentInfoMap documents;
  for (const std::string& id : ids) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<StoredDocument> stored, store.GetStoredDocument(id));
    if (stored) documents.emplace(id, std::move(stored->info));
  }
  return documents;
}

}  // namespace parley
