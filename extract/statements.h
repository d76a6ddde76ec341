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
};

// Runs the relation rules (only `only_relation` when not empty) on `s` and appends the
// statements, and with doc.trace the rule firings, to `out`. A statement's time is the date its
// rule captures or attaches from the sentence (a point, start or event date: IsClaimTime;
// source text), else timing.Fallback (the sentence's, the paragraph's or the document's), but
// a paragraph's time only for a standing fact (`attach document-date`, holds_office), and no
// context time after the claim's target. A target date an event captures or could attach
// ("by 2050") makes an asserted or reported claim planned. REQUIRES: `timing` is at s's unit.
void Relations(const Tagged& s, Prefilter* prefilter, const DocState& doc,
               const TimeContext& timing, std::string_view only_relation, SentenceAnalysis* out);

// The relation overlap policy: one statement per claim (subject, predicate, object,
// recipient); of candidates for one claim whose spans overlap, the longest, then the higher
// priority, then the earliest, then the smaller rule id stays; identical statements are one
// wherever they were read. Appends the kept statements to out->statements.
void ResolveRelationOverlaps(std::vector<StatementCandidate>* candidates, SentenceAnalysis* out);

// The modality cue words say for the claim read from units [u0, u1): cues inside that range
// or in the 6 units before it count, except inside `content` (unit ranges of captured
// text: the content of a claim says nothing about the claim itself, so "Japan declared that it
// would never accept" is an asserted declaration). The strongest found wins: negated >
// hedged > planned > reported; asserted when there is none.
Modality CueModality(const CompiledRules& rules, const Tagged& s, size_t u0, size_t u1,
                     const std::vector<std::pair<size_t, size_t>>& content);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_STATEMENTS_H_
