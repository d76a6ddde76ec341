// The envelope is read with simdjson's DOM parser (Debian libsimdjson-dev, as extract/jsonl.cc
// reads documents), which hands each nested record's JSON text to the codec that owns it
// (base/json.h): the bundle adds no second reader of statements or entities.
#include "tools/cli/bundle.h"

#include <simdjson.h>

#include <string>
#include <utility>

#include "base/json.h"
#include "base/text.h"

namespace parley::cli {
namespace {

constexpr uint64_t kBundleVersion = 1;

Status FieldError(std::string_view field, std::string_view problem) {
  return InvalidArgumentError("bundle field '" + std::string(field) + "' " + std::string(problem));
}

Status JsonError(simdjson::error_code error, std::string_view where) {
  return InvalidArgumentError("malformed bundle JSON (" + std::string(where) +
                              "): " + simdjson::error_message(error));
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

std::string BundleToJson(const DocumentRecord& record) {
  std::string out;
  out.reserve(256 + record.document.text.size() + 400 * record.statements.size() +
              120 * record.entities.size());
  out.append("{\"bundle\":");
  out.append(std::to_string(kBundleVersion));
  out.append(",\"document\":");
  out.append(DocumentInfoToJson(record.document.info));
  out.append(",\"rules_fingerprint\":");
  AppendJsonString(record.rules_fingerprint, &out);
  out.append(",\"sentences\":");
  out.append(std::to_string(record.sentence_count));
  out.append(",\"entities\":[");
  for (size_t i = 0; i < record.entities.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(EntityToJson(record.entities[i]));
  }
  out.append("],\"statements\":[");
  for (size_t i = 0; i < record.statements.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(StatementToJson(record.statements[i]));
  }
  out.append("],\"text\":");
  AppendJsonString(record.document.text, &out);
  out.push_back('}');
  return out;
}

Result<DocumentRecord> BundleFromJson(std::string_view line) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto error = parser.parse(line.data(), line.size()).get(root)) {
    return JsonError(error, "the line");
  }
  DocumentRecord record;
  bool has_version = false, has_document = false, has_text = false;
  for (const simdjson::dom::key_value_pair field : root) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == "bundle") {
      uint64_t version = 0;
      if (value.get_uint64().get(version)) return FieldError(key, "must be a number");
      if (version != kBundleVersion) {
        return OutOfRangeError("bundle version " + std::to_string(version) +
                               " is not supported (this parley reads version 1); extract "
                               "the documents again with this parley");
      }
      has_version = true;
    } else if (key == "document") {
      if (!value.is_object()) return FieldError(key, "must be an object");
      auto info = DocumentInfoFromJson(simdjson::minify(value));
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
      simdjson::dom::array items;
      if (value.get_array().get(items)) return FieldError(key, "must be an array");
      size_t index = 0;
      for (const simdjson::dom::element item : items) {
        // Each record is read by its own codec, from its own JSON text.
        const std::string text = simdjson::minify(item);
        const std::string where =
            "bundle field '" + std::string(key) + "' item " + std::to_string(index++);
        if (key == "entities") {
          auto entity = EntityFromJson(text);
          if (!entity.ok()) return entity.status().WithContext(where);
          record.entities.push_back(std::move(*entity));
        } else {
          auto statement = StatementFromJson(text);
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
