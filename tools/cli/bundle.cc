// The line is parsed once with simdjson's DOM parser (Debian libsimdjson-dev, as extract/jsonl.cc
// reads documents), and each nested record is read from its element by the codec that owns it
// (base/json_element.h), or, where that codec's fast path declines, from its JSON text by the
// general path (base/json.h): the bundle adds no second reader of statements or entities.
#include "tools/cli/bundle.h"

#include <simdjson.h>

#include <string>
#include <utility>

#include "base/json.h"
#include "base/json_element.h"
#include "base/text.h"

namespace parley::cli {
namespace {

constexpr uint64_t kBundleVersion = 2;

Status FieldError(std::string_view field, std::string_view problem) {
  return InvalidArgumentError("bundle field '" + std::string(field) + "' " + std::string(problem));
}

Status JsonError(simdjson::error_code error, std::string_view where) {
  return InvalidArgumentError("malformed bundle JSON (" + std::string(where) +
                              "): " + simdjson::error_message(error));
}

// Whether a reference to `sent` may stand for `entity`: equal but for the mention count.
bool SameButMentions(const Entity& sent, const Entity& entity) {
  return sent.label == entity.label && sent.type == entity.type && sent.aliases == entity.aliases &&
         sent.attributes == entity.attributes && sent.roles == entity.roles;
}

// The table rule both sides follow for a full record (bundle.h).
void Remember(const Entity& entity, std::unordered_map<std::string, Entity>* table) {
  if (auto it = table->find(entity.id); it != table->end()) {
    it->second = entity;
  } else if (table->size() < kBundleRememberedEntities) {
    table->emplace(entity.id, entity);
  }
}

// A reference ["id", mentions].
bool Reference(simdjson::dom::element value, std::string_view* id, uint64_t* mentions) {
  simdjson::dom::array pair;
  return !value.get_array().get(pair) && pair.size() == 2 &&
         !pair.at(0).value_unsafe().get_string().get(*id) &&
         !pair.at(1).value_unsafe().get_uint64().get(*mentions);
}

// Reads a record of type T from `element` through its codec: from the element itself when
// `plain` (the line holds nothing the fast paths leave to the general path) and the fast path
// takes it, else from its JSON text.
template <typename T>
Result<T> ReadRecord(simdjson::dom::element element, bool plain,
                     std::optional<T> (*from_element)(const simdjson::dom::element&),
                     Result<T> (*from_text)(std::string_view)) {
  if (plain) {
    if (std::optional<T> record = from_element(element)) return std::move(*record);
  }
  return from_text(simdjson::minify(element));
}

}  // namespace

DocumentRecord ToDocumentRecord(Document&& document, Extraction&& extraction,
                                const std::string& fingerprint) {
  DocumentRecord record;
  record.document = std::move(document);
  record.document.info.normalized_hash = std::move(extraction.info.normalized_hash);
  record.rules_fingerprint = fingerprint;
  record.sentence_count = static_cast<uint32_t>(extraction.sentences.size());
  record.entities = std::move(extraction.entities);
  record.statements = std::move(extraction.statements);
  return record;
}

void BundleWriter::Append(const DocumentRecord& record, std::string* out) {
  out->reserve(out->size() + 256 + record.document.text.size() + 400 * record.statements.size() +
               120 * record.entities.size());
  out->append("{\"bundle\":");
  out->append(std::to_string(kBundleVersion));
  if (!started_) {
    out->append(",\"stream_start\":true");
    started_ = true;
  }
  out->append(",\"document\":");
  out->append(DocumentInfoToJson(record.document.info));
  out->append(",\"rules_fingerprint\":");
  AppendJsonString(record.rules_fingerprint, out);
  out->append(",\"sentences\":");
  out->append(std::to_string(record.sentence_count));
  out->append(",\"entities\":[");
  for (size_t i = 0; i < record.entities.size(); ++i) {
    const Entity& entity = record.entities[i];
    if (i > 0) out->push_back(',');
    if (auto it = sent_.find(entity.id); it != sent_.end() && SameButMentions(it->second, entity)) {
      out->push_back('[');
      AppendJsonString(entity.id, out);
      out->push_back(',');
      out->append(std::to_string(entity.mentions));
      out->push_back(']');
      continue;
    }
    out->append(EntityToJson(entity));
    Remember(entity, &sent_);
  }
  out->append("],\"statements\":[");
  for (size_t i = 0; i < record.statements.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->append(StatementToJson(record.statements[i]));
  }
  out->append("],\"text\":");
  AppendJsonString(record.document.text, out);
  out->append("}\n");
}

Result<DocumentRecord> BundleReader::Read(std::string_view line) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto error = parser.parse(line.data(), line.size()).get(root)) {
    return JsonError(error, "the line");
  }
  const bool plain = !internal::JsonNeedsGeneralPath(line);
  DocumentRecord record;
  bool has_version = false, has_document = false, has_text = false;
  for (const simdjson::dom::key_value_pair field : root) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == "bundle") {
      uint64_t version = 0;
      if (value.get_uint64().get(version)) return FieldError(key, "must be a number");
      if (version != 1 && version != kBundleVersion) {
        return OutOfRangeError("bundle version " + std::to_string(version) +
                               " is not supported (this parley reads versions 1 and 2); "
                               "extract the documents again with this parley");
      }
      has_version = true;
    } else if (key == "stream_start") {
      bool start = false;
      if (value.get_bool().get(start)) return FieldError(key, "must be true or false");
      if (start) table_.clear();
    } else if (key == "document") {
      if (!value.is_object()) return FieldError(key, "must be an object");
      auto info = ReadRecord<DocumentInfo>(value, plain, internal::DocumentInfoFromElement,
                                           DocumentInfoFromJson);
      if (!info.ok()) return info.status().WithContext("bundle field 'document'");
      record.document.info = std::move(*info);
      has_document = true;
    } else if (key == "rules_fingerprint") {
      std::string_view fingerprint;
      if (value.get_string().get(fingerprint)) return FieldError(key, "must be a string");
      record.rules_fingerprint = fingerprint;
    } else if (key == "sentences") {
      uint64_t sentences = 0;
      if (value.get_uint64().get(sentences) || sentences > UINT32_MAX) {
        return FieldError(key, "must be a count");
      }
      record.sentence_count = static_cast<uint32_t>(sentences);
    } else if (key == "entities" || key == "statements") {
      const bool entities = key == "entities";
      simdjson::dom::array items;
      if (value.get_array().get(items)) return FieldError(key, "must be an array");
      size_t index = 0;
      for (const simdjson::dom::element item : items) {
        const std::string where =
            "bundle field '" + std::string(key) + "' item " + std::to_string(index++);
        if (entities && item.is_array()) {
          std::string_view id;
          uint64_t mentions = 0;
          if (!Reference(item, &id, &mentions)) {
            return InvalidArgumentError(where + ": a reference is [\"id\", mentions]");
          }
          auto it = table_.find(std::string(id));
          if (it == table_.end()) {
            return InvalidArgumentError(where + ": entity '" + std::string(id) +
                                        "' is referred to before its record in this stream "
                                        "(a line read without the lines before it?)");
          }
          record.entities.push_back(it->second);
          record.entities.back().mentions = mentions;
          continue;
        }
        if (entities) {
          auto entity =
              ReadRecord<Entity>(item, plain, internal::EntityFromElement, EntityFromJson);
          if (!entity.ok()) return entity.status().WithContext(where);
          Remember(*entity, &table_);
          record.entities.push_back(std::move(*entity));
        } else {
          auto statement =
              ReadRecord<Statement>(item, plain, internal::StatementFromElement, StatementFromJson);
          if (!statement.ok()) return statement.status().WithContext(where);
          record.statements.push_back(std::move(*statement));
        }
      }
    } else if (key == "text") {
      std::string_view text;
      if (value.get_string().get(text)) return FieldError(key, "must be a string");
      record.document.text = text;
      has_text = true;
    }
    // Unknown keys are ignored, so bundles of later versions' extra fields still load.
  }
  if (!has_version) return FieldError("bundle", "is missing (not an extraction bundle line?)");
  if (!has_document) return FieldError("document", "is missing");
  if (!has_text) return FieldError("text", "is missing");
  if (ContentHash(record.document.text) != record.document.info.content_hash) {
    return InvalidArgumentError("bundle of document '" + record.document.info.id +
                                "': the text does not match the document's content_hash "
                                "(the bundle was altered or truncated)");
  }
  return record;
}

}  // namespace parley::cli
