// Key and value encodings of the parley store (the layout graph/FORMAT.md specifies).
//
// Keys are order-preserving: text parts are written as is and each is closed by a 0x00 byte, so
// "a" sorts before "ab" and a prefix scan over "<part>\0" visits exactly that part's keys;
// numbers are fixed-width big-endian. Values are compact binary records built from LEB128
// varints and length-prefixed strings; every record starts with its own layout version byte.
//
// Both stores (RocksDB and in-memory) use these encodings, so they share every byte of logic
// above the key-value layer.
//
// Thread-safety: pure functions.
#ifndef PARLEY_GRAPH_KEYS_H_
#define PARLEY_GRAPH_KEYS_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/types.h"

namespace parley::internal {

// The store's on-disk format version (graph/FORMAT.md). Bump on any incompatible change.
inline constexpr uint32_t kFormatVersion = 4;

// Column families, in the order FORMAT.md lists them.
enum class Cf : int {
  kMeta = 0,     // format version, counters
  kDocs,         // doc id -> DocMeta
  kText,         // doc id -> text
  kDocContents,  // doc id -> DocContents (statement ids, entity contributions)
  kStatements,   // statement id -> Statement
  kSpo,          // subject \0 predicate \0 object \0 statement id -> ""
  kPos,          // predicate \0 object \0 subject \0 statement id -> ""
  kOsp,          // object \0 subject \0 predicate \0 statement id -> ""
  kInvolves,     // entity \0 role \0 statement id -> "" (recipient, place, event)
  kTime,         // span class, start \0 statement id -> end
  kEntities,     // entity id -> EntityAggregate
  kAliases,      // folded name \0 entity id -> count (u64 big-endian)
};
inline constexpr int kCfCount = 12;
// RocksDB column family names; kMeta is RocksDB's "default".
std::string_view CfName(Cf cf);

// Appends `part` and its 0x00 terminator.
void AppendPart(std::string_view part, std::string* key);
// Builds a key of terminated parts: Key({"a", "b"}) == "a\0b\0".
std::string Key(std::initializer_list<std::string_view> parts);
// Splits a key of terminated parts; the last part may lack its terminator.
std::vector<std::string_view> SplitKey(std::string_view key);
// The smallest key greater than every key starting with `prefix` ("" when there is none).
std::string PrefixEnd(std::string_view prefix);

std::string EncodeU64(uint64_t value);  // 8 bytes big-endian
// DataLoss unless `bytes` holds exactly 8 bytes.
Result<uint64_t> DecodeU64(std::string_view bytes);

// Folds a name for the alias index: white space collapsed, ASCII lower-cased.
std::string FoldName(std::string_view name);

// Span classes of the time index: how far before a range's start a statement may begin and
// still overlap it. A query scans each class from (since - reach) to until.
enum class SpanClass : char {
  kMonth = 'm',   // end - start <= 31 days: scan from since minus two months
  kYear = 'y',    // <= 366 days: from since minus two years
  kLonger = 'z',  // anything longer (decades, centuries): from the beginning
};
SpanClass ClassifySpan(const TimeValue& time);
// The earliest start a statement of class `c` may have and still end on or after `since`
// (YYYY-MM-DD); "" for kLonger.
std::string ClassLowerBound(SpanClass c, std::string_view since);
// The time index key of a statement.
std::string TimeKey(const TimeValue& time, std::string_view statement_id);
// Appends TimeKey(time, statement_id) to `key`.
void AppendTimeKey(const TimeValue& time, std::string_view statement_id, std::string* key);

// Per-document bookkeeping stored under kDocs.
struct DocMeta {
  DocumentInfo info;
  std::string rules_fingerprint;
  uint32_t sentence_count = 0;
  uint32_t statement_count = 0;  // written in the same batch as the statements
  uint32_t entity_count = 0;
  std::string duplicate_of;  // the document whose text this one repeats, or ""

  friend bool operator==(const DocMeta&, const DocMeta&) = default;
};

// What a document put into the store, kept so that replacing it removes exactly that: its
// statements' ids and its entity contributions, in one record under kDocContents.
struct DocContents {
  std::vector<std::string> statement_ids;
  std::vector<Entity> contributions;

  friend bool operator==(const DocContents&, const DocContents&) = default;
};

// An entity as the sum of its documents' contributions; every field counts how many
// contributions carry it, so subtracting a replaced document is exact.
struct EntityAggregate {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::map<std::string, uint64_t> labels;                              // label -> contributions
  std::map<std::string, uint64_t> aliases;                             // alias -> contributions
  std::map<std::pair<std::string, std::string>, uint64_t> attributes;  // (key, value) -> count
  std::map<std::vector<std::string>, uint64_t> roles;  // {office, country, from, to, code} -> count
  uint64_t mentions = 0;
  uint64_t documents = 0;

  friend bool operator==(const EntityAggregate&, const EntityAggregate&) = default;
};

// Adds (sign +1) or subtracts (-1) one document's contribution.
void ApplyContribution(const Entity& contribution, int sign, EntityAggregate* aggregate);
// The entity an aggregate presents: the label most contributions use (ties: smallest), every
// other label and alias as aliases, the most frequent value per attribute, all roles sorted.
Entity ToEntity(const EntityAggregate& aggregate);
// The names the alias index lists for an aggregate: every label and alias, folded.
std::set<std::string> AggregateNames(const EntityAggregate& aggregate);

std::string EncodeStatement(const Statement& statement);
// Appends EncodeStatement(statement) to `out`: the same bytes, into a buffer the caller reuses.
void AppendStatement(const Statement& statement, std::string* out);
Result<Statement> DecodeStatement(std::string_view bytes);
std::string EncodeEntity(const Entity& entity);
Result<Entity> DecodeEntity(std::string_view bytes);
std::string EncodeAggregate(const EntityAggregate& aggregate);
Result<EntityAggregate> DecodeAggregate(std::string_view bytes);
std::string EncodeDocContents(const DocContents& contents);
// Appends the encoding of DocContents{statement_ids, contributions} to `out`, from views of
// records the caller holds. REQUIRES: no null pointer in `contributions`.
void AppendDocContents(const std::vector<std::string_view>& statement_ids,
                       const std::vector<const Entity*>& contributions, std::string* out);
Result<DocContents> DecodeDocContents(std::string_view bytes);
std::string EncodeDocMeta(const DocMeta& meta);
Result<DocMeta> DecodeDocMeta(std::string_view bytes);

}  // namespace parley::internal

#endif  // PARLEY_GRAPH_KEYS_H_
