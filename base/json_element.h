// The record readers of base/json.h for a reader that holds a larger JSON text already parsed
// by simdjson's DOM parser (tools/cli/bundle.cc: a bundle line holds a document's statements
// and entities): the fast paths of StatementFromJson, EntityFromJson and DocumentInfoFromJson
// applied to an element of that text, so no record is written out and parsed again.
//
// Each returns nullopt where the fast path would leave the record to the general path (an
// unknown or repeated key, a value of another type, a missing required field); the caller
// then calls the JSON-text reader on the element's text, which answers as it always does.
// REQUIRES of every reader: !JsonNeedsGeneralPath(the whole parsed text), since the checks
// the fast paths make on a record's text (\u escapes, negative numbers) cannot be made on an
// element.
//
// Thread-safety: pure functions.
#ifndef PARLEY_BASE_JSON_ELEMENT_H_
#define PARLEY_BASE_JSON_ELEMENT_H_

#include <optional>
#include <string_view>

#include "base/types.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace parley::internal {

// Whether `text` holds what the fast paths leave to the general path: a \u escape, a number
// that may be negative, a byte-order mark. (Long texts are fine here: the size limit of the
// text readers concerns their own parser's scratch.)
bool JsonNeedsGeneralPath(std::string_view text);

std::optional<Statement> StatementFromElement(const simdjson::dom::element& element);
std::optional<Entity> EntityFromElement(const simdjson::dom::element& element);
std::optional<DocumentInfo> DocumentInfoFromElement(const simdjson::dom::element& element);

}  // namespace parley::internal

#endif  // PARLEY_BASE_JSON_ELEMENT_H_
