// RuleSet: the compiled form of a set of rule files (the language is documented in
// rules/README.md). Compiled once, immutable afterwards: any number of threads may share one
// RuleSet and match against it concurrently; matching needs only per-call scratch.
//
// Compilation reports every problem in every file, compiler style, never just the first.
#ifndef PARLEY_EXTRACT_RULE_SET_H_
#define PARLEY_EXTRACT_RULE_SET_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "extract/rule_source.h"

namespace parley {

namespace internal {
struct CompiledRules;
}  // namespace internal

// How RuleSet::FromSnapshot checks the bytes before decoding them. kChecksum: bytes that may have
// changed since they were written (a cache file on disk), whose checksum must hold. kTrusted: the
// snapshot the executable embeds, written by its build and decoded there once
// (tools/rules_snapshot_main.cc), which cannot have changed since; its checksum (a ninth of
// start-up) is not computed. Either way the magic, version, key and size are checked and every
// count is bounds-checked, so no bytes crash the reader.
enum class SnapshotCheck { kChecksum, kTrusted };

class RuleSet {
 public:
  // Compiles `sources` (in load order). On failure returns InvalidArgument whose message is
  // FormatDiagnostics() of every problem found. The rule patterns' regular expressions, most of
  // the work (about 0.2 s for the default rules), are built when a sentence first reaches
  // them, so compiling takes about 0.03 s and a run pays only for the patterns it uses.
  static Result<std::shared_ptr<const RuleSet>> Compile(const std::vector<RuleSource>& sources);

  // Like Compile, but hands back the individual diagnostics; returns null when there is any.
  // REQUIRES: diagnostics != nullptr.
  static std::shared_ptr<const RuleSet> Compile(const std::vector<RuleSource>& sources,
                                                std::vector<RuleDiagnostic>* diagnostics);

  // The snapshot of this set under `key` (extract/rule_snapshot.h: the compiled rules in a
  // versioned binary encoding, which FromSnapshot reads back into an equal set).
  Result<std::string> Snapshot(std::string_view key) const;
  // The set a Snapshot made under `key` holds. DataLoss when `bytes` are no snapshot, truncated
  // or damaged; FailedPrecondition when made by another version or under another key; the
  // message says which in a few words. Reading one costs a fraction of compiling its sources.
  static Result<std::shared_ptr<const RuleSet>> FromSnapshot(
      std::string_view bytes, std::string_view key, SnapshotCheck check = SnapshotCheck::kChecksum);
  // The fingerprint() that compiling `sources` gives, without compiling them.
  static std::string SourcesFingerprint(const std::vector<RuleSource>& sources);

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // 32 hex digits over the sources' content and layers: equal fingerprints, equal behaviour.
  const std::string& fingerprint() const;
  size_t entity_count() const;
  size_t alias_count() const;
  // Relation, discover and coref rules.
  size_t rule_count() const;

  // The entity with this id, or null.
  const Entity* FindEntity(const std::string& id) const;

  const internal::CompiledRules& compiled() const { return *rules_; }

 private:
  explicit RuleSet(std::unique_ptr<internal::CompiledRules> rules);
  std::unique_ptr<internal::CompiledRules> rules_;
  size_t alias_count_ = 0;
};

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULE_SET_H_
