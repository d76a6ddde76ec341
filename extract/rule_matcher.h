// The rule matcher: runs a compiled RuleSet over the normalised sentences of one document and
// returns, per sentence, the mentions it found, the rules that fired and the statements they
// made (rules/README.md section 10 describes the stages and the overlap policies).
//
// Statements come back without document provenance (doc, spans, sentence text, id): the
// Extractor adds those. Everything else (subject, predicate, qualifiers, modality, rule,
// PLOVER/CAMEO, doc_date) is filled in.
//
// Thread-safety: AnalyzeSentences only reads the RuleSet; any number of threads may call it
// concurrently with the same RuleSet.
#ifndef PARLEY_EXTRACT_RULE_MATCHER_H_
#define PARLEY_EXTRACT_RULE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/rule_set.h"

namespace parley {

struct PreparedDocument;  // extract/prepare.h

// One normalised unit of a document (extract/prepare.h PreparedSentence, minus the offsets).
struct SentenceInput {
  std::string_view text;   // normalised: straight quotes, '-' dashes, single spaces
  bool relational = true;  // false: a headline, title or list line: frames only, on clauses
  int32_t repeat_of = -1;  // index of an earlier identical unit, or -1
  uint32_t paragraph = 0;  // PreparedSentence::paragraph; non-decreasing
  // The document's title (metadata, not text): read for its mentions and who the document is
  // about (participants.h), never for statements.
  bool title = false;
};

// A mention, for explanations and self-tests.
struct MentionTrace {
  Span bytes;             // in the normalised sentence
  std::string text;       // the mention's text
  std::string kind;       // "entity", "demonym", "date", "quote", "discovered", "coref"
  std::string entity_id;  // "" for dates and quotes
  std::string label;
  std::string acts_as;  // entity id, or ""
  std::string via;      // what found it: "alias 'Putin'", "pattern", "coref rule pronoun", ...
  TimeValue time;       // dates only
};

struct RuleFiring {
  std::string rule;
  std::string what = "pattern";  // what `line` is: "pattern" or "frame"
  int line = 0;                  // the pattern's line
  std::vector<std::pair<std::string, std::string>> captures;  // (role, rendered value)
};

struct SentenceAnalysis {
  std::vector<MentionTrace> mentions;  // in text order (with `trace` only)
  std::string tagged;                  // what patterns see, readable (with `trace` only)
  std::string clauses;                 // the clause analysis, readable (with `trace` only)
  std::vector<RuleFiring> firings;     // with `trace` only
  std::vector<Statement> statements;   // without document provenance
};

struct Discovery {
  std::string rule;
  std::string entity_id;
  std::string office;   // "" when the rule captured none
  std::string country;  // entity id or ""
};

struct DocumentAnalysis {
  std::vector<SentenceAnalysis> sentences;  // parallel to the input
  // Every entity mentioned (global or discovered), with `mentions` counted, plus entities that
  // statements refer to through acts-as (mentions 0 unless mentioned themselves); sorted by id.
  std::vector<Entity> entities;
  std::vector<Discovery> discoveries;                       // in text order
  std::vector<std::pair<std::string, std::string>> corefs;  // (rule, entity id)
  // With `trace`: what the document established before its first sentence (its country,
  // participants, author, speakers: extract/participants.h), one "  ..." line each.
  std::string actors;
  // AnalyzeInWindows only: a window held a document `discard` phrase, so the statements of the
  // windows before it, already passed to the sink, are to be dropped too.
  bool discarded = false;
};

// Analyses the units of one document. `doc_date` (ISO, possibly partial, may be empty) is the
// document's date: with one, it anchors relative dates and role lookups and dates statements
// whose sentence gives no date (source "document"); without one, the narrative does
// (extract/time_context.h). `trace` fills the explanation fields. Repeats (repeat_of >= 0)
// yield no statements; non-relational units (headings, titles, short lines) only the
// statements of frames whose subject stands right before a finite verb. A non-empty
// `only_relation` runs just that relation rule (discovery and coreference still run all
// their rules): self-tests check what a rule matches regardless of which rule would win an
// overlap. `url` (the document's address, may be empty) may establish the document's country,
// which "we" and "the President" need (extract/participants.h). Without `entities` the result's
// `entities` stay empty and mentions are not counted (the statements are the same).
DocumentAnalysis AnalyzeSentences(const RuleSet& rules, const std::vector<SentenceInput>& units,
                                  std::string_view doc_date, bool trace,
                                  std::string_view only_relation = {}, std::string_view url = {},
                                  bool entities = true);

// Called with the statements of unit `unit` (an index into AnalyzeInWindows' `units`), in unit
// order.
using WindowSink = std::function<void(size_t unit, std::vector<Statement>&& statements)>;

// AnalyzeSentences (without trace or only_relation) for a long document, with working memory
// bounded by `window_bytes` instead of the document's size: the units (a title last, as
// DocumentUnits puts it, is read with every window) are analysed in windows of whole
// paragraphs of at most `window_bytes` of normalised text (a longer paragraph alone, cut between
// units), one after the other. When a window is done, its units' statements go to `sink` in
// order; the units of a window `sink` has been called for are never read again (the caller may
// release their text then). The result holds the entities (when `entities`), discoveries and
// corefs (its `sentences` stay empty).
// What the document establishes carries from window to window: the names it discovered and
// their short forms and aliases, the sector groups, the lower-case words it writes (for name
// discovery), the entity mention counts, a `discard` phrase (DocumentAnalysis::discarded).
// What a window reads afresh: participants, speakers and offices named (extract/participants.h)
// and narrative dates (which restart at each paragraph anyway), coreference's previous unit.
// A document whose units fit in one window gets exactly AnalyzeSentences' statements.
// REQUIRES: window_bytes > 0.
DocumentAnalysis AnalyzeInWindows(const RuleSet& rules, const std::vector<SentenceInput>& units,
                                  std::string_view doc_date, std::string_view url,
                                  size_t window_bytes, const WindowSink& sink,
                                  bool entities = true);

// The units AnalyzeSentences reads for `document` prepared as `prepared`: one per prepared unit
// (in order, so that indices are sentence indices; every one relational when `all_relational`),
// then the document's title when it has one, normalised into `*title` (which the units view:
// keep it alive while they are used). The title gives mentions and participants, never
// statements.
std::vector<SentenceInput> DocumentUnits(const Document& document, const PreparedDocument& prepared,
                                         std::string* title, bool all_relational = false);

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULE_MATCHER_H_
