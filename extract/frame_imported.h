// The readings an imported frame leaves alone (frames.h): PETRARCH's dictionaries code a main
// verb's event between actors, and a verb of the sentence that is none is skipped before its
// roles are read: one whose direct object a hand-written frame reads or names, a clause (an -ing
// form, a bare infinitive), a verb that gives the verb it governs a modality, a participle on a
// noun, a comment or protest that is a feeling or a showing, a plural noun. Internal to the
// frames stage.
//
// Thread-safety: one per sentence and thread, like the FrameSentence it reads.
#ifndef PARLEY_EXTRACT_FRAME_IMPORTED_H_
#define PARLEY_EXTRACT_FRAME_IMPORTED_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/frame_roles.h"
#include "extract/frame_sentence.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

class ImportedVerbs {
 public:
  // REQUIRES: `sentence` and `roles` outlive this.
  ImportedVerbs(const FrameSentence& sentence, const FrameRoles& roles)
      : sentence_(sentence), roles_(roles) {}

  // Why an imported frame reads nothing at verb k of g, whose direct object (or the chunk its
  // particle governs) is chunk `direct` (-1: none), or null when it may read it. The verb is
  // left to what the hand-written frames read (a direct object holding a unit of
  // `hand_written`, the verbs and nouns they read), or supports a noun a hand-written frame
  // names; or it is no event of its own: its object is a clause, it governs a clause it gives
  // a modality, it is a participle on a noun, a comment or protest that is none, a plural noun.
  // REQUIRES: rule.imported.
  const char* ImportedSkip(const Rule& rule, const VerbGroup& g, size_t k, int direct,
                           const std::vector<uint32_t>& hand_written) const;

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // Whether chunk c opens with a verb's base form and a noun phrase after it (a determiner or
  // an entity, not its possessive): a bare infinitive read as a noun phrase ("helped establish
  // the Response Plans", "help bring Caribbean capabilities up to standards"), whose object is
  // that verb's; the owner of what it acts on is helped ("helped expand Indonesia's system").
  bool OpensWithBareInfinitive(int c) const;

  // Whether verb k of g is a catenative of the modality rules (Lexicon::Catenative: "want",
  // "seek", "decide") or a verb of expecting or believing with a complement clause
  // (ComplementClause planned or hedged: "expect", "hope"; not a verb of saying, whose
  // statement is its own event), followed by the verb, to-infinitive or clause it governs.
  // A to-phrase the clause layer read as a preposition's ("sought to destabilize East
  // Germany", "wanted to happen": verbs the lexicon does not know) counts for a catenative when
  // a lower-case word no word class claims follows "to" (ToUnknownWord).
  bool GovernsClause(const VerbGroup& g, size_t k) const;

  // Whether the verbs of g (or their direct object) are followed by "to" and a lower-case word
  // of no word class: a verb the lexicon does not know, in a to-infinitive.
  bool ToUnknownWord(const VerbGroup& g) const;

  // Whether chunk c follows a preposition of place ("in", and WherePreposition's), maybe after
  // modifiers and words of no word class ("in eastern Syria"): a reduced relative after it
  // modifies the noun before the place ("a facility in eastern Syria used by the IRGC"), not
  // the place.
  bool AfterPlacePreposition(int c) const;

  // The word before chunk c and the modifiers and words of no word class before it, and with
  // `entities` the entities among them (lower case; empty at the sentence's start or after an
  // entity).
  std::string_view WordBeforePhrase(int c, bool entities = false) const;

  // Whether chunk c, a verb's subject, is the object of a preposition ("tariffs on certain
  // Russian products imported to the United States"): the verb is a participle on that noun
  // (a reduced relative), and the phrase no subject of it. Not after a word that may open a
  // clause ("after the Soviet military shot down", "as Russia seeks").
  bool PrepositionObject(int c) const;

  // Whether verb k of g, in its -s form with no direct object, is a plural noun: its phrases are
  // followed by a form of "be" or "have", right after them or after a parenthetical set off by
  // commas ("U.S. exports to the EU were 56 bcm", "U.S. exports to Russia, including of ...,
  // have decreased"), the verb of which that noun is the subject.
  bool PluralNounBeforeVerb(const VerbGroup& g, size_t k) const;

  const FrameSentence& sentence_;
  const FrameRoles& roles_;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
  const Tagged& s_ = sentence_.s;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_IMPORTED_H_
