// The compiled form of a rule set: what the rule compiler (rule_set.cc and the stages it runs:
// rule_file, rule_symbols, rule_entities, rule_compiler, rule_prefilter) builds and what the
// matcher (rule_matcher.cc and the stages it runs) and the self-test runner read. Internal to
// extract/: only .cc files include it, which is why it may name RE2.
//
// Thread-safety: immutable after RuleSet::Compile returns; any number of threads read it.
#ifndef PARLEY_EXTRACT_RULE_COMPILED_H_
#define PARLEY_EXTRACT_RULE_COMPILED_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <bitset>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/alias_index.h"
#include "extract/frame_index.h"
#include "extract/lexicon.h"
#include "extract/name_shape.h"
#include "extract/person_index.h"
#include "extract/rule_source.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

struct SourceLocation {
  std::string path;
  int line = 0;
};

// The days a role was held (Role::from to Role::to) as day counts (base/date.h), read from its
// dates once, when the role is added: who held an office when is asked for every role of every
// person a document names.
struct RolePeriod {
  static constexpr int64_t kNoStart = std::numeric_limits<int64_t>::min();
  static constexpr int64_t kNoEnd = std::numeric_limits<int64_t>::max();
  int64_t first = kNoStart;  // the first day of `from`; kNoStart without one
  int64_t last = kNoEnd;     // the last day of `to`; kNoEnd without one

  // The period of `role`; an empty date (or one that is no partial ISO date) leaves its side
  // open.
  static RolePeriod Of(const Role& role);
  // Whether the role was held on some day of [first_day, last_day] (day counts; a partial date
  // "1977" meets a role held during any of it).
  bool Meets(int64_t first_day, int64_t last_day) const {
    return last_day >= first && first_day <= last;
  }
  // Whether the role was held on `day` (FirstDayCount, base/date.h); false when there is none.
  bool HeldOn(std::optional<int64_t> day) const { return day && Meets(*day, *day); }
  // The latest day the role's dates name: its end, else its start; kNoStart without either.
  int64_t LastKnown() const { return last != kNoEnd ? last : first; }
};

// EntityDef::order of the entities a document defines for itself (discovered names) and of
// their aliases' mentions: the document's own names win over the lists' ones.
inline constexpr int kLocalOrder = 1 << 30;

struct EntityDef {
  Entity entity;  // label, aliases, attributes, roles; mentions == 0
  // role_periods[i] is RolePeriod::Of(entity.roles[i]): whoever adds a role adds its period.
  std::vector<RolePeriod> role_periods;
  std::string acts_as;
  // `era` lines (rules/README.md section 2): from `from` to `to` (partial ISO dates, empty for
  // open), a mention of this entity means entity `id` ("Korea" in 1905 is the Korean Empire,
  // "Russia" in 1962 the Soviet Union).
  struct Era {
    std::string id, from, to;
  };
  std::vector<Era> eras;
  std::vector<std::string> adjectives;
  int priority = 0;
  int order = 0;  // definition order; later wins ties (kLocalOrder: a document-local entity)
  SourceLocation where;
  // The last `imported_roles` of entity.roles come from the imported layer (rules/imported/,
  // layer kImportedLayer) and count only where the hand-written roles say nothing
  // (actor_codes.h).
  uint32_t imported_roles = 0;
  // Only the imported layer defines it (no hand-written block of its id).
  bool imported = false;
  // A sector view (sectors.h): `view_of` as a sentence presents it with a sector ("the French
  // government": state:france as FRAGOV; "Danish Islamist media": group:denmark-media as
  // DNKMUSMED). The view's `entity` copies view_of's id, label and type; its code is
  // `view_code`. Null for every entity of the rules.
  const EntityDef* view_of = nullptr;
  std::string view_code;
};

// The entities of a rule set, indexed as a vector. Compiling fills it (emplace_back); reading a
// snapshot (rule_snapshot.h, SetEncoded) leaves each entity encoded until it is first asked for:
// a run reads a few hundred of the imported layer's 30,000 entities, and decoding them all was a
// third of start-up. Reading is thread-safe: the first reader of an entity decodes it under a
// lock (others wait), later ones read it without one. An entity never moves: references and
// pointers into the table (data() + i) hold for its life. Compiling is single-threaded.
class EntityDefs {
 public:
  // Decodes one entity's bytes into `def` (default-constructed); false when they do not decode.
  using Decode = bool (*)(std::string_view bytes, EntityDef* def);

  EntityDefs() = default;
  EntityDefs(EntityDefs&&) = default;
  EntityDefs& operator=(EntityDefs&&) = default;

  // Compiling. REQUIRES: no SetEncoded.
  void reserve(size_t n) { defs_.reserve(n); }
  EntityDef& emplace_back() { return defs_.emplace_back(); }
  void pop_back() { defs_.pop_back(); }

  size_t size() const { return defs_.size(); }
  bool empty() const { return defs_.empty(); }
  const EntityDef& operator[](size_t i) const {
    if (lazy_ != nullptr && !lazy_->ready[i].load(std::memory_order_acquire)) DecodeOne(i);
    return defs_[i];
  }
  EntityDef& operator[](size_t i) {
    std::as_const(*this)[i];
    return defs_[i];
  }
  // The first entity, decoding nothing: `def - data()` is the index of an entity `def` got from
  // the table.
  const EntityDef* data() const { return defs_.data(); }
  // Every entity, all decoded first.
  std::vector<EntityDef>::const_iterator begin() const {
    DecodeAll();
    return defs_.begin();
  }
  std::vector<EntityDef>::const_iterator end() const { return defs_.end(); }

  // Reading a snapshot: offsets.size() - 1 entities, entity i encoded in
  // bytes[offsets[i], offsets[i + 1]) and decoded by `decode` when first asked for. `owned` holds
  // `bytes` when not null; else they must outlive the table (the executable's built-in snapshot).
  // An entity whose bytes do not decode stays empty (the checksum, or the build for the built-in
  // snapshot, rules that out; DecodeAll reports it). REQUIRES: offsets ascending from 0 to
  // bytes.size(); the table is empty.
  void SetEncoded(std::vector<uint32_t> offsets, std::string_view bytes,
                  std::unique_ptr<std::string> owned, Decode decode);
  // Decodes every entity not decoded yet; false when one does not decode.
  bool DecodeAll() const;

 private:
  struct Lazy {
    std::vector<uint32_t> offsets;
    std::string_view bytes;
    std::unique_ptr<std::string> owned;
    Decode decode = nullptr;
    std::mutex mutex;
    std::unique_ptr<std::atomic<bool>[]> ready;
    bool failed = false;  // guarded by mutex
  };
  void DecodeOne(size_t i) const;

  // Mutable: decoding fills an entity in place, once, under Lazy::mutex.
  mutable std::vector<EntityDef> defs_;
  std::unique_ptr<Lazy> lazy_;  // null: every entity is decoded (compiled rules)
};

// A sector (rules/README.md section 14): nouns that give an actor its sector ("soldiers": MIL).
struct SectorDef {
  std::string code;   // CAMEO sector code, e.g. "MIL", "GOVMED"
  std::string group;  // kind of the group entity it makes of a state ("military"); "" = the
                      // state itself ("the French government" is France)
  std::string label;  // the group label's noun: "Israeli" + " " + "military"
  SourceLocation where;
};

// One noun of a sector: lower-cased tokens, matched whole.
struct SectorNoun {
  std::vector<std::string> tokens;
  uint32_t sector = 0;
  bool before = false;  // its code comes before the owner's: "MSF Arnor" is NGOARN (`before`)
};

struct EntityPattern {
  std::unique_ptr<RE2> re;
  uint32_t entity = 0;
};

enum class SlotKind { kMention, kText, kName, kWords };

enum class SlotRole {
  kSubject,
  kObject,
  kRecipient,
  kPlace,
  kEvent,
  kTime,
  kText,
  kLabel,
  kOffice,
  kCountry,
  kAffiliation,
};
inline constexpr int kSlotRoleCount = 11;
std::string_view SlotRoleName(SlotRole role);

struct SlotCapture {
  SlotRole role;
  SlotKind kind;
  uint32_t bits = 0;   // for kMention
  bool actor = false;  // the slot type was `actor` (acts-as applies)
};

// A rule pattern's RE2 program, built the first time a sentence reaches it: building the
// programs is most of compiling a rule set (2.0 of 2.2 G instructions for the default rules),
// and a run over a few sentences reaches few of them. Copies share the program (patterns whose
// expressions are the same: RuleCompiler builds each distinct one once). Thread-safe: the
// first caller of operator-> builds it (others wait); after that it is read-only.
class LazyRegex {
 public:
  LazyRegex() = default;
  LazyRegex(std::string regex, const RE2::Options& options)
      : state_(std::make_shared<State>(std::move(regex), options)) {}

  // The program. REQUIRES: constructed with an expression.
  const RE2* operator->() const {
    std::call_once(state_->built,
                   [s = state_.get()] { s->re = std::make_unique<RE2>(s->regex, s->options); });
    return state_->re.get();
  }
  const std::string& regex() const { return state_->regex; }
  // Whether it was constructed with an expression.
  bool has_value() const { return state_ != nullptr; }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  struct State {
    State(std::string r, const RE2::Options& o) : regex(std::move(r)), options(o) {}
    std::string regex;
    RE2::Options options;
    std::once_flag built;
    std::unique_ptr<RE2> re;
  };
  std::shared_ptr<State> state_;
};

// A set of pattern words (ids of CompiledRules::pattern_words) that the matcher tests units
// against (Tagged::pattern_words): one bit per id modulo kBits turns most other words away
// before a binary search.
class PatternWordSet {
 public:
  static constexpr uint32_t kBits = 1024;
  PatternWordSet() = default;
  explicit PatternWordSet(std::vector<uint32_t> ids) : ids_(std::move(ids)) {
    std::sort(ids_.begin(), ids_.end());
    for (uint32_t id : ids_) bits_.set(id % kBits);
  }
  bool Contains(uint32_t id) const {
    return bits_.test(id % kBits) && std::binary_search(ids_.begin(), ids_.end(), id);
  }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  std::vector<uint32_t> ids_;    // sorted
  std::bitset<kBits> bits_;
};

// What one unit of every match must be (CompiledPattern::then): a mention of one of `bits`, a
// word unit starting with an ASCII capital (`name`), or one of the lower-cased tokens `words`
// (sorted; `ids` the same as pattern words, as CompiledPattern::second_ids).
struct UnitCheck {
  uint32_t bits = 0;
  std::vector<std::string> words;
  PatternWordSet ids;
  bool name = false;
};

// Where one capture of a pattern lies in every match, in units (CompiledPattern::capture_units):
// `begin` and `end` count units from the match's first unit when >= 0, else ~k counts k units
// back from one past its last.
struct CaptureUnits {
  int32_t begin = 0;
  int32_t end = 0;
};

struct CompiledPattern {
  // A pattern whose program RE2 refuses is reported at compile time (RuleCompiler builds at
  // once the few too large to be sure of).
  LazyRegex re;
  std::vector<SlotCapture> captures;        // RE2 group i+1 -> captures[i]
  std::vector<uint32_t> required_bits;      // each must intersect the sentence's mention bits
  std::vector<std::string> required_words;  // lower-cased tokens that must all occur
  // Sorted sets of lower-cased tokens; at least one of each set must occur.
  std::vector<std::vector<std::string>> required_any;
  // Ids of the word requirements above (CompiledRules::pattern_words), each of which the
  // sentence must meet.
  std::vector<uint32_t> requirements;
  // The pattern is a candidate for a sentence holding any of these tokens: the longest
  // required word, else the smallest required_any set; empty = always a candidate.
  std::vector<std::string> anchors;
  // Nonzero when every match starts at a mention of one of these kinds: the matcher then tries
  // the pattern anchored at those mentions instead of searching the whole sentence.
  uint32_t start_bits = 0;
  // Nonempty when every match starts with a word unit that is one of these lower-cased tokens
  // (sorted); `start_ids` are the same as pattern words, which the matcher tests the units'
  // Tagged::pattern_words against. The matcher then tries the pattern anchored at those words
  // only.
  std::vector<std::string> start_words;
  PatternWordSet start_ids;
  // Every match starts with a {name} slot: 1 to 4 word units starting with an ASCII capital.
  bool start_name = false;
  // What the unit after the first element (a start mention or word, or a {name}) must be
  // (EmittedPattern, rule_pattern.h): a mention of one of `second_bits`, one of `second_words`
  // (sorted; `second_ids` their pattern-word ids, as `start_ids`), or with `second_name` a word
  // unit starting with an ASCII capital; all empty when unknown. The matcher tries no start
  // whose next unit is none of them; a pattern that starts with a {name} is then tried anchored
  // at the names so followed instead of searched unanchored.
  uint32_t second_bits = 0;
  std::vector<std::string> second_words;
  PatternWordSet second_ids;
  bool second_name = false;
  // When the second element and those after it up to some k are each one unit too, what the
  // units after the second are, up to the first unit of element k + 1 (EmittedPattern::then): the
  // matcher tries no start whose units do not fit.
  std::vector<UnitCheck> then;
  // When the units of every match fix where its captures lie (each capture is an element of
  // the pattern's own, and every element but one is always the same number of units): one per
  // capture. The matcher then asks RE2 for the match alone and reads the captures off the units,
  // where RE2 would find them by backtracking through the program (some 12,000 instructions a
  // match for a program with the office titles). Empty otherwise.
  std::vector<CaptureUnits> capture_units;
  // The pattern reads capitals (a {name} slot) and runs on Tagged::tagged, with
  // case-insensitive words; false: it runs on Tagged::folded (tagged_sentence.h).
  bool cased = false;
  // When the pattern names a marked list (CompiledRules::marked_lists): the same pattern for the
  // marked strings (tagged_sentence.h, "Marked word lists"), which the matcher runs instead of
  // `re` on every sentence that has them (Marked); `re` reads the others. Empty otherwise.
  LazyRegex marked;
  int line = 0;
  std::string source;  // the pattern as written
};

struct SelfTest {
  bool counter = false;
  std::string sentence;
  int line = 0;
  std::vector<std::pair<int, std::string>> expects;  // (line, text)
};

enum class RuleKind { kRelation, kDiscover, kCoref };
std::string_view RuleKindName(RuleKind kind);

// A frame (rules/README.md section 13): a relation read from a verb and its roles in the clause
// layer (clauses.h) instead of from a token pattern.
struct FrameVerb {
  uint32_t verb = 0;                  // Lexicon verb id
  std::vector<std::string> particle;  // lower-cased words after the verb: "turn down", "call for"
  std::vector<std::string> before;    // lower-cased words right before it: "wire" of "wire tap"
};
// The verb as a frame's `verb` line names it, in words: "turn down", "wire tap".
std::string FrameVerbText(const Lexicon& lexicon, const FrameVerb& verb);

// Where a role comes from: the direct object (prep "") or a prepositional phrase (prep "to"),
// holding entities of `bits`; for a recipient also the subject of a that-clause (`that`).
struct RoleFiller {
  std::string prep;
  uint32_t bits = 0;
  bool actor = false;  // the type was `actor`: places and organizations act as what they stand for
  bool that = false;   // `that`: the subject of a that-clause
  // `... after PREP`: only the prepositional phrases after the first one of PREP ("any actor
  // after at": "warned at the border of the Prince" takes the Prince).
  std::string after;
};

// Where the statement's text comes from.
struct TextFiller {
  enum class Kind { kObject, kThat, kTo, kInfinitive, kQuote, kPrep };
  Kind kind = Kind::kObject;
  std::string prep;  // kPrep
};

// Words that occur in order after the verb (or, written before `*`, before it) in its clause:
// `refine WORDS -> CODE` refines the CAMEO code, `when WORDS` / `unless WORDS` decide whether the
// frame applies.
// A word of a `refine`, `when` or `unless` line: one word, or (`@name`) any item of a word
// list, whose words must follow one another.
struct RefineWord {
  static constexpr uint32_t kNoId = 0xffffffff;
  Cue cue;
  std::shared_ptr<const std::vector<Cue>> list;  // non-null for @name
  bool joined = false;                           // `a_b`: follows the word before it directly
  // A word's number among the distinct (token, prefix) words of every frame's lines, below
  // CompiledRules::refine_word_count (kNoId for a list or an empty cue): its key in
  // CompiledRules::frame_index (frame_index.h), which a sentence looks up once, however many
  // lines name it.
  uint32_t id = kNoId;
  // A list's number among the lists the lines name (FrameIndex::lists); kNoId for a word.
  uint32_t list_key = kNoId;
};

struct Refinement {
  std::vector<RefineWord> before, after;
  // `word_*`, `*_word`: the last word before the verb, the first after it, next to the verb.
  bool before_at_verb = false, after_at_verb = false;
  // Whether any word is joined or next to the verb (the matcher's slower path).
  bool adjacent = false;
  // The words' number among the distinct lines of every frame (words, their order and
  // joins, the flags above), below FrameIndex::pattern_count: a sentence tests each once per
  // verb, however many frames repeat it (an imported block's default frame repeats its other
  // roots' lines as `unless`).
  uint32_t pattern = 0;
  // refine only: the CAMEO code ("" when the words give only a reverse statement), the code of
  // the reverse statement from the object to the subject ("" none), the PLOVER type ("" keeps
  // the rule's).
  std::string cameo, reverse, plover;
};

struct Frame {
  std::vector<FrameVerb> verbs;
  std::vector<uint32_t> verb_ids;  // the lexicon verbs of `verbs`, sorted, once each
  // `noun`: lower-case nouns that name the frame's event ("invasion", "visit"); the clause
  // layer reads them as nominalisations (clauses.h).
  std::vector<std::string> nouns;
  // `noun-clause`: nouns that name the frame's event only with a that-clause or a
  // to-infinitive after them ("a statement that ...", "Rabin's promise to withdraw"), which is
  // their text.
  std::vector<std::string> clause_nouns;
  int line = 0;  // the first `verb` line
  uint32_t subject_bits = kActorBits;
  bool subject_actor = true;  // subject type `actor`: acts-as applies
  std::vector<RoleFiller> object, recipient;
  std::vector<TextFiller> text;
  std::vector<Cue> object_words;  // the object phrase must hold one (unless an entity object)
  uint32_t owner_bits = 0;        // `object-owner`: owners of these types are the object
  std::vector<Refinement> refine;
  std::vector<Refinement> when;    // one of them must occur (none: always)
  std::vector<Refinement> unless;  // none of them may occur
  // `form WORDS`: the frame reads its verb only where it is written as one of these (lower-case)
  // forms; `form not WORDS`: never where it is (PETRARCH's "--- LEFT ---" block reads "left",
  // its "--- LEAVE ---" block every other form of "leave").
  std::vector<std::string> only_forms, except_forms;
  // `reciprocal object|recipient`: "A and B met": each member takes the others in that role.
  enum class Reciprocal { kNone, kObject, kRecipient } reciprocal = Reciprocal::kNone;
  // `reciprocal ... only`: the frame applies only to a subject of two to five members, each
  // taking the others in that role whatever else the clause holds (PETRARCH's `% *`).
  bool reciprocal_only = false;
  // `lists none`: a list of subjects or of objects gives nothing ("Governors A and B will
  // replace C" does not say who replaces whom); `all` (the default) gives every pair.
  bool lists_none = false;
  // `reverse CODE`: each statement also gives the statement from its object to its subject
  // with this CAMEO code (CAMEO's "A:B" codes: "left for" is 032 one way, 033 the other).
  std::string reverse;
};

struct Rule {
  RuleKind kind = RuleKind::kRelation;
  std::string id;
  SourceLocation where;
  std::vector<CompiledPattern> patterns;
  std::vector<SelfTest> tests;
  std::string example_date;
  int priority = 0;
  // Relation.
  std::string predicate;
  std::string plover;
  std::string cameo;
  std::optional<Modality> modality;
  bool attach_time = true, attach_place = true, attach_event = true;
  // `attach document-date`: a standing fact (holds_office) whose time is still unbound takes
  // its context's time even in an undated document, where events do not: the paragraph's
  // latest date (extract/time_context.h).
  bool attach_document_date = false;
  // `object-from role`: a statement whose object is still unbound takes the country of the
  // subject's `role` whose office is the captured text (any office when the rule captures no
  // text) and whose dates hold the statement's time (when it has none, every such role must
  // name one country); without one there is no statement. "President Putin" in a text of 2022
  // holds the presidency of Russia (rules/README.md section 4).
  bool object_from_role = false;
  // `once document`: a claim (subject, object, text) of this rule is stated at its first
  // reading in the document only; repeating a title ("President Putin" ten times in a press
  // call) restates no standing fact.
  bool once_per_document = false;
  // Frame (a relation rule written as a `frame` block); null for others.
  std::shared_ptr<const Frame> frame;
  // From the imported layer (rule_source.h kImportedLayer): a frame that gives way to the
  // hand-written frames at a verb they read (with or without a statement) and at a direct
  // object that is an event they read or is headed by a noun they name, codes nothing at a
  // catenative (or a verb of expecting) with the verb or clause it governs, takes no direct object
  // that opens with an -ing form, codes nothing for a negated verb (unless its `modality` is fixed)
  // or in a question, and codes only events between two actors with codes, neither a prefix of the
  // other (frames.cc; rules/README.md, "The imported layer").
  bool imported = false;
  // Discover.
  EntityType creates = EntityType::kPerson;
  // Coref: true = `resolve role`, false = `resolve previous-TYPE` of this type (or, with
  // resolve_named, `resolve named-TYPE`: an entity of the document named with the match's last
  // word, mention_rules.h).
  bool resolve_role = false;
  bool resolve_named = false;
  EntityType resolve_previous = EntityType::kPerson;
};

// A list of cues by last token: the indices (ascending) of the cues whose last token is written
// out, and of those whose last token is a prefix (Cue::prefix). Made with its list, so that a
// word is compared with the cues that may end with it only.
struct CueIndex {
  std::map<std::string, std::vector<uint32_t>, std::less<>> by_last;
  std::vector<uint32_t> prefixed;
};

// The vocabulary of collective and implicit actors: the `actors` blocks (rules/README.md
// section 13, "Collective and implicit actors"), read by participants.h.
struct ActorVocabulary {
  // `actors collective`: nouns that stand for the participants a document has established, as
  // persons ("the leaders", "both presidents"), as their states ("the two countries") or as
  // they were established ("both sides").
  std::vector<Cue> people, states, sides;
  // `actors speakers`: speaker labels of transcripts that name no one (questions, moderators),
  // that name an official of the document's country, and labels written without a colon ("Q").
  std::vector<Cue> anonymous, official, bare;
  // `actors documents`: title words of a joint document, document kinds ("statement",
  // "remarks"), the words after which a title names its author ("by", "from"), the predicates
  // whose statements establish participants (a meeting or call), the office nouns ("the
  // President"), and top-level domains that name a country besides ISO 3166 country codes;
  // `quoting`: title words of a document that collects what others say ("What They Are
  // Saying"), whose "we" is theirs, not the document's country.
  std::vector<Cue> joint, kinds, author, quoting;
  std::vector<std::string> meeting;  // sorted
  std::vector<Cue> offices;
  // `people`, `states`, `sides` and `offices` by last token.
  CueIndex people_index, states_index, sides_index, offices_index;
  std::map<std::string, std::string> domains;  // top-level domain -> entity id
  // `actors gender`: titles and honorifics that say a person's gender ("Ms.", "King").
  std::vector<Cue> female, male;
};

// Hash and equality that let maps keyed by std::string be probed with a std::string_view,
// so matching never allocates a key.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

inline constexpr int kRuleKindCount = 3;
static_assert(static_cast<int>(RuleKind::kCoref) == kRuleKindCount - 1);

// What a word of a sentence means to the pattern prefilter: the word requirements it meets
// (a required word, or a set of words one of which must occur) and, per rule kind, the patterns
// it anchors, so that a sentence tries only the patterns whose rarest required word it holds.
// Patterns are indices into CompiledRules::patterns_of.
struct PatternWord {
  std::vector<uint32_t> requirements;
  std::vector<uint32_t> anchored[kRuleKindCount];  // by RuleKind
  std::vector<uint32_t> frames;                    // frame rules one of whose verbs has this form
};

// The tokens each entity pattern's matches hold (literal_regex.h RequiredTokens, interned in the
// rules' vocabulary): a sentence that holds those of no pattern needs no RE2::Set scan.
// Disabled (MayMatch always true) unless every pattern has such a token.
struct EntityPatternGate {
  static constexpr size_t kMaxTokens = 256;
  bool enabled = false;
  std::vector<uint32_t> tokens;  // sorted vocabulary ids (alias_index.tokens), at most kMaxTokens
  // Per entity pattern: the indexes into `tokens` of the tokens its matches hold, the longest
  // (its anchor) first.
  std::vector<std::vector<uint8_t>> required;
  // Bit (id % 65536) of each pattern's anchor: most sentences hold none, and are passed over by
  // one bit test per token (the default rules' vocabulary has fewer ids: no two share a bit).
  std::bitset<65536> anchor_bits;

  // False when no entity pattern can match on token boundaries of a sentence whose tokens, as
  // written, have the keys `keys` (AliasIndex::Keys' exact keys: TokenKey(id, space_before)).
  bool MayMatch(const std::vector<uint32_t>& keys) const;
};

struct CompiledRules {
  EntityDefs entities;  // sorted by id
  StringMap<uint32_t> entity_index;
  // Literal aliases by their first token (exact, or lower-cased for ignore_case). Its token
  // table is the rules' vocabulary: every alias token, and the words the other stages look up
  // by id (pattern words), so that tagging finds each sentence token once (Tagged::words) and
  // the stages after it index arrays by that id instead of hashing the token again.
  AliasIndex alias_index;
  std::vector<EntityPattern> entity_patterns;
  std::unique_ptr<RE2::Set> entity_pattern_set;  // null when there are no patterns
  EntityPatternGate entity_gate;
  // Per id of alias_index.tokens (the vocabulary complete): whether a token with that
  // lower-cased id may start a date: the word is one of DateWordSpellings (dates.h) or starts
  // with a digit; 1 for TokenTable::kAbsent (a word the vocabulary lacks). Tagging passes over a
  // token whose id has 0, without reading its text, when it looks for a sentence that may hold a
  // date. (Bytes, not std::vector<bool>: read for every token.)
  std::vector<uint8_t> date_word_ids;
  std::vector<Rule> rules;  // relation, discover, coref; sorted by id
  // The words of the patterns (their requirements, anchors and frame verbs), numbered from 1:
  // pattern_words[id - 1] is the entry of the word with id `id` (Tagged::pattern_words holds
  // each token's id, or kNoPatternWord). pattern_word_of[v] is the id of the word whose
  // vocabulary id (alias_index.tokens) is v, or kNoPatternWord; it is vocabulary-sized.
  std::vector<PatternWord> pattern_words;
  std::vector<uint32_t> pattern_word_of;
  uint32_t requirement_count = 0;  // ids of CompiledPattern::requirements are below this
  uint32_t refine_word_count = 0;  // ids of RefineWord::id are below this
  FrameIndex frame_index;          // the frames by verb, their lines' words (frame_index.h)
  // Every pattern of each RuleKind as (rule index, pattern index), in rule then pattern order:
  // PatternWord::anchored and `unanchored` name a pattern by its index here.
  std::vector<std::pair<uint32_t, uint32_t>> patterns_of[kRuleKindCount];
  // Patterns without an anchor word, tried on every sentence: bit i set for index i of
  // patterns_of (one bit per pattern of the kind); by RuleKind.
  std::vector<uint64_t> unanchored[kRuleKindCount];
  std::vector<uint32_t> discover_rules, coref_rules;
  Lexicon lexicon;                     // the clause layer's words and verbs
  std::vector<std::vector<Cue>> cues;  // indexed by Modality
  // The cues by their first token, as (modality, index into cues[modality]); cues whose only
  // token takes any ending are in cues_any_start instead.
  StringMap<std::vector<std::pair<Modality, uint32_t>>> cues_by_start;
  std::vector<std::pair<Modality, uint32_t>> cues_any_start;
  // Sectors and their nouns by first token, longest first (rule_sectors.h).
  std::vector<SectorDef> sectors;
  StringMap<std::vector<SectorNoun>> sector_nouns;
  // Per id of alias_index.tokens (the vocabulary complete): whether the word is a key of
  // sector_nouns. The sector pass passes over a token whose lower-cased id is not one without
  // hashing its text (a token the vocabulary does not know is looked up by text).
  std::vector<uint8_t> sector_noun_ids;
  StringMap<uint32_t> sector_by_group;  // group kind ("military") -> sector
  // `discard` phrases (rule_sectors.h): a sentence, or a whole document, holding one gives no
  // statements. By first token.
  StringMap<std::vector<Cue>> discard_sentence, discard_document;
  // Persons by (lower-cased office, country id) of their hand-written roles, for `resolve role`.
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> office_holders;
  ActorVocabulary actors;
  // Discovery by shape (name_discovery.h): the vocabulary, and the listed persons by
  // TransliterationKey of their full names and of their surnames.
  // The word lists the patterns read as marks (tagged_sentence.h, "Marked word lists").
  MarkedLists marked_lists;
  NameVocabulary names;
  // The listed persons by name and surname keys: flat, read without decoding (person_index.h).
  PersonIndex person_names, person_surnames;
  std::string fingerprint;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_COMPILED_H_
