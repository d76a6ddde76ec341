#include "extract/pattern_match.h"

#include <algorithm>

namespace parley::internal {

bool NextMatch(const CompiledPattern& pattern, const Tagged& s, size_t pos,
               re2::StringPiece* groups, int n) {
  const re2::StringPiece input(pattern.cased ? s.tagged : s.folded);
  if (pattern.start_bits == 0) {
    return pattern.re->Match(input, pos, input.size(), RE2::UNANCHORED, groups, n);
  }
  // Every match starts with " \x01" (a mention placeholder) of the right kind. Trying those few
  // starts in order, anchored, finds the same leftmost match as an unanchored search, and far
  // cheaper: an unanchored DFA tracks a thread from every earlier position, so it meets new
  // states all the time and builds them (most of the matching cost), and it needs the reverse
  // program to find where the match began. An existence test without captures comes first
  // because most starts fail.
  const size_t first = std::lower_bound(s.unit_offsets.begin(), s.unit_offsets.end(), pos + 1) -
                       s.unit_offsets.begin();
  for (size_t u = first; u < s.units.size(); ++u) {
    const size_t at = s.unit_offsets[u];
    if (input[at] != '\x01') continue;
    const int mention = s.units[u].mention;
    if (mention >= 0 && (s.mentions[mention].bits & pattern.start_bits) == 0) continue;
    if (!pattern.re->Match(input, at - 1, input.size(), RE2::ANCHOR_START, nullptr, 0)) {
      continue;
    }
    return pattern.re->Match(input, at - 1, input.size(), RE2::ANCHOR_START, groups, n);
  }
  return false;
}

const EntityDef* SlotEntity(const Mention& m, const SlotCapture& c) {
  if (m.entity == nullptr) return nullptr;
  if (c.actor && m.acts_as != nullptr) return m.acts_as;
  if (EntityTypeBit(m.entity->entity.type) & c.bits) return m.entity;
  return m.acts_as != nullptr ? m.acts_as : m.entity;
}

EntityRef Ref(const EntityDef* def) {
  return EntityRef{def->entity.id, def->entity.label, def->entity.type};
}

}  // namespace parley::internal
