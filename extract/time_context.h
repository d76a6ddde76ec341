// The time of a document's narrative: which date a statement takes when its own clause gives
// none, and what the relative dates of each unit resolve against.
//
// A statement's time comes from its own clause when the clause has a date (source "text").
// Otherwise it comes from the document, in one of two ways:
//   dated documents (news, readouts, statements: DocumentInfo::date is set, from metadata or a
//       dateline) report what happened when they were published: the statement takes the
//       document's date (source "document"), and relative dates ("yesterday", "in May")
//       resolve against it, except that a month or day without a year that the document's
//       date would put after itself takes the year of the paragraph's story when an explicit
//       date before it told of an earlier year ("In 1994 ... In May North Korea withdrew" is
//       1994-05 in a speech of March 2024; extract/dates.h DateReference::story).
//   undated documents (a history essay) tell a story whose time moves with the text: the
//       statement takes a date of its own sentence (source "text"), else the latest date of
//       the sentence just before it in its paragraph (source "paragraph"); relative dates
//       resolve against the paragraph's story so far, moving forward (extract/dates.h
//       DateReference::narrative): "In 1994 ... In May North Korea withdrew" is 1994-05.
//       A story told month by month (its latest date a point of month or day precision, or a
//       season of a year, which stands at its first month: NarrativeReference; no
//       other date after it, its paragraph's point dates all of one year) goes on into the
//       next paragraphs, up to their first date and no heading between, for months and days
//       on or after its month ("On October 22,
//       1962 ..." then a paragraph opening "On October 24," is 1962-10-24;
//       DateReference::carried); an earlier month, "the next year", any explicit date of
//       another kind and a story of a year end it; a date that describes a thing ("a withdrawal
//       to June 4, 1967 borders") earlier in the story's own paragraph does not keep it from
//       being carried. Its latest day, when its latest date
//       named one, resolves "that same day", "the next day", "the day before"
//       (DateReference::day).
//       Further on, or in a paragraph that has given no date yet, statements stay undated: a
//       story moves on without saying so (on the Milestones essays a date two or more
//       sentences back was the wrong year half the time; EVALUATION.md), and a wrong year is
//       worse than none.
// Only point dates move the narrative: targets ("by 2050"), baselines ("from 2005 levels"),
// starts ("since 1957") and attributes ("the 1956 revolution") are not when the story stands
// (extract/dates.h DateRole), nor are decades or spans of years; but an event named in the
// phrase that opens a sentence with "In" or "During" is ("In Israel's May 1999 elections,
// Barak defeated Netanyahu. In September, ..." is 1999-09).
//
// Use: one TimeContext per document, fed the document's units in order:
//   TimeContext context(document.info.date);
//   for each unit u:
//     context.StartUnit(u.paragraph);
//     dates = FindDates(u.text, context.reference());
//     context.AddDates(dates);
//     a statement of u whose clause (starting at byte b of u.text) has no date takes
//     context.Fallback(b).
//
// Thread-safety: a TimeContext belongs to one document and one thread; the class keeps no
// state between documents and reads no clock.
#ifndef PARLEY_EXTRACT_TIME_CONTEXT_H_
#define PARLEY_EXTRACT_TIME_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/dates.h"

namespace parley {

class TimeContext {
 public:
  // `document_date` is DocumentInfo::date: ISO of any precision, or empty for an undated
  // document. A value that is not an ISO date counts as empty.
  explicit TimeContext(std::string_view document_date);

  // True for an undated document, whose statements take their paragraph's time.
  bool narrative() const { return narrative_; }

  // Moves to the next unit, of paragraph `paragraph` (extract/prepare.h
  // PreparedSentence::paragraph); `heading` for a unit that is no sentence of the text (a
  // heading, a title-like or short line: not PreparedSentence::relational), which ends the
  // story a narrative carries across paragraphs. REQUIRES: paragraphs non-decreasing across
  // calls.
  void StartUnit(uint32_t paragraph, bool heading = false);

  // What FindDates resolves the current unit's relative dates against: the document date (and
  // the paragraph's story, when it is of an earlier year), or in a narrative where the
  // paragraph's story stands (NarrativeReference of its latest point date so far; empty before
  // the first).
  DateReference reference() const;

  // Records the current unit's dates, as FindDates returned them for reference(): byte offsets
  // into the unit's text, in text order. Dates that may be a claim's time (IsClaimTime) are
  // the sentence's; point dates move the narrative's reference (NarrativeReference), and those
  // within one year are times the paragraph carries on (IsNarrativeTime).
  void AddDates(const std::vector<DateMention>& dates);

  // The time a statement of the current unit takes when its clause, which starts at byte
  // `clause_begin` of the unit's text, has no date of its own: the document's date (source
  // document); in a narrative the unit's latest date before `clause_begin`, else its first date
  // (source text: the sentence's own), else the latest date of the unit just before it in the
  // paragraph (source paragraph); nullopt when there is none.
  // Dates within `skip` (byte ranges of the unit's text: the claim's content, "agreed to
  // reconvene on May 10, 1775") are not the clause's.
  std::optional<TimeValue> Fallback(size_t clause_begin,
                                    const std::vector<std::pair<size_t, size_t>>& skip = {}) const;

  // When the current unit as a whole speaks of, the date its offices resolve against ("the
  // President" in a 1962 paragraph): the document's date, or in a narrative the unit's first
  // date, else the paragraph's latest before it; nullopt when there is none.
  std::optional<TimeValue> UnitTime() const;

 private:
  struct Dated {
    size_t begin = 0;  // in the current unit's text
    TimeValue time;
    bool narrative = false;  // a point date within a year: a time the paragraph may carry on
  };

  bool narrative_ = true;
  std::optional<TimeValue> document_time_;
  std::string document_date_;
  std::optional<uint32_t> paragraph_;
  // The previous unit's latest date (same paragraph), and the current unit's dates.
  std::optional<TimeValue> before_unit_;
  std::vector<Dated> unit_dates_;
  std::string reference_;  // the narrative's reference, for reference()
  // reference_ is an earlier paragraph's, at month precision (DateReference::carried).
  bool carried_ = false;
  // reference_ was set by the latest date of the text so far (no date of another kind came
  // after it): only then may the next paragraph carry it.
  bool clean_ = false;
  // The current paragraph's point dates so far all fall in one year, paragraph_year_ ("" before
  // the first): only then may the next paragraph carry its story.
  bool one_year_ = true;
  std::string paragraph_year_;
  std::string day_;    // the narrative's day, for reference() (DateReference::day)
  std::string story_;  // a dated text's story in the paragraph (DateReference::story)
};

}  // namespace parley

#endif  // PARLEY_EXTRACT_TIME_CONTEXT_H_
