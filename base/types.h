// The vocabulary shared by extract/ and graph/: documents, entities and statements.
//
// A Statement is one claim found in one sentence of one document: subject, predicate, object,
// qualifiers (quoted text, recipient, place, event, time, modality) and provenance (document,
// span, sentence, rule). Its JSON Lines form (base/json.h) is a public contract: fields may be
// added, never renamed or removed.
//
// Offsets: every span is a half-open range into the document's text *as stored* (Document::text,
// UTF-8). `Statement::span` counts Unicode code points, so `text[span[0]:span[1]]` in Python
// (or any code-point-indexed language) yields the evidence; `Statement::byte_span` is the same
// range in bytes for C++ and other byte-indexed consumers.
//
// Thread-safety: plain values.
#ifndef PARLEY_BASE_TYPES_H_
#define PARLEY_BASE_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parley {

enum class EntityType { kPerson, kState, kOrganization, kGroup, kPlace, kAgreement, kEvent };
inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kPerson, EntityType::kState,     EntityType::kOrganization, EntityType::kGroup,
    EntityType::kPlace,  EntityType::kAgreement, EntityType::kEvent};

// "person", "state", "organization", "group", "place", "agreement", "event".
std::string_view EntityTypeName(EntityType type);
// Inverse of EntityTypeName; InvalidArgument for anything else.
Result<EntityType> ParseEntityType(std::string_view name);
// Actors are the types that act: person, state, organization, group.
bool IsActorType(EntityType type);

enum class Modality { kAsserted, kReported, kHedged, kNegated, kPlanned };
inline constexpr Modality kAllModalities[] = {Modality::kAsserted, Modality::kReported,
                                              Modality::kHedged, Modality::kNegated,
                                              Modality::kPlanned};
// "asserted", "reported", "hedged", "negated", "planned".
std::string_view ModalityName(Modality modality);
// Inverse of ModalityName; InvalidArgument for anything else.
Result<Modality> ParseModality(std::string_view name);

// A reference to an entity from a statement.
struct EntityRef {
  std::string id;     // canonical id, "<type>:<slug>", e.g. "person:vladimir-putin"
  std::string label;  // display name, e.g. "Vladimir Putin"
  EntityType type = EntityType::kPerson;

  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

// The id of an optional reference (a statement's object, recipient, ...), "" without one.
inline std::string_view IdOrEmpty(const std::optional<EntityRef>& ref) {
  return ref ? std::string_view(ref->id) : std::string_view();
}

// Where a statement's time comes from:
//   text       a date in the statement's own sentence ("signed the treaty in 1956")
//   paragraph  no date in the sentence: the latest date earlier in its paragraph, the narrative
//              time of a history essay ("In 1994 ... In May ... North Korea withdrew")
//   document   no date in the text: the document's date (news, readouts, statements)
enum class TimeSource { kText, kParagraph, kDocument };
inline constexpr TimeSource kAllTimeSources[] = {TimeSource::kText, TimeSource::kParagraph,
                                                 TimeSource::kDocument};
// "text", "paragraph", "document".
std::string_view TimeSourceName(TimeSource source);
// Inverse of TimeSourceName; InvalidArgument for anything else.
Result<TimeSource> ParseTimeSource(std::string_view name);

// A normalised time: ISO 8601 `value` at the precision the text gives ("2018", "2018-09",
// "2018-09-14", "2010s", "1904/1905") and the inclusive calendar range it covers (base/date.h
// parses and builds them).
struct TimeValue {
  std::string value;  // e.g. "2018-09"
  std::string start;  // e.g. "2018-09-01"; always YYYY-MM-DD
  std::string end;    // e.g. "2018-09-30"; always YYYY-MM-DD
  TimeSource source = TimeSource::kText;

  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};

// Whether `time` was found in the text (its sentence or its paragraph), not taken from the
// document's date.
inline bool IsTextTime(const TimeValue& time) { return time.source != TimeSource::kDocument; }

// Half-open range [begin, end).
struct Span {
  uint64_t begin = 0;
  uint64_t end = 0;

  friend bool operator==(const Span&, const Span&) = default;
};

struct Statement {
  std::string id;  // stable: the same claim in the same place gets the same id on every run
  EntityRef subject;
  std::string predicate;  // lower_snake_case, e.g. "proposed", "holds_office"
  std::optional<EntityRef> object;
  std::optional<std::string> text;  // quoted or claimed content
  std::optional<EntityRef> recipient;
  std::optional<EntityRef> place;
  std::optional<EntityRef> event;
  std::optional<TimeValue> time;
  Modality modality = Modality::kAsserted;

  // Provenance.
  std::string doc;              // document id
  Span span;                    // the evidence sentence, in code points of the stored text
  Span byte_span;               // the same range in bytes
  std::string sentence;         // the evidence: exactly the stored text within `span`
  uint32_t sentence_index = 0;  // 0-based index of the sentence in the document
  std::string rule;             // id of the rule that produced the statement

  // Optional extras.
  std::string plover;     // PLOVER event type, e.g. "PROPOSE"; empty when none
  std::string cameo;      // CAMEO code, e.g. "03"; empty when none
  std::string doc_date;   // the document date the time was resolved against, or empty
  uint32_t mentions = 1;  // how often the document repeats this claim verbatim
  // CAMEO actor codes of the subject, object and recipient as the sentence presents them at
  // the statement's date (rules/README.md section 14): "RUS" for Russia, "RUSGOV" for "the
  // Russian government" or for Putin while in office, "ISRMIL" for "Israeli soldiers"; empty
  // when the entity has none (places, agreements, an actor no rule codes).
  std::string subject_code;
  std::string object_code;
  std::string recipient_code;

  friend bool operator==(const Statement&, const Statement&) = default;
};

// A dated office or membership: "prime minister of Japan from 2012-12-26 to 2020-09-16".
struct Role {
  std::string office;   // e.g. "prime minister"
  std::string country;  // entity id, e.g. "state:japan"; may be empty
  std::string from;     // ISO date, possibly partial; empty = unknown
  std::string to;       // ISO date, possibly partial; empty = open/unknown
  std::string code;  // CAMEO actor code the holder carries in the role, e.g. "JPNGOV"; may be empty

  friend bool operator==(const Role&, const Role&) = default;
};

struct Entity {
  std::string id;
  std::string label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;               // sorted, unique, excluding `label`
  std::map<std::string, std::string> attributes;  // e.g. {"iso3": "JPN", "cameo": "JPN"}
  std::vector<Role> roles;
  uint64_t mentions = 0;  // number of mentions seen (per document, or accumulated in a store)

  friend bool operator==(const Entity&, const Entity&) = default;
};

// The longest document, statement or entity id the store keeps, in bytes: records with longer
// ids (or empty ones, or ids holding a NUL byte) are bad records, skipped with a warning.
inline constexpr size_t kMaxIdBytes = 4096;

struct DocumentInfo {
  std::string id;     // the path as given, or the JSONL `id`
  std::string title;  // may be empty
  std::string url;    // may be empty
  std::string date;   // ISO date (possibly partial) relative dates resolve against; may be empty
  // Where `date` came from: "metadata", "dateline", or "" when there is none.
  std::string date_source;
  std::string format;        // "text", "markdown", "html" or "jsonl"
  std::string content_hash;  // 32 hex digits (XXH3-128) of `Document::text`
  // 32 hex digits (XXH3-128) of the document's normalised text: its units as rules read them
  // (extract/prepare.h), one per line. Equal for the same text whatever its id, format, front
  // matter or line wrapping, so a store can tell a copy (graph/store.h, duplicates); set by
  // extraction, empty when unknown (documents loaded from statements).
  std::string normalized_hash;

  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

// A document as stored: valid UTF-8 text plus metadata. For HTML the stored text is the visible
// text the reader extracted; for every other format it is the decoded input.
struct Document {
  DocumentInfo info;
  std::string text;
};

// Returns "<type>:<slug of label>", e.g. MakeEntityId(kPerson, "Vladimir Putin") is
// "person:vladimir-putin".
std::string MakeEntityId(EntityType type, std::string_view label);

// Computes the stable statement id from the fields that identify a claim: document, byte span,
// rule, subject, predicate, object, text and recipient. Returns "s:" followed by 16 hex digits.
std::string MakeStatementId(const Statement& statement);

}  // namespace parley

#endif  // PARLEY_BASE_TYPES_H_
