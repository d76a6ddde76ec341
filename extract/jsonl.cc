// Two parsers: simdjson (Debian libsimdjson-dev) reads the common case, a well-formed object
// whose known fields are strings, at several hundred MB/s; nlohmann-json reads everything else
// and words the errors (its exact positions are part of our messages). Both stay in this file.
#include "extract/jsonl.h"

#include <simdjson.h>

#include <array>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/text.h"
#include "base/types.h"
#include "extract/encoding.h"

namespace parley {
namespace {

// Whether `id` may name a document: not empty, no NUL, at most kMaxIdBytes.
bool ValidId(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdBytes && id.find('\0') == std::string_view::npos;
}

using Json = nlohmann::json;

// Longer lines go to nlohmann directly: simdjson's scratch grows to ~15 bytes per input byte
// and is kept for the next line, which would undo the reader's bounded memory.
constexpr size_t kFastPathMaxBytes = 1 << 20;

// The record when `line` is a valid JSON object whose id and text are non-empty strings (text
// without NUL), date/title/url are strings or null or absent, and none of the five appears
// twice (nlohmann keeps the last duplicate, simdjson would see every one). nullopt otherwise,
// including for every malformed line: the nlohmann path then decides.
std::optional<JsonlRecord> ParseCommonCase(std::string_view line) {
  if (line.size() > kFastPathMaxBytes) return std::nullopt;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
  static constexpr std::array<std::string_view, 5> kNames = {"id", "text", "date", "title", "url"};
  JsonlRecord r;
  const std::array<std::string*, 5> fields = {&r.id, &r.text, &r.date, &r.title, &r.url};
  unsigned seen = 0;
  unsigned strings = 0;
  for (const simdjson::dom::key_value_pair field : object) {
    for (size_t k = 0; k < kNames.size(); ++k) {
      if (field.key != kNames[k]) continue;
      if ((seen & (1u << k)) != 0) return std::nullopt;
      seen |= 1u << k;
      if (field.value.is_null()) break;
      std::string_view value;
      if (field.value.get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
      fields[k]->assign(value);
      strings |= 1u << k;
      break;
    }
  }
  // id and text must be strings, id a valid one; anything else takes the path that words it.
  if ((strings & 3u) != 3u || !ValidId(r.id) || r.text.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  return r;
}

// Reads an optional (required = false) or required string field into *out.
Status StringField(const Json& object, const char* name, bool required, std::string* out) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) {
    if (required) return InvalidArgumentError(std::string("missing field \"") + name + "\"");
    return Status::Ok();
  }
  if (it->is_number_integer() && std::string_view(name) == "id") {
    *out = it->dump();  // numeric ids are common enough to accept
    return Status::Ok();
  }
  if (!it->is_string()) {
    return InvalidArgumentError(std::string("field \"") + name + "\" is not a string");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace

Result<JsonlRecord> ParseJsonlRecord(std::string_view line) {
  if (std::optional<JsonlRecord> record = ParseCommonCase(line)) return std::move(*record);
  return internal::ParseJsonlRecordWithNlohmann(line);
}

namespace internal {

Result<JsonlRecord> ParseJsonlRecordWithNlohmann(std::string_view line) {
  Json object;
  try {
    object = Json::parse(line);
  } catch (const Json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 7: ...";
    // keep the part after the position, which says what is wrong.
    std::string reason = e.what();
    if (const size_t colon = reason.find(": "); colon != std::string::npos) {
      reason = reason.substr(colon + 2);
    }
    // The reason quotes the input bytes last read, which may end inside a UTF-8 sequence.
    // On a long line that may be the whole line: quote at most 200 bytes of it.
    return InvalidArgumentError("malformed JSON at column " + std::to_string(e.byte) + ": " +
                                DecodeText(QuoteAtMost(reason, 200)).text);
  } catch (const std::exception& e) {
    return InvalidArgumentError(std::string("malformed JSON: ") + e.what());
  }
  if (!object.is_object()) return InvalidArgumentError("not a JSON object");
  JsonlRecord r;
  PARLEY_RETURN_IF_ERROR(StringField(object, "id", true, &r.id));
  PARLEY_RETURN_IF_ERROR(StringField(object, "text", true, &r.text));
  PARLEY_RETURN_IF_ERROR(StringField(object, "date", false, &r.date));
  PARLEY_RETURN_IF_ERROR(StringField(object, "title", false, &r.title));
  PARLEY_RETURN_IF_ERROR(StringField(object, "url", false, &r.url));
  if (r.id.empty()) return InvalidArgumentError("field \"id\" is empty");
  if (r.id.find('\0') != std::string::npos) {
    return InvalidArgumentError("field \"id\" holds a NUL character");
  }
  if (r.id.size() > kMaxIdBytes) {
    return InvalidArgumentError("field \"id\" is " + std::to_string(r.id.size()) +
                                " bytes long; ids may be at most " + std::to_string(kMaxIdBytes));
  }
  if (r.text.find('\0') != std::string::npos) {
    return InvalidArgumentError("text holds NUL characters");
  }
  return r;
}

}  // namespace internal
}  // namespace parley
