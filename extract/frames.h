// Frames applied: relation rules written as frames (rules/README.md section 13) read from the
// clause analysis (clauses.h). For every verb of a verb group whose lemma a candidate frame
// names (and whose particle follows it: "turned down"), the frame's roles are filled from the
// verb's clause: the subject (a passive's by-agent; an agentless passive's agreement parties),
// the object and recipient from the direct object, a second object, prepositional phrases or a
// that-clause subject, the text from the object phrase, a that-clause, a to-infinitive, a
// quotation or a prepositional phrase. Coordination distributes: one statement per member of
// every role. The modality comes from the verb group (negation, modals, catenative verbs), an
// enclosing that-clause (reported) or if-clause (hedged), and cue words before the verb.
// Statements become candidates for the relation overlap policy (statements.h) beside the token
// patterns' statements.
//
// Thread-safety: per document, on one thread.
#ifndef PARLEY_EXTRACT_FRAMES_H_
#define PARLEY_EXTRACT_FRAMES_H_

#include <string_view>
#include <vector>

#include "extract/clauses.h"
#include "extract/mentions.h"
#include "extract/rule_matcher.h"
#include "extract/rule_prefilter.h"
#include "extract/statements.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// Runs the frame rules `frames` (the prefilter's, rule_prefilter.h; only `only_relation` when
// not empty) over analysis `a` of sentence `s`; appends candidates, and with doc.trace the
// firings to `out`. `headline`: only verbs whose subject stands right before them.
void ApplyFrames(const Tagged& s, const ClauseAnalysis& a, const FrameSelection& frames,
                 const DocState& doc, std::string_view only_relation, bool headline,
                 std::vector<StatementCandidate>* candidates, SentenceAnalysis* out);

// The entities chunk `c` stands for in a role that takes `bits` (`actor`: a place or an
// organization that acts as an actor means that actor). An entity chunk's members; for a chunk
// that names no entity, `owners` adds its possessors and entity modifiers ("Moscow's
// proposal": Russia), unless they own it jointly ("the U.S.-India Roadmap": Chunk::joint_owners).
//
// A subject chunk that names no entity (a pronoun, "the leaders", "both sides", "we") is
// resolved to whom the document has established (participants.h: doc.actors), keeping the
// entities of types `bits`.
std::vector<const EntityDef*> ResolveChunk(const Tagged& s, const ClauseAnalysis& a, int c,
                                           uint32_t bits, bool actor, bool owners,
                                           const DocState& doc);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAMES_H_
