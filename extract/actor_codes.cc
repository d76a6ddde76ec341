#include "extract/actor_codes.h"

#include <vector>

#include "base/date.h"
#include "base/text.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

// The latest day a role says anything about: its end, else its start.
std::string LastKnownDay(const Role& role) {
  return !role.to.empty() ? LastDayOf(role.to) : FirstDayOf(role.from);
}

std::string Attribute(const Entity& e, const std::string& key) {
  auto it = e.attributes.find(key);
  return it == e.attributes.end() ? std::string() : it->second;
}

const EntityDef* FindDef(const CompiledRules& rules, const std::string& id) {
  auto it = rules.entity_index.find(id);
  return it == rules.entity_index.end() ? nullptr : &rules.entities[it->second];
}

// The code of the entity a role is held in, with the sector of the office for a state.
std::string RoleCode(const CompiledRules& rules, const Role& role, std::string_view day) {
  if (!role.code.empty()) return role.code;
  const EntityDef* country = role.country.empty() ? nullptr : FindDef(rules, role.country);
  if (country == nullptr || country->view_of != nullptr) return "";
  std::string code = ActorCode(rules, *country, day);
  if (code.empty() || country->entity.type != EntityType::kState) return code;
  const SectorDef* sector = OfficeSector(rules, role.office);
  return code + (sector != nullptr ? sector->code : "GOV");
}

// The latest-starting role of roles[b, e) that covers `day` (any, when `day` is empty) and has
// a code; "" when none.
std::string LatestRoleCode(const CompiledRules& rules, const std::vector<Role>& roles, size_t b,
                           size_t e, std::string_view day) {
  const Role* best = nullptr;
  std::string best_start, best_code;
  for (size_t i = b; i < e; ++i) {
    const Role& role = roles[i];
    if (!day.empty() && !RoleHeldDuring(role, day, day)) continue;
    std::string code = RoleCode(rules, role, day);
    if (code.empty()) continue;
    const std::string start = FirstDayOf(role.from);
    if (best == nullptr || start > best_start) {
      best = &role;
      best_start = start;
      best_code = std::move(code);
    }
  }
  return best_code;
}

}  // namespace

bool RoleHeldDuring(const Role& role, std::string_view first_day, std::string_view last_day) {
  if (!role.from.empty() && last_day < FirstDayOf(role.from)) return false;
  if (!role.to.empty() && first_day > LastDayOf(role.to)) return false;
  return true;
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
  if (def.view_of != nullptr) return def.view_code;
  const Entity& e = def.entity;
  const size_t n = e.roles.size();
  const size_t own = OwnRoleCount(def);
  if (!day.empty()) {
    std::string code = LatestRoleCode(rules, e.roles, 0, own, day);
    if (!code.empty()) return code;
    std::string last_known;
    for (size_t i = 0; i < own; ++i) last_known = std::max(last_known, LastKnownDay(e.roles[i]));
    if (own == 0 || day <= last_known) {
      code = LatestRoleCode(rules, e.roles, own, n, day);
      if (!code.empty()) return code;
    }
  }
  if (std::string cameo = Attribute(e, "cameo"); !cameo.empty()) return cameo;
  if (e.type == EntityType::kGroup) {
    const std::string country = Attribute(e, "country");
    auto sector = rules.sector_by_group.find(Attribute(e, "kind"));
    const EntityDef* owner = country.empty() ? nullptr : FindDef(rules, country);
    if (owner != nullptr && owner != &def && sector != rules.sector_by_group.end()) {
      const std::string code = ActorCode(rules, *owner, day);
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
  if (day.empty()) {
    std::string code = LatestRoleCode(rules, e.roles, 0, own, "");
    if (code.empty()) code = LatestRoleCode(rules, e.roles, own, n, "");
    return code;
  }
  return "";
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

void SetActorCodes(const CompiledRules& rules, std::string_view doc_date, const EntityDef* subject,
                   const EntityDef* object, const EntityDef* recipient, Statement* st) {
  const std::string day = StatementDay(*st, doc_date);
  if (subject != nullptr) st->subject_code = ActorCode(rules, *subject, day);
  if (object != nullptr) st->object_code = ActorCode(rules, *object, day);
  if (recipient != nullptr) st->recipient_code = ActorCode(rules, *recipient, day);
}

}  // namespace parley::internal
