#include "extract/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "base/date.h"
#include "extract/rule_compiled.h"
#include "extract/rule_set.h"
#include "extract/rule_tokens.h"

namespace parley {
namespace {

// "span=value[start..end]" plus "~" when relative, one per mention.
std::vector<std::string> Describe(std::string_view text, const DateReference& reference) {
  std::vector<std::string> out;
  for (const DateMention& m : FindDates(text, reference)) {
    std::string d = std::string(text.substr(m.begin, m.end - m.begin)) + "=" + m.time.value;
    if (m.time.start != m.time.value || m.time.end != m.time.value) {
      d += "[" + m.time.start + ".." + m.time.end + "]";
    }
    if (m.relative) d += "~";
    out.push_back(d);
  }
  return out;
}

std::vector<std::string> Describe(std::string_view text, std::string_view reference) {
  return Describe(text, DateReference{.date = reference});
}

struct Case {
  std::string text;
  std::string reference;
  std::vector<std::string> expected;
};

// The vocabulary ids tagging may pass over when it looks for a date (CompiledRules::
// date_word_ids): those of words that are no date word and start with no digit. A word the
// vocabulary lacks (TokenTable::kAbsent) is read.
TEST(DateWordIdsTest, DateWordsDigitsAndUnknownWordsAreRead) {
  // Each word starts an alias: the vocabulary holds the aliases' first words as written.
  auto set = RuleSet::Compile({{"user/x.rules",
                                "entity organization:commission\n  label Commission\n"
                                "  alias May Commission, 1967 Commission, 4th Brigade, Tuesday "
                                "Group, border commission, infantry brigade, maple council, "
                                "group seven\n",
                                1}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const internal::CompiledRules& rules = (*set)->compiled();
  const internal::TokenTable& vocabulary = rules.alias_index.tokens;
  ASSERT_EQ(rules.date_word_ids.size(), vocabulary.size() + 1);
  EXPECT_EQ(rules.date_word_ids[internal::TokenTable::kAbsent], 1);
  const std::pair<const char*, int> cases[] = {
      {"may", 1},        {"1967", 1},     {"4th", 1},   {"tuesday", 1}, {"border", 0},
      {"commission", 0}, {"infantry", 0}, {"maple", 0}, {"group", 0},
  };
  for (const auto& [word, read] : cases) {
    SCOPED_TRACE(word);
    const uint32_t id = vocabulary.Find(word);
    ASSERT_NE(id, internal::TokenTable::kAbsent);
    EXPECT_EQ(rules.date_word_ids[id], read);
  }
}

// A token whose lower-cased text is no DateWordSpellings word never starts a date, whatever
// its capitals: tagging passes over such tokens by their vocabulary ids.
TEST(DateWordSpellingsTest, HoldEveryWordThatMayStartADate) {
  const std::vector<std::string> spellings = DateWordSpellings();
  std::vector<std::string> words = spellings;
  for (const char* w :
       {"may",  "mayor", "marching", "thisyear", "lastly",  "nexus",    "agony",  "years",
        "week", "month", "moon",     "Junes",    "Fri",     "Sun",      "sat",    "Mon",
        "Tues", "Thurs", "Sep",      "Oct.",     "tonight", "Tomorrow", "EARLIER"}) {
    words.push_back(w);
  }
  for (size_t i = 0, n = words.size(); i < n; ++i) {
    std::string capital = words[i], upper = words[i];
    capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    words.push_back(capital);
    words.push_back(upper);
  }
  for (const std::string& w : words) {
    SCOPED_TRACE(w);
    std::string lower = w;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool listed = std::find(spellings.begin(), spellings.end(), lower) != spellings.end();
    EXPECT_TRUE(!MayStartDate(w) || listed);
  }
  // The months and weekdays as written start dates.
  for (const char* w : {"January", "Sept", "Jan", "Friday", "today", "Last", "ago"}) {
    SCOPED_TRACE(w);
    EXPECT_TRUE(MayStartDate(w));
  }
}

// A number is where a date is found only with four digits; a shorter one needs a month name or
// "ago" beside it, which passes the test itself: a text whose tokens all fail holds no date.
TEST(MayStartDateTest, ShortNumbersNeedAWordThatPasses) {
  for (const char* w : {"2019", "1990s", "2019th", "12019"}) {
    SCOPED_TRACE(w);
    EXPECT_TRUE(MayStartDate(w));
  }
  for (const char* w : {"18", "18th", "201", "3", "1st", "350"}) {
    SCOPED_TRACE(w);
    EXPECT_FALSE(MayStartDate(w));
  }
  const DateReference dated{.date = "2024-03-12"};
  auto passes = [](std::string_view text) {
    const std::vector<internal::Token> tokens = internal::Tokenize(text);
    return std::any_of(tokens.begin(), tokens.end(), [&](const internal::Token& t) {
      return MayStartDate(text.substr(t.begin, t.end - t.begin));
    });
  };
  for (const char* text : {"On 18 March they met.", "Mar. 18th, 2019", "They met 3 days ago.",
                           "the 1990s", "on 2019-03-18 officials", "On 1 Sept the talks began."}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(FindDates(text, dated).empty());
    EXPECT_TRUE(passes(text));
  }
  for (const char* text : {"They paid 350 dollars for 12 items on page 3.", "The 18th amendment",
                           "In 201 BC, 3 of 4 said 1-2.", "the 90s"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(FindDates(text, dated).empty());
    EXPECT_FALSE(passes(text));
  }
}

// Relative words date something only with the word after them ("this week", "last night");
// "later this year" passes at "this", a narrative's "two years later" at "years".
TEST(MayStartDateTest, RelativeWordsNeedTheWordAfterThem) {
  const DateReference dated{.date = "2024-03-12"};
  const DateReference narrative{.date = "1945-07", .narrative = true};
  auto passes = [](std::string_view text, bool narrative) {
    const std::vector<internal::Token> tokens = internal::Tokenize(text);
    for (size_t t = 0; t < tokens.size(); ++t) {
      auto at = [&](size_t k) {
        return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
      };
      if (MayStartDate(at(t), t + 1 < tokens.size() ? at(t + 1) : "", narrative)) return true;
    }
    return false;
  };
  for (const char* text :
       {"They met this week.", "Talks ended last night.", "He will visit next month.",
        "It grew later this year.", "This morning he left.", "They meet next Saturday.",
        "He left this June.", "It ended 3 days ago."}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(FindDates(text, dated).empty());
    EXPECT_TRUE(passes(text, false));
  }
  for (const char* text :
       {"This is the last word.", "The next step came later.", "Next, the years of talks ended.",
        "Earlier, this was so.", "Two years later they met."}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(FindDates(text, dated).empty());
    EXPECT_FALSE(passes(text, false));
  }
  EXPECT_FALSE(FindDates("Two years later they met.", narrative).empty());
  EXPECT_TRUE(passes("Two years later they met.", true));
}

// Without its first test the finder finds the same dates: where that test fails, none.
TEST(FindDatesTest, UntestedFindsTheSame) {
  const DateReference dated{.date = "2024-03-12"};
  const DateReference narrative{.date = "1945-07", .narrative = true};
  for (const char* text :
       {"The talks ended on July 17, 1945.", "They met this morning.", "It may rain.",
        "No date here at all.", "Two years later they met.", "He spoke last week in Tokyo.",
        "the 1990s", "In May 1999 he won.", "Ministers met in Genève on Friday.", ""}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(FindDatesUntested(text, dated), FindDates(text, dated));
    EXPECT_EQ(FindDatesUntested(text, narrative), FindDates(text, narrative));
  }
}

// Given the rule tokenizer's tokens of an ASCII text without '_', the finder finds the dates it
// finds when it tokenizes the text itself: numbers, words that hold digits, punctuation between.
TEST(FindDatesTest, UntestedWithRuleTokensFindsTheSame) {
  const DateReference dated{.date = "2024-03-12"};
  const DateReference narrative{.date = "1945-07", .narrative = true};
  for (const char* text :
       {"The talks ended on July 17, 1945.", "on 2019-03-18 officials", "the 1990s and 1980s",
        "In May 1999 he won.", "G20 leaders met in 2021, not 2019a.", "Mar. 18th, 2019",
        "1904-05, 1904/05 and 1904-1905", "1500 troops left on 3 March", "It ended 3 days ago.",
        "Two years later they met.", "They meet next Saturday; (May 5) $50 billion 14.5%", ""}) {
    SCOPED_TRACE(text);
    const std::vector<internal::Token> tokens = internal::Tokenize(text);
    EXPECT_EQ(FindDatesUntested(text, dated, tokens), FindDatesUntested(text, dated));
    EXPECT_EQ(FindDatesUntested(text, narrative, tokens), FindDatesUntested(text, narrative));
  }
}

TEST(FindDatesTest, Absolute) {
  const std::vector<Case> cases = {
      {"on 2019-03-18 officials", "", {"2019-03-18=2019-03-18"}},
      {"March 18, 2019", "", {"March 18, 2019=2019-03-18"}},
      {"on March 18 2019", "", {"March 18 2019=2019-03-18"}},
      {"18 March 2019", "", {"18 March 2019=2019-03-18"}},
      {"Mar. 18th, 2019", "", {"Mar. 18th, 2019=2019-03-18"}},
      {"Jan 10, 1781, to establish", "", {"Jan 10, 1781=1781-01-10"}},
      {"September 2018", "", {"September 2018=2018-09[2018-09-01..2018-09-30]"}},
      {"in February 2020", "", {"February 2020=2020-02[2020-02-01..2020-02-29]"}},
      {"in 2018", "", {"2018=2018[2018-01-01..2018-12-31]"}},
      {"the 1960 U.S.-Japan Security Treaty", "", {"1960=1960[1960-01-01..1960-12-31]"}},
      {"(1898-1967)", "", {"1898-1967=1898/1967[1898-01-01..1967-12-31]"}},
      {"the war of 1904-05", "", {"1904-05=1904/1905[1904-01-01..1905-12-31]"}},
      {"in 1999-00", "", {"1999-00=1999/2000[1999-01-01..2000-12-31]"}},
      {"the 1990s", "", {"1990s=1990s[1990-01-01..1999-12-31]"}},
      {"the 1990's", "", {"1990's=1990s[1990-01-01..1999-12-31]"}},
      {"mid-2019", "", {"2019=2019[2019-01-01..2019-12-31]"}},
      {"from January 14-24, 1943",
       "",
       {"January 14-24, 1943=1943-01-14/1943-01-24[1943-01-14..1943-01-24]"}},
      {"on January 24-14, 1943", "", {"1943=1943[1943-01-01..1943-12-31]"}},
      // A range of days: "from ... to", "between ... and" (the year after the last day).
      {"met from July 17 to August 2, 1945, in Potsdam",
       "",
       {"July 17 to August 2, 1945=1945-07-17/1945-08-02[1945-07-17..1945-08-02]"}},
      {"between November 28 and December 1, 1943",
       "",
       {"November 28 and December 1, 1943=1943-11-28/1943-12-01[1943-11-28..1943-12-01]"}},
      {"Between June 5 and June 10, 1967, Israel",
       "",
       {"June 5 and June 10, 1967=1967-06-05/1967-06-10[1967-06-05..1967-06-10]"}},
      // Days of one month, the year after the last.
      {"held between December 16 and 26, 1945.",
       "",
       {"December 16 and 26, 1945=1945-12-16/1945-12-26[1945-12-16..1945-12-26]"}},
      {"met on August 9 and 10, 1941 aboard",
       "",
       {"August 9 and 10, 1941=1941-08-09/1941-08-10[1941-08-09..1941-08-10]"}},
      {"from December 28 to January 3, 1944",
       "",
       {"December 28 to January 3, 1944=1943-12-28/1944-01-03[1943-12-28..1944-01-03]"}},
      // Two days no "from" or "between" joins, a change of date, a range of years: as they are.
      {"on June 5 and June 10, 1967", "", {"June 5=1967-06-05", "June 10, 1967=1967-06-10"}},
      {"moved the meeting from May 3 to May 5, 2022",
       "",
       {"May 3=2022-05-03", "May 5, 2022=2022-05-05"}},
      {"between 1945 and 1952",
       "",
       {"1945=1945[1945-01-01..1945-12-31]", "1952=1952[1952-01-01..1952-12-31]"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Describe(c.text, c.reference), c.expected);
  }
}

// A season of a year is its months; the narrative then stands at its first month, so a later
// month without a year takes that year.
TEST(FindDatesTest, SeasonsOfAYearAreTheirMonths) {
  const std::vector<Case> cases = {
      {"during the summer of 1977", "", {"1977=1977-06/1977-08[1977-06-01..1977-08-31]"}},
      {"in the spring of 1977", "", {"1977=1977-03/1977-05[1977-03-01..1977-05-31]"}},
      {"the autumn of 1956", "", {"1956=1956-09/1956-11[1956-09-01..1956-11-30]"}},
      {"in the fall of 1989", "", {"1989=1989-09/1989-11[1989-09-01..1989-11-30]"}},
      {"the early summer of 1978", "", {"1978=1978-06/1978-07[1978-06-01..1978-07-31]"}},
      {"the late spring of 1978", "", {"1978=1978-04/1978-05[1978-04-01..1978-05-31]"}},
      {"During the spring and early summer of 1978,",
       "",
       {"1978=1978-03/1978-07[1978-03-01..1978-07-31]"}},
      // Not seasons: winter straddles two years, a named event, other words before "of".
      {"in the winter of 1977", "", {"1977=1977[1977-01-01..1977-12-31]"}},
      {"the winter of 1978-1979", "", {"1978-1979=1978/1979[1978-01-01..1979-12-31]"}},
      {"the Prague Spring of 1968", "", {"1968=1968[1968-01-01..1968-12-31]"}},
      {"the summer 1977 offensive", "", {"1977=1977[1977-01-01..1977-12-31]"}},
      {"the end of 1977", "", {"1977=1977[1977-01-01..1977-12-31]"}},
      // No year: no date.
      {"a summer of discontent", "", {}},
      {"in the summer the talks stalled", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Describe(c.text, c.reference), c.expected);
  }
  struct NarrativeCase {
    std::string text;
    std::string reference;
    bool carried;
    std::vector<std::string> expected;
  };
  const std::vector<NarrativeCase> narrative = {
      // The story stands at the season's first month: later months are that year's, earlier
      // ones the next year's.
      {"During the summer of 1977 they met. On November 9 Sadat spoke.",
       "",
       false,
       {"1977=1977-06/1977-08[1977-06-01..1977-08-31]", "November 9=1977-11-09~"}},
      {"In the spring of 1977 they met. In July they parted.",
       "",
       false,
       {"1977=1977-03/1977-05[1977-03-01..1977-05-31]", "July=1977-07[1977-07-01..1977-07-31]~"}},
      // A season without a year takes none, from the story or otherwise.
      {"In the summer the talks stalled.", "1977", false, {}},
      {"In the summer the talks stalled.", "1977-06", true, {}},
      // Carried from an earlier paragraph's season (TimeContext: "1977-06").
      {"By early November, Sadat was frustrated.",
       "1977-06",
       true,
       {"November=1977-11[1977-11-01..1977-11-30]~"}},
  };
  for (const NarrativeCase& c : narrative) {
    SCOPED_TRACE(c.text + " @ " + c.reference);
    EXPECT_EQ(Describe(c.text,
                       DateReference{.date = c.reference, .narrative = true, .carried = c.carried}),
              c.expected);
  }
  EXPECT_EQ(NarrativeReference(*ParseIsoDate("1977")), "1977");
  TimeValue summer =
      RangeTime("1977-06/1977-08", DaysFromCivil(1977, 6, 1), DaysFromCivil(1977, 8, 31));
  EXPECT_EQ(NarrativeReference(summer), "1977-06");
  // Days across two months are no whole months: the year, as before.
  TimeValue days =
      RangeTime("1945-07-17/1945-08-02", DaysFromCivil(1945, 7, 17), DaysFromCivil(1945, 8, 2));
  EXPECT_EQ(NarrativeReference(days), "1945");
}

TEST(FindDatesTest, CountedBackAndPartsOfMonths) {
  const std::vector<Case> cases = {
      // Counted back from a dated text's date.
      {"You and I last met four months ago at the Munich Security Conference.",
       "2024-06-15",
       {"four months ago=2024-02[2024-02-01..2024-02-29]~"}},
      {"They met 18 months ago.", "2024-06-15", {"18 months ago=2022-12[2022-12-01..2022-12-31]~"}},
      {"They met two weeks ago.", "2024-06-15", {"two weeks ago=2024-06-01~"}},
      {"They met a year ago.", "2024-06-15", {"a year ago=2023[2023-01-01..2023-12-31]~"}},
      {"They met 3 days ago.", "2024-06-15", {"3 days ago=2024-06-12~"}},
      {"Some time ago they met; years ago too; a months ago.", "2024-06-15", {}},
      {"On June 2 days ago they met.", "2024-06-15", {"June 2=2024-06-02~"}},
      {"Twenty-three years ago they met.", "2024-06-15", {}},
      // "the end of", "the beginning of" a month.
      {"They will meet at the end of October.",
       "2021-09-22",
       {"October=2021-10[2021-10-01..2021-10-31]~"}},
      {"At the beginning of March they met.",
       "2021-09-22",
       {"March=2021-03[2021-03-01..2021-03-31]~"}},
      {"The end of May is near.", "2021-09-22", {"May=2021-05[2021-05-01..2021-05-31]~"}},
      {"The end of the talks came in October.",
       "2021-09-22",
       {"October=2021-10[2021-10-01..2021-10-31]~"}},
      {"A part of October.", "2021-09-22", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Describe(c.text, c.reference), c.expected);
  }
  // A narrative has no now to count back from.
  EXPECT_TRUE(
      FindDates("They met four months ago.", DateReference{.date = "1962-10", .narrative = true})
          .empty());
}

TEST(FindDatesTest, NotDates) {
  for (const char* text : {"only 14% of the population",
                           "the G20 summit",
                           "$50 billion",
                           "$2019 in cash",
                           "No. 10 Downing Street",
                           "No. 2019",
                           "1,000 troops",
                           "2,000",
                           "1500 troops",
                           "2019.5 units",
                           "FY2022 budget",
                           "a 5000-strong force",
                           "Article 18",
                           "March on",
                           "we may meet",
                           "Mar a Lago",
                           "the 3000s",
                           "Flight 1200x",
                           "2019%",
                           "version 1.2019"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Describe(text, "2019-06-15"), std::vector<std::string>{});
  }
}

TEST(FindDatesTest, Relative) {
  const std::vector<Case> cases = {
      // Month and day without a year: the reference year, unless that lies more than half a
      // year after the reference.
      {"announced on March 18 that", "2019-06-01", {"March 18=2019-03-18~"}},
      {"announced on March 18 that", "2019", {"March 18=2019-03-18~"}},
      {"announced on March 18 that", "2019-05", {"March 18=2019-03-18~"}},
      {"on December 28", "2019-01-10", {"December 28=2018-12-28~"}},
      {"on December 28", "2019-11", {"December 28=2019-12-28~"}},
      {"on December 28", "2019-02", {"December 28=2018-12-28~"}},
      {"will visit on March 18", "2019-01-10", {"March 18=2019-03-18~"}},
      {"on 18 March", "2019-06-01", {"18 March=2019-03-18~"}},
      {"TOKYO, Aug. 22 (Reuters)", "2019", {"Aug. 22=2019-08-22~"}},
      {"on February 29", "2021-03-01", {}},
      {"on February 29", "2020-03-01", {"February 29=2020-02-29~"}},
      // Days.
      {"said today", "2019-03-18", {"today=2019-03-18~"}},
      {"Yesterday, he met", "2019-03-18", {"Yesterday=2019-03-17~"}},
      {"will meet tomorrow", "2019-12-31", {"tomorrow=2020-01-01~"}},
      {"this morning", "2019-03-18", {"this morning=2019-03-18~"}},
      {"last night", "2019-03-01", {"last night=2019-02-28~"}},
      // 2019-03-18 was a Monday.
      {"on Saturday", "2019-03-18", {"Saturday=2019-03-16~"}},
      {"on Monday", "2019-03-18", {"Monday=2019-03-18~"}},
      {"last Monday", "2019-03-18", {"last Monday=2019-03-11~"}},
      {"next Monday", "2019-03-18", {"next Monday=2019-03-25~"}},
      {"this Friday", "2019-03-18", {"this Friday=2019-03-22~"}},
      // Weeks, months, years.
      {"last week", "2019-03-18", {"last week=2019-W11[2019-03-11..2019-03-17]~"}},
      {"this week", "2021-01-01", {"this week=2020-W53[2020-12-28..2021-01-03]~"}},
      {"next month", "2019-12-05", {"next month=2020-01[2020-01-01..2020-01-31]~"}},
      {"last month", "2019-01", {"last month=2018-12[2018-12-01..2018-12-31]~"}},
      {"earlier this year", "2019-03-18", {"earlier this year=2019[2019-01-01..2019-12-31]~"}},
      {"next year", "2019", {"next year=2020[2020-01-01..2020-12-31]~"}},
      {"this June", "2019-03-18", {"this June=2019-06[2019-06-01..2019-06-30]~"}},
      {"in Osaka this June", "2019", {"this June=2019-06[2019-06-01..2019-06-30]~"}},
      {"last June", "2019-03-18", {"last June=2018-06[2018-06-01..2018-06-30]~"}},
      {"last June", "2019-08-01", {"last June=2019-06[2019-06-01..2019-06-30]~"}},
      {"next June", "2019-08-01", {"next June=2020-06[2020-06-01..2020-06-30]~"}},
      {"in June", "2019-08-01", {"June=2019-06[2019-06-01..2019-06-30]~"}},
      {"In mid-June, they met", "2019-08-01", {"June=2019-06[2019-06-01..2019-06-30]~"}},
      {"now and mid-June", "2019-08-01", {}},
      {"in May", "2019-08-01", {"May=2019-05[2019-05-01..2019-05-31]~"}},
      // Without a reference, relative expressions are skipped; absolute ones are not.
      {"on March 18 and in June 2019, today", "", {"June 2019=2019-06[2019-06-01..2019-06-30]"}},
      // A day-level expression needs a day-level reference.
      {"yesterday and last week", "2019-03", {}},
      // Relative words in any case; date words only as whole words.
      {"Last week", "2019-03-18", {"Last week=2019-W11[2019-03-11..2019-03-17]~"}},
      {"EARLIER THIS YEAR", "2019-03-18", {"EARLIER THIS YEAR=2019[2019-01-01..2019-12-31]~"}},
      {"Tonight, on Sunday", "2019-03-18", {"Tonight=2019-03-18~", "Sunday=2019-03-17~"}},
      {"The Mayor of Marchville met Thisbe and the Junes", "2019-03-18", {}},
      {"the talks resumed after a pause", "2019-03-18", {}},
      // Years counted from the story's time need a narrative.
      {"Two years later they met.", "2019-08-01", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text + " @ " + c.reference);
    EXPECT_EQ(Describe(c.text, c.reference), c.expected);
  }
}

// A relative date that lies ahead of the reference by its own words (DateMention::ahead), in a
// text that is no narrative: what it dates is still to come.
TEST(FindDatesTest, AheadByItsOwnWords) {
  struct AheadCase {
    const char* text;
    bool narrative;
    std::vector<std::string> ahead;  // "span=0|1" per mention
  };
  const AheadCase cases[] = {
      {"will meet tomorrow", false, {"tomorrow=1"}},
      {"Putin's visit next week", false, {"next week=1"}},
      {"Italy's presidency next year", false, {"next year=1"}},
      {"a summit later this year", false, {"later this year=1"}},
      {"next Monday", false, {"next Monday=1"}},
      {"next June", false, {"next June=1"}},
      // Past, present, or no direction of its own.
      {"said today", false, {"today=0"}},
      {"met yesterday", false, {"yesterday=0"}},
      {"last week", false, {"last week=0"}},
      {"earlier this year", false, {"earlier this year=0"}},
      {"this Friday", false, {"this Friday=0"}},
      {"in June", false, {"June=0"}},
      // "tomorrow" as a noun: the future, no day.
      {"the leaders of tomorrow", false, {"tomorrow=0"}},
      {"building a better tomorrow", false, {"tomorrow=0"}},
      // A story's "next" is its own next, long past when the essay was written.
      {"They met again the next month.", true, {"next month=0"}},
      {"next June", true, {"next June=0"}},
  };
  for (const AheadCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string> got;
    for (const DateMention& m :
         FindDates(c.text, DateReference{.date = "2019-03-18", .narrative = c.narrative})) {
      got.push_back(std::string(std::string_view(c.text).substr(m.begin, m.end - m.begin)) +
                    (m.ahead ? "=1" : "=0"));
    }
    EXPECT_EQ(got, c.ahead);
  }
}

// "date text=role" for every mention.
std::vector<std::string> Roles(std::string_view text) {
  std::vector<std::string> out;
  for (const DateMention& m : FindDates(text, "")) {
    out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + "=" +
                  std::string(DateRoleName(m.role)));
  }
  return out;
}

TEST(FindDatesTest, RolesTellTargetsAndBaselinesFromPoints) {
  struct RoleCase {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<RoleCase> cases = {
      // Issue 16: a baseline and a target are not the time of the act.
      {"a 50 percent reduction from 2005 levels by 2030", {"2005=baseline", "2030=target"}},
      {"net zero emissions by 2050", {"2050=target"}},
      {"by the end of 2030", {"2030=target"}},
      {"by mid-2025", {"2025=target"}},
      {"by early 2026", {"2026=target"}},
      {"by March 2025", {"March 2025=target"}},
      {"no later than 2030", {"2030=target"}},
      {"the sanctions stay in force until 2030", {"2030=target"}},
      {"through 2025", {"2025=target"}},
      {"by the fall of 2022", {"2022=target"}},
      {"by the early summer of 2022", {"2022=target"}},
      {"in the fall of 2022", {"2022=point"}},
      // Without "of", the season is no filler (as before): the year is the cue's.
      {"will meet by Summer 2022", {"2022=point"}},
      {"the 2030 targets", {"2030=target"}},
      {"below 2019 levels", {"2019=baseline"}},
      {"compared with 2019", {"2019=baseline"}},
      {"compared to 2019", {"2019=baseline"}},
      {"relative to 2005", {"2005=baseline"}},
      {"more than in 2010", {"2010=baseline"}},
      {"As in 1927, Japan insisted on a higher ratio", {"1927=baseline"}},
      // Points.
      {"In 1994 North Korea withdrew", {"1994=point"}},
      {"signed on March 18, 2019", {"March 18, 2019=point"}},
      {"since 2014", {"2014=since"}},
      {"from 2005 to 2010", {"2005=point", "2010=point"}},
      {"met by chance in 1999", {"1999=point"}},
      {"in the 1990s", {"1990s=point"}},
      {"deployed there since 1957", {"1957=since"}},
      // Attributes: a bare year describing a thing.
      {"a return to the 1967 ceasefire lines", {"1967=attribute"}},
      {"the leader of the 1956 Hungarian Revolution", {"1956=attribute"}},
      {"President Reagan's 1987 Berlin speech", {"1987=attribute"}},
      {"the Tripartite Declaration of 1950", {"1950=attribute"}},
      {"the Anglo-Japanese alliance of 1902", {"1902=attribute"}},
      {"during the summer of 1977", {"1977=point"}},
      {"by the end of 1990", {"1990=target"}},
      {"the September 2018 Eastern Economic Forum", {"September 2018=named"}},
      {"during the June 1967 Arab-Israeli War", {"June 1967=named"}},
      {"a withdrawal to June 4, 1967 borders", {"June 4, 1967=attribute"}},
      {"refused to withdraw to the June 4, 1967 line", {"June 4, 1967=attribute"}},
      {"Prior to 1979, they had never established relations", {"1979=baseline"}},
      {"talks stalled before March 2019", {"March 2019=baseline"}},
      {"invited Poland, projecting an accession date in 1999", {"1999=attribute"}},
      {"set the date of March 3, 2020 for talks", {"March 3, 2020=attribute"}},
      {"In 1994 talks began", {"1994=point"}},
      {"They met on 2019-03-18 with the envoy and on 2019-03-19 formally agreed",
       {"2019-03-18=point", "2019-03-19=point"}},
      {"during the winter of 1978-1979 talks stalled", {"1978-1979=point"}},
      {"to be executed by May of 1944", {"May of 1944=target"}},
      {"in January of 1861", {"January of 1861=point"}},
      {"in the year 1994.", {"1994=point"}},
  };
  for (const RoleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Roles(c.text), c.expected);
  }
}

TEST(FindDatesTest, NarrativeReferenceFollowsTheText) {
  struct NarrativeCase {
    std::string text;
    std::string reference;
    std::vector<std::string> expected;
  };
  const std::vector<NarrativeCase> cases = {
      // Issue 16: "In May" after "In 1994" is 1994-05, whatever came before.
      {"In 1994 talks began. In May North Korea withdrew.",
       "",
       {"1994=1994[1994-01-01..1994-12-31]", "May=1994-05[1994-05-01..1994-05-31]~"}},
      {"In May North Korea withdrew.", "1994", {"May=1994-05[1994-05-01..1994-05-31]~"}},
      // A later explicit date moves the narrative on.
      {"In May 1994 they met; in 1996 they split; in June they met again.",
       "1950",
       {"May 1994=1994-05[1994-05-01..1994-05-31]", "1996=1996[1996-01-01..1996-12-31]",
        "June=1996-06[1996-06-01..1996-06-30]~"}},
      // Targets, baselines and decades do not.
      {"They agreed it would end by 2002. In May they met.",
       "1994",
       {"2002=2002[2002-01-01..2002-12-31]", "May=1994-05[1994-05-01..1994-05-31]~"}},
      // ... but a sentence opening "By <date>," says where the story stands.
      {"By 2002, it had ended. In May they met.",
       "1994",
       {"2002=2002[2002-01-01..2002-12-31]", "May=2002-05[2002-05-01..2002-05-31]~"}},
      // So does "by <date>" opening a later clause of the sentence.
      {"Talks achieved nothing, and by 2002 the sides had split. In May they met.",
       "1994",
       {"2002=2002[2002-01-01..2002-12-31]", "May=2002-05[2002-05-01..2002-05-31]~"}},
      // "That July," opening a clause is a month of the story; "said that June" is no date.
      {"That July, Rabin indicated his terms.", "1994", {"July=1994-07[1994-07-01..1994-07-31]~"}},
      {"He said that June was the hottest month.", "1994", {}},
      // A date that names a line moves no story.
      {"Syria insisted on the line of \"June 4, 1967.\" In May they met.",
       "1994",
       {"June 4, 1967=1967-06-04", "May=1994-05[1994-05-01..1994-05-31]~"}},
      // The story moves forward: a month before the reference's is the next year's.
      {"In October 1978 talks began. On March 10 Carter travelled; in June they met.",
       "",
       {"October 1978=1978-10[1978-10-01..1978-10-31]", "March 10=1979-03-10~",
        "June=1979-06[1979-06-01..1979-06-30]~"}},
      {"In early March Begin visited.", "1978-10", {"March=1979-03[1979-03-01..1979-03-31]~"}},
      // "mid-" hyphenated, after a lead, leads a bare month; a hyphen alone does not, nor does
      // "mid-" without a lead ("between now and mid-January" is no point of the story).
      {"By mid-December the talks stalled.",
       "1978-10",
       {"December=1978-12[1978-12-01..1978-12-31]~"}},
      {"In mid December the talks stalled.",
       "1978-10",
       {"December=1978-12[1978-12-01..1978-12-31]~"}},
      {"The Paris-March talks stalled.", "1978-10", {}},
      {"Between now and mid-January they will deliver.", "1978-10", {}},
      // A span of two years leaves the story in the later one.
      {"During the winter of 1978-1979 talks stalled; in March they resumed.",
       "",
       {"1978-1979=1978/1979[1978-01-01..1979-12-31]", "March=1979-03[1979-03-01..1979-03-31]~"}},
      {"Unlike in the 1980s, in June they met.",
       "1994",
       {"1980s=1980s[1980-01-01..1989-12-31]", "June=1994-06[1994-06-01..1994-06-30]~"}},
      // December after June is the same year's (news would look back half a year).
      {"On June 3, 1994 they met. On December 28 they met again.",
       "",
       {"June 3, 1994=1994-06-03", "December 28=1994-12-28~"}},
      // Day-relative words need a day, which a narrative never gives.
      {"On June 3, 1994 they met; on Saturday they left.", "", {"June 3, 1994=1994-06-03"}},
      {"The next year they met.", "1994", {"next year=1995[1995-01-01..1995-12-31]~"}},
      // Years counted from where the story stands.
      {"In 1984 the treaty began to unravel. Two years later, they met.",
       "",
       {"1984=1984[1984-01-01..1984-12-31]", "Two years later=1986[1986-01-01..1986-12-31]~"}},
      {"A year earlier they had met; the following year they parted.",
       "1994-05",
       {"A year earlier=1993[1993-01-01..1993-12-31]~",
        "the following year=1994[1994-01-01..1994-12-31]~"}},
      {"Some years later they met; 3 years later they parted.",
       "1994",
       {"3 years later=1997[1997-01-01..1997-12-31]~"}},
      // Without a reference yet, relative dates stay unresolved.
      {"In May North Korea withdrew.", "", {}},
      // ... except a day and month before the sentence's own explicit date of a month, on or
      // before which they fall: the sentence's story has that year.
      {"Churchill (replaced on July 26 by Attlee) and Truman met from July 17 to August 2, 1945.",
       "",
       {"July 26=1945-07-26~",
        "July 17 to August 2, 1945=1945-07-17/1945-08-02[1945-07-17..1945-08-02]"}},
      // A range of days whose end the story resolves: the story stands at its last day.
      {"In June 1967 war came. Between June 5 and June 10, Israel won. The next day, it ended.",
       "",
       {"June 1967=1967-06[1967-06-01..1967-06-30]",
        "June 5 and June 10=1967-06-05/1967-06-10[1967-06-05..1967-06-10]~",
        "The next day=1967-06-11~"}},
      {"On 4 May they met, and on June 1, 1950 they signed.",
       "",
       {"4 May=1950-05-04~", "June 1, 1950=1950-06-01"}},
      {"On July 26 he left; in March 1946 he returned.",
       "",
       {"March 1946=1946-03[1946-03-01..1946-03-31]"}},
      {"On July 26 he left; in 1946 he returned.", "", {"1946=1946[1946-01-01..1946-12-31]"}},
      {"On July 26 he left.", "", {}},
  };
  for (const NarrativeCase& c : cases) {
    SCOPED_TRACE(c.text + " @ " + c.reference);
    EXPECT_EQ(Describe(c.text, DateReference{.date = c.reference, .narrative = true}), c.expected);
  }
  // A reference carried over from an earlier paragraph's month: forward within its year only.
  struct CarriedCase {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<CarriedCase> carried = {
      {"On October 24, Khrushchev responded.", {"October 24=1962-10-24~"}},
      {"In December the quarantine ended.", {"December=1962-12[1962-12-01..1962-12-31]~"}},
      {"On 28 October they agreed.", {"28 October=1962-10-28~"}},
      // An earlier month would be the next year's: the paragraph may have moved on.
      {"On March 10 Carter travelled.", {}},
      {"In September they met.", {}},
      // ... and ends the carrying for the rest of the sentence.
      {"On March 10 they left; in November they met.", {}},
      // So does a date of the text's own that moves no narrative.
      {"After the 1961 invasion, on October 24 they met.", {"1961=1961[1961-01-01..1961-12-31]"}},
      // Years counted from it and this/next/last phrases need the paragraph's own story.
      {"The next year they met.", {}},
      {"Two years later, they met.", {}},
      {"Last June they met.", {}},
      // The text's own date ends the carried story: then the narrative moves as before.
      {"In March 1963 they met; in June they parted.",
       {"March 1963=1963-03[1963-03-01..1963-03-31]", "June=1963-06[1963-06-01..1963-06-30]~"}},
      {"In 1963 they met; the next year they parted.",
       {"1963=1963[1963-01-01..1963-12-31]", "next year=1964[1964-01-01..1964-12-31]~"}},
  };
  for (const CarriedCase& c : carried) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(
        Describe(c.text, DateReference{.date = "1962-10", .narrative = true, .carried = true}),
        c.expected);
  }
  // Phrases that count days from the story's day (DateReference::day).
  const std::vector<CarriedCase> days = {
      {"That same day, Kennedy sent a letter.", {"That same day=1962-10-22~"}},
      {"The President spoke on television that evening.", {"that evening=1962-10-22~"}},
      {"The next day, October 23, the OAS met.",
       {"The next day=1962-10-23~", "October 23=1962-10-23~"}},
      {"They had met the day before.", {"the day before=1962-10-21~"}},
      {"They met the day before his inauguration.", {}},
      {"The following morning they left; the next day they returned.",
       {"The following morning=1962-10-23~", "the next day=1962-10-24~"}},
      // Not a day phrase: "that" and "the" before other words, "the day" alone.
      {"They said that the day would come.", {}},
      {"The same people met.", {}},
  };
  for (const CarriedCase& c : days) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(
        Describe(c.text, DateReference{.date = "1962-10", .narrative = true, .day = "1962-10-22"}),
        c.expected);
  }
  // Without a day, or in dated text, they are no dates.
  EXPECT_TRUE(FindDates("That same day, Kennedy sent a letter.",
                        DateReference{.date = "1962-10", .narrative = true})
                  .empty());
  EXPECT_TRUE(FindDates("That same day, Kennedy sent a letter.", "2019-03-01").empty());
  // A carried year resolves nothing.
  EXPECT_TRUE(FindDates("In May they met.",
                        DateReference{.date = "1962", .narrative = true, .carried = true})
                  .empty());
  // Dated text that tells of an earlier year: "In May" after "In 1994" is 1994's May when the
  // document's May is still to come (issue 16); alone, or when the document's May is past, it is
  // the document's.
  EXPECT_EQ(Describe("In 1994 talks began. In May they met.", "2019-03-01"),
            (std::vector<std::string>{"1994=1994[1994-01-01..1994-12-31]",
                                      "May=1994-05[1994-05-01..1994-05-31]~"}));
  EXPECT_EQ(Describe("In May they met.", "2019-03-01"),
            (std::vector<std::string>{"May=2019-05[2019-05-01..2019-05-31]~"}));
  EXPECT_EQ(Describe("In 1994 talks began. In May they met.", "2019-08-01"),
            (std::vector<std::string>{"1994=1994[1994-01-01..1994-12-31]",
                                      "May=2019-05[2019-05-01..2019-05-31]~"}));
}

TEST(FindDatesTest, OffsetsAreBytesOfTheInput) {
  const std::string text = "L\xC3\xB3pez met on 18 March 2019.";
  const std::vector<DateMention> m = FindDates(text, "");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].begin, m[0].end - m[0].begin), "18 March 2019");
  EXPECT_FALSE(m[0].relative);
}

// Random token soups: mentions are ordered, disjoint, inside the text, with well-formed ranges.
TEST(FindDatesTest, RandomTextKeepsInvariants) {
  const std::vector<std::string> pieces = {
      "March", "Mar",   ".",    ",",    " ",   "18",       "18th",  "31",        "2019", "1904",
      "-",     "05",    "/",    "s",    "'",   "the",      "this",  "last",      "next", "earlier",
      "week",  "month", "year", "June", "May", "Saturday", "today", "yesterday", "on",   "in",
      "$",     "%",     "No",   "0",    "99",  "2101",     "0999"};
  std::mt19937 rng(7);
  size_t mentions = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t n = rng() % 30;
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    for (const char* reference : {"", "2019", "2019-03", "2020-02-29", "1000-01-01"}) {
      size_t previous_end = 0;
      for (const DateMention& m : FindDates(text, reference)) {
        SCOPED_TRACE(text + " @ " + reference);
        EXPECT_LE(previous_end, m.begin);
        EXPECT_LT(m.begin, m.end);
        EXPECT_LE(m.end, text.size());
        previous_end = m.end;
        ASSERT_EQ(m.time.start.size(), 10u);
        ASSERT_EQ(m.time.end.size(), 10u);
        EXPECT_LE(m.time.start, m.time.end);
        EXPECT_TRUE(ParseIsoDate(m.time.start).has_value()) << m.time.start;
        EXPECT_TRUE(ParseIsoDate(m.time.end).has_value()) << m.time.end;
        ++mentions;
      }
    }
  }
  EXPECT_GT(mentions, 1000u);
}

TEST(ParseIsoDateTest, IsPartialDateParseTimestamp) {
  EXPECT_EQ(ParseIsoDate("2019-03"), PartialDate::Month(2019, 3).ToTime());
  EXPECT_EQ(ParseIsoDate("2021-03-12T12:13:12-05:00"), PartialDate::Day(2021, 3, 12).ToTime());
  EXPECT_EQ(ParseIsoDate("2019-13"), std::nullopt);
}

}  // namespace
}  // namespace parley
