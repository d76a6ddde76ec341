// Store: the knowledge graph on disk (RocksDB, layout in graph/FORMAT.md) or in memory.
//
// Writes go by document: Put() stores a document with its entities and statements atomically
// (all keys in one write batch), so a reader or a crash never sees half a document. Put() is
// idempotent: a document whose content hash and rules fingerprint are already stored is left
// unchanged; a changed document replaces its old statements. Entities merge by canonical id
// across documents; aliases and mention counts accumulate without double counting on re-ingest.
//
// Duplicates: a document whose normalised text (DocumentInfo::normalized_hash) equals that of
// a stored document with another id is stored as a duplicate of it: its info and text are
// kept, its statements and entity contributions are not, so no count, weight or export holds
// a claim twice; Duplicates() lists the copies of a document, the other sources of its claims.
// When the document a duplicate copies is removed or changes text, the duplicate is kept
// without statements and marked for extraction (rules fingerprint ""), so the next ingest of
// it, or `ingest --reextract`, stores it again.
//
// Thread-safety: one Store object may be used by many threads for reads; writes (Put) must be
// serialised by the caller. Across processes, at most one process holds a store open for
// writing; read-only opens see a consistent snapshot of whole documents while a writer works.
// RocksDB stays behind this interface.
#ifndef PARLEY_GRAPH_STORE_H_
#define PARLEY_GRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"

namespace parley {

struct StoreOptions {
  // Open for reading only; works while another process writes. Default: false.
  bool read_only = false;
  // Create the store when the directory does not exist (writers only). Default: true.
  bool create_if_missing = true;
  // Tune for loading a large corpus: bigger write buffers, no write-ahead log (flushed at
  // close), and PutBatch batches of 20,000 keys or more (a few hundred documents) written as
  // sorted table files and ingested atomically. A crash loses only what was neither flushed nor
  // ingested, in whole documents; readers see the same. Feed PutBatch a few hundred to a few
  // thousand records per call to get the benefit. Default: false.
  bool bulk_load = false;
  // Open a store whose files a writer saw longer than they are now (a cut MANIFEST or
  // write-ahead log, graph/FORMAT.md "Damage") instead of refusing it: for `parley check
  // --repair`, which then drops the documents that are not whole. Writers only. Default: false.
  bool repair = false;
};

// Everything extract/ produced for one document, ready to store.
struct DocumentRecord {
  Document document;
  std::string rules_fingerprint;  // Extractor::rules_fingerprint() of the producing rules
  uint32_t sentence_count = 0;
  std::vector<Entity> entities;
  std::vector<Statement> statements;
};

enum class PutOutcome { kAdded, kReplaced, kUnchanged, kDuplicate };
// "added", "replaced", "unchanged", "duplicate" (stored as a duplicate of another document).
std::string_view PutOutcomeName(PutOutcome outcome);

// A stored document's bookkeeping, written in the same batch as its statements.
struct StoredDocument {
  DocumentInfo info;
  std::string rules_fingerprint;
  uint32_t sentences = 0;
  uint32_t statements = 0;   // statements stored for this document
  uint32_t entities = 0;     // distinct entities it contributed
  std::string duplicate_of;  // the document whose text this one repeats, or ""

  friend bool operator==(const StoredDocument&, const StoredDocument&) = default;
};

struct CheckOptions {
  // Drop every document that is not whole and set the counters, entity totals and alias index
  // to what the whole documents give (a store open for writing only); re-ingesting the dropped
  // documents restores them. Default: false.
  bool repair = false;
  // Problem lines the report keeps; the rest are counted. Default: 1000.
  size_t max_problems = 1000;
};

// What Store::Check found.
struct CheckReport {
  uint64_t documents = 0;      // documents examined
  uint64_t statements = 0;     // statements their contents records list
  uint64_t index_entries = 0;  // index entries those statements need
  uint64_t entities = 0;       // entities the whole documents contribute to
  // What is wrong, one line each, naming the document, statement, key or counter; the first
  // CheckOptions::max_problems of them, then a line saying how many more.
  std::vector<std::string> problems;
  // Ids of documents that are not whole (sorted): a repair drops them.
  std::vector<std::string> damaged_documents;
  bool repaired = false;  // a repair was written (and the store checked again)
  // After a repair, what the second check found (empty when the store is now whole).
  std::vector<std::string> remaining;
  bool ok() const { return problems.empty(); }
};

// Which statements a scan visits. Empty/unset fields do not filter. A query planner picks the
// narrowest index from the fields that are set.
struct StatementFilter {
  std::optional<std::string> subject;    // entity id
  std::optional<std::string> object;     // entity id
  std::optional<std::string> involving;  // entity id as subject, object or recipient
  std::vector<std::string> predicates;   // any of these
  std::optional<std::string> since;      // ISO date, any precision: time.end >= since
  std::optional<std::string> until;      // ISO date, any precision: time.start <= until
  bool require_time = false;             // skip statements without a time
  // With since, until or require_time: only times found in the text count (IsTextTime);
  // statements dated by their document count as undated.
  bool text_dates_only = false;
  std::optional<Modality> modality;
  std::optional<std::string> doc;  // document id
};

struct StoreStats {
  uint64_t documents = 0;   // duplicates included
  uint64_t duplicates = 0;  // documents stored as duplicates of another
  uint64_t sentences = 0;
  uint64_t entities = 0;
  uint64_t statements = 0;
  std::map<std::string, uint64_t> entities_by_type;         // type name -> count
  std::map<std::string, uint64_t> statements_by_predicate;  // predicate -> count
  std::string earliest;     // earliest statement time.start, or empty
  std::string latest;       // latest statement time.end, or empty
  uint64_t disk_bytes = 0;  // 0 for an in-memory store
  uint32_t format_version = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores (or replaces, or skips) one document. Errors: IoError, DataLoss, or
  // FailedPrecondition on a read-only store.
  // Errors: InvalidArgument for a malformed record (empty document id, a statement of another
  // document, a NUL byte in an id or predicate, a statement id another document holds).
  virtual Result<PutOutcome> Put(const DocumentRecord& record) = 0;

  // The bulk path: stores `records` in few large write batches (many documents per batch), each
  // document still whole in every batch. Same outcomes and errors as Put, in record order. On an
  // error, documents of batches written before it stay stored (whole); none of the failing
  // batch is. With StoreOptions::bulk_load the RocksDB store also skips its write-ahead log and
  // flushes at close: a crash loses the unflushed batches (whole documents; re-run the ingest).
  virtual Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& records);

  // The stored document's info and text, or nullopt.
  virtual Result<std::optional<Document>> GetDocument(std::string_view id) const = 0;
  // The rules fingerprint a stored document was extracted with, or nullopt.
  virtual Result<std::optional<std::string>> GetRulesFingerprint(std::string_view id) const = 0;
  // A stored document's bookkeeping (content hash, rules fingerprint, counts) without its text:
  // the cheap check an ingest makes before extracting a document again. nullopt when absent.
  virtual Result<std::optional<StoredDocument>> GetStoredDocument(std::string_view id) const = 0;
  // Visits every document's info in id order until `visit` returns false.
  virtual Status ScanDocuments(const std::function<bool(const DocumentInfo&)>& visit) const = 0;
  // Visits every document's bookkeeping in id order until `visit` returns false.
  virtual Status ScanStoredDocuments(
      const std::function<bool(const StoredDocument&)>& visit) const = 0;
  // Ids of the documents stored as duplicates of document `id`, sorted; empty when none (or
  // when `id` is not stored).
  virtual Result<std::vector<std::string>> Duplicates(std::string_view id) const = 0;
  // Ids of stored documents extracted with rules other than `fingerprint`, sorted: what
  // `parley ingest --reextract` re-runs (GetDocument returns their text).
  virtual Result<std::vector<std::string>> DocumentsWithOtherRules(
      std::string_view fingerprint) const;

  // Visits matching statements until `visit` returns false. Order: by the index PlanScan
  // (graph/scan_plan.h) picks; callers that need an order sort. Errors: InvalidArgument for a
  // since/until that is not an ISO date.
  virtual Status ScanStatements(const StatementFilter& filter,
                                const std::function<bool(const Statement&)>& visit) const = 0;

  virtual Result<std::optional<Entity>> GetEntity(std::string_view id) const = 0;
  // Visits every entity in id order until `visit` returns false.
  virtual Status ScanEntities(const std::function<bool(const Entity&)>& visit) const = 0;
  // Ids of entities whose label or an alias equals `name`, case-insensitively; sorted.
  virtual Result<std::vector<std::string>> FindEntitiesByName(std::string_view name) const = 0;

  virtual Result<StoreStats> Stats() const = 0;

  // Writes a consistent copy of the whole store to `dir` as a RocksDB store that
  // OpenRocksStore opens (from the in-memory store too). Errors: AlreadyExists when `dir`
  // exists, IoError.
  virtual Status Backup(const std::string& dir) const = 0;

  // A read-only RocksDB store catches up with the process writing it (whole documents only);
  // a no-op elsewhere. Not thread-safe with concurrent reads of the same object.
  virtual Status Refresh() { return Status::Ok(); }

  // Checks the whole store (graph/FORMAT.md, "Checking a store"): every file's checksums;
  // every document's meta, text and contents records; every statement it lists present,
  // decodable, its own and indexed; no statement, index entry, text or alias that no whole
  // document accounts for; entity totals and counters equal to what the documents give.
  // Problems go into the report; with options.repair they are also mended (see CheckOptions).
  // Errors: DataLoss when the files themselves are damaged (checksums, missing or cut files:
  // no repair is possible, restore a backup); FailedPrecondition for repair on a read-only
  // store; IoError.
  virtual Result<CheckReport> Check(const CheckOptions& options) = 0;

  // Makes every write durable (the bulk path flushes its memtables) and releases the store;
  // later calls do nothing. The destructor closes too but cannot report a failure: a writer
  // calls Close and checks it before saying its work is done. Errors: IoError (a full disk).
  virtual Status Close() { return Status::Ok(); }
};

// Opens (or creates) the RocksDB store in `path`.
// Errors: Unavailable when another process has the store open for writing (the message names
// the store); FailedPrecondition when `path` exists but is not a parley store; OutOfRange when
// it was written by a newer format version; NotFound when it does not exist and
// create_if_missing is false or read_only is true.
Result<std::unique_ptr<Store>> OpenRocksStore(const std::string& path, const StoreOptions& options);

// A store held in memory, with the same behaviour as the RocksDB store (same key layout, same
// logic above it). Scan callbacks run under a reader lock: they may read the store but must not
// write to it.
std::unique_ptr<Store> NewMemoryStore();

}  // namespace parley

#endif  // PARLEY_GRAPH_STORE_H_
