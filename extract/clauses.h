// The clause layer: reads a tagged sentence (tagged_sentence.h) as clauses, between tagging and
// relations. No parser: a lexicon (lexicon.h) and local rules, in time linear in the sentence.
//
//   noun-phrase chunks  the entity mentions with what belongs to them: determiners, titles,
//                       demonyms, "of STATE" after a person ("President Xi of China"), and
//                       coordination ("A and B", "A, B and C", "both A and B", "A together
//                       with B", "A as well as B"): one chunk stands for all its members.
//                       Actors coordinated with a noun phrase that names none ("Bullitt and
//                       the journalist left", "the United States and partners intend") are a
//                       subject chunk with the actors as members. Noun phrases that name no entity
//                       ("the leaders", "Moscow's proposal") are chunks too, with their head word
//                       and owners (possessors and entity modifiers: "Moscow" in "Moscow's
//                       proposal", "US" in "a US offer"; after a preposition, every member of
//                       a list of states or bodies before a noun: "with U.S. and EU
//                       stakeholders").
//   verb groups         auxiliaries, modals, negation and adverbs with their main verb ("has
//                       not yet been signed", "is expected to visit", "wants to attack"):
//                       voice (passive: be + participle), negation, modality (modals,
//                       catenative verbs set by `modality` blocks' `verb` lines), coordinated
//                       verbs sharing the group ("signed and ratified").
//   nominalisations     a noun that a frame names (`noun` lines: "invasion", "visit", "talks")
//                       at the head of its noun phrase, with who acts (the by-phrase, the
//                       phrase's owner: "Russia's", "Soviet", "U.S."; "between A and B") and the
//                       phrases after it ("of Ukraine", "to Japan"); none where cue words
//                       before it make it prospective ("any", "no", "upcoming", "possible");
//                       modality from the verb governing it ("plans a visit": planned). A
//                       noun of content (`noun-clause`: "promise", "statement") only with its
//                       to-infinitive or that-clause ("Rabin's promise to withdraw"), which
//                       it keeps (VerbGroup::to_clause, that_clause).
//   clauses and roles   for every verb: its subject (the chunk before it, skipping adverbials,
//                       dates, parentheses and comma-enclosed relative clauses or appositions;
//                       shared with the previous verb of a coordinated verb phrase: "discussed
//                       X, reaffirmed Y, and reiterated Z"; the antecedent for "who"/"which"
//                       (a verb form right after "who" or ", which" is the relative clause's
//                       verb; a singular verb takes the last of coordinated antecedents; none
//                       that a preposition's list holds: "an MOU between A and B that");
//                       the by-agent of a passive; for a participle in a complement clause
//                       without a verb of its own, "that it is a supplier ... such as
//                       cutting", the governing subject the pronoun stands for; for "other
//                       than to V", "except to V", the clause's subject), its direct object
//                       (a second one for "offered
//                       Russia a package"), the prepositional phrases that follow it, a
//                       that-clause (and its subject), a to-infinitive and a quotation; and the
//                       extent of its clause (relative and subordinate clauses, parentheses,
//                       semicolons and quotations are boundaries).
//
// Frames (frames.h) turn verbs and their roles into statements. `parley rules explain` prints
// the analysis (DescribeClauses).
//
// Collective and implicit actors ("the leaders", "both sides", "we") are noun chunks without
// members; ResolveChunk (frames.h) resolves them through participants.h.
//
// Thread-safety: AnalyzeClauses reads the lexicon and the sentence only, and writes only its
// output (whose scratch it reuses): one ClauseAnalysis per thread.
#ifndef PARLEY_EXTRACT_CLAUSES_H_
#define PARLEY_EXTRACT_CLAUSES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/types.h"
#include "extract/lexicon.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

inline constexpr uint32_t kNoUnit = 0xFFFFFFFFu;

// A noun phrase: an entity chunk (members) or a noun chunk (head word, maybe owners).
struct Chunk {
  uint32_t begin = 0, end = 0;    // units [begin, end)
  std::vector<uint32_t> members;  // mention indices of the entities it names; coordination: all
  std::vector<uint32_t> owners;   // mention indices of possessors and entity modifiers
  uint32_t head = kNoUnit;        // a noun chunk's head word unit
  bool possessive = false;        // followed by 's: it owns the next chunk
  bool in_pp = false;             // the object of a preposition
  bool pronoun = false;           // a personal pronoun ("they", "we")
  // The owners are joined by a hyphen ("the U.S.-India Roadmap", "bilateral Japan-ROK ties"):
  // the phrase is theirs together, so none of them is the object of a verb (`object-owner`).
  bool joint_owners = false;
};

// One verb of a verb group.
struct GroupVerb {
  uint32_t unit = 0;
  std::vector<uint32_t> verbs;  // lexicon verb ids the word is a form of
  bool passive = false;         // be + participle, or a reduced relative ("signed by")
  bool coordinated = false;     // joined to the previous verb by "and"/"or": shares its roles
  Modality modality = Modality::kAsserted;  // from the group and the catenatives before it
};

struct PrepPhrase {
  uint32_t prep = 0;  // the preposition's unit
  int chunk = -1;     // the chunk it governs, or -1
};

struct VerbGroup {
  uint32_t begin = 0, end = 0;   // units, auxiliaries to the last verb
  std::vector<GroupVerb> verbs;  // the main verb, coordinated verbs, catenative chain
  bool negated = false;
  bool infinitive = false;  // starts with "to": a complement, never a claim of its own
  bool embedded = false;    // in a complement clause ("said that", "hopes Russia will")
  Modality embedded_modality = Modality::kReported;  // reported, or the governing verb's
  bool conditional = false;                          // in an if/unless clause: hedged
  // Opens a list item (Tagged::list_item) with a base form: an imperative whose subject and
  // modality are the list introduction's (DocumentActors::ListSubjects).
  bool imperative = false;
  int subject = -1;              // chunk index; a passive's is its grammatical subject
  int agent = -1;                // a passive's by-agent chunk
  std::string subject_via;       // how the subject was found (for explain)
  int object = -1;               // direct object chunk
  bool object_relative = false;  // the object is the antecedent of "that"/"which" before it
  int second_object = -1;        // "offered Russia a package": Russia is `object`, this the package
  std::vector<PrepPhrase> preps;   // in order
  uint32_t complement = 0;         // first unit after the verbs (and their particle, if any)
  uint32_t that_clause = kNoUnit;  // first unit after "that"
  int that_subject = -1;           // the that-clause's subject chunk
  uint32_t to_clause = kNoUnit;    // first unit of a to-infinitive complement ("agreed to X")
  // The first units of to-infinitives coordinated with that one ("pledged to create working
  // groups, and to enter into a Memorandum"): the verb's complements too, in order.
  std::vector<uint32_t> more_to_clauses;
  uint32_t quote = kNoUnit;                   // a quotation unit after (or right before) the verb
  uint32_t clause_begin = 0, clause_end = 0;  // units of its clause (skipped spans excluded)
  // A nominalisation ("Russia's invasion of Ukraine", "the visit of Sharon to the Temple
  // Mount", "talks between A, B and C"): `verbs` holds the noun (no lemmas; frames name their
  // nouns), `subject` the by-phrase, the noun chunk itself (its owners act: owner_subject) or
  // the between-phrase, `object` the of-phrase, `preps` the phrases after the noun.
  bool nominal = false;
  bool owner_subject = false;
  // A nominal owned by a possessor ("Putin's offer", "Russia's invasion of"): a definite phrase
  // that presupposes its event, so the modality of the clause around it (its modal, catenative,
  // complement clause, if-clause, cue words before it) does not apply; its own words still do
  // ("Putin's proposed visit"), as do verbs and nouns of prospect ("demanded Israel's
  // withdrawal", "preparations for Xi's visit").
  bool presupposed = false;
  // With a subject named by an apposition ("We, the leaders of A and B, agree"): the units of
  // what the apposition names ("We"); begin == end otherwise.
  uint32_t apposed_begin = 0, apposed_end = 0;
};

struct SkippedSpan {
  uint32_t begin = 0, end = 0;
  std::string why;
};

// Working memory of AnalyzeClauses: the clause reader's tables of the sentence's units, kept from
// one call to the next so that a document's sentences, analysed one after the other into one
// ClauseAnalysis (DocState::clauses), allocate them once. Holds nothing a later call reads.
// Moving leaves it empty; copying is not supported.
class ClauseScratch {
 public:
  struct Tables;  // clause_reader.h

  ClauseScratch();
  ~ClauseScratch();
  ClauseScratch(ClauseScratch&&) noexcept;
  ClauseScratch& operator=(ClauseScratch&&) noexcept;

  // The tables, made at the first call.
  Tables& tables();

 private:
  std::unique_ptr<Tables> tables_;
};

struct ClauseAnalysis {
  std::vector<Chunk> chunks;
  std::vector<VerbGroup> groups;
  std::vector<VerbGroup> nominals;   // nominalisations (VerbGroup::nominal), after the groups
  std::vector<SkippedSpan> skipped;  // parentheticals the subject search stepped over
  std::vector<int> chunk_of;         // per unit: the chunk it belongs to, or -1
  ClauseScratch scratch;             // AnalyzeClauses' working memory, no part of the analysis
};

// Analyses `s`. REQUIRES: `s` is built (BuildUnits).
void AnalyzeClauses(const Tagged& s, const Lexicon& lexicon, ClauseAnalysis* out);

// The analysis as `parley rules explain` prints it (lines starting with two spaces).
std::string DescribeClauses(const Tagged& s, const Lexicon& lexicon, const ClauseAnalysis& a);

// The stronger of two modalities: negated > hedged > planned > reported > asserted.
Modality Stronger(Modality a, Modality b);

// The modality a word before an event noun gives the event: "upcoming", "proposed" planned,
// "possible", "any" hedged, "no" negated; asserted for any other word. `word` is lower case.
Modality NominalCueModality(std::string_view word);

// The modality a noun gives the event its of- or for-phrase names: "the prospect of a summit",
// "the possibility of" hedged, "preparations for the visit", "plans for" planned; asserted for
// any other word. `word` is lower case.
Modality ProspectNounModality(std::string_view word);

// Whether `word` (lower case) is a noun whose of-phrase holds what it contains: "a series of
// talks", "two rounds of negotiations", "a number of agreements", "a set of measures", "thousands
// of troops", "a contingent of marines".
bool ContainerNoun(std::string_view word);

// The text of units [b, e) of `s`, or "" when empty.
std::string UnitsString(const Tagged& s, uint32_t b, uint32_t e);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_CLAUSES_H_
