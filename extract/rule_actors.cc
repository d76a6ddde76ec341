#include "extract/rule_actors.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/rule_pattern.h"

namespace parley::internal {
namespace {

// The properties of each block name, and where their items go.
struct ActorProperty {
  std::string_view block;
  std::string_view key;
  std::vector<Cue> ActorVocabulary::*cues;  // null: handled by name
};

constexpr std::string_view kBlockNames[] = {"collective", "speakers", "documents", "gender"};

const std::vector<ActorProperty>& Properties() {
  static const std::vector<ActorProperty> kProperties = {
      {"collective", "people", &ActorVocabulary::people},
      {"collective", "states", &ActorVocabulary::states},
      {"collective", "sides", &ActorVocabulary::sides},
      {"speakers", "anonymous", &ActorVocabulary::anonymous},
      {"speakers", "official", &ActorVocabulary::official},
      {"speakers", "bare", &ActorVocabulary::bare},
      {"documents", "joint", &ActorVocabulary::joint},
      {"documents", "kind", &ActorVocabulary::kinds},
      {"documents", "author", &ActorVocabulary::author},
      {"documents", "quoting", &ActorVocabulary::quoting},
      {"documents", "meeting", nullptr},
      {"documents", "offices", nullptr},
      {"documents", "domain", nullptr},
      {"gender", "female", &ActorVocabulary::female},
      {"gender", "male", &ActorVocabulary::male},
  };
  return kProperties;
}

// `domain gov, mil = state:united-states`.
void CompileDomain(RuleFiles* files, const RuleBlock& b, const RuleProp& p,
                   const CompiledRules& rules, ActorVocabulary* out) {
  const size_t eq = p.value.find('=');
  if (eq == std::string::npos) {
    files->Error(b, p, p.value_col, "expected 'domain TLD[, TLD...] = ENTITY-ID'");
    return;
  }
  const std::string id(TrimSpace(std::string_view(p.value).substr(eq + 1)));
  if (rules.entity_index.count(id) == 0) {
    files->Error(b, p, p.value_col + static_cast<int>(eq) + 1, "unknown entity '" + id + "'");
    return;
  }
  for (const auto& [item, col] : SplitList(std::string_view(p.value).substr(0, eq), p.value_col)) {
    if (item.empty() || item.find_first_of(" .") != std::string::npos) {
      files->Error(b, p, col, "a domain is one label without dots ('gov', 'uk')");
      continue;
    }
    out->domains[AsciiLower(item)] = id;
  }
}

CueIndex IndexCues(const std::vector<Cue>& cues) {
  CueIndex index;
  for (uint32_t i = 0; i < cues.size(); ++i) {
    const Cue& cue = cues[i];
    if (cue.tokens.empty()) continue;
    if (cue.prefix) {
      index.prefixed.push_back(i);
    } else {
      index.by_last[cue.tokens.back()].push_back(i);
    }
  }
  return index;
}

}  // namespace

void CompileActors(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out) {
  ActorVocabulary& v = out->actors;
  // Country-code domains: ISO 3166-1 alpha-2 codes (rules/gazetteer/states.rules).
  for (const EntityDef& def : out->entities) {
    if (def.entity.type != EntityType::kState) continue;
    const auto it = def.entity.attributes.find("iso2");
    if (it != def.entity.attributes.end() && it->second.size() == 2) {
      v.domains[AsciiLower(it->second)] = def.entity.id;
    }
  }
  std::vector<std::string> allowed_names(std::begin(kBlockNames), std::end(kBlockNames));
  for (const RuleBlock* b : symbols.actors_blocks) {
    if (std::find(allowed_names.begin(), allowed_names.end(), b->name) == allowed_names.end()) {
      files->Error(b->source, b->line, b->name_col,
                   "unknown actors block '" + b->name +
                       "' (expected collective, speakers, documents or gender)");
      continue;
    }
    std::vector<std::string> keys;
    for (const ActorProperty& ap : Properties()) {
      if (ap.block == b->name) keys.emplace_back(ap.key);
    }
    for (const RuleProp& p : b->props) {
      const auto ap = std::find_if(Properties().begin(), Properties().end(), [&](const auto& a) {
        return a.block == b->name && a.key == p.key;
      });
      if (ap == Properties().end()) {
        files->UnknownProperty(*b, p, keys);
        continue;
      }
      if (p.key == "domain") {
        CompileDomain(files, *b, p, *out, &v);
        continue;
      }
      if (p.key == "offices") {
        const auto it = symbols.words.find(std::string(TrimSpace(p.value)));
        if (it == symbols.words.end()) {
          files->Error(*b, p, p.value_col, "unknown word list '" + std::string(p.value) + "'");
          continue;
        }
        v.offices.insert(v.offices.end(), it->second.items.begin(), it->second.items.end());
        continue;
      }
      for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
        if (p.key == "meeting") {
          if (item.empty() || item.find(' ') != std::string::npos) {
            files->Error(*b, p, col, "a meeting predicate is one word ('met_with')");
            continue;
          }
          v.meeting.push_back(item);
          continue;
        }
        Cue cue;
        if (item.empty() || !ParseWordItem(item, &cue)) {
          files->Error(*b, p, col,
                       "empty item in actors " + b->name + " '" + std::string(p.key) + "'");
          continue;
        }
        (v.*(ap->cues)).push_back(std::move(cue));
      }
    }
  }
  std::sort(v.meeting.begin(), v.meeting.end());
  // The longest item first: "heads of state" before "state".
  for (std::vector<Cue>* list :
       {&v.people, &v.states, &v.sides, &v.anonymous, &v.official, &v.bare, &v.joint, &v.kinds,
        &v.author, &v.quoting, &v.offices, &v.female, &v.male}) {
    std::stable_sort(list->begin(), list->end(),
                     [](const Cue& a, const Cue& b) { return a.tokens.size() > b.tokens.size(); });
  }
  v.people_index = IndexCues(v.people);
  v.states_index = IndexCues(v.states);
  v.sides_index = IndexCues(v.sides);
  v.offices_index = IndexCues(v.offices);
}

}  // namespace parley::internal
