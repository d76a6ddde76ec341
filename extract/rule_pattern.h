// Relation, discover and coref patterns (rules/README.md section 4): parsing to a small syntax
// tree and compiling that tree to an RE2 expression over the tagged sentence
// (tagged_sentence.h, which owns the format and the regex fragments for it).
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_RULE_PATTERN_H_
#define PARLEY_EXTRACT_RULE_PATTERN_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_compiled.h"

namespace parley::internal {

enum class SlotType {
  kPerson,
  kState,
  kOrganization,
  kGroup,
  kPlace,
  kAgreement,
  kEvent,
  kActor,
  kDemonym,
  kDate,
  kQuote,
  kText,
  kName,
  kWords,
};

struct PatternNode;
using PatternSeq = std::vector<PatternNode>;

struct PatternNode {
  // kEnd: `$` as the last element of a pattern or of an alternative, the end of the sentence.
  enum class Kind { kWord, kSlot, kRef, kGroup, kGap, kEnd };
  Kind kind = Kind::kWord;
  int offset = 0;       // byte offset of the element in the pattern text
  std::string text;     // word (as written), ref name, or the word list of a {@list} slot
  bool prefix = false;  // word*: any ending
  SlotType slot = SlotType::kPerson;
  std::optional<SlotRole> role;
  int role_offset = 0;                   // byte offset of the role name
  std::vector<PatternSeq> alternatives;  // kGroup
  int gap = 8;                           // kGap: at most this many tokens
  bool optional = false;
};

// An error at `offset` bytes into the pattern text; offset -1 means "already reported
// elsewhere" (a broken macro), so the caller adds no message.
struct PatternError {
  int offset = 0;
  std::string message;
};

// Parses `text` into `out`. Returns false with `error` set on a syntax error.
bool ParsePattern(std::string_view text, PatternSeq* out, PatternError* error);

// A word list: items as token sequences, lower-cased, longest first.
struct WordList {
  std::vector<Cue> items;
};

// Compiles a word-list item ("prime minister", "propos*") to a Cue; false when it has no
// tokens.
bool ParseWordItem(std::string_view item, Cue* out);

// Names a pattern may refer to with @name. Macros in `broken_macros` failed to compile (their
// errors were reported at their definition).
struct PatternScope {
  const std::map<std::string, WordList>* words = nullptr;
  const std::map<std::string, PatternSeq>* macros = nullptr;
  const std::set<std::string>* broken_macros = nullptr;
  // The word lists the rules mark (tagged_sentence.h, "Marked word lists"): name -> index in
  // `marks`. Null or empty: none.
  const std::map<std::string, uint32_t>* marked = nullptr;
  const MarkedLists* marks = nullptr;
};

// The most units after the second that EmittedPattern::then describes.
inline constexpr size_t kThenUnits = 3;

// The RE2 source for `seq` plus its captures and prefilter requirements.
struct EmittedPattern {
  std::string regex;
  std::vector<SlotCapture> captures;
  std::vector<uint32_t> required_bits;
  std::vector<std::string> required_words;
  // Sets of lower-cased tokens of which at least one must occur (required word lists and
  // groups of alternatives), each sorted.
  std::vector<std::vector<std::string>> required_any;
  // Nonzero when every match starts with a mention of one of these kinds (the pattern's first
  // element is a required mention slot); 0 when the start is not known.
  uint32_t start_bits = 0;
  // Nonempty when every match starts with a word unit that is one of these lower-cased tokens
  // (the pattern's first element is a required word, word list or group of them), sorted.
  std::vector<std::string> start_words;
  // Every match starts with a {name} slot (NameRegex: 1 to 4 word units that start with an ASCII
  // capital).
  bool start_name = false;
  // When every match's first element is one unit (a mention, a word, a group or list of single
  // words) or a {name}: what the unit after it is, the first unit of the second element or, when
  // that is optional, of it or of the elements after it up to the first required one. A mention
  // of one of the kinds `second_bits` (a mention slot), one of the lower-cased tokens
  // `second_words` (sorted; a word, word list or group of them), or, with `second_name`, a
  // word unit starting with an ASCII capital (a {name}). All empty when unknown.
  uint32_t second_bits = 0;
  std::vector<std::string> second_words;
  bool second_name = false;
  // When the second element is known and it and the elements after it up to some k are each
  // exactly one unit (a required mention slot, word, or group or list of single words), what
  // the units after the second are: the first unit of element 2, 3, ... k + 1 (read through
  // elements that may match nothing, as the second); `ids` are left empty. At most kThenUnits.
  std::vector<UnitCheck> then;
  // Where each capture lies in a match, in units, when that is the same in every match: each
  // capture is a required slot of the pattern's own sequence (not inside a group or macro), and
  // every element of that sequence but at most one is always the same number of units (a
  // mention slot, a word, a word list or group whose items are all that long, `$`). Empty
  // otherwise.
  std::vector<CaptureUnits> capture_units;
  // The pattern has a {name} slot, which reads capitals: `regex` is for Tagged::tagged, with
  // case-insensitive words; otherwise for Tagged::folded, with lower-case words.
  bool cased = false;
  // When the pattern names a marked list (PatternScope::marked): the same pattern for the
  // marked strings (MarkedStrings), which reads the list's marks instead of its words; empty
  // otherwise.
  std::string marked_regex;
};

// Compiles `seq` for a rule of `kind` (`in_macro`: the body of a macro, which may not bind
// roles). Checks slot types against roles and that no role is bound twice.
bool EmitPattern(const PatternSeq& seq, const PatternScope& scope, RuleKind kind, bool in_macro,
                 EmittedPattern* out, PatternError* error);

// The regex fragment matching any item of `list`, the first listed preferred
// (tagged_sentence.h CueListRegex, `fold` as there).
std::string WordListRegex(const WordList& list, bool fold);

// Names of macros `seq` refers to (directly), with their offsets.
void CollectRefs(const PatternSeq& seq, std::vector<std::pair<std::string, int>>* refs);

// "did you mean 'x'?" suffix (with a leading space) for the nearest of `candidates` within
// edit distance 2, or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_PATTERN_H_
