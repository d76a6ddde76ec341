#include "extract/mention_rules.h"

#include <gtest/gtest.h>

#include <string_view>

namespace parley::internal {
namespace {

// "the treaty" after a sentence naming several agreements is the one whose name has the noun.
TEST(LabelHasHeadNounTest, WordOfTheLabelSingularOrPlural) {
  struct Case {
    std::string_view label;
    std::string_view head;
    bool expected;
  };
  const Case cases[] = {
      {"Nine-Power Treaty", "treaty", true},
      {"Open Door Notes", "treaty", false},
      {"Treaty of Versailles", "treaty", true},
      {"Camp David Accords", "accord", true},
      {"Camp David Accords", "accords", true},
      {"Oslo Accord", "accords", true},
      {"Panama Canal Treaties", "treaties", true},
      {"Hebron Protocol", "protocol", true},
      {"Hebron Protocol", "protocols", true},
      {"Helsinki Final Act", "agreement", false},
      {"Agreement on Trade", "agreement", true},
      {"Treatymaking Commission", "treaty", false},  // a word, not a prefix of one
      {"Treaty", "", false},
      {"", "treaty", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LabelHasHeadNoun(c.label, c.head), c.expected) << c.label << " / " << c.head;
  }
}

}  // namespace
}  // namespace parley::internal
