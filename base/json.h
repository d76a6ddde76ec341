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

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// Records inside a larger JSON text (tools/cli/bundle.h: a bundle line holds a document's
// entities and statements), read where they lie after one parse of the whole text rather than
// each written out and parsed again.
//
// A JsonValue is a value of a text a JsonParser parsed: a small handle, copied freely, valid
// until that parser parses again or is destroyed. Its strings are the parser's unescaped
// copies, so the text itself need not outlive it.
class JsonValue;
namespace internal {
struct JsonValueAccess;  // base/json.cc's view of a JsonValue
}  // namespace internal

// Parses whole JSON texts (simdjson's DOM parser, kept inside base/json.cc).
// Thread-safety: one thread at a time.
class JsonParser {
 public:
  JsonParser();
  ~JsonParser();
  JsonParser(JsonParser&&) noexcept;
  JsonParser& operator=(JsonParser&&) noexcept;

  // The root value of `text`; the values of the text parsed before are no longer valid.
  // Errors: InvalidArgument with the parser's reason when `text` is not one JSON value.
  Result<JsonValue> Parse(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class JsonValue {
 public:
  bool IsObject() const;
  bool IsArray() const;
  // The value, or nullopt when it is of another type (Uint: a number that is not an unsigned
  // 64-bit integer).
  std::optional<uint64_t> Uint() const;
  std::optional<bool> Bool() const;
  std::optional<std::string_view> String() const;
  // An object's fields in order, repeated keys kept; empty for any other value.
  std::vector<std::pair<std::string_view, JsonValue>> Fields() const;
  // An array's items in order; empty for any other value.
  std::vector<JsonValue> Items() const;
  // The value as JSON text, minified.
  std::string Minified() const;

 private:
  friend struct internal::JsonValueAccess;
  JsonValue() = default;

  alignas(8) unsigned char element_[16];  // the parser's element (static_assert in json.cc)
  bool plain_ = false;  // the whole text holds nothing the records' fast paths leave aside
};

// The record a value holds: what StatementFromJson, EntityFromJson or DocumentInfoFromJson
// answers for value.Minified(), read from the value itself where their fast paths allow
// (errors included: those always come from the text).
Result<Statement> StatementFromJsonValue(const JsonValue& value);
Result<Entity> EntityFromJsonValue(const JsonValue& value);
Result<DocumentInfo> DocumentInfoFromJsonValue(const JsonValue& value);

namespace internal {
// The fast paths alone of the three readers above: nullopt where they leave the record to the
// text. Public for the tests that check they agree with the general path.
std::optional<Statement> StatementFromJsonValueFast(const JsonValue& value);
std::optional<Entity> EntityFromJsonValueFast(const JsonValue& value);
std::optional<DocumentInfo> DocumentInfoFromJsonValueFast(const JsonValue& value);
}  // namespace internal

// Appends `value` as a JSON string literal (quotes included). Invalid UTF-8 is replaced by
// U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace parley

#endif  // PARLEY_BASE_JSON_H_
