#include "extract/petrarch_import_agents.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extract/lexicon.h"
#include "extract/name_shape.h"
#include "extract/rule_tokens.h"

namespace parley::petrarch {

using internal::TokenTexts;

AgentImporter::AgentImporter(const Against& against, ProblemLog* log)
    : against_(against), log_(log) {
  for (const auto& [code, label_group] : against_.sectors) sector_codes_.insert(code);
}

void AgentImporter::Agents(const ImportInput& input, const std::vector<Agent>& agents,
                           std::string* text, std::string* summary) {
  std::map<std::string, std::vector<std::string>> by_code;  // code -> nouns (lower)
  // code -> nouns written with no plural ("POLICE {}"): `exact` lines.
  std::map<std::string, std::vector<std::string>> exact_by_code;
  // code -> nouns whose code comes first ("MSF [NGO~]"): `before` lines.
  std::map<std::string, std::vector<std::string>> before_by_code;
  std::map<std::string, int> first_line;
  size_t skipped = 0;
  for (const Agent& a : agents) {
    if (!ValidCode(a.code) || a.code.empty()) {
      log_->Add(input.path, a.noun.line, "agent code '" + a.code + "' is no CAMEO code");
      ++skipped;
      continue;
    }
    std::vector<std::string> nouns = {a.noun.text};
    for (const Name& p : a.plurals) nouns.push_back(p.text);
    std::vector<std::string> plurals;
    for (const Name& p : a.plurals) plurals.push_back(Lower(p.text));
    const std::string singular = WithoutTrailingPrepositions(Lower(a.noun.text));
    if (const std::string why = NoSectorNoun(singular, plurals); !why.empty()) {
      log_->Add(input.path, a.noun.line,
                "agent noun '" + a.noun.text + "' is " + why + ": no sector noun");
      for (const std::string& n : nouns) agent_nouns_.insert(Lower(n));
      continue;
    }
    for (const std::string& n : nouns) {
      std::string noun = Lower(n);
      // A noun and the preposition of its complement ("AMBASSADOR_TO", "EMBASSY_IN"): the
      // noun alone, or "Soviet Ambassador to" would be a sector view of the Soviet Union that
      // keeps "ambassador" from "Soviet Ambassador to the United States, Anatoly Dobrynin".
      if (const std::string head = WithoutTrailingPrepositions(noun); head != noun) {
        log_->Add(
            input.path, a.noun.line,
            "agent noun '" + n + "' ends in a preposition: " +
                (head.empty() ? std::string("not translated") : "translated as '" + head + "'"));
        if (head.empty()) continue;
        noun = head;
      }
      if (noun.find(',') != std::string::npos || TokenTexts(noun, nullptr).empty()) {
        log_->Add(input.path, a.noun.line, "agent noun '" + n + "' cannot be written as a noun");
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
        group = known != against_.sectors.end() ? known->second.second : std::string(first->group);
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

std::string AgentImporter::WithoutTrailingPrepositions(const std::string& phrase) const {
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

std::string AgentImporter::NoSectorNoun(const std::string& noun,
                                        const std::vector<std::string>& plurals) const {
  if (noun.empty() || against_.sector_nouns.count(noun) > 0) return "";
  if (against_.names != nullptr) {
    std::vector<uint32_t> ids;
    for (const std::string& w : SplitSpaces(noun)) ids.push_back(against_.names->Id(w));
    const internal::PhraseSet& titles = against_.names->titles;
    if (titles.LongestAt(ids, 0) == ids.size()) return "a title of the rules";
    if (ids.size() == 1 && titles.StartsLonger(ids[0])) {
      return "the first word of titles of the rules";
    }
  }
  const bool object = against_.object_words.count(noun) > 0 ||
                      std::any_of(plurals.begin(), plurals.end(), [&](const std::string& form) {
                        return against_.object_words.count(form) > 0;
                      });
  return object ? "a word the rules' frames read as an object" : "";
}

}  // namespace parley::petrarch
