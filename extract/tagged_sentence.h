// The tagged sentence: the one representation every rule pattern runs on. The pattern compiler
// (rule_pattern.cc) writes regular expressions for it through the fragment builders below;
// tagging (mentions.cc) builds it with BuildUnits; pattern matching (pattern_match.h), the clause
// layer and statement assembly read it back with PlaceholderMention and Tagged's ranges. No
// other file knows how it is spelled. Internal to extract/: only .cc files include it.
//
// The format. A sentence is a sequence of *units*: a word unit is one token of the normalised
// sentence (rule_tokens.h), a mention unit is one kept mention (an entity, demonym, date or
// quotation) covering one or more tokens. The tagged string is
//
//   tagged      = " " unit-text " " unit-text " " ... unit-text " "
//   unit-text   = the token as written (a token "\x01" or "\x02" is written "?")
//               | "\x01" LETTERS INDEX "\x02"
//   LETTERS     = the mention's letter (kMentionLetters: P person, S state, O organization,
//                 G group, L place, A agreement, E event, J demonym, D date, Q quotation),
//                 then, for a place or organization that acts as another entity, that entity's
//                 letter ("\x01LS3\x02": a place acting as a state)
//   INDEX       = the decimal index of the mention in Tagged::mentions
//
// so every unit is preceded and followed by exactly one space, a pattern element is a regex
// that consumes its unit(s) and the space after them, and a match starts at the space before
// its first unit. Placeholders are matched by letter class. Example: "Putin met Abe in Tokyo."
// is " \x01P0\x02 met \x01P1\x02 in \x01LS2\x02 . ".
//
// Each sentence has the tagged string twice, byte for byte the same length and layout: `tagged`
// writes word units as written, `folded` with their ASCII letters lower-cased. A pattern that
// reads capitals (a `{name}` slot: NameRegex) runs on `tagged` with case-insensitive words
// ((?i:...)); every other pattern runs on `folded` with lower-case words compared exactly, which
// RE2 compiles in about half the instructions. Words compare ASCII-case-insensitively either
// way, as the prefilter's lower-cased words do.
//
// Marked word lists. A large word list that patterns name (the office titles, 135 items) would be
// spelled out, token by token, in every program of a pattern that names it, and RE2 builds a
// program in time proportional to its size. The rules mark such lists instead (MarkedLists:
// RuleCompiler marks those of at least kMarkedListItems items that patterns name and that
// MarkableList accepts), and a sentence that a pattern naming one reaches is also written with
// *marks* (Marked): the same units in the same order, a word unit at which items of a marked list
// begin followed by its mark:
//
//   marked-word = the word unit's text, then MARK when items of a marked list begin there
//   MARK        = "\x03" (LETTER DIGITS)+
//   LETTER      = 'a' + the list's index in MarkedLists::lists, the lists in ascending order
//   DIGITS      = the token counts of the list's items whose tokens are the word units from
//                 here on, longest first (each 1 to 9)
//
// so that " \x01J0\x02 vice president \x01P1\x02 " is, on the marked folded string, written
// " \x01J0\x02 vice\x03a2 president\x03a1 \x01P1\x02 ". The pattern's program for the marks
// (CompiledPattern::marked) reads a marked list as MarkedListRegex, a few instructions per item
// length instead of one per letter of every item, and lets every word of the pattern that may
// begin an item carry a mark (CueRegex and CueListRegex with `marks`). A match on the marked
// strings spans the same units as the plain program's match on the plain strings, with the same
// preferences: a marked list's items that match at a unit are tried longest first, as its tree
// tries them (MarkableList).
//
// Thread-safety: plain data and pure functions; Marked and WordUnits fill a sentence's caches
// (Tagged::marked, word_units) the first time they are asked, so a sentence is matched by one
// thread at a time.
#ifndef PARLEY_EXTRACT_TAGGED_SENTENCE_H_
#define PARLEY_EXTRACT_TAGGED_SENTENCE_H_

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/dates.h"
#include "extract/rule_tokens.h"

namespace parley::internal {

struct EntityDef;

// Mention kinds as placeholder letters in the tagged sentence; a slot type is a set of them.
enum MentionBit : uint32_t {
  kBitPerson = 1u << 0,
  kBitState = 1u << 1,
  kBitOrganization = 1u << 2,
  kBitGroup = 1u << 3,
  kBitPlace = 1u << 4,
  kBitAgreement = 1u << 5,
  kBitEvent = 1u << 6,
  kBitDemonym = 1u << 7,
  kBitDate = 1u << 8,
  kBitQuote = 1u << 9,
};
inline constexpr uint32_t kActorBits = kBitPerson | kBitState | kBitOrganization | kBitGroup;
inline constexpr char kMentionLetters[] = "PSOGLAEJDQ";

uint32_t EntityTypeBit(EntityType type);
// The placeholder letter of a single bit.
char MentionLetter(uint32_t bit);

// A word-list item or cue: lower-cased tokens, the last of which may take any ending.
struct Cue {
  std::vector<std::string> tokens;  // lower-cased
  bool prefix = false;              // last token matches any ending
};

// --- Regex fragments over the tagged string (each consumes its units and their spaces) -------

struct MarkedLists;

// One word-list item: case-insensitively (`fold`, for `tagged`), or as its lower-case tokens
// (for `folded`). With `marks`, for a marked string: a token that may begin an item of a marked
// list (MarkedLists::MayBegin) may carry a mark.
std::string CueRegex(const Cue& cue, bool fold, const MarkedLists* marks = nullptr);
// Any one of `cues` (`fold` as for CueRegex), the first listed preferred where several match:
// the alternation of their CueRegex. When that is safe, the items are written as a tree that
// spells each shared leading token once ("deputy (?:secretary (?:of state |)|prime minister )"),
// and sibling tokens whose rests are spelled the same once with that rest and their space
// ("(?:defense|finance) minister "): RE2 builds a program in time proportional to its
// instructions, so a title list of 130 items costs a quarter less. Safe means: no item takes any
// ending (Cue::prefix), and, with `fold`, every token is ASCII, so that items whose tokens differ
// never match the same words; and within each group of items sharing leading tokens, an item that
// ends there comes after those that go on (word lists are sorted by length: rule_symbols.cc), so
// the order of preference stays the items'.
// With `marks`, as CueRegex.
std::string CueListRegex(const std::vector<Cue>& cues, bool fold,
                         const MarkedLists* marks = nullptr);
// Whether a word list may be marked: every item 1 to 9 tokens long, all ASCII, none taking any
// ending, and the list written as a tree by CueListRegex (so that its items that match at a
// unit are preferred longest first, in both strings).
bool MarkableList(const std::vector<Cue>& cues);
// The least items of a word list that RuleCompiler marks.
inline constexpr size_t kMarkedListItems = 64;
// Any item of the marked list `list` (its index in MarkedLists::lists; `cues` its items), on a
// marked string: the longest first.
std::string MarkedListRegex(uint32_t list, const std::vector<Cue>& cues);
// One mention placeholder whose letters include one of `bits`.
std::string PlaceholderRegex(uint32_t bits);
// 0 to `max` units of any kind, lazily.
std::string GapRegex(int max);
// The units of a `{text}` slot: 1 to 20 units (placeholders too), none of them one of the
// punctuation tokens , ; : . ! ? ( ).
std::string TextRegex();
// The units of a `{name}` slot: 1 to 4 word units starting with a capital letter.
std::string NameRegex();
// The space every match starts at (the one before its first unit).
inline constexpr std::string_view kMatchStart = " ";

// A cheap hash of a word (from its first, middle and last byte and its length): frames turn
// away most words that no word unit of a sentence is by one bit test (frames.cc, UnitsHold).
// REQUIRES: !w.empty().
inline constexpr uint32_t kWordKeys = 1024;
inline uint16_t WordKey(std::string_view w) {
  const auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(w[i]));
  };
  const uint32_t h = byte(0) * 0x9E37u + byte(w.size() - 1) * 0x85EBu +
                     byte(w.size() / 2) * 0xC2B3u + static_cast<uint32_t>(w.size()) * 0x27D5u;
  return static_cast<uint16_t>((h >> 4) % kWordKeys);
}

// The word lists a rule set marks (the format above), in the order of their letters.
// REQUIRES of `lists`: at most kMaxLists, each MarkableList.
struct MarkedLists {
  static constexpr size_t kMaxLists = 26;
  std::vector<std::vector<Cue>> lists;

  MarkedLists() = default;
  explicit MarkedLists(std::vector<std::vector<Cue>> marked);
  bool empty() const { return lists.empty(); }
  // Whether a lower-cased token begins an item of some marked list.
  bool MayBegin(std::string_view token) const { return FirstIndex(token) != kNoFirst; }
  // The index into first_tokens of a lower-cased token, or kNoFirst.
  static constexpr uint32_t kNoFirst = 0xffffffff;
  uint32_t FirstIndex(std::string_view token) const;

  // Derived from `lists` by the constructor: the items' first tokens (distinct), for each the
  // (list, item) pairs that begin with it in list order, and an open-addressing table of their
  // indices by WordKey (kNoFirst: an empty slot; twice the tokens, at least kWordKeys slots).
  std::vector<std::string> first_tokens;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> items_of_first;
  std::vector<uint32_t> slots;
  // Set by IndexPatternWords (rule_prefilter.h), which makes every first token a pattern word:
  // per pattern word id (Tagged::pattern_words), its index into first_tokens or kNoFirst, so
  // that a sentence's tokens are looked up by the id tagging gave them. Empty: by their text.
  std::vector<uint32_t> first_of_pattern_word;
};

// --- The sentence ----------------------------------------------------------------------------

// Tagged::pattern_words of a token that is no pattern word.
inline constexpr uint32_t kNoPatternWord = TokenTable::kAbsent;

enum class MentionKind { kEntity, kDemonym, kDate, kQuote, kDiscovered, kCoref };
std::string_view MentionKindName(MentionKind kind);

struct Mention {
  uint32_t tok_begin = 0, tok_end = 0;
  MentionKind kind = MentionKind::kEntity;
  const EntityDef* entity = nullptr;
  const EntityDef* acts_as = nullptr;
  int priority = 0;
  int order = 0;
  TimeValue time;                         // dates only
  bool relative = false;                  // dates only
  bool ahead = false;                     // dates only: DateMention::ahead
  DateRole date_role = DateRole::kPoint;  // dates only
  std::string via;
  // SetLetters: the placeholder letters, the second '\0' when there is one only. Characters,
  // not a string: a mention is moved often, and every string moved costs a call.
  std::array<char, 2> letters{};
  uint32_t bits = 0;  // SetLetters
  // More actors the mention names besides `entity`: "Lawmakers and officials in Fornost" is
  // Fornost's legislature and Fornost's government (extract/sectors.h). Frames count them as
  // members of the mention's chunk.
  std::vector<const EntityDef*> also;
};

// Sets the placeholder letters of a mention (its type's, then what it acts as) and their bits.
// REQUIRES: m->entity is set unless m is a date or a quotation.
void SetLetters(Mention* m);
// True when m's letters and bits are those SetLetters gives it now (a pass may have given it
// another entity since: ApplyEras).
bool LettersCurrent(const Mention& m);

struct Unit {
  uint32_t tok_begin = 0, tok_end = 0;
  int mention = -1;  // index into Tagged::mentions, or -1 for a word unit
};

// A sentence written with the marks of the rules' marked lists (Marked).
struct MarkedStrings {
  enum class State { kUnknown, kNone, kPlain, kMarked };
  // kUnknown: not asked yet; kNone: no marks can be written (no marked lists, or the text
  // holds "\x03", or a character that (?i:) folds to an ASCII letter: the plain programs read
  // the sentence); kPlain: no item of a marked list occurs, the marked strings are the plain
  // ones; kMarked: the strings below.
  State state = State::kUnknown;
  std::string tagged, folded;          // Tagged::tagged and folded with marks
  std::vector<uint32_t> unit_offsets;  // start of each unit in them
};

// A sentence's word units whose token is a pattern word (Tagged::pattern_words), in order, with
// those pattern words: the prefilter reads the sentence's words from them (rule_prefilter.h),
// and a pattern's start or second words can only be at them (pattern matching tests these, not
// every unit: pattern_match.cc).
struct PatternWordUnits {
  // kUnknown: not asked yet; kNone: the sentence has no pattern words per token (a Tagged built
  // without rules); kKnown: `units`.
  enum class State { kUnknown, kNone, kKnown };
  State state = State::kUnknown;
  struct Entry {
    // Left unset: WordUnits sizes `units` for every unit of the sentence before it writes the
    // few, and zeroing them cost a tenth of the list.
    Entry() {}  // NOLINT(modernize-use-equals-default): = default would zero them
    Entry(uint32_t u, uint32_t w) : unit(u), id(w) {}
    uint32_t unit;  // a word unit
    uint32_t id;    // its token's pattern word
  };
  std::vector<Entry> units;  // ascending
};

// A sentence as the patterns see it.
struct Tagged {
  std::string_view text;  // the normalised sentence
  std::string lower;      // `text` with ASCII letters lower-cased, byte for byte
  std::vector<Token> tokens;
  std::vector<Mention> mentions;  // by tok_begin; non-overlapping except quotes around others
  // Entities named inside a longer mention of another type, which won the overlap: "Japan" in
  // "Japan Bank for International Cooperation", "G7" in "G7 Summit". They count as mentioned
  // but are no units.
  std::vector<const EntityDef*> inner;
  std::vector<Unit> units;
  std::vector<uint32_t> unit_offsets;  // start of each unit in `tagged`
  std::string tagged;
  std::string folded;  // `tagged` with the word units' ASCII letters lower-cased
  uint32_t bits = 0;   // union of the mentions' bits
  // `text` holds a character that (?i:) folds to an ASCII letter (the Kelvin sign, the long s):
  // a word unit may then match a case-insensitive word that its `folded` spelling is not.
  bool folds_to_ascii = false;
  // Whether `folds_to_ascii`, `markers` and `ascii` are known for `text`: BuildUnits scans the
  // text for them once (Tag notes them while it lower-cases the text), not on every rebuild.
  bool text_scanned = false;
  // `text` holds a marker byte ("\x01" or "\x02"), which BuildUnits writes as '?'.
  bool markers = false;
  // `text` is all ASCII.
  bool ascii = false;
  // Per token: the id of its lower-cased text in the rules' vocabulary
  // (CompiledRules::alias_index.tokens), or TokenTable::kAbsent. Set by Tag, which looks each
  // token up there once; the stages after it read what a word means to them by this id.
  std::vector<uint32_t> words;
  // Per token: the id of its lower-cased text among the rules' pattern words
  // (CompiledRules::pattern_words), or kNoPatternWord. Set by FindPatternWords
  // (rule_prefilter.h) when the sentence is tagged; the prefilter reads those of word units.
  std::vector<uint32_t> pattern_words;
  // Every date FindDates found in `text`, also those inside a longer mention ("the 1783 Treaty
  // of Paris"): the narrative's dates (extract/time_context.h).
  std::vector<DateMention> dates;
  // When the sentence speaks of (TimeContext::UnitTime's value): the date offices resolve
  // against; empty when unknown. Set by the caller after Tag.
  std::string date;
  // The sentence opens an item of a list that an earlier one introduced ("The Quad will:",
  // "The leaders decided to:"; DocumentActors::InList): a base form opening it is a verb, its
  // subject the introduction's ("Launch the Quad Fellowship"). Set by the caller after Tag.
  bool list_item = false;
  // The rules' marked lists (set with the rules, by the matcher: rule_matcher.cc), and the
  // sentence written with their marks, filled by Marked the first time it is asked and
  // forgotten by BuildUnits. Null: none are written, the plain programs read the sentence.
  const MarkedLists* marked_lists = nullptr;
  mutable MarkedStrings marked;
  // Filled by WordUnits the first time it is asked and forgotten by BuildUnits.
  mutable PatternWordUnits word_units;

  // A token's text (as written, lower-cased) is read millions of times a run: built from its
  // offsets directly, without substr's range check (tokens lie inside `text` by construction).
  std::string_view TokenText(uint32_t t) const {
    return std::string_view(text.data() + tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
  std::string_view LowerToken(uint32_t t) const {
    return std::string_view(lower.data() + tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
  // Normalised text of tokens [b, e).
  std::string_view Range(uint32_t b, uint32_t e) const {
    if (b >= e) return {};
    return text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
  }
  std::string_view UnitsText(size_t u0, size_t u1) const {
    if (u0 >= u1) return {};
    return Range(units[u0].tok_begin, units[u1 - 1].tok_end);
  }
  // Units covered by the tagged-string range [b, e).
  std::pair<size_t, size_t> UnitRange(size_t b, size_t e) const {
    const size_t u0 =
        std::lower_bound(unit_offsets.begin(), unit_offsets.end(), b) - unit_offsets.begin();
    const size_t u1 =
        std::lower_bound(unit_offsets.begin(), unit_offsets.end(), e) - unit_offsets.begin();
    return {u0, std::max(u0, u1)};
  }
  // Byte offset of a piece of `tagged` or `folded` (a match or capture).
  size_t Offset(const re2::StringPiece& piece) const {
    const char* const p = piece.data();
    const char* const f = folded.data();
    return p >= f && p <= f + folded.size() ? p - f : p - tagged.data();
  }
};

// Makes *s what a default-constructed Tagged is, but keeps the heap buffers of its strings and
// vectors (emptied) for the next sentence tagged into it: a thread's analyses reuse their
// sentences from window to window (rule_matcher.cc), where each sentence allocated a dozen
// buffers and freed them again.
void ClearForReuse(Tagged* s);

// Whether `text` holds a character that (?i:) folds to an ASCII letter: KELVIN SIGN (k), LATIN
// SMALL LETTER LONG S (s) (Tagged::folds_to_ascii).
bool HoldsAsciiFoldingCharacter(std::string_view text);

// Builds units, `tagged`, `folded`, `bits` and `folds_to_ascii` from `text`, `lower`, `tokens`
// and `mentions` (whose letters it sets).
void BuildUnits(Tagged* s);

// The sentence written with its marks (MarkedStrings::kPlain or kMarked), or null (kNone) when
// the plain programs must read it. Fills s.marked on the first call after BuildUnits.
const MarkedStrings* Marked(const Tagged& s);

// The sentence's word units that are pattern words, or null when it has no pattern words per
// token (Tagged::pattern_words unset). Fills s.word_units on the first call after BuildUnits.
const PatternWordUnits* WordUnits(const Tagged& s);

// The mention a placeholder (or a capture that is one) names, or null.
const Mention* PlaceholderMention(const Tagged& s, const re2::StringPiece& piece);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_TAGGED_SENTENCE_H_
