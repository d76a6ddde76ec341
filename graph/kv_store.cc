#include "graph/kv_store.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <filesystem>
#include <list>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/date.h"
#include "base/entity_merge.h"
#include "base/text.h"
#include "graph/scan_plan.h"

namespace parley::internal {
namespace {

constexpr size_t kArenaBlock = 64 << 10;

// The first 8 bytes of `key` as a big-endian number, zero-padded: a smaller prefix means a
// smaller key; equal prefixes need the keys compared.
uint64_t KeyPrefix(std::string_view key) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(8, key.size()));
  uint64_t v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  return v;
}

}  // namespace

char* KvBatch::Allocate(size_t n) {
  if (n <= free_size_) {
    char* p = free_;
    free_ += n;
    free_size_ -= n;
    return p;
  }
  // A write bigger than a quarter block (a document's text) gets a block of its own, so the
  // current block's tail stays in use.
  if (n > kArenaBlock / 4) {
    blocks_.push_back(std::unique_ptr<char[]>(new char[n]));
    return blocks_.back().get();
  }
  blocks_.push_back(std::unique_ptr<char[]>(new char[kArenaBlock]));
  free_ = blocks_.back().get() + n;
  free_size_ = kArenaBlock - n;
  return blocks_.back().get();
}

void KvBatch::Put(Cf cf, std::string_view key, std::string_view value) {
  char* p = Allocate(key.size() + value.size());
  if (!key.empty()) std::memcpy(p, key.data(), key.size());
  if (!value.empty()) std::memcpy(p + key.size(), value.data(), value.size());
  // An empty value still needs a non-null pointer: null marks a delete.
  entries_.push_back(Entry{p, value.empty() ? "" : p + key.size(), key.size(), value.size(), cf});
}

void KvBatch::Delete(Cf cf, std::string_view key) {
  char* p = Allocate(key.size());
  if (!key.empty()) std::memcpy(p, key.data(), key.size());
  entries_.push_back(Entry{p, nullptr, key.size(), 0, cf});
}

void KvBatch::SortAndCollapse() {
  // Sorting small items (a key's first 8 bytes, where it is, its position) rather than the
  // entries keeps most comparisons to one integer compare and the rest to one memcmp;
  // families are split first by a counting sort.
  struct Item {
    uint64_t prefix;
    const char* key;
    uint32_t size;
    uint32_t index;
    std::string_view view() const { return {key, size}; }
  };
  std::array<size_t, kCfCount + 1> start{};
  for (const Entry& e : entries_) ++start[static_cast<int>(e.cf) + 1];
  for (int c = 0; c < kCfCount; ++c) start[c + 1] += start[c];
  std::array<size_t, kCfCount> next;
  std::copy(start.begin(), start.begin() + kCfCount, next.begin());
  std::vector<Item> items(entries_.size());
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    items[next[static_cast<int>(e.cf)]++] =
        Item{KeyPrefix(e.key()), e.key_data, static_cast<uint32_t>(e.key_size), i};
  }
  // Equal keys keep their order of writing, so the last of them is the one that counts.
  auto less = [](const Item& a, const Item& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    int c = a.view().compare(b.view());
    return c != 0 ? c < 0 : a.index < b.index;
  };
  for (int c = 0; c < kCfCount; ++c) {
    std::sort(items.begin() + start[c], items.begin() + start[c + 1], less);
  }
  std::vector<Entry> sorted;
  sorted.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const Entry& e = entries_[items[i].index];
    if (i + 1 < items.size() && items[i].prefix == items[i + 1].prefix &&
        items[i].view() == items[i + 1].view() && entries_[items[i + 1].index].cf == e.cf) {
      continue;
    }
    sorted.push_back(e);
  }
  entries_ = std::move(sorted);
}

namespace {

const std::string kDocumentsCounter = CounterKey("total", "documents");
const std::string kSentencesCounter = CounterKey("total", "sentences");
const std::string kStatementsCounter = CounterKey("total", "statements");
const std::string kEntitiesCounter = CounterKey("total", "entities");
const std::string kDuplicatesCounter = CounterKey("total", "duplicates");

// `text ∘ <normalized hash>` -> the id of the document that holds that text.
std::string TextKey(std::string_view normalized_hash) { return Key({"text", normalized_hash}); }
// `duplicate ∘ <document> ∘ <duplicate>` -> "": the copies of a document.
std::string DuplicateKey(std::string_view doc, std::string_view duplicate) {
  return Key({"duplicate", doc, duplicate});
}

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// A record as stored: statements with ids and the document id, duplicates merged, every entity
// a statement mentions present once, in id order, with aliases and roles sorted and unique.
// It views the caller's record and holds copies only of what normalising changed, so it must
// not outlive that record. Moving it keeps every pointer valid (the copies live in list nodes).
struct NormalRecord {
  const DocumentRecord* in = nullptr;
  std::vector<const Statement*> statements;
  // Whether statements[i].id is known to be MakeStatementId(statements[i]) (it was computed
  // here); false means unknown.
  std::vector<bool> id_computed;
  std::vector<const Entity*> entities;
  std::list<Statement> changed_statements;
  std::list<Entity> changed_entities;
  std::string computed_hash;  // when the record has no content hash

  std::string_view content_hash() const {
    return computed_hash.empty() ? std::string_view(in->document.info.content_hash)
                                 : std::string_view(computed_hash);
  }
};

// Collects one write batch of whole documents. Writes are appended in order (a later write to
// a key wins, as in a RocksDB WriteBatch). Reads go to the stored state: a batch never holds a
// document twice (PutBatch writes before a repeat), so what a document reads -- its stored
// version, its old statements -- cannot be in the batch. Entity aggregates (with their alias
// index entries) and counters, which many documents of a batch share, are kept decoded and
// written once at Finish. The statement and document ids it is given must outlive it.
class Txn {
 public:
  explicit Txn(const KvView& base) : base_(base) {}

  const KvView& base() const { return base_; }
  void Put(Cf cf, std::string_view key, std::string_view value) { batch_.Put(cf, key, value); }
  void Delete(Cf cf, std::string_view key) { batch_.Delete(cf, key); }
  void Count(const std::string& counter, int64_t delta) {
    auto it = counters_.find(counter);
    if (it == counters_.end()) it = counters_.emplace(counter, 0).first;
    it->second += delta;
  }
  void Count(std::string_view kind, std::string_view name, int64_t delta) {
    counter_.clear();
    AppendPart("count", &counter_);
    AppendPart(kind, &counter_);
    AppendPart(name, &counter_);
    Count(counter_, delta);
  }
  // The document that holds the normalised text `hash` (graph/store.h, duplicates), "" when
  // none: as this batch left it, else as stored.
  Result<std::string> TextHolder(std::string_view hash) {
    if (auto it = text_holders_.find(hash); it != text_holders_.end()) return it->second;
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> holder, base_.Get(Cf::kMeta, TextKey(hash)));
    return holder.value_or("");
  }
  // Makes `doc` ("" for none) the holder of text `hash`.
  void SetTextHolder(std::string_view hash, std::string_view doc) {
    text_holders_[std::string(hash)] = std::string(doc);
    if (doc.empty()) {
      Delete(Cf::kMeta, TextKey(hash));
    } else {
      Put(Cf::kMeta, TextKey(hash), doc);
    }
  }
  // False when another document of this batch already holds statement `id`.
  bool ClaimStatement(std::string_view id, std::string_view doc) {
    return statement_docs_.emplace(id, doc).first->second == doc;
  }
  // Buffers for building one key or value at a time; Put copies them.
  std::string& key_buffer() { return key_; }
  std::string& value_buffer() { return value_; }

  // The aggregate of entity `id`, loaded once per batch.
  Result<EntityAggregate*> Aggregate(std::string_view id) {
    auto it = aggregates_.find(id);
    if (it != aggregates_.end()) return &it->second.aggregate;
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, base_.Get(Cf::kEntities, id));
    AggregateSlot& slot = aggregates_[std::string(id)];
    if (bytes) {
      PARLEY_ASSIGN_OR_RETURN(slot.aggregate, DecodeAggregate(*bytes));
      slot.existed = true;
      slot.names_before = AggregateNames(slot.aggregate);
    }
    return &slot.aggregate;
  }

  size_t size() const { return batch_.size(); }
  bool touched(std::string_view doc_id) const { return docs_.count(doc_id) > 0; }
  void Touch(std::string_view doc_id) { docs_.insert(doc_id); }
  // Touch for an id the caller does not keep alive: the batch keeps a copy.
  void TouchCopy(std::string_view doc_id) {
    if (touched(doc_id)) return;
    docs_.insert(held_ids_.emplace_back(doc_id));
  }

  // Folds aggregates and counters into the writes and returns them.
  Result<KvBatch> Finish() {
    for (auto& [id, slot] : aggregates_) {
      const EntityAggregate& aggregate = slot.aggregate;
      bool existed = slot.existed;
      bool exists = aggregate.documents > 0;
      // The alias index lists the names the entity carries now: diff them with before.
      std::set<std::string> names;
      if (exists) names = AggregateNames(aggregate);
      for (const std::string& name : slot.names_before) {
        if (names.count(name) == 0) Delete(Cf::kAliases, Key({name, id}));
      }
      for (const std::string& name : names) {
        if (slot.names_before.count(name) == 0) Put(Cf::kAliases, Key({name, id}), "");
      }
      if (exists) {
        Put(Cf::kEntities, id, EncodeAggregate(aggregate));
      } else if (existed) {
        Delete(Cf::kEntities, id);
      }
      int delta = static_cast<int>(exists) - static_cast<int>(existed);
      if (delta != 0) {
        Count(kEntitiesCounter, delta);
        Count("type", EntityTypeName(aggregate.type), delta);
      }
    }
    PARLEY_RETURN_IF_ERROR(ApplyCounts(Cf::kMeta, counters_));
    return std::move(batch_);
  }

 private:
  Status ApplyCounts(Cf cf, const std::map<std::string, int64_t, std::less<>>& deltas) {
    for (const auto& [key, delta] : deltas) {
      if (delta == 0) continue;
      PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, base_.Get(cf, key));
      uint64_t current = 0;
      if (bytes) {
        PARLEY_ASSIGN_OR_RETURN(current, DecodeU64(*bytes));
      }
      int64_t next = static_cast<int64_t>(current) + delta;
      if (next <= 0) {
        Delete(cf, key);
      } else {
        Put(cf, key, EncodeU64(static_cast<uint64_t>(next)));
      }
    }
    return Status::Ok();
  }

  const KvView& base_;
  KvBatch batch_;
  std::unordered_map<std::string_view, std::string_view> statement_docs_;  // this batch's
  struct AggregateSlot {
    bool existed = false;                // stored before this batch
    std::set<std::string> names_before;  // its alias index entries then
    EntityAggregate aggregate;
  };
  std::map<std::string, AggregateSlot, std::less<>> aggregates_;
  std::map<std::string, int64_t, std::less<>> counters_;
  std::map<std::string, std::string, std::less<>> text_holders_;  // this batch's changes
  std::unordered_set<std::string_view> docs_;
  std::list<std::string> held_ids_;  // ids TouchCopy keeps alive
  std::string counter_, key_, value_;
};

Status BadRecord(const std::string& doc, const std::string& problem) {
  return InvalidArgumentError("document '" + doc + "': " + problem);
}

// Fills `r` with `in` as stored (NormalRecord).
Status Normalize(const DocumentRecord& in, NormalRecord* r) {
  const std::string& doc = in.document.info.id;
  if (doc.empty()) return InvalidArgumentError("a document without an id cannot be stored");
  if (HasNul(doc)) return BadRecord(doc, "the id holds a NUL byte");
  if (doc.size() > kMaxIdBytes) {
    return InvalidArgumentError("a document id of " + std::to_string(doc.size()) +
                                " bytes cannot be stored (at most " + std::to_string(kMaxIdBytes) +
                                ")");
  }
  r->in = &in;
  if (in.document.info.content_hash.empty()) r->computed_hash = ContentHash(in.document.text);

  // Entities by id; a repeated id merges into its first occurrence.
  std::vector<const Entity*>& entities = r->entities;
  entities.reserve(in.entities.size());
  for (const Entity& e : in.entities) {
    if (e.id.empty() || HasNul(e.id) || e.id.size() > kMaxIdBytes) {
      return BadRecord(doc, "entity '" + QuoteAtMost(e.label, 200) +
                                "' has an empty id, a NUL byte in it, or an id over " +
                                std::to_string(kMaxIdBytes) + " bytes");
    }
    entities.push_back(&e);
  }
  auto by_id = [](const Entity* a, const Entity* b) { return a->id < b->id; };
  if (!std::is_sorted(entities.begin(), entities.end(), by_id)) {
    std::stable_sort(entities.begin(), entities.end(), by_id);
  }
  size_t unique = 0;
  for (size_t i = 0; i < entities.size();) {
    size_t end = i + 1;
    while (end < entities.size() && entities[end]->id == entities[i]->id) ++end;
    const Entity* e = entities[i];
    if (end - i > 1 || !HasNormalEntityNames(*e)) {
      Entity& copy = r->changed_entities.emplace_back(*e);
      NormalizeEntityNames(&copy);
      for (size_t j = i + 1; j < end; ++j) MergeEntityInto(*entities[j], &copy);
      e = &copy;
    }
    entities[unique++] = e;
    i = end;
  }
  entities.resize(unique);

  // Entities statements mention without the record listing them, by id.
  std::map<std::string_view, Entity> implicit;
  r->statements.reserve(in.statements.size());
  r->id_computed.reserve(in.statements.size());
  bool repeats = false;
  for (const Statement& given : in.statements) {
    const Statement* s = &given;
    bool computed = false;
    if (given.doc.empty() || given.id.empty()) {
      Statement& copy = r->changed_statements.emplace_back(given);
      if (copy.doc.empty()) copy.doc = doc;
      if (copy.doc != doc) {
        return BadRecord(doc, "statement " + copy.id + " belongs to document '" + copy.doc + "'");
      }
      if (copy.id.empty()) {
        copy.id = MakeStatementId(copy);
        computed = true;
      }
      s = &copy;
    } else if (given.doc != doc) {
      return BadRecord(doc, "statement " + given.id + " belongs to document '" + given.doc + "'");
    }
    if (s->predicate.empty() || HasNul(s->predicate) || HasNul(s->id) ||
        s->id.size() > kMaxIdBytes || s->predicate.size() > kMaxIdBytes) {
      return BadRecord(doc, "statement " + s->id + " has an empty predicate or a NUL byte");
    }
    for (const EntityRef* ref :
         {&s->subject, s->object ? &*s->object : nullptr, s->recipient ? &*s->recipient : nullptr,
          s->place ? &*s->place : nullptr, s->event ? &*s->event : nullptr}) {
      if (ref == nullptr) continue;
      if (ref->id.empty() || HasNul(ref->id) || ref->id.size() > kMaxIdBytes) {
        return BadRecord(doc, "statement " + s->id + " refers to an entity with an empty id");
      }
      auto listed =
          std::lower_bound(entities.begin(), entities.end(), ref->id,
                           [](const Entity* e, const std::string& id) { return e->id < id; });
      if ((listed == entities.end() || (*listed)->id != ref->id) && implicit.count(ref->id) == 0) {
        Entity& e = implicit[ref->id];
        e.id = ref->id;
        e.label = ref->label.empty() ? ref->id : ref->label;
        e.type = ref->type;
      }
    }
    if (!r->statements.empty() && s->id == r->statements.back()->id) repeats = true;
    r->statements.push_back(s);
    r->id_computed.push_back(computed);
  }

  // A statement id seen before merges into its first occurrence (mentions add up). Checked on
  // sorted ids, so a record without repeats (the rule) pays no map.
  if (!repeats && r->statements.size() > 1) {
    std::vector<std::string_view> ids;
    ids.reserve(r->statements.size());
    for (const Statement* s : r->statements) ids.emplace_back(s->id);
    std::sort(ids.begin(), ids.end());
    repeats = std::adjacent_find(ids.begin(), ids.end()) != ids.end();
  }
  if (repeats) {
    std::map<std::string_view, size_t> first_with_id;  // id -> index in kept
    std::vector<const Statement*> kept;
    std::vector<bool> kept_computed;
    std::vector<Statement*> kept_copy;  // the copy to add mentions to, once made
    for (size_t i = 0; i < r->statements.size(); ++i) {
      const Statement* s = r->statements[i];
      auto [it, inserted] = first_with_id.emplace(s->id, kept.size());
      if (inserted) {
        kept.push_back(s);
        kept_computed.push_back(r->id_computed[i]);
        kept_copy.push_back(nullptr);
        continue;
      }
      Statement*& copy = kept_copy[it->second];
      if (copy == nullptr) {
        copy = &r->changed_statements.emplace_back(*kept[it->second]);
        kept[it->second] = copy;
      }
      copy->mentions += s->mentions;
    }
    r->statements = std::move(kept);
    r->id_computed = std::move(kept_computed);
  }

  if (!implicit.empty()) {
    std::vector<const Entity*> added;
    for (auto& [id, e] : implicit) added.push_back(&r->changed_entities.emplace_back(std::move(e)));
    std::vector<const Entity*> all;
    all.reserve(entities.size() + added.size());
    std::merge(entities.begin(), entities.end(), added.begin(), added.end(),
               std::back_inserter(all), by_id);
    entities = std::move(all);
  }
  return Status::Ok();
}

// Keeps the duplicates of `doc`, whose text is going, as documents waiting to be extracted:
// no longer duplicates, rules fingerprint "" (graph/store.h).
Status OrphanDuplicates(const std::string& doc, Txn* txn) {
  const std::string prefix = Key({"duplicate", doc});
  std::vector<std::string> duplicates;
  PARLEY_RETURN_IF_ERROR(txn->base().Scan(Cf::kMeta, prefix, PrefixEnd(prefix),
                                          [&](std::string_view key, std::string_view) {
                                            duplicates.emplace_back(SplitKey(key).back());
                                            return true;
                                          }));
  for (const std::string& d : duplicates) {
    txn->Delete(Cf::kMeta, DuplicateKey(doc, d));
    txn->Count(kDuplicatesCounter, -1);
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, txn->base().Get(Cf::kDocs, d));
    if (!bytes) continue;
    PARLEY_ASSIGN_OR_RETURN(DocMeta meta, DecodeDocMeta(*bytes));
    meta.duplicate_of.clear();
    meta.rules_fingerprint.clear();
    meta.sentence_count = 0;  // none counted, none stored
    txn->Put(Cf::kDocs, d, EncodeDocMeta(meta));
    txn->TouchCopy(d);
  }
  return Status::Ok();
}

Status RemoveDocument(const std::string& doc, const DocMeta& meta, Txn* txn) {
  if (!meta.duplicate_of.empty()) {
    txn->Delete(Cf::kMeta, DuplicateKey(meta.duplicate_of, doc));
    txn->Count(kDuplicatesCounter, -1);
  } else if (!meta.info.normalized_hash.empty()) {
    PARLEY_ASSIGN_OR_RETURN(std::string holder, txn->TextHolder(meta.info.normalized_hash));
    if (holder == doc) txn->SetTextHolder(meta.info.normalized_hash, "");
    PARLEY_RETURN_IF_ERROR(OrphanDuplicates(doc, txn));
  }
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> contents_bytes,
                          txn->base().Get(Cf::kDocContents, doc));
  if (!contents_bytes) {
    return DataLossError("document '" + doc + "' has no contents record in the store");
  }
  PARLEY_ASSIGN_OR_RETURN(DocContents contents, DecodeDocContents(*contents_bytes));
  for (const std::string& id : contents.statement_ids) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, txn->base().Get(Cf::kStatements, id));
    if (!bytes) {
      return DataLossError("document '" + doc + "' lists statement " + id +
                           " but the store does not hold it");
    }
    PARLEY_ASSIGN_OR_RETURN(Statement s, DecodeStatement(*bytes));
    ForEachIndexKey(s, &txn->key_buffer(),
                    [txn](Cf cf, std::string_view key, std::string_view) { txn->Delete(cf, key); });
    txn->Delete(Cf::kStatements, id);
    txn->Count(kStatementsCounter, -1);
    txn->Count("predicate", s.predicate, -1);
  }
  for (const Entity& c : contents.contributions) {
    PARLEY_ASSIGN_OR_RETURN(EntityAggregate * aggregate, txn->Aggregate(c.id));
    ApplyContribution(c, -1, aggregate);
  }
  txn->Delete(Cf::kDocContents, doc);
  txn->Delete(Cf::kText, doc);
  txn->Delete(Cf::kDocs, doc);
  txn->Count(kDocumentsCounter, -1);
  // A duplicate's sentences were never counted.
  if (meta.duplicate_of.empty()) {
    txn->Count(kSentencesCounter, -static_cast<int64_t>(meta.sentence_count));
  }
  return Status::Ok();
}

// The DocMeta of a record as stored.
DocMeta MetaOf(const NormalRecord& r) {
  DocMeta meta;
  meta.info = r.in->document.info;
  meta.info.content_hash = std::string(r.content_hash());
  meta.rules_fingerprint = r.in->rules_fingerprint;
  meta.sentence_count = r.in->sentence_count;
  return meta;
}

// Stores `r` as a duplicate of `holder`, the document that holds its text: info and text, no
// statements, no entity contributions (graph/store.h).
Result<PutOutcome> AddDuplicate(const NormalRecord& r, const std::string& holder, Txn* txn) {
  const std::string& doc = r.in->document.info.id;
  // Replacing the holder in this batch would scan for its duplicates in the stored state.
  txn->TouchCopy(holder);
  DocMeta meta = MetaOf(r);
  meta.duplicate_of = holder;
  std::string& value = txn->value_buffer();
  value.clear();
  AppendDocContents({}, {}, &value);
  txn->Put(Cf::kDocContents, doc, value);
  txn->Put(Cf::kDocs, doc, EncodeDocMeta(meta));
  txn->Put(Cf::kText, doc, r.in->document.text);
  txn->Put(Cf::kMeta, DuplicateKey(holder, doc), "");
  txn->Count(kDocumentsCounter, 1);
  txn->Count(kDuplicatesCounter, 1);
  return PutOutcome::kDuplicate;
}

// Adds one normalised record to `txn`, replacing or skipping a stored version.
Result<PutOutcome> AddDocument(const NormalRecord& r, Txn* txn) {
  const DocumentRecord& in = *r.in;
  const std::string& doc = in.document.info.id;
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> old_bytes, txn->base().Get(Cf::kDocs, doc));
  PutOutcome outcome = PutOutcome::kAdded;
  if (old_bytes) {
    PARLEY_ASSIGN_OR_RETURN(DocMeta old, DecodeDocMeta(*old_bytes));
    if (old.info.content_hash == r.content_hash() &&
        old.rules_fingerprint == in.rules_fingerprint) {
      return PutOutcome::kUnchanged;
    }
    PARLEY_RETURN_IF_ERROR(RemoveDocument(doc, old, txn));
    outcome = PutOutcome::kReplaced;
  }
  txn->Touch(doc);
  if (const std::string& hash = in.document.info.normalized_hash; !hash.empty()) {
    PARLEY_ASSIGN_OR_RETURN(std::string holder, txn->TextHolder(hash));
    if (!holder.empty() && holder != doc) return AddDuplicate(r, holder, txn);
    if (holder.empty()) txn->SetTextHolder(hash, doc);
  }
  std::string& value = txn->value_buffer();
  // Statements per predicate; a document uses few predicates.
  std::vector<std::pair<std::string_view, int64_t>> predicates;
  for (size_t i = 0; i < r.statements.size(); ++i) {
    const Statement& s = *r.statements[i];
    if (!txn->ClaimStatement(s.id, doc)) {
      return BadRecord(doc, "statement id " + s.id + " is used by another document too");
    }
    // An id computed by MakeStatementId covers the document id, so another document cannot
    // hold it (short of a 64-bit hash collision); only other ids need the look-up.
    if (!r.id_computed[i] && s.id != MakeStatementId(s)) {
      PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> clash,
                              txn->base().Get(Cf::kStatements, s.id));
      if (clash) {
        auto other = DecodeStatement(*clash);
        if (!other.ok() || other->doc != doc) {
          return BadRecord(doc, "statement id " + s.id + " is already stored for document '" +
                                    (other.ok() ? other->doc : std::string("?")) + "'");
        }
      }
    }
    value.clear();
    AppendStatement(s, &value);
    txn->Put(Cf::kStatements, s.id, value);
    ForEachIndexKey(s, &txn->key_buffer(),
                    [txn](Cf cf, std::string_view key, std::string_view index_value) {
                      txn->Put(cf, key, index_value);
                    });
    auto counted = std::find_if(predicates.begin(), predicates.end(),
                                [&s](const auto& p) { return p.first == s.predicate; });
    if (counted == predicates.end()) {
      predicates.emplace_back(s.predicate, 1);
    } else {
      ++counted->second;
    }
  }
  for (const auto& [predicate, n] : predicates) txn->Count("predicate", predicate, n);
  for (const Entity* e : r.entities) {
    PARLEY_ASSIGN_OR_RETURN(EntityAggregate * aggregate, txn->Aggregate(e->id));
    if (aggregate->documents > 0 && aggregate->type != e->type) {
      return BadRecord(doc, "entity " + e->id + " has type " +
                                std::string(EntityTypeName(e->type)) + " but is stored as " +
                                std::string(EntityTypeName(aggregate->type)));
    }
    ApplyContribution(*e, +1, aggregate);
  }
  std::vector<std::string_view> ids;
  ids.reserve(r.statements.size());
  for (const Statement* s : r.statements) ids.emplace_back(s->id);
  value.clear();
  AppendDocContents(ids, r.entities, &value);
  txn->Put(Cf::kDocContents, doc, value);
  DocMeta meta = MetaOf(r);
  meta.statement_count = static_cast<uint32_t>(r.statements.size());
  meta.entity_count = static_cast<uint32_t>(r.entities.size());
  txn->Put(Cf::kDocs, doc, EncodeDocMeta(meta));
  txn->Put(Cf::kText, doc, in.document.text);
  txn->Count(kDocumentsCounter, 1);
  txn->Count(kSentencesCounter, in.sentence_count);
  txn->Count(kStatementsCounter, static_cast<int64_t>(r.statements.size()));
  return outcome;
}

// A statement filter with since/until expanded to whole days.
struct ResolvedFilter {
  const StatementFilter* filter;
  std::string since;  // YYYY-MM-DD or ""
  std::string until;  // YYYY-MM-DD or ""
};

Result<ResolvedFilter> Resolve(const StatementFilter& f) {
  ResolvedFilter r{&f, "", ""};
  if (f.since) {
    PARLEY_ASSIGN_OR_RETURN(PartialDate since, PartialDate::Parse(*f.since));
    r.since = since.FirstDayString();
  }
  if (f.until) {
    PARLEY_ASSIGN_OR_RETURN(PartialDate until, PartialDate::Parse(*f.until));
    r.until = until.LastDayString();
  }
  return r;
}

bool Matches(const ResolvedFilter& r, const Statement& s) {
  const StatementFilter& f = *r.filter;
  if (f.doc && s.doc != *f.doc) return false;
  if (f.subject && s.subject.id != *f.subject) return false;
  if (f.object && (!s.object || s.object->id != *f.object)) return false;
  if (f.involving && s.subject.id != *f.involving && (!s.object || s.object->id != *f.involving) &&
      (!s.recipient || s.recipient->id != *f.involving)) {
    return false;
  }
  if (!f.predicates.empty() &&
      std::find(f.predicates.begin(), f.predicates.end(), s.predicate) == f.predicates.end()) {
    return false;
  }
  bool needs_time = f.require_time || !r.since.empty() || !r.until.empty();
  if (needs_time &&
      (!s.time || s.time->start.empty() || (f.text_dates_only && !IsTextTime(*s.time)))) {
    return false;
  }
  if (!r.since.empty() && s.time->end < r.since) return false;
  if (!r.until.empty() && s.time->start > r.until) return false;
  if (f.modality && s.modality != *f.modality) return false;
  return true;
}

struct KeyRange {
  Cf cf;
  std::string begin;
  std::string end;
};

std::vector<KeyRange> Ranges(const ResolvedFilter& r, ScanIndex index) {
  const StatementFilter& f = *r.filter;
  std::vector<KeyRange> ranges;
  auto prefix = [&ranges](Cf cf, const std::string& p) { ranges.push_back({cf, p, PrefixEnd(p)}); };
  switch (index) {
    case ScanIndex::kDocument:
      // Document ids are whole keys: the range holds exactly that key.
      ranges.push_back({Cf::kDocContents, *f.doc, *f.doc + std::string(1, '\0')});
      break;
    case ScanIndex::kSubjectFirst:
      if (f.predicates.empty()) {
        prefix(Cf::kSpo, Key({*f.subject}));
      }
      for (const std::string& p : f.predicates) {
        prefix(Cf::kSpo, f.object ? Key({*f.subject, p, *f.object}) : Key({*f.subject, p}));
      }
      break;
    case ScanIndex::kObjectFirst:
      prefix(Cf::kOsp, Key({*f.object}));
      break;
    case ScanIndex::kInvolving:
      prefix(Cf::kSpo, Key({*f.involving}));
      prefix(Cf::kOsp, Key({*f.involving}));
      prefix(Cf::kInvolves, Key({*f.involving, "r"}));
      break;
    case ScanIndex::kPredicateFirst:
      for (const std::string& p : f.predicates) prefix(Cf::kPos, Key({p}));
      break;
    case ScanIndex::kTime:
      for (SpanClass c : {SpanClass::kMonth, SpanClass::kYear, SpanClass::kLonger}) {
        std::string tag(1, static_cast<char>(c));
        std::string lower = r.since.empty() ? "" : ClassLowerBound(c, r.since);
        std::string end = r.until.empty() ? PrefixEnd(tag) : tag + r.until + '\x01';
        ranges.push_back({Cf::kTime, tag + lower, end});
      }
      break;
    case ScanIndex::kFull:
      ranges.push_back({Cf::kStatements, "", ""});
      break;
  }
  return ranges;
}

StoredDocument ToStoredDocument(DocMeta meta) {
  return StoredDocument{std::move(meta.info), std::move(meta.rules_fingerprint),
                        meta.sentence_count,  meta.statement_count,
                        meta.entity_count,    std::move(meta.duplicate_of)};
}

class KvStore : public Store {
 public:
  explicit KvStore(std::unique_ptr<KvBackend> backend) : backend_(std::move(backend)) {}

  Result<PutOutcome> Put(const DocumentRecord& record) override {
    PARLEY_ASSIGN_OR_RETURN(std::vector<PutOutcome> outcomes, PutRecords({&record, 1}));
    return outcomes.front();
  }

  Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& records) override {
    return PutRecords(records);
  }

  Result<std::optional<Document>> GetDocument(std::string_view id) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> meta_bytes, view->Get(Cf::kDocs, id));
    if (!meta_bytes) return std::optional<Document>();
    PARLEY_ASSIGN_OR_RETURN(DocMeta meta, DecodeDocMeta(*meta_bytes));
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> text, view->Get(Cf::kText, id));
    Document d;
    d.info = std::move(meta.info);
    d.text = text.value_or("");
    return std::optional<Document>(std::move(d));
  }

  Result<std::optional<std::string>> GetRulesFingerprint(std::string_view id) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> meta_bytes, view->Get(Cf::kDocs, id));
    if (!meta_bytes) return std::optional<std::string>();
    PARLEY_ASSIGN_OR_RETURN(DocMeta meta, DecodeDocMeta(*meta_bytes));
    return std::optional<std::string>(std::move(meta.rules_fingerprint));
  }

  Result<std::optional<StoredDocument>> GetStoredDocument(std::string_view id) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> meta_bytes, view->Get(Cf::kDocs, id));
    if (!meta_bytes) return std::optional<StoredDocument>();
    PARLEY_ASSIGN_OR_RETURN(DocMeta meta, DecodeDocMeta(*meta_bytes));
    return std::optional<StoredDocument>(ToStoredDocument(std::move(meta)));
  }

  Result<std::vector<std::string>> Duplicates(std::string_view id) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    const std::string prefix = Key({"duplicate", id});
    std::vector<std::string> ids;
    PARLEY_RETURN_IF_ERROR(view->Scan(Cf::kMeta, prefix, PrefixEnd(prefix),
                                      [&](std::string_view key, std::string_view) {
                                        ids.emplace_back(SplitKey(key).back());
                                        return true;
                                      }));
    return ids;
  }

  Status ScanDocuments(const std::function<bool(const DocumentInfo&)>& visit) const override {
    return ScanStoredDocuments([&](const StoredDocument& d) { return visit(d.info); });
  }

  Status ScanStoredDocuments(
      const std::function<bool(const StoredDocument&)>& visit) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    Status status;
    PARLEY_RETURN_IF_ERROR(
        view->Scan(Cf::kDocs, "", "", [&](std::string_view, std::string_view value) {
          auto meta = DecodeDocMeta(value);
          if (!meta.ok()) {
            status = meta.status();
            return false;
          }
          return visit(ToStoredDocument(std::move(meta).value()));
        }));
    return status;
  }

  Status ScanStatements(const StatementFilter& filter,
                        const std::function<bool(const Statement&)>& visit) const override {
    PARLEY_ASSIGN_OR_RETURN(ResolvedFilter resolved, Resolve(filter));
    ScanIndex index = PlanScan(filter).index;
    std::vector<KeyRange> ranges = Ranges(resolved, index);
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    // An entity may be both subject and object of one statement: dedupe across ranges.
    std::set<std::string> seen;
    bool dedupe = ranges.size() > 1 && index == ScanIndex::kInvolving;
    Status status;
    bool stopped = false;
    // Checks one decoded statement and hands it on; false stops the scan.
    auto offer = [&](Result<Statement> s) {
      if (!s.ok()) {
        status = s.status();
        return false;
      }
      if (!Matches(resolved, *s)) return true;
      if (!visit(*s)) {
        stopped = true;
        return false;
      }
      return true;
    };
    auto offer_id = [&](const std::string& id) {
      if (dedupe && !seen.insert(id).second) return true;
      auto bytes = view->Get(Cf::kStatements, id);
      if (!bytes.ok()) {
        status = bytes.status();
        return false;
      }
      if (!*bytes) {
        status = DataLossError(backend_->name() + " lists statement " + id +
                               " in an index but does not hold it");
        return false;
      }
      return offer(DecodeStatement(**bytes));
    };
    for (const KeyRange& range : ranges) {
      if (stopped) break;
      PARLEY_RETURN_IF_ERROR(view->Scan(
          range.cf, range.begin, range.end, [&](std::string_view key, std::string_view value) {
            switch (range.cf) {
              case Cf::kStatements:
                return offer(DecodeStatement(value));
              case Cf::kDocContents: {
                auto contents = DecodeDocContents(value);
                if (!contents.ok()) {
                  status = contents.status();
                  return false;
                }
                for (const std::string& id : contents->statement_ids) {
                  if (!offer_id(id)) return false;
                }
                return true;
              }
              case Cf::kTime:
                // The value is the end date: skip statements over before `since` unread.
                if (!resolved.since.empty() && value < resolved.since) return true;
                return offer_id(std::string(SplitKey(key).back()));
              default:
                return offer_id(std::string(SplitKey(key).back()));
            }
          }));
      PARLEY_RETURN_IF_ERROR(status);
    }
    return Status::Ok();
  }

  Result<std::optional<Entity>> GetEntity(std::string_view id) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, view->Get(Cf::kEntities, id));
    if (!bytes) return std::optional<Entity>();
    PARLEY_ASSIGN_OR_RETURN(EntityAggregate aggregate, DecodeAggregate(*bytes));
    return std::optional<Entity>(ToEntity(aggregate));
  }

  Status ScanEntities(const std::function<bool(const Entity&)>& visit) const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    Status status;
    PARLEY_RETURN_IF_ERROR(
        view->Scan(Cf::kEntities, "", "", [&](std::string_view, std::string_view value) {
          auto aggregate = DecodeAggregate(value);
          if (!aggregate.ok()) {
            status = aggregate.status();
            return false;
          }
          return visit(ToEntity(*aggregate));
        }));
    return status;
  }

  Result<std::vector<std::string>> FindEntitiesByName(std::string_view name) const override {
    std::string folded = FoldName(name);
    std::vector<std::string> ids;
    if (folded.empty()) return ids;
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    std::string prefix = Key({folded});
    PARLEY_RETURN_IF_ERROR(view->Scan(Cf::kAliases, prefix, PrefixEnd(prefix),
                                      [&](std::string_view key, std::string_view) {
                                        ids.emplace_back(SplitKey(key).back());
                                        return true;
                                      }));
    return ids;
  }

  Result<StoreStats> Stats() const override {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    StoreStats stats;
    stats.format_version = kFormatVersion;
    Status status;
    PARLEY_RETURN_IF_ERROR(view->Scan(Cf::kMeta, Key({"count"}), PrefixEnd(Key({"count"})),
                                      [&](std::string_view key, std::string_view value) {
                                        auto parts = SplitKey(key);
                                        auto n = DecodeU64(value);
                                        if (!n.ok() || parts.size() != 3) {
                                          status = DataLossError("corrupt counter in " +
                                                                 backend_->name());
                                          return false;
                                        }
                                        std::string name(parts[2]);
                                        if (parts[1] == "type") {
                                          stats.entities_by_type[name] = *n;
                                        } else if (parts[1] == "predicate") {
                                          stats.statements_by_predicate[name] = *n;
                                        } else if (name == "documents") {
                                          stats.documents = *n;
                                        } else if (name == "sentences") {
                                          stats.sentences = *n;
                                        } else if (name == "statements") {
                                          stats.statements = *n;
                                        } else if (name == "entities") {
                                          stats.entities = *n;
                                        } else if (name == "duplicates") {
                                          stats.duplicates = *n;
                                        }
                                        return true;
                                      }));
    PARLEY_RETURN_IF_ERROR(status);
    PARLEY_RETURN_IF_ERROR(
        view->Scan(Cf::kTime, "", "", [&](std::string_view key, std::string_view end) {
          std::string start(SplitKey(key.substr(1)).front());
          if (stats.earliest.empty() || start < stats.earliest) stats.earliest = start;
          if (std::string(end) > stats.latest) stats.latest = std::string(end);
          return true;
        }));
    stats.disk_bytes = backend_->DiskBytes();
    return stats;
  }

  // Refuses a damaged source, and checks the copy the same way before calling it a backup.
  Status Backup(const std::string& dir) const override {
    PARLEY_RETURN_IF_ERROR(backend_->VerifyChecksums());
    PARLEY_RETURN_IF_ERROR(RequireWhole(*backend_, "not backing it up"));
    PARLEY_RETURN_IF_ERROR(backend_->Backup(dir));
    Status copy = CheckCopy(dir);
    if (!copy.ok()) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
    return copy;
  }
  Status Refresh() override { return backend_->Refresh(); }

  Result<CheckReport> Check(const CheckOptions& options) override {
    if (options.repair && backend_->read_only()) {
      return FailedPreconditionError(backend_->name() + " is open read-only; cannot repair it");
    }
    PARLEY_RETURN_IF_ERROR(backend_->VerifyChecksums());
    CheckReport report;
    KvBatch fix;
    {
      PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
      PARLEY_RETURN_IF_ERROR(CheckKv(*view, backend_->name(), options.max_problems, &report,
                                     options.repair ? &fix : nullptr));
    }
    if (!options.repair || report.ok()) return report;
    fix.SortAndCollapse();
    PARLEY_RETURN_IF_ERROR(backend_->Write(fix));
    report.repaired = true;
    CheckReport after;
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
    PARLEY_RETURN_IF_ERROR(CheckKv(*view, backend_->name(), options.max_problems, &after, nullptr));
    report.remaining = std::move(after.problems);
    return report;
  }

  Status Close() override { return backend_->Close(); }

 private:
  Result<std::vector<PutOutcome>> PutRecords(std::span<const DocumentRecord> records) {
    if (backend_->read_only()) {
      return FailedPreconditionError(backend_->name() + " is open read-only; cannot store");
    }
    // A batch is written once it holds this many keys: big enough to amortise the write (and,
    // for the RocksDB bulk path, to make table files worth ingesting), small enough to bound
    // memory (some 50 MB).
    constexpr size_t kBatchKeys = 250000;
    std::vector<PutOutcome> outcomes;
    outcomes.reserve(records.size());
    size_t i = 0;
    while (i < records.size()) {
      PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend_->View());
      KvBatch batch;
      {
        // The transaction views ids inside the normalised records, which view `records`.
        std::vector<NormalRecord> normal;
        normal.reserve(records.size() - i);
        Txn txn(*view);
        for (; i < records.size() && txn.size() < kBatchKeys; ++i) {
          // A document already in this batch must be written before it can be replaced,
          // because replacing scans the stored version.
          if (txn.touched(records[i].document.info.id)) break;
          NormalRecord& r = normal.emplace_back();
          PARLEY_RETURN_IF_ERROR(Normalize(records[i], &r));
          PARLEY_ASSIGN_OR_RETURN(PutOutcome outcome, AddDocument(r, &txn));
          outcomes.push_back(outcome);
        }
        PARLEY_ASSIGN_OR_RETURN(batch, txn.Finish());
      }
      // Key order lets both backends insert next to the previous key instead of searching
      // from the top (RocksDB's skip-list splice, std::map's hint), and lets the bulk path
      // write table files directly.
      batch.SortAndCollapse();
      view.reset();
      if (!batch.empty()) PARLEY_RETURN_IF_ERROR(backend_->WriteSorted(batch));
    }
    return outcomes;
  }

  std::unique_ptr<KvBackend> backend_;
};

}  // namespace

Status RequireWhole(const KvBackend& backend, std::string_view refusal) {
  CheckReport report;
  {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<KvView> view, backend.View());
    PARLEY_RETURN_IF_ERROR(CheckKv(*view, backend.name(), 1, &report, nullptr));
  }
  if (report.ok()) return Status::Ok();
  return DataLossError(backend.name() + " is not whole (" + report.problems.front() + "); " +
                       std::string(refusal) +
                       "; run `parley check` for the full report, and `parley check --repair` "
                       "to drop the damaged documents before ingesting them again");
}

Status CheckCopy(const std::string& dir) {
  StoreOptions options;
  options.read_only = true;
  Result<std::unique_ptr<Store>> copy = OpenRocksStore(dir, options);
  if (!copy.ok()) {
    return DataLossError("the copy in '" + dir + "' does not open: " + copy.status().message());
  }
  Result<CheckReport> report = (*copy)->Check({.max_problems = 1});
  if (!report.ok()) {
    return DataLossError("the copy in '" + dir +
                         "' failed its check: " + report.status().message());
  }
  if (!report->ok()) {
    return DataLossError("the copy in '" + dir + "' is not whole: " + report->problems.front());
  }
  return (*copy)->Close();
}

std::unique_ptr<Store> NewKvStore(std::unique_ptr<KvBackend> backend) {
  return std::make_unique<KvStore>(std::move(backend));
}

}  // namespace parley::internal
