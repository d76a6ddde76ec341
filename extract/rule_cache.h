// The compiled-rules cache: compiling the rules is most of a short run's start-up (0.15 CPU s
// with the imported actors and agents), so the first process that compiles a set of rule
// sources writes its snapshot (RuleSet::Snapshot, rule_snapshot.h) to a cache directory, and
// the next ones read it instead of compiling.
//
// The default rules need no cache file: parley holds their snapshot, made when it was built
// (SetBuiltInRulesSnapshot), and reads it without its checksum (SnapshotCheck::kTrusted: it was
// read back when made and cannot have changed since); a cache file's checksum is checked. A cache
// file is named by its key, and holds it: the sources' fingerprint (their paths, layers and texts),
// the snapshot format version and the identity of the running executable (size, modification time,
// inode of /proc/self/exe): a rebuilt parley may compile the same sources differently, so it never
// reads another build's file. Files are written to a temporary name and renamed, so concurrent
// processes read either no file or a whole one; at most kRuleCacheFiles are kept (the least
// recently written go first).
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
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"

namespace parley {

// The cache files kept in one directory.
inline constexpr size_t kRuleCacheFiles = 8;

struct RuleCacheOptions {
  // Read the built-in snapshot (SetBuiltInRulesSnapshot) for the sources it was made of: the
  // same rules compiled by the same library when the executable was built, so reading it is
  // compiling them, without the cost. False compiles (RuleCacheOff).
  bool built_in = true;
  // The cache directory (created when missing); "" writes and reads no cache file.
  std::string dir;
  // Receives the one line (without "parley: note: " or a newline) that says why a cache file
  // was not used; may be empty.
  std::function<void(const std::string&)> note;
};

// The snapshot of the default rules (DefaultRuleSources) made when parley was built: the parley
// executable embeds it (tools/CMakeLists.txt runs tools/rules_snapshot_main.cc, linked with
// the same library, and the binary holds what it wrote) and registers it here before running a
// command, so the default rules are never compiled at run time and cannot go stale (the build
// remakes it whenever the rules or the library change). Its key is BuiltInRulesSnapshotKey.
// REQUIRES: `snapshot` outlives every LoadRuleSet; called before any (not thread-safe).
void SetBuiltInRulesSnapshot(std::string_view snapshot);
// The key of the built-in snapshot of `sources`: their fingerprint and the format version
// (the executable is the one that holds it).
std::string BuiltInRulesSnapshotKey(const std::vector<RuleSource>& sources);

// Neither the built-in snapshot nor a cache directory: the rules compile every time
// (--no-rules-cache).
RuleCacheOptions RuleCacheOff();

// The cache the environment asks for: none (RuleCacheOff) when $PARLEY_RULES_CACHE is "off" (or
// "0", "no", "false", empty-but-set); the built-in snapshot alone, no directory, when it is
// "built-in" (the tests: they read the default rules as a run does, and never touch the user's
// cache); else the built-in snapshot and the directory $PARLEY_RULES_CACHE when set, else
// $XDG_CACHE_HOME/parley, else $HOME/.cache/parley, else none. No note.
RuleCacheOptions RuleCacheFromEnvironment();

// The key of `sources`' cache file (see above); "" when the executable cannot be identified,
// which means no cache.
std::string RuleCacheKey(const std::vector<RuleSource>& sources);

// The path of the cache file for `key` in `dir`.
std::string RuleCachePath(const std::string& dir, const std::string& key);

// The rules of `sources`: read from the built-in snapshot when it was made of them (with
// options.built_in), else from the cache file when it holds them, else compiled (as
// RuleSet::Compile, whose errors it returns) and then written to the cache.
Result<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::vector<RuleSource>& sources,
                                                   const RuleCacheOptions& options);

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULE_CACHE_H_
