#include "extract/petrarch_import.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "extract/lexicon.h"
#include "extract/rule_compiled.h"
#include "extract/rule_entities.h"
#include "extract/rule_tokens.h"

namespace parley::petrarch {
namespace {

using internal::CompiledRules;
using internal::EntityDef;
using internal::TokenTexts;

// CAMEO's actor types (the CAMEO codebook, chapter 3): the label of a sector and, for the
// sectors that are no part of the government, the kind of group a country's members of it
// make. The government sectors (GOV and the GOV compounds) are the state itself.
struct SectorType {
  std::string_view code, label, group;
};
constexpr SectorType kSectorTypes[] = {
    {"GOV", "government", ""},
    {"MIL", "military", "military"},
    {"REB", "rebels", "rebels"},
    {"OPP", "opposition", "opposition"},
    {"PTY", "party", "party"},
    {"COP", "police", "police"},
    {"JUD", "judiciary", "judiciary"},
    {"SPY", "intelligence", "intelligence"},
    {"MED", "media", "media"},
    {"EDU", "academics", "academics"},
    {"BUS", "business", "business"},
    {"CRM", "criminals", "criminals"},
    {"CVL", "public", "public"},
    {"LAB", "labor", "labor"},
    {"LEG", "parliament", "parliament"},
    {"HLH", "health", "health"},
    {"REF", "refugees", "refugees"},
    {"MOD", "moderates", "moderates"},
    {"RAD", "radicals", "radicals"},
    {"AGR", "agriculture", "agriculture"},
    {"ELI", "elite", "elite"},
    {"HRI", "human rights groups", "human-rights"},
    {"ENV", "environmentalists", "environmentalists"},
    {"DEV", "development", "development"},
    {"UAF", "armed groups", "armed-groups"},
    {"REL", "clergy", "clergy"},
    {"CHR", "Christians", "christians"},
    {"MUS", "Muslims", "muslims"},
    {"JEW", "Jews", "jews"},
    {"HIN", "Hindus", "hindus"},
    {"BUD", "Buddhists", "buddhists"},
    {"NGO", "NGOs", "ngos"},
    {"IGO", "international organizations", "igos"},
    {"PPL", "people", "people"},
    {"BAH", "Bahais", "bahais"},
    {"BED", "Bedouin", "bedouin"},
};

const SectorType* FindSectorType(std::string_view code) {
  for (const SectorType& t : kSectorTypes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

// CAMEO codes of actors that are no state: international and regional actors.
constexpr std::string_view kNonStateCodes[] = {
    "IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "UAF", "INT", "AFR", "ASA", "BLK", "CRB",
    "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF",
    "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WEU", "WST", "MOS", "KKL"};

// The CAMEO event roots (the CAMEO codebook, chapter 2) with parley's predicate for them, and
// the PLOVER type each maps to (the PLOVER codebook's CAMEO equivalents; "" for public
// statements, which PLOVER does not count as events).
struct Root {
  std::string_view root, predicate, plover;
};
constexpr Root kRoots[] = {
    {"01", "made_statement", ""},
    {"02", "appealed", "REQUEST"},
    {"03", "expressed_intent_to_cooperate", "AGREE"},
    {"04", "consulted", "CONSULT"},
    {"05", "cooperated_diplomatically", "SUPPORT"},
    {"06", "cooperated_materially", "COOPERATE"},
    {"07", "provided_aid", "AID"},
    {"08", "yielded", "CONCEDE"},
    {"09", "investigated", "ACCUSE"},
    {"10", "demanded", "REQUEST"},
    {"11", "disapproved", "ACCUSE"},
    {"12", "rejected", "REJECT"},
    {"13", "threatened", "THREATEN"},
    {"14", "protested", "PROTEST"},
    {"15", "exhibited_force", "MOBILIZE"},
    {"16", "reduced_relations", "SANCTION"},
    {"17", "coerced", "COERCE"},
    {"18", "assaulted", "ASSAULT"},
    {"19", "fought", "ASSAULT"},
    {"20", "used_mass_violence", "ASSAULT"},
};
// Codes whose PLOVER type is not their root's.
constexpr std::pair<std::string_view, std::string_view> kPloverByCode[] = {
    {"031", "COOPERATE"}, {"032", "SUPPORT"}, {"033", "AID"},   {"034", "CONCEDE"},
    {"035", "CONCEDE"},   {"036", "CONSULT"}, {"057", "AGREE"}, {"087", "RETREAT"},
};

const Root* FindRoot(const std::string& code) {
  const std::string root = CameoRoot(code);
  for (const Root& r : kRoots) {
    if (r.root == root) return &r;
  }
  return nullptr;
}

std::string Lower(std::string_view s) { return AsciiLower(s); }

std::string FileStem(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.ends_with(".txt")) name.resize(name.size() - 4);
  std::string out;
  for (char c : name) {
    const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    out.push_back((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ? l : '-');
  }
  return out;
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : std::string(s) + " ") {
    if (c == ' ') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  return out;
}

bool HasVowel(std::string_view w) {
  for (char c : w) {
    if (std::string_view("AEIOUaeiou").find(c) != std::string_view::npos) return true;
  }
  return false;
}

// "VLADIMIR V. PUTIN" -> "Vladimir V. Putin"; "AL-QAEDA" -> "Al-Qaeda"; "MCNAMARA" ->
// "McNamara"; for a `person`, "HU YAOBANG" -> "Hu Yaobang", "ANWAR AS SADAT" -> "Anwar as Sadat"
// ("MOHAMMED VI" keeps its numeral);
// acronyms ("UNHCR",
// "UN") stay upper case; particles inside a name are lower case ("Bank of Japan").
std::string DisplayName(const std::string& upper, bool person = false) {
  static const std::set<std::string> kParticles = {"OF", "THE", "AND", "FOR", "IN", "ON", "AT",
                                                   "TO", "DE",  "DEL", "LA",  "LE", "DU", "DA",
                                                   "DI", "VAN", "VON", "BIN", "EL"};
  std::string out;
  const std::vector<std::string> words = SplitSpaces(upper);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!out.empty()) out.push_back(' ');
    if (i > 0 && kParticles.count(w) > 0) {
      out += Lower(w);
      continue;
    }
    // A person's word of two letters is a name ("HU YAOBANG": "Hu Yaobang") or, inside the
    // name, a particle ("ANWAR AS SADAT": "Anwar as Sadat").
    const bool roman =
        std::all_of(w.begin(), w.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
    if (person && w.size() == 2 && HasVowel(w) && !roman && w.find('.') == std::string::npos) {
      if (i > 0 && i + 1 < words.size()) {
        out += Lower(w);
      } else {
        out.push_back(w[0]);
        out += Lower(w.substr(1));
      }
      continue;
    }
    const bool acronym =
        (w.size() <= 2 && w.find('.') == std::string::npos) || !HasVowel(w) ||
        std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (acronym) {
      out += w;
      continue;
    }
    // "MCNAMARA" is "McNamara", as Scottish and Irish surnames are written.
    const bool mc = w.size() > 4 && w.starts_with("MC") && HasVowel(w.substr(2));
    bool start = true;
    for (size_t k = 0; k < w.size(); ++k) {
      const char c = w[k];
      if (c >= 'A' && c <= 'Z') {
        out.push_back(start || (mc && k == 2) ? c : static_cast<char>(c - 'A' + 'a'));
        start = false;
      } else {
        out.push_back(c);
        start = c == '-' || c == '\'' || c == '.' || c == '/';
      }
    }
  }
  return out;
}

bool IsCountryCode(const std::string& code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  if (FindSectorType(code) != nullptr) return false;
  return std::find(std::begin(kNonStateCodes), std::end(kNonStateCodes), code) ==
         std::end(kNonStateCodes);
}

bool ValidCode(const std::string& code) { return internal::IsActorCode(code); }

// What the rules the import is layered under know.
struct Against {
  std::map<std::string, std::string> state_by_code;  // cameo / iso3 -> state id
  // Folded name -> entity ids, by type.
  std::unordered_map<std::string, std::vector<std::pair<std::string, EntityType>>> by_name;
  std::unordered_set<std::string> ids;
  std::unordered_map<std::string, std::vector<std::string>> names_by_id;  // label and aliases
  // Word of states' names and adjectives -> how many states have it ("korea": 2).
  std::unordered_map<std::string, int> state_word_count;
  const internal::Lexicon* lexicon = nullptr;
  // The rules' name words (rules/core/names.rules, given_names.rules): office titles
  // ("deputy secretary of state"), titles that belong to a one-word name ("king"), given names.
  const internal::NameVocabulary* names = nullptr;
  std::map<std::string, std::pair<std::string, std::string>> sectors;  // code -> label, group
  std::unordered_set<std::string> sector_nouns;                        // folded phrases
  std::unordered_set<std::string> country_words;  // words of states' names and adjectives
  std::unordered_set<std::string> adjectives;     // states' adjectives, folded ("russian")

  std::string Fold(std::string_view s) const { return CollapseSpace(AsciiLower(s)); }
};

Against MakeAgainst(const RuleSet* rules) {
  Against a;
  if (rules == nullptr) return a;
  const CompiledRules& c = rules->compiled();
  for (const EntityDef& def : c.entities) {
    const Entity& e = def.entity;
    a.ids.insert(e.id);
    if (e.type == EntityType::kState) {
      for (const char* key : {"cameo", "iso3"}) {
        auto it = e.attributes.find(key);
        if (it != e.attributes.end()) a.state_by_code.emplace(it->second, e.id);
      }
    }
    std::set<std::string> names = {a.Fold(e.label)};
    for (const std::string& alias : e.aliases) names.insert(a.Fold(alias));
    for (const std::string& name : names) a.by_name[name].emplace_back(e.id, e.type);
    a.names_by_id[e.id].assign(names.begin(), names.end());
    if (e.type == EntityType::kState) {
      std::set<std::string> words;
      for (const std::string& name : names) {
        for (const std::string& w : SplitSpaces(name)) words.insert(w);
      }
      for (const std::string& adjective : def.adjectives) {
        a.names_by_id[e.id].push_back(a.Fold(adjective));
        for (const std::string& w : SplitSpaces(a.Fold(adjective))) words.insert(w);
      }
      for (const std::string& w : words) ++a.state_word_count[w];
    }
    if (e.type == EntityType::kState) {
      for (const std::string& name : names) {
        for (const std::string& w : SplitSpaces(name)) a.country_words.insert(w);
      }
      for (const std::string& adjective : def.adjectives) {
        for (const std::string& w : SplitSpaces(a.Fold(adjective))) a.country_words.insert(w);
        a.adjectives.insert(a.Fold(adjective));
      }
    }
    for (const std::string& adjective : def.adjectives) {
      a.adjectives.insert(a.Fold(adjective));
    }
  }
  a.lexicon = &c.lexicon;
  a.names = &c.names;
  for (const internal::SectorDef& s : c.sectors) a.sectors[s.code] = {s.label, s.group};
  for (const auto& [first, nouns] : c.sector_nouns) {
    for (const internal::SectorNoun& n : nouns) {
      std::string phrase;
      for (const std::string& t : n.tokens) phrase += (phrase.empty() ? "" : " ") + t;
      a.sector_nouns.insert(phrase);
    }
  }
  return a;
}

// An entity being written.
struct EntityOut {
  std::string id;
  std::string label;
  std::string source;                           // "file:line" of the first actor it came from
  std::string input_path;                       // that file as the problems name it
  int line = 0;                                 // and that line
  std::vector<std::string> aliases_i, aliases;  // case-insensitive / case-sensitive
  std::vector<std::string> roles;               // "role ..." values
  std::string cameo;
};

class Importer {
 public:
  explicit Importer(const ImportOptions& options) : against_(MakeAgainst(options.against)) {
    for (const auto& [code, label_group] : against_.sectors) sector_codes_.insert(code);
    country_words_.insert(against_.country_words.begin(), against_.country_words.end());
  }

  void Agents(const ImportInput& input, const std::vector<Agent>& agents, std::string* text,
              std::string* summary) {
    std::map<std::string, std::vector<std::string>> by_code;  // code -> nouns (lower)
    // code -> nouns written with no plural ("POLICE {}"): `exact` lines.
    std::map<std::string, std::vector<std::string>> exact_by_code;
    // code -> nouns whose code comes first ("MSF [NGO~]"): `before` lines.
    std::map<std::string, std::vector<std::string>> before_by_code;
    std::map<std::string, int> first_line;
    size_t skipped = 0;
    for (const Agent& a : agents) {
      if (!ValidCode(a.code) || a.code.empty()) {
        Problem(input.path, a.noun.line, "agent code '" + a.code + "' is no CAMEO code");
        ++skipped;
        continue;
      }
      std::vector<std::string> nouns = {a.noun.text};
      for (const Name& p : a.plurals) nouns.push_back(p.text);
      for (const std::string& n : nouns) {
        std::string noun = Lower(n);
        // A noun and the preposition of its complement ("AMBASSADOR_TO", "EMBASSY_IN"): the
        // noun alone, or "Soviet Ambassador to" would be a sector view of the Soviet Union that
        // keeps "ambassador" from "Soviet Ambassador to the United States, Anatoly Dobrynin".
        if (const std::string head = WithoutTrailingPrepositions(noun); head != noun) {
          Problem(
              input.path, a.noun.line,
              "agent noun '" + n + "' ends in a preposition: " +
                  (head.empty() ? std::string("not translated") : "translated as '" + head + "'"));
          if (head.empty()) continue;
          noun = head;
        }
        if (noun.find(',') != std::string::npos || TokenTexts(noun, nullptr).empty()) {
          Problem(input.path, a.noun.line, "agent noun '" + n + "' cannot be written as a noun");
          ++skipped;
          continue;
        }
        (a.no_plural ? exact_by_code : by_code)[a.code].push_back(noun);
        if (a.code_first && n == a.noun.text) before_by_code[a.code].push_back(noun);
        agent_nouns_.insert(noun);
        first_line.emplace(a.code, a.noun.line);
      }
    }
    for (const auto& [code, nouns] : exact_by_code) by_code[code];  // a sector of exact nouns only
    for (auto& [code, nouns] : by_code) {
      std::vector<std::string>& exact = exact_by_code[code];
      std::vector<std::string>& before = before_by_code[code];
      for (std::vector<std::string>* list : {&nouns, &exact, &before}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
      }
      // A noun written both ways keeps its plural.
      const std::vector<std::string>& plural = nouns;  // clang 14 cannot capture a binding
      std::erase_if(exact, [&plural](const std::string& n) {
        return std::binary_search(plural.begin(), plural.end(), n);
      });
      *text += "\n# " + FileName(input.path) + ":" + std::to_string(first_line[code]) + "\n";
      *text += "sector " + code + "\n";
      if (sector_codes_.count(code) == 0) {
        // A code the rules do not define yet: its label and group from CAMEO's actor types;
        // a compound ("GOVMED") takes the group of its first part.
        const SectorType* whole = FindSectorType(code);
        const SectorType* first = FindSectorType(code.substr(0, 3));
        std::string label, group;
        if (whole != nullptr) {
          label = std::string(whole->label);
          group = std::string(whole->group);
        } else if (first != nullptr) {
          const SectorType* last = FindSectorType(code.substr(code.size() - 3));
          label = last != nullptr ? std::string(last->label) : Lower(code);
          auto known = against_.sectors.find(code.substr(0, 3));
          group =
              known != against_.sectors.end() ? known->second.second : std::string(first->group);
        } else {
          label = Lower(code);
        }
        *text += "  label      " + label + "\n";
        if (!group.empty()) *text += "  group      " + group + "\n";
        sector_codes_.insert(code);
      }
      for (const auto& [key, list] :
           {std::pair{"  noun       ", &nouns}, std::pair{"  exact      ", &exact},
            std::pair{"  before     ", &before}}) {
        std::string line;
        for (const std::string& n : *list) {
          if (!line.empty() && line.size() + n.size() > 88) {
            *text += key + line + "\n";
            line.clear();
          }
          line += (line.empty() ? "" : ", ") + n;
        }
        if (!line.empty()) *text += key + line + "\n";
      }
    }
    *summary += FileName(input.path) + ": " + std::to_string(agents.size()) + " agents -> " +
                std::to_string(by_code.size()) + " sectors" +
                (skipped > 0 ? ", " + std::to_string(skipped) + " not translated" : "");
  }

  void Actors(const ImportInput& input, const ActorFile& file, std::string* text,
              std::string* summary) {
    // Countries first, so that the people's roles find them.
    const std::string path = FileName(input.path);
    size_t persons = 0, states = 0, organizations = 0, dropped = 0;
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
        Problem(input.path, a.line,
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
      Problem(input.path, agent.noun.line,
              "agent '" + agent.noun.text + " [~" + agent.code +
                  "]' in an actors file: translated with the agents ('sector " + agent.code + "')");
      pending_agents_.push_back(agent);
    }
    // Written at the end (Finish), since several files may add to one entity.
    *summary += path + ": " + std::to_string(file.actors.size()) + " actors -> " +
                std::to_string(states) + " state, " + std::to_string(persons) + " person and " +
                std::to_string(organizations) + " organization entries" +
                (dropped > 0 ? ", " + std::to_string(dropped) + " without a code" : "");
    (void)text;
  }

  // The entity blocks of every actor file, in the first actor file's text. An entity's label is
  // one of its aliases: the rules compile a label as an alias, and a name left out (one the
  // rules give another entity, a title, a given name) must not come back as the label. An
  // entity with no name left is not written, unless the rules have its id (it is merged into
  // theirs) or it is a state (roles name it).
  std::string EntityBlocks(const std::string& path) {
    std::string text;
    for (const std::string& id : order_) {
      const EntityOut& e = entities_.at(id);
      if (e.source.rfind(FileName(path) + ":", 0) != 0) continue;
      std::string label = e.label;
      auto fold = [](const std::string& s) { return AsciiLower(s); };
      const bool named =
          std::any_of(e.aliases_i.begin(), e.aliases_i.end(),
                      [&](const std::string& a) { return fold(a) == fold(label); }) ||
          std::find(e.aliases.begin(), e.aliases.end(), label) != e.aliases.end();
      if (!named) {
        if (!e.aliases_i.empty()) {
          label = e.aliases_i[0];
        } else if (!e.aliases.empty()) {
          label = e.aliases[0];
        } else if (against_.ids.count(e.id) == 0 && !e.id.starts_with("state:")) {
          Problem(e.input_path, e.line,
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

  void Verbs(const ImportInput& input, const VerbFile& file, std::string* text,
             std::string* summary) {
    const std::string path = FileName(input.path);
    size_t frames = 0, patterns = 0, refines = 0;
    // The words of the file's patterns and synonym sets, lower case: UnknownHead().
    pattern_words_.clear();
    for (const VerbBlock& block : file.blocks) {
      for (const VerbPattern& p : block.patterns) {
        for (const auto* side : {&p.before, &p.after}) {
          for (const std::string& w : *side) pattern_words_.insert(Lower(w));
        }
      }
    }
    for (const auto& [name, phrases] : file.synsets) {
      for (const std::vector<std::string>& phrase : phrases) {
        for (const std::string& w : phrase) pattern_words_.insert(Lower(w));
      }
    }
    // Irregular forms.
    std::string forms_block;
    std::set<std::string> seen_lemmas;
    for (const VerbBlock& block : file.blocks) {
      for (const Verb& v : block.verbs) {
        if (v.forms.empty()) continue;
        const std::string lemma = Lower(v.verb);
        if (UnknownHead(v, lemma)) {
          Problem(input.path, v.line, UnknownHeadMessage(v, lemma));
          continue;
        }
        if (!seen_lemmas.insert(lemma).second) continue;
        std::vector<std::string> third, ing, ed;
        for (const std::string& f : v.forms) {
          const std::string form = Lower(SplitSpaces(f).empty() ? f : SplitSpaces(f)[0]);
          if (form.ends_with("ing")) {
            ing.push_back(form);
          } else if (form == lemma + "s" || form == lemma + "es" ||
                     (lemma.ends_with("y") && form == lemma.substr(0, lemma.size() - 1) + "ies")) {
            third.push_back(form);
          } else {
            ed.push_back(form);
          }
        }
        const internal::RegularVerbForms regular = internal::RegularForms(lemma);
        auto slot = [](std::vector<std::string>& forms, const std::string& fallback) {
          if (forms.empty()) forms.push_back(fallback);
          std::string out;
          for (const std::string& f : forms) out += (out.empty() ? "" : "|") + f;
          return out;
        };
        bool ok = IsLowerWord(lemma);
        for (const auto* list : {&third, &ing, &ed}) {
          for (const std::string& f : *list) ok = ok && IsLowerWord(f);
        }
        if (!ok) {
          Problem(input.path, v.line, "irregular forms of '" + v.verb + "' are no words");
          continue;
        }
        forms_block += "  " + lemma + " " + slot(third, regular.third) + " " +
                       slot(ing, regular.ing) + " " + slot(ed, regular.ed) + "\n";
      }
    }
    if (!forms_block.empty()) {
      *text += "\n# The irregular forms " + path + " lists.\nverbs " + FileStem(input.path) + "\n" +
               forms_block;
    }
    lists_.clear();
    negative_lists_.clear();
    *text += WordLists(input, file, &lists_);
    // The forms that have blocks of their own beside their lemma's ("LEFT" beside "LEAVE"; not
    // "SAW" in the block of "SEE"), as single words.
    form_blocks_.clear();
    std::map<std::string, std::set<size_t>> lemma_blocks;             // lemma -> its blocks
    std::vector<std::tuple<std::string, std::string, size_t>> forms;  // (lemma, form, block)
    for (size_t i = 0; i < file.blocks.size(); ++i) {
      for (const Verb& v : file.blocks[i].verbs) {
        if (!v.before.empty() || !v.after.empty()) continue;  // "+KIDNAPPED_AND_KILLED"
        const std::string word = Lower(v.verb);
        const std::string lemma = LemmaOf(word);
        if (word == lemma) {
          lemma_blocks[lemma].insert(i);
        } else {
          forms.emplace_back(lemma, word, i);
        }
      }
    }
    for (const auto& [lemma, form, block] : forms) {
      const auto it = lemma_blocks.find(lemma);
      if (it != lemma_blocks.end() && (it->second.size() > 1 || !it->second.contains(block))) {
        form_blocks_[lemma].insert(form);
      }
    }
    std::set<std::string> frame_ids;
    for (const VerbBlock& block : file.blocks) {
      patterns += block.patterns.size();
      // Verbs of one block that share their own code and the words before them make one frame
      // family.
      std::map<std::pair<std::string, std::vector<std::string>>, std::vector<const Verb*>> groups;
      for (const Verb& v : block.verbs) {
        groups[{v.code.empty() ? block.code : v.code, v.before}].push_back(&v);
      }
      // CAMEO.2.0 names in a pattern's comment the verbs it was written for ("- * (TO) [042:043]
      // # HEAD": "head to", not "lead to" or "direct X to"); such a pattern is read with those
      // verbs only, one without such a comment with every verb of the block.
      std::vector<std::set<size_t>> named(block.patterns.size());
      for (size_t i = 0; i < block.patterns.size(); ++i) {
        named[i] = NamedVerbs(block, block.patterns[i]);
      }
      for (const auto& [key, verbs] : groups) {
        const auto& [code, before] = key;
        const bool synonyms = SynonymSet(verbs);
        // Verbs read with the same patterns make one frame family; the one of the patterns no
        // comment names keeps the block's id, each other is told by its first verb.
        std::map<std::vector<size_t>, std::vector<const Verb*>> by_patterns;
        std::vector<std::vector<size_t>> order;
        for (const Verb* v : verbs) {
          const size_t index = static_cast<size_t>(v - block.verbs.data());
          std::vector<size_t> mine;
          for (size_t i = 0; i < block.patterns.size(); ++i) {
            if (named[i].empty() || named[i].contains(index)) mine.push_back(i);
          }
          auto [it, added] = by_patterns.try_emplace(mine);
          if (added) order.push_back(mine);
          it->second.push_back(v);
        }
        for (const std::vector<size_t>& mine : order) {
          const std::vector<const Verb*>& family = by_patterns[mine];
          const bool generic =
              std::all_of(mine.begin(), mine.end(), [&](size_t i) { return named[i].empty(); });
          std::vector<const VerbPattern*> patterns;
          for (size_t i : mine) patterns.push_back(&block.patterns[i]);
          frames += WriteFrames(input, block, code, before, family, patterns, synonyms,
                                generic ? "" : VerbName(*family[0]), &frame_ids, text, &refines);
        }
      }
    }
    *summary += path + ": " + std::to_string(file.blocks.size()) + " verb blocks, " +
                std::to_string(patterns) + " patterns -> " + std::to_string(frames) + " frames, " +
                std::to_string(refines) + " refine lines";
  }

  void Discards(const ImportInput& input, const DiscardFile& file, std::string* text,
                std::string* summary) {
    auto list = [&](const char* key, const std::vector<Name>& names) {
      std::string line;
      size_t n = 0;
      for (const Name& name : names) {
        const std::string phrase = Lower(name.text);
        if (phrase.find(',') != std::string::npos || TokenTexts(phrase, nullptr).empty()) {
          Problem(input.path, name.line, "discard '" + name.text + "' is no phrase");
          continue;
        }
        if (!line.empty() && line.size() + phrase.size() > 88) {
          *text += std::string("  ") + key + line + "\n";
          line.clear();
        }
        line += (line.empty() ? "" : ", ") + phrase;
        ++n;
      }
      if (!line.empty()) *text += std::string("  ") + key + line + "\n";
      return n;
    };
    *text += "\n# " + FileName(input.path) + "\ndiscard " + FileStem(input.path) + "\n";
    const size_t sentence = list("sentence   ", file.sentence);
    const size_t story = list("document   ", file.story);
    *summary += FileName(input.path) + ": " + std::to_string(sentence) + " sentence and " +
                std::to_string(story) + " story discards";
  }

  void FlushAgents(const std::string& path, std::string* text) {
    if (pending_agents_.empty()) return;
    std::string summary;
    Agents(ImportInput{path, ""}, pending_agents_, text, &summary);
    pending_agents_.clear();
  }

  std::vector<petrarch::Problem>& problems() { return problems_; }

 private:
  // Once each: a pattern is written into the frames of every verb family it applies to.
  void Problem(const std::string& path, int line, std::string message) {
    if (!reported_.insert({path, line, message}).second) return;
    problems_.push_back({path, line, std::move(message)});
  }

  static bool IsLowerWord(std::string_view w) {
    if (w.empty()) return false;
    for (char c : w) {
      if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
    }
    return true;
  }

  static std::string DefaultCode(const Actor& a) {
    for (const ActorCode& c : a.codes) {
      if (c.from.empty() && c.to.empty()) return c.code == "---" ? "" : c.code;
    }
    return "";
  }

  // Whether the actor is the state of its country code: the actor of that code without dated
  // codes, else one named as the rules' state of the code, else the first with the code.
  bool IsStateActor(const Actor& a, const std::string& code) const {
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

  // Whether the actor holds a dated role in its own country: a dated code that is its default
  // country code and a sector ("SAM_GAMGEE [HOB] [HOBCIV <20080120]": a person of HOB, unless
  // it is the state HOB itself: "SLOVENIA_ [SVN] [SVNGOV >20121222]").
  static bool HasDatedRole(const Actor& a, const std::string& default_code) {
    if (default_code.size() != 3) return false;
    return std::any_of(a.codes.begin(), a.codes.end(), [&](const ActorCode& c) {
      return (!c.from.empty() || !c.to.empty()) && c.code.size() > 3 &&
             c.code.starts_with(default_code);
    });
  }

  // The country code of a state whose codes are all dated: its current code (the open-ended
  // one, else the last) when that is a bare country code ("[ARM >911221]"); "" otherwise
  // (GOLLUM's current code is HOBREB: a person).
  static std::string DatedCountryCode(const Actor& a) {
    const ActorCode* current = nullptr;
    for (const ActorCode& c : a.codes) {
      if (c.from.empty() && c.to.empty()) continue;
      if (current == nullptr || !current->to.empty()) current = &c;
    }
    return current != nullptr && IsCountryCode(current->code) ? current->code : "";
  }

  // `phrase` (lower case) without the prepositions at its end, by the rules' lexicon.
  std::string WithoutTrailingPrepositions(const std::string& phrase) const {
    std::vector<std::string> words = SplitSpaces(phrase);
    while (!words.empty() && against_.lexicon != nullptr) {
      const internal::LexEntry* entry = against_.lexicon->Find(words.back());
      if (entry == nullptr ||
          (entry->classes & (internal::kClassPreposition | internal::kClassTo)) == 0) {
        break;
      }
      words.pop_back();
    }
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
  }

  static bool HasDatedCode(const Actor& a) {
    return std::any_of(a.codes.begin(), a.codes.end(), [](const ActorCode& c) {
      return (!c.from.empty() || !c.to.empty()) && c.code != "---";
    });
  }

  std::string StateId(const Actor& a, const std::string& code) {
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

  // The rules' entity one of the actor's names names: a person for a person, any actor that
  // is no person for an organization ("ISRAELI_TROOPS" is group:israel-military); "" when none
  // or several.
  std::string Known(const Actor& a, EntityType type) const {
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

  // The id of a person or organization: the rules' entity with one of its names, else the slug
  // of its first name (made unique). Actors of one code are not joined: a code is what event
  // data calls an actor ("USAMIL" for the Joint Chiefs of Staff and for West Point), not one
  // entity.
  std::string EntityIdFor(const Actor& a, EntityType type) {
    if (std::string id = Known(a, type); !id.empty()) return id;
    const std::string base =
        MakeEntityId(type, DisplayName(a.names[0].text, type == EntityType::kPerson));
    // An actor of the same first name that an earlier actor took ("GERHARD_SCHRODER_" twice in
    // Phoenix.Countries.actors.txt): the same entity, its roles added, not a second entity with
    // the same aliases.
    if (auto it = first_name_.find(base); it != first_name_.end() &&
                                          against_.ids.count(base) == 0 &&
                                          it->second == AsciiLower(a.names[0].text)) {
      return base;
    }
    const std::string id = UniqueId(base, a);
    first_name_.emplace(id, AsciiLower(a.names[0].text));
    return id;
  }

  // `base`, or base-2, base-3, ... when another actor or an entity of the rules has it.
  std::string UniqueId(const std::string& base, const Actor& a) {
    std::string id = base;
    for (int n = 2; (owner_.count(id) > 0 && owner_[id] != &a) || against_.ids.count(id) > 0; ++n) {
      id = base + "-" + std::to_string(n);
    }
    owner_[id] = &a;
    return id;
  }

  EntityOut& Entity(const std::string& id, const Actor& a, const std::string& input_path) {
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

  // Words that make a name a title and a name ("PRESIDENT VLADIMIR PUTIN", "RUSSIAN PRIME
  // MINISTER VLADIMIR PUTIN"): agent nouns, countries' names and common titles.
  bool IsTitleWord(const std::string& folded) const {
    static const std::set<std::string> kTitles = {
        "mr",   "mrs", "ms",     "dr",      "sir",    "gen",  "general", "former",
        "then", "new", "acting", "interim", "deputy", "vice", "first",   "lady"};
    if (kTitles.count(folded) > 0) return true;
    if (agent_nouns_.count(folded) > 0 || against_.sector_nouns.count(folded) > 0) return true;
    for (const std::string& word : SplitSpaces(folded)) {
      if (agent_words_.count(word) == 0) return false;
    }
    return true;
  }

  // The ids of `words` (folded) in the rules' name vocabulary, for its phrase sets.
  std::vector<uint32_t> NameIds(const std::vector<std::string>& words) const {
    std::vector<uint32_t> ids;
    for (const std::string& w : words) {
      ids.push_back(against_.names != nullptr ? against_.names->Id(w)
                                              : internal::TokenTable::kAbsent);
    }
    return ids;
  }

  // How many words at the start of `words` (folded) are titles: sector and agent nouns
  // ("prime minister"), the rules' titles and honorifics ("deputy secretary of state", "mr"),
  // states' adjectives ("russian"), longest first.
  size_t TitleLength(const std::vector<std::string>& words) const {
    static const std::set<std::string> kTitles = {
        "mr", "mrs", "ms", "dr", "sir", "gen", "former", "acting", "interim", "deputy", "vice"};
    const std::vector<uint32_t> ids = NameIds(words);
    size_t i = 0;
    while (i < words.size()) {
      size_t best = 0;
      if (against_.names != nullptr) {
        best = std::max(against_.names->titles.LongestAt(ids, i),
                        against_.names->honorifics.LongestAt(ids, i));
      }
      std::string phrase;
      for (size_t j = i; j < words.size() && j < i + 5; ++j) {
        phrase += (j > i ? " " : "") + words[j];
        if (agent_nouns_.count(phrase) > 0 || against_.sector_nouns.count(phrase) > 0 ||
            against_.adjectives.count(phrase) > 0 || (j == i && kTitles.count(phrase) > 0)) {
          best = std::max(best, j - i + 1);
        }
      }
      if (best == 0) break;
      i += best;
    }
    return i;
  }

  // Whether a phrase of the rules' head nouns of `kind` (0 organization, 1 agreement, 2 event,
  // 3 place: NameVocabulary::heads) is in `words` (folded); `at_end`: ends them.
  bool HasHead(const std::vector<std::string>& words, int kind, bool at_end) const {
    if (against_.names == nullptr) return false;
    const std::vector<uint32_t> ids = NameIds(words);
    for (size_t i = 0; i < ids.size(); ++i) {
      const size_t n = against_.names->heads[kind].LongestAt(ids, i);
      if (n > 0 && (!at_end || i + n == ids.size())) return true;
    }
    return false;
  }

  // Whether the actor's first name is an organization's: none of the rules' titles first and a
  // head noun of organizations in it ("Politburo", "Party").
  bool OrganizationName(const Actor& a) const {
    if (against_.names == nullptr) return false;
    const std::vector<std::string> words = SplitSpaces(Lower(a.names[0].text));
    const std::vector<uint32_t> ids = NameIds(words);
    return against_.names->titles.LongestAt(ids, 0) == 0 &&
           against_.names->honorifics.LongestAt(ids, 0) == 0 && HasHead(words, 0, false);
  }

  // Whether the first `title` words of `words` (folded) are a title that belongs to a name of
  // one word ("king", "pope": "King Hussein" is a full name; rules/core/names.rules).
  bool RegnalTitle(const std::vector<std::string>& words, size_t title) const {
    return against_.names != nullptr && title > 0 &&
           against_.names->regnal.LongestAt(NameIds(words), 0) == title;
  }

  // Whether `words` (folded) open with one of the rules' titles and "of" or "for" after it
  // ("DIRECTOR OF THE OFFICE OF THE FOREIGN AFFAIRS COMMISSION"): an office.
  bool TitleOfSomething(const std::vector<std::string>& words) const {
    if (against_.names == nullptr) return false;
    const std::vector<uint32_t> ids = NameIds(words);
    const size_t n = std::max(against_.names->titles.LongestAt(ids, 0),
                              against_.names->honorifics.LongestAt(ids, 0));
    return n > 0 && n < words.size() && (words[n] == "of" || words[n] == "for");
  }

  // Whether `words` (folded) name an office, not an organization: titles and country words only,
  // after an optional "the" ("The US Secretary of State", "Secretary of State"), with at least
  // one title. The clause layer reads titles, and "Secretary of State Vance" is a person.
  bool OfficeOnly(const std::vector<std::string>& words) const {
    size_t i = !words.empty() && words[0] == "the" ? 1 : 0;
    bool title = false;
    while (i < words.size()) {
      if (country_words_.count(words[i]) > 0) {
        ++i;
        continue;
      }
      const std::vector<std::string> rest(words.begin() + i, words.end());
      const size_t n = TitleLength(rest);
      if (n == 0) return false;
      title = true;
      i += n;
    }
    return title;
  }

  // Whether the one-word name `text` (as written) is a given name of the rules
  // (rules/core/given_names.rules) in a name's spelling ("Takeo", not the acronym "ETA").
  bool GivenName(const std::string& text) const {
    if (against_.names == nullptr || text.size() < 2) return false;
    const bool name_case =
        text[0] >= 'A' && text[0] <= 'Z' &&
        std::none_of(text.begin() + 1, text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!name_case) return false;
    return against_.names->given.ContainsWord(against_.names->Id(Lower(text)));
  }

  void AddNames(const std::string& path, const Actor& a, EntityType type, EntityOut* e) {
    if (agent_words_.empty()) {
      for (const std::string& n : agent_nouns_) {
        for (const std::string& w : SplitSpaces(n)) agent_words_.insert(w);
      }
      for (const std::string& n : against_.sector_nouns) {
        for (const std::string& w : SplitSpaces(n)) agent_words_.insert(w);
      }
    }
    std::vector<std::vector<std::string>> all;
    for (const Name& n : a.names) all.push_back(SplitSpaces(Lower(n.text)));
    for (size_t i = 0; i < a.names.size(); ++i) {
      const Name& n = a.names[i];
      const std::vector<std::string>& words = all[i];
      if (words.empty()) continue;
      // A title and another name of this actor: the clause layer reads titles itself.
      bool titled = false;
      for (size_t j = 0; j < all.size() && !titled; ++j) {
        if (j == i || all[j].empty() || all[j].size() >= words.size()) continue;
        if (!std::equal(all[j].begin(), all[j].end(), words.end() - all[j].size())) continue;
        const std::vector<std::string> prefix(words.begin(), words.end() - all[j].size());
        titled = TitleLength(prefix) == prefix.size();
      }
      if (titled) {
        Problem(path, n.line, "'" + n.text + "' is a title and a name: the clause layer reads it");
        continue;
      }
      // Nothing but a country and sector nouns ("ISRAELI TROOPS"): the sector pass composes it.
      if (type != EntityType::kPerson && type != EntityType::kState &&
          std::all_of(words.begin(), words.end(),
                      [&](const std::string& w) {
                        return IsTitleWord(w) || country_words_.count(w) > 0;
                      }) &&
          std::any_of(words.begin(), words.end(),
                      [&](const std::string& w) { return country_words_.count(w) == 0; })) {
        Problem(path, n.line,
                "'" + n.text + "' is a country and sector nouns: the sector pass composes it");
        continue;
      }
      // An office ("SECRETARY OF STATE" among the names of an actor coded USAGOV): the clause
      // layer reads titles, and an alias would swallow the title of "Secretary of State Vance".
      if (type != EntityType::kPerson && type != EntityType::kState &&
          (OfficeOnly(words) || TitleOfSomething(words))) {
        Problem(path, n.line, "'" + n.text + "' is an office: the clause layer reads it");
        continue;
      }
      // Titles before a name of two words or more: the name alone ("PRESIDENT DMITRI A.
      // MEDVEDEV" is "Dmitri A. Medvedev").
      const size_t title = type == EntityType::kPerson ? TitleLength(words) : 0;
      // A title and its complement ("GENERAL SECRETARY OF THE COMMUNIST PARTY"): an office.
      if (title > 0 && title < words.size() &&
          (words[title] == "of" || words[title] == "the" || words[title] == "for")) {
        Problem(path, n.line, "'" + n.text + "' is an office: the clause layer reads it");
        continue;
      }
      // A title before one word ("PRESIDENT KENNEDY"): discovery reads the title and the
      // surname, and an alias would keep the title from the clause layer, unless the title
      // belongs to the name ("KING HUSSEIN").
      if (title > 0 && words.size() - title == 1 && !RegnalTitle(words, title)) {
        Problem(
            path, n.line,
            "'" + n.text + "' is a title and a surname: discovery and the clause layer read it");
        continue;
      }
      if (title > 0 && words.size() - title >= 2) {
        std::string rest;
        size_t skip = title;
        for (const std::string& w : SplitSpaces(n.text)) {
          if (skip > 0) {
            --skip;
            continue;
          }
          rest += (rest.empty() ? "" : " ") + w;
        }
        Problem(path, n.line,
                "'" + n.text + "' is a title and a name: imported as '" + DisplayName(rest, true) +
                    "'");
        AddName(DisplayName(rest, true), e);
        continue;
      }
      if (n.text.find(',') != std::string::npos) {
        Problem(path, n.line, "'" + n.text + "' holds a comma, which no alias may");
        continue;
      }
      const std::string display = DisplayName(n.text, type == EntityType::kPerson);
      if (against_.adjectives.count(against_.Fold(n.text)) > 0) {
        Problem(path, n.line,
                "'" + n.text + "' is an adjective in the rules (a demonym): not an alias");
        continue;
      }
      // A name the rules give another entity stays theirs ("TOKYO" under JAPAN is place:tokyo,
      // which acts as Japan where an actor is meant).
      std::string folded = against_.Fold(n.text);
      if (folded.starts_with("the ") && against_.by_name.count(folded) == 0) folded.erase(0, 4);
      if (auto it = against_.by_name.find(folded); it != against_.by_name.end()) {
        const bool other = std::any_of(it->second.begin(), it->second.end(),
                                       [&](const auto& known) { return known.first != e->id; });
        if (other) {
          Problem(path, n.line,
                  "'" + n.text + "' names " + it->second.front().first +
                      " in the rules: not an alias of " + e->id);
          continue;
        }
      }
      // A state's or place's name that ends in a head noun of organizations, agreements or
      // events ("STATE COLLEGE", a town, among the names of the United States): it would take
      // part of "Glassboro State College".
      if ((type == EntityType::kState || type == EntityType::kPlace) && words.size() >= 2 &&
          against_.by_name.count(against_.Fold(n.text)) == 0 &&
          (HasHead(words, 0, true) || HasHead(words, 1, true) || HasHead(words, 2, true))) {
        Problem(path, n.line,
                "'" + n.text +
                    "' ends in a head noun of organizations, agreements or events: "
                    "not an alias of " +
                    e->id);
        continue;
      }
      // A given name as a one-word name ("TAKEO", a province, among Cambodia's names; "NASSER"
      // among Egypt's): it would take the person "Akiba Takeo".
      // Short ones keep their capitals only ("ETA": "Eta" is a given name). A person known by
      // one name that is a given name ("HUSSEIN", King Hussein of Jordan) is no alias either:
      // it would take "Mr. Hussein" and "President Hassan" of any country.
      if (words.size() == 1 && GivenName(display)) {
        if (n.text.size() <= 5 && display != n.text) {
          Problem(path, n.line,
                  "one-word name '" + n.text + "' is a given name: an alias in capitals only");
          Add(&e->aliases, n.text);
        } else {
          Problem(path, n.line, "one-word name '" + n.text + "' is a given name: not an alias");
        }
        continue;
      }
      // Another organization of the same code ("JOINT CHIEFS OF STAFF" among the names of
      // "UNITED STATES MILITARY" [USAMIL]): a name of several words that shares no word with
      // the actor's first name, its names so far or the rules' names of its entity, and is no
      // spelling out of one of them ("North Atlantic Treaty Organization" for "NATO").
      if (type == EntityType::kOrganization && (i > 0 || against_.names_by_id.count(e->id) > 0) &&
          words.size() >= 2 && !ResemblesOneOf(words, all[0], *e)) {
        Problem(path, n.line,
                "'" + n.text + "' shares no word with the names of " + e->id +
                    ": another organization with its code, not an alias");
        continue;
      }
      // A state's other names that are not its names: Phoenix lists a country's cities,
      // regions and rivers with it ("BUFFALO", "PORTLAND", "VIRGINIA BEACH" among the names of
      // the United States), places where parley wants the place. A name of a state the rules
      // have is the state's when it shares a word with the rules' names and adjectives of the
      // state that at most three states' names have ("korea", not "republic"), or spells out
      // one of them that is an acronym.
      if (type == EntityType::kState && against_.by_name.count(against_.Fold(n.text)) == 0 &&
          !ResemblesState(words, *e)) {
        Problem(path, n.line,
                "'" + n.text + "' shares no word with the names of " + e->id +
                    " (a city, region or river of it?): not an alias");
        continue;
      }
      if (words.size() == 1) {
        const std::string& w = words[0];
        const bool word = against_.lexicon != nullptr && against_.lexicon->Find(w) != nullptr;
        // A word of an agent noun is an English word too ("YOUTH": "minister of youth").
        if (w.size() < 3 || word || agent_nouns_.count(w) > 0 ||
            against_.sector_nouns.count(w) > 0 ||
            (type != EntityType::kPerson && agent_words_.count(w) > 0) ||
            std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          Problem(path, n.line, "one-word name '" + n.text + "' is an English word: not an alias");
          continue;
        }
        // An acronym of another organization of the same code ("FTC" among the names of the
        // Export-Import Bank, "UNSCR", a resolution, among those of the Security Council): for
        // an organization the rules have, a one-word name is one of their names or spells the
        // initials of one.
        if (type == EntityType::kOrganization && against_.names_by_id.count(e->id) > 0 &&
            !ResemblesOneOf(words, all[0], *e)) {
          Problem(path, n.line,
                  "'" + n.text + "' is no name of " + e->id + " nor its initials: not an alias");
          continue;
        }
        // A person's surname alone ("BAKER" of "JAMES BAKER"): discovery links it to the full
        // name where the document gives that, and alone it would take "Ms. Baker".
        const bool surname =
            type == EntityType::kPerson &&
            std::any_of(all.begin(), all.end(), [&](const std::vector<std::string>& other) {
              return other.size() >= 2 && other.back() == w;
            });
        if (surname) {
          Problem(path, n.line,
                  "one-word name '" + n.text +
                      "' is the surname of another of its names: "
                      "discovery links it");
          continue;
        }
        Add(&e->aliases, display);
        if (n.text.size() <= 5 && display != n.text) Add(&e->aliases, n.text);
      } else {
        AddName(display, e);
      }
      if (type == EntityType::kState) {
        for (const std::string& w : words) country_words_.insert(w);
      }
    }
  }

  // The words of a name (folded) that tell it from others: three letters or more, no country's
  // word, no "the", "and", "for".
  std::set<std::string> DistinctWords(const std::vector<std::string>& words) const {
    std::set<std::string> out;
    for (const std::string& w : words) {
      if (w.size() < 3 || w == "the" || w == "and" || w == "for") continue;
      if (country_words_.count(w) > 0) continue;
      out.insert(w);
    }
    return out;
  }

  // Whether the name `words` (folded) shares a distinct word with `root` (folded), an alias of
  // `e` or the rules' names of e's id, or spells out one of them that is an acronym.
  bool ResemblesOneOf(const std::vector<std::string>& words, const std::vector<std::string>& root,
                      const EntityOut& e) const {
    const std::set<std::string> mine = DistinctWords(words);
    if (mine.empty()) return true;
    std::string initials;
    for (const std::string& w : words) {
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') initials += w[0];
    }
    // The rules' names of the entity when it is theirs (the actor's first name may be another
    // organization's: "FEDERAL TRADE COMMISSION" with "EXPORT-IMPORT BANK OF THE UNITED
    // STATES" [USAGOVBUS]), else its first name; and the names kept so far.
    std::vector<std::vector<std::string>> others;
    if (auto it = against_.names_by_id.find(e.id); it != against_.names_by_id.end()) {
      for (const std::string& name : it->second) others.push_back(SplitSpaces(name));
    } else {
      others.push_back(root);
    }
    for (const auto* list : {&e.aliases_i, &e.aliases}) {
      for (const std::string& alias : *list) others.push_back(SplitSpaces(Lower(alias)));
    }
    for (const std::vector<std::string>& other : others) {
      if (other.size() == 1 && other[0] == initials) return true;
      if (words.size() == 1 && other.size() >= 2) {
        std::string theirs;
        for (const std::string& w : other) {
          if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') theirs += w[0];
        }
        if (theirs == words[0]) return true;
        continue;
      }
      for (const std::string& w : DistinctWords(other)) {
        if (mine.count(w) > 0) return true;
      }
    }
    return false;
  }

  // A name of several words, in the case DisplayName gives it where that is how English writes
  // the name ("Bank of Japan", "The Shire" and "the Shire": the lower-case
  // "the foundation of" is no mention of "The Foundation"); in any case where a hyphen, an
  // apostrophe or a short word in capitals leaves the spelling open ("Ban Ki-Moon", "AL Qaeda").
  static void AddName(const std::string& display, EntityOut* e) {
    // A person's name in any case: no lower-case phrase spells one, and the case-insensitive
    // match also folds accents ("Sauli Niinisto" for "Sauli Niinistö").
    bool open = display.find_first_of("-'") != std::string::npos || e->id.starts_with("person:");
    for (const std::string& w : SplitSpaces(display)) {
      if (w.size() <= 2 &&
          std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        open = true;
      }
    }
    Add(open ? &e->aliases_i : &e->aliases, display);
    // "THE SHIRE" is "the Shire" inside a sentence.
    if (!open && display.starts_with("The ")) Add(&e->aliases, "the" + display.substr(3));
  }

  // ResemblesOneOf for a state the rules have: the words that tell states apart, against the
  // rules' names of the state; true for a state the rules do not have.
  bool ResemblesState(const std::vector<std::string>& words, const EntityOut& e) const {
    auto distinct = [&](const std::vector<std::string>& name) {
      std::set<std::string> out;
      for (const std::string& w : name) {
        if (w.size() < 3 || w == "the" || w == "and" || w == "for") continue;
        auto it = against_.state_word_count.find(w);
        if (it == against_.state_word_count.end() || it->second <= 3) out.insert(w);
      }
      return out;
    };
    std::string initials;
    for (const std::string& w : words) {
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') initials += w[0];
    }
    std::vector<std::vector<std::string>> others;
    auto known = against_.names_by_id.find(e.id);
    if (known == against_.names_by_id.end()) return true;
    for (const std::string& name : known->second) others.push_back(SplitSpaces(name));
    const std::set<std::string> mine = distinct(words);
    for (const std::vector<std::string>& other : others) {
      if (other.size() == 1 && other[0] == initials) return true;
      for (const std::string& w : distinct(other)) {
        if (mine.count(w) > 0) return true;
      }
    }
    return false;
  }

  static void Add(std::vector<std::string>* list, const std::string& item) {
    if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(item);
  }

  void AddCodes(const std::string& path, const Actor& a, EntityType type,
                const std::string& default_code, EntityOut* e) {
    bool have_default = false;
    for (const ActorCode& c : a.codes) {
      const bool dated = !c.from.empty() || !c.to.empty();
      if (c.code == "---") {
        if (dated) {
          Problem(path, c.line,
                  "'[--- ...]' (no code for a time) is not translated: the default code applies");
        }
        continue;
      }
      if (!ValidCode(c.code)) {
        Problem(path, c.line, "code '" + c.code + "' is no CAMEO actor code");
        continue;
      }
      if (!dated) {
        if (c.code != default_code || have_default) {
          Problem(path, c.line,
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

  // TreeBank's split contractions joined to the word they belong to ("DID N'T" -> "DIDN'T",
  // "GONDOR 'S" -> "GONDOR'S"), as parley's tokenizer reads the sentence.
  static std::vector<std::string> JoinContractions(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& w : words) {
      const std::string l = Lower(w);
      const bool clitic = l == "n't" || l == "'s" || l == "'ll" || l == "'re" || l == "'ve" ||
                          l == "'d" || l == "'m";
      // "DID_N'T": the join of the pattern is the contraction's own.
      if (clitic && out.size() >= 2 && out.back() == "_") out.pop_back();
      if (clitic && !out.empty() && out.back()[0] != '&' && out.back()[0] != '$' &&
          out.back()[0] != '+' && out.back()[0] != '%' && out.back()[0] != '^' &&
          out.back() != "_") {
        out.back() += w;
      } else {
        out.push_back(w);
      }
    }
    return out;
  }

  // A word that negates: "NOT", "NEVER", "NO", "DIDN'T".
  static bool NegationWord(std::string_view word) {
    const std::string l = Lower(word);
    return l == "not" || l == "never" || l == "no" || l == "nor" || l == "neither" ||
           l == "cannot" || l.ends_with("n't");
  }

  // Whether pattern items spell a negation: a negating word, or a synonym set every phrase of
  // which holds one (&NEGATVAUXVRB: "DID N'T", "WILL NOT", ...).
  bool SpellsNegation(const std::vector<std::string>& items) const {
    for (const std::string& item : JoinContractions(items)) {
      std::string name = item;
      while (!name.empty() && name.back() == '_') name.pop_back();
      if (NegationWord(item) || negative_lists_.count(name) > 0) return true;
    }
    return false;
  }

  // The word list a synonym set becomes ("&CURRENCY" in CAMEO.2.0.txt: cameo-2-0-currency).
  static std::string ListName(const std::string& stem, std::string synset) {
    while (!synset.empty() && (synset.back() == '_' || synset.back() == ' ')) synset.pop_back();
    return stem + "-" + MakeEntityId(EntityType::kEvent, Lower(synset.substr(1))).substr(6);
  }

  // The phrases of a synonym set, nested sets flattened ("&ACCORDSYN" holds "&TIETYPES"), as
  // word-list items: lower-case words, the last one taking any ending when it has four letters
  // or more (TABARI's stems). False for an unknown or too deeply nested set.
  bool Flatten(const VerbFile& file, const std::string& synset, std::vector<std::string>* items,
               int depth = 0) const {
    std::string name = synset;
    while (!name.empty() && name.back() == '_') name.pop_back();
    auto it = file.synsets.find(name);
    if (it == file.synsets.end() || depth > 4) return false;
    for (const std::vector<std::string>& phrase : it->second) {
      if (phrase.size() == 1 && phrase[0][0] == '&') {
        if (!Flatten(file, phrase[0], items, depth + 1)) return false;
        continue;
      }
      std::vector<std::string> tokens;
      for (const std::string& w : JoinContractions(phrase)) {
        if (w[0] == '&') return false;  // a set inside a phrase: not a word list
        for (const std::string& t : TokenTexts(Lower(w), nullptr)) tokens.push_back(t);
      }
      if (tokens.empty()) continue;
      std::string item;
      for (size_t i = 0; i < tokens.size(); ++i) item += (i > 0 ? " " : "") + tokens[i];
      const std::string& last = tokens.back();
      if (last.size() >= 4 &&
          std::all_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        item += "*";
      }
      if (std::find(items->begin(), items->end(), item) == items->end()) items->push_back(item);
    }
    return true;
  }

  // The `words` blocks of a verb file's synonym sets; the names of those written in `lists`.
  std::string WordLists(const ImportInput& input, const VerbFile& file,
                        std::set<std::string>* lists) {
    std::string text;
    for (const auto& [synset, phrases] : file.synsets) {
      std::vector<std::string> items;
      if (!Flatten(file, synset, &items) || items.empty()) {
        Problem(input.path, 0,
                "synonym set " + synset +
                    " refers to an unknown set or holds one inside a phrase: patterns naming "
                    "it are not translated");
        continue;
      }
      const std::string name = ListName(FileStem(input.path), synset);
      lists->insert(synset);
      if (std::all_of(phrases.begin(), phrases.end(), [](const std::vector<std::string>& words) {
            return std::any_of(words.begin(), words.end(), NegationWord);
          })) {
        negative_lists_.insert(synset);
      }
      text += "\nwords " + name + "   # " + synset + "\n";
      std::string line;
      for (const std::string& item : items) {
        if (item.find(',') != std::string::npos) continue;
        if (!line.empty() && line.size() + item.size() > 88) {
          text += "  " + line + "\n";
          line.clear();
        }
        line += (line.empty() ? "" : ", ") + item;
      }
      if (!line.empty()) text += "  " + line + "\n";
    }
    return text;
  }

  // Pattern words as refine words: a synonym set as its word list (@name), role markers
  // dropped, each word split into tokens, words of four letters or more taking any ending
  // (TABARI's stems) unless written with a final underscore ("CASH_"). Joined words (the item
  // "_" between them, and the tokens of one word) make one item joined by "_" ("for_ceasefire*");
  // a join before the first word or after the last is kept ("_upon*": right after the verb,
  // "recently*_": right before it). False when the pattern names a set that is no word list.
  bool Words(const ImportInput& input, const std::vector<std::string>& items,
             std::vector<std::string>* out) const {
    out->clear();
    bool join = false;  // the next word follows the last one directly
    auto add = [&](const std::string& word) {
      if (join && !out->empty()) {
        out->back() += "_" + word;
      } else {
        out->push_back(join ? "_" + word : word);
      }
      join = false;
    };
    for (const std::string& item : JoinContractions(items)) {
      if (item == "_") {
        join = true;
        continue;
      }
      if (item == "$" || item == "+" || item == "%" || item == "^") {
        join = false;
        continue;
      }
      if (item[0] == '&') {
        std::string name = item;
        while (!name.empty() && name.back() == '_') name.pop_back();
        if (lists_.count(name) == 0) return false;
        add("@" + ListName(FileStem(input.path), name));
        continue;
      }
      const bool exact = item.ends_with("_");
      const std::vector<std::string> tokens =
          TokenTexts(Lower(exact ? item.substr(0, item.size() - 1) : item), nullptr);
      for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        const bool stem = !exact && t.size() >= 4 && std::all_of(t.begin(), t.end(), [](char c) {
          return c >= 'a' && c <= 'z';
        });
        if (i > 0) join = true;
        add(stem ? t + "*" : t);
      }
    }
    if (join && !out->empty()) out->back() += "_";
    return true;
  }

  // The refine line of pattern words: "before * after", joined to the verb by "_" where the
  // pattern says so ("recently*_*", "*_upon*"); and how many words it has.
  static std::string RefineWords(const std::vector<std::string>& before,
                                 const std::vector<std::string>& after, size_t* length) {
    std::string words;
    *length = 0;
    for (const std::string& w : before) {
      words += w + (&w == &before.back() && w.ends_with("_") ? "" : " ");
    }
    words += "*";
    for (const std::string& w : after)
      words += (w.starts_with("_") && &w == &after.front() ? "" : " ") + w;
    for (const std::vector<std::string>* list : {&before, &after}) {
      for (const std::string& w : *list) {
        *length += 1 + std::count(w.begin(), w.end(), '_') - w.starts_with("_") - w.ends_with("_");
      }
    }
    return words;
  }

  struct Line {
    std::string words;  // "before * after"
    std::string cameo, reverse;
    std::string object;     // the frame's object line for a marked role, "" for the default
    bool asserted = false;  // the pattern spells a negation, which its code already means
    bool compound = false;  // `%` before the verb: a compound subject coded against itself
    size_t length = 0;
    int source = 0;
  };

  // The frame key of a line: its root, its object line and whether it is asserted ("04",
  // "04|with actor|", "90||asserted").
  static std::string FrameKey(const Line& l) {
    const std::string root = CameoRoot(l.cameo.empty() ? l.reverse : l.cameo);
    if (l.object.empty() && !l.asserted && !l.compound) return root;
    return root + "|" + l.object + "|" + (l.asserted ? "asserted" : "") +
           (l.compound ? "compound" : "");
  }

  // The object line a role marker of a pattern's words after the verb gives: right after the
  // verb ("* + IN DETENTION") the direct object, right after a preposition ("* EID AT ^ WITH
  // +") that preposition's phrase, after a preposition and skipped phrases ("* AT ^ +") the
  // first actor in a phrase after that preposition's; "" after a word the lexicon knows as no
  // preposition, or without the marker.
  std::string ObjectAt(const std::vector<std::string>& after, const std::string& marker) const {
    auto at = std::find(after.begin(), after.end(), marker);
    if (at == after.end()) return "";
    if (at != after.begin() && *(at - 1) == "_") --at;  // joined to the word before: "WITH_+"
    if (at == after.begin()) return "actor";
    // After skipped phrases (`^`) that follow a preposition ("* AT ^ +", "* IFTAR AT ^ ^ +"):
    // the first actor in a phrase after that preposition's.
    bool skipped = false;
    while (at != after.begin() && *(at - 1) == "^") {
      --at;
      skipped = true;
    }
    if (at == after.begin()) return "";
    std::string prep = Lower(*(at - 1));
    if (prep.ends_with("_")) prep.pop_back();
    if (against_.lexicon == nullptr || !IsLowerWord(prep)) return "";
    const internal::LexEntry* e = against_.lexicon->Find(prep);
    if (e == nullptr || (e->classes & (internal::kClassPreposition | internal::kClassTo)) == 0) {
      return "";
    }
    return skipped ? "any actor after " + prep : prep + " actor";
  }

  // What a pattern's role markers make of its frame. PETRARCH's source is the subject and its
  // target the first actor after the verb unless `$` (source) or `+` (target) say otherwise:
  //   `$` before the verb        the subject: nothing to translate;
  //   `+` after the verb         the object at the marker (ObjectAt);
  //   `+` before, `$` after it   the roles swapped: the subject is the target and the object at
  //                              `$` the source, which the reverse code (":CODE") gives;
  //   `%` before the verb        a compound subject, each member coded against the others
  //                              (`reciprocal object only`);
  //   `%` after the verb         a compound target: the object at the marker (every member
  //                              of a list is an object anyway);
  //   `^`                        a skipped phrase: the words around it still match in order.
  // Everything else (`+` or `$` after a word that is no preposition, or after skipped phrases
  // that follow none; `+` before the verb without `$` after it; `$` after the verb without `+`
  // before it; both after the verb; `%` with other markers) is untranslated: `untranslated` says
  // which, and the frame's default object applies.
  struct Roles {
    std::string object;  // the object line, "" for the frame's default
    bool swapped = false;
    bool compound = false;  // `%` before the verb
    std::string untranslated;
  };
  Roles PatternRoles(const VerbPattern& p) const {
    auto has = [](const std::vector<std::string>& items, const char* marker) {
      return std::find(items.begin(), items.end(), marker) != items.end();
    };
    Roles roles;
    std::vector<std::string> missing;
    const bool target_before = has(p.before, "+"), target_after = has(p.after, "+");
    const bool source_after = has(p.after, "$");
    const bool compound_before = has(p.before, "%"), compound_after = has(p.after, "%");
    if (compound_before || compound_after) {
      if (target_before || target_after || source_after || (compound_before && compound_after)) {
        missing.push_back("'%' (a compound actor) with other role markers");
      } else if (compound_before) {
        roles.compound = true;
      } else {
        roles.object = ObjectAt(p.after, "%");
        if (roles.object.empty()) {
          missing.push_back("'%' after a word that is no preposition");
        }
      }
    } else if (target_after && source_after) {
      missing.push_back("'$' and '+' both after the verb");
    } else if (target_after) {
      roles.object = ObjectAt(p.after, "+");
      if (roles.object.empty()) {
        missing.push_back("'+' after a word that is no preposition");
      }
      if (target_before) missing.push_back("'+' before the verb as well");
    } else if (source_after && target_before) {
      roles.swapped = true;
      roles.object = ObjectAt(p.after, "$");
      if (roles.object.empty()) {
        missing.push_back(
            "'$' after a word that is no preposition (the source is the first actor after the "
            "verb)");
      }
    } else if (source_after) {
      missing.push_back("'$' after the verb without '+' before it");
    } else if (target_before) {
      missing.push_back("'+' before the verb without '$' after it");
    }
    for (const std::string& m : missing) {
      roles.untranslated += (roles.untranslated.empty() ? "" : ", ") + m;
    }
    return roles;
  }

  // Whether `verbs` (of one block, sharing their code and the words before them) are a
  // synonym set: single words of more than one lemma ("LEAD", "HEAD", "CONDUCT"), as WordNet's
  // sets are; not one verb with phrases of the dictionary's own ("EXCLUDE", "+CORDON_OFF";
  // "BREAK", "+BREAK_DOWN").
  bool SynonymSet(const std::vector<const Verb*>& verbs) const {
    std::set<std::string> lemmas;
    for (const Verb* v : verbs) {
      if (v->before.empty() && v->after.empty()) lemmas.insert(LemmaOf(Lower(v->verb)));
    }
    return lemmas.size() > 1;
  }

  // Whether the lexicon of `against` reads `lemma` as a verb (true without a lexicon).
  bool KnownVerb(const std::string& lemma) const {
    if (against_.lexicon == nullptr) return true;
    const internal::LexEntry* e = against_.lexicon->Find(lemma);
    return e != nullptr && !e->senses.empty();
  }

  // Whether `v` is a verb of several words ("+TIE_IN") whose verb the lexicon does not know
  // and one of whose forms the dictionary's own patterns use as a word ("- * DIPLOMATIC TIES"):
  // its frame would make that word a verb wherever it is written ("the deep ties between
  // them"), so it is not translated.
  bool UnknownHead(const Verb& v, const std::string& lemma) const {
    if ((v.before.empty() && v.after.empty()) || KnownVerb(lemma)) return false;
    const internal::RegularVerbForms regular = internal::RegularForms(lemma);
    std::vector<std::string> forms = {lemma, regular.third, regular.ing, regular.ed};
    for (const std::string& f : v.forms) {
      const std::vector<std::string> words = SplitSpaces(Lower(f));
      if (!words.empty()) forms.push_back(words[0]);
    }
    for (std::string& f : forms) {
      if (const size_t join = f.find('_'); join != std::string::npos) f.resize(join);
      if (f.starts_with("+")) f.erase(0, 1);
      if (pattern_words_.contains(f)) return true;
    }
    return false;
  }

  static std::string UnknownHeadMessage(const Verb& v, const std::string& lemma) {
    return "verb '" + VerbName(v) + "' not translated: '" + lemma +
           "' is no verb of the lexicon, and its patterns use a form of it as a word";
  }

  // The lemma of a verb word: a form the lexicon knows becomes its lemma ("called" is "call").
  std::string LemmaOf(const std::string& word) const {
    if (against_.lexicon != nullptr) {
      if (const internal::LexEntry* e = against_.lexicon->Find(word)) {
        if (!e->senses.empty() && against_.lexicon->FindVerb(word) == std::nullopt) {
          return std::string(against_.lexicon->Lemma(e->senses[0].verb));
        }
      }
    }
    return word;
  }

  static std::string Joined(const std::set<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
  }

  // A verb as a block writes it, lower case, its words joined by '_': "set_up", "wire_tap".
  static std::string VerbName(const Verb& v) {
    std::string out;
    for (const std::string& w : v.before) out += Lower(w) + "_";
    out += Lower(v.verb);
    for (const std::string& w : v.after) out += "_" + Lower(w);
    return out;
  }

  // The verbs of `block` (indices) a pattern's comment names, each by its words or a form of
  // them ("HEAD", "FORGE , SET_UP", "RULED_OUT" for RULE_OUT); empty when the comment is not
  // only such names ("pas 2 May 2005", a verb of another block): the pattern is every verb's.
  std::set<size_t> NamedVerbs(const VerbBlock& block, const VerbPattern& p) const {
    std::set<size_t> out;
    std::string token;
    bool all = true;
    auto name = [&](const std::string& t) {
      if (t.empty()) return;
      std::vector<std::string> parts;  // "+TIE_IN" -> {"TIE", "IN"}
      for (std::string_view piece : SplitNonEmpty(t, '_')) {
        std::string part(piece);
        std::erase(part, '+');
        if (!part.empty()) parts.push_back(std::move(part));
      }
      bool found = false;
      for (size_t i = 0; i < block.verbs.size(); ++i) {
        const Verb& v = block.verbs[i];
        if (parts.size() != v.before.size() + 1 + v.after.size()) continue;
        bool same = true;
        for (size_t k = 0; k < parts.size() && same; ++k) {
          const std::string word = Lower(parts[k]);
          if (k < v.before.size()) {
            same = word == Lower(v.before[k]);
          } else if (k == v.before.size()) {
            same = word == Lower(v.verb) || LemmaOf(word) == LemmaOf(Lower(v.verb));
          } else {
            same = word == Lower(v.after[k - v.before.size() - 1]);
          }
        }
        if (same) {
          out.insert(i);
          found = true;
        }
      }
      all = all && found;
    };
    for (char c : p.comment + " ") {
      if (c == ' ' || c == '\t' || c == ',' || c == ';') {
        name(token);
        token.clear();
      } else {
        token.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      }
    }
    if (!all) out.clear();
    return out;
  }

  // Writes the frames of `verbs` (of `block`, sharing `code` and the words before them) read
  // with `patterns`; `tag` (a verb's name, or "") tells their ids from the block's other
  // frames.
  size_t WriteFrames(const ImportInput& input, const VerbBlock& block, const std::string& code,
                     const std::vector<std::string>& before_words,
                     const std::vector<const Verb*>& verbs,
                     const std::vector<const VerbPattern*>& patterns, bool synonyms,
                     const std::string& tag, std::set<std::string>* ids, std::string* text,
                     size_t* refines) {
    // The frame's verbs: lemmas (a form the lexicon knows becomes its lemma: "CALLED" is
    // "call") with their particles.
    std::vector<std::string> verb_items;
    // PETRARCH reads a block by its own forms: a verb written as a form that has a block of its
    // own ("--- LEFT ---" beside "--- LEAVE ---") is read in that form only, and the block of
    // its lemma never in it.
    std::set<std::string> only_forms, except_forms;
    bool all_own_forms = true;
    for (const Verb* v : verbs) {
      const std::string word = Lower(v->verb);
      const std::string lemma = LemmaOf(word);
      const auto own = form_blocks_.find(lemma);
      if (own != form_blocks_.end() && own->second.contains(word)) {
        only_forms.insert(word);
      } else {
        all_own_forms = false;
        if (own != form_blocks_.end()) except_forms.insert(own->second.begin(), own->second.end());
      }
    }
    for (const Verb& v : block.verbs) except_forms.erase(Lower(v.verb));  // this block's own
    for (const Verb* v : verbs) {
      const std::string lemma = LemmaOf(Lower(v->verb));
      if (!IsLowerWord(lemma)) {
        Problem(input.path, v->line, "verb '" + v->verb + "' is no word");
        continue;
      }
      if (UnknownHead(*v, lemma)) {
        Problem(input.path, v->line, UnknownHeadMessage(*v, lemma));
        continue;
      }
      std::string item = lemma;
      bool ok = true;
      for (const std::string& p : v->after) {
        const std::string particle = Lower(p);
        ok = ok && IsLowerWord(particle);
        item += " " + particle;
      }
      if (!ok) {
        Problem(input.path, v->line, "verb '" + v->verb + "' has words that are no words");
        continue;
      }
      if (std::find(verb_items.begin(), verb_items.end(), item) == verb_items.end()) {
        verb_items.push_back(item);
      }
    }
    if (verb_items.empty()) return 0;
    // Words before the verb ("WIRE_+TAP") make a compound verb: `verb wire_tap`.
    std::string pre;
    for (const std::string& w : before_words) {
      for (const std::string& t : TokenTexts(Lower(w), nullptr)) pre += t + "_";
    }
    if (!pre.empty()) {
      for (std::string& item : verb_items) item = pre + item;
    }
    // The patterns as lines, by CAMEO root.
    std::map<std::string, std::vector<Line>> by_root;
    std::vector<Line> blockers;  // "[---]" patterns
    for (const VerbPattern* pattern : patterns) {
      const VerbPattern& p = *pattern;
      std::vector<std::vector<std::string>> before(1), after(1);
      if (!Words(input, p.before, &before[0]) || !Words(input, p.after, &after[0])) {
        Problem(input.path, p.line, "pattern names a synonym set that is no word list");
        continue;
      }
      const bool blocks = p.code == "---";
      if (!blocks && !IsCameoCode(p.code) && !p.code.empty()) {
        Problem(input.path, p.line, "pattern code '" + p.code + "' is no CAMEO event code");
        continue;
      }
      if (!IsCameoCode(p.reverse)) {
        Problem(input.path, p.line, "pattern code ':" + p.reverse + "' is no CAMEO event code");
        continue;
      }
      const Roles roles = PatternRoles(p);
      if (!roles.untranslated.empty() && !blocks) {
        Problem(input.path, p.line,
                "role markers not translated: " + roles.untranslated +
                    (roles.swapped ? "" : "; the frame's default roles apply"));
      }
      for (const auto& b : before) {
        for (const auto& a : after) {
          if (b.empty() && a.empty() && !roles.compound) {
            Problem(input.path, p.line,
                    "pattern without words (only role markers) is not translated: the block's "
                    "code applies");
            continue;
          }
          Line line;
          line.words = RefineWords(b, a, &line.length);
          line.cameo = blocks ? "" : p.code;
          line.reverse = p.reverse;
          line.source = p.line;
          if (blocks) {
            blockers.push_back(line);
          } else {
            // Lines with a marked role or a negation make a frame of their own: by root, object
            // line and modality.
            line.object = roles.object;
            if (roles.swapped) std::swap(line.cameo, line.reverse);
            line.asserted = SpellsNegation(p.before) || SpellsNegation(p.after);
            line.compound = roles.compound;
            // Each member is coded against the others: "[030:030]" needs no reverse statement.
            if (line.compound && line.reverse == line.cameo) line.reverse.clear();
            by_root[FrameKey(line)].push_back(line);
          }
        }
      }
    }
    const bool has_default = code != "---" && IsCameoCode(code) && !code.empty();
    if (!has_default && code != "---") {
      Problem(input.path, block.line, "block code '" + code + "' is no CAMEO event code");
    }
    const std::string default_root = has_default ? CameoRoot(code) : "";
    if (has_default) by_root[default_root];  // the default frame, even without patterns
    size_t written = 0;
    for (auto& [key, lines] : by_root) {
      const std::string root = key.substr(0, key.find('|'));
      const std::string object = lines.empty() ? "" : lines[0].object;
      const bool asserted = !lines.empty() && lines[0].asserted;
      const bool compound = !lines.empty() && lines[0].compound;
      // A code of no CAMEO root (the test dictionaries use WEIS and made-up codes) gives a
      // plain "coded_event" without a PLOVER type.
      static constexpr Root kOther = {"", "coded_event", ""};
      const Root* r = FindRoot(root + "0");
      if (r == nullptr) {
        r = &kOther;
        for (const Line& l : lines) {
          if (reported_codes_.insert(l.cameo + ":" + l.reverse).second) {
            Problem(input.path, l.source,
                    "code '" + l.cameo + (l.reverse.empty() ? "" : ":" + l.reverse) +
                        "' has no CAMEO root: predicate coded_event, no PLOVER type");
          }
        }
      }
      // Longer patterns first: the first refine line that matches wins.
      std::stable_sort(lines.begin(), lines.end(),
                       [](const Line& a, const Line& b) { return a.length > b.length; });
      std::string id = FileStem(input.path) + "-" +
                       MakeEntityId(EntityType::kEvent, DisplayName(block.name)).substr(6);
      if (!tag.empty()) {
        std::string words = tag;
        std::replace(words.begin(), words.end(), '_', ' ');
        id += "-" + MakeEntityId(EntityType::kEvent, words).substr(6);
      }
      if (!pre.empty()) {
        std::string words = pre;
        std::replace(words.begin(), words.end(), '_', ' ');
        id += "-" + MakeEntityId(EntityType::kEvent, words).substr(6);
      }
      if (code != block.code && has_default) id += "-" + Lower(code);
      id += "-" + (root.empty() ? std::string("other") : root);
      if (!object.empty()) id += "-" + MakeEntityId(EntityType::kEvent, object).substr(6);
      if (asserted) id += "-negation";
      if (compound) id += "-compound";
      for (const std::string base = id; ids->count(id) > 0;) {
        id = base + "-" + std::to_string(ids->size());
      }
      ids->insert(id);
      const bool is_default = has_default && key == default_root;
      // A compound pattern without words ("% * [030:030]") is the frame's own code.
      const auto bare =
          std::find_if(lines.begin(), lines.end(), [](const Line& l) { return l.words == "*"; });
      const std::string frame_code =
          is_default ? code : (bare != lines.end() ? bare->cameo : lines[0].cameo);
      // The code of a block of several verbs is a synonym set's, no verb's own (CAMEO 2.0's
      // blocks are WordNet's synonym sets: "--- OVERSEE_MANAGE [060] ---" holds CONDUCT, DIRECT,
      // HEAD, LEAD, ...; TABARI gave vague verbs such as TAKE, JOIN or CONSIDER no code of their
      // own and coded them by their patterns): its verbs code it with one of its patterns only.
      // A verb written with its own code ("ORDER [100]") or alone in its block keeps it.
      const bool pattern_only = is_default && code == block.code && synonyms && bare == lines.end();
      if (pattern_only && reported_sets_.insert(block.line).second) {
        Problem(input.path, block.line,
                "block code '" + block.code +
                    "' is a synonym set's: its verbs code it only where one of its patterns "
                    "occurs");
      }
      if (pattern_only && lines.empty()) continue;
      std::string out = "\n# " + FileName(input.path) + ":" + std::to_string(block.line) +
                        "  --- " + block.name + " [" + block.code + "] ---\n";
      out += "frame " + id + "\n";
      std::string verb_line;
      for (const std::string& v : verb_items) verb_line += (verb_line.empty() ? "" : ", ") + v;
      out += "  verb       " + verb_line + "\n";
      if (all_own_forms && !only_forms.empty()) out += "  form       " + Joined(only_forms) + "\n";
      if (!except_forms.empty()) out += "  form       not " + Joined(except_forms) + "\n";
      out += "  predicate  " + std::string(r->predicate) + "\n";
      const std::string plover = CameoPlover(frame_code.empty() ? root + "0" : frame_code);
      if (!plover.empty()) out += "  plover     " + plover + "\n";
      if (!frame_code.empty()) out += "  cameo      " + frame_code + "\n";
      if (is_default && !block.reverse.empty() && code == block.code) {
        out += "  reverse    " + block.reverse + "\n";
      } else if (bare != lines.end() && !bare->reverse.empty()) {
        out += "  reverse    " + bare->reverse + "\n";
      }
      // A pattern that spells a negation ("DID N'T * OVER EFFORTS [904]") codes the event the
      // negation makes: its statement is that event, not a negated one.
      if (asserted) out += "  modality   asserted\n";
      // PETRARCH's target is the first actor after the verb: the direct object, a phrase's, or
      // the subject of a that-clause.
      out += "  object     " + (object.empty() ? std::string("actor, any actor, that") : object) +
             "\n";
      // ... and the owner of the phrase: "rejected Moscow's proposal" is Russia's.
      if (object.empty()) out += "  object-owner actor\n";
      if (compound) out += "  reciprocal object only\n";
      if ((!is_default || pattern_only) && bare == lines.end()) {
        for (const Line& l : lines) out += "  when       " + l.words + "\n";
      }
      // The default frame stays silent where another root's pattern or a "[---]" pattern
      // occurs, every frame where a pattern with a marked role or a negation (a frame of its
      // own) does.
      for (const auto& [other, other_lines] : by_root) {
        // A compound pattern applies only to a compound subject: nothing else gives way to it.
        if (other == key || other_lines.empty() || other_lines[0].compound) continue;
        const bool marked = !other_lines[0].object.empty() || other_lines[0].asserted;
        if (!is_default && !(object.empty() && marked)) continue;
        for (const Line& l : other_lines) out += "  unless     " + l.words + "\n";
      }
      for (const Line& l : blockers) out += "  unless     " + l.words + "\n";
      for (const Line& l : lines) {
        if (l.words == "*") continue;
        std::string target = l.cameo;
        if (!l.reverse.empty()) target += ":" + l.reverse;
        const std::string line_plover = CameoPlover(l.cameo.empty() ? l.reverse : l.cameo);
        out += "  refine     " + l.words + " -> " + target +
               (line_plover.empty() || line_plover == plover ? "" : " " + line_plover) + "\n";
        ++*refines;
      }
      *text += out;
      ++written;
    }
    return written;
  }

  static bool IsCameoCode(const std::string& code) {
    for (char c : code) {
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  Against against_;
  std::set<std::string> sector_codes_;
  std::set<std::string> agent_nouns_;  // lower-case phrases
  std::set<std::string> agent_words_;
  std::set<std::string> country_words_;
  std::map<std::string, std::string> state_code_;    // code -> state id made by this import
  std::map<std::string, const Actor*> state_actor_;  // code -> the undated actor of that state
  std::map<std::string, const Actor*> owner_;        // id -> the actor that took it
  // Person or organization id -> the folded first name of the actor that took it (the actors
  // of earlier files are gone by then).
  std::map<std::string, std::string> first_name_;
  std::map<std::string, EntityOut> entities_;
  std::vector<std::string> order_;
  std::vector<Agent> pending_agents_;
  std::set<std::string> reported_codes_;
  std::set<std::string> lists_;  // synonym sets of the current verb file written as word lists
  // Per lemma, its forms that have verb blocks of their own in the current verb file.
  std::map<std::string, std::set<std::string>> form_blocks_;
  std::set<std::string> negative_lists_;  // those of them every phrase of which negates
  std::vector<petrarch::Problem> problems_;
  std::set<std::tuple<std::string, int, std::string>> reported_;  // Problem()
  std::set<int> reported_sets_;          // lines of blocks reported as synonym sets
  std::set<std::string> pattern_words_;  // the current verb file's pattern words, lower case
};

}  // namespace

std::string CameoRoot(const std::string& code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return "";
  }
  return code.substr(0, 2);
}

std::string CameoPredicate(const std::string& code) {
  const Root* r = FindRoot(code);
  return r == nullptr ? "" : std::string(r->predicate);
}

std::string CameoPlover(const std::string& code) {
  for (const auto& [prefix, plover] : kPloverByCode) {
    if (code.starts_with(prefix)) return std::string(plover);
  }
  const Root* r = FindRoot(code);
  return r == nullptr ? "" : std::string(r->plover);
}

DictionaryKind GuessKind(const std::string& path, const std::string& text) {
  const std::string name = Lower(FileName(path));
  if (name.find("agent") != std::string::npos) return DictionaryKind::kAgents;
  if (name.find("actor") != std::string::npos) return DictionaryKind::kActors;
  if (name.find("verb") != std::string::npos || name.starts_with("cameo")) {
    return DictionaryKind::kVerbs;
  }
  if (name.find("discard") != std::string::npos) return DictionaryKind::kDiscards;
  if (text.find("\n---") != std::string::npos || text.starts_with("---")) {
    return DictionaryKind::kVerbs;
  }
  if (text.find("[~") != std::string::npos) return DictionaryKind::kAgents;
  if (text.find('[') != std::string::npos) return DictionaryKind::kActors;
  return DictionaryKind::kDiscards;
}

Result<ImportResult> ImportPetrarch(const std::vector<ImportInput>& inputs,
                                    const ImportOptions& options) {
  ImportResult result;
  Importer importer(options);
  // The dictionaries are Latin-1 in places; rule files are UTF-8.
  std::vector<ImportInput> utf8 = inputs;
  for (ImportInput& input : utf8) {
    if (IsValidUtf8(input.text)) continue;
    std::string text;
    for (unsigned char c : input.text) AppendUtf8(c, &text);
    input.text = std::move(text);
  }
  std::vector<std::pair<const ImportInput*, DictionaryKind>> ordered;
  for (const ImportInput& input : utf8) {
    ordered.emplace_back(&input, GuessKind(input.path, input.text));
  }
  // Agents first: the actors read their nouns as titles and sector words ("INTELLIGENCE
  // COMMUNITY" is a sector noun, no name of the CIA).
  auto rank = [](DictionaryKind kind) {
    return kind == DictionaryKind::kAgents   ? 0
           : kind == DictionaryKind::kActors ? 1
                                             : 2 + static_cast<int>(kind);
  };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const auto& a, const auto& b) { return rank(a.second) < rank(b.second); });
  std::map<const ImportInput*, std::string> texts, summaries;
  std::vector<const ImportInput*> actor_inputs;
  // The importer keeps pointers to the actors it has read (which actor took an id, which is
  // the state of a code) until the end of the import, so every actor file read lives as long:
  // a file freed after its block would let a later file's actor reuse an address and pass for
  // it.
  std::deque<ActorFile> actor_files;
  for (const auto& [input, kind] : ordered) {
    std::string& text = texts[input];
    std::string& summary = summaries[input];
    std::vector<Problem>& problems = importer.problems();
    switch (kind) {
      case DictionaryKind::kAgents: {
        const AgentFile file = ReadAgents(input->path, input->text, &problems);
        importer.Agents(*input, file.agents, &text, &summary);
        break;
      }
      case DictionaryKind::kActors: {
        const ActorFile& file =
            actor_files.emplace_back(ReadActors(input->path, input->text, &problems));
        importer.Actors(*input, file, &text, &summary);
        importer.FlushAgents(input->path, &text);
        actor_inputs.push_back(input);
        break;
      }
      case DictionaryKind::kVerbs: {
        const VerbFile file = ReadVerbs(input->path, input->text, &problems);
        importer.Verbs(*input, file, &text, &summary);
        break;
      }
      case DictionaryKind::kDiscards: {
        const DiscardFile file = ReadDiscards(input->path, input->text, &problems);
        importer.Discards(*input, file, &text, &summary);
        break;
      }
    }
  }
  for (const ImportInput* input : actor_inputs) {
    texts[input] = importer.EntityBlocks(input->path) + texts[input];
  }
  for (const ImportInput& input : utf8) {
    std::string header = "# GENERATED by `parley rules import --from petrarch` from " +
                         FileName(input.path) +
                         " (rules/README.md section 14). Do not edit: change the dictionary or "
                         "the importer and import again.\n";
    result.files.push_back({FileStem(input.path) + ".rules", header + texts[&input]});
    result.summary.push_back(summaries[&input]);
  }
  result.problems = std::move(importer.problems());
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     if (a.path != b.path) return a.path < b.path;
                     return a.line < b.line;
                   });
  return result;
}

std::string FormatImportReport(const ImportResult& result) {
  std::string out;
  for (const std::string& line : result.summary) out += line + "\n";
  out += std::to_string(result.problems.size()) + " entries not translated (or translated " +
         "otherwise), by file and line:\n";
  for (const Problem& p : result.problems) {
    out += p.path + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  }
  return out;
}

}  // namespace parley::petrarch
