#include "graph/entity_card.h"

#include <algorithm>

#include "base/json.h"
#include "graph/join.h"
#include "graph/resolve.h"

namespace parley {
namespace {

std::string RoleText(const Role& r) {
  std::string out = r.office.empty() ? "role" : r.office;
  if (!r.country.empty()) out += " of " + r.country;
  if (!r.from.empty() || !r.to.empty()) {
    out += ", " + (r.from.empty() ? std::string("?") : r.from) + " - " +
           (r.to.empty() ? std::string("present") : r.to);
  }
  return out;
}

void AppendField(std::string_view key, std::string* out) {
  AppendJsonString(key, out);
  out->push_back(':');
}

}  // namespace

Result<EntityCard> BuildEntityCard(const Store& store, std::string_view name,
                                   const EntityCardOptions& options) {
  PARLEY_ASSIGN_OR_RETURN(std::string id, ResolveEntity(store, name));
  PARLEY_ASSIGN_OR_RETURN(std::optional<Entity> entity, store.GetEntity(id));
  if (!entity) return NotFoundError("entity '" + id + "' vanished while reading the store");
  EntityCard card;
  card.entity = std::move(*entity);
  std::map<std::string, Partner> partners;
  std::map<std::string, DocumentInfo> documents;  // looked up once each
  std::vector<Statement> statements;
  PARLEY_RETURN_IF_ERROR(store.ScanStatements({.involving = id}, [&](const Statement& s) {
    statements.push_back(s);
    return true;
  }));
  for (const Statement& s : statements) {
    ++card.statements;
    ++card.statements_by_predicate[s.predicate];
    for (const std::optional<EntityRef>& ref :
         {std::optional<EntityRef>(s.subject), s.object, s.recipient}) {
      if (!ref || ref->id == id) continue;
      Partner& p = partners[ref->id];
      p.entity = *ref;
      ++p.statements;
    }
    auto it = documents.find(s.doc);
    if (it == documents.end()) {
      PARLEY_ASSIGN_OR_RETURN(std::optional<StoredDocument> doc, store.GetStoredDocument(s.doc));
      it = documents.emplace(s.doc, doc ? doc->info : DocumentInfo()).first;
    }
    const DocumentInfo& info = it->second;
    std::string date = !info.date.empty() ? info.date : (s.time ? s.time->start : "");
    if (date.empty()) continue;
    Mention m{date, s.doc, info.title, info.url};
    auto key = [](const Mention& x) { return std::tie(x.date, x.doc); };
    if (card.first_mention.date.empty() || key(m) < key(card.first_mention)) {
      card.first_mention = m;
    }
    if (card.last_mention.date.empty() || key(m) > key(card.last_mention)) card.last_mention = m;
  }
  for (auto& [pid, p] : partners) card.partners.push_back(std::move(p));
  std::sort(card.partners.begin(), card.partners.end(), [](const Partner& a, const Partner& b) {
    if (a.statements != b.statements) return a.statements > b.statements;
    return a.entity.id < b.entity.id;
  });
  if (card.partners.size() > options.max_partners) card.partners.resize(options.max_partners);
  return card;
}

std::string FormatEntityCard(const EntityCard& card, bool cite) {
  const Entity& e = card.entity;
  std::string out = e.id + "  " + e.label + " (" + std::string(EntityTypeName(e.type)) + ")\n";
  auto line = [&out](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    out.append(key);
    out.append(13 - std::min<size_t>(12, key.size()), ' ');
    out.append(value);
    out.push_back('\n');
  };
  line("aliases:", internal::Join(e.aliases, ", "));
  std::vector<std::string> attributes;
  for (const auto& [k, v] : e.attributes) attributes.push_back(k + "=" + v);
  line("attributes:", internal::Join(attributes, ", "));
  std::vector<std::string> roles;
  for (const Role& r : e.roles) roles.push_back(RoleText(r));
  line("roles:", internal::Join(roles, "; "));
  std::string mentions = std::to_string(e.mentions);
  auto where = [cite](const Mention& m) { return cite && !m.url.empty() ? m.url : m.doc; };
  if (!card.first_mention.date.empty()) {
    mentions += " (first " + card.first_mention.date + " " + where(card.first_mention) + ", last " +
                card.last_mention.date + " " + where(card.last_mention) + ")";
  }
  line("mentions:", mentions);
  std::vector<std::string> by_predicate;
  for (const auto& [p, n] : card.statements_by_predicate) {
    by_predicate.push_back(p + " " + std::to_string(n));
  }
  line("statements:", std::to_string(card.statements) +
                          (by_predicate.empty() ? "" : ": " + internal::Join(by_predicate, ", ")));
  std::vector<std::string> partners;
  for (const Partner& p : card.partners) {
    partners.push_back(p.entity.label + " (" + std::string(EntityTypeName(p.entity.type)) + ") " +
                       std::to_string(p.statements));
  }
  line("partners:", internal::Join(partners, ", "));
  return out;
}

std::string EntityCardToJson(const EntityCard& card) {
  // The entity's own fields come from the shared codec; the card's are appended to its object.
  std::string out = EntityToJson(card.entity);
  out.pop_back();  // the closing brace
  out.push_back(',');
  AppendField("statements", &out);
  out.append(std::to_string(card.statements));
  out.push_back(',');
  AppendField("statements_by_predicate", &out);
  out.push_back('{');
  bool first = true;
  for (const auto& [p, n] : card.statements_by_predicate) {
    if (!first) out.push_back(',');
    first = false;
    AppendField(p, &out);
    out.append(std::to_string(n));
  }
  out.append("}");
  for (const auto* m : {&card.first_mention, &card.last_mention}) {
    out.push_back(',');
    AppendField(m == &card.first_mention ? "first_mention" : "last_mention", &out);
    if (m->date.empty()) {
      out.append("null");
      continue;
    }
    out.push_back('{');
    AppendField("date", &out);
    AppendJsonString(m->date, &out);
    out.push_back(',');
    AppendField("doc", &out);
    AppendJsonString(m->doc, &out);
    for (const auto& [key, value] :
         {std::pair<const char*, const std::string*>{"title", &m->title}, {"url", &m->url}}) {
      if (value->empty()) continue;
      out.push_back(',');
      AppendField(key, &out);
      AppendJsonString(*value, &out);
    }
    out.push_back('}');
  }
  out.push_back(',');
  AppendField("partners", &out);
  out.push_back('[');
  for (size_t i = 0; i < card.partners.size(); ++i) {
    const Partner& p = card.partners[i];
    if (i > 0) out.push_back(',');
    out.push_back('{');
    AppendField("id", &out);
    AppendJsonString(p.entity.id, &out);
    out.push_back(',');
    AppendField("label", &out);
    AppendJsonString(p.entity.label, &out);
    out.push_back(',');
    AppendField("type", &out);
    AppendJsonString(EntityTypeName(p.entity.type), &out);
    out.push_back(',');
    AppendField("statements", &out);
    out.append(std::to_string(p.statements));
    out.push_back('}');
  }
  out.append("]}");
  return out;
}

}  // namespace parley
