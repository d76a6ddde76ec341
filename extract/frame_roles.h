// The roles of a frame (frames.h): which chunks of a clause fill a frame's subject, object and
// recipient. ResolveChunk (frames.h) turns a chunk into the entities it stands for; FrameRoles
// finds the chunks: a prepositional phrase of a role (past phrases of place and topic and those
// that belong to a noun before them), appositions and titles set off by commas, the of-phrase
// after a container or a comment's topic, a reduced relative's agent. Internal to the frames
// stage.
//
// Thread-safety: one per sentence and thread, like the FrameSentence it reads.
#ifndef PARLEY_EXTRACT_FRAME_ROLES_H_
#define PARLEY_EXTRACT_FRAME_ROLES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/frame_sentence.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

class FrameRoles {
 public:
  // REQUIRES: `sentence` outlives this.
  explicit FrameRoles(const FrameSentence& sentence) : sentence_(sentence) {}

  // Whether units [b, e) hold one of `words`: a word of the units, of a quotation among them or
  // of a group's name ("Russian troops").
  bool PhraseHasWord(uint32_t b, uint32_t e, const std::vector<Cue>& words) const;

  // `from` on, or kNoUnit.
  uint32_t PrepText(const VerbGroup& g, size_t from, std::string_view prep) const;

  // The entity chunk set off by commas right after noun chunk c, which names no entity: "His
  // Majesty, King Abdullah II," (a closing comma or the sentence end after it). -1 when none.
  int Apposition(int c) const;

  // The first prepositional phrase with preposition `prep` whose entities fit, from index
  // `from` on (after the first phrase of f.after, if any); fills `entities` and returns its
  // chunk, or -1. An `any` phrase's owner of `owner_bits` counts, and for an imported frame
  // (`imported`, its statement's CAMEO code `cameo`) any phrase's; an imported frame's `any`
  // phrase names no partner of a different act (ImportedAnySkips).
  int FromPreps(const VerbGroup& g, size_t from, const RoleFiller& f,
                std::vector<const EntityDef*>* entities, uint32_t owner_bits = 0,
                bool imported = false, std::string_view cameo = {}) const;

  // The by-agent chunk of a reduced passive relative on noun chunk `c` ("memos sent by Bree"),
  // or -1.
  int ReducedRelativeAgent(int c) const;

  // Whether `any` filler f of imported frame `rule` reads only the of-phrase right after the
  // direct object: the rule is a verb's own code of a comment or a protest (CAMEO 01x, 14x; no
  // pattern) and its direct object names no entity. A comment's target is who or what it
  // addresses, a protest's whom it is against; the phrases after a topic are the topic's
  // ("addressed the worsening crisis in Burma", "addressed the nation on our response to Hamas'
  // attacks against Israel", "demonstrated its lack of knowledge about the Japanese
  // government"), not an of-phrase right after it, which names whom ("will address a joint
  // session of Congress").
  bool CommentTopic(const Rule& rule, const RoleFiller& f, int direct) const;

  // Whether the subject chunk of g is that of an earlier verb of convening: "A and B convened
  // the task force to discuss", "A and B convened industry leaders and discussed": the
  // convenors talk with whom they brought together, not with each other.
  bool Convenors(const VerbGroup& g, int subject_chunk) const;

  // Whether verb k of g is "help" with a direct object that opens with a verb's base form: a
  // bare infinitive ("help deliver justice after atrocities committed in Rwanda", "helped
  // expand Indonesia's system"), whose phrases are that verb's; the one helped is only the
  // owner of what it acts on. "help" is the verb that takes a bare infinitive with no object
  // before it.
  bool HelpsBareInfinitive(const VerbGroup& g, size_t k, int direct) const;

  // The chunk of the of-phrase right after chunk c among g's phrases, or -1.
  int OfPhraseAfter(const VerbGroup& g, int c) const;

  // Whether chunk c opens with a word the lexicon knows as a verb's -ing form: a gerund
  // clause ("easing sanctions on the regime"), not a noun phrase ("their meeting").
  bool OpensWithIngForm(int c) const;

  // Prepositions of place and topic, whose phrase names no party to an event.
  static bool WherePreposition(std::string_view p);

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // The person chunk set off by commas after chunk c, a title that names no person: one
  // mention of two or more words ("the Soviet leaders" as a sector of its state) or a demonym
  // and up to three words ("Soviet Ambassador"), maybe with "to/of/in" and an entity after it:
  // "Soviet Ambassador to the United States, Anatoly Dobrynin,". -1 when none.
  int TitleApposition(int c) const;

  // Whether chunk c is headed by a noun that names a part of a country's land, sea or air
  // ("border", "territory", "waters", "airspace"), so that its owner or its with-phrase names
  // the place: "on Ukraine's borders", "along the border with Ukraine".
  bool IsLandPart(int c) const;

  // Prepositions of a phrase that belongs to the noun before it: "of", "in", "to".
  static bool TopicComplement(std::string_view p);

  // Whether phrase i of g, an `any` phrase of an imported frame whose statement has CAMEO code
  // `cameo`, names no target, as PETRARCH's first actor after the verb would:
  //  - an against-phrase of a cooperation (CAMEO 03 to 08) names the adversary, not the
  //    partner ("joined the war against Great Britain");
  //  - the with-phrase of "in coordination with", "together with" (and "alongside") of any
  //    other act names who does it too ("monitor the situation in coordination with the
  //    Government of Turkiye");
  //  - an of- or in-phrase that opens with an -ing form is a clause of its own, whose actors
  //    are its verb's ("failed in its objective of capturing Kyiv");
  //  - a phrase of what is discussed or of an as-clause (InDiscussedOrAsClause).
  bool ImportedAnySkips(const VerbGroup& g, size_t i, std::string_view cameo) const;

  // Whether phrase i of g is in a chain of phrases (each chunk ending where the next phrase
  // opens) that names no party to the verb's event:
  //  - "with an extended discussion of Laos", "with substantial discussion of Russia's war
  //    against Ukraine": an of-phrase right after a noun of discussing names what is discussed,
  //    and the phrases after it are that topic's;
  //  - "look forward to the special session, as agreed at the World Health Assembly": the
  //    phrases after an as-phrase of a past participle are that reduced clause's.
  bool InDiscussedOrAsClause(const VerbGroup& g, size_t i) const;

  // Whether unit u is a word the lexicon knows only as a verb's -ed form ("agreed", "noted"),
  // no noun or adjective.
  bool IsPastParticiple(uint32_t u) const;

  const FrameSentence& sentence_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_ROLES_H_
