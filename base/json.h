// JSON Lines codecs for the shared vocabulary. The statement record is a public contract:
//
//   {"id": "s:…", "subject": REF, "predicate": "proposed", "object": REF|null,
//    "text": "…"|null, "recipient": REF|null, "place": REF|null, "event": REF|null,
//    "time": {"value": "2018-09", "start": "2018-09-01", "end": "2018-09-30",
//             "source": "text|paragraph|document"}|null,
//    "modality": "asserted|reported|hedged|negated|planned",
//    "doc": "…", "span": [start, end], "sentence": "…", "rule": "…", …extras}
//   REF = {"id": "person:vladimir-putin", "label": "Vladimir Putin", "type": "person"}
//
// Extras after "rule": "byte_span", "sentence_index", "plover", "cameo", "doc_date",
// "mentions", "subject_code", "object_code", "recipient_code" (CAMEO actor codes or null),
// then, in records that cite their document (CitedStatementToJson: `parley extract`,
// `parley export --format jsonl`), "doc_title" and "doc_url" when the document has them.
// Readers accept records without the extras and ignore unknown fields, so files written by
// later versions still load.
//
// Output is one line (no newline appended), keys in the order above, UTF-8 kept as is.
// Thread-safety: pure functions.
#ifndef PARLEY_BASE_JSON_H_
#define PARLEY_BASE_JSON_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "base/types.h"

namespace parley {

std::string StatementToJson(const Statement& statement);
// InvalidArgument naming the first missing or mistyped field.
Result<Statement> StatementFromJson(std::string_view line);

// The record with its document's title and URL ("doc_title", "doc_url"; each only when
// non-empty), so a claim can be cited wherever the record goes.
std::string CitedStatementToJson(const Statement& statement, const DocumentInfo& document);
// StatementFromJson that also sets document->title and document->url from "doc_title" and
// "doc_url" (empty when absent; the other fields of *document are left alone).
// REQUIRES: document != nullptr.
Result<Statement> CitedStatementFromJson(std::string_view line, DocumentInfo* document);

namespace internal {
// StatementFromJson through a JSON tree only (nlohmann): the general path, which
// StatementFromJson skips for lines as StatementToJson writes them. Public for the test that
// checks the two agree.
Result<Statement> StatementFromJsonTree(std::string_view line);
// EntityFromJson through a JSON tree only, likewise.
Result<Entity> EntityFromJsonTree(std::string_view line);
}  // namespace internal

// {"id", "label", "type", "aliases": [...], "attributes": {...}, "roles": [...], "mentions"};
// a role is {"office", "country", "from", "to"} plus "code" when it has one.
std::string EntityToJson(const Entity& entity);
Result<Entity> EntityFromJson(std::string_view line);

// {"id", "title", "url", "date", "date_source", "format", "content_hash", "normalized_hash"}
// (normalized_hash only when set)
std::string DocumentInfoToJson(const DocumentInfo& info);
Result<DocumentInfo> DocumentInfoFromJson(std::string_view line);

// Appends `value` as a JSON string literal (quotes included). Invalid UTF-8 is replaced by
// U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace parley

#endif  // PARLEY_BASE_JSON_H_
