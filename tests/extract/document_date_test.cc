#include "extract/document_date.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parley {
namespace {

struct Case {
  std::string text;
  std::string metadata;
  DocumentDate expected;
};

TEST(DetermineDocumentDateTest, Sources) {
  const std::vector<Case> cases = {
      // Metadata first, at its own precision; timestamps cut to the day.
      {"Mentions 2018.", "2019-03-18", {"2019-03-18", "metadata"}},
      {"Mentions 2018.", "2021-03-12T12:13:12-05:00", {"2021-03-12", "metadata"}},
      {"Mentions 2018.", "2019", {"2019", "metadata"}},
      {"Mentions 2018.", "Thu, 09 Sep 2021 10:00:00 GMT", {"2021-09-09", "metadata"}},
      {"Mentions 2018.", "not a date", {}},
      // Datelines.
      {"WASHINGTON, Sept. 9, 2021 - The President spoke.", "", {"2021-09-09", "dateline"}},
      {"September 9, 2021\n\nThe President spoke about 2020.", "", {"2021-09-09", "dateline"}},
      {"Title line\n\nPosted: May 3, 2022\n\nBody text.", "", {"2022-05-03", "dateline"}},
      {"\n\nMarch 2019\n\nBody.", "", {"2019-03", "dateline"}},
      // A dateline without a year does not date the document.
      {"TOKYO, Aug. 22 (Reuters) - Talks resumed. Officials met in 2019.", "", {}},
      {"TOKYO, Aug. 22 (Reuters) - Talks resumed.", "", {}},
      // Title lines are not datelines.
      {"The Cuban Missile Crisis, October 1962\n\nIn October 1962 the crisis began.", "", {}},
      {"NSC-68, 1950\n\nThe paper was declassified in 1975.", "", {}},
      // The years a text mentions never date it (issue 16: essays came out as the latest year
      // they mention, a 2024 speech as its 2030 target).
      {"In September 2018 they met. In June 2019 they will meet again.", "", {}},
      {"Talks began in 2018 and ended on March 18, 2019.", "", {}},
      {"In 1994 North Korea withdrew from the IAEA. In 2002 the framework collapsed.", "", {}},
      {"We must reach the goals of the 2030 Agenda by 2030.", "", {}},
      {"No dates here at all.", "", {}},
      {"", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text + " | " + c.metadata);
    EXPECT_EQ(DetermineDocumentDate(c.text, 0, TextSyntax::kPlain, c.metadata), c.expected);
  }
}

TEST(DetermineDocumentDateTest, SkipsFrontMatter) {
  const std::string text = "---\ntitle: March 3, 2001\n---\nMarch 3, 2019\n\nThey met.\n";
  EXPECT_EQ(DetermineDocumentDate(text, 29, TextSyntax::kMarkdown, ""),
            (DocumentDate{"2019-03-03", "dateline"}));
}

TEST(DetermineDocumentDateTest, SampleArticleHasNoDate) {
  std::ifstream in(std::filesystem::path(PARLEY_SOURCE_DIR) /
                       "examples/apb-russo-japanese-peace-treaty-talks-2019.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  ASSERT_FALSE(ss.str().empty());
  EXPECT_EQ(DetermineDocumentDate(ss.str(), 0, TextSyntax::kPlain, ""), (DocumentDate{}));
}

TEST(NormalizeMetadataDateTest, Values) {
  EXPECT_EQ(NormalizeMetadataDate(" 2019-03-18 "), "2019-03-18");
  EXPECT_EQ(NormalizeMetadataDate("2019-03"), "2019-03");
  EXPECT_EQ(NormalizeMetadataDate("March 18, 2019"), "2019-03-18");
  EXPECT_EQ(NormalizeMetadataDate("yesterday"), "");
  EXPECT_EQ(NormalizeMetadataDate(""), "");
}

}  // namespace
}  // namespace parley
