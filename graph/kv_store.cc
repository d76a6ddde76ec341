#include "graph/kv_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/text.h"
#include "graph/scan_plan.h"

namespace parley::internal {
namespace {

const std::string kVersionKey = "format_version";
std::string CounterKey(std::string_view kind, std::string_view name) {
  return Key({"count", kind, name});
}
const std::string kDocumentsCounter = CounterKey("total", "documents");
const std::string kSentencesCounter = CounterKey("total", "sentences");
const std::string kStatementsCounter = CounterKey("total", "statements");
const std::string kEntitiesCounter = CounterKey("total", "entities");

bool HasNul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Collects one write batch of whole documents. Writes are appended in order (a later write to
// a key wins, as in a RocksDB WriteBatch). Reads go to the stored state: a batch never holds a
// document twice (PutBatch writes before a repeat), so what a document reads -- its stored
// version, its old statements -- cannot be in the batch. Entity aggregates (with their alias
// index entries) and counters, which many documents of a batch share, are kept decoded and
// written once at Finish.
class Txn {
 public:
  explicit Txn(const KvView& base) : base_(base) {}

  const KvView& base() const { return base_; }
  void Put(Cf cf, std::string key, std::string value) {
    writes_.push_back(KvWrite{cf, std::move(key), std::move(value)});
  }
  void Delete(Cf cf, std::string key) {
    writes_.push_back(KvWrite{cf, std::move(key), std::nullopt});
  }
  void Count(const std::string& counter, int64_t delta) { counters_[counter] += delta; }
  // False when another document of this batch already holds statement `id`.
  bool ClaimStatement(const std::string& id, const std::string& doc) {
    return statement_docs_.emplace(id, doc).first->second == doc;
  }

  // The aggregate of entity `id`, loaded once per batch.
  Result<EntityAggregate*> Aggregate(const std::string& id) {
    auto it = aggregates_.find(id);
    if (it != aggregates_.end()) return &it->second.aggregate;
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, base_.Get(Cf::kEntities, id));
    AggregateSlot& slot = aggregates_[id];
    if (bytes) {
      PARLEY_ASSIGN_OR_RETURN(slot.aggregate, DecodeAggregate(*bytes));
      slot.existed = true;
      slot.names_before = AggregateNames(slot.aggregate);
    }
    return &slot.aggregate;
  }

  size_t size() const { return writes_.size(); }
  bool touched(const std::string& doc_id) const { return docs_.count(doc_id) > 0; }
  void Touch(const std::string& doc_id) { docs_.insert(doc_id); }

  // Folds aggregates and counters into the writes and returns them.
  Result<std::vector<KvWrite>> Finish() {
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
        Count(CounterKey("type", EntityTypeName(aggregate.type)), delta);
      }
    }
    PARLEY_RETURN_IF_ERROR(ApplyCounts(Cf::kMeta, counters_));
    return std::move(writes_);
  }

 private:
  Status ApplyCounts(Cf cf, const std::map<std::string, int64_t>& deltas) {
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
  std::vector<KvWrite> writes_;
  std::map<std::string, std::string> statement_docs_;  // statement id -> document, this batch
  struct AggregateSlot {
    bool existed = false;                // stored before this batch
    std::set<std::string> names_before;  // its alias index entries then
    EntityAggregate aggregate;
  };
  std::map<std::string, AggregateSlot> aggregates_;
  std::map<std::string, int64_t> counters_;
  std::set<std::string> docs_;
};

// The index keys (family, key, value) of one statement, its primary record excluded.
std::vector<std::tuple<Cf, std::string, std::string>> IndexKeys(const Statement& s) {
  std::vector<std::tuple<Cf, std::string, std::string>> keys;
  std::string_view object = s.object ? std::string_view(s.object->id) : std::string_view();
  keys.emplace_back(Cf::kSpo, Key({s.subject.id, s.predicate, object, s.id}), "");
  keys.emplace_back(Cf::kPos, Key({s.predicate, object, s.subject.id, s.id}), "");
  if (s.object) keys.emplace_back(Cf::kOsp, Key({object, s.subject.id, s.predicate, s.id}), "");
  if (s.recipient) keys.emplace_back(Cf::kInvolves, Key({s.recipient->id, "r", s.id}), "");
  if (s.place) keys.emplace_back(Cf::kInvolves, Key({s.place->id, "p", s.id}), "");
  if (s.event) keys.emplace_back(Cf::kInvolves, Key({s.event->id, "e", s.id}), "");
  if (s.time && !s.time->start.empty()) {
    keys.emplace_back(Cf::kTime, TimeKey(*s.time, s.id), s.time->end);
  }
  return keys;
}

void MergeInto(const Entity& from, Entity* into) {
  into->mentions += from.mentions;
  if (from.label != into->label) into->aliases.push_back(from.label);
  into->aliases.insert(into->aliases.end(), from.aliases.begin(), from.aliases.end());
  for (const auto& [k, v] : from.attributes) into->attributes.emplace(k, v);
  into->roles.insert(into->roles.end(), from.roles.begin(), from.roles.end());
}

Status BadRecord(const std::string& doc, const std::string& problem) {
  return InvalidArgumentError("document '" + doc + "': " + problem);
}

// A record as stored: statements with ids and the document id, duplicates merged, every entity
// a statement mentions present once, aliases and roles sorted and unique.
Result<DocumentRecord> Normalize(const DocumentRecord& in) {
  DocumentRecord r = in;
  const std::string& doc = r.document.info.id;
  if (doc.empty()) return InvalidArgumentError("a document without an id cannot be stored");
  if (HasNul(doc)) return BadRecord(doc, "the id holds a NUL byte");
  if (r.document.info.content_hash.empty()) {
    r.document.info.content_hash = ContentHash(r.document.text);
  }
  std::map<std::string, Entity> entities;
  for (const Entity& e : r.entities) {
    if (e.id.empty() || HasNul(e.id)) {
      return BadRecord(doc, "entity '" + e.label + "' has an empty id or a NUL byte in it");
    }
    auto [it, inserted] = entities.emplace(e.id, e);
    if (!inserted) MergeInto(e, &it->second);
  }
  // Keys view ids inside `kept`, which is reserved up front and so never reallocates.
  std::map<std::string_view, size_t> first_with_id;  // statement id -> index in `kept`
  std::vector<Statement> kept;
  kept.reserve(r.statements.size());
  for (Statement& s : r.statements) {
    if (s.doc.empty()) s.doc = doc;
    if (s.doc != doc) {
      return BadRecord(doc, "statement " + s.id + " belongs to document '" + s.doc + "'");
    }
    if (s.id.empty()) s.id = MakeStatementId(s);
    if (s.predicate.empty() || HasNul(s.predicate) || HasNul(s.id)) {
      return BadRecord(doc, "statement " + s.id + " has an empty predicate or a NUL byte");
    }
    std::vector<const EntityRef*> refs = {&s.subject};
    for (const std::optional<EntityRef>* ref : {&s.object, &s.recipient, &s.place, &s.event}) {
      if (*ref) refs.push_back(&**ref);
    }
    for (const EntityRef* ref : refs) {
      const EntityRef& e = *ref;
      if (e.id.empty() || HasNul(e.id)) {
        return BadRecord(doc, "statement " + s.id + " refers to an entity with an empty id");
      }
      if (entities.count(e.id) == 0) {
        Entity implicit;
        implicit.id = e.id;
        implicit.label = e.label.empty() ? e.id : e.label;
        implicit.type = e.type;
        entities.emplace(e.id, std::move(implicit));
      }
    }
    auto it = first_with_id.find(s.id);
    if (it == first_with_id.end()) {
      kept.push_back(std::move(s));
      first_with_id.emplace(kept.back().id, kept.size() - 1);
    } else {
      kept[it->second].mentions += s.mentions;
    }
  }
  r.entities.clear();
  for (auto& [id, e] : entities) {
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), e.label), e.aliases.end());
    auto role_less = [](const Role& a, const Role& b) {
      return std::tie(a.office, a.country, a.from, a.to) <
             std::tie(b.office, b.country, b.from, b.to);
    };
    std::sort(e.roles.begin(), e.roles.end(), role_less);
    e.roles.erase(std::unique(e.roles.begin(), e.roles.end()), e.roles.end());
    r.entities.push_back(std::move(e));
  }
  r.statements = std::move(kept);
  return r;
}

Status RemoveDocument(const std::string& doc, const DocMeta& meta, Txn* txn) {
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
    for (auto& [cf, key, value] : IndexKeys(s)) txn->Delete(cf, std::move(key));
    txn->Delete(Cf::kStatements, id);
    txn->Count(kStatementsCounter, -1);
    txn->Count(CounterKey("predicate", s.predicate), -1);
  }
  for (const Entity& c : contents.contributions) {
    PARLEY_ASSIGN_OR_RETURN(EntityAggregate * aggregate, txn->Aggregate(c.id));
    ApplyContribution(c, -1, aggregate);
  }
  txn->Delete(Cf::kDocContents, doc);
  txn->Delete(Cf::kText, doc);
  txn->Delete(Cf::kDocs, doc);
  txn->Count(kDocumentsCounter, -1);
  txn->Count(kSentencesCounter, -static_cast<int64_t>(meta.sentence_count));
  return Status::Ok();
}

// Adds one normalised record to `txn`, replacing or skipping a stored version.
Result<PutOutcome> AddDocument(const DocumentRecord& r, Txn* txn) {
  const std::string& doc = r.document.info.id;
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> old_bytes, txn->base().Get(Cf::kDocs, doc));
  PutOutcome outcome = PutOutcome::kAdded;
  if (old_bytes) {
    PARLEY_ASSIGN_OR_RETURN(DocMeta old, DecodeDocMeta(*old_bytes));
    if (old.info.content_hash == r.document.info.content_hash &&
        old.rules_fingerprint == r.rules_fingerprint) {
      return PutOutcome::kUnchanged;
    }
    PARLEY_RETURN_IF_ERROR(RemoveDocument(doc, old, txn));
    outcome = PutOutcome::kReplaced;
  }
  txn->Touch(doc);
  std::map<std::string_view, int64_t> predicates;
  for (const Statement& s : r.statements) {
    if (!txn->ClaimStatement(s.id, doc)) {
      return BadRecord(doc, "statement id " + s.id + " is used by another document too");
    }
    // An id computed by MakeStatementId covers the document id, so another document cannot
    // hold it (short of a 64-bit hash collision); only other ids need the look-up.
    if (s.id != MakeStatementId(s)) {
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
    txn->Put(Cf::kStatements, s.id, EncodeStatement(s));
    for (auto& [cf, key, value] : IndexKeys(s)) txn->Put(cf, std::move(key), std::move(value));
    ++predicates[s.predicate];
  }
  for (const auto& [predicate, n] : predicates) txn->Count(CounterKey("predicate", predicate), n);
  for (const Entity& e : r.entities) {
    PARLEY_ASSIGN_OR_RETURN(EntityAggregate * aggregate, txn->Aggregate(e.id));
    if (aggregate->documents > 0 && aggregate->type != e.type) {
      return BadRecord(doc, "entity " + e.id + " has type " + std::string(EntityTypeName(e.type)) +
                                " but is stored as " +
                                std::string(EntityTypeName(aggregate->type)));
    }
    ApplyContribution(e, +1, aggregate);
  }
  DocContents contents;
  contents.statement_ids.reserve(r.statements.size());
  for (const Statement& s : r.statements) contents.statement_ids.push_back(s.id);
  contents.contributions = r.entities;
  txn->Put(Cf::kDocContents, doc, EncodeDocContents(contents));
  DocMeta meta;
  meta.info = r.document.info;
  meta.rules_fingerprint = r.rules_fingerprint;
  meta.sentence_count = r.sentence_count;
  meta.statement_count = static_cast<uint32_t>(r.statements.size());
  meta.entity_count = static_cast<uint32_t>(r.entities.size());
  txn->Put(Cf::kDocs, doc, EncodeDocMeta(meta));
  txn->Put(Cf::kText, doc, r.document.text);
  txn->Count(kDocumentsCounter, 1);
  txn->Count(kSentencesCounter, r.sentence_count);
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
    PARLEY_ASSIGN_OR_RETURN(auto range, ExpandIsoDate(*f.since));
    r.since = range.first;
  }
  if (f.until) {
    PARLEY_ASSIGN_OR_RETURN(auto range, ExpandIsoDate(*f.until));
    r.until = range.second;
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
  if (needs_time && (!s.time || s.time->start.empty())) return false;
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
                        meta.sentence_count, meta.statement_count, meta.entity_count};
}

// Sorts by (family, key) and keeps only the last write to each key, which has the same effect
// as applying them all in order. Sorting indices and moving each write once is much cheaper
// than sorting the writes themselves.
void SortWrites(std::vector<KvWrite>* writes) {
  std::vector<uint32_t> order(writes->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::vector<KvWrite>& w = *writes;
  // A comparison sort compares every pair that ends up adjacent, so when no comparison saw
  // equal keys there is nothing to collapse.
  bool repeats = false;
  std::sort(order.begin(), order.end(), [&w, &repeats](uint32_t a, uint32_t b) {
    if (w[a].cf != w[b].cf) return w[a].cf < w[b].cf;
    int c = w[a].key.compare(w[b].key);
    if (c != 0) return c < 0;
    repeats = true;
    return a < b;
  });
  std::vector<KvWrite> sorted;
  sorted.reserve(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    if (repeats && i + 1 < order.size() && w[order[i]].cf == w[order[i + 1]].cf &&
        w[order[i]].key == w[order[i + 1]].key) {
      continue;
    }
    sorted.push_back(std::move((*writes)[order[i]]));
  }
  *writes = std::move(sorted);
}

class KvStore : public Store {
 public:
  explicit KvStore(std::unique_ptr<KvBackend> backend) : backend_(std::move(backend)) {}

  Result<PutOutcome> Put(const DocumentRecord& record) override {
    PARLEY_ASSIGN_OR_RETURN(std::vector<PutOutcome> outcomes, PutBatch({record}));
    return outcomes.front();
  }

  Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& records) override {
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
      std::vector<KvWrite> writes;
      {
        Txn txn(*view);
        for (; i < records.size() && txn.size() < kBatchKeys; ++i) {
          // A document already in this batch must be written before it can be replaced,
          // because replacing scans the stored version.
          if (txn.touched(records[i].document.info.id)) break;
          PARLEY_ASSIGN_OR_RETURN(DocumentRecord r, Normalize(records[i]));
          PARLEY_ASSIGN_OR_RETURN(PutOutcome outcome, AddDocument(r, &txn));
          outcomes.push_back(outcome);
        }
        PARLEY_ASSIGN_OR_RETURN(writes, txn.Finish());
      }
      // Key order lets both backends insert next to the previous key instead of searching
      // from the top (RocksDB's skip-list splice, std::map's hint), and lets the bulk path
      // write table files directly.
      SortWrites(&writes);
      view.reset();
      if (!writes.empty()) PARLEY_RETURN_IF_ERROR(backend_->WriteSorted(std::move(writes)));
    }
    return outcomes;
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

  Status Backup(const std::string& dir) const override { return backend_->Backup(dir); }
  Status Refresh() override { return backend_->Refresh(); }

 private:
  std::unique_ptr<KvBackend> backend_;
};

}  // namespace

std::unique_ptr<Store> NewKvStore(std::unique_ptr<KvBackend> backend) {
  return std::make_unique<KvStore>(std::move(backend));
}

}  // namespace parley::internal
