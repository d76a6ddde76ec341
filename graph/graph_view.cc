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
#include "graph/citation.h"
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

constexpr std::string_view kStatePrefix = "state:";

// A country as written in an attribute or role: an entity id ("state:japan") or a state's label
// ("Japan"). Returns the reference the node should use.
EntityRef CountryRef(const std::string& country) {
  if (country.find(':') != std::string::npos) {
    return EntityRef{country, country.substr(country.find(':') + 1), EntityType::kState};
  }
  return EntityRef{MakeEntityId(EntityType::kState, country), country, EntityType::kState};
}

// A role's or attribute's country names a state: a state id or a bare label, not the id of an
// organisation or another kind of entity.
bool NamesState(const std::string& country) {
  return !country.empty() &&
         (country.find(':') == std::string::npos || country.rfind(kStatePrefix, 0) == 0);
}

// The state role whose [from, to] covers `date`, or null.
const Role* RoleOn(const Entity& person, std::string_view date) {
  if (date.empty()) return nullptr;
  for (const Role& role : person.roles) {
    if (!NamesState(role.country)) continue;
    const std::string from = FirstDayOf(role.from);
    const std::string to = LastDayOf(role.to);
    if ((from.empty() || from <= date) && (to.empty() || date <= to) &&
        !(from.empty() && to.empty())) {
      return &role;
    }
  }
  return nullptr;
}

// The raw country value PersonCountry documents (before conversion to an id).
std::string PersonCountryValue(const Entity& person, std::string_view date) {
  if (const Role* role = RoleOn(person, date)) return role->country;
  if (auto it = person.attributes.find("country");
      it != person.attributes.end() && NamesState(it->second)) {
    return it->second;
  }
  const Role* latest = nullptr;
  for (const Role& role : person.roles) {
    if (!NamesState(role.country)) continue;
    if (!date.empty() && FirstDayOf(role.from) > date) continue;
    if (latest == nullptr || role.from > latest->from) latest = &role;
  }
  return latest == nullptr ? std::string() : latest->country;
}

// Days since 1970-01-01 of a YYYY-MM-DD date, or 0 for anything else.
int64_t DayNumber(std::string_view date) {
  Result<PartialDate> parsed = PartialDate::Parse(date);
  return parsed.ok() ? parsed->first_day() : 0;
}

// Days between `date` and the range [start, end]; 0 inside it.
int64_t DaysBetween(std::string_view date, const TimeValue& range) {
  if (range.start <= date && date <= range.end) return 0;
  return date < range.start ? DayNumber(range.start) - DayNumber(date)
                            : DayNumber(date) - DayNumber(range.end);
}

// The entity's attribute `key`, or "".
std::string AttributeOr(const Entity& entity, const std::string& key) {
  auto it = entity.attributes.find(key);
  return it == entity.attributes.end() ? std::string() : it->second;
}

Entity EntityFromRef(const EntityRef& ref) {
  Entity entity;
  entity.id = ref.id;
  entity.label = ref.label.empty() ? ref.id : ref.label;
  entity.type = ref.type;
  return entity;
}

// When a statement happened, for folding and for ordering its sources: its time's first day,
// else its document's date (doc_date) expanded to a first day; empty when neither is known.
std::string StatementDay(const Statement& statement, const std::optional<TimeValue>& time) {
  if (time) return time->start;
  return FirstDayOf(statement.doc_date);
}

// Person id -> the states its office statements name, sorted by state id.
using ServiceIndex = std::unordered_map<std::string, std::vector<ServiceRecord>>;

// Every "person holds_office state" statement among `statements`, whatever the view's filters.
ServiceIndex IndexService(const std::vector<Statement>& statements) {
  std::map<std::string, std::map<std::string, ServiceRecord>> by_person;
  for (const Statement& statement : statements) {
    if (statement.predicate != kOfficePredicate || statement.subject.type != EntityType::kPerson ||
        !statement.object || statement.object->type != EntityType::kState) {
      continue;
    }
    ServiceRecord& record = by_person[statement.subject.id][statement.object->id];
    record.state = statement.object->id;
    ++record.statements;
    if (statement.time) {
      record.dates.push_back(*statement.time);
    } else if (Result<PartialDate> date = PartialDate::Parse(statement.doc_date); date.ok()) {
      record.dates.push_back(date->ToTime());
    }
  }
  ServiceIndex index;
  for (auto& [person, states] : by_person) {
    std::vector<ServiceRecord>& records = index[person];
    for (auto& [state, record] : states) records.push_back(std::move(record));
  }
  return index;
}

std::string NodeCountry(const Entity& entity, const std::vector<ServiceRecord>& service) {
  if (entity.type == EntityType::kState) return entity.id;
  if (entity.type == EntityType::kPerson) return ServedState(&entity, service, "");
  auto it = entity.attributes.find("country");
  if (it == entity.attributes.end() || it->second.empty()) return std::string();
  return CountryRef(it->second).id;
}

// Maps entity references to view nodes, remembering each node's record.
class NodeMapper {
 public:
  NodeMapper(const std::vector<Entity>& entities, const GraphFilter& filter,
             const ServiceIndex& service)
      : filter_(filter), service_(service) {
    for (const Entity& entity : entities) by_id_.emplace(entity.id, &entity);
  }

  const std::vector<ServiceRecord>& Service(const std::string& person) const {
    static const std::vector<ServiceRecord> kNone;
    auto it = service_.find(person);
    return it == service_.end() ? kNone : it->second;
  }

  // The node id `ref` maps to in a statement dated `date`, or nullopt when the node fails the
  // type filters. Sets *folded when a person was replaced by its state.
  std::optional<std::string> Map(const EntityRef& ref, std::string_view date, bool* folded) {
    *folded = false;
    const Entity* entity = Find(ref.id);
    EntityRef node = ref;
    if (entity != nullptr) node.type = entity->type;
    if (filter_.fold_people_into_states && node.type == EntityType::kPerson) {
      const std::string country = ServedState(entity, Service(ref.id), date);
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
  const ServiceIndex& service_;
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

// GraphEdge::sources, first_doc and latest_doc from the supporting statements.
void SetSources(const GraphView& view, GraphEdge* edge, const std::vector<size_t>& supporting) {
  std::set<std::string_view> documents;
  std::pair<std::string, std::string_view> first, latest;  // (day, document)
  for (size_t i : supporting) {
    const Statement& statement = view.statements[i];
    documents.insert(statement.doc);
    std::string day = SourceDay(statement);
    std::pair<std::string, std::string_view> key(day.empty() ? "9999-99-99" : day, statement.doc);
    if (first.second.empty() || key < first) first = key;
    key.first = day;
    if (latest.second.empty() || key > latest) latest = std::move(key);
  }
  edge->sources = documents.size();
  edge->first_doc = first.second;
  edge->latest_doc = latest.second;
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

std::string ServedState(const Entity* person, const std::vector<ServiceRecord>& service,
                        std::string_view date) {
  if (person != nullptr) {
    if (const Role* role = RoleOn(*person, date)) return CountryRef(role->country).id;
  }
  const ServiceRecord* best = nullptr;
  if (!date.empty()) {
    int64_t best_days = 0;
    for (const ServiceRecord& record : service) {
      for (const TimeValue& range : record.dates) {
        const int64_t days = DaysBetween(date, range);
        if (best == nullptr || days < best_days ||
            (days == best_days && record.statements > best->statements)) {
          best = &record;
          best_days = days;
        }
      }
    }
  }
  if (best == nullptr) {
    for (const ServiceRecord& record : service) {
      if (best == nullptr || record.statements > best->statements) best = &record;
    }
  }
  if (best != nullptr) return best->state;
  return person == nullptr ? std::string() : PersonCountry(*person, date);
}

std::string GraphNode::CodeList() const {
  std::string list;
  for (const std::string& one : codes) {
    if (!list.empty()) list.push_back(' ');
    list.append(one);
  }
  return list;
}

std::optional<size_t> GraphView::FindNode(std::string_view id) const {
  auto it = std::lower_bound(
      nodes.begin(), nodes.end(), id,
      [](const GraphNode& node, std::string_view key) { return node.entity.id < key; });
  if (it == nodes.end() || it->entity.id != id) return std::nullopt;
  return static_cast<size_t>(it - nodes.begin());
}

const std::string& GraphView::SourceOf(const std::string& doc) const {
  auto it = documents.find(doc);
  return it != documents.end() && !it->second.url.empty() ? it->second.url : doc;
}

std::string_view GraphView::TitleOf(const std::string& doc) const {
  auto it = documents.find(doc);
  return it == documents.end() ? std::string_view() : std::string_view(it->second.title);
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
    if (filter.events_only && statement.plover.empty()) continue;
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

  const ServiceIndex service =
      filter.fold_people_into_states ? IndexService(statements) : ServiceIndex();
  NodeMapper mapper(entities, filter, service);
  // (source, target, predicate) -> statements (indexes into `sorted`).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<size_t>> groups;
  std::map<std::string, std::vector<size_t>> edgeless;
  // Per statement of `sorted`: the actor codes of its source and target (GraphNode::code).
  std::vector<std::pair<const std::string*, const std::string*>> codes(sorted.size());
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Statement& statement = *sorted[i].statement;
    const std::string date = StatementDay(statement, sorted[i].time);
    bool subject_folded = false;
    std::optional<std::string> source = mapper.Map(statement.subject, date, &subject_folded);
    if (!source) continue;
    std::optional<std::string> target;
    bool target_folded = false;
    const std::string* target_code = nullptr;
    for (const auto& [ref, code] : {std::pair(&statement.object, &statement.object_code),
                                    std::pair(&statement.recipient, &statement.recipient_code)}) {
      if (!ref->has_value()) continue;
      target = mapper.Map(**ref, date, &target_folded);
      target_code = code;
      if (target) break;
    }
    if (target && *target == *source && (subject_folded || target_folded)) target.reset();
    codes[i] = {&statement.subject_code, target ? target_code : nullptr};
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
  if (filter.min_weight == 1) {
    for (const auto& [id, members] : edgeless) node_ids.insert(id);
  }

  if (filter.center) {
    PARLEY_ASSIGN_OR_RETURN(std::string center,
                            ResolveCenter(*filter.center, entities, node_ids, mapper));
    if (!node_ids.count(center) && filter.fold_people_into_states) {
      if (const Entity* person = mapper.Find(center);
          person != nullptr && person->type == EntityType::kPerson) {
        const std::string country = ServedState(person, mapper.Service(center), "");
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
  // Per statement of the view: the actor codes of its source and target.
  std::vector<std::pair<const std::string*, const std::string*>> view_codes;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (!used[i]) continue;
    renumber[i] = view.statements.size();
    view.statements.push_back(*sorted[i].statement);
    view.times.push_back(sorted[i].time);
    view_codes.push_back(codes[i]);
  }

  view.nodes.reserve(node_ids.size());
  for (const std::string& id : node_ids) {
    GraphNode node;
    node.entity = mapper.Record(id);
    node.country = NodeCountry(node.entity, mapper.Service(id));
    if (node.entity.type == EntityType::kState) node.iso3 = AttributeOr(node.entity, "iso3");
    view.nodes.push_back(std::move(node));
  }
  // Per node: the codes it carries, and the (day, statement id) of its latest coded statement.
  std::vector<std::set<std::string>> node_codes(view.nodes.size());
  std::vector<std::pair<std::string, std::string>> latest_coded(view.nodes.size());
  auto touch = [&](size_t node, size_t statement, const std::string* code) {
    GraphNode& n = view.nodes[node];
    ++n.statements;
    Widen(view.times[statement], &n.first, &n.last);
    if (code == nullptr || code->empty()) return;
    node_codes[node].insert(*code);
    const std::optional<TimeValue>& time = view.times[statement];
    std::pair<std::string, std::string> key(time ? time->start : std::string(),
                                            view.statements[statement].id);
    if (n.code.empty() || key > latest_coded[node]) {
      n.code = *code;
      latest_coded[node] = std::move(key);
    }
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
      touch(source, i, view_codes[i].first);
      if (target != source) touch(target, i, view_codes[i].second);
    }
    auto make_edge = [&](std::vector<size_t> supporting, std::string_view id_basis) {
      GraphEdge edge;
      edge.source = source;
      edge.target = target;
      edge.predicate = std::get<2>(key);
      edge.plover = MajorityPlover(view.statements, supporting);
      edge.weight = supporting.size();
      for (size_t i : supporting) Widen(view.times[i], &edge.first, &edge.last);
      SetSources(view, &edge, supporting);
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
    for (size_t i : members) touch(*node, renumber[i], view_codes[renumber[i]].first);
  }
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    GraphNode& node = view.nodes[i];
    node.codes.assign(node_codes[i].begin(), node_codes[i].end());
    if (node.code.empty()) node.code = AttributeOr(node.entity, "cameo");
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
  std::set<std::string> scanned;
  PARLEY_RETURN_IF_ERROR(store.ScanStatements(scan, [&](const Statement& statement) {
    statements.push_back(statement);
    if (filter.fold_people_into_states) scanned.insert(statement.id);
    return true;
  }));
  if (filter.fold_people_into_states) {
    // Office statements outside the predicates or the window still say whom a person served.
    StatementFilter office;
    office.predicates = {std::string(kOfficePredicate)};
    PARLEY_RETURN_IF_ERROR(store.ScanStatements(office, [&](const Statement& statement) {
      if (!scanned.count(statement.id)) statements.push_back(statement);
      return true;
    }));
  }
  std::vector<Entity> entities;
  PARLEY_RETURN_IF_ERROR(store.ScanEntities([&](const Entity& entity) {
    entities.push_back(entity);
    return true;
  }));
  PARLEY_ASSIGN_OR_RETURN(GraphView view,
                          BuildGraphViewFrom(entities, statements, resolved, document_dates));
  std::set<std::string> documents;
  for (const Statement& statement : view.statements) documents.insert(statement.doc);
  PARLEY_ASSIGN_OR_RETURN(view.documents, LookUpDocuments(store, documents));
  return view;
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
