#include "extract/rule_entities.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/text.h"
#include "extract/actor_codes.h"
#include "extract/literal_regex.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// TrimSpace (base/text.h) from the first to the last byte that is no ASCII space, the quick
// case it passes through: `attr KEY = VALUE` has spaces around the '='.
std::string_view TrimAround(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return TrimSpace(text);
}

// The place of `key` in `names`, or names.size(). Compares the sizes first: most property
// names differ in size from most others.
size_t PropertyIndex(const std::vector<std::string>& names, std::string_view key) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].size() == key.size() && names[i][0] == key[0] &&
        std::equal(key.begin(), key.end(), names[i].begin())) {
      return i;
    }
  }
  return names.size();
}

// A word of a role line and the column it starts at.
struct RoleWord {
  std::string_view text;
  int col = 0;
};

// Scratch space ParseRole reuses from line to line.
struct RoleScratch {
  std::vector<RoleWord> words;
  // The last country id found valid: the imported layer's role lines name one country after
  // another, each in tens of lines.
  std::string_view valid_country;
};

// Parses `role OFFICE [of ID] [from DATE] [to DATE] [code CODE]` (and era lines, which share
// the syntax) into `role` and its period (RolePeriod::Of).
bool ParseRole(RuleFiles* files, const RuleBlock& b, const RuleProp& p, Role* role,
               RolePeriod* period, RoleScratch* scratch) {
  std::vector<RoleWord>& words = scratch->words;
  words.clear();
  // One pass over the line: words run between spaces, tabs and carriage returns.
  const std::string_view v = p.value;
  for (size_t i = 0; i < v.size();) {
    if (IsSpace(v[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < v.size() && !IsSpace(v[j])) ++j;
    words.push_back({v.substr(i, j - i), p.value_col + static_cast<int>(i)});
    i = j;
  }
  // The value after `keyword` when the line ends in `keyword VALUE` after some office.
  auto ends_with = [&](std::string_view keyword) {
    return words.size() >= 3 && words[words.size() - 2].text == keyword;
  };
  // Sets `day` to the date's first (or last) day.
  auto take_date = [&](std::string_view keyword, std::string* out, bool first, int64_t* day) {
    if (!ends_with(keyword)) return true;
    // Most dates are valid: the quick check first, the message only for a bad one.
    const std::optional<PartialDate> date = PartialDate::TryParse(words.back().text);
    if (!date.has_value()) {
      const std::string problem = DateProblem(words.back().text);
      files->Error(b, p, words.back().col, "role: " + problem);
      return false;
    }
    *out = words.back().text;
    *day = first ? date->first_day() : date->last_day();
    words.resize(words.size() - 2);
    return true;
  };
  if (ends_with("code")) {
    if (!IsActorCode(words.back().text)) {
      files->Error(b, p, words.back().col,
                   "invalid actor code '" + std::string(words.back().text) +
                       "' (expected upper-case letters and digits, e.g. RUSGOV)");
      return false;
    }
    role->code = words.back().text;
    words.resize(words.size() - 2);
  }
  *period = RolePeriod();
  if (!take_date("to", &role->to, false, &period->last)) return false;
  if (!take_date("from", &role->from, true, &period->first)) return false;
  if (ends_with("of") && words.back().text.find(':') != std::string_view::npos) {
    if (words.back().text != scratch->valid_country) {
      if (!CheckEntityId(files, b, p.line, words.back().text, words.back().col)) return false;
      scratch->valid_country = words.back().text;
    }
    role->country = words.back().text;
    words.resize(words.size() - 2);
  }
  if (words.empty()) {
    files->Error(b, p, p.value_col,
                 "role needs an office ('role OFFICE [of ID] [from DATE] [to DATE] [code CODE]')");
    return false;
  }
  // The office's words joined by single spaces, lower-cased: most lines have them so already.
  const char* const begin = words.front().text.data();
  const char* const end = words.back().text.data() + words.back().text.size();
  bool single_spaces = true;
  for (size_t i = 1; i < words.size(); ++i) {
    const char* const gap = words[i - 1].text.data() + words[i - 1].text.size();
    single_spaces = single_spaces && gap + 1 == words[i].text.data() && *gap == ' ';
  }
  if (single_spaces) {
    role->office.assign(begin, end);
  } else {
    for (const RoleWord& w : words) {
      if (!role->office.empty()) role->office += ' ';
      role->office += w.text;
    }
  }
  for (char& c : role->office) c = AsciiLowerByte(c);
  return true;
}

// Sets out->entity_gate from the entity patterns' required tokens (literal_regex.h), which it
// interns in the rules' vocabulary so that a sentence's token keys (AliasIndex::Keys) name them.
void GateEntityPatterns(CompiledRules* out) {
  EntityPatternGate gate;
  std::vector<std::vector<uint32_t>> ids;
  for (const EntityPattern& p : out->entity_patterns) {
    const std::vector<std::string> tokens = RequiredTokens(p.re->pattern());
    if (tokens.empty()) return;  // the set runs on every sentence
    std::vector<uint32_t>& pattern = ids.emplace_back();
    for (const std::string& t : tokens) pattern.push_back(out->alias_index.tokens.Intern(t));
    gate.tokens.insert(gate.tokens.end(), pattern.begin(), pattern.end());
  }
  std::sort(gate.tokens.begin(), gate.tokens.end());
  gate.tokens.erase(std::unique(gate.tokens.begin(), gate.tokens.end()), gate.tokens.end());
  if (gate.tokens.size() > EntityPatternGate::kMaxTokens) return;
  for (const std::vector<uint32_t>& pattern : ids) {
    gate.anchor_bits.set(pattern[0] % gate.anchor_bits.size());
    std::vector<uint8_t>& r = gate.required.emplace_back();
    for (const uint32_t id : pattern) {
      r.push_back(static_cast<uint8_t>(
          std::lower_bound(gate.tokens.begin(), gate.tokens.end(), id) - gate.tokens.begin()));
    }
  }
  gate.enabled = true;
  out->entity_gate = std::move(gate);
}

struct PendingPattern {
  std::string regex;
  const RuleBlock* block;
  const RuleProp* prop;
};

void CompileEntityPatterns(RuleFiles* files, const std::vector<PendingPattern>& patterns,
                           CompiledRules* out) {
  const RE2::Options options = EntityPatternOptions();
  for (const PendingPattern& p : patterns) {
    auto it = out->entity_index.find(p.block->name);
    auto re = std::make_unique<RE2>(p.regex, options);
    if (!re->ok()) {
      files->Error(*p.block, *p.prop, p.prop->value_col,
                   "invalid regular expression: " + re->error());
      continue;
    }
    if (it == out->entity_index.end()) continue;  // the entity itself had errors
    out->entity_patterns.push_back({std::move(re), it->second});
  }
  if (out->entity_patterns.empty()) return;
  bool compiled = false;
  out->entity_pattern_set = EntityPatternSet(out->entity_patterns, &compiled);
  if (out->entity_pattern_set != nullptr && !compiled) {
    const PendingPattern& first = patterns.front();
    files->Error(*first.block, *first.prop, first.prop->value_col,
                 "entity patterns are too large to compile together (simplify them or use "
                 "literal aliases)");
  }
  GateEntityPatterns(out);
}

}  // namespace

RE2::Options EntityPatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::unique_ptr<RE2::Set> EntityPatternSet(const std::vector<EntityPattern>& patterns,
                                           bool* compiled) {
  *compiled = false;
  auto set = std::make_unique<RE2::Set>(EntityPatternOptions(), RE2::UNANCHORED);
  for (const EntityPattern& p : patterns) {
    std::string error;
    if (set->Add(p.re->pattern(), &error) < 0) return nullptr;
  }
  *compiled = set->Compile();
  return set;
}

bool IsActorCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/')) return false;
  }
  return true;
}

bool CheckEntityId(RuleFiles* files, const RuleBlock& b, int line, std::string_view id, int col) {
  const size_t colon = id.find(':');
  if (colon == std::string_view::npos) {
    files->Error(
        b.source, line, col,
        "invalid entity id '" + std::string(id) + "' (expected <type>:<slug>, e.g. state:japan)");
    return false;
  }
  Result<EntityType> type = ParseEntityType(id.substr(0, colon));
  if (!type.ok()) {
    files->Error(b.source, line, col,
                 "invalid entity id '" + std::string(id) + "': " + type.status().message());
    return false;
  }
  const std::string_view slug = id.substr(colon + 1);
  bool good = !slug.empty() && slug.front() != '-' && slug.back() != '-';
  for (size_t i = 0; good && i < slug.size(); ++i) {
    const unsigned char c = slug[i];
    good = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
  }
  if (!good) {
    files->Error(b.source, line, col + static_cast<int>(colon) + 1,
                 "invalid slug '" + std::string(slug) +
                     "' in entity id (use lower-case letters, digits and '-')");
    return false;
  }
  return true;
}

bool DemonymTakesPlural(std::string_view adjective) {
  if (adjective.size() < 3 || adjective[0] < 'A' || adjective[0] > 'Z') return false;
  for (char c : adjective.substr(1)) {
    if (c < 'a' || c > 'z') return false;  // one word, not an acronym
  }
  // Demonyms that are nouns too and take "-s": Syrian, Israeli, Greek, Slovak, Cypriot,
  // Yugoslav, Filipino, Luxembourger, Slovene. Not "-ese", "-ish", "-ch" (Japanese, British,
  // French) nor adjectives only (Arctic, Hellenic).
  static constexpr std::string_view kSuffixes[] = {"an", "i", "k", "ot", "av", "ino", "er", "ene"};
  for (std::string_view suffix : kSuffixes) {
    if (adjective.ends_with(suffix) && !adjective.ends_with("ic")) return true;
  }
  return false;
}

std::optional<std::string> PluralDemonym(std::string_view adjective) {
  if (!DemonymTakesPlural(adjective)) return std::nullopt;
  return std::string(adjective) + "s";
}

size_t CompileEntities(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out) {
  static const std::vector<std::string> kProps = {
      "label", "alias",   "alias/i", "pattern", "attr",  "adjective", "capital", "acts-as",
      "role",  "part-of", "date",    "parties", "place", "priority",  "era"};
  // kProps by position.
  enum Prop : size_t {
    kLabel,
    kAlias,
    kAliasFolded,
    kPattern,
    kAttr,
    kAdjective,
    kCapital,
    kActsAs,
    kRole,
    kPartOf,
    kDate,
    kParties,
    kPlace,
    kPriority,
    kEra
  };
  size_t alias_count = 0;
  auto add_alias = [&](std::string_view text, bool ignore_case, bool demonym, uint32_t entity) {
    if (out->alias_index.Add(text, ignore_case, demonym, entity)) ++alias_count;
  };
  std::vector<PendingPattern> patterns;
  std::vector<std::pair<std::string, uint32_t>> plurals;  // (plural demonym, entity)
  std::vector<std::pair<const RuleBlock*, const RuleProp*>> acts_as;
  std::vector<std::tuple<const RuleBlock*, const RuleProp*, std::string>> eras;
  const size_t first_entity = out->entities.size();
  out->entities.reserve(first_entity + symbols.entity_blocks.size());
  out->entity_index.reserve(first_entity + symbols.entity_blocks.size());
  // Scratch reused from entity to entity. The views point into the blocks' property values.
  RoleScratch role_scratch;
  std::vector<std::string_view> aliases;
  std::vector<std::pair<std::string_view, bool>> literal;  // (alias, ignore case)
  for (const SymbolTables::EntityBlock& entry : symbols.entity_blocks) {
    const RuleBlock* const block = entry.block;
    const std::string& id = block->name;
    if (!CheckEntityId(files, *block, block->line, id, block->name_col)) continue;
    // Built in place; taken out again when the block has errors.
    EntityDef& def = out->entities.emplace_back();
    def.entity.id = id;
    def.entity.type = *ParseEntityType(std::string_view(id).substr(0, id.find(':')));
    // Definition order decides ties: the blocks' load order.
    def.order = static_cast<int>(block->index);
    def.where = {files->path(block->source), block->line};
    aliases.clear();
    literal.clear();
    bool ok = true;
    // `merge`: an imported block merged into the hand-written one (its label, patterns and
    // the attributes the hand-written block has are not used).
    auto apply = [&](const RuleBlock* block, bool merge) {
      // One allocation for the roles of a person the imported layer lists in tens of offices.
      size_t role_lines = 0;
      for (const RuleProp& p : block->props) role_lines += p.key == "role" ? 1 : 0;
      if (role_lines > 0) {
        def.entity.roles.reserve(def.entity.roles.size() + role_lines);
        def.role_periods.reserve(def.role_periods.size() + role_lines);
      }
      for (const RuleProp& p : block->props) {
        const std::string_view k = p.key;
        const size_t which = PropertyIndex(kProps, k);
        if (which == kProps.size()) {
          files->UnknownProperty(*block, p, kProps);
          ok = false;
          continue;
        }
        if (p.value.empty()) {
          files->Error(*block, p, p.key_col, "property '" + std::string(k) + "' needs a value");
          ok = false;
          continue;
        }
        if (merge && which != kAlias && which != kAliasFolded && which != kAdjective &&
            which != kRole && which != kAttr) {
          continue;
        }
        switch (which) {
          case kLabel:
            if (!def.entity.label.empty()) {
              files->Error(*block, p, p.key_col, "entity '" + id + "' has more than one label");
              ok = false;
            }
            def.entity.label = p.value;
            break;
          case kAlias:
          case kAliasFolded:
          case kAdjective:
            ForEachListItem(p.value, p.value_col, [&](std::string_view item, int col) {
              // A trimmed item that is not empty holds a token (rule_tokens.h).
              if (item.find_first_not_of(" \t\n\r") == std::string_view::npos) {
                files->Error(*block, p, col, "empty alias");
                ok = false;
                return;
              }
              if (which == kAdjective) {
                def.adjectives.emplace_back(item);
              } else {
                aliases.push_back(item);
                literal.emplace_back(item, which == kAliasFolded);
              }
            });
            break;
          case kPattern:
            patterns.push_back({std::string(p.value), block, &p});
            break;
          case kAttr: {
            const size_t eq = p.value.find('=');
            if (eq == std::string::npos) {
              files->Error(*block, p, p.value_col, "expected 'attr KEY = VALUE'");
              ok = false;
              continue;
            }
            const std::string key(TrimAround(std::string_view(p.value).substr(0, eq)));
            const std::string value(TrimAround(std::string_view(p.value).substr(eq + 1)));
            if (key.empty()) {
              files->Error(*block, p, p.value_col, "expected 'attr KEY = VALUE'");
              ok = false;
              continue;
            }
            if (merge) {
              // The imported undated code does not beat the hand-written roles
              // (actor_codes.h): Carter, president 1977-1981 by hand, stays USAGOV where
              // Phoenix says USAELI.
              const bool own_roles = def.entity.roles.size() > def.imported_roles;
              if (key != "cameo" || !own_roles) def.entity.attributes.emplace(key, value);
            } else {
              def.entity.attributes[key] = value;
            }
            break;
          }
          case kRole: {
            // Parsed in place; taken out again when the line has errors.
            if (!ParseRole(files, *block, p, &def.entity.roles.emplace_back(),
                           &def.role_periods.emplace_back(), &role_scratch)) {
              def.entity.roles.pop_back();
              def.role_periods.pop_back();
              ok = false;
              continue;
            }
            if (merge) ++def.imported_roles;
            break;
          }
          case kEra: {
            // "era ENTITY-ID [from DATE] [to DATE]": a role's syntax, the entity for the office.
            Role era;
            RolePeriod era_period;
            if (!ParseRole(files, *block, p, &era, &era_period, &role_scratch)) {
              ok = false;
              continue;
            }
            if (!era.country.empty() || !era.code.empty() ||
                era.office.find(' ') != std::string::npos) {
              files->Error(*block, p, p.value_col,
                           "expected 'era ENTITY-ID [from DATE] [to DATE]'");
              ok = false;
              continue;
            }
            if (!CheckEntityId(files, *block, p.line, era.office, p.value_col)) {
              ok = false;
              continue;
            }
            def.eras.push_back({era.office, era.from, era.to});
            eras.emplace_back(block, &p, era.office);
            break;
          }
          case kPriority:
            if (!ParseInt(p.value, &def.priority)) {
              files->Error(*block, p, p.value_col,
                           "priority must be an integer, not '" + std::string(p.value) + "'");
              ok = false;
            }
            def.entity.attributes["priority"] = p.value;
            break;
          default: {  // capital, acts-as, part-of, date, parties, place
            if (const std::string problem = which == kDate ? DateProblem(p.value) : std::string();
                !problem.empty()) {
              files->Error(*block, p, p.value_col, problem);
              ok = false;
              continue;
            }
            if (which == kParties) {
              std::string joined;
              ForEachListItem(p.value, p.value_col, [&](std::string_view item, int col) {
                if (!CheckEntityId(files, *block, p.line, item, col)) ok = false;
                if (!joined.empty()) joined += ",";
                joined += item;
              });
              def.entity.attributes[std::string(k)] = joined;
              continue;
            }
            if (which != kDate && !CheckEntityId(files, *block, p.line, p.value, p.value_col)) {
              ok = false;
              continue;
            }
            if (which == kActsAs) {
              def.acts_as = p.value;
              acts_as.emplace_back(block, &p);
            }
            def.entity.attributes[std::string(k)] = p.value;
          }
        }
      }
    };
    apply(block, false);
    const bool imported_only = block->layer == kImportedLayer;
    // Only a hand-written block has an imported one merged into it.
    if (entry.imported != nullptr) apply(entry.imported, true);
    // An entity only the imported layer defines: all its roles are imported.
    if (imported_only) def.imported_roles = static_cast<uint32_t>(def.entity.roles.size());
    def.imported = imported_only;
    if (def.entity.label.empty()) {
      files->Error(block->source, block->line, block->name_col,
                   "entity '" + id + "' has no 'label'");
      ok = false;
    }
    if (!ok) {
      out->entities.pop_back();
      continue;
    }
    if (!def.adjectives.empty()) {
      std::string joined;
      for (const std::string& a : def.adjectives) joined += (joined.empty() ? "" : ", ") + a;
      def.entity.attributes["adjective"] = joined;
    }
    // Sorted and unique, without the label.
    std::sort(aliases.begin(), aliases.end());
    aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
    def.entity.aliases.reserve(aliases.size());
    for (std::string_view alias : aliases) {
      if (alias != def.entity.label) def.entity.aliases.emplace_back(alias);
    }
    const uint32_t index = static_cast<uint32_t>(out->entities.size() - 1);
    out->entity_index.emplace(id, index);
    add_alias(def.entity.label, false, false, index);
    for (const auto& [alias, ignore_case] : literal) add_alias(alias, ignore_case, false, index);
    for (const std::string& adjective : def.adjectives) {
      add_alias(adjective, false, true, index);
      if (def.entity.type != EntityType::kState) continue;
      if (std::optional<std::string> plural = PluralDemonym(adjective)) {
        plurals.emplace_back(*std::move(plural), index);
      }
    }
  }
  // "The Syrians insisted": a state's demonym in the plural, unless some entity spells it (as
  // its label, an alias or an adjective).
  std::unordered_set<std::string_view> spelled;
  if (!plurals.empty()) {
    std::unordered_set<std::string_view> wanted;
    for (const auto& [plural, index] : plurals) wanted.insert(plural);
    // Every plural ends in "s" (PluralDemonym): most labels and aliases are passed over
    // without a hash.
    auto check = [&](std::string_view text) {
      if (text.ends_with('s') && wanted.count(text) > 0) spelled.insert(text);
    };
    for (size_t i = first_entity; i < out->entities.size(); ++i) {
      const EntityDef& def = out->entities[i];
      check(def.entity.label);
      for (const std::string& alias : def.entity.aliases) check(alias);
      for (const std::string& adjective : def.adjectives) check(adjective);
    }
  }
  for (const auto& [plural, index] : plurals) {
    if (spelled.count(plural) == 0) add_alias(plural, false, true, index);
  }
  out->alias_index.Finish();
  for (uint32_t i = 0; i < out->entities.size(); ++i) {
    const Entity& e = out->entities[i].entity;
    if (e.type != EntityType::kPerson) continue;
    // Hand-written roles only: `resolve role` ("the Secretary of State") reads offices, and the
    // imported roles are sectors of codes ("government", "elite"), for actor codes.
    for (size_t r = 0; r < OwnRoleCount(out->entities[i]); ++r) {
      out->office_holders[{e.roles[r].office, e.roles[r].country}].push_back(i);
    }
  }
  for (const auto& [block, prop] : acts_as) {
    if (out->entity_index.count(prop->value) == 0) {
      files->Error(*block, *prop, prop->value_col,
                   "unknown entity '" + std::string(prop->value) + "' in acts-as");
    }
  }
  for (const auto& [block, prop, id] : eras) {
    if (out->entity_index.count(id) == 0) {
      files->Error(*block, *prop, prop->value_col, "unknown entity '" + id + "' in era");
    }
  }
  CompileEntityPatterns(files, patterns, out);
  return alias_count;
}

}  // namespace parley::internal
