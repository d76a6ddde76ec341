#include "extract/actor_codes.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "base/date.h"
#include "base/text.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

// The day a code is asked for, as a day count; none when unknown.
using Day = std::optional<int64_t>;

// The day count of "YYYY-MM-DD"; RolePeriod::kNoStart, before every day, when `day` is no date
// (as "" sorts before every day).
int64_t DayCount(std::string_view day) { return FirstDayCount(day).value_or(RolePeriod::kNoStart); }

std::string Attribute(const Entity& e, const std::string& key) {
  auto it = e.attributes.find(key);
  return it == e.attributes.end() ? std::string() : it->second;
}

const EntityDef* FindDef(const CompiledRules& rules, const std::string& id) {
  auto it = rules.entity_index.find(id);
  return it == rules.entity_index.end() ? nullptr : &rules.entities[it->second];
}

std::string CodeAt(const CompiledRules& rules, const EntityDef& def, Day day);

// The code of the entity a role is held in, with the sector of the office for a state.
std::string RoleCode(const CompiledRules& rules, const Role& role, Day day) {
  if (!role.code.empty()) return role.code;
  const EntityDef* country = role.country.empty() ? nullptr : FindDef(rules, role.country);
  if (country == nullptr || country->view_of != nullptr) return "";
  std::string code = CodeAt(rules, *country, day);
  if (code.empty() || country->entity.type != EntityType::kState) return code;
  const SectorDef* sector = OfficeSector(rules, role.office);
  return code + (sector != nullptr ? sector->code : "GOV");
}

// The latest-starting role of def's roles [b, e) that covers `day` (any, when unknown) and has
// a code; "" when none.
std::string LatestRoleCode(const CompiledRules& rules, const EntityDef& def, size_t b, size_t e,
                           Day day) {
  bool found = false;
  int64_t best_start = 0;
  std::string best_code;
  for (size_t i = b; i < e; ++i) {
    const RolePeriod& period = def.role_periods[i];
    if (day && !period.Meets(*day, *day)) continue;
    if (found && period.first <= best_start) continue;  // the earlier one stays the latest
    std::string code = RoleCode(rules, def.entity.roles[i], day);
    if (code.empty()) continue;
    found = true;
    best_start = period.first;
    best_code = std::move(code);
  }
  return best_code;
}

std::string CodeAt(const CompiledRules& rules, const EntityDef& def, Day day) {
  if (def.view_of != nullptr) return def.view_code;
  const Entity& e = def.entity;
  const size_t n = e.roles.size();
  const size_t own = OwnRoleCount(def);
  if (day) {
    std::string code = LatestRoleCode(rules, def, 0, own, day);
    if (!code.empty()) return code;
    int64_t last_known = RolePeriod::kNoStart;
    for (size_t i = 0; i < own; ++i) {
      last_known = std::max(last_known, def.role_periods[i].LastKnown());
    }
    if (own == 0 || *day <= last_known) {
      code = LatestRoleCode(rules, def, own, n, day);
      if (!code.empty()) return code;
    }
  }
  if (std::string cameo = Attribute(e, "cameo"); !cameo.empty()) return cameo;
  if (e.type == EntityType::kGroup) {
    const std::string country = Attribute(e, "country");
    auto sector = rules.sector_by_group.find(Attribute(e, "kind"));
    const EntityDef* owner = country.empty() ? nullptr : FindDef(rules, country);
    if (owner != nullptr && owner != &def && sector != rules.sector_by_group.end()) {
      const std::string code = CodeAt(rules, *owner, day);
      if (!code.empty()) {
        std::string composed = code;
        AppendSectorCode(rules.sectors[sector->second].code, &composed);
        return composed;
      }
    }
  }
  if (e.type == EntityType::kState) {
    if (std::string iso3 = Attribute(e, "iso3"); !iso3.empty()) return iso3;
  }
  if (!day) {
    std::string code = LatestRoleCode(rules, def, 0, own, day);
    if (code.empty()) code = LatestRoleCode(rules, def, own, n, day);
    return code;
  }
  return "";
}

}  // namespace

bool RoleHeldDuring(const Role& role, std::string_view first_day, std::string_view last_day) {
  return RolePeriod::Of(role).Meets(DayCount(first_day), DayCount(last_day));
}

const SectorDef* OfficeSector(const CompiledRules& rules, std::string_view office) {
  const std::vector<std::string> tokens = TokenTexts(AsciiLower(office), nullptr);
  if (tokens.empty()) return nullptr;
  for (const bool whole : {true, false}) {
    const std::vector<std::string> want = whole ? tokens : std::vector<std::string>{tokens.back()};
    auto it = rules.sector_nouns.find(want[0]);
    if (it == rules.sector_nouns.end()) continue;
    for (const SectorNoun& noun : it->second) {
      if (noun.tokens == want) return &rules.sectors[noun.sector];
    }
  }
  return nullptr;
}

std::string ActorCode(const CompiledRules& rules, const EntityDef& def, std::string_view day) {
  return CodeAt(rules, def, day.empty() ? Day() : Day(DayCount(day)));
}

void AppendSectorCode(std::string_view sector, std::string* code) {
  if (code->size() >= sector.size() &&
      std::string_view(*code).substr(code->size() - sector.size()) == sector) {
    return;
  }
  code->append(sector);
}

std::string StatementDay(const Statement& st, std::string_view doc_date) {
  if (st.time && !st.time->start.empty()) return st.time->start;
  return doc_date.empty() ? std::string() : FirstDayOf(doc_date);
}

const std::string& ActorCodeMemo::Get(const CompiledRules& rules, const EntityDef& def,
                                      std::string_view day) {
  std::vector<std::pair<std::string, std::string>>& known = codes_[&def];
  for (const auto& [known_day, code] : known) {
    if (known_day == day) return code;
  }
  known.emplace_back(std::string(day), ActorCode(rules, def, day));
  return known.back().second;
}

void SetActorCodes(const CompiledRules& rules, std::string_view doc_date, const EntityDef* subject,
                   const EntityDef* object, const EntityDef* recipient, ActorCodeMemo* memo,
                   Statement* st) {
  const std::string day = StatementDay(*st, doc_date);
  if (subject != nullptr) st->subject_code = memo->Get(rules, *subject, day);
  if (object != nullptr) st->object_code = memo->Get(rules, *object, day);
  if (recipient != nullptr) st->recipient_code = memo->Get(rules, *recipient, day);
}

}  // namespace parley::internal
