// The line is parsed once (base/json.h's JsonParser), and each nested record is read where it
// lies by the codec that owns it (StatementFromJsonValue and the like): the bundle adds no
// second reader of statements or entities.
#include "tools/cli/bundle.h"

#include <string>
#include <utility>

#include "base/json.h"
#include "base/text.h"

namespace parley::cli {
namespace {

constexpr uint64_t kBundleVersion = 2;

Status FieldError(std::string_view field, std::string_view problem) {
  return InvalidArgumentError("bundle field '" + std::string(field) + "' " + std::string(problem));
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
bool Reference(const JsonValue& value, std::string_view* id, uint64_t* mentions) {
  const std::vector<JsonValue> pair = value.Items();
  if (pair.size() != 2) return false;
  const std::optional<std::string_view> first = pair[0].String();
  const std::optional<uint64_t> second = pair[1].Uint();
  if (!first || !second) return false;
  *id = *first;
  *mentions = *second;
  return true;
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
  Result<JsonValue> root = parser_.Parse(line);
  if (!root.ok()) return root.status().WithContext("malformed bundle JSON (the line)");
  if (!root->IsObject()) {
    return InvalidArgumentError("malformed bundle JSON (the line): not a JSON object");
  }
  DocumentRecord record;
  bool has_version = false, has_document = false, has_text = false;
  for (const auto& [key, value] : root->Fields()) {
    if (key == "bundle") {
      const std::optional<uint64_t> version = value.Uint();
      if (!version) return FieldError(key, "must be a number");
      if (*version != 1 && *version != kBundleVersion) {
        return OutOfRangeError("bundle version " + std::to_string(*version) +
                               " is not supported (this parley reads versions 1 and 2); "
                               "extract the documents again with this parley");
      }
      has_version = true;
    } else if (key == "stream_start") {
      const std::optional<bool> start = value.Bool();
      if (!start) return FieldError(key, "must be true or false");
      if (*start) table_.clear();
    } else if (key == "document") {
      if (!value.IsObject()) return FieldError(key, "must be an object");
      auto info = DocumentInfoFromJsonValue(value);
      if (!info.ok()) return info.status().WithContext("bundle field 'document'");
      record.document.info = std::move(*info);
      has_document = true;
    } else if (key == "rules_fingerprint") {
      const std::optional<std::string_view> fingerprint = value.String();
      if (!fingerprint) return FieldError(key, "must be a string");
      record.rules_fingerprint = *fingerprint;
    } else if (key == "sentences") {
      const std::optional<uint64_t> sentences = value.Uint();
      if (!sentences || *sentences > UINT32_MAX) return FieldError(key, "must be a count");
      record.sentence_count = static_cast<uint32_t>(*sentences);
    } else if (key == "entities" || key == "statements") {
      const bool entities = key == "entities";
      if (!value.IsArray()) return FieldError(key, "must be an array");
      size_t index = 0;
      // A named copy: C++20 lambdas may not capture a structured binding (clang refuses it).
      const std::string_view field = key;
      for (const JsonValue& item : value.Items()) {
        auto where = [field, i = index++] {
          return "bundle field '" + std::string(field) + "' item " + std::to_string(i);
        };
        if (entities && item.IsArray()) {
          std::string_view id;
          uint64_t mentions = 0;
          if (!Reference(item, &id, &mentions)) {
            return InvalidArgumentError(where() + ": a reference is [\"id\", mentions]");
          }
          auto it = table_.find(std::string(id));
          if (it == table_.end()) {
            return InvalidArgumentError(where() + ": entity '" + std::string(id) +
                                        "' is referred to before its record in this stream "
                                        "(a line read without the lines before it?)");
          }
          record.entities.push_back(it->second);
          record.entities.back().mentions = mentions;
          continue;
        }
        if (entities) {
          auto entity = EntityFromJsonValue(item);
          if (!entity.ok()) return entity.status().WithContext(where());
          Remember(*entity, &table_);
          record.entities.push_back(std::move(*entity));
        } else {
          auto statement = StatementFromJsonValue(item);
          if (!statement.ok()) return statement.status().WithContext(where());
          record.statements.push_back(std::move(*statement));
        }
      }
    } else if (key == "text") {
      const std::optional<std::string_view> text = value.String();
      if (!text) return FieldError(key, "must be a string");
      record.document.text = *text;
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
