// The lexicon of the clause layer: what a lower-cased word can be. Closed-class words (articles,
// prepositions, auxiliaries, modals, conjunctions, subordinators, relative pronouns, negation,
// common adverbs) are English grammar and built in; verbs come from `verbs` blocks of the rule
// files (rules/lexicon/verbs.rules, generated from the CAMEO verb dictionary) and from the
// lemmas that frames name, with regular English morphology for a lemma no block lists
// (rules/README.md section 13). A word may be several things ("plans": a noun or a form of
// "plan"); the clause layer decides in context.
//
// Thread-safety: built while compiling; immutable and shared afterwards.
#ifndef PARLEY_EXTRACT_LEXICON_H_
#define PARLEY_EXTRACT_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/types.h"
#include "extract/rule_tokens.h"

namespace parley::internal {

// Closed classes, as bits: a word may be in several ("that": determiner, relative, complementizer).
enum WordClass : uint32_t {
  kClassDeterminer = 1u << 0,    // the, a, an, this, these, any, both, each, no, ...
  kClassPossessive = 1u << 1,    // his, her, its, their, our, my, your (determiners too)
  kClassPreposition = 1u << 2,   // of, in, on, at, to, with, for, by, from, ...
  kClassConjunction = 1u << 3,   // and, or, but, nor
  kClassSubordinator = 1u << 4,  // while, because, although, if, unless, when, whereas, ...
  kClassRelative = 1u << 5,      // who, whom, whose, which
  kClassPronoun = 1u << 6,       // he, she, it, they, we, i, you, him, them, us
  kClassBe = 1u << 7,            // be, is, are, was, were, been, being, am
  kClassHave = 1u << 8,          // have, has, had, having
  kClassDo = 1u << 9,            // do, does, did
  kClassModal = 1u << 10,        // will, would, shall, should, can, could, may, might, must
  kClassNegation = 1u << 11,     // not, n't, never
  kClassAdverb = 1u << 12,       // also, again, still, yet, jointly, ... (-ly words by shape)
  kClassTo = 1u << 13,           // to (preposition or infinitive marker)
  kClassThat = 1u << 14,         // that (complementizer, relative, determiner)
  kClassNumber = 1u << 15,       // one, two, ... ten (digits are found by shape)
  kClassModifier = 1u << 16,     // former, new, then, late, current, acting, outgoing, ...
  kClassStop = 1u << 17,         // words that never start or continue a noun phrase (there, as)
  kClassTime = 1u << 18,         // weekdays and time nouns: monday, week, morning, ...
  kClassCalendar = 1u << 19,     // next, last, this, coming, past: before a time noun
};

// Forms of a verb, as bits.
enum VerbForm : uint8_t {
  kFormBase = 1,   // reject
  kFormThird = 2,  // rejects
  kFormIng = 4,    // rejecting
  kFormEd = 8,     // rejected (past and participle)
};

struct VerbSense {
  uint32_t verb = 0;  // Lexicon::Lemma(verb)
  uint8_t forms = 0;  // VerbForm bits this word is of that verb
};

struct LexEntry {
  uint32_t classes = 0;  // WordClass bits
  std::vector<VerbSense> senses;
  // A catenative adjective ("pleased", "proud", "ready" in "is proud to announce"): -1, or the
  // Modality it gives the verb after "to".
  int8_t adjective_modality = -1;
  // A participle that names a state of its subject ("we are committed to", "Japan remains
  // opposed to the plan"): without a by-agent it is read in the active voice.
  bool stative = false;
  // A participle that names a feeling of its subject ("concerned", "alarmed", "saddened"):
  // after "be" or "remain" it is read in the active voice, a by-phrase and all, which names
  // the cause, not an agent ("we are deeply concerned by the violence").
  bool experiencer = false;
  // A form of "remain": a copula before a stative participle ("remain committed to").
  bool remain = false;
  // A present form of a verb that links its subject to a participle ("remains committed to",
  // "seems determined to", "stands ready"): a verb, not a noun, before a past form.
  bool linking = false;
  // A noun some frame names as its event (`noun` lines: "invasion", "visit").
  bool event_noun = false;
  // A noun that takes a content clause: "expressed hopes that Osgiliath could be drawn in",
  // "gave assurances that" ("that" after it opens a complement clause, not a relative one).
  bool content_noun = false;
  // A noun some frame names only with its content clause after it (`noun-clause` lines: "a
  // statement that ...", "Rabin's promise to withdraw").
  bool clause_noun = false;
  // A noun some frame whose verb is "have" names as an object word ("talks", "discussion" of
  // `held-talks`): a form of "have" before it is a light verb, the main verb of its group
  // ("had a productive discussion with"), not an auxiliary.
  bool light_object = false;
  // The compound verbs whose first word this is (Lexicon::Compound ids): "wire" of "wire tap".
  std::vector<uint32_t> compounds;
};

// A verb written with words before it that belong to it (a frame's `verb wire_tap`): "Gondor
// wire tapped the links", "will not wire tap". Those words read as part of the verb group.
struct CompoundVerb {
  std::vector<std::string> before;  // lower-case words right before a form of `verb`
  uint32_t verb = 0;                // Lexicon verb id
};

// (3sg, ing, ed) of `lemma` by regular English morphology ("stop" -> stops, stopping,
// stopped; "agree" -> agrees, agreeing, agreed; "carry" -> carries, carrying, carried). The
// doubling of a final consonant is applied to one-syllable words only.
struct RegularVerbForms {
  std::string third, ing, ed;
};
RegularVerbForms RegularForms(std::string_view lemma);

// Whether a lower-case word reads as a plural noun by its ending: "programs", "countries",
// "leaders" (not "us", "this", "progress", "its", "focus").
bool PluralEnding(std::string_view lower);

class Lexicon {
 public:
  // A lexicon of the closed-class words only.
  Lexicon();

  // Adds (or extends) verb `lemma` with the given forms; a form list may be empty. Returns
  // the verb's id. Words are lower-cased ASCII as written in rule files.
  uint32_t AddVerb(std::string_view lemma, const std::vector<std::string>& third,
                   const std::vector<std::string>& ing, const std::vector<std::string>& ed);
  // The id of `lemma`, adding it with its regular forms when no block listed it.
  uint32_t Verb(std::string_view lemma);
  // The id of `lemma`, or nullopt.
  std::optional<uint32_t> FindVerb(std::string_view lemma) const;

  // What `lower` (a lower-cased word token) can be, or null when it is no known word.
  const LexEntry* Find(std::string_view lower) const {
    const uint32_t id = words_.Find(lower);
    return id == TokenTable::kAbsent ? nullptr : &entries_[id - 1];
  }
  // Interns every word of the lexicon in `vocabulary` (the rules' vocabulary,
  // CompiledRules::alias_index.tokens) and maps its ids to the lexicon's, so that FindWord reads
  // a sentence token's entry by the id tagging found for it (Tagged::words). REQUIRES: no word
  // is added to the lexicon afterwards.
  void IndexVocabulary(TokenTable* vocabulary);
  // Find for a sentence token given by its id in the vocabulary of IndexVocabulary (its text
  // `lower` is read only when IndexVocabulary never ran).
  const LexEntry* FindWord(uint32_t vocabulary_id, std::string_view lower) const {
    if (by_vocabulary_.empty()) return Find(lower);
    const uint32_t id =
        vocabulary_id < by_vocabulary_.size() ? by_vocabulary_[vocabulary_id] : TokenTable::kAbsent;
    return id == TokenTable::kAbsent ? nullptr : &entries_[id - 1];
  }
  std::string_view Lemma(uint32_t verb) const { return lemmas_[verb]; }
  // Every form of the verb (the lemma first).
  const std::vector<std::string>& Forms(uint32_t verb) const { return forms_[verb]; }
  size_t verb_count() const { return lemmas_.size(); }

  // Adds the compound verb of words `before` (lower case, at least one) right before a form of
  // `verb`; adding one twice keeps one.
  void AddCompound(const std::vector<std::string>& before, uint32_t verb);
  const CompoundVerb& Compound(uint32_t id) const { return compounds_[id]; }

  // Marks `lower` (a lower-case word) as a noun a frame names (LexEntry::event_noun).
  void AddEventNoun(std::string_view lower) { Entry(lower)->event_noun = true; }
  // Marks `lower` (a lower-case word) as a light verb's object (LexEntry::light_object).
  void AddLightObject(std::string_view lower) { Entry(lower)->light_object = true; }
  // Marks `lower` as a noun a frame names with its content clause (LexEntry::clause_noun).
  void AddClauseNoun(std::string_view lower) { Entry(lower)->clause_noun = true; }

  // Catenative verbs that give the verb after them a modality instead of being the claim
  // themselves ("wants to attack": attack, planned). Set by `modality KIND` blocks' `verb`
  // lines.
  void SetCatenative(uint32_t verb, Modality modality);
  std::optional<Modality> Catenative(uint32_t verb) const;
  // Catenative adjectives: after a form of "be" and before "to" and a verb, like a catenative
  // verb ("we are pleased to announce": announce, asserted; "Japan is ready to sign": sign,
  // planned). Set by `modality KIND` blocks' `adjective` lines; `word` is lower case.
  void SetCatenativeAdjective(std::string_view word, Modality modality);
  // Raising verbs: in the passive, their subject is the subject of the to-infinitive after
  // them, which takes the modality ("Iran is believed to have supplied drones": supplied,
  // hedged; "Gollum was seen to break in": asserted; "is said to have met": reported). Set by
  // `modality KIND` blocks' `passive` lines.
  void SetRaising(uint32_t verb, Modality modality);
  std::optional<Modality> Raising(uint32_t verb) const;

  // Verbs that take a complement clause ("said that", "hopes Russia will"): the modality of
  // the statements inside it. Set to reported for the lemmas of frames whose text comes from a
  // that-clause, and by `modality KIND` blocks' `clause` lines, which also let the clause go
  // without "that" (`bare`): "Japan hopes Russia accepts" (hedged), "Russia denied it
  // attacked" (negated). A clause line overrides a frame's reported.
  void SetComplementClause(uint32_t verb, Modality modality, bool bare);
  std::optional<Modality> ComplementClause(uint32_t verb) const;
  bool BareComplementClause(uint32_t verb) const { return clause_bare_[verb] != 0; }

  // Verbs whose to-infinitive is what they say, not what they are done for: "agreed to
  // attend", "pledged to donate", "refused to sign" (against "used the weapons to defend",
  // "took steps to improve"). Set for the lemmas of frames whose text comes from a
  // to-infinitive (`text to` or `text infinitive`).
  void SetInfinitiveComplement(uint32_t verb);
  bool InfinitiveComplement(uint32_t verb) const { return infinitive_[verb] != 0; }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  LexEntry* Entry(std::string_view word);
  void AddForm(uint32_t verb, std::string_view form, uint8_t bits);

  TokenTable words_;
  std::vector<LexEntry> entries_;  // by word id - 1
  // Vocabulary id -> word id (kAbsent for none); empty until IndexVocabulary.
  std::vector<uint32_t> by_vocabulary_;
  std::vector<std::string> lemmas_;
  std::vector<std::vector<std::string>> forms_;
  std::vector<int8_t> catenative_;    // by verb: -1, or a Modality
  std::vector<int8_t> raising_;       // by verb: -1, or a Modality
  std::vector<int8_t> clause_;        // by verb: -1, or a Modality
  std::vector<uint8_t> clause_bare_;  // by verb
  std::vector<uint8_t> infinitive_;   // by verb: 1 for SetInfinitiveComplement
  std::vector<CompoundVerb> compounds_;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_LEXICON_H_
