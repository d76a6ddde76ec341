// The vocabulary a rule set gives analysts (`parley vocab`): every predicate its relation rules
// and frames produce, with PLOVER and CAMEO codes, the rules, verbs and words that produce it
// and an example; and which predicates a word of plain English names, so a query may say "met"
// for met_with or "condemned" for criticized.
//
// Thread-safety: pure functions of an immutable RuleSet.
#ifndef PARLEY_EXTRACT_VOCABULARY_H_
#define PARLEY_EXTRACT_VOCABULARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_set.h"
#include "extract/rule_source.h"

namespace parley {

struct PredicateInfo {
  std::string predicate;            // e.g. "met_with"
  std::vector<std::string> plover;  // PLOVER types of its rules, distinct, in rule-id order
  std::vector<std::string> cameo;   // CAMEO codes of its rules, distinct, in rule-id order
  // Ids of the relation rules and frames that produce it, sorted, each with "path:line".
  std::vector<std::string> rules;
  // The verbs its frames read ("meet", "stand with"), sorted: lemmas, with their particles.
  std::vector<std::string> verbs;
  // The words its token patterns require (lower-cased, sorted): the verbs and nouns that
  // trigger it ("met", "meeting", "talks"). Function words (the lexicon's closed classes:
  // "with", "the", "has") and words most predicates' patterns require are left out.
  std::vector<std::string> words;
  std::string example;  // the first example sentence of its first rule that has one
  std::string expect;   // what that example must give (the rule's `expect` line)
};

// The predicates the `relation` and `frame` blocks of `sources` name, sorted and distinct, read
// by the rule-file parser alone (a few milliseconds for the default rules, where compiling them
// takes a few hundred): enough to tell a predicate from a typo. Blocks that do not parse are
// skipped; RuleSet::Compile reports them.
std::vector<std::string> PredicateNames(const std::vector<RuleSource>& sources);

// One entry per predicate the rules can produce, sorted by predicate.
std::vector<PredicateInfo> DescribePredicates(const RuleSet& rules);

// What the PLOVER type means, in a few words ("meet, visit, call or talk"); "" for a type
// outside PLOVER's sixteen.
std::string_view PloverGloss(std::string_view plover);

// The predicates `word` (any case) names: a predicate's own name; else the predicates of the
// frames whose verb it is a form of ("met" -> meet -> met_with, "condemned" -> condemn ->
// criticized); else those whose patterns require it. Sorted; empty when none.
std::vector<std::string> PredicatesForWord(const RuleSet& rules,
                                           const std::vector<PredicateInfo>& vocabulary,
                                           std::string_view word);

}  // namespace parley

#endif  // PARLEY_EXTRACT_VOCABULARY_H_
