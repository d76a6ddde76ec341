// Compiling the `actors` blocks (rules/README.md section 13, "Collective and implicit actors")
// into CompiledRules::actors: the collective nouns, speaker labels, document words, office nouns,
// country domains and gender titles that participants.h reads. Blocks of one name add up, like
// `modality` blocks.
//
// Thread-safety: run by one thread while compiling.
#ifndef PARLEY_EXTRACT_RULE_ACTORS_H_
#define PARLEY_EXTRACT_RULE_ACTORS_H_

#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

// Compiles every `actors` block of `symbols` into out->actors, reporting unknown block names
// and properties, empty items, unknown word lists and unknown entities. Every state with an
// `iso2` attribute names its country-code top-level domain; `domain` lines add others.
// REQUIRES: the entities are compiled (out->entity_index is filled).
void CompileActors(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_ACTORS_H_
