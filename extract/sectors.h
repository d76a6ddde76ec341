// Sector actors and demonym actors (rules/README.md section 14): a country (a state, its
// demonym, a place acting as it) or an organization with a sector noun (rule_sectors.h) is one
// actor mention:
//
//   "Israeli soldiers", "Osgiliath soldiers"      group:israel-military, code ISRMIL
//   "Gondor's government", "the French minister"  state:france as FRAGOV (a sector without a
//                                                  group is the state itself)
//   "Soldiers from Gondor", "lawmakers in Fornost", "the ambassadors of A, B and C"
//                                                  the same, for every coordinated country
//                                                  (after "from" or "in" at a sentence's start
//                                                  only; an organization's: nouns of a sector
//                                                  with a group only, "activists of Amnesty")
//   "Lawmakers and officials in Fornost and Gondor"
//                                                  each noun with each country: FORLEG, FORGOV
//                                                  (Mention::also), GONLEG, GONGOV
//   "Danish media and government"                  DNKMED, and DNKGOV for "government"
//   "Arnor former security officials", "former Gondor prosecutors", "Former officials in Arnor"
//                                                  the country's elite, whatever the nouns'
//                                                  sectors (TABARI's FORMER conversion, CAMEO
//                                                  ELI: group:arnor-elite, ARNELI), when the
//                                                  rules have a sector of code ELI
//   "American and Japanese officials", "U.S. and Mexican officials", "U.S. and EU officials"
//                                                  each listed country or body with the shared
//                                                  noun (a state before a national group: its
//                                                  group of that kind); members are demonyms and
//                                                  abbreviations ("U.S.", "EU"), not full names
//   "Hamas gunmen"                                 the organization, code + MIL
//   "the Japanese", "an Eriadorian" (a demonym with a determiner, before a verb or the end of
//                                    the phrase)  the state; so is "the Syrians" (a plural,
//                                    rule_entities.h), which without a determiner is no mention
//
// A noun directly followed by a name ("Russian President Vladimir Putin") is a title, not an
// actor: the pass leaves it to the clause layer. Group entities no rule defines are made for the
// document ("group:gondor-police", label "Gondor police", attributes country and kind), like
// discovered entities.
//
// Runs after coreference, so that "the Russian president" a `resolve role` rule resolves stays
// that person.
//
// Thread-safety: per document, on one thread (the DocState's sector cache is its own).
#ifndef PARLEY_EXTRACT_SECTORS_H_
#define PARLEY_EXTRACT_SECTORS_H_

#include "extract/mentions.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// Rewrites s->mentions with the sector and demonym actors above; returns true when it changed
// them (the caller then rebuilds the units: BuildUnits). REQUIRES: s is tagged (Tag).
bool ApplySectors(const DocState& doc, Tagged* s);

// The entity a mention counts for: a sector view's entity, else the mention's own.
const EntityDef* CountedEntity(const EntityDef* def);

// True when the words of `s` hold one of `phrases` (`discard` phrases by first token:
// CompiledRules::discard_sentence or discard_document), case-insensitively, whole words.
bool HoldsPhrase(const Tagged& s, const StringMap<std::vector<Cue>>& phrases);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_SECTORS_H_
