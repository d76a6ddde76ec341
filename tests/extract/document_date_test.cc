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
      {"Mentions 2018.", "not a date", {"2018", "inferred"}},
      // Datelines.
      {"TOKYO, Aug. 22 (Reuters) - Talks resumed. Officials met in 2019.",
       "",
       {"2019-08-22", "dateline"}},
      {"WASHINGTON, Sept. 9, 2021 - The President spoke.", "", {"2021-09-09", "dateline"}},
      {"September 9, 2021\n\nThe President spoke about 2020.", "", {"2021-09-09", "dateline"}},
      {"Title line\n\nPosted: May 3, 2022\n\nBody text.", "", {"2022-05-03", "dateline"}},
      {"\n\nMarch 2019\n\nBody.", "", {"2019-03", "dateline"}},
      // A dateline without a year takes the inferred year; without one it is not used.
      {"TOKYO, Aug. 22 (Reuters) - Talks resumed.", "", {}},
      // Title lines are not datelines.
      {"The Cuban Missile Crisis, October 1962\n\nIn October 1962 the crisis began.",
       "",
       {"1962", "inferred"}},
      {"NSC-68, 1950\n\nThe paper was declassified in 1975.", "", {"1975", "inferred"}},
      // Inference: the latest year; a full date only when later than every year.
      {"In September 2018 they met. In June 2019 they will meet again.", "", {"2019", "inferred"}},
      {"Talks began in 2018 and ended on March 18, 2019.", "", {"2019-03-18", "inferred"}},
      {"In 2019 talks ended on March 18, 2019.", "", {"2019", "inferred"}},
      {"Emissions fall in 2021 and reach net zero by 2050.", "", {"2021", "inferred"}},
      {"No dates here at all.", "", {}},
      {"", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text + " | " + c.metadata);
    EXPECT_EQ(DetermineDocumentDate(c.text, 0, TextSyntax::kPlain, c.metadata), c.expected);
  }
}

TEST(DetermineDocumentDateTest, SkipsFrontMatter) {
  const std::string text = "---\ntitle: March 3, 2001\n---\nIn 2019 they met.\n";
  EXPECT_EQ(DetermineDocumentDate(text, 29, TextSyntax::kMarkdown, ""),
            (DocumentDate{"2019", "inferred"}));
}

TEST(DetermineDocumentDateTest, SampleArticleIsInferredFromItsYears) {
  std::ifstream in(std::filesystem::path(PARLEY_SOURCE_DIR) /
                       "examples/apb-russo-japanese-peace-treaty-talks-2019.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(DetermineDocumentDate(ss.str(), 0, TextSyntax::kPlain, ""),
            (DocumentDate{"2019", "inferred"}));
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
