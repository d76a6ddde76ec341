// Predicates as analysts type them: checked against what the store holds, plain verbs mapped to
// the predicates they produce ("met" -> met_with), misspellings given a did-you-mean. Used for
// the predicates of `query` patterns and of `graph`/`export --predicate`.
//
// graph/ cannot read the rules (extract/), so what the rules know comes in through
// PredicateLookup, which the CLI backs with extract/vocabulary.h.
//
// Thread-safety: pure functions of their arguments and the lookup's functions.
#ifndef PARLEY_GRAPH_PREDICATES_H_
#define PARLEY_GRAPH_PREDICATES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parley {

struct PredicateLookup {
  // Predicate -> statements, as Store::Stats gives them.
  std::map<std::string, uint64_t> in_store;
  // The predicates a plain word names ("met" -> met_with), sorted; empty when none. Unset: no
  // synonyms.
  std::function<std::vector<std::string>(std::string_view word)> synonyms;
  // Every predicate the rules can produce. Unset: only the store's are known.
  std::function<std::vector<std::string>()> known;
};

struct ResolvedPredicate {
  std::vector<std::string> predicates;  // what to match: one or more predicates
  std::string note;                     // for the user, when the word was read as something else
};

// What `word` (any case) asks for:
//  1. a predicate the store holds: itself;
//  2. a word the synonyms map: those predicates, with a note ("'met' read as met_with");
//  3. a predicate the rules know that the store does not hold: itself, with a note that no
//     statement has it;
// Errors: NotFound "unknown predicate 'propsed'; did you mean 'proposed'? ('parley vocab' lists
// them)", the suggestions being the closest predicates of the store and the rules.
Result<ResolvedPredicate> ResolvePredicate(const PredicateLookup& lookup, std::string_view word);

}  // namespace parley

#endif  // PARLEY_GRAPH_PREDICATES_H_
