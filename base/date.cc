#include "base/date.h"

#include <string>

namespace parley {
namespace {

constexpr std::string_view kExpected = " (expected YYYY, YYYY-MM or YYYY-MM-DD)";

Status BadDate(std::string_view text, std::string_view problem) {
  std::string message = "invalid date '";
  message.append(text);
  message.append("'");
  if (!problem.empty()) {
    message.append(": ");
    message.append(problem);
  }
  message.append(kExpected);
  return InvalidArgumentError(std::move(message));
}

void AppendPadded(int value, int width, std::string* out) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out->append(buf, static_cast<size_t>(width));
}

struct Civil {
  int y = 0;
  int m = 0;
  int d = 0;
};

// After H. Hinnant's civil_from_days.
Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

std::string FormatCivil(int y, int m, int d) {
  std::string out;
  out.reserve(10);
  AppendPadded(y, 4, &out);
  out.push_back('-');
  AppendPadded(m, 2, &out);
  out.push_back('-');
  AppendPadded(d, 2, &out);
  return out;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// After H. Hinnant's days_from_civil.
int64_t DaysFromCivil(int year, int month, int day) {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string FormatDay(int64_t days) {
  const Civil c = CivilFromDays(days);
  return FormatCivil(c.y, c.m, c.d);
}

int IsoWeekday(int64_t days) {
  const int64_t w = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w) + 1;
}

namespace {

enum class DateFault { kNone, kShape, kMonth, kDay };

// The value of the two ASCII digits at s[pos] (REQUIRES: pos + 2 <= s.size()), or -1.
inline int TwoDigits(std::string_view s, size_t pos) {
  const unsigned a = static_cast<unsigned char>(s[pos]) - '0';
  const unsigned b = static_cast<unsigned char>(s[pos + 1]) - '0';
  return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

// The fields of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (0 for those absent), or what is wrong.
// Inline digit tests: RoleContains and the date finder parse dates by the ten thousand.
DateFault ParseFields(std::string_view iso, int* y, int* m, int* d) {
  *m = *d = 0;
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return DateFault::kShape;
  const int high = TwoDigits(iso, 0), low = TwoDigits(iso, 2);
  if (high < 0 || low < 0) return DateFault::kShape;
  *y = high * 100 + low;
  if (iso.size() == 4) return DateFault::kNone;
  *m = TwoDigits(iso, 5);
  if (iso[4] != '-' || *m < 0) return DateFault::kShape;
  if (*m < 1 || *m > 12) return DateFault::kMonth;
  if (iso.size() == 7) return DateFault::kNone;
  *d = TwoDigits(iso, 8);
  if (iso[7] != '-' || *d < 0) return DateFault::kShape;
  if (*d < 1 || *d > DaysInMonth(*y, *m)) return DateFault::kDay;
  return DateFault::kNone;
}

std::string_view TimestampDay(std::string_view text) {
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) text = text.substr(0, 10);
  return text;
}

}  // namespace

Result<PartialDate> PartialDate::Parse(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  switch (ParseFields(iso, &y, &m, &d)) {
    case DateFault::kNone:
      return PartialDate(y, m, d);
    case DateFault::kShape:
      return BadDate(iso, "");
    case DateFault::kMonth:
      return BadDate(iso, "month " + std::to_string(m) + " is out of range");
    case DateFault::kDay:
      return BadDate(iso, "day " + std::to_string(d) + " is out of range for " +
                              FormatCivil(y, m, 1).substr(0, 7));
  }
  return BadDate(iso, "");
}

std::optional<PartialDate> PartialDate::TryParse(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (ParseFields(iso, &y, &m, &d) != DateFault::kNone) return std::nullopt;
  return PartialDate(y, m, d);
}

Result<PartialDate> PartialDate::ParseTimestamp(std::string_view text) {
  return Parse(TimestampDay(text));
}

std::optional<PartialDate> PartialDate::TryParseTimestamp(std::string_view text) {
  return TryParse(TimestampDay(text));
}

PartialDate PartialDate::Year(int year) { return PartialDate(year, 0, 0); }
PartialDate PartialDate::Month(int year, int month) { return PartialDate(year, month, 0); }
PartialDate PartialDate::Day(int year, int month, int day) { return PartialDate(year, month, day); }

PartialDate PartialDate::FromDays(int64_t days) {
  const Civil c = CivilFromDays(days);
  return Day(c.y, c.m, c.d);
}

DatePrecision PartialDate::precision() const {
  if (month_ == 0) return DatePrecision::kYear;
  return day_ == 0 ? DatePrecision::kMonth : DatePrecision::kDay;
}

int64_t PartialDate::first_day() const {
  return DaysFromCivil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

int64_t PartialDate::last_day() const {
  if (month_ == 0) return DaysFromCivil(year_, 12, 31);
  return DaysFromCivil(year_, month_, day_ == 0 ? DaysInMonth(year_, month_) : day_);
}

std::string PartialDate::ToString() const {
  std::string out;
  out.reserve(10);
  AppendPadded(year_, 4, &out);
  if (month_ == 0) return out;
  out.push_back('-');
  AppendPadded(month_, 2, &out);
  if (day_ == 0) return out;
  out.push_back('-');
  AppendPadded(day_, 2, &out);
  return out;
}

TimeValue PartialDate::ToTime() const {
  TimeValue t;
  t.value = ToString();
  if (day_ != 0) {
    t.start = t.value;
    t.end = t.value;
  } else {
    t.start = FormatCivil(year_, month_ == 0 ? 1 : month_, 1);
    t.end = month_ == 0 ? FormatCivil(year_, 12, 31)
                        : FormatCivil(year_, month_, DaysInMonth(year_, month_));
  }
  return t;
}

bool PartialDate::Overlaps(const PartialDate& other) const {
  return first_day() <= other.last_day() && other.first_day() <= last_day();
}

bool PartialDate::Contains(const PartialDate& other) const {
  return first_day() <= other.first_day() && other.last_day() <= last_day();
}

TimeValue RangeTime(std::string value, int64_t first, int64_t last) {
  TimeValue t;
  t.value = std::move(value);
  t.start = FormatDay(first);
  t.end = FormatDay(last);
  return t;
}

std::string FirstDayOf(std::string_view iso) {
  Result<PartialDate> d = PartialDate::Parse(iso);
  return d.ok() ? d->FirstDayString() : std::string();
}

std::optional<int64_t> FirstDayCount(std::string_view iso) {
  const std::optional<PartialDate> date = PartialDate::TryParse(iso);
  if (!date) return std::nullopt;
  return date->first_day();
}

std::string LastDayOf(std::string_view iso) {
  Result<PartialDate> d = PartialDate::Parse(iso);
  return d.ok() ? d->LastDayString() : std::string();
}

Result<DayRange> TimeRange(const TimeValue& time) {
  Result<PartialDate> start = PartialDate::Parse(time.start);
  Result<PartialDate> end = PartialDate::Parse(time.end);
  if (!start.ok() || start->precision() != DatePrecision::kDay || !end.ok() ||
      end->precision() != DatePrecision::kDay || end->first_day() < start->first_day()) {
    return InvalidArgumentError("time '" + time.value + "' has no valid day range ('" + time.start +
                                "'..'" + time.end + "')");
  }
  return DayRange{start->first_day(), end->first_day()};
}

}  // namespace parley
