// The RocksDB store: the shared store logic (kv_store.cc) over one RocksDB database with a
// column family per table of graph/FORMAT.md. RocksDB stays inside this file.
//
// Writers hold RocksDB's LOCK file; a second writer gets Unavailable. Readers open the store as
// a RocksDB secondary instance (its own scratch directory under the system temp directory), so
// they never take the lock, and replay the writer's log up to the last whole write batch: they
// see whole documents only.
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>
#include <stdarg.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <thread>

#include "graph/kv_store.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using internal::Cf;
using internal::KvBatch;

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::Ok();
  std::string message = context + ": " + s.ToString();
  if (s.IsCorruption()) return DataLossError(message);
  if (s.IsNotFound()) return NotFoundError(message);
  return IoError(message);
}

std::string StoreName(const std::string& path) { return "store '" + path + "'"; }

class RocksView : public internal::KvView {
 public:
  // A secondary instance has no snapshots, but changes only in Refresh (TryCatchUpWithPrimary),
  // so its plain reads are already consistent.
  RocksView(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
            std::string name, bool secondary)
      : db_(db),
        handles_(handles),
        name_(std::move(name)),
        snapshot_(secondary ? nullptr : db->GetSnapshot()) {
    options_.snapshot = snapshot_;
  }
  ~RocksView() override {
    if (snapshot_ != nullptr) db_->ReleaseSnapshot(snapshot_);
  }

  Result<std::optional<std::string>> Get(Cf cf, std::string_view key) const override {
    std::string value;
    rocksdb::Status s = db_->Get(options_, handles_[static_cast<int>(cf)],
                                 rocksdb::Slice(key.data(), key.size()), &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    PARLEY_RETURN_IF_ERROR(FromRocks(s, "reading " + name_));
    return std::optional<std::string>(std::move(value));
  }

  Status Scan(Cf cf, std::string_view begin, std::string_view end,
              const std::function<bool(std::string_view, std::string_view)>& visit) const override {
    rocksdb::ReadOptions options = options_;
    rocksdb::Slice upper(end.data(), end.size());
    if (!end.empty()) options.iterate_upper_bound = &upper;
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(options, handles_[static_cast<int>(cf)]));
    for (it->Seek(rocksdb::Slice(begin.data(), begin.size())); it->Valid(); it->Next()) {
      rocksdb::Slice k = it->key();
      rocksdb::Slice v = it->value();
      if (!visit(std::string_view(k.data(), k.size()), std::string_view(v.data(), v.size()))) {
        return Status::Ok();
      }
    }
    return FromRocks(it->status(), "reading " + name_);
  }

 private:
  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles_;
  std::string name_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions options_;
};

// Discards RocksDB's informational log. Debian's librocksdb is built with assertions on, and
// once a full disk has made one write to its LOG file fail, logging the resulting write error
// aborts the process; errors reach the user through Status instead.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

rocksdb::Options MakeOptions(const StoreOptions& options) {
  rocksdb::Options o;
  o.info_log = std::make_shared<SilentLogger>();
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.max_open_files = -1;  // required by secondary instances; harmless for writers
  o.keep_log_file_num = 4;
  // Most reads are point look-ups (statements by id, documents, entities, counters): a bloom
  // filter spares them a block read per level.
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  if (options.bulk_load) {
    o.write_buffer_size = 128 << 20;
    o.max_write_buffer_number = 4;
    o.level0_file_num_compaction_trigger = 16;
    o.level0_slowdown_writes_trigger = 48;
    o.level0_stop_writes_trigger = 64;
  }
  // One budget for the memtables of all column families together: without it each of the 13
  // families may hold max_write_buffer_number buffers, and a bulk load's memory grows with the
  // corpus (531 MB peak on 177 MB of text, 285 MB with this budget; tools/bench.sh).
  o.db_write_buffer_size = 32 << 20;
  return o;
}

class RocksBackend : public internal::KvBackend {
 public:
  // Opens or creates the database; see OpenRocksStore for the errors.
  static Result<std::unique_ptr<RocksBackend>> Open(const std::string& path,
                                                    const StoreOptions& options);

  ~RocksBackend() override {
    if (db_ == nullptr) return;
    if (options_.bulk_load && !options_.read_only) {
      // The bulk path writes without a log: make its memtables durable before closing.
      db_->Flush(rocksdb::FlushOptions(), all_handles_).PermitUncheckedError();
    }
    for (auto* h : all_handles_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db_->Close().PermitUncheckedError();
    delete db_;
    if (!secondary_dir_.empty()) {
      std::error_code ec;
      fs::remove_all(secondary_dir_, ec);
    }
  }

  Result<std::unique_ptr<internal::KvView>> View() const override {
    return std::unique_ptr<internal::KvView>(
        std::make_unique<RocksView>(db_, handles_, name(), !secondary_dir_.empty()));
  }

  Status Write(const KvBatch& writes) override {
    rocksdb::WriteBatch batch;
    for (const KvBatch::Entry& w : writes.entries()) {
      auto* h = handles_[static_cast<int>(w.cf)];
      rocksdb::Slice key(w.key_data, w.key_size);
      rocksdb::Status s = w.is_delete()
                              ? batch.Delete(h, key)
                              : batch.Put(h, key, rocksdb::Slice(w.value_data, w.value_size));
      PARLEY_RETURN_IF_ERROR(FromRocks(s, "writing " + name()));
    }
    rocksdb::WriteOptions wo;
    wo.disableWAL = options_.bulk_load;
    return FromRocks(db_->Write(wo, &batch), "writing " + name());
  }

  // With bulk_load, a large batch becomes one table file per column family, ingested in one
  // atomic step: the keys skip the write-ahead log and the memtable (the costly part of a
  // normal write) and land in the tree as they are. Each file is finished -- its last blocks
  // written and synced to disk -- on a thread of its own while the next one is built, so the
  // syncs' latency overlaps instead of adding up.
  Status WriteSorted(const KvBatch& batch) override {
    constexpr size_t kIngestMinKeys = 20000;
    if (!options_.bulk_load || batch.size() < kIngestMinKeys) return Write(batch);
    const std::vector<KvBatch::Entry>& writes = batch.entries();
    std::vector<rocksdb::IngestExternalFileArg> args;
    std::vector<std::string> files;
    std::vector<std::unique_ptr<rocksdb::SstFileWriter>> writers;
    std::vector<rocksdb::Status> finished(internal::kCfCount);
    std::vector<std::thread> finishing;
    auto join = [&finishing] {
      for (std::thread& t : finishing) t.join();
      finishing.clear();
    };
    auto fail = [&](const rocksdb::Status& s) {
      join();
      std::error_code ec;
      for (const auto& f : files) fs::remove(f, ec);
      return FromRocks(s, "writing a table file for " + name());
    };
    rocksdb::Options sst_options = MakeOptions(options_);
    size_t i = 0;
    while (i < writes.size()) {
      Cf cf = writes[i].cf;
      std::string file = path_ + "/ingest-" + std::to_string(++ingest_counter_) + ".sst";
      // The file is ingested right away: keep it in the page cache.
      auto& writer = writers.emplace_back(std::make_unique<rocksdb::SstFileWriter>(
          rocksdb::EnvOptions(), sst_options, handles_[static_cast<int>(cf)],
          /*invalidate_page_cache=*/false));
      rocksdb::Status s = writer->Open(file);
      files.push_back(file);
      for (; s.ok() && i < writes.size() && writes[i].cf == cf; ++i) {
        rocksdb::Slice key(writes[i].key_data, writes[i].key_size);
        s = writes[i].is_delete()
                ? writer->Delete(key)
                : writer->Put(key, rocksdb::Slice(writes[i].value_data, writes[i].value_size));
      }
      if (!s.ok()) return fail(s);
      // Writes come sorted by family, so each family has one file and one status slot.
      rocksdb::SstFileWriter* w = writer.get();
      rocksdb::Status* out = &finished[static_cast<int>(cf)];
      try {
        finishing.emplace_back([w, out] { *out = w->Finish(); });
      } catch (const std::system_error&) {
        *out = w->Finish();  // no thread to spare: finish it here
      }
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = handles_[static_cast<int>(cf)];
      arg.external_files = {file};
      arg.options.move_files = true;
      // The sequence number goes to the MANIFEST only, not also into the file (a random
      // write and a sync per file); RocksDB 5.16 and later read such files.
      arg.options.write_global_seqno = false;
      args.push_back(std::move(arg));
    }
    join();
    for (const rocksdb::Status& s : finished) {
      if (!s.ok()) return fail(s);
    }
    rocksdb::Status s = db_->IngestExternalFiles(args);
    std::error_code ec;
    for (const auto& f : files) fs::remove(f, ec);
    return FromRocks(s, "ingesting table files into " + name());
  }

  bool read_only() const override { return options_.read_only; }
  std::string name() const override { return StoreName(path_); }

  uint64_t DiskBytes() const override {
    uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(path_, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
  }

  Status Backup(const std::string& dir) const override {
    std::error_code ec;
    if (fs::exists(dir, ec)) {
      return AlreadyExistsError("cannot back up " + name() + " to '" + dir +
                                "': it exists; name a new directory");
    }
    if (!secondary_dir_.empty()) {
      // A secondary instance cannot make a checkpoint; copy its consistent view instead.
      PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<internal::KvView> view, View());
      return internal::CopyToNewRocksStore(*view, dir);
    }
    rocksdb::Checkpoint* raw = nullptr;
    PARLEY_RETURN_IF_ERROR(
        FromRocks(rocksdb::Checkpoint::Create(db_, &raw), "backing up " + name()));
    std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
    return FromRocks(checkpoint->CreateCheckpoint(dir),
                     "backing up " + name() + " to '" + dir + "'");
  }

  Status Refresh() override {
    if (secondary_dir_.empty()) return Status::Ok();
    return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with the writer of " + name());
  }

 private:
  RocksBackend(std::string path, const StoreOptions& options)
      : path_(std::move(path)), options_(options) {}

  std::string path_;
  StoreOptions options_;
  std::string secondary_dir_;
  uint64_t ingest_counter_ = 0;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;      // ours, indexed by Cf
  std::vector<rocksdb::ColumnFamilyHandle*> all_handles_;  // every family the store has
};

Result<std::unique_ptr<RocksBackend>> RocksBackend::Open(const std::string& path,
                                                         const StoreOptions& options) {
  const std::string name = StoreName(path);
  std::error_code ec;
  bool dir_exists = fs::is_directory(path, ec);
  bool is_db = fs::exists(fs::path(path) / "CURRENT", ec);
  if (!dir_exists && fs::exists(path, ec)) {
    return FailedPreconditionError(name + " is not a parley store (it is not a directory)");
  }
  if (!dir_exists && (options.read_only || !options.create_if_missing)) {
    return NotFoundError(name + " does not exist; create it with `parley ingest`");
  }
  if (dir_exists && !is_db) {
    bool empty = fs::is_empty(path, ec);
    if (options.read_only || !empty) {
      return FailedPreconditionError(name + " is not a parley store (no RocksDB database in it)");
    }
  }

  rocksdb::Options db_options = MakeOptions(options);
  std::vector<std::string> families;
  if (is_db) {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path, &families);
    PARLEY_RETURN_IF_ERROR(FromRocks(s, "opening " + name));
  }
  std::set<std::string> all(families.begin(), families.end());
  for (int i = 0; i < internal::kCfCount; ++i) {
    all.insert(std::string(internal::CfName(static_cast<Cf>(i))));
  }
  if (options.read_only) {
    // A secondary instance opens only families that exist; a store missing one of ours is
    // older or foreign and is caught by the version check below.
    all = std::set<std::string>(families.begin(), families.end());
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& f : all) {
    descriptors.emplace_back(f, rocksdb::ColumnFamilyOptions(db_options));
  }

  std::unique_ptr<RocksBackend> backend(new RocksBackend(path, options));
  rocksdb::Status s;
  if (options.read_only) {
    std::string pattern = (fs::temp_directory_path(ec) / "parley-reader-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return IoError("opening " + name + " for reading: cannot create a scratch directory '" +
                     pattern + "'");
    }
    backend->secondary_dir_ = pattern;
    s = rocksdb::DB::OpenAsSecondary(db_options, path, pattern, descriptors, &backend->all_handles_,
                                     &backend->db_);
    if (s.ok()) s = backend->db_->TryCatchUpWithPrimary();
  } else {
    s = rocksdb::DB::Open(db_options, path, descriptors, &backend->all_handles_, &backend->db_);
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return UnavailableError(name +
                              " is open for writing by another process (its LOCK file is "
                              "held); wait for that ingest to finish, or open the store "
                              "read-only to query it meanwhile");
    }
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(s, "opening " + name));

  std::map<std::string, rocksdb::ColumnFamilyHandle*> by_name;
  for (auto* h : backend->all_handles_) by_name[h->GetName()] = h;
  std::string version_bytes;
  rocksdb::Status vs = backend->db_->Get(rocksdb::ReadOptions(), by_name["default"],
                                         "format_version", &version_bytes);
  if (vs.IsNotFound()) {
    if (is_db) {
      return FailedPreconditionError(name +
                                     " is a RocksDB database but not a parley store (it has "
                                     "no format version)");
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    vs = backend->db_->Put(wo, by_name["default"], "format_version",
                           internal::EncodeU64(internal::kFormatVersion));
  } else if (vs.ok()) {
    auto version = internal::DecodeU64(version_bytes);
    if (!version.ok()) {
      return DataLossError(name + " has a corrupt format version");
    }
    if (*version > internal::kFormatVersion) {
      return OutOfRangeError(name + " was written by a newer parley (store format " +
                             std::to_string(*version) + ", this parley reads up to " +
                             std::to_string(internal::kFormatVersion) +
                             "); upgrade parley to read it");
    }
    if (*version < internal::kFormatVersion && !options.read_only) {
      // Older records still decode; the new version keeps an older parley from misreading
      // the records this one writes (graph/FORMAT.md, "Format version").
      rocksdb::WriteOptions wo;
      wo.sync = true;
      vs = backend->db_->Put(wo, by_name["default"], "format_version",
                             internal::EncodeU64(internal::kFormatVersion));
    }
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(vs, "opening " + name));
  for (int i = 0; i < internal::kCfCount; ++i) {
    std::string family(internal::CfName(static_cast<Cf>(i)));
    auto it = by_name.find(family);
    if (it == by_name.end()) {
      return FailedPreconditionError(name + " lacks the column family '" + family +
                                     "'; it was not written by this parley format");
    }
    backend->handles_.push_back(it->second);
  }
  return backend;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenRocksStore(const std::string& path,
                                              const StoreOptions& options) {
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<RocksBackend> backend, RocksBackend::Open(path, options));
  return internal::NewKvStore(std::move(backend));
}

namespace internal {

Status CopyToNewRocksStore(const KvView& view, const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    return AlreadyExistsError("cannot back up to '" + dir + "': it exists; name a new directory");
  }
  StoreOptions options;
  options.bulk_load = true;
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<RocksBackend> copy, RocksBackend::Open(dir, options));
  constexpr size_t kBatchKeys = 10000;
  KvBatch writes;
  Status status;
  for (int i = 0; i < kCfCount; ++i) {
    Cf cf = static_cast<Cf>(i);
    PARLEY_RETURN_IF_ERROR(view.Scan(cf, "", "", [&](std::string_view k, std::string_view v) {
      writes.Put(cf, k, v);
      if (writes.size() >= kBatchKeys) {
        status = copy->Write(writes);
        writes = KvBatch();
      }
      return status.ok();
    }));
    PARLEY_RETURN_IF_ERROR(status);
  }
  return copy->Write(writes);
}

}  // namespace internal
}  // namespace parley
