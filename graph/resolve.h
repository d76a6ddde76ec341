// Name resolution for queries, entity cards and timelines: an analyst's name ("Putin",
// "xi jinping") or an entity id ("person:vladimir-putin") becomes one entity id, or an error
// that helps: a did-you-mean suggestion for a misspelling, the candidates with their types for
// an ambiguous name.
//
// Thread-safety: reads the store only; safe wherever the store's reads are.
#ifndef PARLEY_GRAPH_RESOLVE_H_
#define PARLEY_GRAPH_RESOLVE_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/store.h"

namespace parley {

// Resolves `name`, in this order:
//   1. an entity id the store holds ("state:japan");
//   2. a label or alias, case-insensitively (Store::FindEntitiesByName); when several entities
//      carry the name and exactly one has it as its label, that one.
// Errors:
//   NotFound "no entity matches 'Putn'; did you mean 'Putin'?" (the closest labels and aliases
//     by edit distance, up to three; without the suggestion when nothing is close);
//   InvalidArgument "'Alvarez' is ambiguous: person:anna-alvarez (person, Anna Alvarez), ...;
//     use one of these ids" for several candidates (all of them, sorted by id);
//   the store's own errors.
Result<std::string> ResolveEntity(const Store& store, std::string_view name);

}  // namespace parley

#endif  // PARLEY_GRAPH_RESOLVE_H_
