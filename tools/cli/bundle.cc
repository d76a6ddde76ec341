// Version 3 frames hold the store's records, written and read by graph/keys.h; a JSON line
// (versions 1 and 2) is parsed once (base/json.h's JsonParser), and each nested record is read
// where it lies by the codec that owns it (StatementFromJsonValue and the like): the bundle adds
// no second encoding of statements or entities.
#include "tools/cli/bundle.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "base/json.h"
#include "base/text.h"
#include "graph/keys.h"

namespace parley::cli {
namespace {

constexpr uint32_t kBundleVersion = 3;
// The JSON Lines versions this parley still reads.
constexpr uint64_t kLastJsonVersion = 2;
// A version 3 stream's header: these 8 bytes, then the u32 version.
constexpr std::string_view kStreamMagic("\0PBUNDLE", 8);
constexpr size_t kStreamHeaderSize = kStreamMagic.size() + 4;
// A frame's head: 'd' and the u32 size of its content.
constexpr char kFrameTag = 'd';
constexpr size_t kFrameHeadSize = 5;
// The largest frame read: a document of 1 GiB is far over any --max-doc-bytes, so a larger size
// is a corrupt bundle, and no allocation follows it.
constexpr uint32_t kMaxFrameBytes = 1u << 30;
// The first byte of a reference in a frame's entity list ('E' starts an Entity record).
constexpr char kReferenceTag = 'R';

void AppendU32(uint32_t value, std::string* out) {
  const char bytes[4] = {static_cast<char>(value), static_cast<char>(value >> 8),
                         static_cast<char>(value >> 16), static_cast<char>(value >> 24)};
  out->append(bytes, 4);
}

uint32_t LoadU32(const char* bytes) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes);
  return static_cast<uint32_t>(b[0]) | static_cast<uint32_t>(b[1]) << 8 |
         static_cast<uint32_t>(b[2]) << 16 | static_cast<uint32_t>(b[3]) << 24;
}

// Writes the u32 size of what was appended to `out` after its placeholder at `at`.
void PatchSize(size_t at, std::string* out) {
  const size_t size = out->size() - at - 4;
  std::string bytes;
  AppendU32(static_cast<uint32_t>(size), &bytes);
  std::memcpy(out->data() + at, bytes.data(), 4);
}

// Appends u32 size and `bytes`.
void AppendSized(std::string_view bytes, std::string* out) {
  AppendU32(static_cast<uint32_t>(bytes.size()), out);
  out->append(bytes);
}

// Reads a frame's content: u32 values and sized byte strings, failing on a short read.
class FrameReader {
 public:
  explicit FrameReader(std::string_view in) : in_(in) {}
  bool U32(uint32_t* value) {
    if (in_.size() < 4) return false;
    *value = LoadU32(in_.data());
    in_.remove_prefix(4);
    return true;
  }
  bool Sized(std::string_view* bytes) {
    uint32_t size = 0;
    if (!U32(&size) || size > in_.size()) return false;
    *bytes = in_.substr(0, size);
    in_.remove_prefix(size);
    return true;
  }
  size_t left() const { return in_.size(); }

 private:
  std::string_view in_;
};

// Sets `item` to what was read at `where`; true.
bool Fill(std::string where, Result<DocumentRecord>&& record, BundleItem* item) {
  item->where = std::move(where);
  item->status = record.status();
  item->record = record.ok() ? std::move(*record) : DocumentRecord();
  return true;
}

Status FrameError(std::string_view problem) {
  return InvalidArgumentError("bundle frame: " + std::string(problem));
}

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
  out->reserve(out->size() + kStreamHeaderSize + 256 + record.document.text.size() +
               320 * record.statements.size() + 64 * record.entities.size());
  if (!started_) {
    out->append(kStreamMagic);
    AppendU32(kBundleVersion, out);
    started_ = true;
  }
  out->push_back(kFrameTag);
  const size_t frame = out->size();
  out->append(4, '\0');
  internal::DocMeta meta;
  meta.info = record.document.info;
  meta.rules_fingerprint = record.rules_fingerprint;
  meta.sentence_count = record.sentence_count;
  meta.statement_count = static_cast<uint32_t>(record.statements.size());
  meta.entity_count = static_cast<uint32_t>(record.entities.size());
  AppendSized(internal::EncodeDocMeta(meta), out);
  AppendSized(record.document.text, out);
  AppendU32(static_cast<uint32_t>(record.entities.size()), out);
  for (const Entity& entity : record.entities) {
    if (auto it = sent_.find(entity.id);
        it != sent_.end() && entity.mentions <= UINT32_MAX && SameButMentions(it->second, entity)) {
      AppendU32(static_cast<uint32_t>(1 + 4 + entity.id.size()), out);
      out->push_back(kReferenceTag);
      AppendU32(static_cast<uint32_t>(entity.mentions), out);
      out->append(entity.id);
      continue;
    }
    AppendSized(internal::EncodeEntity(entity), out);
    Remember(entity, &sent_);
  }
  AppendU32(static_cast<uint32_t>(record.statements.size()), out);
  for (const Statement& statement : record.statements) {
    const size_t at = out->size();
    out->append(4, '\0');
    internal::AppendStatement(statement, out);
    PatchSize(at, out);
  }
  PatchSize(frame, out);
}

Result<bool> BundleReader::Next(std::istream& in, BundleItem* item) {
  for (;;) {
    const int first = in.peek();
    if (first == std::char_traits<char>::eof()) {
      if (in.bad()) return IoError("cannot read the bundle at byte " + std::to_string(offset_));
      return false;
    }
    const std::string where = "byte " + std::to_string(offset_);
    if (first == kStreamMagic[0]) {
      char head[kStreamHeaderSize];
      in.read(head, kStreamHeaderSize);
      if (static_cast<size_t>(in.gcount()) != kStreamHeaderSize ||
          std::string_view(head, kStreamMagic.size()) != kStreamMagic) {
        return InvalidArgumentError(where +
                                    ": not an extraction bundle (a 0 byte that starts "
                                    "no bundle stream header, or a truncated one)");
      }
      const uint32_t version = LoadU32(head + kStreamMagic.size());
      if (version != kBundleVersion) {
        return OutOfRangeError(where + ": bundle stream version " + std::to_string(version) +
                               " is not supported (this parley reads versions 1 to 3); "
                               "extract the documents again with this parley");
      }
      offset_ += kStreamHeaderSize;
      table_.clear();
      in_binary_stream_ = true;
      continue;
    }
    if (first == kFrameTag && in_binary_stream_) {
      char head[kFrameHeadSize];
      in.read(head, kFrameHeadSize);
      bool whole = static_cast<size_t>(in.gcount()) == kFrameHeadSize;
      const uint32_t size = whole ? LoadU32(head + 1) : 0;
      if (size > kMaxFrameBytes) {
        return InvalidArgumentError(where + ": a document frame of " + std::to_string(size) +
                                    " bytes (more than this parley reads: a corrupt bundle?)");
      }
      // Read a MiB at a time, so a size that a truncated or corrupt file announces allocates
      // no more than the bytes that are there.
      buffer_.clear();
      for (size_t left = size; whole && left > 0;) {
        const size_t piece = std::min<size_t>(left, 1 << 20);
        const size_t at = buffer_.size();
        buffer_.resize(at + piece);
        in.read(buffer_.data() + at, static_cast<std::streamsize>(piece));
        whole = static_cast<size_t>(in.gcount()) == piece;
        left -= piece;
      }
      if (!whole) {
        return InvalidArgumentError(where +
                                    ": the bundle ends inside a document frame "
                                    "(truncated)");
      }
      offset_ += kFrameHeadSize + size;
      return Fill(where, ReadFrame(buffer_), item);
    }
    // A line: JSON (versions 1 and 2), blank, or not a bundle (which Read reports).
    std::getline(in, buffer_);
    offset_ += buffer_.size() + (in.eof() ? 0 : 1);
    ++line_;
    in_binary_stream_ = false;
    if (TrimSpace(buffer_).empty()) continue;
    return Fill("line " + std::to_string(line_), Read(buffer_), item);
  }
}

Result<DocumentRecord> BundleReader::ReadFrame(std::string_view frame) {
  FrameReader in(frame);
  std::string_view meta_bytes, text;
  if (!in.Sized(&meta_bytes)) return FrameError("the document record is truncated");
  auto meta = internal::DecodeDocMeta(meta_bytes);
  if (!meta.ok()) return FrameError("the document record is malformed");
  if (!in.Sized(&text)) return FrameError("the text is truncated");
  DocumentRecord record;
  record.document.info = std::move(meta->info);
  record.document.text = text;
  record.rules_fingerprint = std::move(meta->rules_fingerprint);
  record.sentence_count = meta->sentence_count;
  const std::string& id = record.document.info.id;
  uint32_t count = 0;
  if (!in.U32(&count) || count != meta->entity_count) {
    return FrameError("the entity count of document '" + id + "' is missing or wrong");
  }
  record.entities.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    auto where = [&id, i] { return "entity " + std::to_string(i) + " of document '" + id + "'"; };
    std::string_view bytes;
    if (!in.Sized(&bytes) || bytes.empty()) return FrameError(where() + " is truncated");
    if (bytes[0] == kReferenceTag) {
      if (bytes.size() < 5) return FrameError(where() + ": a reference is 'R', mentions, id");
      const std::string entity_id(bytes.substr(5));
      auto it = table_.find(entity_id);
      if (it == table_.end()) {
        return FrameError(where() + ": entity '" + entity_id +
                          "' is referred to before its record in this stream (a document "
                          "read without the ones before it?)");
      }
      record.entities.push_back(it->second);
      record.entities.back().mentions = LoadU32(bytes.data() + 1);
      continue;
    }
    auto entity = internal::DecodeEntity(bytes);
    if (!entity.ok()) return FrameError(where() + " is malformed");
    Remember(*entity, &table_);
    record.entities.push_back(std::move(*entity));
  }
  if (!in.U32(&count) || count != meta->statement_count) {
    return FrameError("the statement count of document '" + id + "' is missing or wrong");
  }
  record.statements.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    auto where = [&id, i] {
      return "statement " + std::to_string(i) + " of document '" + id + "'";
    };
    std::string_view bytes;
    if (!in.Sized(&bytes)) return FrameError(where() + " is truncated");
    auto statement = internal::DecodeStatement(bytes);
    if (!statement.ok()) return FrameError(where() + " is malformed");
    record.statements.push_back(std::move(*statement));
  }
  if (in.left() != 0) return FrameError("bytes after the statements of document '" + id + "'");
  if (ContentHash(record.document.text) != record.document.info.content_hash) {
    return InvalidArgumentError("bundle of document '" + id +
                                "': the text does not match the document's content_hash "
                                "(the bundle was altered or truncated)");
  }
  return record;
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
      if (*version < 1 || *version > kLastJsonVersion) {
        return OutOfRangeError("bundle version " + std::to_string(*version) +
                               " is not supported in a JSON line (this parley reads versions 1 "
                               "and 2 as JSON Lines, 3 as binary streams); extract the "
                               "documents again with this parley");
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
