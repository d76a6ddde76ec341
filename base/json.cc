// Uses nlohmann-json (Debian nlohmann-json3-dev): a well-tested, header-only parser with exact
// error positions, so we do not maintain a JSON parser of our own. It stays inside this file.
#include "base/json.h"

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace parley {
namespace {

using Json = nlohmann::ordered_json;

Json RefToJson(const std::optional<EntityRef>& ref) {
  if (!ref) return nullptr;
  Json j;
  j["id"] = ref->id;
  j["label"] = ref->label;
  j["type"] = std::string(EntityTypeName(ref->type));
  return j;
}

std::string Dump(const Json& j) {
  // Replace invalid UTF-8 instead of throwing: our strings come from repaired text, but a
  // statement file written by another tool may not.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status FieldError(std::string_view field, std::string_view problem) {
  return InvalidArgumentError("field '" + std::string(field) + "' " + std::string(problem));
}

Result<std::string> GetString(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return std::string();
  }
  if (!it->is_string()) return FieldError(field, "must be a string");
  return it->get<std::string>();
}

Result<std::optional<EntityRef>> GetRef(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return std::optional<EntityRef>();
  }
  if (!it->is_object()) return FieldError(field, "must be an object {id, label, type} or null");
  EntityRef ref;
  auto id = GetString(*it, "id", true);
  if (!id.ok()) return id.status().WithContext(field);
  ref.id = *id;
  auto label = GetString(*it, "label", false);
  if (!label.ok()) return label.status().WithContext(field);
  ref.label = label->empty() ? ref.id : *label;
  auto type_name = GetString(*it, "type", true);
  if (!type_name.ok()) return type_name.status().WithContext(field);
  auto type = ParseEntityType(*type_name);
  if (!type.ok()) return type.status().WithContext(field);
  ref.type = *type;
  return std::optional<EntityRef>(std::move(ref));
}

Result<Span> GetSpan(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return Span{};
  }
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
      !(*it)[1].is_number_unsigned()) {
    return FieldError(field, "must be [start, end] with non-negative integers");
  }
  Span span{(*it)[0].get<uint64_t>(), (*it)[1].get<uint64_t>()};
  if (span.end < span.begin) return FieldError(field, "ends before it starts");
  return span;
}

Result<uint64_t> GetUint(const Json& j, const char* field, uint64_t fallback) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_unsigned()) return FieldError(field, "must be a non-negative integer");
  return it->get<uint64_t>();
}

Result<Json> Parse(std::string_view line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Re-parse with exceptions only to recover the byte position for the message.
    try {
      Json ignored = Json::parse(line);
      (void)ignored;
    } catch (const Json::parse_error& e) {
      return InvalidArgumentError("not valid JSON at column " + std::to_string(e.byte));
    } catch (const Json::exception& e) {
      // A number too large for a double is an out_of_range error, not a parse_error.
      std::string reason = e.what();  // "[json.exception.out_of_range.406] number overflow ..."
      if (const size_t end = reason.find("] "); end != std::string::npos) reason.erase(0, end + 2);
      return InvalidArgumentError("not valid JSON: " + reason);
    }
    return InvalidArgumentError("not valid JSON");
  }
  if (!j.is_object()) return InvalidArgumentError("a record must be a JSON object");
  return j;
}

}  // namespace

std::string StatementToJson(const Statement& s) {
  Json j;
  j["id"] = s.id;
  j["subject"] = RefToJson(s.subject);
  j["predicate"] = s.predicate;
  j["object"] = RefToJson(s.object);
  j["text"] = s.text ? Json(*s.text) : Json(nullptr);
  j["recipient"] = RefToJson(s.recipient);
  j["place"] = RefToJson(s.place);
  j["event"] = RefToJson(s.event);
  if (s.time) {
    Json t;
    t["value"] = s.time->value;
    t["start"] = s.time->start;
    t["end"] = s.time->end;
    j["time"] = t;
  } else {
    j["time"] = nullptr;
  }
  j["modality"] = std::string(ModalityName(s.modality));
  j["doc"] = s.doc;
  j["span"] = Json::array({s.span.begin, s.span.end});
  j["sentence"] = s.sentence;
  j["rule"] = s.rule;
  j["byte_span"] = Json::array({s.byte_span.begin, s.byte_span.end});
  j["sentence_index"] = s.sentence_index;
  j["plover"] = s.plover.empty() ? Json(nullptr) : Json(s.plover);
  j["cameo"] = s.cameo.empty() ? Json(nullptr) : Json(s.cameo);
  j["doc_date"] = s.doc_date.empty() ? Json(nullptr) : Json(s.doc_date);
  j["mentions"] = s.mentions;
  return Dump(j);
}

Result<Statement> StatementFromJson(std::string_view line) {
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  Statement s;
  PARLEY_ASSIGN_OR_RETURN(s.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(auto subject, GetRef(j, "subject", true));
  s.subject = std::move(*subject);
  PARLEY_ASSIGN_OR_RETURN(s.predicate, GetString(j, "predicate", true));
  if (s.predicate.empty()) return FieldError("predicate", "is empty");
  PARLEY_ASSIGN_OR_RETURN(s.object, GetRef(j, "object", false));
  auto text_it = j.find("text");
  if (text_it != j.end() && !text_it->is_null()) {
    if (!text_it->is_string()) return FieldError("text", "must be a string or null");
    s.text = text_it->get<std::string>();
  }
  PARLEY_ASSIGN_OR_RETURN(s.recipient, GetRef(j, "recipient", false));
  PARLEY_ASSIGN_OR_RETURN(s.place, GetRef(j, "place", false));
  PARLEY_ASSIGN_OR_RETURN(s.event, GetRef(j, "event", false));
  auto time_it = j.find("time");
  if (time_it != j.end() && !time_it->is_null()) {
    if (!time_it->is_object()) return FieldError("time", "must be {value, start, end} or null");
    TimeValue t;
    PARLEY_ASSIGN_OR_RETURN(t.value, GetString(*time_it, "value", true));
    PARLEY_ASSIGN_OR_RETURN(t.start, GetString(*time_it, "start", false));
    PARLEY_ASSIGN_OR_RETURN(t.end, GetString(*time_it, "end", false));
    s.time = std::move(t);
  }
  PARLEY_ASSIGN_OR_RETURN(std::string modality, GetString(j, "modality", false));
  if (!modality.empty()) {
    auto parsed = ParseModality(modality);
    if (!parsed.ok()) return parsed.status().WithContext("field 'modality'");
    s.modality = *parsed;
  }
  PARLEY_ASSIGN_OR_RETURN(s.doc, GetString(j, "doc", true));
  PARLEY_ASSIGN_OR_RETURN(s.span, GetSpan(j, "span", true));
  PARLEY_ASSIGN_OR_RETURN(s.sentence, GetString(j, "sentence", false));
  PARLEY_ASSIGN_OR_RETURN(s.rule, GetString(j, "rule", false));
  PARLEY_ASSIGN_OR_RETURN(s.byte_span, GetSpan(j, "byte_span", false));
  PARLEY_ASSIGN_OR_RETURN(uint64_t index, GetUint(j, "sentence_index", 0));
  s.sentence_index = static_cast<uint32_t>(index);
  PARLEY_ASSIGN_OR_RETURN(s.plover, GetString(j, "plover", false));
  PARLEY_ASSIGN_OR_RETURN(s.cameo, GetString(j, "cameo", false));
  PARLEY_ASSIGN_OR_RETURN(s.doc_date, GetString(j, "doc_date", false));
  PARLEY_ASSIGN_OR_RETURN(uint64_t mentions, GetUint(j, "mentions", 1));
  s.mentions = static_cast<uint32_t>(mentions);
  return s;
}

std::string EntityToJson(const Entity& e) {
  Json j;
  j["id"] = e.id;
  j["label"] = e.label;
  j["type"] = std::string(EntityTypeName(e.type));
  j["aliases"] = e.aliases;
  Json attributes = Json::object();
  for (const auto& [key, value] : e.attributes) attributes[key] = value;
  j["attributes"] = attributes;
  Json roles = Json::array();
  for (const Role& role : e.roles) {
    Json r;
    r["office"] = role.office;
    r["country"] = role.country.empty() ? Json(nullptr) : Json(role.country);
    r["from"] = role.from.empty() ? Json(nullptr) : Json(role.from);
    r["to"] = role.to.empty() ? Json(nullptr) : Json(role.to);
    roles.push_back(r);
  }
  j["roles"] = roles;
  j["mentions"] = e.mentions;
  return Dump(j);
}

Result<Entity> EntityFromJson(std::string_view line) {
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  Entity e;
  PARLEY_ASSIGN_OR_RETURN(e.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(e.label, GetString(j, "label", false));
  PARLEY_ASSIGN_OR_RETURN(std::string type_name, GetString(j, "type", true));
  auto type = ParseEntityType(type_name);
  if (!type.ok()) return type.status().WithContext("field 'type'");
  e.type = *type;
  if (auto it = j.find("aliases"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return FieldError("aliases", "must be an array of strings");
    for (const auto& alias : *it) {
      if (!alias.is_string()) return FieldError("aliases", "must be an array of strings");
      e.aliases.push_back(alias.get<std::string>());
    }
  }
  if (auto it = j.find("attributes"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return FieldError("attributes", "must be an object of strings");
    for (const auto& [key, value] : it->items()) {
      if (!value.is_string()) return FieldError("attributes", "must be an object of strings");
      e.attributes[key] = value.get<std::string>();
    }
  }
  if (auto it = j.find("roles"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return FieldError("roles", "must be an array");
    for (const auto& r : *it) {
      if (!r.is_object()) return FieldError("roles", "must be an array of objects");
      Role role;
      PARLEY_ASSIGN_OR_RETURN(role.office, GetString(r, "office", true));
      PARLEY_ASSIGN_OR_RETURN(role.country, GetString(r, "country", false));
      PARLEY_ASSIGN_OR_RETURN(role.from, GetString(r, "from", false));
      PARLEY_ASSIGN_OR_RETURN(role.to, GetString(r, "to", false));
      e.roles.push_back(std::move(role));
    }
  }
  PARLEY_ASSIGN_OR_RETURN(e.mentions, GetUint(j, "mentions", 0));
  return e;
}

std::string DocumentInfoToJson(const DocumentInfo& d) {
  Json j;
  j["id"] = d.id;
  j["title"] = d.title;
  j["url"] = d.url;
  j["date"] = d.date.empty() ? Json(nullptr) : Json(d.date);
  j["date_source"] = d.date_source.empty() ? Json(nullptr) : Json(d.date_source);
  j["format"] = d.format;
  j["content_hash"] = d.content_hash;
  return Dump(j);
}

Result<DocumentInfo> DocumentInfoFromJson(std::string_view line) {
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  DocumentInfo d;
  PARLEY_ASSIGN_OR_RETURN(d.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(d.title, GetString(j, "title", false));
  PARLEY_ASSIGN_OR_RETURN(d.url, GetString(j, "url", false));
  PARLEY_ASSIGN_OR_RETURN(d.date, GetString(j, "date", false));
  PARLEY_ASSIGN_OR_RETURN(d.date_source, GetString(j, "date_source", false));
  PARLEY_ASSIGN_OR_RETURN(d.format, GetString(j, "format", false));
  PARLEY_ASSIGN_OR_RETURN(d.content_hash, GetString(j, "content_hash", false));
  return d;
}

void AppendJsonString(std::string_view value, std::string* out) {
  out->append(Dump(Json(std::string(value))));
}

}  // namespace parley
