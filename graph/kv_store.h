// The store logic shared by the RocksDB and in-memory stores, written once over a small ordered
// key-value interface with column families (graph/FORMAT.md gives the layout).
//
// Thread-safety: a KvView is used by one thread at a time; KvBackend::View and Write may be
// called from many threads, Write serialised by the caller.
#ifndef PARLEY_GRAPH_KV_STORE_H_
#define PARLEY_GRAPH_KV_STORE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/keys.h"
#include "graph/store.h"

namespace parley::internal {

// A consistent read view: every read through one view sees the same state of the store.
class KvView {
 public:
  virtual ~KvView() = default;
  // The value under `key`, or nullopt.
  virtual Result<std::optional<std::string>> Get(Cf cf, std::string_view key) const = 0;
  // Visits keys in [begin, end) in order ("" end: to the last key) until `visit` returns false.
  virtual Status Scan(
      Cf cf, std::string_view begin, std::string_view end,
      const std::function<bool(std::string_view key, std::string_view value)>& visit) const = 0;
};

// A batch of puts and deletes across column families, in the order they were added (a later
// write to a key wins, as in a RocksDB WriteBatch). Keys and values live in the batch's own
// arena, so adding a write costs a copy of its bytes and no allocation of its own, and the
// views Entry hands out stay valid until the batch is destroyed.
class KvBatch {
 public:
  struct Entry {
    const char* key_data;
    const char* value_data;  // nullptr for a delete
    size_t key_size;
    size_t value_size;
    Cf cf;

    std::string_view key() const { return {key_data, key_size}; }
    bool is_delete() const { return value_data == nullptr; }
    // The value of a put ("" for a delete).
    std::string_view value() const { return {value_data, value_size}; }
  };

  KvBatch() = default;
  KvBatch(const KvBatch&) = delete;
  KvBatch& operator=(const KvBatch&) = delete;
  KvBatch(KvBatch&&) = default;
  KvBatch& operator=(KvBatch&&) = default;

  // REQUIRES (both): keys shorter than 4 GiB, and fewer than 2^32 writes in the batch.
  void Put(Cf cf, std::string_view key, std::string_view value);
  void Delete(Cf cf, std::string_view key);

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }

  // Orders the writes by (family, key) and keeps only the last write to each key, which has
  // the same effect as applying them all in order.
  void SortAndCollapse();

 private:
  // `n` bytes of arena that stay put.
  char* Allocate(size_t n);

  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused tail of the last block
  size_t free_size_ = 0;
};

class KvBackend {
 public:
  virtual ~KvBackend() = default;
  virtual Result<std::unique_ptr<KvView>> View() const = 0;
  // Applies `batch` atomically, in order.
  virtual Status Write(const KvBatch& batch) = 0;
  // Write for the bulk path. REQUIRES: `batch` sorted by (cf, key), one write per key
  // (KvBatch::SortAndCollapse).
  virtual Status WriteSorted(const KvBatch& batch) { return Write(batch); }
  virtual bool read_only() const = 0;
  // Names the store in messages, e.g. "store '/data/kg'".
  virtual std::string name() const = 0;
  virtual uint64_t DiskBytes() const = 0;
  // A consistent copy as a RocksDB store in `dir`.
  virtual Status Backup(const std::string& dir) const = 0;
  virtual Status Refresh() = 0;
  // Reads every byte of the store's files and verifies their checksums (DataLoss naming the
  // file on a mismatch). The in-memory store has none: Ok.
  virtual Status VerifyChecksums() const { return Status::Ok(); }
  // Makes every write durable and releases the store (Store::Close).
  virtual Status Close() { return Status::Ok(); }
};

// Checks the store in `view` against graph/FORMAT.md (Store::Check): fills `report`, and with
// `fix` non-null adds the writes that drop every document that is not whole and set every
// derived record (counters, entity aggregates, alias entries) to what the whole documents
// give. `name` names the store in the report. Errors: what reading the view returns.
Status CheckKv(const KvView& view, const std::string& name, size_t max_problems,
               CheckReport* report, KvBatch* fix);

// The key of a counter in Cf::kMeta: kind "total" (name documents, sentences, statements,
// entities), "type" (an entity type name) or "predicate".
inline std::string CounterKey(std::string_view kind, std::string_view name) {
  return Key({"count", kind, name});
}

// Calls emit(cf, key, value) for each index key of `s`, its primary record excluded. The key
// is built in `key` and is valid only during the call.
template <typename Emit>
void ForEachIndexKey(const Statement& s, std::string* key, const Emit& emit) {
  auto build = [key](std::initializer_list<std::string_view> parts) {
    key->clear();
    for (std::string_view part : parts) AppendPart(part, key);
    return std::string_view(*key);
  };
  std::string_view object = s.object ? std::string_view(s.object->id) : std::string_view();
  emit(Cf::kSpo, build({s.subject.id, s.predicate, object, s.id}), std::string_view());
  emit(Cf::kPos, build({s.predicate, object, s.subject.id, s.id}), std::string_view());
  if (s.object) {
    emit(Cf::kOsp, build({object, s.subject.id, s.predicate, s.id}), std::string_view());
  }
  if (s.recipient) emit(Cf::kInvolves, build({s.recipient->id, "r", s.id}), std::string_view());
  if (s.place) emit(Cf::kInvolves, build({s.place->id, "p", s.id}), std::string_view());
  if (s.event) emit(Cf::kInvolves, build({s.event->id, "e", s.id}), std::string_view());
  if (s.time && !s.time->start.empty()) {
    key->clear();
    AppendTimeKey(*s.time, s.id, key);
    emit(Cf::kTime, std::string_view(*key), std::string_view(s.time->end));
  }
}

// OK when CheckKv finds `backend` whole; else DataLoss naming the first problem, then
// `refusal` (what the caller will not do) and what to run.
Status RequireWhole(const KvBackend& backend, std::string_view refusal);
// Opens the store in `dir` read-only and checks it (Store::Check): OK, or DataLoss saying
// what is wrong with the copy.
Status CheckCopy(const std::string& dir);

// The in-memory backend NewMemoryStore uses (memory_store.cc), for tests that put a layer of
// their own between the store logic and its keys.
std::unique_ptr<KvBackend> NewMemoryBackend();

// The Store over `backend`.
std::unique_ptr<Store> NewKvStore(std::unique_ptr<KvBackend> backend);

// Writes every key of `view` into a new RocksDB store in `dir` (rocks_store.cc): how the
// in-memory store backs up. AlreadyExists when `dir` exists.
Status CopyToNewRocksStore(const KvView& view, const std::string& dir);

}  // namespace parley::internal

#endif  // PARLEY_GRAPH_KV_STORE_H_
