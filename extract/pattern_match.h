// Running one compiled rule pattern over a tagged sentence (tagged_sentence.h): every
// non-overlapping leftmost match, with its captures, and what a captured mention means in its
// slot. Shared by discovery, coreference and relation rules.
//
// Thread-safety: pure functions over immutable patterns.
#ifndef PARLEY_EXTRACT_PATTERN_MATCH_H_
#define PARLEY_EXTRACT_PATTERN_MATCH_H_

#include <re2/re2.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "extract/rule_compiled.h"
#include "extract/scratch_pool.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// The leftmost match of `pattern` in the tagged sentence at or after byte `pos`, into `groups`
// (n of them); false when there is none.
bool NextMatch(const CompiledPattern& pattern, const Tagged& s, size_t pos,
               re2::StringPiece* groups, int n);

// Calls `fn(groups)` for each non-overlapping match of `pattern` in the tagged sentence; group
// 0 is the match, group i + 1 the capture pattern.captures[i] (null data when it did not
// participate). The program is built (LazyRegex) only when a start passes NextMatch's unit
// tests: the group count comes from `captures`, which the emitter writes one group for
// (rule_pattern.h), not from the program.
template <typename Fn>
void ForEachMatch(const CompiledPattern& pattern, const Tagged& s, Fn fn) {
  const int n = 1 + static_cast<int>(pattern.captures.size());
  // Called for every pattern the prefilter leaves in every sentence: the groups' vector comes
  // from this thread's pool and goes back to it (a callback may run another ForEachMatch).
  using Groups = std::vector<re2::StringPiece>;
  Groups groups = ScratchPool<Groups>::Take();
  groups.assign(n, re2::StringPiece());
  size_t pos = 0;
  while (pos < s.tagged.size() && NextMatch(pattern, s, pos, groups.data(), n)) {
    const size_t end = s.Offset(groups[0]) + groups[0].size();
    fn(groups);
    // The match's trailing space is the next match's leading space.
    pos = end > pos + 1 ? end - 1 : pos + 1;
  }
  groups.clear();
  ScratchPool<Groups>::Give(std::move(groups));
}

// The entity a mention means in a slot: actor slots prefer what a place acts as. Null for a
// date or quotation.
const EntityDef* SlotEntity(const Mention& m, const SlotCapture& c);

// The statement-level reference to an entity.
EntityRef Ref(const EntityDef* def);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_PATTERN_MATCH_H_
