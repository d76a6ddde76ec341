// The compiled-rules cache: compiling the rules is most of a short run's start-up (0.15 CPU s
// with the imported actors and agents), so the first process that compiles a set of rule
// sources writes its snapshot (RuleSet::Snapshot, rule_snapshot.h) to a cache directory, and
// the next ones read it instead of compiling.
//
// A cache file is named by its key, and holds it: the sources' fingerprint (their paths,
// layers and texts), the snapshot format version and the identity of the running executable
// (size, modification time, inode of /proc/self/exe): a rebuilt parley may compile the same
// sources differently, so it never reads another build's file. Files are written to a temporary
// name and renamed, so concurrent processes read either no file or a whole one; at most
// kRuleCacheFiles are kept (the least recently written go first).
//
// Nothing is lost without the cache: a missing, read-only or unwritable directory means
// compiling, silently; a file that is truncated, damaged, or of another version or key means
// compiling, with one note saying so. Rules with errors are never cached, so their diagnostics
// (path:line:column) come from compiling them every time.
//
// Thread-safety: LoadRuleSet may run on several threads and in several processes at once.
#ifndef PARLEY_EXTRACT_RULE_CACHE_H_
#define PARLEY_EXTRACT_RULE_CACHE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"

namespace parley {

// The cache files kept in one directory.
inline constexpr size_t kRuleCacheFiles = 8;

struct RuleCacheOptions {
  // The cache directory (created when missing); "" compiles every time.
  std::string dir;
  // Receives the one line (without "parley: note: " or a newline) that says why a cache file
  // was not used; may be empty.
  std::function<void(const std::string&)> note;
};

// The cache directory the environment names: "" when $PARLEY_RULES_CACHE is "off" (or "0",
// "no", "false", empty-but-set), else $PARLEY_RULES_CACHE itself when set, else
// $XDG_CACHE_HOME/parley, else $HOME/.cache/parley, else "".
std::string RuleCacheDirFromEnvironment();

// The key of `sources`' cache file (see above); "" when the executable cannot be identified,
// which means no cache.
std::string RuleCacheKey(const std::vector<RuleSource>& sources);

// The path of the cache file for `key` in `dir`.
std::string RuleCachePath(const std::string& dir, const std::string& key);

// The rules of `sources`: read from the cache when it holds them, else compiled (as
// RuleSet::Compile, whose errors it returns) and then written to the cache.
Result<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<RuleSource>& sources,
                                                   const RuleCacheOptions& options);

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULE_CACHE_H_
