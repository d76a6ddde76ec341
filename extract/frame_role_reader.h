// The roles of one reading of a frame at a verb (frames.h): the chunk after the verb, the
// object, subject and recipient a frame's fillers find there (FrameRoles, ResolveChunk), the
// text from the first source the frame lists (TextExtents), whether the subjects do it with each
// other, and the modality of what is read. FrameReader (frames.cc) calls the steps in order,
// filling one RoleReading, and stops where one finds nothing. Internal to the frames stage.
//
// Thread-safety: one per sentence and thread, like the FrameSentence it reads.
#ifndef PARLEY_EXTRACT_FRAME_ROLE_READER_H_
#define PARLEY_EXTRACT_FRAME_ROLE_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/frame_roles.h"
#include "extract/frame_sentence.h"
#include "extract/frame_text.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

// What one reading of a frame at a verb finds, role by role (RoleReader fills it).
struct RoleReading {
  bool chained = false;   // the verb governs the next verb of its group ("agreed to sign")
  uint32_t verb_end = 0;  // past the verb and its particle
  // The direct object, or with a prepositional particle the chunk it governs (-1: none), the
  // indirect object, and the first of the group's phrases after that chunk.
  int direct = -1;
  int indirect = -1;
  size_t first_pp = 0;
  bool bare_infinitive = false;  // HelpsBareInfinitive, for an imported frame
  int subject_chunk = -1;
  std::vector<const EntityDef*> subjects;
  std::string subject_note;  // how the subject was found, for the trace
  int object_chunk = -1;
  bool object_from_members = false;  // the object is a member of its chunk, not its text
  std::vector<const EntityDef*> objects;
  std::vector<const EntityDef*> recipients;
  bool recipient_is_direct = false;
  bool recipient_with = false;  // from a with-phrase ("signed X with Arafat")
  // One per coordinated to-infinitive; one, empty, when there is no text.
  std::vector<std::string> texts;
  uint32_t text_end = 0;  // past the last unit of the texts
};

// The steps are declared in the order FrameReader calls them; each REQUIRES the RoleReading
// the steps before it filled (FindDirect: `chained` and `verb_end` set; then `direct` and
// `indirect` as final before ReadObject).
class RoleReader {
 public:
  // REQUIRES: `sentence`, `roles` and `text` outlive this.
  RoleReader(const FrameSentence& sentence, const FrameRoles& roles, const TextExtents& text)
      : sentence_(sentence), roles_(roles), text_(text) {}

  // The chunk after verb v: the direct object, or with a prepositional particle ("call for",
  // "turn down") the chunk that particle governs; and the first phrase after it.
  void FindDirect(const VerbGroup& g, const GroupVerb& v, const FrameVerb& fv,
                  RoleReading* r) const;

  // Whether the phrase of chunk `direct` holds one of `frame`'s object words.
  bool HasObjectWord(const Frame& frame, const VerbGroup& g, int direct) const;

  // The object: the first of the frame's object fillers that names entities.
  void ReadObject(const Rule& rule, const VerbGroup& g, RoleReading* r) const;

  // The subject: the verb's (a passive's by-agent, except for a SurfaceSubject frame), a
  // nominalisation's of-phrase, an agentless
  // passive's agreement parties, a list introduction's. Null, or why there is none.
  const char* ReadSubject(const Rule& rule, const VerbGroup& g, const GroupVerb& v,
                          RoleReading* r) const;

  // The recipient: the first of the frame's recipient fillers that names entities.
  void ReadRecipient(const Frame& frame, const VerbGroup& g, const GroupVerb& v,
                     RoleReading* r) const;

  // The text: from the first source the frame lists that the clause has, one per coordinated
  // to-infinitive.
  void ReadText(const Frame& frame, const VerbGroup& g, size_t k, RoleReading* r) const;

  // Whether the subjects do it with each other: a frame's reciprocal role with two to five
  // (objects) or two (recipients) subjects and no phrase of that role.
  bool Mutual(const Frame& frame, const VerbGroup& g, const RoleReading& r) const;

  // The modality of the statements read at verb k of g whose extent starts at unit b: the verb
  // group's, an enclosing clause's, a negative determiner's, cue words before the verb; or the
  // rule's.
  Modality ReadModality(const Rule& rule, const VerbGroup& g, size_t k, const RoleReading& r,
                        uint32_t b) const;

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // Whether `rule` is an imported frame whose codes are all reverse codes (`refine * from* ->
  // :066`): PETRARCH's `+ * FROM $`, a target before the verb and the source in a phrase after
  // it, whose roles are where the words stand. Its subject is the one before the verb in
  // either voice ("Ithilen was freed from Mordor": Mordor's 066 to Ithilen, as "Eriador
  // received money from Osgiliath" is Osgiliath's 071 to Eriador; "X has been charged by Y
  // with forming a government", CAMEO.2.0's `+ BEEN * BY $`, Y's 060 to X).
  static bool SurfaceSubject(const Rule& rule);

  // The text of g from unit `from` (TextExtents), cut to what g's phrase holds: into `*text`
  // when there is one, with `*text_end` past it.
  void TakeText(const VerbGroup& g, int direct, uint32_t from, std::string* text,
                uint32_t* text_end) const;

  const FrameSentence& sentence_;
  const FrameRoles& roles_;
  const TextExtents& text_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_ROLE_READER_H_
