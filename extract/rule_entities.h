// The entity compiler: `entity` blocks (rules/README.md section 2) into the entity table
// (CompiledRules::entities, sorted by id, and entity_index), the literal alias index
// (alias_index.h), the entity patterns, their RE2::Set and its gate (EntityPatternGate: the
// tokens every match of a pattern holds, interned in the alias index), and the office holders that
// `resolve role` looks up. A stage of RuleSet::Compile, after the symbol tables.
//
// Thread-safety: run by one thread.
#ifndef PARLEY_EXTRACT_RULE_ENTITIES_H_
#define PARLEY_EXTRACT_RULE_ENTITIES_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

// Compiles every entity of `symbols.entity_blocks` into `out`, reporting each problem through
// `files`. An imported block of the same id (EntityBlock::imported) is merged in: its
// aliases, adjectives and roles are added (the roles as imported roles, EntityDef::
// imported_roles), its attributes only where the hand-written block has none of that key; its
// label and patterns are not used. A state's adjective also matches in the plural
// (PluralDemonym: "Syrians"), as a demonym, unless some entity has that text as its label, an
// alias or an adjective ("Soviets" is an alias of the Soviet Union). Returns the number of
// literal aliases indexed (labels, aliases, adjectives, plurals).
size_t CompileEntities(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out);

// The options of the entity patterns' RE2 programs (EntityPattern::re) and of their set.
RE2::Options EntityPatternOptions();
// The RE2::Set of `patterns`' expressions, in order (CompiledRules::entity_pattern_set): null
// when RE2 refuses one of them; *compiled says whether the set compiled (false: too large).
// Shared by the compiler and the snapshot reader (rule_snapshot.h), which rebuilds the set.
std::unique_ptr<RE2::Set> EntityPatternSet(const std::vector<EntityPattern>& patterns,
                                           bool* compiled);

// The plural of a state's demonym that is a noun too: the adjective + "s" for one capitalised
// word ending in -an, -i, -k, -ot, -av, -ino, -er or -ene ("Syrian" -> "Syrians", "Israeli",
// "Greek", "Cypriot", "Yugoslav"); nullopt otherwise ("Japanese", "British", "French",
// "Hellenic", "PRC", "U.S.").
std::optional<std::string> PluralDemonym(std::string_view adjective);

// Whether `adjective` has a plural by PluralDemonym.
bool DemonymTakesPlural(std::string_view adjective);

// True for an actor code: upper-case letters and digits ("RUSGOV"), several joined by '/'.
bool IsActorCode(std::string_view code);

// Checks an entity id `<type>:<slug>` written at `col` of `line` of block `b`'s source.
bool CheckEntityId(RuleFiles* files, const RuleBlock& b, int line, std::string_view id, int col);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_ENTITIES_H_
