// The in-memory store: the shared store logic (kv_store.cc) over one std::map per column
// family. Readers hold a shared lock for the life of their view, the writer an exclusive lock
// for one batch, so readers see whole batches (whole documents) only.
#include <array>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "graph/kv_store.h"

namespace parley {
namespace {

using internal::Cf;
using internal::KvBatch;
using Tables = std::array<std::map<std::string, std::string, std::less<>>, internal::kCfCount>;

class MemoryView : public internal::KvView {
 public:
  MemoryView(const Tables& tables, std::shared_mutex& mu) : tables_(tables), lock_(mu) {}

  Result<std::optional<std::string>> Get(Cf cf, std::string_view key) const override {
    const auto& table = tables_[static_cast<int>(cf)];
    auto it = table.find(key);
    if (it == table.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }

  Status Scan(Cf cf, std::string_view begin, std::string_view end,
              const std::function<bool(std::string_view, std::string_view)>& visit) const override {
    const auto& table = tables_[static_cast<int>(cf)];
    for (auto it = table.lower_bound(begin); it != table.end(); ++it) {
      if (!end.empty() && it->first >= end) break;
      if (!visit(it->first, it->second)) break;
    }
    return Status::Ok();
  }

 private:
  const Tables& tables_;
  std::shared_lock<std::shared_mutex> lock_;
};

class MemoryBackend : public internal::KvBackend {
 public:
  MemoryBackend() {
    tables_[static_cast<int>(Cf::kMeta)]["format_version"] =
        internal::EncodeU64(internal::kFormatVersion);
  }

  Result<std::unique_ptr<internal::KvView>> View() const override {
    return std::unique_ptr<internal::KvView>(std::make_unique<MemoryView>(tables_, mu_));
  }

  Status Write(const KvBatch& writes) override {
    std::unique_lock lock(mu_);
    // Writes come sorted by key: each insert starts next to the previous one.
    auto hint = tables_[0].end();
    Cf hint_cf = Cf::kMeta;
    for (const KvBatch::Entry& w : writes.entries()) {
      auto& table = tables_[static_cast<int>(w.cf)];
      if (w.cf != hint_cf) {
        hint_cf = w.cf;
        hint = table.end();
      }
      if (!w.is_delete()) {
        hint =
            std::next(table.insert_or_assign(hint, std::string(w.key()), std::string(w.value())));
      } else {
        auto it = table.find(w.key());
        if (it != table.end()) table.erase(it);
        hint = table.end();
      }
    }
    return Status::Ok();
  }

  bool read_only() const override { return false; }
  std::string name() const override { return "the in-memory store"; }
  uint64_t DiskBytes() const override { return 0; }
  Status Backup(const std::string& dir) const override {
    MemoryView view(tables_, mu_);
    return internal::CopyToNewRocksStore(view, dir);
  }
  Status Refresh() override { return Status::Ok(); }

 private:
  mutable std::shared_mutex mu_;
  Tables tables_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() {
  return internal::NewKvStore(std::make_unique<MemoryBackend>());
}

namespace internal {

std::unique_ptr<KvBackend> NewMemoryBackend() { return std::make_unique<MemoryBackend>(); }

}  // namespace internal

}  // namespace parley
