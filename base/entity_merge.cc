#include "base/entity_merge.h"

#include <algorithm>
#include <tuple>

namespace parley {
namespace {

bool RoleLess(const Role& a, const Role& b) {
  return std::tie(a.office, a.country, a.from, a.to) < std::tie(b.office, b.country, b.from, b.to);
}

}  // namespace

void MergeEntityInto(const Entity& from, Entity* into) {
  into->mentions += from.mentions;
  if (into->label.empty()) {
    into->label = from.label;
  } else if (from.label != into->label && !from.label.empty()) {
    into->aliases.push_back(from.label);
  }
  into->aliases.insert(into->aliases.end(), from.aliases.begin(), from.aliases.end());
  for (const auto& [key, value] : from.attributes) into->attributes.emplace(key, value);
  into->roles.insert(into->roles.end(), from.roles.begin(), from.roles.end());
  NormalizeEntityNames(into);
}

void NormalizeEntityNames(Entity* e) {
  std::sort(e->aliases.begin(), e->aliases.end());
  e->aliases.erase(std::unique(e->aliases.begin(), e->aliases.end()), e->aliases.end());
  e->aliases.erase(std::remove(e->aliases.begin(), e->aliases.end(), e->label), e->aliases.end());
  std::sort(e->roles.begin(), e->roles.end(), RoleLess);
  e->roles.erase(std::unique(e->roles.begin(), e->roles.end()), e->roles.end());
}

bool HasNormalEntityNames(const Entity& e) {
  auto not_less = [](const std::string& a, const std::string& b) { return !(a < b); };
  auto role_not_less = [](const Role& a, const Role& b) { return !RoleLess(a, b); };
  return std::adjacent_find(e.aliases.begin(), e.aliases.end(), not_less) == e.aliases.end() &&
         std::find(e.aliases.begin(), e.aliases.end(), e.label) == e.aliases.end() &&
         std::adjacent_find(e.roles.begin(), e.roles.end(), role_not_less) == e.roles.end();
}

}  // namespace parley
