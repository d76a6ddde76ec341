#include "extract/petrarch_import_shared.h"

#include <algorithm>
#include <filesystem>

#include "extract/lexicon.h"
#include "extract/rule_compiled.h"
#include "extract/rule_entities.h"

namespace parley::petrarch {
namespace {

using internal::CompiledRules;
using internal::EntityDef;

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

// CAMEO codes of actors that are no state: international and regional actors.
constexpr std::string_view kNonStateCodes[] = {
    "IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "UAF", "INT", "AFR", "ASA", "BLK", "CRB",
    "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF",
    "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WEU", "WST", "MOS", "KKL"};

bool HasVowel(std::string_view w) {
  for (char c : w) {
    if (std::string_view("AEIOUaeiou").find(c) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

const SectorType* FindSectorType(std::string_view code) {
  for (const SectorType& t : kSectorTypes) {
    if (t.code == code) return &t;
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

std::string DisplayName(const std::string& upper, bool person) {
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
    // The Arabic article before another word ("AL JAZEERA", "AYMAN AL ZAWAHIRI"): "Al
    // Jazeera", "Ayman al Zawahiri", not an acronym "AL".
    if ((w == "AL" || w == "EL") && i + 1 < words.size()) {
      out.push_back(i == 0 ? w[0] : static_cast<char>(w[0] - 'A' + 'a'));
      out.push_back(static_cast<char>(w[1] - 'A' + 'a'));
      continue;
    }
    // Letters joined by "&" ("AT&T", "S&P"): initials, as written.
    const bool ampersand = w.find('&') != std::string::npos && w.size() <= 5;
    const bool acronym =
        (w.size() <= 2 && w.find('.') == std::string::npos) || !HasVowel(w) || ampersand ||
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
        // A letter after an apostrophe starts a word ("O'BRIEN": "O'Brien") unless it ends the
        // word: a possessive or contraction ("WOMEN'S": "Women's").
        start = c == '-' || c == '.' || c == '/' || (c == '\'' && k + 2 < w.size());
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

bool IsLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  }
  return true;
}

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
  for (const internal::Rule& rule : c.rules) {
    if (rule.frame == nullptr || rule.imported) continue;
    for (const internal::Cue& cue : rule.frame->object_words) {
      std::string phrase;
      for (const std::string& t : cue.tokens) phrase += (phrase.empty() ? "" : " ") + t;
      a.object_words.insert(phrase);
    }
    for (const internal::FrameVerb& v : rule.frame->verbs) {
      if (v.particle.empty() && v.before.empty()) {
        a.read_verbs.insert(std::string(c.lexicon.Lemma(v.verb)));
      }
    }
  }
  for (uint32_t verb = 0; verb < c.lexicon.verb_count(); ++verb) {
    const std::optional<Modality> modality = c.lexicon.Catenative(verb);
    if (!modality.has_value()) continue;
    a.read_verbs.insert(std::string(c.lexicon.Lemma(verb)));
    if (*modality == Modality::kPlanned || *modality == Modality::kHedged) {
      a.intent_verbs.insert(std::string(c.lexicon.Lemma(verb)));
    }
  }
  return a;
}

void ProblemLog::Add(const std::string& path, int line, std::string message) {
  if (!reported_.insert({path, line, message}).second) return;
  problems_.push_back({path, line, std::move(message)});
}

}  // namespace parley::petrarch
