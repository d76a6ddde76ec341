// Compiling `sector` and `discard` blocks (rules/README.md section 14): the nouns that give an
// actor its sector ("Israeli soldiers" is Israel's military, CAMEO ISRMIL) into
// CompiledRules::sectors, the noun index the sector pass reads (sectors.h) and the group kinds of
// national groups.
//
//   sector MIL
//     label   military            # the group's label: "Israeli military"
//     group   military            # the group kind: group:israel-military; without it, the
//                                 # state itself ("the French government" is France, FRAGOV)
//     kind    armed-forces        # more group kinds that carry this code (national groups)
//     noun    soldier, troops, army, armed forces
//
// A noun matches case-insensitively, in the singular as written and in its regular plural
// ("soldier", "soldiers"; "ministry", "ministries"; "policeman", "policemen").
//
// Thread-safety: run by one thread while compiling.
#ifndef PARLEY_EXTRACT_RULE_SECTORS_H_
#define PARLEY_EXTRACT_RULE_SECTORS_H_

#include <string>
#include <string_view>

#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

// Compiles every `sector` block of `symbols` into `out`, reporting problems through `files`.
void CompileSectors(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out);

// Compiles every `discard` block (rules/README.md section 14): `sentence PHRASES` and
// `document PHRASES`, comma-separated word items, into out->discard_sentence and
// discard_document.
void CompileDiscards(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out);

// The regular English plural of a lower-case noun: "soldier" -> "soldiers", "ministry" ->
// "ministries", "press" -> "presses", "policeman" -> "policemen"; a word ending in a plural
// form already ("troops", "media", "police") is returned unchanged.
std::string RegularPlural(std::string_view noun);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_SECTORS_H_
