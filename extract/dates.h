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

struct DateMention {
  size_t begin = 0, end = 0;  // byte offsets into the text passed to FindDates
  TimeValue time;             // ISO value + start/end (YYYY-MM-DD)
  bool relative = false;      // resolved against the reference date
  friend bool operator==(const DateMention&, const DateMention&) = default;
};

// Finds and normalises date expressions in `text` (a normalised sentence), in text order, not
// overlapping. `reference` is the document date (ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a
// longer timestamp is cut to its date; may be empty: then relative expressions that need it
// are skipped).
std::vector<DateMention> FindDates(std::string_view text, std::string_view reference);

// True when `token`, a token of the rule tokenizer (extract/rule_tokens.h) made of ASCII letters
// and digits, may start a date: it starts with a digit, or it is a month name or abbreviation,
// a weekday or a relative-date word ("today", "Last", ...). In an ASCII text, FindDates finds
// dates only where such a token starts, so a caller that has tokenized the text may skip it.
bool MayStartDate(std::string_view token);

// Parses an ISO date of any precision ("2019", "2019-03", "2019-03-18", "2019-03-18T12:00:00Z"
// is cut to the day) into a TimeValue; nullopt when `iso` is not one (or not a real day).
std::optional<TimeValue> ParseIsoDate(std::string_view iso);

// TimeValues for a year, a month and a day. REQUIRES: valid calendar values.
TimeValue YearTime(int year);
TimeValue MonthTime(int year, int month);
TimeValue DayTime(int year, int month, int day);

}  // namespace parley

#endif  // PARLEY_EXTRACT_DATES_H_
