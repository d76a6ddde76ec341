#include "extract/jsonl.h"

#include <nlohmann/json.hpp>

#include "extract/encoding.h"

namespace parley {
namespace {

using Json = nlohmann::json;

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
    return InvalidArgumentError("malformed JSON at column " + std::to_string(e.byte) + ": " +
                                DecodeText(reason).text);
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
  if (r.text.find('\0') != std::string::npos) {
    return InvalidArgumentError("text holds NUL characters");
  }
  return r;
}

}  // namespace parley
