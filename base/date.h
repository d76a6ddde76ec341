// Partial ISO 8601 dates: the one date type of parley. A PartialDate is a year ("2019"), a month
// ("2019-03") or a day ("2019-03-18") of the proleptic Gregorian calendar, and covers the
// inclusive range of days from its first to its last day. Every layer parses, formats and
// compares dates through it: document dates, rule-file dates, role periods, query windows, the
// store's time index.
//
// Days are also counted as integers (days since 1970-01-01), the form date arithmetic uses.
// Nothing here reads the clock.
//
// Thread-safety: plain values and pure functions.
#ifndef PARLEY_BASE_DATE_H_
#define PARLEY_BASE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/types.h"

namespace parley {

// Years a PartialDate can hold: four digits.
inline constexpr int kMinDateYear = 0;
inline constexpr int kMaxDateYear = 9999;

bool IsLeapYear(int year);
// Days in `month` (1..12) of `year`. REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);
// Days since 1970-01-01 of a calendar day (negative before). REQUIRES: a valid day.
int64_t DaysFromCivil(int year, int month, int day);
// "YYYY-MM-DD" of a day count. REQUIRES: the day lies in years kMinDateYear..kMaxDateYear.
std::string FormatDay(int64_t days);
// 1 = Monday .. 7 = Sunday.
int IsoWeekday(int64_t days);

enum class DatePrecision { kYear, kMonth, kDay };

class PartialDate {
 public:
  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" exactly (no spaces, no timestamp).
  // Errors: InvalidArgument naming the text and the problem, e.g.
  //   "invalid date '2019-13-45': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)".
  static Result<PartialDate> Parse(std::string_view iso);
  // Like Parse, and a timestamp that starts with a day ("2021-03-12T12:13:12-05:00",
  // "2021-03-12 12:13") is cut to that day.
  static Result<PartialDate> ParseTimestamp(std::string_view text);
  // Parse and ParseTimestamp without the error: nullopt where they fail. For callers that test
  // many texts, most of them empty or no date, and need not say why (Parse builds a message).
  static std::optional<PartialDate> TryParse(std::string_view iso);
  static std::optional<PartialDate> TryParseTimestamp(std::string_view text);

  // REQUIRES (all three): kMinDateYear <= year <= kMaxDateYear, a valid month and day.
  static PartialDate Year(int year);
  static PartialDate Month(int year, int month);
  static PartialDate Day(int year, int month, int day);
  // The day `days` after 1970-01-01. REQUIRES: within the year range.
  static PartialDate FromDays(int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }  // 0 at year precision
  int day() const { return day_; }      // 0 unless day precision
  DatePrecision precision() const;

  // The first and last day covered, as day counts and as "YYYY-MM-DD".
  int64_t first_day() const;
  int64_t last_day() const;
  std::string FirstDayString() const { return FormatDay(first_day()); }
  std::string LastDayString() const { return FormatDay(last_day()); }

  // The ISO form at its precision: "2019", "2019-03", "2019-03-18".
  std::string ToString() const;
  // {value: ToString(), start: first day, end: last day}, source text.
  TimeValue ToTime() const;

  // Whether the ranges share a day / whether `other`'s range lies within this one's.
  bool Overlaps(const PartialDate& other) const;
  bool Contains(const PartialDate& other) const;

  // Orders as the ISO strings sort: by year, month, day, a coarser date before the finer
  // ones it contains ("2019" < "2019-01" < "2019-01-01" < "2019-02").
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;

 private:
  PartialDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  int year_ = 0;
  int month_ = 0;
  int day_ = 0;
};

// The first ("2019" -> "2019-01-01") or last ("2019-02" -> "2019-02-28") day a partial ISO
// date covers, as "YYYY-MM-DD"; "" when `iso` is no such date.
std::string FirstDayOf(std::string_view iso);
std::string LastDayOf(std::string_view iso);
// The same first day as a day count (DaysFromCivil); nullopt when `iso` is empty or no date.
std::optional<int64_t> FirstDayCount(std::string_view iso);

// A TimeValue for the day range [first, last] named `value` (a week "2019-W11", a decade
// "1990s", a range "1904/1905"). REQUIRES: first <= last, both within the year range.
TimeValue RangeTime(std::string value, int64_t first, int64_t last);

// The day range of a TimeValue (start and end as day counts); InvalidArgument when start or end
// is not a YYYY-MM-DD day or end is before start.
struct DayRange {
  int64_t first = 0;
  int64_t last = 0;
};
Result<DayRange> TimeRange(const TimeValue& time);

}  // namespace parley

#endif  // PARLEY_BASE_DATE_H_
