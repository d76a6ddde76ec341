// `parley rules explain`: shows, for one sentence, what the rules see and do: the normalised
// sentence, every mention with its entity and type (and what found it), every date with its
// value, the tagged sentence the relation patterns match, each rule that fired with its
// captures, and the statements produced.
//
// Thread-safety: pure functions of their arguments; a RuleSet may be shared.
#ifndef PARLEY_EXTRACT_EXPLAIN_H_
#define PARLEY_EXTRACT_EXPLAIN_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/types.h"
#include "extract/rule_set.h"

namespace parley {

// Explains every unit of `text` (usually one sentence; several are analysed together, so
// coreference and discovery across them show). `doc_date` (ISO, may be empty) anchors
// relative dates and office lookups. Fails with InvalidArgument when text is not UTF-8.
Result<std::string> ExplainText(const RuleSet& rules, std::string_view text,
                                std::string_view doc_date);

// Explains unit `sentence_index` (0-based, as in Statement::sentence_index) of `document`,
// analysed in the context of the whole document. InvalidArgument when there is no such unit.
Result<std::string> ExplainSentence(const RuleSet& rules, const Document& document,
                                    size_t sentence_index);

// One line for a statement: "SUBJECT PREDICATE [OBJECT] key=value ...", the syntax of a
// rule's `expect` line (rules/README.md section 8), e.g.
// `person:vladimir-putin proposed recipient=person:shinzo-abe time=2018-09 modality=asserted`.
std::string FormatStatementBrief(const Statement& statement);

}  // namespace parley

#endif  // PARLEY_EXTRACT_EXPLAIN_H_
