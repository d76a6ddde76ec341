// Mentions made by rules rather than lists: `discover` rules create document-local entities from
// their context ("Japanese Foreign Minister Kenji Tanabe"), `coref` rules resolve descriptions
// and pronouns to the entity they denote ("the Japanese prime minister", "he")
// (rules/README.md sections 6 and 7). This is where discovery and coreference behaviour
// lives; the matcher (rule_matcher.cc) decides when they run.
//
// Thread-safety: per document, on one thread.
#ifndef PARLEY_EXTRACT_MENTION_RULES_H_
#define PARLEY_EXTRACT_MENTION_RULES_H_

#include <span>
#include <string>
#include <vector>

#include "extract/mentions.h"
#include "extract/rule_matcher.h"
#include "extract/rule_prefilter.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// The one person who held `office` (lower case) of `country` (an entity id) on `date` (ISO,
// possibly partial: the unit's Tagged::date; no listed holder when empty), or for persons
// discovered in this document at any time, or null.
const EntityDef* HolderOf(const DocState& doc, const std::string& office,
                          const std::string& country, const std::string& date);

// Runs every discover rule on `s`. A new entity becomes a document-local entity of `doc`
// (matched by Tag from then on: its full name and, when safe, its last word); every match is
// appended to out->discoveries.
void Discover(const Tagged& s, Prefilter* prefilter, DocState* doc, DocumentAnalysis* out);

// True when a word of `label` (case-insensitive, words split at spaces) is `head`, a
// lower-case noun, or its plural or singular with a final "s": "treaty" and "Nine-Power
// Treaty", "accord" and "Camp David Accords"; not "treaty" and "Open Door Policy".
bool LabelHasHeadNoun(std::string_view label, std::string_view head);

// Runs every coref rule on `*s`. A resolved description becomes a kCoref mention replacing the
// mentions it covers, and `*s`'s units are rebuilt (the prefilter is told). `earlier` is the
// document's sentences before `*s`, in order: the last for `resolve previous-TYPE` (the only
// entity of the type it names; of several, the only one whose label has the match's last word
// as a word, LabelHasHeadNoun: "the treaty" after a treaty and a policy), all for
// `resolve named-TYPE` (the entities of that type named so far whose label ends with the
// match's last word, "Senate" of "the Senate": the only one, else the only one of the
// document's country, else the last named; none when a name goes on after the match, "the
// Senate Armed Services Committee"). Appends (rule, entity id) to out->corefs.
void Coref(Tagged* s, std::span<const Tagged> earlier, Prefilter* prefilter, const DocState& doc,
           DocumentAnalysis* out);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_MENTION_RULES_H_
