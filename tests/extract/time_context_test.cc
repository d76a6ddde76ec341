#include "extract/time_context.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/dates.h"

namespace parley {
namespace {

struct Unit {
  uint32_t paragraph;
  std::string text;
  // The statement's time when its clause (the whole unit) has no date: "value/source" or "-".
  std::string fallback;
};

// Feeds `units` through a context the way the statement assembly does; returns each unit's
// fallback as "value/source", "-" for none.
std::vector<std::string> Fallbacks(std::string_view document_date, const std::vector<Unit>& units) {
  TimeContext context(document_date);
  std::vector<std::string> out;
  for (const Unit& u : units) {
    context.StartUnit(u.paragraph);
    context.AddDates(FindDates(u.text, context.reference()));
    const std::optional<TimeValue> t = context.Fallback(0);
    out.push_back(t ? t->value + "/" + std::string(TimeSourceName(t->source)) : "-");
  }
  return out;
}

struct Case {
  std::string name;
  std::string document_date;
  std::vector<Unit> units;
};

TEST(TimeContextTest, StatementsWithoutADateTakeTheNarrativeOrTheDocumentDate) {
  const std::vector<Case> cases = {
      {"history essay: the paragraph's latest date, never another paragraph's",
       "",
       {{0, "North Korea joined the treaty.", "-"},
        {1, "In 1994 the crisis began.", "1994/text"},
        {1, "North Korea withdrew from the IAEA.", "1994/paragraph"},
        {1, "In May the inspectors left.", "1994-05/text"},
        {1, "Talks resumed.", "1994-05/paragraph"},
        {1, "The inspectors came back.", "-"},
        {2, "The framework held for years.", "-"}}},
      {"targets and baselines do not move the narrative",
       "",
       {{0, "In 1994 they agreed to cut emissions by 2002.", "1994/text"},
        {0, "They kept to it.", "1994/paragraph"},
        {0, "In 1996 they agreed again.", "1996/text"},
        {0, "Emissions fell below 1990 levels.", "1996/paragraph"},
        {0, "In 1997 they met.", "1997/text"},
        {0, "They signed in the 1980s.", "1980s/text"}}},
      {"an event named in the phrase that opens a sentence tells where the story stands",
       "",
       {{0, "In Israel's May 1999 elections, Barak defeated Netanyahu.", "1999-05/text"},
        {0, "In September, Barak signed the memorandum.", "1999-09/text"},
        {1, "During the 1928 election campaign, Hoover pledged to help.", "1928/text"},
        {1, "He won.", "1928/paragraph"},
        {2, "Reagan's 1987 speech was remembered.", "-"},
        {2, "The critics, in Reagan's 1987 speech, saw a turn.", "-"}}},
      {"news: the document date, whatever the text mentions",
       "2021-01-23",
       {{0, "In 1994 the crisis began.", "2021-01-23/document"},
        {0, "North Korea withdrew.", "2021-01-23/document"},
        {1, "The leaders spoke yesterday.", "2021-01-23/document"}}},
      {"a timestamp document date is cut to the day",
       "2021-01-23T11:50:59-05:00",
       {{0, "They met.", "2021-01-23/document"}}},
      {"a document date that is no date leaves the narrative",
       "soon",
       {{0, "In 1962 they met.", "1962/text"}, {0, "They talked.", "1962/paragraph"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> expected;
    for (const Unit& u : c.units) expected.push_back(u.fallback);
    // Fallback(0): a clause at the unit's start takes the unit's first date, else the
    // paragraph's.
    EXPECT_EQ(Fallbacks(c.document_date, c.units), expected);
  }
}

TEST(TimeContextTest, ReferenceOfRelativeDates) {
  TimeContext news("2019-08-01");
  EXPECT_FALSE(news.narrative());
  news.StartUnit(0);
  EXPECT_EQ(news.reference().date, "2019-08-01");
  EXPECT_FALSE(news.reference().narrative);

  TimeContext essay("");
  EXPECT_TRUE(essay.narrative());
  essay.StartUnit(0);
  EXPECT_EQ(essay.reference().date, "");
  EXPECT_TRUE(essay.reference().narrative);
  essay.AddDates(FindDates("In 1994 the crisis began.", essay.reference()));
  essay.StartUnit(0);
  EXPECT_EQ(essay.reference().date, "1994");
  // "In May" after "In 1994" is 1994-05 (issue 16).
  const std::vector<DateMention> may = FindDates("In May North Korea withdrew.", essay.reference());
  ASSERT_EQ(may.size(), 1u);
  EXPECT_EQ(may[0].time.value, "1994-05");
  essay.AddDates(may);
  // Targets, starts and attributes do not move the story.
  essay.AddDates(
      FindDates("They promised to leave by 2003, as they had since 1990 under the 1985 "
                "accord.",
                essay.reference()));
  essay.StartUnit(0);
  EXPECT_EQ(essay.reference().date, "1994-05");
  // A new paragraph starts without one: its paragraph went on to dates of other kinds.
  essay.StartUnit(1);
  EXPECT_EQ(essay.reference().date, "");
  // A story told by months whose last date moved it goes on in the next paragraph, carried
  // (forward only: dates.h).
  essay.AddDates(FindDates("On May 3, 1994 they met.", essay.reference()));
  essay.StartUnit(2);
  EXPECT_EQ(essay.reference().date, "1994-05");
  EXPECT_TRUE(essay.reference().carried);
  // The paragraph's own date ends the carrying.
  essay.AddDates(FindDates("In 1996 they met.", essay.reference()));
  essay.StartUnit(2);
  EXPECT_EQ(essay.reference().date, "1996");
  EXPECT_FALSE(essay.reference().carried);
  // A story at year precision does not go on.
  essay.StartUnit(3);
  EXPECT_EQ(essay.reference().date, "");
  // Nor does any story past a heading.
  essay.AddDates(FindDates("On May 3, 1997 they met.", essay.reference()));
  essay.StartUnit(4, /*heading=*/true);
  EXPECT_EQ(essay.reference().date, "");
  essay.StartUnit(5);
  EXPECT_EQ(essay.reference().date, "");
}

// Undated text told day by day: a paragraph that opens with a month and day takes the year of
// the story before it, when its month is not earlier (the Cuban missile crisis essay).
TEST(TimeContextTest, AStoryToldByMonthsGoesOnInTheNextParagraph) {
  struct Para {
    uint32_t paragraph;
    bool heading;
    std::string text;
    std::vector<std::string> dates;  // value of each date found
  };
  const std::vector<Para> units = {
      {0, false, "On September 4, 1962, Kennedy issued a warning.", {"1962-09-04"}},
      {1, false, "On October 22, he ordered a quarantine.", {"1962-10-22"}},
      {2, false, "That same day, Kennedy sent a letter.", {"1962-10-22"}},
      {3, false, "On October 24, Khrushchev responded.", {"1962-10-24"}},
      {4, false, "On March 5, the talks resumed.", {}},
      {5, false, "In March 1963, the talks resumed.", {"1963-03"}},
      {6, true, "The Aftermath", {}},
      {7, false, "In April the missiles left Turkey.", {}},
      // A paragraph that sums up years ahead is not carried: the next may go back in time.
      {8,
       false,
       "On August 2, 1990, Iraq invaded Kuwait; the war ended on February 28, 1991.",
       {"1990-08-02", "1991-02-28"}},
      {9, false, "On August 28, Iraq annexed Kuwait.", {}},
      // A date that describes a thing ("to June 4, 1967 borders") does not keep the
      // paragraph's story from being carried (within a carried paragraph it still ends the
      // carry: "After the 1961 invasion, on October 24" may have gone back in time).
      {10,
       false,
       "In the spring of 1978, Egypt insisted on a withdrawal to June 4, 1967 borders.",
       {"1978-03/1978-05", "1967-06-04"}},
      {11, false, "By July 30, Carter called for a summit.", {"1978-07-30"}},
  };
  TimeContext context("");
  for (const Para& u : units) {
    SCOPED_TRACE(u.text);
    context.StartUnit(u.paragraph, u.heading);
    const std::vector<DateMention> dates = FindDates(u.text, context.reference());
    std::vector<std::string> got;
    for (const DateMention& m : dates) got.push_back(m.time.value);
    EXPECT_EQ(got, u.dates);
    context.AddDates(dates);
  }
}

// In a dated text, a month or day without a year takes the year of the paragraph's story when
// an explicit date told of an earlier year; deictic words keep the document date (issue 16).
TEST(TimeContextTest, DatedTextMonthsTakeTheStorysYear) {
  const struct {
    std::string name;
    std::string document_date;
    std::vector<std::pair<uint32_t, std::string>> units;  // paragraph, text
    std::vector<std::string> dates;                       // every date found, in order
  } kCases[] = {
      {"a speech of 2024 that tells of 1994",
       "2024-03-01",
       {{0, "In 1994 the crisis began."}, {0, "In May North Korea withdrew from the IAEA."}},
       {"1994", "1994-05"}},
      {"within one sentence",
       "2024-03-01",
       {{0, "The crisis began in 1994, and in May North Korea withdrew."}},
       {"1994", "1994-05"}},
      {"a day and a later month of the story; the story moves forward",
       "2024-03-01",
       {{0, "In October 1978 the talks began."}, {0, "On March 10 they signed."}},
       {"1978-10", "1979-03-10"}},
      {"deictic words keep the document date",
       "2024-03-01",
       {{0, "In 1994 the crisis began."}, {0, "Yesterday and next month they meet."}},
       {"1994", "2024-02-29", "2024-04"}},
      {"a new paragraph starts without a story",
       "2024-03-01",
       {{0, "In 1994 the crisis began."}, {1, "In May the leaders meet."}},
       {"1994", "2024-05"}},
      {"a date of the document's own year ends the story",
       "2024-03-01",
       {{0, "In 1994 the crisis began."}, {0, "In January 2024 they met, and in May they meet."}},
       {"1994", "2024-01", "2024-05"}},
      {"a month the document's date puts before itself stays the document's",
       "2024-03-01",
       {{0, "In 1994 the crisis began."}, {0, "In February, he appointed a new envoy."}},
       {"1994", "2024-02"}},
      {"a sentence about the future stays the document's",
       "2024-03-01",
       {{0, "In 1944 the Allies landed."}, {0, "On June 8, France will host the President."}},
       {"1944", "2024-06-08"}},
      {"targets do not set the story",
       "2024-03-01",
       {{0, "They will cut emissions by 2030."}, {0, "In May they meet."}},
       {"2030", "2024-05"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    TimeContext context(c.document_date);
    std::vector<std::string> found;
    for (const auto& [paragraph, text] : c.units) {
      context.StartUnit(paragraph);
      const std::vector<DateMention> dates = FindDates(text, context.reference());
      for (const DateMention& d : dates) found.push_back(d.time.value);
      context.AddDates(dates);
    }
    EXPECT_EQ(found, c.dates);
  }
}

TEST(TimeContextTest, AClauseTakesTheSentencesDateBeforeIt) {
  TimeContext essay("");
  essay.StartUnit(0);
  essay.AddDates(FindDates("In 1948 the blockade began.", essay.reference()));
  essay.StartUnit(0);
  const std::string text = "In 1950 the war began, and in 1953 an armistice followed.";
  essay.AddDates(FindDates(text, essay.reference()));
  // Before its first date the sentence still speaks of its own time, not the paragraph's.
  std::optional<TimeValue> t = essay.Fallback(0);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->value, "1950");
  EXPECT_EQ(t->source, TimeSource::kText);
  t = essay.Fallback(text.find("and"));
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->value, "1950");
  t = essay.Fallback(text.size());
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->value, "1953");
  // A sentence without a date takes the paragraph's latest.
  essay.StartUnit(0);
  t = essay.Fallback(0);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->value, "1953");
  EXPECT_EQ(t->source, TimeSource::kParagraph);
}

}  // namespace
}  // namespace parley
