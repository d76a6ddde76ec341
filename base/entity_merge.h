// Merging records of one entity. The same entity (one id) reaches a consumer many times: once
// per document that mentions it, or twice in one record. Every layer that folds such records
// into one uses these functions, so the store, `parley extract --format entities` and
// `parley ingest --statements` agree on what a merged entity is:
//   - the first record's label stays the label; any other label becomes an alias (nothing a
//     document called the entity is lost);
//   - aliases are united, sorted, unique, without the label;
//   - per attribute, the first record's value stays;
//   - roles are united, sorted by (office, country, from, to), unique;
//   - mentions add up.
// (The store presents an entity from counted contributions instead, graph/keys.h ToEntity: the
// label most documents use; it too keeps every other label as an alias.)
//
// Thread-safety: pure functions.
#ifndef PARLEY_BASE_ENTITY_MERGE_H_
#define PARLEY_BASE_ENTITY_MERGE_H_

#include "base/types.h"

namespace parley {

// Merges `from` into `into` as described above and normalises `into`'s names and roles
// (NormalizeEntityNames). REQUIRES: from.id == into->id.
void MergeEntityInto(const Entity& from, Entity* into);

// Sorts and de-duplicates aliases (dropping any equal to the label) and roles.
void NormalizeEntityNames(Entity* entity);

// Whether NormalizeEntityNames would leave `entity` as it is.
bool HasNormalEntityNames(const Entity& entity);

}  // namespace parley

#endif  // PARLEY_BASE_ENTITY_MERGE_H_
