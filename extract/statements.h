// Statement assembly: relation rule matches into statements. Captured mentions fill the roles
// (an actor slot takes what a place acts as), unbound qualifiers (time, place, event) are
// attached from the sentence, a time still unbound comes from the narrative or the document
// (extract/time_context.h), the modality comes from the rule or from cue words, and
// candidates for the same claim are merged by the relation overlap policy (rules/README.md
// sections 5 and 10).
//
// Thread-safety: per document, on one thread.
#ifndef PARLEY_EXTRACT_STATEMENTS_H_
#define PARLEY_EXTRACT_STATEMENTS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/mentions.h"
#include "extract/rule_matcher.h"
#include "extract/rule_prefilter.h"
#include "extract/tagged_sentence.h"
#include "extract/time_context.h"

namespace parley::internal {

// A statement before the overlap policy: where in the tagged sentence it was read
// ([begin, begin + length) in bytes of Tagged::tagged) and its rule's priority.
struct StatementCandidate {
  Statement statement;
  size_t length = 0;
  int priority = 0;
  size_t begin = 0;
  // Which of a verb's coordinated complements the statement reads ("pledged to create X, and
  // to enter into Y": 0 and 1): each is a claim of its own, though their spans overlap.
  size_t part = 0;
};

// Runs the relation rules (only `only_relation` when not empty) on `s` and appends the
// statements, and with doc.trace the rule firings, to `out`. `headline`: `s` is a unit that is
// no sentence (a headline, a title, a feed item without a final full stop); only frames run, on
// clauses whose subject stands right before a finite verb ("Japan rejects Chinese proposal").
void Relations(const Tagged& s, Prefilter* prefilter, const DocState& doc,
               std::string_view only_relation, bool headline, SentenceAnalysis* out);

// The relation overlap policy: one statement per claim (subject, predicate, object,
// recipient, StatementCandidate::part); of candidates for one claim whose spans overlap, the
// longest, then the higher priority, then the earliest, then the smaller rule id stays; identical
// statements are one wherever they were read. Appends the kept statements to out->statements.
void ResolveRelationOverlaps(std::vector<StatementCandidate>* candidates, SentenceAnalysis* out);

// Fills the unbound time, event and place of `st` that the rule attaches (rules/README.md
// section 10, step 5): for each, the nearest mention of that kind not in `used`, inside units
// [u0, u1) or at most 6 units outside, skipping the units `blocked` marks (null: none). A time
// is a date that may be a claim's (IsClaimTime), not inside `content` (unit ranges of captured
// text: "agreed to reconvene on May 10, 1775" dates the reconvening) nor in an aside around the
// claim (a relative clause after a comma that opens after it, parentheses that do not hold it:
// "the Geneva Conference, which had been established in December 1973"); without one, the time of
// the claim's context (doc.time->Fallback: another date of its sentence, a dated document's
// date, and for a standing fact, `attach document-date`, the paragraph's), none after the
// claim's target. A target date (`*target` in: the one the rule captured, out: also one
// attached) makes an asserted or reported claim without a fixed modality planned; standing
// facts attach none. Sets st->doc_date for a relative or document time. Appends what it
// attached to `used` (and to `firing` when not null); `*time_mention` is the time's mention.
// REQUIRES: st->modality is set.
void AttachQualifiers(const Rule& rule, const Tagged& s, size_t u0, size_t u1,
                      const std::vector<uint8_t>* blocked,
                      const std::vector<std::pair<size_t, size_t>>& content, const DocState& doc,
                      std::vector<const Mention*>* used, const Mention** time_mention,
                      const Mention** target, Statement* st, RuleFiring* firing);

// An event noun's statement ("Putin's visit to Tokyo tomorrow", "Italy's G7 Presidency next
// year", "the meeting between A and B next week") dated by a date that looks ahead
// (Mention::ahead, extract/dates.h) tells of what is still to come: an asserted or reported
// `st` without a fixed modality, of no standing-fact rule, becomes planned. A verb's is left as
// it is: "welcomed the meeting next week", "agreed to meet next week" happened. `time_mention`
// is the date AttachQualifiers attached (null: none).
void PlanIfAhead(const Rule& rule, const Mention* time_mention, Statement* st);

// The modality cue words say for the claim read from units [u0, u1): cues inside that range
// or in the 6 units before it up to a word that opens another clause (a relative or question
// word, a subordinator: "never forget what she told me") count, except inside `content` (unit
// ranges of captured text: the content of a claim says nothing about the claim itself, so "Japan
// declared that it would never accept" is an asserted declaration). The strongest found wins:
// negated > hedged > planned > reported; asserted when there is none.
Modality CueModality(const CompiledRules& rules, const Tagged& s, size_t u0, size_t u1,
                     const std::vector<std::pair<size_t, size_t>>& content);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_STATEMENTS_H_
