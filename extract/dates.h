// Date expressions: finds them in a normalised sentence and turns them into TimeValues
// (base/types.h): ISO value at the precision the text gives plus the calendar range it covers.
//
// Covered (English):
//   absolute  "2019-03-18"; "March 18, 2019", "18 March 2019", "Mar. 18th, 2019";
//             "January 14-24, 1943" -> "1943-01-14/1943-01-24"; so are "August 9 and 10,
//             1941", "from July 17 to August 2, 1945", "between June 5 and June 10" (days
//             "from" ... "to"/"through"/"until" or "between" ... "and" join, within a year;
//             not after a verb of changing: "moved the meeting from May 3 to May 5");
//             "September 2018"; "in 2018" and other stand-alone years 1000..2100; "1904-05",
//             "1904-1905" -> "1904/1905"; "the 1990s" -> "1990s" (1990-01-01..1999-12-31);
//             a season before "of YEAR" (the year's span): "the summer of 1977" ->
//             "1977-06/1977-08", "the early/late summer of" its first/last two months, "the
//             spring and early summer of 1978" -> "1978-03/1978-07" (spring, summer, autumn,
//             fall; not winter, which straddles two years, nor "the Prague Spring of 1968")
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
// before "levels" or after "compared with", "relative to", "than" a baseline; one after
// "since" a start; a bare year after "the", "a" or a possessive and before a word, or after
// "of" (not "summer of"), or a date right before a common noun, an attribute; a month or day
// after "the" and before a word names an event; others are points.
// Not dates: "14%", "G20", "$50 billion", "No. 10", "1,000 troops", "2,000", "2019.5", four-digit
// counts before a unit noun ("1500 troops"), numbers inside words.
//
// Nothing here reads the clock: relative expressions resolve against `reference`.
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_DATES_H_
#define PARLEY_EXTRACT_DATES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/types.h"
#include "extract/rule_tokens.h"

namespace parley {

// What a date says about the clause it is in.
enum class DateRole {
  kPoint,      // when something happens: "in 2018", "on March 18"
  kSince,      // the start of what still holds: "since 2014"; a claim's time, not a narrative's
  kTarget,     // a deadline or goal, not the time of the act: "by 2050", "until 2030",
               // "through 2025", "by the end of 2030", "by the fall of 2022", "no later than 2030",
               // "the 2030 target"
  kBaseline,   // a point of comparison: "from 2005 levels", "compared with 2019", "than in 2010",
               // or a bound: "before 1979", "prior to 1979"
  kNamed,      // the date of an event named with it: "the June 1967 Arab-Israeli War", "at the
               // September 2018 Eastern Economic Forum"; a claim's time, not a narrative's
               // (a narrative's point when a phrase opening the sentence with "In" or "During"
               // names the event: "In Israel's May 1999 elections,")
  kAttribute,  // a date describing a thing: "the 1967 ceasefire lines", "Reagan's 1987 speech",
               // "the Declaration of 1950" (not "the summer of 1977"), "June 4, 1967 borders",
               // "the line of June 4, 1967"
};
// "point", "since", "target", "baseline", "named", "attribute".
std::string_view DateRoleName(DateRole role);
// Whether a date of the role may be the time of a claim: a point, a start or an event's date.
inline bool IsClaimTime(DateRole role) {
  return role == DateRole::kPoint || role == DateRole::kSince || role == DateRole::kNamed;
}

struct DateMention {
  size_t begin = 0, end = 0;  // byte offsets into the text passed to FindDates
  TimeValue time;             // ISO value + start/end (YYYY-MM-DD)
  bool relative = false;      // resolved against the reference date
  DateRole role = DateRole::kPoint;
  // Relative and after the reference by its own words ("tomorrow", "next week", "next
  // Saturday", "later this year") in a text that is no narrative: what it dates is still to
  // come when the text was written. "in June" is not (it may be past), nor is an essay's "the
  // next month".
  bool ahead = false;
  friend bool operator==(const DateMention&, const DateMention&) = default;
};

// What relative dates resolve against.
struct DateReference {
  // ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a longer timestamp is cut to its date); may be empty:
  // then relative expressions that need it are skipped.
  std::string_view date;
  // Narrative text (a history essay, extract/time_context.h): the story moves forward. Every
  // point date the text gives becomes the reference of the relative dates after it
  // (NarrativeReference: at month precision at most), and a month without a year is the next
  // one on or after the reference: "In 1994 ... In May" is 1994-05, "In October 1978 ... on
  // March 10" is 1979-03-10, "the next year" after 1994 is 1995. Before the story has a year
  // (`date` empty), a day and month take the year of the sentence's next explicit date naming
  // a month when they fall on or before it ("(replaced on July 26 by ...) ... from July 17 to
  // August 2, 1945" is 1945-07-26). Day-relative words ("on Saturday", "yesterday") are not
  // resolved. A sentence-opening "By January 1978," is a point,
  // not a target, as is "by December" opening a later clause ("achieved nothing, and by December
  // the Palestinians suspended talks"); "That July," opening a clause is a month of the story;
  // a date naming a line ("the line of June 4, 1967") is an attribute and moves no story.
  // Default: false (the reference stays `date`, the document date of news).
  bool narrative = false;
  // Narrative only: `date` is where an earlier paragraph's story stood, at month precision
  // (extract/time_context.h carries it over). A month, or a day and month, without a year on or
  // after that month is in its year ("In October 1962 ..." then a paragraph opening "On October
  // 24,"); an earlier month stays unresolved, as do years counted from it ("the next year") and
  // "this/next/last" phrases: a new paragraph may have moved on without saying so. Default:
  // false.
  bool carried = false;
  // Narrative only: the story's latest day, ISO "YYYY-MM-DD" (its latest point date, when that
  // named one day; carried as `date` is), or empty. Phrases that count days resolve against it:
  // "that (same) day", "the same day", "that morning/evening/night" are that day, "the next
  // day", "the following day/morning" the day after, "the day before", "the previous day" the
  // day before ("On October 22, he ordered a quarantine." ... "That same day, Kennedy sent a
  // letter" is 1962-10-22). Default: empty.
  std::string_view day;
  // Dated text (news, a speech) that tells of an earlier year: where its story stands, ISO
  // "YYYY" or "YYYY-MM" (NarrativeReference of the latest explicit point date of the paragraph
  // before an earlier year than `date`'s), or empty. A month or a day without a year that `date`
  // would put after itself takes the story's year, moving forward, unless the text says "will"
  // or "shall"; deictic words ("yesterday", "next month") keep `date`: in a text of March 2024,
  // "In 1994 ... In May North Korea withdrew" is 1994-05, but "In February, he appointed" and
  // "will host ... on June 8" are 2024's. FindDates moves the story within the text too.
  std::string_view story;
};

// Whether `time` may be a narrative's time: a valid range within one calendar year (a year, a
// month, a day, a range of days), not a decade or a span of years.
bool IsNarrativeTime(const TimeValue& time);

// Where a point date leaves a narrative (DateReference::narrative): "YYYY-MM" for a month, a
// day or days of one month, and the first month of whole months within a year ("1977-06" for
// the summer's "1977-06/1977-08"); "YYYY" for a year or another span within one; the later year for
// a span of two ("the winter of 1978-1979"); "" for anything longer (a decade), which leaves it.
std::string NarrativeReference(const TimeValue& time);

// Finds and normalises date expressions in `text` (a normalised sentence), in text order, not
// overlapping, each with its role.
std::vector<DateMention> FindDates(std::string_view text, const DateReference& reference);
// FindDates without its first test, whether a letters-and-digits run of `text` holds a digit or
// is a date word (where none does, it finds no date): for a caller that has found a token that
// may start a date (MayStartDate) already. The same dates as FindDates.
std::vector<DateMention> FindDatesUntested(std::string_view text, const DateReference& reference);
// FindDatesUntested for a text the caller has tokenized already with the rule tokenizer
// (extract/rule_tokens.h): the same dates, without tokenizing the text again. In an ASCII text
// without '_' the rule tokenizer's tokens are this finder's (runs of letters and digits, every
// other byte but white space alone). REQUIRES: `text` is ASCII and holds no '_'; `tokens` are
// Tokenize(text)'s.
std::vector<DateMention> FindDatesUntested(std::string_view text, const DateReference& reference,
                                           const std::vector<internal::Token>& tokens);
// FindDates(text, {.date = reference}): `reference` is the document date.
std::vector<DateMention> FindDates(std::string_view text, std::string_view reference);

// True when `token`, a token of the rule tokenizer (extract/rule_tokens.h) made of ASCII letters
// and digits, may be where FindDates finds a date: it starts with four digits (a year, a decade,
// an ISO date), or it is a month name or abbreviation, a weekday or a relative-date word
// ("today", "Last", "ago", ...). A shorter number starts a date only before a month name ("18
// March"), or counts back to one with "ago": that word passes the test itself. In an ASCII text,
// FindDates finds dates only when one of its tokens passes, so a caller that has tokenized the
// text may skip FindDates' own test.
bool MayStartDate(std::string_view token);
// MayStartDate for a token followed by the token `next` ("" at the text's end) in a text that is
// a narrative or not (DateReference::narrative): "this", "last" and "next" date something only
// before "year", "month", "week" or a part of the day (or a weekday or a month name, which pass
// themselves), "earlier" and "later" only before "this" (which passes then), "year" and "years"
// only in a narrative ("two years later"). In an ASCII text, FindDates finds dates only when one
// of its tokens passes.
bool MayStartDate(std::string_view token, std::string_view next, bool narrative);

// The lower-case spellings of the words MayStartDate takes besides digits (month names and
// their abbreviations, weekdays, relative-date words): a token whose lower-cased text is none of
// them starts no date, so a caller that has looked the tokens up in a vocabulary can mark these
// words' ids once (CompiledRules::date_word_ids) and pass over the others by id.
std::vector<std::string> DateWordSpellings();

// The first bytes and lengths of the words MayStartDate takes besides digits: per byte, bit L
// is set when such a word of L bytes starts with it (the capitals of the month names, weekdays
// and relative-date words, and the lower-case initials of the relative-date words; derived from
// those lists in dates.cc).
extern const std::array<uint16_t, 256> kDateWordLengths;

// MayStartDate's first test of a letters token, inline for callers that test every token: false
// when no date word has the token's first byte and length (most capitalised words: names).
inline bool MayBeDateWord(std::string_view token) {
  return token.size() >= 3 && token.size() <= 9 &&
         ((kDateWordLengths[static_cast<unsigned char>(token[0])] >> token.size()) & 1) != 0;
}

// PartialDate::ParseTimestamp(iso)->ToTime() (base/date.h), nullopt when `iso` is not a date.
std::optional<TimeValue> ParseIsoDate(std::string_view iso);

}  // namespace parley

#endif  // PARLEY_EXTRACT_DATES_H_
