#include "extract/rule_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <random>
#include <string_view>
#include <utility>

#include "base/text.h"
#include "extract/rule_snapshot.h"

namespace parley {
namespace {

constexpr std::string_view kPrefix = "rules-";
constexpr std::string_view kSuffix = ".snapshot";
// $PARLEY_RULES_CACHE's value for the built-in snapshot without a cache directory.
constexpr std::string_view kBuiltInOnly = "built-in";
// A temporary file older than this belongs to a process that died while writing it.
constexpr int64_t kAbandonedSeconds = 600;

// The identity of the running executable, or "" when it has none to read. The link's target
// is read first: tools that run a program (valgrind) show it there, not in the link itself.
std::string ExecutableIdentity() {
  char target[4096];
  const ssize_t n = readlink("/proc/self/exe", target, sizeof(target) - 1);
  if (n <= 0) return "";
  target[n] = '\0';
  struct stat st;
  if (stat(target, &st) != 0) return "";
  return std::string(target, static_cast<size_t>(n)) + ":" + std::to_string(st.st_dev) + ":" +
         std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

// Creates `dir` and its parents; false when it is not a directory afterwards.
bool MakeDirectories(const std::string& dir) {
  struct stat st;
  if (stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
  const size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0 && !MakeDirectories(dir.substr(0, slash))) {
    return false;
  }
  return mkdir(dir.c_str(), 0755) == 0 ||
         (errno == EEXIST && stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode));
}

// A file mapped read-only; empty when it cannot be (then `missing` says whether it does not
// exist, which is no news).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      missing_ = errno == ENOENT || errno == ENOTDIR;
      return;
    }
    struct stat st;
    if (fstat(fd, &st) == 0) {
      if (st.st_size == 0) {
        empty_ = true;
      } else {
        void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
          data_ = p;
          size_ = static_cast<size_t>(st.st_size);
        }
      }
    }
    close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  bool ok() const { return data_ != nullptr || empty_; }
  bool missing() const { return missing_; }
  std::string_view bytes() const {
    return data_ == nullptr ? std::string_view()
                            : std::string_view(static_cast<char*>(data_), size_);
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
  bool missing_ = false;
  bool empty_ = false;
};

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Keeps the kRuleCacheFiles most recently written cache files of `dir` and removes abandoned
// temporary files. Races with other processes are harmless: a file removed under a reader
// stays readable to it, and one removed twice is gone.
void Prune(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::pair<int64_t, std::string>> files;  // (mtime, path)
  const int64_t now = time(nullptr);
  while (const dirent* e = readdir(d)) {
    const std::string_view name = e->d_name;
    if (!name.starts_with(kPrefix)) continue;
    const std::string path = dir + "/" + std::string(name);
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (name.ends_with(kSuffix)) {
      files.emplace_back(st.st_mtim.tv_sec, path);
    } else if (name.find(".tmp-") != std::string_view::npos &&
               now - st.st_mtim.tv_sec > kAbandonedSeconds) {
      unlink(path.c_str());
    }
  }
  closedir(d);
  if (files.size() <= kRuleCacheFiles) return;
  std::sort(files.begin(), files.end(), std::greater<>());
  for (size_t i = kRuleCacheFiles; i < files.size(); ++i) unlink(files[i].second.c_str());
}

// Writes `bytes` to `path` through a temporary file renamed over it; false when it cannot.
bool WriteAtomically(const std::string& path, std::string_view bytes) {
  std::random_device random;
  const std::string tmp =
      path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(random());
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool written = WriteAll(fd, bytes);
  const bool closed = close(fd) == 0;
  if (!written || !closed || rename(tmp.c_str(), path.c_str()) != 0) {
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

std::string_view& BuiltIn() {
  static std::string_view snapshot;
  return snapshot;
}

std::string KeyStart(const std::string& fingerprint) {
  return "parley rules snapshot " + std::to_string(internal::kRuleSnapshotVersion) + "; sources " +
         fingerprint;
}
std::string BuiltInKey(const std::string& fingerprint) {
  return KeyStart(fingerprint) + "; built in";
}
// "" when the executable cannot be identified.
std::string CacheKey(const std::string& fingerprint) {
  const std::string exe = ExecutableIdentity();
  return exe.empty() ? "" : KeyStart(fingerprint) + "; executable " + exe;
}

bool IsOff(std::string_view value) {
  return value.empty() || value == "off" || value == "0" || value == "no" || value == "false";
}

}  // namespace

void SetBuiltInRulesSnapshot(std::string_view snapshot) { BuiltIn() = snapshot; }

std::string BuiltInRulesSnapshotKey(const std::vector<RuleSource>& sources) {
  return BuiltInKey(RuleSet::SourcesFingerprint(sources));
}

RuleCacheOptions RuleCacheOff() {
  RuleCacheOptions options;
  options.built_in = false;
  return options;
}

RuleCacheOptions RuleCacheFromEnvironment() {
  RuleCacheOptions options;
  if (const char* v = std::getenv("PARLEY_RULES_CACHE"); v != nullptr) {
    if (IsOff(v)) return RuleCacheOff();
    options.built_in = true;
    if (std::string_view(v) != kBuiltInOnly) options.dir = v;
    return options;
  }
  options.built_in = true;
  if (const char* v = std::getenv("XDG_CACHE_HOME"); v != nullptr && v[0] == '/') {
    options.dir = std::string(v) + "/parley";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    options.dir = std::string(home) + "/.cache/parley";
  }
  return options;
}

std::string RuleCacheKey(const std::vector<RuleSource>& sources) {
  return CacheKey(RuleSet::SourcesFingerprint(sources));
}

std::string RuleCachePath(const std::string& dir, const std::string& key) {
  return dir + "/" + std::string(kPrefix) + ContentHash(key) + std::string(kSuffix);
}

Result<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<RuleSource>& sources,
                                                   const RuleCacheOptions& options) {
  const bool built_in = options.built_in && !BuiltIn().empty();
  if (!built_in && options.dir.empty()) return RuleSet::Compile(sources);
  const std::string fingerprint = RuleSet::SourcesFingerprint(sources);
  const auto note = [&](const std::string& what, const std::string& why) {
    if (options.note)
      options.note(what + ": " + why + "; compiling the rules instead (nothing is lost)");
  };
  if (built_in) {
    // The sources are the built-in snapshot's when the keys agree: any other sources (a
    // --rules directory) are no news.
    Result<std::shared_ptr<const RuleSet>> loaded =
        RuleSet::FromSnapshot(BuiltIn(), BuiltInKey(fingerprint), SnapshotCheck::kTrusted);
    if (loaded.ok()) return loaded;
    if (loaded.status().code() != StatusCode::kFailedPrecondition) {
      note("the built-in rules snapshot", loaded.status().message());
    }
  }
  const std::string key = options.dir.empty() ? "" : CacheKey(fingerprint);
  if (key.empty()) return RuleSet::Compile(sources);
  const std::string path = RuleCachePath(options.dir, key);
  {
    const MappedFile file(path);
    if (file.ok()) {
      Result<std::shared_ptr<const RuleSet>> loaded = RuleSet::FromSnapshot(file.bytes(), key);
      if (loaded.ok()) return loaded;
      note("rules cache " + path, loaded.status().message());
    } else if (!file.missing()) {
      note("rules cache " + path, "cannot be read");
    }
  }
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const RuleSet> rules, RuleSet::Compile(sources));
  if (MakeDirectories(options.dir)) {
    Result<std::string> snapshot = rules->Snapshot(key);
    if (snapshot.ok() && WriteAtomically(path, *snapshot)) Prune(options.dir);
  }
  return rules;
}

}  // namespace parley
