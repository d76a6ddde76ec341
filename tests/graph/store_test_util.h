// Helpers shared by the graph tests: a fresh temporary directory per test and store dumps that
// compare two stores field by field.
#ifndef PARLEY_TESTS_GRAPH_STORE_TEST_UTIL_H_
#define PARLEY_TESTS_GRAPH_STORE_TEST_UTIL_H_

#include <errno.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "base/json.h"
#include "graph/store.h"

namespace parley::testing {

// A directory removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A tmpfs of `size` mounted for the lifetime of the object; mounted() is false (with the reason
// in error()) when this process may not mount.
class SmallDisk {
 public:
  SmallDisk(const std::string& dir, const std::string& size) : dir_(dir) {
    std::filesystem::create_directories(dir);
    if (geteuid() != 0) {
      error_ = "mounting a tmpfs needs root";
    } else if (mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0) {
      error_ = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
    } else {
      mounted_ = true;
    }
  }
  ~SmallDisk() {
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  bool Grow(const std::string& size) {
    return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + size).c_str()) == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
  std::string error_;
};

// Every statement of `store` as JSON, sorted: equal dumps mean equal statement sets.
inline std::vector<std::string> DumpStatements(const Store& store,
                                               const StatementFilter& filter = {}) {
  std::vector<std::string> out;
  Status s = store.ScanStatements(filter, [&](const Statement& st) {
    out.push_back(StatementToJson(st));
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> DumpEntities(const Store& store) {
  std::vector<std::string> out;
  Status s = store.ScanEntities([&](const Entity& e) {
    out.push_back(EntityToJson(e));
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

}  // namespace parley::testing

#endif  // PARLEY_TESTS_GRAPH_STORE_TEST_UTIL_H_
