// Date expressions: finds them in a normalised sentence and turns them into TimeValues
// (base/types.h): ISO value at the precision the text gives plus the calendar range it covers.
//
// Covered (English):
//   absolute  "2019-03-18"; "March 18, 2019", "18 March 2019", "Mar. 18th, 2019";
//             "January 14-24, 1943" -> "1943-01-14/1943-01-24";
//             "September 2018"; "in 2018" and other stand-alone years 1000..2100; "1904-05",
//             "1904-1905" -> "1904/1905"; "the 1990s" -> "1990s" (1990-01-01..1999-12-31)
//   relative  (need a reference date of sufficient precision, else skipped)
//             "March 18", "18 March" (year of the reference; the previous year when the day
//             would lie more than half a year after the reference: "December 28" in a January
//             article is last December); "today", "tonight", "this morning", "yesterday",
//             "last night", "tomorrow"; weekdays ("on Saturday": the latest Saturday on or
//             before the reference, "last Saturday" strictly before, "next Saturday" strictly
//             after); "this/last/next week" (ISO week "2019-W11"), "this/last/next month",
//             "this/last/next year", "earlier/later this week/month/year"; "this June",
//             "in June" (the reference year), "last June", "next June".
// Roles (DateRole): a date after "by", "until", "through" or before "target" is a target; one
// before "levels" or after "compared with", "relative to", "than" a baseline; others are points.
// Not dates: "14%", "G20", "$50 billion", "No. 10", "1,000 troops", "2,000", "2019.5", four-digit
// counts before a unit noun ("1500 troops"), numbers inside words.
//
// Nothing here reads the clock: relative expressions resolve against `reference`.
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_DATES_H_
#define PARLEY_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "base/types.h"

namespace parley {

// What a date says about the clause it is in.
enum class DateRole {
  kPoint,     // when something happens: "in 2018", "on March 18", "since 2014"
  kTarget,    // a deadline or goal, not the time of the act: "by 2050", "until 2030",
              // "through 2025", "by the end of 2030", "no later than 2030", "the 2030 target"
  kBaseline,  // a point of comparison: "from 2005 levels", "compared with 2019", "than in 2010"
};
// "point", "target", "baseline".
std::string_view DateRoleName(DateRole role);

struct DateMention {
  size_t begin = 0, end = 0;  // byte offsets into the text passed to FindDates
  TimeValue time;             // ISO value + start/end (YYYY-MM-DD)
  bool relative = false;      // resolved against the reference date
  DateRole role = DateRole::kPoint;
  friend bool operator==(const DateMention&, const DateMention&) = default;
};

// What relative dates resolve against.
struct DateReference {
  // ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a longer timestamp is cut to its date); may be empty:
  // then relative expressions that need it are skipped.
  std::string_view date;
  // Narrative text (a history essay, extract/time_context.h): every explicit point date the text
  // gives (IsNarrativeTime: a year, a month, a day, not a decade) becomes, at year precision, the
  // reference of the relative dates after it: "In 1994 ... In May" is 1994-05, "the next year"
  // 1995. A year-precision reference never moves a month into the previous year. Default: false
  // (the reference stays `date`, the document date of news).
  bool narrative = false;
};

// Whether `time` may be a narrative's time: a valid range within one calendar year (a year, a
// month, a day, a range of days), not a decade or a span of years.
bool IsNarrativeTime(const TimeValue& time);

// Finds and normalises date expressions in `text` (a normalised sentence), in text order, not
// overlapping, each with its role.
std::vector<DateMention> FindDates(std::string_view text, const DateReference& reference);
// FindDates(text, {.date = reference}): `reference` is the document date.
std::vector<DateMention> FindDates(std::string_view text, std::string_view reference);

// True when `token`, a token of the rule tokenizer (extract/rule_tokens.h) made of ASCII letters
// and digits, may start a date: it starts with a digit, or it is a month name or abbreviation,
// a weekday or a relative-date word ("today", "Last", ...). In an ASCII text, FindDates finds
// dates only where such a token starts, so a caller that has tokenized the text may skip it.
bool MayStartDate(std::string_view token);

// PartialDate::ParseTimestamp(iso)->ToTime() (base/date.h), nullopt when `iso` is not a date.
std::optional<TimeValue> ParseIsoDate(std::string_view iso);

}  // namespace parley

#endif  // PARLEY_EXTRACT_DATES_H_
