#include "graph/resolve.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "base/text.h"

namespace parley {
namespace {

std::string Quoted(std::string_view s) {
  std::string out(1, '\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
std::string OrList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out.append(i + 1 == names.size() ? " or " : ", ");
    out.append(Quoted(names[i]));
  }
  return out;
}

Result<std::string> NoMatch(const Store& store, std::string_view name) {
  std::string folded = AsciiLower(CollapseSpace(name));
  // Close enough to be a typo: a third of the name, at least one edit.
  size_t budget = std::max<size_t>(1, CountCodePoints(folded) / 3);
  std::set<std::tuple<size_t, std::string>> near;  // (distance, name as stored)
  PARLEY_RETURN_IF_ERROR(store.ScanEntities([&](const Entity& e) {
    auto consider = [&](const std::string& candidate) {
      size_t d = EditDistance(folded, AsciiLower(candidate), budget);
      if (d <= budget) near.emplace(d, candidate);
    };
    consider(e.label);
    for (const std::string& alias : e.aliases) consider(alias);
    return true;
  }));
  std::string message = "no entity matches " + Quoted(name);
  if (!near.empty()) {
    std::vector<std::string> best;
    // One spelling per name: "Putin" rather than also the all-capitals alias "PUTIN" (the
    // imported dictionaries, rules/README.md section 14, carry both).
    auto all_caps = [](const std::string& c) {
      return std::none_of(c.begin(), c.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    };
    std::set<std::tuple<size_t, bool, std::string>> ordered;
    for (const auto& [d, candidate] : near) ordered.emplace(d, all_caps(candidate), candidate);
    std::set<std::string> seen;  // folded
    for (const auto& [d, caps, candidate] : ordered) {
      if (best.size() == 3) break;
      if (seen.insert(AsciiLower(candidate)).second) best.push_back(candidate);
    }
    message += "; did you mean " + OrList(best) + "?";
  }
  return NotFoundError(std::move(message));
}

}  // namespace

Result<std::string> ResolveEntity(const Store& store, std::string_view name) {
  std::string_view trimmed = TrimSpace(name);
  if (trimmed.empty()) return InvalidArgumentError("an empty name matches no entity");
  if (trimmed.find(':') != std::string_view::npos) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<Entity> entity, store.GetEntity(trimmed));
    if (entity) return entity->id;
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> ids, store.FindEntitiesByName(trimmed));
  if (ids.empty()) return NoMatch(store, trimmed);
  if (ids.size() == 1) return ids.front();
  std::vector<Entity> candidates;
  std::vector<std::string> by_label;
  std::string folded = AsciiLower(CollapseSpace(trimmed));
  for (const std::string& id : ids) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<Entity> entity, store.GetEntity(id));
    if (!entity) continue;
    if (AsciiLower(CollapseSpace(entity->label)) == folded) by_label.push_back(id);
    candidates.push_back(std::move(*entity));
  }
  if (by_label.size() == 1) return by_label.front();
  std::string message = Quoted(trimmed) + " is ambiguous: ";
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) message += ", ";
    message += candidates[i].id + " (" + std::string(EntityTypeName(candidates[i].type)) + ", " +
               candidates[i].label + ")";
  }
  message += "; use one of these ids";
  return InvalidArgumentError(std::move(message));
}

}  // namespace parley
