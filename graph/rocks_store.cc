// The RocksDB store: the shared store logic (kv_store.cc) over one RocksDB database with a
// column family per table of graph/FORMAT.md. RocksDB stays inside this file.
//
// Writers hold RocksDB's LOCK file; a second writer gets Unavailable. Readers open the store as
// a RocksDB secondary instance (its own scratch directory under the system temp directory), so
// they never take the lock, and replay the writer's log up to the last whole write batch: they
// see whole documents only.
#include <fcntl.h>
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
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "graph/kv_store.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using internal::Cf;
using internal::KvBatch;

// What to do about a store whose files are damaged, appended to every such message.
constexpr std::string_view kDamageAdvice =
    "; run `parley check` for a report, then restore a backup, or `parley check --repair` and "
    "ingest the documents again";

// Whether `s` says that a file of the store is damaged or missing rather than that the
// machine failed (a full disk, no permission).
bool IsDamage(const rocksdb::Status& s) {
  if (s.IsCorruption() || s.IsNotFound() || s.IsPathNotFound()) return true;
  // A table file missing or cut short is reported as an I/O error naming the file.
  const std::string text = s.ToString();
  return s.IsIOError() && (text.find("No such file") != std::string::npos ||
                           text.find("truncated") != std::string::npos);
}

// Whether `s` says that a file of the store does not exist (rather than that one is damaged).
bool IsMissingFile(const rocksdb::Status& s) {
  return s.IsPathNotFound() ||
         (s.IsIOError() && s.ToString().find("No such file") != std::string::npos);
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::Ok();
  std::string message = context + ": " + s.ToString();
  if (IsDamage(s)) return DataLossError(message + std::string(kDamageAdvice));
  return IoError(message);
}

std::string StoreName(const std::string& path) { return "store '" + path + "'"; }

// The canonical form of `path`, to compare store paths.
std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// Stores this process holds open for writing. RocksDB's LOCK is a per-process fcntl lock, so
// F_GETLK does not report our own; a reader in the writing process consults this instead.
std::mutex writers_mutex;
std::multiset<std::string>& Writers() {
  static auto* writers = new std::multiset<std::string>();
  return *writers;
}

// Whether a process (this one included) holds the store at `path` open for writing.
bool WriterActive(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(writers_mutex);
    if (Writers().count(Canonical(path)) > 0) return true;
  }
  int fd = ::open((path + "/LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock query = {};
  query.l_type = F_WRLCK;
  query.l_whence = SEEK_SET;
  const bool held = fcntl(fd, F_GETLK, &query) == 0 && query.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

// CURRENT names the MANIFEST a store starts from; RocksDB's own message for a bad one names
// only the MANIFEST it could not read.
Status CheckCurrent(const std::string& path) {
  std::ifstream in(fs::path(path) / "CURRENT", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() < 11 || text.back() != '\n' || text.rfind("MANIFEST-", 0) != 0 ||
      text.find_first_of("/\0", 0) != std::string::npos) {
    return DataLossError(StoreName(path) +
                         " is damaged: its CURRENT file does not name a MANIFEST file" +
                         std::string(kDamageAdvice));
  }
  const std::string manifest = text.substr(0, text.size() - 1);
  std::error_code ec;
  if (!fs::exists(fs::path(path) / manifest, ec)) {
    return DataLossError(StoreName(path) + " is damaged: its CURRENT file names " + manifest +
                         ", which does not exist" + std::string(kDamageAdvice));
  }
  return Status::Ok();
}

// The size record (graph/FORMAT.md, "Damage"): the sizes the writer saw its MANIFEST and
// write-ahead log files reach. Files only grow, so a file shorter than recorded was cut.
constexpr char kSizeRecord[] = "PARLEY-SIZES";

Status CheckSizeRecord(const std::string& path) {
  std::ifstream in(fs::path(path) / kSizeRecord);
  if (!in) return Status::Ok();  // none yet: a store from an older parley, or a fresh one
  std::string file;
  uint64_t recorded = 0;
  while (in >> file >> recorded) {
    std::error_code ec;
    const uint64_t size = fs::file_size(fs::path(path) / file, ec);
    if (ec) continue;  // deleted since (an obsolete log or MANIFEST)
    if (size < recorded) {
      return DataLossError(StoreName(path) + " is damaged: " + file + " is " +
                           std::to_string(size) + " bytes, but the store's writer saw it reach " +
                           std::to_string(recorded) +
                           " bytes; the file was cut short and the documents written to the "
                           "lost part are gone" +
                           std::string(kDamageAdvice));
    }
  }
  return Status::Ok();
}

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
  // Every table file is opened (and its footer checked) when the store opens, so a damaged
  // store is refused at once instead of answering from part of its data.
  o.paranoid_checks = true;
  // The bulk path writes without the write-ahead log: a flush must make all families durable
  // together, or a crash could keep a document's meta record and lose its statements
  // (graph/FORMAT.md, "Writes").
  o.atomic_flush = true;
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

  ~RocksBackend() override { Close().IgnoreError(); }

  Result<std::unique_ptr<internal::KvView>> View() const override {
    return std::unique_ptr<internal::KvView>(
        std::make_unique<RocksView>(db_, handles_, name(), mode_ == Mode::kSecondary));
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
    PARLEY_RETURN_IF_ERROR(FromRocks(db_->Write(wo, &batch), "writing " + name()));
    if (options_.bulk_load) unflushed_ = true;
    if (++writes_since_record_ >= kWritesPerRecord) return RecordSizes();
    return Status::Ok();
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
      std::string file = StagingFile(++ingest_counter_);
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
    // Batches written to the memtable before this one (without the log) must be durable
    // before it: a crash may keep only a prefix of the batches, never a later batch without
    // an earlier one, because each batch's counters and entity totals build on the last.
    rocksdb::Status s;
    if (unflushed_) s = db_->Flush(rocksdb::FlushOptions(), all_handles_);
    if (s.ok()) {
      unflushed_ = false;
      s = db_->IngestExternalFiles(args);
    }
    std::error_code ec;
    for (const auto& f : files) fs::remove(f, ec);
    PARLEY_RETURN_IF_ERROR(FromRocks(s, "ingesting table files into " + name()));
    return RecordSizes();
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
    if (mode_ != Mode::kWriter) {
      // Only a writer can make a checkpoint; copy the consistent view instead.
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

  Status VerifyChecksums() const override {
    rocksdb::Status s = db_->VerifyChecksum();
    if (!s.ok() && mode_ != Mode::kWriter && IsMissingFile(s) && WriterActive(path_)) {
      // VerifyChecksum opens every table file again by its name, and the writer's compactions
      // delete the files they replace, files this reader still holds open (max_open_files -1)
      // and reads its view from: verify through those, reading every block of every family.
      s = VerifyByReading();
    }
    return FromRocks(s, "verifying the checksums of " + name());
  }

  // Every block of every family read once with its checksum verified, through the table files
  // this instance has open (no file is opened by name).
  rocksdb::Status VerifyByReading() const {
    rocksdb::ReadOptions ro;
    ro.verify_checksums = true;
    ro.fill_cache = false;
    for (rocksdb::ColumnFamilyHandle* h : all_handles_) {
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, h));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
      }
      if (!it->status().ok()) return it->status();
    }
    return rocksdb::Status::OK();
  }

  Status Refresh() override {
    switch (mode_) {
      case Mode::kWriter:
        return Status::Ok();
      case Mode::kSecondary:
        return FromRocks(db_->TryCatchUpWithPrimary(), "catching up with the writer of " + name());
      case Mode::kReadOnly:
        break;
    }
    // A read-only open is a fixed image of the store: open it again to see what a writer
    // added since.
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<RocksBackend> fresh, Open(path_, options_));
    PARLEY_RETURN_IF_ERROR(Close());
    std::swap(mode_, fresh->mode_);
    std::swap(secondary_dir_, fresh->secondary_dir_);
    std::swap(db_, fresh->db_);
    std::swap(handles_, fresh->handles_);
    std::swap(all_handles_, fresh->all_handles_);
    return Status::Ok();
  }

  Status Close() override {
    if (db_ == nullptr) return Status::Ok();
    Status status;
    if (mode_ == Mode::kWriter && ready_) {
      // The bulk path writes without a log: make its memtables durable before closing.
      if (options_.bulk_load) {
        status = FromRocks(db_->Flush(rocksdb::FlushOptions(), all_handles_),
                           "flushing " + name() + " to disk");
      }
      if (status.ok()) status = RecordSizes();
    }
    for (auto* h : all_handles_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    all_handles_.clear();
    handles_.clear();
    rocksdb::Status closed = db_->Close();
    if (status.ok() && mode_ == Mode::kWriter && !closed.ok() && !closed.IsAborted()) {
      status = FromRocks(closed, "closing " + name());
    }
    delete db_;
    db_ = nullptr;
    if (mode_ == Mode::kWriter) {
      std::lock_guard<std::mutex> lock(writers_mutex);
      auto it = Writers().find(Canonical(path_));
      if (it != Writers().end()) Writers().erase(it);
    }
    if (!secondary_dir_.empty()) {
      std::error_code ec;
      fs::remove_all(secondary_dir_, ec);
      secondary_dir_.clear();
    }
    return status;
  }

 private:
  // kWriter holds the LOCK; kReadOnly is a fixed image of a store no process was writing
  // when it was opened (RocksDB's full recovery checks run on it); kSecondary follows a
  // writer that was running.
  enum class Mode { kWriter, kReadOnly, kSecondary };
  // How often (in writes) a writer refreshes the size record between ingests and flushes.
  static constexpr uint64_t kWritesPerRecord = 64;

  RocksBackend(std::string path, const StoreOptions& options)
      : path_(std::move(path)), options_(options) {}

  // Where the bulk path builds table files before ingesting them; leftovers of a killed
  // writer are removed when the next writer opens the store.
  std::string StagingFile(uint64_t n) const {
    return path_ + "/ingest-" + std::to_string(n) + ".sst";
  }

  // Writes the size record: the MANIFEST's and the live logs' sizes now.
  Status RecordSizes() {
    writes_since_record_ = 0;
    std::vector<std::string> live;
    uint64_t manifest_size = 0;
    rocksdb::Status s = db_->GetLiveFiles(live, &manifest_size, /*flush_memtable=*/false);
    std::ostringstream text;
    for (const std::string& file : live) {
      if (file.rfind("/MANIFEST-", 0) == 0) text << file.substr(1) << " " << manifest_size << "\n";
    }
    rocksdb::VectorLogPtr logs;
    if (s.ok()) s = db_->GetSortedWalFiles(logs);
    PARLEY_RETURN_IF_ERROR(FromRocks(s, "listing the files of " + name()));
    for (const auto& log : logs) {
      if (log->Type() != rocksdb::kAliveLogFile) continue;
      std::string file = log->PathName();
      if (!file.empty() && file[0] == '/') file.erase(0, 1);
      text << file << " " << log->SizeFileBytes() << "\n";
    }
    const fs::path target = fs::path(path_) / kSizeRecord;
    const fs::path temporary = fs::path(path_) / (std::string(kSizeRecord) + ".tmp");
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out << text.str();
      if (!out.flush()) {
        return IoError("writing " + temporary.string() + " in " + name() + ": cannot write");
      }
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) return IoError("writing " + target.string() + ": " + ec.message());
    return Status::Ok();
  }

  // Opens db_ in `mode`.
  rocksdb::Status OpenDb(Mode mode, const rocksdb::Options& db_options,
                         const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors);

  std::string path_;
  StoreOptions options_;
  Mode mode_ = Mode::kWriter;
  std::string secondary_dir_;
  uint64_t ingest_counter_ = 0;
  bool unflushed_ = false;  // the bulk path wrote to the memtable without the log
  bool ready_ = false;      // opened and checked: Close may record sizes
  uint64_t writes_since_record_ = 0;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;      // ours, indexed by Cf
  std::vector<rocksdb::ColumnFamilyHandle*> all_handles_;  // every family the store has
};

rocksdb::Status RocksBackend::OpenDb(
    Mode mode, const rocksdb::Options& db_options,
    const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors) {
  mode_ = mode;
  switch (mode) {
    case Mode::kWriter:
      return rocksdb::DB::Open(db_options, path_, descriptors, &all_handles_, &db_);
    case Mode::kReadOnly:
      return rocksdb::DB::OpenForReadOnly(db_options, path_, descriptors, &all_handles_, &db_);
    case Mode::kSecondary:
      break;
  }
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "parley-reader-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return rocksdb::Status::IOError("cannot create a scratch directory '" + pattern + "'");
  }
  secondary_dir_ = pattern;
  rocksdb::Status s =
      rocksdb::DB::OpenAsSecondary(db_options, path_, pattern, descriptors, &all_handles_, &db_);
  if (s.ok()) s = db_->TryCatchUpWithPrimary();
  return s;
}

// Creates an empty store at `path` (absent, or an empty directory) in one step: the database,
// its families and its format version are made in a directory beside it and renamed into
// place, so a writer killed while creating a store leaves no half-made one (a database without
// a version would be refused as not a parley store from then on).
Status CreateStore(const std::string& given) {
  std::string path = given;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const std::string staging = path + ".creating-" + std::to_string(getpid());
  std::error_code ec;
  // Left by writers killed while creating this store (two writers creating one store at the
  // same moment is a race one of them loses anyway).
  const fs::path parent =
      fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  const std::string prefix = fs::path(path).filename().string() + ".creating-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
  ec.clear();
  rocksdb::Options options = MakeOptions(StoreOptions());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < internal::kCfCount; ++i) {
    descriptors.emplace_back(std::string(internal::CfName(static_cast<Cf>(i))),
                             rocksdb::ColumnFamilyOptions(options));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, staging, descriptors, &handles, &db);
  if (s.ok()) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db->Put(wo, handles[0], "format_version", internal::EncodeU64(internal::kFormatVersion));
    if (s.ok()) s = db->FlushWAL(/*sync=*/true);
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    rocksdb::Status closed = db->Close();
    if (s.ok()) s = closed;
    delete db;
  }
  if (s.ok()) {
    fs::rename(staging, path, ec);
    if (ec) s = rocksdb::Status::IOError("cannot move it into place: " + ec.message());
  }
  if (!s.ok()) fs::remove_all(staging, ec);
  return FromRocks(s, "creating " + StoreName(path));
}

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
  // Before RocksDB opens it: a writer would recover from a cut MANIFEST or log silently and
  // make the loss permanent.
  if (is_db) {
    Status current = CheckCurrent(path);
    if (!current.ok() && options.read_only && WriterActive(path)) {
      // Its writer replaced the MANIFEST between this reader's reading CURRENT and looking
      // for the file (OpenRocksStore tries again).
      return UnavailableError(name + " changed while this reader opened it (" + current.message() +
                              "); its writer is at work: try again");
    }
    PARLEY_RETURN_IF_ERROR(current);
  }
  if (is_db && !options.repair) PARLEY_RETURN_IF_ERROR(CheckSizeRecord(path));

  if (!is_db) {
    PARLEY_RETURN_IF_ERROR(CreateStore(path));
    is_db = true;
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
    // A reader opens only families that exist; a store missing one of ours is older or
    // foreign and is caught by the version check below.
    all = std::set<std::string>(families.begin(), families.end());
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& f : all) {
    descriptors.emplace_back(f, rocksdb::ColumnFamilyOptions(db_options));
  }

  std::unique_ptr<RocksBackend> backend(new RocksBackend(path, options));
  rocksdb::Status s;
  if (options.read_only) {
    // With no writer at work, open the store the way a writer would (every check of its
    // recovery, nothing written); while one works, follow it as a secondary instance.
    const bool writing = WriterActive(path);
    s = backend->OpenDb(writing ? Mode::kSecondary : Mode::kReadOnly, db_options, descriptors);
    if (!s.ok() && !writing && WriterActive(path)) {
      // A writer started meanwhile and changed files under the read-only open.
      backend = std::unique_ptr<RocksBackend>(new RocksBackend(path, options));
      s = backend->OpenDb(Mode::kSecondary, db_options, descriptors);
    }
  } else {
    s = backend->OpenDb(Mode::kWriter, db_options, descriptors);
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return UnavailableError(name +
                              " is open for writing by another process (its LOCK file is "
                              "held); wait for that ingest to finish, or open the store "
                              "read-only to query it meanwhile");
    }
  }
  if (!s.ok() && options.read_only && IsMissingFile(s) && WriterActive(path)) {
    // A compaction of the writer deleted a table file between this reader's reading the
    // MANIFEST and opening the file (OpenRocksStore tries again).
    return UnavailableError(name + " changed while this reader opened it (" + s.ToString() +
                            "); its writer is at work: try again");
  }
  PARLEY_RETURN_IF_ERROR(FromRocks(s, "opening " + name));
  if (backend->mode_ == Mode::kWriter) {
    std::lock_guard<std::mutex> lock(writers_mutex);
    Writers().insert(Canonical(path));
  }

  std::map<std::string, rocksdb::ColumnFamilyHandle*> by_name;
  for (auto* h : backend->all_handles_) by_name[h->GetName()] = h;
  std::string version_bytes;
  rocksdb::Status vs = backend->db_->Get(rocksdb::ReadOptions(), by_name["default"],
                                         "format_version", &version_bytes);
  // A writer creating the store adds the families and then the version right after the
  // database: a reader that came in between opens again (Open retries).
  const bool creating =
      backend->mode_ == Mode::kSecondary &&
      (vs.IsNotFound() || by_name.size() < static_cast<size_t>(internal::kCfCount));
  if (creating) return UnavailableError(name + " is being created");
  if (vs.IsNotFound()) {
    return FailedPreconditionError(name +
                                   " is a RocksDB database but not a parley store (it has "
                                   "no format version)");
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
  if (backend->mode_ == Mode::kWriter) {
    // Table files a killed bulk load was building were never part of the store.
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string file = it->path().filename().string();
      if (file.rfind("ingest-", 0) == 0 && it->path().extension() == ".sst") {
        std::error_code ignored;
        fs::remove(it->path(), ignored);
      }
    }
    PARLEY_RETURN_IF_ERROR(backend->RecordSizes());
  }
  backend->ready_ = true;
  return backend;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenRocksStore(const std::string& path,
                                              const StoreOptions& options) {
  Result<std::unique_ptr<RocksBackend>> backend = RocksBackend::Open(path, options);
  // A reader that finds the store half created (a writer is adding its families and version),
  // or files its writer replaced while it opened the store, opens it again: for 3 seconds at
  // most.
  for (int i = 0; i < 300 && options.read_only && !backend.ok() &&
                  backend.status().code() == StatusCode::kUnavailable;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    backend = RocksBackend::Open(path, options);
  }
  if (!backend.ok()) return backend.status();
  return internal::NewKvStore(std::move(backend).value());
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
  PARLEY_RETURN_IF_ERROR(copy->Write(writes));
  return copy->Close();
}

}  // namespace internal
}  // namespace parley
