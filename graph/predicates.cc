#include "graph/predicates.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "base/text.h"

namespace parley {
namespace {

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string OrList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += Quoted(items[i]);
  }
  return out;
}

}  // namespace

Result<ResolvedPredicate> ResolvePredicate(const PredicateLookup& lookup, std::string_view word) {
  const std::string wanted = AsciiLower(TrimSpace(word));
  if (lookup.in_store.count(wanted)) return ResolvedPredicate{{wanted}, ""};
  const std::vector<std::string> known = lookup.known ? lookup.known() : std::vector<std::string>();
  const bool rule_predicate = std::find(known.begin(), known.end(), wanted) != known.end();
  if (!rule_predicate && lookup.synonyms) {
    std::vector<std::string> predicates = lookup.synonyms(wanted);
    if (!predicates.empty()) {
      std::string list;
      for (const std::string& p : predicates) list += (list.empty() ? "" : "|") + p;
      return ResolvedPredicate{std::move(predicates),
                               Quoted(word) + " read as the predicate " + list +
                                   " (the verb's predicate; 'parley vocab' lists them)"};
    }
  }
  if (rule_predicate) {
    return ResolvedPredicate{{wanted},
                             "no statement in this store has the predicate " + Quoted(wanted)};
  }
  // Close enough to be a typo: a third of the word, at least two edits.
  const size_t budget = std::max<size_t>(2, CountCodePoints(wanted) / 3);
  std::set<std::tuple<size_t, std::string>> near;
  std::set<std::string> candidates(known.begin(), known.end());
  for (const auto& [predicate, count] : lookup.in_store) candidates.insert(predicate);
  for (const std::string& candidate : candidates) {
    // "mett" is a typo of met_with's verb: compare with the part before '_' too.
    const size_t distance = std::min(
        EditDistance(wanted, candidate, budget),
        EditDistance(wanted, std::string_view(candidate).substr(0, candidate.find('_')), budget));
    if (distance <= budget) near.emplace(distance, candidate);
  }
  std::string message = "unknown predicate " + Quoted(word);
  if (!near.empty()) {
    std::vector<std::string> best;
    for (const auto& [distance, candidate] : near) {
      if (best.size() == 3) break;
      best.push_back(candidate);
    }
    message += "; did you mean " + OrList(best) + "?";
  }
  return NotFoundError(message + " ('parley vocab' lists the predicates)");
}

}  // namespace parley
