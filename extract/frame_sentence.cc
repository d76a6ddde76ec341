#include "extract/frame_sentence.h"

namespace parley::internal {

FrameSentence::FrameSentence(const Tagged& s, const ClauseAnalysis& a, const DocState& doc)
    : s(s), a(a), doc(doc) {
  const uint32_t n = static_cast<uint32_t>(s.units.size());
  group_start.assign(n, 0);
  for (const VerbGroup& g : a.groups) {
    if (g.begin < n && !g.infinitive) group_start[g.begin] = 1;
    // "to" of an infinitive coordinated with an earlier one (first unit after it listed).
    for (uint32_t u : g.more_to_clauses) {
      if (u >= 1 && u <= n) group_start[u - 1] = 1;
    }
  }
}

}  // namespace parley::internal
