// The store logic shared by the RocksDB and in-memory stores, written once over a small ordered
// key-value interface with column families (graph/FORMAT.md gives the layout).
//
// Thread-safety: a KvView is used by one thread at a time; KvBackend::View and Write may be
// called from many threads, Write serialised by the caller.
#ifndef PARLEY_GRAPH_KV_STORE_H_
#define PARLEY_GRAPH_KV_STORE_H_

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

// One put (value set) or delete (value unset).
struct KvWrite {
  Cf cf;
  std::string key;
  std::optional<std::string> value;
};

class KvBackend {
 public:
  virtual ~KvBackend() = default;
  virtual Result<std::unique_ptr<KvView>> View() const = 0;
  // Applies `writes` atomically, in order.
  virtual Status Write(std::vector<KvWrite> writes) = 0;
  // Write for the bulk path. REQUIRES: `writes` sorted by (cf, key), one write per key
  // (PutBatch sorts and collapses them).
  virtual Status WriteSorted(std::vector<KvWrite> writes) { return Write(std::move(writes)); }
  virtual bool read_only() const = 0;
  // Names the store in messages, e.g. "store '/data/kg'".
  virtual std::string name() const = 0;
  virtual uint64_t DiskBytes() const = 0;
  // A consistent copy as a RocksDB store in `dir`.
  virtual Status Backup(const std::string& dir) const = 0;
  virtual Status Refresh() = 0;
};

// The Store over `backend`.
std::unique_ptr<Store> NewKvStore(std::unique_ptr<KvBackend> backend);

// Writes every key of `view` into a new RocksDB store in `dir` (rocks_store.cc): how the
// in-memory store backs up. AlreadyExists when `dir` exists.
Status CopyToNewRocksStore(const KvView& view, const std::string& dir);

}  // namespace parley::internal

#endif  // PARLEY_GRAPH_KV_STORE_H_
