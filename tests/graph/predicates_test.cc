// Tests of graph/predicates.h: how a predicate typed in a query or --predicate resolves.
#include "graph/predicates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

PredicateLookup Lookup() {
  PredicateLookup lookup;
  lookup.in_store = {{"met_with", 4}, {"proposed", 2}, {"criticized", 1}};
  lookup.known = [] {
    return std::vector<std::string>{"condemned", "criticized", "met_with", "praised", "proposed"};
  };
  lookup.synonyms = [](std::string_view word) {
    if (word == "met") return std::vector<std::string>{"met_with"};
    if (word == "blasted") return std::vector<std::string>{"condemned", "criticized"};
    if (word == "praised") return std::vector<std::string>{"thanked"};  // never consulted
    return std::vector<std::string>();
  };
  return lookup;
}

TEST(ResolvePredicateTest, Table) {
  struct Case {
    std::string word;
    std::vector<std::string> predicates;
    std::string note;
  };
  const std::vector<Case> cases = {
      {"met_with", {"met_with"}, ""},
      {"PROPOSED", {"proposed"}, ""},
      {"met",
       {"met_with"},
       "'met' read as the predicate met_with (the verb's predicate; "
       "'parley vocab' lists them)"},
      {"blasted",
       {"condemned", "criticized"},
       "'blasted' read as the predicate condemned|criticized (the verb's predicate; 'parley "
       "vocab' lists them)"},
      // A predicate of the rules is itself, even when a verb of that spelling maps elsewhere.
      {"praised", {"praised"}, "no statement in this store has the predicate 'praised'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    Result<ResolvedPredicate> r = ResolvePredicate(Lookup(), c.word);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->predicates, c.predicates);
    EXPECT_EQ(r->note, c.note);
  }
}

TEST(ResolvePredicateTest, UnknownWordsFailWithSuggestions) {
  struct Case {
    std::string word;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"propsed",
       "unknown predicate 'propsed'; did you mean 'proposed' or 'praised'? ('parley vocab' "
       "lists the predicates)"},
      {"mett",
       "unknown predicate 'mett'; did you mean 'met_with'? ('parley vocab' lists the "
       "predicates)"},
      {"xyzzyq", "unknown predicate 'xyzzyq' ('parley vocab' lists the predicates)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    Result<ResolvedPredicate> r = ResolvePredicate(Lookup(), c.word);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(r.status().message(), c.message);
  }
}

TEST(ResolvePredicateTest, WithoutRulesOnlyTheStoreIsKnown) {
  PredicateLookup lookup;
  lookup.in_store = {{"met_with", 1}};
  EXPECT_TRUE(ResolvePredicate(lookup, "met_with").ok());
  Result<ResolvedPredicate> r = ResolvePredicate(lookup, "met");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "unknown predicate 'met'; did you mean 'met_with'? ('parley vocab' lists the "
            "predicates)");
}

}  // namespace
}  // namespace parley
