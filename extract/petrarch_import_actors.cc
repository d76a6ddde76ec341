#include "extract/petrarch_import_actors.h"

#include <algorithm>

namespace parley::petrarch {

ActorImporter::ActorImporter(const Against& against, const std::set<std::string>& agent_nouns,
                             ProblemLog* log)
    : against_(against), agent_nouns_(agent_nouns), log_(log) {
  country_words_.insert(against_.country_words.begin(), against_.country_words.end());
}

void ActorImporter::Actors(const ImportInput& input, const ActorFile& file, std::string* summary) {
  // Countries first, so that the people's roles find them.
  const std::string path = FileName(input.path);
  size_t persons = 0, states = 0, organizations = 0, dropped = 0;
  FillAgentWords();
  for (const Actor& a : file.actors) {
    const std::string code = DefaultCode(a);
    if (!code.empty() && IsCountryCode(code) && !HasDatedCode(a)) {
      const std::string id = StateId(a, code);
      state_code_[code] = id;
      state_actor_.emplace(code, &a);
      for (const Name& n : a.names) {
        for (const std::string& w : SplitSpaces(Lower(n.text))) country_words_.insert(w);
      }
    }
  }
  for (const Actor& a : file.actors) {
    std::string code = DefaultCode(a);
    const bool dated = HasDatedCode(a);
    if (code.empty() && !dated) {
      log_->Add(input.path, a.line,
                "actor '" + a.names[0].text + "' has no code it could be given ([---] or none)");
      ++dropped;
      continue;
    }
    EntityType type = EntityType::kOrganization;
    // A state whose codes are all dated ("ARMENIA_ [USRARM <900823] [ARMUNR ...] [ARM
    // >911221]"): the state of its current code.
    const std::string dated_state = code.empty() ? DatedCountryCode(a) : "";
    // Dated codes make a person, unless the first name is an organization's: no title
    // first, a head noun of organizations ("POLITBURO OF THE COMMUNIST PARTY OF THE SOVIET
    // UNION" [SUNGOV 19171109-19911225]).
    const bool organization_name = OrganizationName(a);
    if (HasDatedRole(a, code) && !IsStateActor(a, code) && !organization_name) {
      type = EntityType::kPerson;
    } else if (!code.empty() && IsCountryCode(code.substr(0, code.find('/')))) {
      type = EntityType::kState;
    } else if (!dated_state.empty()) {
      type = EntityType::kState;
    } else if (dated && !organization_name) {
      type = EntityType::kPerson;
    } else if (!dated && !organization_name && PersonByName(a, code)) {
      log_->Add(input.path, a.line,
                "actor '" + a.names[0].text + "' [" + code +
                    "] has a person's name and no group's code: a person");
      type = EntityType::kPerson;
    }
    std::string id;
    if (type == EntityType::kState) {
      id = StateId(a, dated_state.empty() ? code.substr(0, code.find('/')) : dated_state);
      state_code_.emplace(dated_state.empty() ? code : dated_state, id);
    } else {
      id = EntityIdFor(a, type);
      type = *ParseEntityType(id.substr(0, id.find(':')));
    }
    EntityOut& e = Entity(id, a, input.path);
    if (type == EntityType::kState) ++states;
    if (type == EntityType::kPerson) ++persons;
    if (type == EntityType::kOrganization) ++organizations;
    AddNames(input.path, a, type, &e);
    AddCodes(input.path, a, type, code, &e);
  }
  for (const Agent& agent : file.agents) {
    log_->Add(input.path, agent.noun.line,
              "agent '" + agent.noun.text + " [~" + agent.code +
                  "]' in an actors file: translated with the agents ('sector " + agent.code + "')");
  }
  // Written at the end (Finish), since several files may add to one entity.
  *summary += path + ": " + std::to_string(file.actors.size()) + " actors -> " +
              std::to_string(states) + " state, " + std::to_string(persons) + " person and " +
              std::to_string(organizations) + " organization entries" +
              (dropped > 0 ? ", " + std::to_string(dropped) + " without a code" : "");
}

std::string ActorImporter::EntityBlocks(const std::string& path) {
  std::string text;
  for (const std::string& id : order_) {
    const EntityOut& e = entities_.at(id);
    if (e.source.rfind(FileName(path) + ":", 0) != 0) continue;
    std::string label = e.label;
    auto fold = [](const std::string& s) { return AsciiLower(s); };
    const bool named = std::any_of(e.aliases_i.begin(), e.aliases_i.end(),
                                   [&](const std::string& a) { return fold(a) == fold(label); }) ||
                       std::find(e.aliases.begin(), e.aliases.end(), label) != e.aliases.end();
    if (!named) {
      if (!e.aliases_i.empty()) {
        label = e.aliases_i[0];
      } else if (!e.aliases.empty()) {
        label = e.aliases[0];
      } else if (against_.ids.count(e.id) == 0 && !e.id.starts_with("state:")) {
        log_->Add(e.input_path, e.line,
                  "actor '" + e.label + "' has no name left for " + e.id + ": not translated");
        continue;
      }
    }
    text += "\n# " + e.source + "\n";
    text += "entity " + e.id + "\n";
    text += "  label      " + label + "\n";
    auto list = [&](const char* key, const std::vector<std::string>& items) {
      std::string line;
      for (const std::string& item : items) {
        if (!line.empty() && line.size() + item.size() > 88) {
          text += std::string("  ") + key + line + "\n";
          line.clear();
        }
        line += (line.empty() ? "" : ", ") + item;
      }
      if (!line.empty()) text += std::string("  ") + key + line + "\n";
    };
    list("alias/i    ", e.aliases_i);
    list("alias      ", e.aliases);
    for (const std::string& role : e.roles) text += "  role       " + role + "\n";
    if (!e.cameo.empty()) text += "  attr       cameo = " + e.cameo + "\n";
  }
  return text;
}

std::string ActorImporter::DefaultCode(const Actor& a) {
  for (const ActorCode& c : a.codes) {
    if (c.from.empty() && c.to.empty()) return c.code == "---" ? "" : c.code;
  }
  return "";
}

bool ActorImporter::IsStateActor(const Actor& a, const std::string& code) const {
  if (auto it = state_actor_.find(code); it != state_actor_.end()) return it->second == &a;
  auto it = against_.state_by_code.find(code);
  if (it == against_.state_by_code.end()) return true;
  for (const Name& n : a.names) {
    auto known = against_.by_name.find(against_.Fold(n.text));
    if (known == against_.by_name.end()) continue;
    for (const auto& [id, type] : known->second) {
      if (id == it->second) return true;
    }
  }
  return false;
}

bool ActorImporter::HasDatedRole(const Actor& a, const std::string& default_code) {
  if (default_code.size() != 3) return false;
  return std::any_of(a.codes.begin(), a.codes.end(), [&](const ActorCode& c) {
    return (!c.from.empty() || !c.to.empty()) && c.code.size() > 3 &&
           c.code.starts_with(default_code);
  });
}

std::string ActorImporter::DatedCountryCode(const Actor& a) {
  const ActorCode* current = nullptr;
  for (const ActorCode& c : a.codes) {
    if (c.from.empty() && c.to.empty()) continue;
    if (current == nullptr || !current->to.empty()) current = &c;
  }
  return current != nullptr && IsCountryCode(current->code) ? current->code : "";
}

bool ActorImporter::HasDatedCode(const Actor& a) {
  return std::any_of(a.codes.begin(), a.codes.end(), [](const ActorCode& c) {
    return (!c.from.empty() || !c.to.empty()) && c.code != "---";
  });
}

std::string ActorImporter::StateId(const Actor& a, const std::string& code) {
  if (auto it = against_.state_by_code.find(code); it != against_.state_by_code.end()) {
    return it->second;
  }
  if (auto it = state_code_.find(code); it != state_code_.end()) return it->second;
  // A code the rules' states do not carry ("SOVIET_UNION_ [SUN]", where the rules say USR):
  // the rules' state of the actor's first name.
  if (auto it = against_.by_name.find(against_.Fold(a.names[0].text));
      it != against_.by_name.end()) {
    for (const auto& [id, type] : it->second) {
      if (type == EntityType::kState) return id;
    }
  }
  return UniqueId(MakeEntityId(EntityType::kState, DisplayName(a.names[0].text)), a);
}

std::string ActorImporter::Known(const Actor& a, EntityType type) const {
  for (const Name& n : a.names) {
    auto it = against_.by_name.find(against_.Fold(n.text));
    if (it == against_.by_name.end()) continue;
    std::vector<std::string> fits;
    for (const auto& [id, t] : it->second) {
      const bool fit = type == EntityType::kPerson
                           ? t == EntityType::kPerson
                           : t == EntityType::kOrganization || t == EntityType::kGroup ||
                                 t == EntityType::kState;
      if (fit && std::find(fits.begin(), fits.end(), id) == fits.end()) fits.push_back(id);
    }
    if (fits.size() == 1) return fits[0];
  }
  return "";
}

std::string ActorImporter::NameKey(const std::string& name) {
  std::string key = AsciiLower(name);
  std::replace(key.begin(), key.end(), '-', ' ');
  return CollapseSpace(key);
}

std::string ActorImporter::EntityIdFor(const Actor& a, EntityType type) {
  if (std::string id = Known(a, type); !id.empty()) return id;
  const std::string code = DefaultCode(a);
  if (type == EntityType::kOrganization && !code.empty()) {
    for (const Name& n : a.names) {
      auto it = organization_names_.find({NameKey(n.text), code});
      if (it != organization_names_.end()) return it->second;
    }
  }
  std::string id = NewEntityId(a, type);
  if (type == EntityType::kOrganization && !code.empty()) {
    for (const Name& n : a.names)
      organization_names_.emplace(std::make_pair(NameKey(n.text), code), id);
  }
  return id;
}

std::string ActorImporter::NewEntityId(const Actor& a, EntityType type) {
  const std::string base =
      MakeEntityId(type, DisplayName(a.names[0].text, type == EntityType::kPerson));
  // An actor of the same first name that an earlier actor took ("GERHARD_SCHRODER_" twice in
  // Phoenix.Countries.actors.txt): the same entity, its roles added, not a second entity with
  // the same aliases.
  if (auto it = first_name_.find(base); it != first_name_.end() && against_.ids.count(base) == 0 &&
                                        it->second == AsciiLower(a.names[0].text)) {
    return base;
  }
  const std::string id = UniqueId(base, a);
  first_name_.emplace(id, AsciiLower(a.names[0].text));
  return id;
}

std::string ActorImporter::UniqueId(const std::string& base, const Actor& a) {
  std::string id = base;
  for (int n = 2; (owner_.count(id) > 0 && owner_[id] != &a) || against_.ids.count(id) > 0; ++n) {
    id = base + "-" + std::to_string(n);
  }
  owner_[id] = &a;
  return id;
}

EntityOut& ActorImporter::Entity(const std::string& id, const Actor& a,
                                 const std::string& input_path) {
  auto [it, inserted] = entities_.try_emplace(id);
  if (inserted) {
    it->second.id = id;
    it->second.label = DisplayName(a.names[0].text, id.starts_with("person:"));
    it->second.source = FileName(input_path) + ":" + std::to_string(a.line);
    it->second.input_path = input_path;
    it->second.line = a.line;
    order_.push_back(id);
  }
  return it->second;
}

void ActorImporter::AddCodes(const std::string& path, const Actor& a, EntityType type,
                             const std::string& default_code, EntityOut* e) {
  bool have_default = false;
  for (const ActorCode& c : a.codes) {
    const bool dated = !c.from.empty() || !c.to.empty();
    if (c.code == "---") {
      if (dated) {
        log_->Add(path, c.line,
                  "'[--- ...]' (no code for a time) is not translated: the default code applies");
      }
      continue;
    }
    if (!ValidCode(c.code)) {
      log_->Add(path, c.line, "code '" + c.code + "' is no CAMEO actor code");
      continue;
    }
    if (!dated) {
      if (c.code != default_code || have_default) {
        log_->Add(path, c.line,
                  "a second undated code '" + c.code + "': the first one is the default");
        continue;
      }
      have_default = true;
      if (e->cameo.empty() || type == EntityType::kState) e->cameo = c.code;
      continue;
    }
    // The role: its office from the code's sector, its country from the code's first three
    // letters.
    const std::string country = c.code.size() >= 3 ? c.code.substr(0, 3) : "";
    std::string of;
    if (auto it = against_.state_by_code.find(country); it != against_.state_by_code.end()) {
      of = it->second;
    } else if (auto it2 = state_code_.find(country); it2 != state_code_.end()) {
      of = it2->second;
    }
    std::string office = type == EntityType::kState ? "state" : "member";
    if (!of.empty() && c.code.size() > 3) {
      const std::string sector = c.code.substr(3, 3);
      if (auto it = against_.sectors.find(sector); it != against_.sectors.end()) {
        office = it->second.first;
      } else if (const SectorType* t = FindSectorType(sector)) {
        office = std::string(t->label);
      }
    }
    std::string role = Lower(office);
    if (!of.empty() && of != e->id) role += " of " + of;
    if (!c.from.empty()) role += " from " + c.from;
    if (!c.to.empty()) role += " to " + c.to;
    role += " code " + c.code;
    e->roles.push_back(role);
  }
}

}  // namespace parley::petrarch
