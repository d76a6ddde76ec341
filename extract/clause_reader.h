// The clause layer's reader (clauses.h), shared by the files that implement it:
// clause_reader.cc (units and the order of the passes), clause_chunks.cc (entity phrases,
// coordination and noun-phrase chunks), clause_groups.cc (verb groups), clause_roles.cc
// (subjects, objects, complements and clause boundaries), clause_nonfinite.cc (who does what a
// to-infinitive or a credited gerund says) and clause_nominals.cc (nominalisations).
// Internal to the clause layer: nothing
// outside those files and clauses.cc includes it.
//
// Thread-safety: one reader per sentence and thread; it reads the lexicon and the sentence.
#ifndef PARLEY_EXTRACT_CLAUSE_READER_H_
#define PARLEY_EXTRACT_CLAUSE_READER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/clauses.h"
#include "extract/lexicon.h"
#include "extract/tagged_sentence.h"

namespace parley::internal::clause_reader {

enum class Kind : uint8_t {
  kWord,       // a word token
  kPunct,      // a punctuation token
  kActor,      // person, state, organization, group
  kPlace,      // a place (maybe acting as an actor)
  kAgreement,  // agreement
  kEvent,      // event
  kDemonym,
  kDate,
  kQuote,
};

// Broad classes of entities, for coordination: members of a list are of one class.
enum EntityClass : uint8_t {
  kClassOfActor = 1,
  kClassOfPlace = 2,
  kClassOfAgreement = 4,
  kClassOfEvent = 8,
};

struct Info {
  // The unit's first token, lower-cased (ClauseReader::Lower): the clause layer compares words
  // millions of times a run, and reads them here rather than through the unit and its token.
  std::string_view lower;
  const LexEntry* lex = nullptr;
  uint32_t classes = 0;  // WordClass
  int mention = -1;
  Kind kind = Kind::kWord;
  uint8_t forms = 0;        // VerbForm union
  bool cap = false;         // a word starting with a capital letter
  bool ly = false;          // an adverb by its shape ("-ly", not a known verb form)
  bool quantifier = false;  // "all", "both" or "each" (ClauseReader::FloatingQuantifierAt)
  char punct = 0;
  uint8_t entity_class = 0;  // EntityClass bits of a mention unit
  bool negative = false;     // "didn", "won", "can" before ' t: an auxiliary with "n't"
  bool title = false;        // IsTitleWord, set at the end of Classify
  // The word after "re-" or "co-" read as the prefixed verb ("re-iterated": `lex` is the entry
  // of "reiterated"; ClauseReader::PrefixedStart).
  bool prefixed = false;
  bool verb = false;  // a verb of a verb group (set by FindGroups)
  // An entity phrase may start here (FindPhrases): an entity, a demonym, a title, "the",
  // "both", a possessive or a modifier. Set at the end of Classify.
  bool phrase_start = false;
};

// An entity phrase: titles, demonyms and determiners around one head mention.
struct Phrase {
  uint32_t begin = 0, end = 0;
  uint32_t head = 0;  // unit
  bool possessive = false;
};

}  // namespace parley::internal::clause_reader

namespace parley::internal {

// ClauseScratch's tables: the reader's, by unit and by phrase (their contents are rewritten by
// each sentence's reader).
struct ClauseScratch::Tables {
  std::vector<clause_reader::Info> info;
  std::vector<clause_reader::Phrase> phrases;
  // FindCoordination's list of one phrase at a time.
  struct Lists {
    std::vector<size_t> members;
    std::vector<std::pair<uint32_t, uint32_t>> asides;  // parentheses inside the list
    std::vector<uint8_t> by_conjunction;
    std::vector<uint8_t> closes;  // joined by "and" or "as well as", not "together with"
  } lists;
};

}  // namespace parley::internal

namespace parley::internal::clause_reader {

// Reads one tagged sentence into a ClauseAnalysis (AnalyzeClauses): Run() classifies the units,
// finds entity phrases and coordination, verb groups, then each group's roles.
class ClauseReader {
 public:
  // Works in `tables` (whatever they hold is replaced).
  ClauseReader(const Tagged& s, const Lexicon& lexicon, ClauseAnalysis* out,
               ClauseScratch::Tables* tables)
      : s_(s),
        lex_(lexicon),
        out_(out),
        n_(static_cast<uint32_t>(s.units.size())),
        info_table_(tables->info),
        phrases_(tables->phrases),
        lists_(tables->lists) {}

  void Run();

 private:
  // --- Units ---------------------------------------------------------------------------------
  std::string_view Lower(uint32_t u) const { return info_[u].lower; }
  bool Is(uint32_t u, std::string_view w) const {
    return u < n_ && info_[u].kind == Kind::kWord && info_[u].lower == w;
  }
  bool IsPunct(uint32_t u, char c) const {
    return u < n_ && info_[u].kind == Kind::kPunct && info_[u].punct == c;
  }
  bool Has(uint32_t u, uint32_t classes) const {
    return u < n_ && info_[u].kind == Kind::kWord && (info_[u].classes & classes) != 0;
  }
  bool IsEntity(uint32_t u) const {
    if (u >= n_) return false;
    const Kind k = info_[u].kind;
    return k == Kind::kActor || k == Kind::kPlace || k == Kind::kAgreement || k == Kind::kEvent;
  }
  // A word of two or more capital letters and no lower-case one: an acronym ("PA", "PLO"), never
  // an adjective.
  bool AllCaps(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord &&
           CapitalsOnly(s_.TokenText(s_.units[u].tok_begin));
  }
  // Text of two or more characters with capitals and no lower-case letter ("NATO", "U.S.").
  static bool CapitalsOnly(std::string_view w) {
    return w.size() >= 2 &&
           std::all_of(w.begin(), w.end(), [](char c) { return c < 'a' || c > 'z'; }) &&
           std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  // Adverbs that may stand inside a verb group or between a subject and its verb.
  // A quantifier floated after its subject counts as one: "They both agreed", "We all
  // express", "Japan and Korea each reaffirmed".
  bool IsAdverb(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord &&
           ((info_[u].classes & kClassAdverb) != 0 || info_[u].ly ||
            (info_[u].quantifier && FloatingQuantifierAt(u)));
  }
  // Whether the determiner at u is "all", "both" or "each" floated between a subject (a
  // pronoun, an entity or a plural noun) and a verb, an adverb or an auxiliary after it.
  bool FloatingQuantifierAt(uint32_t u) const;
  // The length in units of a time adverbial starting at u that the date finder did not make a
  // date (without a document date "Tuesday" is not one): "Tuesday", "on Tuesday", "next week",
  // "on Tuesday morning", "in recent days". 0 when there is none.
  // Asked hundreds of thousands of times a run, mostly in sentences without a time word: that
  // test is inline, the reading (TimeAdverbialFrom) not.
  uint32_t TimeAdverbialAt(uint32_t u) const { return HoldsTimeWord() ? TimeAdverbialFrom(u) : 0; }
  // TimeAdverbialAt in a sentence that holds a time word.
  uint32_t TimeAdverbialFrom(uint32_t u) const {
    uint32_t k = u;
    // "in recent days", "over the past two weeks", "in the coming months".
    if (Is(k, "in") || Is(k, "over") || Is(k, "during")) {
      uint32_t r = k + 1;
      if (Is(r, "the")) ++r;
      if (Is(r, "recent") || Is(r, "past") || Is(r, "coming") || Is(r, "last")) {
        ++r;
        if (Has(r, kClassNumber) || Is(r, "few")) ++r;
        if (Is(r, "days") || Is(r, "weeks") || Is(r, "months") || Is(r, "years")) {
          return r + 1 - u;
        }
      }
    }
    if (Is(k, "on") || Is(k, "in") || Is(k, "during") || Is(k, "at")) ++k;
    if (Has(k, kClassCalendar) || Is(k, "the")) ++k;
    if (!Has(k, kClassTime)) return 0;
    ++k;
    if (Has(k, kClassTime)) ++k;  // "Tuesday morning"
    return k - u;
  }
  // Whether a word of the sentence ends a time adverbial (TimeAdverbialAt): a time noun or
  // "days", "weeks", "months", "years". Most sentences hold none, and the clause layer asks
  // for time adverbials at many units. Set by Classify.
  bool HoldsTimeWord() const { return time_word_; }
  // Whether a word (lower-cased) is a plural time noun that ends a time adverbial.
  static bool TimePlural(std::string_view w) {
    return w.size() >= 4 && w.size() <= 6 && w.back() == 's' &&
           (w == "days" || w == "weeks" || w == "months" || w == "years");
  }
  // The first unit of a time adverbial ending at unit e (exclusive), or e when none does.
  uint32_t TimeAdverbialBefore(uint32_t e) const {
    if (!HoldsTimeWord()) return e;
    for (uint32_t len = 6; len > 0; --len) {
      if (e >= len && TimeAdverbialAt(e - len) == len) return e - len;
    }
    return e;
  }
  // A stative participle ("committed", "opposed": LexEntry::stative) at u.
  bool Stative(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord && info_[u].lex != nullptr &&
           info_[u].lex->stative;
  }
  // A noun that takes a content clause (LexEntry::content_noun) at u.
  bool ContentNoun(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord && info_[u].lex != nullptr &&
           info_[u].lex->content_noun;
  }
  // A form of a verb that takes an object and a bare infinitive ("help", "let", "make",
  // "see", "hear", "watch", "have", "bid") at u: "helped Ukraine defend itself".
  bool BareInfinitiveVerb(uint32_t u) const;
  // A participle of feeling ("concerned", "encouraged": LexEntry::experiencer) at u.
  bool Experiencer(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord && info_[u].lex != nullptr &&
           info_[u].lex->experiencer;
  }
  // A form of "remain" at u followed (adverbs between) by a stative participle or one of
  // feeling: a copula.
  bool RemainsStative(uint32_t u) const {
    if (u >= n_ || info_[u].kind != Kind::kWord || info_[u].lex == nullptr ||
        !info_[u].lex->remain) {
      return false;
    }
    uint32_t k = u + 1;
    while (IsAdverb(k)) ++k;
    return Stative(k) || Experiencer(k);
  }
  // Whether the form of "have" at u is the group's main verb, a light verb, not an auxiliary:
  // no participle or "be" follows it (adverbs between; k is the unit after them) and a light
  // verb's object (LexEntry::light_object) comes within a few words, before any punctuation or
  // function word: "had talks with", "will have a productive meeting" against "has agreed",
  // "has been", "has the tools", "must have a political horizon". Only when a `verbs` block
  // lists "have" (rules/relations/contact.rules).
  bool MainHave(uint32_t u, uint32_t k) const;
  // Whether the word at u names a means, not an agent, after "by": "by phone", "by video",
  // "by hand", "by sea".
  bool MeansNoun(uint32_t u) const;
  // Whether "by" or "between" starts at unit k, or after a date, a time adverbial or adverbs
  // and a place ("in Aqaba, Jordan,"): the agent of a participle before k ("the meeting held
  // today in Aqaba, Jordan, between A and B", "signed in 1905 by Japan and Russia").
  bool AgentPrepAt(uint32_t k) const;
  // Whether unit u is the word that opens a list item (Tagged::list_item) in a base form.
  bool ListItemVerbAt(uint32_t u) const;
  // The first unit of the word at u with its hyphenated prefix ("co-led": "co"), else u.
  uint32_t PrefixedStart(uint32_t u) const {
    return u > 2 && info_[u].prefixed && IsPunctRaw(u - 1, '-') ? u - 2 : u;
  }
  // A pronoun that can be a subject ("I", "you", "we"; not "me", "us", "them").
  bool SubjectPronoun(uint32_t u) const {
    const std::string_view w = Lower(u);
    return w == "i" || w == "you" || w == "we" || w == "he" || w == "she" || w == "they";
  }
  // Whether chunk c names no entity, or only groups ("officials", "representatives").
  bool NamesOnlyGroups(const Chunk& c) const;
  // Words a clause boundary: ; : ( ) and sentence-final punctuation.
  bool IsHardStop(uint32_t u) const {
    if (u >= n_) return true;
    if (info_[u].kind == Kind::kQuote) return false;
    if (info_[u].kind != Kind::kPunct) return false;
    const char c = info_[u].punct;
    return c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')';
  }

  // When unit u is a dash set off by spaces that opens an aside closed by another such dash
  // before `limit` ("plans - including X, as decided at the summit -, discussed"): the unit
  // of the closing dash. Otherwise u.
  uint32_t DashAsideEnd(uint32_t u, uint32_t limit) const {
    if (!IsPunct(u, '-') || Joined(u)) return u;
    for (uint32_t k = u + 1; k < limit; ++k) {
      if (IsHardStop(k)) return u;
      if (IsPunct(k, '-') && !Joined(k)) return k;
    }
    return u;
  }

  // Whether unit b stands inside an aside between spaced dashes ("plans - the talks that Russia
  // wanted -, and") that closes before `limit`: an odd number of spaced dashes since the last
  // hard stop before b, and one more in [b, limit).
  bool InClosedDashAside(uint32_t b, uint32_t limit) const {
    if (first_spaced_dash_ >= b) return false;
    uint32_t open = 0;
    for (uint32_t k = b; k > first_spaced_dash_ && !IsHardStop(k - 1); --k) {
      if (IsPunct(k - 1, '-') && !Joined(k - 1)) ++open;
    }
    if (open % 2 == 0) return false;
    for (uint32_t k = b; k < limit && !IsHardStop(k); ++k) {
      if (IsPunct(k, '-') && !Joined(k)) return true;
    }
    return false;
  }

  // Unit e - 1 closes parentheses set off after an entity ("the United Arab Emirates (UAE), and
  // the United States,"; "Winston Churchill (replaced on July 26 by Clement Attlee), and"):
  // returns the unit of their "(", from which a walk back over a list goes on. Returns e when
  // unit e - 1 is no such ")".
  uint32_t AsideStartBefore(uint32_t e) const;

  void Classify();
  // Whether no white space stands before unit u.
  bool Joined(uint32_t u) const { return !s_.tokens[s_.units[u].tok_begin].space_before; }
  bool IsPunctRaw(uint32_t u, char c) const {
    if (s_.units[u].mention >= 0) return false;
    const Token& t = s_.tokens[s_.units[u].tok_begin];
    return t.end - t.begin == 1 && s_.text[t.begin] == c;
  }
  std::string_view LowerRaw(uint32_t u) const {
    if (s_.units[u].mention >= 0) return {};
    return s_.LowerToken(s_.units[u].tok_begin);
  }

  // --- Entity phrases --------------------------------------------------------------------------
  // A capitalised word that may be a title inside a name phrase ("Prime", "Minister"): not a
  // closed-class word and not a finite verb form ("Rejects", "Signed" in a title-case headline).
  // Asked at most units of a sentence, and so answered once for each by Classify (TitleWord).
  bool IsTitleWord(uint32_t u) const { return info_[u].title; }
  static bool TitleWord(const Info& i);
  // Info::phrase_start of a word unit, from its final classes and title.
  static bool PhraseStartWord(const Info& i) {
    return i.title || (i.classes & (kClassPossessive | kClassModifier)) != 0 || i.lower == "the" ||
           i.lower == "both";
  }
  // The length of a run of one to three lower-case nouns at u that ends right before a title
  // word or a person: "leader" in "Soviet leader Joseph Stalin". 0 when there is none.
  uint32_t LowerOfficeRun(uint32_t u) const;

  // A possessive after unit u: "'s" or a bare "'" after a word ending in s. Returns its length
  // in units (0 when there is none).
  uint32_t PossessiveAt(uint32_t u) const;
  // A lower-case word the lexicon knows nothing of (no class, no verb form, no -ly), false past
  // the end: in a noun phrase before a name, an adjective ("the evil awful Gondor").
  bool UnknownWord(uint32_t u) const;

  void FindPhrases();

  // --- Coordination ----------------------------------------------------------------------------
  // The phrase starting at unit u, or -1.
  int PhraseAt(uint32_t u) const;

  uint8_t ClassOf(const Phrase& p) const { return info_[p.head].entity_class; }

  // Whether a comma joins phrase `a` to the list of `b`: both of one kind (places with places,
  // persons with persons), and `a` is not the object of a clause-initial preposition ("In
  // Moscow, Putin and Abe met").
  bool CommaJoins(const Phrase& a, const Phrase& b, bool a_first) const;

  void FindCoordination();

  // Whether unit b is inside a clause-initial prepositional or subordinate phrase that no
  // comma has closed yet: "As a step towards the goals of [b]".
  bool InIntroductoryPhrase(uint32_t b) const;

  // The entity chunk ending at unit e (exclusive), or -1.
  int ChunkEndingAt(uint32_t e) const;
  // The one-member chunk of the list member that ends at unit e, right before an aside in
  // parentheses (FindCoordination; the member's units belong to the list's chunk), or -1.
  int MemberBeforeAside(uint32_t e) const;

  // A chunk for the noun phrase starting at unit u: an entity chunk that starts there (and is
  // not a possessive), or a noun chunk whose owners are the entity chunks and demonyms inside it.
  // Returns -1 when no noun phrase starts at u.
  int ChunkAt(uint32_t u);
  bool IsDigits(uint32_t u) const {
    if (u >= n_ || info_[u].kind != Kind::kWord) return false;
    const std::string_view w = Lower(u);
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  bool IsCurrency(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kPunct && info_[u].punct == '$';
  }
  // The entity classes all members of a chunk share.
  uint8_t ChunkClass(const Chunk& c) const;
  static uint8_t EntityClassOf(const Mention& m);
  // A noun that names the kind of an entity of class `cls` after its name.
  bool IsKindNoun(uint32_t u, uint8_t cls) const;
  // Whether an entity chunk before a noun modifies it ("the US offer", "a Russian proposal"):
  // one state, organization or group, after a determiner.
  bool Modifies(const Chunk& c) const;
  // Whether a list of entities shares the noun at unit u as its modifiers ("met with U.S. and
  // EU stakeholders": the stakeholders, not the two governments): two or more states or
  // organizations, the object of a preposition, before a lower-case noun that is no verb form
  // here. (Right after a verb the list may be its first object: "provided Ukraine and Moldova
  // assistance"; so may a single name without a determiner: "gave Ukraine assistance".)
  bool SharesNoun(const Chunk& c, uint32_t u) const;
  // Whether unit u is a hyphen written without spaces between an entity and an entity chunk
  // that a noun follows ("the U.S.-ASEAN health meeting", "the Japan-ROK agreement"): the two
  // entities modify that noun's phrase together.
  bool HyphenJoinsEntities(uint32_t u) const;
  // A noun chunk whose head is unit e - 1 (a noun word): its modifiers and determiner before
  // (the "s" of a possessive before them excluded), and the owners coordinated before a demonym
  // ("the U.S. and Israeli delegations"). With `possessor_owns`, the entity before that
  // possessive owns the chunk: a subject ("Eriador's death toll has risen"); elsewhere the owner
  // of a noun before a reduced relative is no role of its verb ("DOJ's operation, led by").
  int NounChunkEndingAt(uint32_t e, bool possessor_owns = false);
  // Whether unit u is a demonym, or a mention of a state or organization, that may own a noun
  // in a coordination of owners.
  bool CoordinatedOwner(uint32_t u) const;

  int AddChunk(Chunk chunk);
  // A pronoun chunk of units [begin, last], headed by `last` ("we", "you and I", "his").
  int AddPronounChunk(uint32_t begin, uint32_t last);
  // A word that can be (part of) a noun: not closed-class and not a finite verb in this place.
  bool IsNounWord(uint32_t u) const;
  bool StartsNounPhrase(uint32_t u) const;
  // Whether unit u is a quotation of one to three words (hyphens allowed), no other marks:
  // scare quotes that stand for a word of a noun phrase ("a naval "quarantine" of Cuba").
  bool ShortQuote(uint32_t u) const;

  // Whether the -ing form at u follows "look forward to" ("looks forward to welcoming"): a
  // participle clause of the looker's, planned.
  bool LooksForwardTo(uint32_t u) const;
  // --- Verb groups -----------------------------------------------------------------------------
  // Whether the -ing form at unit u follows a word that opens a participle clause sharing
  // its sentence's subject: "by", "after", "before", "upon", "including", "such as", and
  // unless it opens a `list`, "while" and "when".
  bool GerundOpenerBefore(uint32_t u, bool list = false) const;
  // Whether the groups before `conjunction` ("and", "or") end with a list of participle
  // clauses, each with phrases of its own, joined by commas or conjunctions, whose first
  // follows GerundOpenerBefore(list): "including opening a new front and attacking ...".
  bool GerundListBefore(uint32_t conjunction) const;
  // Whether the verb form at u reads as a verb where it stands, given what came before it in
  // its group (`aux`: be, have, do, modal or "to" seen).
  bool Verbal(uint32_t u, uint32_t aux, bool be) const;

  // The first unit of the noun phrase that ends before unit e (exclusive) and starts with a
  // determiner, a possessive, a demonym or an entity ("the two leaders", "Russia's economy"):
  // that determiner, owner, demonym or entity; kNoUnit when the words before e are no such
  // phrase. An owner's "'s" counts only when unit e is a past form ("Russia's new mayor left";
  // "Argentina's ongoing talks" is a noun phrase).
  uint32_t DeterminedNounPhraseStart(uint32_t e) const;
  // Whether unit p ends a plural noun phrase without a determiner that opens its clause, at
  // most two plain words long ("In the discussion, leaders", "Senior officials"): the subject
  // of a verb after it. Not after "and" ("trade and investments" may be a list).
  bool BarePluralSubjectAt(uint32_t p) const;

  // Whether the comma at p closes a parenthetical that follows an entity chunk, a pronoun or a
  // determined noun phrase (OpeningNounPhraseBefore) at the start of a clause: "Putin, who has
  // never been to Tokyo, met", "We, the leaders of A and B, oppose", "The treaty, signed in
  // 1977, stated". Commas inside a coordinated chunk are not the opening one.
  bool ClosesParenthetical(uint32_t p) const;

  // The start of a noun phrase that names no entity, opens a clause with a determiner and ends
  // right before the comma at `open` ("The treaty, signed in 1977,", "The second, called the
  // Panama Canal Treaty,"); kNoUnit otherwise.
  uint32_t OpeningNounPhraseBefore(uint32_t open) const;

  // When chunk `agent` is the by-agent of a reduced relative of leading ("led", "headed",
  // "spearheaded", "commanded by") whose noun phrase opens the clause, before group gi: that
  // noun phrase's chunk ("a coup led by Colonel Omar Torrijos deposed Arias": the
  // leader acts for the coup); -1 otherwise.
  int LedPhrase(int agent, size_t gi) const;
  // "One of Carter's greatest accomplishments was negotiating the treaties", "Truman's goal was
  // containing Soviet power" (and "was to limit": FindInfinitiveSubjects): a noun of an achievement
  // or an aim, owned by an actor and naming no entity, as the subject of "be" and a gerund stands
  // for its owner (VerbGroup::owner_subject), who did what the gerund says, or means to (an aim:
  // planned).
  void OwnerOfAchievement(VerbGroup* g) const;
  // 1 when chunk c, naming no entity and owned by one, is headed by a noun of what someone did
  // ("accomplishment", "achievement", "legacy"), 2 by a noun of what someone means to do
  // ("goal", "aim", "priority", "mission"), else 0.
  int AchievementNoun(int c) const;
  // Makes noun chunk `noun`, of AchievementNoun kind `kind`, g's subject through its owner (an
  // aim: planned).
  void OwnerActs(VerbGroup* g, int noun, int kind) const;
  // The subject of "be here" (or "there") right before the "to" at unit `to`, with an in-phrase
  // of place between ("I am here in Switzerland to stand with Ukraine"): a pronoun (not "it") or
  // an entity chunk that opens its clause; else -1.
  int BeHereSubject(uint32_t to);

  // When participle group gi names a topic of a verb of talking whose subject it would share
  // ("discussed the challenges, including climate change, ending the pandemic": an -ing form
  // after "including" or "such as" in that verb's clause): that verb's group; -1 otherwise.
  int TopicOfTalk(size_t gi) const;
  // Whether unit p is a relative pronoun that opens a clause whose verb comes next: "who", or
  // "which" after its antecedent (an entity or a noun) and a comma.
  bool RelativeOpensAt(uint32_t p) const;
  // Whether the chunk starting at unit b is a later member of a list a preposition governs ("an
  // MOU between the Lab and KRIBB"): no antecedent of a relative clause after it, which may be
  // the noun before the preposition.
  bool InPrepositionalList(uint32_t b) const;
  // Whether the verb group's finite verb is in the third person singular ("chairs", "has
  // signed", "was").
  bool SingularVerbGroup(const VerbGroup& g) const;
  // Whether the commas at `open` and `close` enclose one entity chunk in apposition to a noun
  // phrase that stands in subject position before it: "His Secretary of State, Cyrus Vance,
  // pursued", "Carter and his Secretary of State, Cyrus Vance, pursued" (the phrase opens with
  // a determiner, a possessive or an owner's "'s", at the start of a clause or after one entity
  // and "and" there).
  bool NounBeforeApposedName(uint32_t open, uint32_t close) const;
  // The chunk of the one entity between the commas at `open` and `close`, or -1.
  int ApposedName(uint32_t open, uint32_t close) const;
  // The first unit of the determined noun phrase that ends at the comma `open` ("his Secretary
  // of State", "the adviser", "Truman's Secretary of State"), or kNoUnit.
  uint32_t ApposedPhraseStart(uint32_t open) const;
  // "Carter and his Secretary of State": the actor chunk before "and" at unit start - 1, when
  // it opens a clause (ActorsBeforeAnd), or -1.
  int ActorBeforeApposedPhrase(uint32_t start) const;

  void FindGroups();
  // The last verb group so far, or the one before it when the last is a gerund of credit
  // ("thanked Lithuania for hosting U.S. forces and reiterated": "reiterated" joins "thanked").
  // REQUIRES: a group was found.
  const VerbGroup& LastPhraseVerb() const;

  // Whether a verb group may start at unit u: an auxiliary, a modal, "to" or a verb form that
  // reads as a verb there. Asked at every unit: the few that pass go on to TryGroup.
  bool StartsGroup(uint32_t u) const {
    const Info& i = info_[u];
    if (i.kind != Kind::kWord) return false;
    return (i.classes & (kClassBe | kClassHave | kClassDo | kClassModal)) != 0 || Is(u, "to") ||
           (i.forms != 0 && Verbal(u, 0, false));
  }
  // Reads the verb group starting at u, if one does; returns the unit after it.
  // REQUIRES: StartsGroup(u).
  uint32_t TryGroup(uint32_t start);
  // Whether group g is a participle clause: an -ing form with nothing before it in its group.
  bool ParticipleClause(const VerbGroup& g) const {
    return !g.verbs.empty() && g.begin == g.verbs[0].unit &&
           (info_[g.verbs[0].unit].forms & kFormIng) != 0;
  }
  // The first unit at or before q that is no adverb (0 at the latest): "and then jointly
  // signed" steps back from "signed" to "and".
  uint32_t BeforeAdverbs(uint32_t q) const {
    while (q > 0 && IsAdverb(q)) --q;
    return q;
  }
  // Whether unit k is a catenative adjective followed by "to" and a verb's base form.
  bool CatenativeAdjectiveAt(uint32_t k) const;
  static Modality ModalModality(std::string_view modal);
  // Raises every verb of g to at least planned (an aim, a passive infinitive, what is looked
  // forward to).
  static void MakePlanned(VerbGroup* g);

  // --- Roles -----------------------------------------------------------------------------------
  // Units at which a clause starts for the purpose of "subject position": the sentence start,
  // punctuation that separates clauses, subordinators, conjunctions, "that".
  bool ClauseStartBefore(uint32_t begin) const;

  // Whether the units (p, u) between two commas are a parenthetical the subject search may step
  // over: a relative clause ("who has never been to Tokyo"), a subordinate clause ("as you
  // mentioned", "if it invades"), or a phrase without a finite verb
  // (an apposition "the Japanese foreign minister", an adverbial "in 1905").
  bool Parenthetical(uint32_t p, uint32_t u) const;

  // Whether "that" at u is a demonstrative before a time noun that no verb follows: "said in
  // his statement that day, was willing" (when, not a complement clause).
  bool ThatTime(uint32_t u) const;

  // The previous verb group that a group without a subject of its own shares its subject with
  // ("discussed X, reaffirmed Y"): the nearest earlier finite group of the same clause level.
  int SharedSubject(size_t g) const;

  // When unit u opens parentheses that close before `limit` within a few units and hold no
  // verb ("(START)", "(2022)"): the unit of the closing parenthesis. Otherwise u.
  uint32_t VerblessParenthesisEnd(uint32_t u, uint32_t limit) const;

  // Whether group `gov`'s complement clause is one without a verb group of its own that opens
  // with a personal pronoun standing for gov's subject and a form of "be" before a noun phrase
  // ("Russia has demonstrated that it is an unreliable supplier ... through actions such as
  // cutting off gas"): "it" for one entity that is no person, "he"/"she" for one person,
  // "they" for a list or a group, "we" for "we". A participle clause in it is then gov's
  // subject's doing. "it is important to" (no noun phrase after "be") is no such clause.
  bool CopulaComplementOfSubject(const VerbGroup& gov) const;

  // "Bullitt and the journalist left", "the United States and partners intend": when noun
  // chunk `noun` names no entity and follows "and" after a chunk of actors that opens its
  // clause, a new chunk over both with the actors as members (the noun phrase alone would lose
  // them); else -1.
  int EntityAndNounPhrase(int noun);
  // The chunk of actors (no possessive, not in a prepositional phrase) that opens its clause
  // and ends at unit `conjunction` ("and"), or -1.
  int ActorsBeforeAnd(uint32_t conjunction) const;
  // Whether unit p is a plural noun ending a noun phrase coordinated after such actors ("the
  // United States and (its) partners"): a present form after it is their verb.
  bool PluralNounAfterActors(uint32_t p) const;

  // "the majority of the Japanese public", "most of the members": a chunk after a quantifier
  // and "of" is what the phrase is about.
  bool AfterQuantifier(uint32_t begin) const;

  // Whether what stands before unit p (a comma or a dash) at the start of a clause is a
  // pronoun or a noun phrase that names no entity: "We,", "The Big Three -".
  bool NamesNoEntity(uint32_t p) const;
  // The first unit of the noun phrase that ends before unit p.
  uint32_t ClauseStartOf(uint32_t p) const;
  // Whether what stands before unit p at the start of a clause is a chunk naming only groups
  // ("Several Allies -", "Partners,"): examples after "including" may name who it is.
  bool NamesGroupsOnly(uint32_t p) const;

  // Gives group gi the subject of the group its verb phrase is coordinated with, if any.
  void ShareSubject(size_t gi);

  void FindSubject(size_t gi);

  void FindRoles(size_t gi);

  // The antecedent chunk of the relative clause whose subject is group gi's ("the treaty that
  // Japan signed", "the islands, which Russia has controlled"), or -1: when "that", "which" or
  // "whom" stands right before that subject and does not open an earlier verb's complement
  // clause. After a comma the antecedent is an entity, or with `object_after_comma` also the
  // direct object of an earlier verb ("announced the meeting, which Begin agreed to attend").
  int RelativeAntecedent(size_t gi, bool object_after_comma = false);

  bool StartsEntity(uint32_t u) const { return out_->chunk_of[u] >= 0; }

  // Whether the last verb of group `g` takes a complement clause (without "that": `bare`).
  bool TakesClause(const VerbGroup& g, bool bare) const;
  bool VerbTakesClause(uint32_t u, bool bare) const;

  // The end of a phrase before position e once dates, time adverbials, adverbs and a place's
  // country set off by a comma ("Kyiv, Ukraine today") are stepped back over.
  uint32_t StepBackOverAsides(uint32_t e) const;
  // Whether a word "delegation(s)" stands in [b, e): the delegation acts, not its sender.
  bool DelegationBetween(uint32_t b, uint32_t e) const;

  // Whether the comma at p closes a name's suffix set off by commas: "President Joseph R.
  // Biden, Jr., spoke with" (the name is one unit with its first comma inside it): the name
  // before it is the subject of the verb after it.
  bool NameSuffixCommaAt(uint32_t p) const;

  // The object chunk starting at v: an entity chunk or a noun phrase; -1 when v starts none
  // (a preposition, a clause, punctuation).
  int ObjectAt(uint32_t v);

  // "After meeting Abe, Putin said": a participle clause before its sentence's subject takes
  // the subject of the first finite verb after it.
  void ShareWithFollowingClause();

  // A participle clause of means ("can end this war by ceasing its attacks") and the members
  // of a list of participle clauses ("by ceasing X and withdrawing Y") are as certain as the
  // verb they go with: its modality, when stronger.
  void MeansModality();

  // Groups inside an if/unless clause are conditional.
  void MarkConditional();

  // --- Non-finite complements (clause_nonfinite.cc) --------------------------------------------
  // Gives each to-infinitive group the subject of what it says, from the clause it completes
  // (the clause ends at its "to"), and makes its verbs planned at least.
  void FindInfinitiveSubjects();
  // A to-infinitive that no clause ends before, coordinated by "and" or "or" (or a comma, in a
  // list that "and" or "or" ends) with the nearest infinitive before it ("pledged to create working
  // groups, and to enter into a Memorandum"): that infinitive's subject and modality, and a
  // complement of the verb it completes (VerbGroup::more_to_clauses).
  void CoordinatedInfinitive(size_t gi);
  // Whether units [b, e) hold a clause boundary: a hard stop, a subordinator or a relative
  // pronoun (what separates two infinitives of one list may not).
  bool ClauseBoundaryIn(uint32_t b, uint32_t e) const;
  // Whether the infinitives after group gi, with nothing but their phrases between them, go on
  // to one after "and" or "or": gi is a member of a list of infinitives.
  bool InfinitiveListGoesOn(size_t gi) const;
  // Whether pp is a phrase of time: a preposition and a date ("on June 8").
  bool DatePhrase(const PrepPhrase& pp) const {
    return pp.chunk < 0 && pp.prep + 1 < n_ && info_[pp.prep + 1].kind == Kind::kDate;
  }
  // Whether noun chunk c is owned by an entity before its head noun: a possessor ("Finland's
  // contract") or a modifier right before the noun ("the U.S. offer", "the Japanese decision").
  bool OwnedNoun(const Chunk& c) const;
  // Whether the -ing form at unit u follows "for", "on" or "of" after a verb or noun of credit or
  // blame: "thanked X for convening", "extends his thanks to X for hosting", "accused X of
  // violating", "congratulated X on winning".
  // `gov` is the verb group before it.
  bool CreditedGerundAt(uint32_t u, const VerbGroup& gov) const;
  // The chunk that does what credited gerund group gi says: the entity phrase before its
  // preposition ("to His Majesty, King Abdullah II, for convening": the King), or -1; and a
  // verb of blame makes its verbs reported. REQUIRES: gi > 0 and CreditedGerundAt.
  int CreditedChunk(size_t gi);
  // Whether the last verb of group g takes a to-infinitive as its content
  // (Lexicon::InfinitiveComplement): "agreed to attend", not "used ... to defend".
  bool TakesInfinitive(const VerbGroup& g) const;
  // Whether the last verb of group g is a form of one of `lemmas`.
  bool LemmaIn(const VerbGroup& g, std::span<const std::string_view> lemmas) const;

  // --- Nominalisations (clause_nominals.cc) -----------------------------------------------------
  // Reads every noun a frame names (LexEntry::event_noun) that heads its noun phrase into
  // ClauseAnalysis::nominals.
  void FindNominals();
  // Reads the nominalisation whose noun is unit u.
  void ReadNominal(uint32_t u);
  // Whether a to-infinitive starts at unit k: "to" and a verb's base form ("to withdraw"), or
  // a prefix hyphenated to one ("to de-escalate").
  bool InfinitiveAfter(uint32_t k) const;
  // Whether "to" and an -ing form start at unit k ("a commitment to advancing").
  bool GerundAfter(uint32_t k) const;
  // Who had the meeting a noun in a prepositional phrase of a clause names, with its partner
  // in a with-phrase among units [b, k) (the noun phrase from b and its phrases): the clause's
  // subject ("after another meeting with Litvinov, Roosevelt secured"; "signed the accord
  // during talks with Egypt"), or -1. `gov` is the nearest verb group before b, or null.
  int ClauseSubjectOfPhrase(uint32_t b, uint32_t k, const VerbGroup* gov) const;

  std::string_view UnitText(uint32_t u) const { return s_.UnitsText(u, u + 1); }

  const Tagged& s_;
  const Lexicon& lex_;
  ClauseAnalysis* out_;
  const uint32_t n_;
  std::vector<Info>& info_table_;  // the scratch table of info_
  // By unit (set by Classify): a view of info_table_, which the passes read through one load
  // rather than through the reference to the scratch vector and its data.
  std::span<Info> info_;
  bool time_word_ = false;  // HoldsTimeWord()
  // Set by Classify: a word unit "if" or "unless" (MarkConditional), a word whose entry is a
  // noun a frame names (FindNominals).
  bool conditional_word_ = false;
  bool nominal_word_ = false;
  std::vector<Phrase>& phrases_;
  ClauseScratch::Tables::Lists& lists_;  // FindCoordination's
  size_t next_phrase_hint_ = 0;
  uint32_t first_spaced_dash_ = kNoUnit;  // the first dash set off by a space, or kNoUnit
};

}  // namespace parley::internal::clause_reader

#endif  // PARLEY_EXTRACT_CLAUSE_READER_H_
