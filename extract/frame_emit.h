// Statement emission of the frames stage (frames.h): a frame's reading at a verb, with one
// subject, object and recipient, into a statement candidate (statements.h) with its qualifiers
// (time, place, event: AttachQualifiers, outside the clauses whose dates are not the claim's),
// its actor codes, its span for the overlap policy and, when tracing, its rule firing; or into
// nothing when an imported frame's actors make no event PETRARCH would code. Also the trace
// line of a reading that gave nothing (Skip). Internal to the frames stage.
//
// Thread-safety: one per sentence and thread, like the FrameSentence it reads.
#ifndef PARLEY_EXTRACT_FRAME_EMIT_H_
#define PARLEY_EXTRACT_FRAME_EMIT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/frame_sentence.h"
#include "extract/rule_compiled.h"
#include "extract/rule_matcher.h"
#include "extract/statements.h"

namespace parley::internal {

// What every statement of one reading of a frame at a verb shares.
struct FrameReading {
  const Rule* rule = nullptr;
  const VerbGroup* group = nullptr;
  const GroupVerb* verb = nullptr;
  const FrameVerb* frame_verb = nullptr;
  bool noun = false;  // read at a nominalisation's noun, not a verb
  Modality modality = Modality::kAsserted;
  std::string_view plover;
  // The statement's units [begin, end), for the overlap policy and qualifier attachment.
  uint32_t begin = 0, end = 0;
  // A show of force whose pattern names no armed force: it needs an armed actor.
  bool unarmed_show = false;
};

class FrameEmitter {
 public:
  // REQUIRES: `sentence` outlives this. Appends candidates to `candidates` and, when the
  // document traces, firings and skip lines to `out`.
  FrameEmitter(const FrameSentence& sentence, std::vector<StatementCandidate>* candidates,
               SentenceAnalysis* out);

  // Appends the statement of reading `r` with `subject` (not null), `object` and `recipient`
  // (null: none), text `text` (empty: none), CAMEO code `cameo` and, as its coordinated
  // complement, `part` (StatementCandidate::part); with doc.trace its firing, whose subject
  // carries `subject_note` (how it was found). An imported frame's statement whose actor codes
  // make no event is skipped instead (Skip).
  void Emit(const FrameReading& r, const EntityDef* subject, const EntityDef* object,
            const EntityDef* recipient, const std::string& text, const std::string& cameo,
            const std::string& subject_note, size_t part);

  // With doc.trace, notes that `rule` read nothing at unit `verb`, and why.
  void Skip(const Rule& rule, uint32_t verb, const char* why);

  // The verb units statements were emitted at so far.
  const std::vector<uint32_t>& emitted() const { return emitted_; }

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // relative clauses ("Shufeldt would improve relations with Korea, where U.S. Marines had
  // invaded in 1871"; "the government that the United States established in 1900") and
  // participle clauses ("The preliminary articles signed in Paris on November 30, 1782, were
  // effective only when Britain and France signed a treaty") that do not hold its verb. A
  // when-clause, a coordinated clause or the clause governing a complement shares its time.
  std::vector<std::pair<size_t, size_t>> OtherClauses(const VerbGroup& g, uint32_t verb) const;

  // Whether an imported frame's statement with these actor codes is an event: both coded,
  // neither a prefix of the other (the same actor, or an actor and its own state or sector).
  static bool CodesEvent(const std::string& subject, const std::string& object);

  // Whether an imported frame's event of PLOVER type `plover` may come from an actor of `code`:
  // a population (civilians, labour, refugees, believers) consults and visits no one, it travels
  // ("Chinese laborers who came to the United States", "Irish citizens come to the United
  // States": COME * (TO) [040]); an armed force protests against no one, it moves ("Russian
  // troops marched across the border into Ukraine": MARCH [140]); business, the media and
  // education assault and fight no one, they compete ("PRC companies ... targeting the U.S.
  // market": TARGET [190]).
  static bool SectorActs(std::string_view plover, std::string_view code);

  // Whether an actor of `code` is an armed force (sector MIL or COP). An imported show of force
  // (PLOVER MOBILIZE, CAMEO 15) needs one, as its subject or object, unless its pattern names
  // one by a synonym set (`INCREASE * &MILITARY`): "redoubled efforts for stability in Haiti"
  // (REDOUBLE * EFFORT [150]) and "accelerating the deployment of 10,000 electric buses in
  // India" (ACCELERATE * DEPLOYMENT [154]) show none.
  static bool Armed(std::string_view code);

  // ActorCode (actor_codes.h) of `def` on `day`, found once per document (DocState::
  // actor_codes): the statements of a document share their actors and mostly their day. The
  // reference is valid until the next call.
  const std::string& ActorCodeAt(const EntityDef& def, const std::string& day);

  const FrameSentence& sentence_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
  std::vector<StatementCandidate>* candidates_;
  SentenceAnalysis* out_;
  // Units never attached: skipped spans, and places acting as actors as a clause's subject.
  // Made at the first statement (most sentences give none).
  const std::vector<uint8_t>* Blocked();
  std::vector<uint8_t> blocked_;
  bool blocked_made_ = false;
  std::vector<uint32_t> emitted_;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_EMIT_H_
