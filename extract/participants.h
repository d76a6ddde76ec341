// Collective and implicit actors (rules/README.md section 13, "Collective and implicit actors"):
// who "the leaders", "both sides", "the two countries", "we", "they", "I", "he" and "she", and an
// office noun without a country ("the President"), are in one document.
//
// A document establishes them as it goes:
//   - its country: the top-level domain of its address (a country code, or a `domain` line of
//     the `actors documents` block: "gov" is the United States);
//   - its participants: the persons its title names ("Readout of President Biden's Call with
//     Chancellor Scholz"; the author after "Statement by" is no participant), else the states
//     or bodies its title lists ("Joint Statement of the Leaders of India, Israel, ..."); then
//     every meeting sentence replaces them with the persons (or states) its meeting statements
//     join ("X met with Y and Z": a `meeting` predicate; a planned meeting only until a meeting
//     the text reports as done has set them), and an apposition ("We, the leaders of
//     A, B and C, ...") with what it names;
//   - its voices: a transcript's speaker labels ("PRESIDENT BIDEN:", "SENIOR ADMINISTRATION
//     OFFICIAL:", "Q") make the speaker "I" and the speaker's country "we" until the next label;
//     a title's author ("Statement by President Biden") is "I" elsewhere;
//   - its open list: a unit that ends with "X will:" or "X decided to:" introduces a list whose
//     items open with a verb ("Launch the Quad Fellowship"), each of which X does, planned (or
//     as the introduction's verb says: "may decide to:" hedged); the list stays open while each
//     new paragraph opens with a verb;
//   - its recent subjects: the last subjects of two or more actors ("they"), the last persons
//     who were the subject of a clause ("he", "she", with the gender titles and possessive
//     pronouns have shown), the last sentence's main-clause subject when one state,
//     organization or agreement ("It" opening the next sentence, unless of a copula or a verb
//     of seeming: "It is time", "It took years"), and the last coordinations ("the two
//     sides" = the last pair).
//
// Resolution never guesses: a collective noun needs two or more participants of its type (and
// exactly as many as its number says: "the two leaders", "both"), a pronoun an antecedent in
// the last two sentences of the same speaker's turn that agrees in number and gender; otherwise
// the chunk stays unresolved and gives no statement.
//
// Everything is per document, linear in its length: no state survives between documents.
//
// Thread-safety: one DocumentActors per document, on one thread.
#ifndef PARLEY_EXTRACT_PARTICIPANTS_H_
#define PARLEY_EXTRACT_PARTICIPANTS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/types.h"
#include "extract/clauses.h"
#include "extract/mentions.h"
#include "extract/rule_matcher.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// Entities an implicit chunk stands for, and how they were found (for `rules explain`).
struct ImplicitActors {
  std::vector<const EntityDef*> entities;
  std::string how;  // "participants from the title", "speaker's country", "" when not implicit
};

// Whether the office noun ending before unit `e` of `s` is someone else's than the document's:
// "the President of Russia", "the President-elect", "the President Biden", "the Vice President
// Dr. Phil Gordon" (a mention, "of", a hyphen or a capitalised word follows).
bool FollowedByAnother(const Tagged& s, uint32_t e);

// Whether the office noun starting at unit `b` of `s` ("the President") ends the title of
// someone else: "Special Assistant to the President", "Chief of Staff to the President" (a
// capitalised word and "to" right before it). Such a title names its holder, not the President.
bool EndsAnotherTitle(const Tagged& s, uint32_t b);

class DocumentActors {
 public:
  // REQUIRES: `doc` outlives this object.
  explicit DocumentActors(const DocState& doc) : doc_(doc) {}

  // Reads what a document establishes before its relations: its country from `url`, the persons
  // named with their offices and states, the title (the unit whose input has `title` set), the
  // speaker labels at paragraph starts. `units` are tagged (after discovery), parallel to
  // `inputs`.
  // `units` must outlive this object (OfficeHolder reads the current unit's date).
  void Establish(const std::vector<Tagged>& units, const std::vector<SentenceInput>& inputs,
                 std::string_view url);

  // Unit `i` is analysed next (coreference, then relations).
  void Begin(size_t i) { current_ = i; }

  // The actors chunk `c` of `a` stands for when it names none itself: a pronoun, or a collective
  // noun phrase that is the subject (or by-agent) of a verb group. Empty `how` when the chunk
  // is not implicit; empty `entities` when it is but stays unresolved.
  ImplicitActors Resolve(const Tagged& s, const ClauseAnalysis& a, int c) const;

  // A subject pronoun coordinated before the entity chunk `c` of `a` ("in 1967, he and Soviet
  // Premier Alexei Kosygin met"): whom the pronoun stands for, as Resolve would resolve it
  // alone. Empty `how` when `c` is no subject or no pronoun comes before it.
  ImplicitActors CoordinatedPronoun(const Tagged& s, const ClauseAnalysis& a, int c) const;

  // The person an office noun without a country ("the President", "THE VICE PRESIDENT:")
  // denotes at the current unit: among the persons the document names with that office (in its
  // text, "President Biden", or by their roles), those of the document's country when it has
  // one, the one named last before the current unit (or the only one); else the holder of the
  // office of the document's country at the current unit's date (Tagged::date). Null when that
  // is no one person.
  const EntityDef* OfficeHolder(std::string_view office) const;

  // What unit `s` (analysed as `a`, or null when no clause analysis ran) establishes for the
  // units after it: participants from its meeting statements and appositions, its subjects.
  void Observe(const Tagged& s, const ClauseAnalysis* a, const std::vector<Statement>& statements);

  // For `rules explain`: one line per implicit chunk of `a` ("  implicit ...").
  std::string Describe(const Tagged& s, const ClauseAnalysis& a) const;
  // For `rules explain`: what Establish found, one "  ..." line each.
  std::string DescribeDocument() const;

  const EntityDef* country() const { return country_; }

  // Whether a list is open (see above): the next paragraph's first unit may be one of its items
  // (Tagged::list_item).
  bool InList() const { return !list_subjects_.empty(); }
  // Who does what an item's opening verb says (VerbGroup::imperative), and how sure it is.
  const std::vector<const EntityDef*>& ListSubjects() const { return list_subjects_; }
  Modality ListModality() const { return list_modality_; }
  // Unit `i` repeats unit `j` and is not analysed: what `j` established about lists holds again.
  void Repeat(size_t j);

  // A speaker label that names its speaker as a list or the document names them ("VICE
  // PRESIDENT HARRIS:", "PRIME MINISTER LAPID:"): the label's unit and the name's tokens in it.
  struct SpeakerName {
    size_t unit = 0;
    uint32_t tok_begin = 0, tok_end = 0;
    const EntityDef* person = nullptr;
  };
  // The speaker labels Establish read that name their speaker, in unit order.
  const std::vector<SpeakerName>& speaker_names() const { return speaker_names_; }

  // True when `entity` is the state `person` represents (null: false).
  bool Represents(const EntityDef* person, const EntityDef* entity) const {
    return entity != nullptr && person != entity && StateOf(person) == entity;
  }

 private:
  // A person named in a unit, with an office ("President Biden"; "" for the name alone). Title
  // units count as unit 0.
  struct Named {
    size_t unit;
    const EntityDef* person;
    std::string office;
  };
  enum class VoiceKind : uint8_t { kNone, kPerson, kOfficial, kAnonymous };
  struct Voice {
    VoiceKind kind = VoiceKind::kNone;
    const EntityDef* person = nullptr;
    uint32_t turn = 0;  // speaker turns counted from 1; 0 outside transcripts
    // The name's tokens in the label, when the label names the person ("VICE PRESIDENT
    // HARRIS"); 0, 0 otherwise ("THE PRESIDENT", "MS. PSAKI" by a surname the text gave).
    uint32_t name_begin = 0, name_end = 0;
  };
  struct Recent {  // a set of actors and the unit it was seen in
    std::vector<const EntityDef*> entities;
    size_t unit = 0;
  };

  void ReadUnit(const Tagged& s, size_t i);
  void ReadListIntroduction(const Tagged& s, const ClauseAnalysis& a);
  void ReadTitle(const Tagged& t);
  // Makes `entities` the participants, established by `how` ("the title", "a meeting", "the
  // apposition"): participants_via_ says how and where, participants_from_ the sentence.
  void SetParticipants(std::vector<const EntityDef*> entities, std::string_view how);
  void ReadSpeakers(const std::vector<Tagged>& units, const std::vector<SentenceInput>& inputs);
  Voice SpeakerOf(std::string_view label) const;
  const EntityDef* OfficeNounAt(const Tagged& s, uint32_t u, uint32_t* end) const;

  ImplicitActors Pronoun(const Tagged& s, const ClauseAnalysis& a, uint32_t at) const;
  ImplicitActors Collective(const Tagged& s, const ClauseAnalysis& a, int c) const;
  // A number alone after "the" as a noun phrase ("The two discussed"): that many participants
  // (persons first), else the last list of that many persons; nothing otherwise.
  ImplicitActors BareNumber(const Tagged& s, const ClauseAnalysis& a, int c) const;
  // The last list of `number` actors that `fits` accepts: in the sentence before chunk c, else
  // the document's lists near it; empty when there is none.
  ImplicitActors LastList(
      const Tagged& s, const ClauseAnalysis& a, int c, int number,
      const std::function<bool(const std::vector<const EntityDef*>&)>& fits) const;
  ImplicitActors We() const;
  const EntityDef* StateOf(const EntityDef* person) const;
  // The state a national group belongs to ("American officials": the United States, its
  // `country` attribute); any other entity itself.
  const EntityDef* CountryOf(const EntityDef* e) const;
  std::vector<const EntityDef*> Persons() const;
  std::vector<const EntityDef*> States() const;
  bool Near(size_t unit) const;
  int Gender(const EntityDef* person) const;  // 1 male, -1 female, 0 unknown

  const DocState& doc_;
  const std::vector<Tagged>* units_ = nullptr;  // Establish's
  size_t current_ = 0;
  const EntityDef* country_ = nullptr;
  std::string country_via_;
  std::vector<Named> named_;
  std::map<const EntityDef*, const EntityDef*> state_of_;  // from the text: "X of STATE"
  std::map<const EntityDef*, int> gender_;                 // evidence: + male, - female
  std::set<const EntityDef*> named_gender_;  // persons whose given name was read for gender
  std::vector<const EntityDef*> participants_;
  std::string participants_via_;
  // The sentence that established the participants (0 for the title).
  size_t participants_from_ = 0;
  // Whether the participants come from a meeting the text reports as done: a meeting it looks
  // forward to ("looks forward to welcoming President X in November") no longer replaces them.
  bool participants_met_ = false;
  std::vector<const EntityDef*> authors_;
  bool official_author_ = false;
  bool joint_ = false;
  bool quoting_ = false;                    // the title says the document quotes others (`quoting`)
  const EntityDef* body_ = nullptr;         // a joint document's one body: "G7 Leaders' Statement"
  std::vector<const EntityDef*> we_;        // named by an apposition of "we"
  std::vector<const EntityDef*> joint_we_;  // a joint document's: its title's participants
  std::vector<Voice> voices_;               // per unit
  std::vector<SpeakerName> speaker_names_;
  Recent plural_;  // the last subject of two or more actors
  // The last unit whose main clause has a plural subject naming fewer than two actors
  // ("These programs will", "Dreamers are", "Dr. Sherwood-Randall, General Townsend, and Mr.
  // Maier met"): a "they" after it means that phrase, not the participants.
  size_t plural_noun_ = SIZE_MAX;
  Recent thing_;  // the unit's main-clause subject when one agreement, state or organization
  std::vector<Recent> persons_;                  // the last single-person subjects, latest last
  std::vector<Recent> lists_;                    // the last coordinations of actors, latest last
  std::vector<const EntityDef*> list_subjects_;  // the open list's; empty: none open
  Modality list_modality_ = Modality::kPlanned;
  struct Introduction {
    size_t unit = 0;
    std::vector<const EntityDef*> subjects;
    Modality modality = Modality::kPlanned;
  };
  std::vector<Introduction> introductions_;  // units that opened a list, for Repeat
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_PARTICIPANTS_H_
