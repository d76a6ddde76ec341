#include "base/date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace parley {
namespace {

TEST(PartialDateTest, ParsesEveryPrecision) {
  struct Case {
    std::string in;
    DatePrecision precision;
    std::string first, last;
  };
  const std::vector<Case> cases = {
      {"2019", DatePrecision::kYear, "2019-01-01", "2019-12-31"},
      {"2020-02", DatePrecision::kMonth, "2020-02-01", "2020-02-29"},
      {"1900-02", DatePrecision::kMonth, "1900-02-01", "1900-02-28"},
      {"2000-02", DatePrecision::kMonth, "2000-02-01", "2000-02-29"},
      {"2019-03-05", DatePrecision::kDay, "2019-03-05", "2019-03-05"},
      {"0001", DatePrecision::kYear, "0001-01-01", "0001-12-31"},
      {"9999-12", DatePrecision::kMonth, "9999-12-01", "9999-12-31"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    Result<PartialDate> d = PartialDate::Parse(c.in);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(d->precision(), c.precision);
    EXPECT_EQ(d->ToString(), c.in);
    EXPECT_EQ(d->FirstDayString(), c.first);
    EXPECT_EQ(d->LastDayString(), c.last);
    const TimeValue t = d->ToTime();
    EXPECT_EQ(t, (TimeValue{c.in, c.first, c.last, TimeSource::kText}));
  }
}

TEST(PartialDateTest, RejectsWithTheReason) {
  const std::string kExpected = " (expected YYYY, YYYY-MM or YYYY-MM-DD)";
  struct Case {
    std::string in, message;
  };
  const std::vector<Case> cases = {
      {"2019-13-45", "invalid date '2019-13-45': month 13 is out of range" + kExpected},
      {"2019-13", "invalid date '2019-13': month 13 is out of range" + kExpected},
      {"2019-00", "invalid date '2019-00': month 0 is out of range" + kExpected},
      {"2019-02-29", "invalid date '2019-02-29': day 29 is out of range for 2019-02" + kExpected},
      {"2019-04-31", "invalid date '2019-04-31': day 31 is out of range for 2019-04" + kExpected},
      {"2019-04-00", "invalid date '2019-04-00': day 0 is out of range for 2019-04" + kExpected},
      {"19", "invalid date '19'" + kExpected},
      {"", "invalid date ''" + kExpected},
      {"2019/03", "invalid date '2019/03'" + kExpected},
      {"2019-3-18", "invalid date '2019-3-18'" + kExpected},
      {"20190318", "invalid date '20190318'" + kExpected},
      {"March 2019", "invalid date 'March 2019'" + kExpected},
      {"2019-03-18T10:00", "invalid date '2019-03-18T10:00'" + kExpected},
      {"-019", "invalid date '-019'" + kExpected},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    Result<PartialDate> d = PartialDate::Parse(c.in);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(d.status().message(), c.message);
  }
}

TEST(PartialDateTest, TimestampsAreCutToTheDay) {
  for (const char* in : {"2021-03-12T12:13:12-05:00", "2021-03-12 12:13", "2021-03-12"}) {
    SCOPED_TRACE(in);
    Result<PartialDate> d = PartialDate::ParseTimestamp(in);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(*d, PartialDate::Day(2021, 3, 12));
  }
  EXPECT_FALSE(PartialDate::ParseTimestamp("2021-03-12X").ok());
  EXPECT_FALSE(PartialDate::ParseTimestamp("2021-02-30T00:00").ok());
}

TEST(PartialDateTest, TryParseAcceptsWhatParseAccepts) {
  for (const char* in : {"2019",       "2020-02",    "2019-03-05",       "0001",
                         "9999-12",    "2019-13-45", "2019-13",          "2019-00",
                         "2019-02-29", "2020-02-29", "2019-04-31",       "2019-04-00",
                         "19",         "",           "2019/03",          "2019-3-18",
                         "20190318",   "March 2019", "2019-03-18T10:00", "-019",
                         "20a9",       "2019-1a",    "2019-01-3x"}) {
    SCOPED_TRACE(in);
    const Result<PartialDate> parsed = PartialDate::Parse(in);
    const std::optional<PartialDate> tried = PartialDate::TryParse(in);
    ASSERT_EQ(tried.has_value(), parsed.ok());
    if (tried) {
      EXPECT_EQ(*tried, *parsed);
    }
    const Result<PartialDate> stamp = PartialDate::ParseTimestamp(in);
    const std::optional<PartialDate> tried_stamp = PartialDate::TryParseTimestamp(in);
    ASSERT_EQ(tried_stamp.has_value(), stamp.ok());
    if (tried_stamp) {
      EXPECT_EQ(*tried_stamp, *stamp);
    }
  }
}

TEST(PartialDateTest, OrdersLikeIsoStrings) {
  const std::vector<std::string> sorted = {"1999-12-31", "2019",    "2019-01", "2019-01-01",
                                           "2019-01-31", "2019-02", "2019-10", "2020"};
  for (size_t i = 0; i + 1 < sorted.size(); ++i) {
    SCOPED_TRACE(sorted[i] + " < " + sorted[i + 1]);
    EXPECT_LT(*PartialDate::Parse(sorted[i]), *PartialDate::Parse(sorted[i + 1]));
    EXPECT_LT(sorted[i], sorted[i + 1]);
  }
}

TEST(PartialDateTest, RangesOverlapAndContain) {
  const PartialDate year = PartialDate::Year(2019);
  const PartialDate march = PartialDate::Month(2019, 3);
  const PartialDate day = PartialDate::Day(2019, 3, 18);
  const PartialDate next = PartialDate::Day(2020, 1, 1);
  EXPECT_TRUE(year.Contains(march));
  EXPECT_TRUE(march.Contains(day));
  EXPECT_FALSE(day.Contains(march));
  EXPECT_TRUE(day.Overlaps(year));
  EXPECT_FALSE(year.Overlaps(next));
  EXPECT_FALSE(year.Contains(next));
}

TEST(PartialDateTest, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(IsoWeekday(0), 4);  // a Thursday
  for (int64_t days = DaysFromCivil(1600, 1, 1); days < DaysFromCivil(2400, 1, 1); days += 37) {
    const PartialDate d = PartialDate::FromDays(days);
    ASSERT_EQ(d.first_day(), days);
    ASSERT_EQ(FormatDay(days), d.ToString());
  }
  EXPECT_EQ(FormatDay(DaysFromCivil(1, 1, 1)), "0001-01-01");
}

TEST(PartialDateTest, TimeRangeOfTimeValues) {
  Result<DayRange> range =
      TimeRange(RangeTime("1990s", DaysFromCivil(1990, 1, 1), DaysFromCivil(1999, 12, 31)));
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->last - range->first, 3651);
  EXPECT_FALSE(TimeRange(TimeValue{"x", "2019-01-02", "2019-01-01"}).ok());
  EXPECT_FALSE(TimeRange(TimeValue{"x", "2019", "2019-01-01"}).ok());
}

}  // namespace
}  // namespace parley
