// The compiled-rules snapshot: the one binary encoding of internal::CompiledRules
// (rule_compiled.h), so that a process loads compiled rules instead of compiling their sources
// (RuleSet::FromSnapshot, rule_cache.h). Internal to extract/; names no RE2 type.
//
// Format (version kRuleSnapshotVersion; little-endian; every integer fixed width):
//   "PARLEYRS"                       8 bytes of magic
//   u32 version                      kRuleSnapshotVersion
//   u32 key size, key bytes          what the snapshot was made for (the caller's key: the sources'
//                                    fingerprint, and for a cache file the executable's identity)
//   u64 payload size
//   32 bytes                         ContentHash (base/text.h, XXH3-128 hex) of the payload
//   payload                          u64 alias count, then CompiledRules, field by field
// In the payload a string or vector is a u32 count and its items; a map its count and its pairs
// (an unordered map sorted by its keys' XXH3, then the keys, so that the same rules give the
// same bytes); an optional a
// byte and its value; a bool one byte (0 or 1); a shared_ptr a u32 reference per pointee type (0
// null, n the n-th pointee of that type, written in full the first time): LazyRegex states,
// frames and refine lists are shared as when compiled. RE2 programs are not stored: a LazyRegex
// keeps its expression and options (built when first used, as when compiled) and the entity
// patterns and their RE2::Set are rebuilt from their expressions on reading. The entities are
// u32 offsets (count + 1) and a string of every entity's fields, so that reading leaves each
// encoded until it is first asked for (EntityDefs, rule_compiled.h), keeping the built-in
// snapshot's bytes, which live as long as the process, or a copy for a cache file; the person
// tables of name discovery are flat arrays (person_index.h), read as they are.
//
// One generic field visitor per struct (rule_snapshot.cc) serves the writer and the reader, so
// the two cannot drift; for the structs whose fields are public it names them with a structured
// binding, which stops compiling when a field is added until the snapshot learns it (then bump
// kRuleSnapshotVersion).
//
// Integrity: reading checks the magic, version, key, size and (unless the bytes are trusted:
// SnapshotCheck) checksum before decoding, and bounds-checks every count while decoding, so
// damaged or foreign bytes give an error, never a crash. The cross-references inside the rules
// (indices into the entities, the vocabulary) are trusted once the checksum holds: a file that
// passes it was written by EncodeRuleSnapshot.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_RULE_SNAPSHOT_H_
#define PARLEY_EXTRACT_RULE_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/rule_set.h"

namespace parley::internal {

struct CompiledRules;

// Bump whenever the encoding or a field of the compiled rules changes.
inline constexpr uint32_t kRuleSnapshotVersion = 11;

// The snapshot of `rules` (compiled without errors) and its literal alias count under `key`.
// Fails when the rules hold what a snapshot cannot (a sector view, sectors.h: never in compiled
// rules) or on a big-endian host.
Result<std::string> EncodeRuleSnapshot(const CompiledRules& rules, uint64_t alias_count,
                                       std::string_view key);

struct DecodedRules {
  std::unique_ptr<CompiledRules> rules;
  uint64_t alias_count = 0;
};
// The rules `bytes` hold. DataLoss when they are no snapshot, truncated or damaged (with
// SnapshotCheck::kTrusted a damaged payload may decode to other rules: see rule_set.h);
// FailedPrecondition when made by another version or for another key than `key`. The message
// says which, in a few words ("made for other rules or another build of parley").
Result<DecodedRules> DecodeRuleSnapshot(std::string_view bytes, std::string_view key,
                                        SnapshotCheck check = SnapshotCheck::kChecksum);

// Decodes a payload (the part after the header) without the header's checks, every entity too
// (DecodeRuleSnapshot leaves them to EntityDefs, decoded when first asked for): for the fuzz
// target, which shows that no input crashes the reader. The rules are dropped.
Status DecodeRuleSnapshotPayload(std::string_view payload);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_SNAPSHOT_H_
