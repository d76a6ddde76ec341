#include "graph/graph_view.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/date.h"
#include "base/text.h"
#include "graph/resolve.h"

namespace parley {
namespace {

// 'text', quoted for messages.
std::string Quoted(std::string_view text) {
  std::string out = "'";
  out.append(text);
  out += '\'';
  return out;
}

// A country as written in an attribute or role: an entity id ("state:japan") or a state's label
// ("Japan"). Returns the reference the node should use.
EntityRef CountryRef(const std::string& country) {
  if (country.find(':') != std::string::npos) {
    return EntityRef{country, country.substr(country.find(':') + 1), EntityType::kState};
  }
  return EntityRef{MakeEntityId(EntityType::kState, country), country, EntityType::kState};
}

// The raw country value PersonCountry documents (before conversion to an id).
std::string PersonCountryValue(const Entity& person, std::string_view date) {
  if (!date.empty()) {
    for (const Role& role : person.roles) {
      if (role.country.empty()) continue;
      Result<PartialDate> from_date = PartialDate::Parse(role.from);
      Result<PartialDate> to_date = PartialDate::Parse(role.to);
      const std::string from = from_date.ok() ? from_date->FirstDayString() : "";
      const std::string to = to_date.ok() ? to_date->LastDayString() : "";
      if ((from.empty() || from <= date) && (to.empty() || date <= to) &&
          !(from.empty() && to.empty())) {
        return role.country;
      }
    }
  }
  if (auto it = person.attributes.find("country");
      it != person.attributes.end() && !it->second.empty()) {
    return it->second;
  }
  const Role* latest = nullptr;
  for (const Role& role : person.roles) {
    if (role.country.empty()) continue;
    if (latest == nullptr || role.from > latest->from) latest = &role;
  }
  return latest == nullptr ? std::string() : latest->country;
}

Entity EntityFromRef(const EntityRef& ref) {
  Entity entity;
  entity.id = ref.id;
  entity.label = ref.label.empty() ? ref.id : ref.label;
  entity.type = ref.type;
  return entity;
}

std::string NodeCountry(const Entity& entity) {
  if (entity.type == EntityType::kState) return entity.id;
  if (entity.type == EntityType::kPerson) {
    const std::string value = PersonCountryValue(entity, "");
    return value.empty() ? std::string() : CountryRef(value).id;
  }
  auto it = entity.attributes.find("country");
  if (it == entity.attributes.end() || it->second.empty()) return std::string();
  return CountryRef(it->second).id;
}

// Maps entity references to view nodes, remembering each node's record.
class NodeMapper {
 public:
  NodeMapper(const std::vector<Entity>& entities, const GraphFilter& filter) : filter_(filter) {
    for (const Entity& entity : entities) by_id_.emplace(entity.id, &entity);
  }

  // The node id `ref` maps to in a statement dated `date`, or nullopt when the node fails the
  // type filters. Sets *folded when a person was replaced by its state.
  std::optional<std::string> Map(const EntityRef& ref, std::string_view date, bool* folded) {
    *folded = false;
    const Entity* entity = Find(ref.id);
    EntityRef node = ref;
    if (entity != nullptr) node.type = entity->type;
    if (filter_.fold_people_into_states && node.type == EntityType::kPerson) {
      const std::string country =
          entity == nullptr ? std::string() : PersonCountryValue(*entity, date);
      if (!country.empty()) {
        node = CountryRef(country);
        if (const Entity* state = Find(node.id); state != nullptr) node.type = state->type;
        *folded = true;
      }
    }
    if (!Passes(node.type)) return std::nullopt;
    if (!records_.count(node.id)) {
      const Entity* known = Find(node.id);
      records_.emplace(node.id, known != nullptr ? *known : EntityFromRef(node));
    }
    return node.id;
  }

  const Entity& Record(const std::string& id) const { return records_.at(id); }
  const Entity* Find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

 private:
  bool Passes(EntityType type) const {
    if (filter_.actors_only && !IsActorType(type)) return false;
    return filter_.types.empty() ||
           std::find(filter_.types.begin(), filter_.types.end(), type) != filter_.types.end();
  }

  const GraphFilter& filter_;
  std::unordered_map<std::string, const Entity*> by_id_;
  std::unordered_map<std::string, Entity> records_;
};

// Resolves the ego center to an entity id among the known entities and the nodes' records.
Result<std::string> ResolveCenter(const std::string& center, const std::vector<Entity>& entities,
                                  const std::set<std::string>& node_ids, const NodeMapper& mapper) {
  if (node_ids.count(center) || mapper.Find(center) != nullptr) return center;
  const std::string wanted = AsciiLower(center);
  std::set<std::string> matches;
  auto consider = [&](const Entity& entity) {
    if (AsciiLower(entity.label) == wanted) matches.insert(entity.id);
    for (const std::string& alias : entity.aliases) {
      if (AsciiLower(alias) == wanted) matches.insert(entity.id);
    }
  };
  for (const Entity& entity : entities) consider(entity);
  for (const std::string& id : node_ids) consider(mapper.Record(id));
  if (matches.empty()) return NotFoundError("no entity is named " + Quoted(center));
  if (matches.size() > 1) {
    std::string list;
    for (const std::string& id : matches) {
      if (!list.empty()) list += ", ";
      list += id;
    }
    return InvalidArgumentError(Quoted(center) + " names " + std::to_string(matches.size()) +
                                " entities (" + list + "); give an entity id");
  }
  return *matches.begin();
}

// When `statement` happened (see GraphView::times).
std::optional<TimeValue> EffectiveTime(const Statement& statement, const GraphFilter& filter,
                                       const DocumentDates& document_dates) {
  if (statement.time && !(filter.text_dates_only && !IsTextTime(*statement.time))) {
    return statement.time;
  }
  if (filter.text_dates_only || !filter.document_dates) return std::nullopt;
  auto it = document_dates.find(statement.doc);
  if (it == document_dates.end()) return std::nullopt;
  Result<PartialDate> date = PartialDate::Parse(it->second);
  if (!date.ok()) return std::nullopt;
  TimeValue time = date->ToTime();
  time.source = TimeSource::kDocument;
  return time;
}

void Widen(const std::optional<TimeValue>& time, std::string* first, std::string* last) {
  if (!time) return;
  if (first->empty() || time->start < *first) *first = time->start;
  if (last->empty() || time->end > *last) *last = time->end;
}

std::string MajorityPlover(const std::vector<Statement>& statements,
                           const std::vector<size_t>& indexes) {
  std::map<std::string, size_t> counts;
  for (size_t i : indexes) {
    if (!statements[i].plover.empty()) ++counts[statements[i].plover];
  }
  std::string best;
  size_t best_count = 0;
  for (const auto& [plover, count] : counts) {
    if (count > best_count) {
      best = plover;
      best_count = count;
    }
  }
  return best;
}

// The expanded bound of the time window, or "" when unset.
Result<std::string> WindowBound(const std::optional<std::string>& date, bool last_day,
                                std::string_view name) {
  if (!date) return std::string();
  Result<PartialDate> parsed = PartialDate::Parse(*date);
  if (!parsed.ok()) return parsed.status().WithContext(name);
  return last_day ? parsed->LastDayString() : parsed->FirstDayString();
}

}  // namespace

std::string PersonCountry(const Entity& person, std::string_view date) {
  const std::string value = PersonCountryValue(person, date);
  return value.empty() ? std::string() : CountryRef(value).id;
}

std::optional<size_t> GraphView::FindNode(std::string_view id) const {
  auto it = std::lower_bound(
      nodes.begin(), nodes.end(), id,
      [](const GraphNode& node, std::string_view key) { return node.entity.id < key; });
  if (it == nodes.end() || it->entity.id != id) return std::nullopt;
  return static_cast<size_t>(it - nodes.begin());
}

Result<GraphView> BuildGraphViewFrom(const std::vector<Entity>& entities,
                                     const std::vector<Statement>& statements,
                                     const GraphFilter& filter,
                                     const DocumentDates& document_dates) {
  PARLEY_ASSIGN_OR_RETURN(const std::string since, WindowBound(filter.since, false, "since"));
  PARLEY_ASSIGN_OR_RETURN(const std::string until, WindowBound(filter.until, true, "until"));
  if (!since.empty() && !until.empty() && since > until) {
    return InvalidArgumentError("the time window is empty: since " + since + " is after until " +
                                until);
  }
  if (filter.min_weight == 0) return InvalidArgumentError("min_weight must be at least 1");
  const std::set<std::string> predicates(filter.predicates.begin(), filter.predicates.end());

  // Statements with their times, in id order, so every later grouping is in id order too.
  struct Dated {
    const Statement* statement;
    std::optional<TimeValue> time;
  };
  std::vector<Dated> sorted;
  sorted.reserve(statements.size());
  for (const Statement& statement : statements) {
    if (!predicates.empty() && !predicates.count(statement.predicate)) continue;
    std::optional<TimeValue> time = EffectiveTime(statement, filter, document_dates);
    if (filter.since || filter.until) {
      if (!time) continue;
      if (!since.empty() && time->end < since) continue;
      if (!until.empty() && time->start > until) continue;
    }
    sorted.push_back(Dated{&statement, std::move(time)});
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Dated& a, const Dated& b) {
    return a.statement->id < b.statement->id;
  });

  NodeMapper mapper(entities, filter);
  // (source, target, predicate) -> statements (indexes into `sorted`).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<size_t>> groups;
  std::map<std::string, std::vector<size_t>> edgeless;
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Statement& statement = *sorted[i].statement;
    const std::string date = sorted[i].time ? sorted[i].time->start : std::string();
    bool subject_folded = false;
    std::optional<std::string> source = mapper.Map(statement.subject, date, &subject_folded);
    if (!source) continue;
    std::optional<std::string> target;
    bool target_folded = false;
    for (const std::optional<EntityRef>* ref : {&statement.object, &statement.recipient}) {
      if (!ref->has_value()) continue;
      target = mapper.Map(**ref, date, &target_folded);
      if (target) break;
    }
    if (target && *target == *source && (subject_folded || target_folded)) target.reset();
    if (target) {
      groups[{*source, *target, statement.predicate}].push_back(i);
    } else {
      edgeless[*source].push_back(i);
    }
  }

  for (auto it = groups.begin(); it != groups.end();) {
    it = it->second.size() < filter.min_weight ? groups.erase(it) : std::next(it);
  }
  std::set<std::string> node_ids;
  for (const auto& [key, members] : groups) {
    node_ids.insert(std::get<0>(key));
    node_ids.insert(std::get<1>(key));
  }
  for (const auto& [id, members] : edgeless) node_ids.insert(id);

  if (filter.center) {
    PARLEY_ASSIGN_OR_RETURN(std::string center,
                            ResolveCenter(*filter.center, entities, node_ids, mapper));
    if (!node_ids.count(center) && filter.fold_people_into_states) {
      if (const Entity* person = mapper.Find(center);
          person != nullptr && person->type == EntityType::kPerson) {
        const std::string country = PersonCountry(*person, "");
        if (node_ids.count(country)) center = country;
      }
    }
    if (!node_ids.count(center)) {
      std::string named = Quoted(*filter.center);
      if (center != *filter.center) named += " (" + center + ")";
      return NotFoundError(named + " has no statements in this graph view");
    }
    std::map<std::string, std::set<std::string>> adjacent;
    for (const auto& [key, members] : groups) {
      adjacent[std::get<0>(key)].insert(std::get<1>(key));
      adjacent[std::get<1>(key)].insert(std::get<0>(key));
    }
    std::map<std::string, uint32_t> distance = {{center, 0}};
    std::deque<std::string> queue = {center};
    while (!queue.empty()) {
      const std::string id = queue.front();
      queue.pop_front();
      if (distance[id] >= filter.hops) continue;
      for (const std::string& next : adjacent[id]) {
        if (distance.emplace(next, distance[id] + 1).second) queue.push_back(next);
      }
    }
    node_ids.clear();
    for (const auto& [id, hops] : distance) node_ids.insert(id);
    for (auto it = groups.begin(); it != groups.end();) {
      const bool keep =
          node_ids.count(std::get<0>(it->first)) && node_ids.count(std::get<1>(it->first));
      it = keep ? std::next(it) : groups.erase(it);
    }
  }

  // Keep the statements still in use, renumbered in id order.
  std::vector<bool> used(sorted.size(), false);
  for (const auto& [key, members] : groups) {
    for (size_t i : members) used[i] = true;
  }
  for (const auto& [id, members] : edgeless) {
    if (!node_ids.count(id)) continue;
    for (size_t i : members) used[i] = true;
  }
  GraphView view;
  view.multi = filter.multi;
  std::vector<size_t> renumber(sorted.size(), 0);
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (!used[i]) continue;
    renumber[i] = view.statements.size();
    view.statements.push_back(*sorted[i].statement);
    view.times.push_back(sorted[i].time);
  }

  view.nodes.reserve(node_ids.size());
  for (const std::string& id : node_ids) {
    GraphNode node;
    node.entity = mapper.Record(id);
    node.country = NodeCountry(node.entity);
    view.nodes.push_back(std::move(node));
  }
  auto touch = [&view](size_t node, size_t statement) {
    GraphNode& n = view.nodes[node];
    ++n.statements;
    Widen(view.times[statement], &n.first, &n.last);
  };
  for (const auto& group : groups) {
    // Named references, not a structured binding: make_edge captures them (clang 14).
    const auto& key = group.first;
    const auto& members = group.second;
    const size_t source = *view.FindNode(std::get<0>(key));
    const size_t target = *view.FindNode(std::get<1>(key));
    std::vector<size_t> indexes;
    indexes.reserve(members.size());
    for (size_t i : members) indexes.push_back(renumber[i]);
    for (size_t i : indexes) {
      touch(source, i);
      if (target != source) touch(target, i);
    }
    auto make_edge = [&](std::vector<size_t> supporting, std::string_view id_basis) {
      GraphEdge edge;
      edge.source = source;
      edge.target = target;
      edge.predicate = std::get<2>(key);
      edge.plover = MajorityPlover(view.statements, supporting);
      edge.weight = supporting.size();
      for (size_t i : supporting) Widen(view.times[i], &edge.first, &edge.last);
      edge.statements = std::move(supporting);
      edge.id = Hex64(Hash64(id_basis));
      edge.id.insert(edge.id.begin(), 'e');
      view.edges.push_back(std::move(edge));
    };
    if (filter.multi) {
      for (size_t i : indexes) make_edge({i}, view.statements[i].id);
    } else {
      make_edge(indexes, std::get<0>(key) + '\t' + std::get<2>(key) + '\t' + std::get<1>(key));
    }
  }
  for (const auto& [id, members] : edgeless) {
    std::optional<size_t> node = view.FindNode(id);
    if (!node) continue;
    for (size_t i : members) touch(*node, renumber[i]);
  }
  return view;
}

Result<GraphView> BuildGraphView(const Store& store, const GraphFilter& filter) {
  GraphFilter resolved = filter;
  if (filter.center) {
    PARLEY_ASSIGN_OR_RETURN(resolved.center, ResolveEntity(store, *filter.center));
  }
  PARLEY_ASSIGN_OR_RETURN(const std::string since, WindowBound(filter.since, false, "since"));
  PARLEY_ASSIGN_OR_RETURN(const std::string until, WindowBound(filter.until, true, "until"));
  StatementFilter scan;
  scan.predicates = filter.predicates;
  DocumentDates document_dates;
  if (filter.document_dates) {
    // Undated statements may fall in the window through their document: the store's time index
    // cannot select them, so the window is applied after dating.
    PARLEY_RETURN_IF_ERROR(store.ScanDocuments([&](const DocumentInfo& info) {
      if (!info.date.empty()) document_dates.emplace(info.id, info.date);
      return true;
    }));
  } else {
    if (!since.empty()) scan.since = since;
    if (!until.empty()) scan.until = until;
    scan.require_time = filter.since.has_value() || filter.until.has_value();
  }
  std::vector<Statement> statements;
  PARLEY_RETURN_IF_ERROR(store.ScanStatements(scan, [&](const Statement& statement) {
    statements.push_back(statement);
    return true;
  }));
  std::vector<Entity> entities;
  PARLEY_RETURN_IF_ERROR(store.ScanEntities([&](const Entity& entity) {
    entities.push_back(entity);
    return true;
  }));
  return BuildGraphViewFrom(entities, statements, resolved, document_dates);
}

Result<size_t> ResolveNode(const Store& store, const GraphView& view, std::string_view name) {
  Result<size_t> node = ResolveNode(view, name);
  if (node.ok() || node.status().code() != StatusCode::kNotFound) return node;
  PARLEY_ASSIGN_OR_RETURN(const std::string id, ResolveEntity(store, name));
  if (std::optional<size_t> found = view.FindNode(id)) return *found;
  std::string named = Quoted(name);
  if (id != name) named += " (" + id + ")";
  return NotFoundError(named + " has no statements in this graph view");
}

Result<size_t> ResolveNode(const GraphView& view, std::string_view name_or_id) {
  if (std::optional<size_t> node = view.FindNode(name_or_id)) return *node;
  const std::string wanted = AsciiLower(name_or_id);
  std::vector<size_t> matches;
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const Entity& entity = view.nodes[i].entity;
    bool match = AsciiLower(entity.label) == wanted;
    for (const std::string& alias : entity.aliases) match = match || AsciiLower(alias) == wanted;
    if (match) matches.push_back(i);
  }
  if (matches.empty()) {
    return NotFoundError("no node of the graph view is named " + Quoted(name_or_id));
  }
  if (matches.size() > 1) {
    std::string list;
    for (size_t i : matches) {
      if (!list.empty()) list += ", ";
      list += view.nodes[i].entity.id;
    }
    return InvalidArgumentError(Quoted(name_or_id) + " names " + std::to_string(matches.size()) +
                                " nodes (" + list + "); give an entity id");
  }
  return matches.front();
}

}  // namespace parley
