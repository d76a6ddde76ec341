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

#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/types.h"
#include "extract/alias_index.h"
#include "extract/rule_source.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

struct SourceLocation {
  std::string path;
  int line = 0;
};

struct EntityDef {
  Entity entity;  // label, aliases, attributes, roles; mentions == 0
  std::string acts_as;
  std::vector<std::string> adjectives;
  int priority = 0;
  int order = 0;  // definition order; later wins ties
  SourceLocation where;
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

struct CompiledPattern {
  std::unique_ptr<RE2> re;
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
  // Discover.
  EntityType creates = EntityType::kPerson;
  // Coref: true = `resolve role`, false = `resolve previous-person`.
  bool resolve_role = false;
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
// Patterns are (rule index, pattern index).
struct PatternWord {
  std::vector<uint32_t> requirements;
  std::vector<std::pair<uint32_t, uint32_t>> anchored[kRuleKindCount];  // by RuleKind
};

// A cheap hash of a word for CompiledRules::pattern_word_buckets.
inline uint32_t PatternWordBucket(std::string_view w) {
  if (w.empty()) return 0;
  const auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(w[i]));
  };
  return (byte(0) * 0x9E37u + byte(w.size() - 1) * 0x85EBu + byte(w.size() / 2) * 0xC2B3u +
          static_cast<uint32_t>(w.size()) * 0x27D5u) &
         0xFFFFu;
}

struct CompiledRules {
  std::vector<EntityDef> entities;  // sorted by id
  StringMap<uint32_t> entity_index;
  // Literal aliases by their first token (exact, or lower-cased for ignore_case).
  AliasIndex alias_index;
  std::vector<EntityPattern> entity_patterns;
  std::unique_ptr<RE2::Set> entity_pattern_set;  // null when there are no patterns
  std::vector<Rule> rules;                       // relation, discover, coref; sorted by id
  StringMap<PatternWord> pattern_words;
  // Bit PatternWordBucket(w) is set for every word of pattern_words: most words of a sentence
  // are in no pattern, and one bit test turns them away before a hash lookup.
  std::bitset<1 << 16> pattern_word_buckets;
  uint32_t requirement_count = 0;  // ids of CompiledPattern::requirements are below this
  // Patterns without an anchor word, tried on every sentence; by RuleKind.
  std::vector<std::pair<uint32_t, uint32_t>> unanchored[kRuleKindCount];
  std::vector<uint32_t> discover_rules, coref_rules;
  std::vector<std::vector<Cue>> cues;  // indexed by Modality
  // The cues by their first token, as (modality, index into cues[modality]); cues whose only
  // token takes any ending are in cues_any_start instead.
  StringMap<std::vector<std::pair<Modality, uint32_t>>> cues_by_start;
  std::vector<std::pair<Modality, uint32_t>> cues_any_start;
  // Persons by (lower-cased office, country id) of their roles, for `resolve role`.
  std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> office_holders;
  std::string fingerprint;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_COMPILED_H_
