#include "graph/query.h"

#include <gtest/gtest.h>

#include "graph/synthetic_corpus.h"
#include "graph/table.h"
#include "tests/graph/test_corpus.h"

namespace parley {
namespace {

using testing::MakeTestStore;

class QueryTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> store_ = MakeTestStore();

  std::string Run(std::string_view pattern, const QueryOptions& options = {}) {
    auto result = RunQuery(*store_, pattern, options);
    if (!result.ok()) return result.status().ToString();
    return FormatRows(*result, TableFormat::kTable);
  }
};

TEST_F(QueryTest, PatternsMatchStatements) {
  struct Case {
    std::string pattern;
    std::string table;
  };
  std::vector<Case> cases = {
      {"?who proposed ?what",
       "who        what         time        recipient  place  modality  doc           sentence\n"
       "Ada Alpha  joint talks  2019-01-22  Syldavia          asserted  news/one.txt  Ada Alpha "
       "proposed \"joint talks\".\n"
       "Dee Alpha  Syldavia                                   hedged    news/two.txt  Dee Alpha "
       "proposed Syldavia.\n"},
      {"Beta offered|proposed ?what",
       "what          time     recipient  place  modality  doc           sentence\n"
       "=a ceasefire  2019-03  Borduria          asserted  news/two.txt  Bo Beta offered \"=a "
       "ceasefire\".\n"},
      {"?p holds_office Borduria . ?p proposed ?what",
       "p          what         time        recipient  place  modality  doc           sentence\n"
       "Ada Alpha  joint talks  2019-01-22  Syldavia          asserted  news/one.txt  Ada Alpha "
       "proposed \"joint talks\".\n"},
      {"?x ?rel Syldavia",
       "x          rel           time  recipient  place  modality  doc           sentence\n"
       "Bo Beta    holds_office                          asserted  news/one.txt  Bo Beta "
       "holds_office Syldavia.\n"
       "Dee Alpha  proposed                              hedged    news/two.txt  Dee Alpha "
       "proposed Syldavia.\n"},
      {"?x met \"ada alpha\"",
       "x         time        recipient  place  modality  doc           sentence\n"
       "Cy Gamma  2019-02-01                    asserted  news/two.txt  Cy Gamma met Ada Alpha.\n"},
      {"person:cy-gamma met ?y",
       "y          time        recipient  place  modality  doc           sentence\n"
       "Ada Alpha  2019-02-01                    asserted  news/two.txt  Cy Gamma met Ada "
       "Alpha.\n"},
      // A variable twice: only statements whose subject is their own object.
      {"?x met ?x", "x  time  recipient  place  modality  doc  sentence\n"},
      // The join runs through the met statement's object.
      {"?a met ?b . ?b proposed ?c",
       "a         b          c            time        recipient  place  modality  doc           "
       "sentence\n"
       "Cy Gamma  Ada Alpha  joint talks  2019-01-22  Syldavia          asserted  news/one.txt  "
       "Ada Alpha proposed \"joint talks\".\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    EXPECT_EQ(Run(c.pattern), c.table);
  }
}

TEST_F(QueryTest, HelpfulErrors) {
  struct Case {
    std::string pattern;
    std::string error;
  };
  std::vector<Case> cases = {
      {"Gama met ?x", "not_found: no entity matches 'Gama'; did you mean 'Gamma'?"},
      {"Zebedee met ?x", "not_found: no entity matches 'Zebedee'"},
      {"Alpha met ?x",
       "invalid_argument: 'Alpha' is ambiguous: person:ada-alpha (person, Ada Alpha), "
       "person:dee-alpha (person, Dee Alpha); use one of these ids"},
      {"?x met \"Cy", "invalid_argument: column 8: unterminated quote\n?x met \"Cy\n       ^"},
      {"?x met Borduria Syldavia",
       "invalid_argument: column 17: expected ' . ' or the end after the object; quote names "
       "with spaces, e.g. \"Xi Jinping\"\n?x met Borduria Syldavia\n                ^"},
      {"?x met",
       "invalid_argument: column 7: expected an object after the predicate\n?x met\n"
       "      ^"},
      {"?x", "invalid_argument: column 3: expected a predicate and an object\n?x\n  ^"},
      {"? met ?y",
       "invalid_argument: column 1: a variable is '?' and a name of letters, digits or '_', "
       "e.g. ?who\n? met ?y\n^"},
      {"?x a||b ?y",
       "invalid_argument: column 6: empty predicate; write alternatives as proposed|offered\n"
       "?x a||b ?y\n     ^"},
      {"?x met ?y .",
       "invalid_argument: column 12: expected a pattern after '.'\n?x met ?y .\n           ^"},
      {"  ",
       "invalid_argument: column 3: expected a pattern such as '?who proposed ?what'\n  \n"
       "  ^"},
      {"?x met ?y", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    auto result = RunQuery(*store_, c.pattern);
    EXPECT_EQ(result.status().ToString(), c.error.empty() ? "ok" : c.error);
  }
}

TEST_F(QueryTest, Filters) {
  struct Case {
    std::string name;
    QueryOptions options;
    std::vector<std::string> statements;  // sentences of the rows, in order
  };
  std::vector<Case> cases = {
      {"all, by time, undated last",
       {},
       {"Ada Alpha holds_office Borduria.", "Bo Beta met Cy Gamma.",
        "Ada Alpha proposed \"joint talks\".", "Cy Gamma met Ada Alpha.",
        "Bo Beta offered \"=a ceasefire\".", "Bo Beta holds_office Syldavia.",
        "Dee Alpha proposed Syldavia."}},
      {"since",
       {.since = "2019-02"},
       {"Cy Gamma met Ada Alpha.", "Bo Beta offered \"=a ceasefire\"."}},
      {"until", {.until = "2018"}, {"Ada Alpha holds_office Borduria.", "Bo Beta met Cy Gamma."}},
      {"modality", {.modality = Modality::kReported}, {"Bo Beta met Cy Gamma."}},
      {"doc",
       {.doc = "news/one.txt"},
       {"Ada Alpha holds_office Borduria.", "Ada Alpha proposed \"joint talks\".",
        "Bo Beta holds_office Syldavia."}},
      {"limit", {.limit = 2}, {"Ada Alpha holds_office Borduria.", "Bo Beta met Cy Gamma."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto result = RunQuery(*store_, "?x ?p ?y", c.options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    std::vector<std::string> sentences;
    for (const QueryRow& row : result->rows) sentences.push_back(row.primary().sentence);
    EXPECT_EQ(sentences, c.statements);
    EXPECT_EQ(result->truncated, c.options.limit > 0);
  }
  auto typed = RunQuery(*store_, "?x holds_office ?y", {.type = EntityType::kState});
  ASSERT_TRUE(typed.ok());
  EXPECT_TRUE(typed->rows.empty());
  auto bad = RunQuery(*store_, "?x ?p ?y", {.since = "last week"});
  EXPECT_EQ(bad.status().ToString(),
            "invalid_argument: invalid date 'last week' (expected YYYY, YYYY-MM or "
            "YYYY-MM-DD)");
}

TEST_F(QueryTest, PlannerPicksTheIndex) {
  struct Case {
    std::string pattern;
    QueryOptions options;
    std::string plan;
  };
  std::vector<Case> cases = {
      {"?who proposed ?what",
       {},
       "1. pattern 1 `?who proposed ?what`: predicate-first (pos) predicate=proposed\n"},
      {"Beta ?p ?o", {}, "1. pattern 1 `Beta ?p ?o`: subject-first (spo) subject=person:bo-beta\n"},
      {"?s ?p Borduria",
       {},
       "1. pattern 1 `?s ?p Borduria`: object-first (osp) object=state:borduria\n"},
      {"?s ?p ?o",
       {.since = "2019", .until = "2019-06"},
       "1. pattern 1 `?s ?p ?o`: time (time) since=2019 until=2019-06\n"},
      {"?s ?p ?o", {}, "1. pattern 1 `?s ?p ?o`: full (statements)\n"},
      {"?p proposed ?what . ?p holds_office Borduria",
       {.modality = Modality::kAsserted},
       "1. pattern 2 `?p holds_office Borduria`: object-first (osp) object=state:borduria; then "
       "filter: predicate=holds_office, modality=asserted\n"
       "2. pattern 1 `?p proposed ?what`: subject-first (spo) subject=?p predicate=proposed\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    auto plan = PlanQuery(*store_, c.pattern, c.options);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_EQ(plan->ToString(), c.plan);
  }
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// A join of patterns without a single constant re-scans the store per partial row; it must end
// with an error that says how to narrow it, not run for hours (found by the query fuzzer).
TEST(QueryBudgetTest, UnconstrainedJoinEndsWithResourceExhausted) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 20; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  auto result = RunQuery(*store, "?a ?b ?c . ?d ?e ?f . ?g ?h ?i");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  // Whichever budget runs out first (rows or statement reads), the message says how to narrow.
  EXPECT_NE(result.status().message().find("name an entity or a predicate"), std::string::npos)
      << result.status().message();
}

// A limit gives exactly the first rows of the unlimited answer, in its order (each sort
// order, grouped or not; sorted rows past about twice the limit are dropped as the join goes);
// without sorting the join stops there.
TEST(QueryBudgetTest, LimitKeepsTheFirstRowsOfTheFullAnswer) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 300; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  for (RowOrder order : {RowOrder::kDate, RowOrder::kSources, RowOrder::kSubject}) {
    for (bool group : {false, true}) {
      SCOPED_TRACE("order " + std::to_string(static_cast<int>(order)) + (group ? ", grouped" : ""));
      QueryOptions unlimited;
      unlimited.order = order;
      unlimited.group = group;
      auto all = RunQuery(*store, "?a ?p ?b", unlimited);
      ASSERT_TRUE(all.ok()) << all.status().ToString();
      ASSERT_GT(all->rows.size(), 1000u);
      for (size_t limit : {1, 10, 100, 1000}) {
        SCOPED_TRACE(limit);
        QueryOptions options = unlimited;
        options.limit = limit;
        auto limited = RunQuery(*store, "?a ?p ?b", options);
        ASSERT_TRUE(limited.ok()) << limited.status().ToString();
        EXPECT_TRUE(limited->truncated);
        ASSERT_EQ(limited->rows.size(), limit);
        for (size_t i = 0; i < limit; ++i) {
          EXPECT_EQ(limited->rows[i].primary().id, all->rows[i].primary().id) << i;
          EXPECT_EQ(limited->rows[i].bindings, all->rows[i].bindings) << i;
          EXPECT_EQ(limited->rows[i].sources, all->rows[i].sources) << i;
        }
      }
    }
  }
  QueryOptions unsorted;
  unsorted.limit = 5;
  unsorted.sort_by_time = false;
  unsorted.max_statement_reads = 100;  // stopping at the limit reads few
  auto first = RunQuery(*store, "?a ?p ?b", unsorted);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->rows.size(), 5u);
  EXPECT_TRUE(first->truncated);
}

TEST(QueryBudgetTest, MemoryBudgetEndsTheQueryWithAClearError) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 300; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  QueryOptions options;
  options.max_memory_bytes = 256 << 10;
  auto result = RunQuery(*store, "?a ?p ?b", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(result.status().message(),
            "the query needs more than its memory budget of 0 MB; name an entity or a predicate "
            "in each pattern, add --since/--until or --limit, or raise --max-memory");
  // A cross product with a limit: the limited answer, or the read budget's error; never more
  // memory than the budget.
  options.max_memory_bytes = 8 << 20;
  options.limit = 10;
  options.max_statement_reads = 200000;
  auto cross = RunQuery(*store, "?a ?p ?b . ?c ?q ?d", options);
  if (cross.ok()) {
    EXPECT_EQ(cross->rows.size(), 10u);
  } else {
    EXPECT_EQ(cross.status().code(), StatusCode::kResourceExhausted);
  }
}

// A join of thousands of patterns ends within its budgets.
TEST(QueryBudgetTest, ThousandsOfPatternsEndWithinTheBudget) {
  std::unique_ptr<Store> store = NewMemoryStore();
  for (uint64_t i = 0; i < 50; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  std::string pattern;
  for (int i = 0; i < 3000; ++i) {
    if (i > 0) pattern += " . ";
    pattern += "?x" + std::to_string(i) + " ?p" + std::to_string(i) + " ?y" + std::to_string(i);
  }
  QueryOptions options;
  options.limit = 5;
  options.max_memory_bytes = 64 << 20;
  auto result = RunQuery(*store, pattern, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted) << result.status().ToString();
}

}  // namespace
}  // namespace parley
