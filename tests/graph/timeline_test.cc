#include "graph/timeline.h"

#include <gtest/gtest.h>

#include "tests/graph/test_corpus.h"

namespace parley {
namespace {

TEST(TimelineTest, WholeStoreInDateOrder) {
  auto store = testing::MakeTestStore();
  auto timeline = BuildTimeline(*store, "");
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  EXPECT_EQ(timeline->statements, 5u);
  EXPECT_EQ(FormatTimeline(*timeline),
            "2018\n"
            "  Ada Alpha holds_office Borduria  (news/one.txt)\n"
            "2018-12\n"
            "  Bo Beta met Cy Gamma [reported]  (news/two.txt)\n"
            "2019-01-22\n"
            "  Ada Alpha proposed \"joint talks\" to Syldavia  (news/one.txt)\n"
            "2019-02-01\n"
            "  Cy Gamma met Ada Alpha  (news/two.txt)\n"
            "2019-03\n"
            "  Bo Beta offered \"=a ceasefire\" to Borduria  (news/two.txt)\n");
}

TEST(TimelineTest, OneEntityWithinDates) {
  auto store = testing::MakeTestStore();
  struct Case {
    std::string name;
    TimelineOptions options;
    std::string text;
  };
  std::vector<Case> cases = {
      {"Cy Gamma",
       {},
       "2018-12\n  Bo Beta met Cy Gamma [reported]  (news/two.txt)\n"
       "2019-02-01\n  Cy Gamma met Ada Alpha  (news/two.txt)\n"},
      {"Gamma", {.since = "2019"}, "2019-02-01\n  Cy Gamma met Ada Alpha  (news/two.txt)\n"},
      {"Borduria",
       {.until = "2018-06-30"},
       "2018\n  Ada Alpha holds_office Borduria  (news/one.txt)\n"},
      {"Borduria", {.limit = 1}, "2018\n  Ada Alpha holds_office Borduria  (news/one.txt)\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto timeline = BuildTimeline(*store, c.name, c.options);
    ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
    EXPECT_EQ(FormatTimeline(*timeline), c.text);
  }
  auto table = TimelineTable(*BuildTimeline(*store, "Gamma", {.since = "2019"}));
  EXPECT_EQ(FormatTable(table, TableFormat::kTsv),
            "date\tsubject\tpredicate\tobject\trecipient\tplace\tmodality\tdoc\tsentence\t"
            "statement\n"
            "2019-02-01\tCy Gamma\tmet\tAda Alpha\t\t\tasserted\tnews/two.txt\tCy Gamma met Ada "
            "Alpha.\t" +
                table.rows[0].back() + "\n");
  EXPECT_EQ(BuildTimeline(*store, "Alpha").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley
