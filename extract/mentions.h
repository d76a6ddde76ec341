// Tagging: a normalised sentence to its tagged form (tagged_sentence.h). Finds every literal
// alias and adjective (alias_index.h), entity pattern, document-local alias (entities that
// discovery created in this document) and date, resolves overlaps (longest, then priority,
// then earliest, then the later definition: rules/README.md section 10), marks quotations and
// builds the units. Rule-made mentions (discovery and coreference) are in mention_rules.h.
//
// Thread-safety: a DocState belongs to one document on one thread.
#ifndef PARLEY_EXTRACT_MENTIONS_H_
#define PARLEY_EXTRACT_MENTIONS_H_

#include <bitset>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/actor_codes.h"
#include "extract/clauses.h"
#include "extract/rule_compiled.h"
#include "extract/tagged_sentence.h"
#include "extract/time_context.h"

namespace parley::internal {

// An alias of an entity discovered in this document ("Kenji Tanabe", and "Tanabe").
class DocumentActors;  // participants.h

struct LocalAlias {
  std::vector<std::string> tokens;
  std::vector<bool> space_before;
  const EntityDef* entity = nullptr;
};

// A mention Tag (or AddLocalMentions) may make (an alias, entity pattern, document-local alias
// or date found in the sentence), before the overlap policy has chosen among them: the fields the
// policy reads, and where the rest of the Mention comes from. Only the chosen ones are made
// Mentions.
struct TagCandidate {
  enum class Source : uint8_t { kAlias, kPattern, kLocal, kDate };
  uint32_t tok_begin = 0, tok_end = 0;
  int priority = 0;
  int order = 0;
  const EntityDef* entity = nullptr;  // null for a date
  MentionKind kind = MentionKind::kEntity;
  Source source = Source::kAlias;
  uint32_t index = 0;  // kPattern: in CompiledRules::entity_patterns; kDate: in Tagged::dates
};

// Per-sentence working memory of Tag, kept across sentences so they reuse its allocations.
struct TagScratch {
  // TokenKey of each sentence token in the alias index: as written, and lower-cased.
  std::vector<uint32_t> exact_keys, folded_keys;
  std::vector<TagCandidate> tag_candidates;  // Candidates' output
  std::vector<Mention> candidates;           // AddLocalMentions' input to ResolveOverlaps
  std::vector<uint32_t> order;               // ResolveOverlaps: candidate indices
  std::vector<uint8_t> taken;    // ResolveOverlaps: per token, covered by a kept mention
  std::vector<int> owner;        // ResolveOverlaps: per token, the kept candidate covering it
  std::vector<uint8_t> is_kept;  // ResolveOverlaps: per candidate
  std::vector<TagCandidate> local_hits;  // AddLocalMentions: the local aliases found
  std::vector<const Mention*> known;     // AddLocalMentions: the mentions but quotations
};

// A token's bit in DocState::local_key_bits, of its first and last bytes and its size.
// REQUIRES: !token.empty().
inline size_t LocalKeyBit(std::string_view token) {
  const size_t first = static_cast<unsigned char>(token.front());
  const size_t last = static_cast<unsigned char>(token.back());
  return (first * 961 + last * 31 + token.size()) & 4095;
}

// What one document's analysis knows beyond the rules: its date, and the entities discovered in
// it so far.
struct DocState {
  const CompiledRules& rules;
  std::string doc_date;
  bool trace = false;  // build the explanations (Mention::via) only for `parley rules explain`
  std::deque<EntityDef> local;
  std::map<std::string, EntityDef*> local_by_id;
  StringMap<std::vector<LocalAlias>> local_aliases;
  // A pre-test of local_aliases' keys, so that most tokens skip the hash lookup: the bit
  // (id % 4096) of each key's lower-cased vocabulary id (Tagged::words); LocalKeyBit of the
  // keys the vocabulary lacks.
  std::bitset<4096> local_id_bits;
  std::bitset<4096> local_key_bits;
  // The names AddLocalEntity (name_discovery.h) has taken in already, as a key of all it reads.
  std::unordered_set<std::string> names_seen;
  // The words the document writes in lower case (common words are not names), or null.
  const DocumentWords* words = nullptr;
  mutable TagScratch scratch;  // Tag's only; holds nothing between sentences
  // The clause analysis of the sentence Relations (statements.h) reads, kept across sentences
  // so that they reuse its allocations; AnalyzeClauses replaces it whole.
  mutable ClauseAnalysis clauses;
  // What the sector pass (sectors.h) made for this document: groups no rule defines (by id)
  // and sector views (by "view:" id, code). Mutable: the pass reads the DocState as tagging
  // does.
  mutable std::deque<EntityDef> sector_defs;
  mutable std::map<std::string, const EntityDef*> sector_index;
  // The time context at the unit being analysed (rule_matcher.cc moves it from unit to unit);
  // statement assembly takes a claim's context time from it. Null outside that pass.
  const TimeContext* time = nullptr;
  // Who collective and implicit actors are in this document (participants.h); null in contexts
  // that establish none.
  DocumentActors* actors = nullptr;
  // The claims of `once document` rules stated so far (subject, object and text), so that
  // each is stated at its first reading only. Mutable: statement assembly reads the DocState
  // as tagging does.
  mutable std::set<std::string> once_claims;
  // The actor codes statements were given (actor_codes.h), kept for the document's others.
  // Mutable: statement assembly reads the DocState as tagging does. rule_matcher.cc clears it
  // before a window's relations (discovery may have changed the document's own entities).
  mutable ActorCodeMemo actor_codes;

  // The rules' or the document's entity with this id, or null.
  const EntityDef* Find(const std::string& id) const {
    if (auto it = rules.entity_index.find(id); it != rules.entity_index.end()) {
      return &rules.entities[it->second];
    }
    if (auto it = local_by_id.find(id); it != local_by_id.end()) return it->second;
    if (auto it = sector_index.find(id); it != sector_index.end()) return it->second;
    return nullptr;
  }

  // The state a national group belongs to (its `country` attribute: "American officials" are
  // the United States'), or null for any other entity.
  const EntityDef* StateOfGroup(const EntityDef* group) const {
    if (group == nullptr || group->entity.type != EntityType::kGroup) return nullptr;
    const auto it = group->entity.attributes.find("country");
    if (it == group->entity.attributes.end()) return nullptr;
    const EntityDef* state = Find(it->second);
    return state != nullptr && state->entity.type == EntityType::kState ? state : nullptr;
  }
};

// A mention of `def` over tokens [b, e).
Mention EntityMention(const DocState& doc, const EntityDef* def, uint32_t b, uint32_t e,
                      MentionKind kind, std::string via);

// Tags `text` into `*s` (filled in place: its `words` view `s->lower`, so `*s` must not be
// moved afterwards); its relative dates resolve against `dates` (extract/time_context.h).
// REQUIRES: text.size() < 2^32.
void Tag(const DocState& doc, std::string_view text, const DateReference& dates, Tagged* s);

// Adds the document-local aliases' mentions to a sentence Tag has tagged, by the same overlap
// policy against the mentions it kept (not against every candidate it weighed: a list's alias
// that lost to a longer one stays lost), and rebuilds the units. Far cheaper than tagging
// again: no alias index, entity patterns or dates. `document_title`: `s` is the document's own
// title, where a local name other than a person's that would cover a known entity's mention is
// not added (DiscoverByShape, name_discovery.h, says why). A sentence that holds no first token
// of a local alias is left as it is. Returns whether the units changed (a word lookup of the
// sentence's units, Prefilter, no longer holds).
bool AddLocalMentions(const DocState& doc, Tagged* s, bool document_title = false);

// Gives each mention of `s` whose entity (or the entity it acts as) has an `era` holding the
// sentence's date (Tagged::date, all of it within the era) the era's entity instead: "Korea"
// in 1905 is the Korean Empire, "Moscow" acts as the Soviet Union in 1962. A sentence without
// a date keeps its mentions.
void ApplyEras(const DocState& doc, Tagged* s);

// How `parley rules explain` shows a mention unit: "{person:x}", "{date 2018-09}", ...
std::string MentionDisplay(const Mention& m, std::string_view text);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_MENTIONS_H_
