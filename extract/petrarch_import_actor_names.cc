// ActorImporter (petrarch_import_actors.h): which names of an actor become aliases.
#include <algorithm>

#include "extract/lexicon.h"
#include "extract/name_shape.h"
#include "extract/petrarch_import_actors.h"

namespace parley::petrarch {

bool ActorImporter::IsTitleWord(const std::string& folded) const {
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

std::vector<uint32_t> ActorImporter::NameIds(const std::vector<std::string>& words) const {
  std::vector<uint32_t> ids;
  for (const std::string& w : words) {
    ids.push_back(against_.names != nullptr ? against_.names->Id(w)
                                            : internal::TokenTable::kAbsent);
  }
  return ids;
}

size_t ActorImporter::TitleLength(const std::vector<std::string>& words) const {
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

bool ActorImporter::HasHead(const std::vector<std::string>& words, int kind, bool at_end) const {
  if (against_.names == nullptr) return false;
  const std::vector<uint32_t> ids = NameIds(words);
  for (size_t i = 0; i < ids.size(); ++i) {
    const size_t n = against_.names->heads[kind].LongestAt(ids, i);
    if (n > 0 && (!at_end || i + n == ids.size())) return true;
  }
  return false;
}

bool ActorImporter::OrganizationName(const Actor& a) const {
  if (against_.names == nullptr) return false;
  const std::vector<std::string> words = SplitSpaces(Lower(a.names[0].text));
  const std::vector<uint32_t> ids = NameIds(words);
  if (against_.names->titles.LongestAt(ids, 0) > 0 ||
      against_.names->honorifics.LongestAt(ids, 0) > 0) {
    return false;
  }
  if (HasHead(words, 0, false)) return true;
  // "of" and a state's name of the rules ("ISLAMIC STATE OF IRAQ AND THE LEVANT"): a body of
  // that state, no person's name.
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i] != "of") continue;
    auto it = against_.by_name.find(words[i + 1]);
    if (it == against_.by_name.end()) continue;
    for (const auto& [id, type] : it->second) {
      if (type == EntityType::kState) return true;
    }
  }
  return false;
}

bool ActorImporter::RegnalTitle(const std::vector<std::string>& words, size_t title) const {
  return against_.names != nullptr && title > 0 &&
         against_.names->regnal.LongestAt(NameIds(words), 0) == title;
}

bool ActorImporter::TitleOfSomething(const std::vector<std::string>& words) const {
  if (against_.names == nullptr) return false;
  const std::vector<uint32_t> ids = NameIds(words);
  const size_t n = std::max(against_.names->titles.LongestAt(ids, 0),
                            against_.names->honorifics.LongestAt(ids, 0));
  return n > 0 && n < words.size() && (words[n] == "of" || words[n] == "for");
}

bool ActorImporter::OfficeOnly(const std::vector<std::string>& words) const {
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

bool ActorImporter::GivenName(const std::string& text) const {
  if (against_.names == nullptr || text.size() < 2) return false;
  const bool name_case =
      text[0] >= 'A' && text[0] <= 'Z' &&
      std::none_of(text.begin() + 1, text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!name_case) return false;
  return against_.names->given.ContainsWord(against_.names->Id(Lower(text)));
}

bool ActorImporter::PersonByName(const Actor& a, const std::string& code) const {
  if (against_.names == nullptr || against_.lexicon == nullptr) return false;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    const std::string part = code.substr(i, 3);
    if (part == "REB" || part == "MNC" || part == "BUS" || part == "NGO" || part == "SPY") {
      return false;
    }
  }
  // A place or body the rules know ("SAINT HELENA" [GBRSHN]).
  if (auto it = against_.by_name.find(against_.Fold(a.names[0].text));
      it != against_.by_name.end()) {
    for (const auto& [id, type] : it->second) {
      if (type != EntityType::kPerson) return false;
    }
  }
  const std::vector<std::string> first = SplitSpaces(Lower(a.names[0].text));
  if (first.size() < 2 || first.size() > 4 ||
      !GivenName(DisplayName(SplitSpaces(a.names[0].text)[0], true))) {
    return false;
  }
  // No name of the actor holds a word of the lexicon, of a country ("FRENCH POLYNESIA") or of
  // an agent ("CHRISTIAN CATHOLIC"), or a head noun of organizations ("ROHAN RIDERS
  // +EORLINGAS GUARD").
  return std::all_of(a.names.begin(), a.names.end(),
                     [&](const Name& n) { return NoOrganizationWord(SplitSpaces(Lower(n.text))); });
}

bool ActorImporter::NoOrganizationWord(const std::vector<std::string>& words) const {
  if (against_.names == nullptr || against_.lexicon == nullptr) return false;
  auto english = [&](const std::string& w) {
    if (against_.lexicon->Find(w) != nullptr) return true;
    return w.size() > 3 && w.back() == 's' &&
           against_.lexicon->Find(w.substr(0, w.size() - 1)) != nullptr;
  };
  const std::vector<uint32_t> ids = NameIds(words);
  for (size_t i = 0; i < words.size(); ++i) {
    if (against_.names->particles.LongestAt(ids, i) > 0) continue;
    if (english(words[i]) || country_words_.count(words[i]) > 0 || IsTitleWord(words[i])) {
      return false;
    }
  }
  return !HasHead(words, 0, false);
}

bool ActorImporter::PersonShaped(const std::vector<std::string>& words) const {
  if (words.size() < 2 || words.size() > 4) return false;
  std::string first = words[0];  // as Phoenix writes it, in capitals
  std::transform(first.begin(), first.end(), first.begin(), [](char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  });
  if (!(words[0] == "abu" || GivenName(DisplayName(first, true))) || !NoOrganizationWord(words)) {
    return false;
  }
  // No head noun in the plural either ("ABU AL-REESH BRIGADES").
  std::vector<std::string> singular = words;
  for (std::string& w : singular) {
    if (w.size() > 3 && w.back() == 's') w.pop_back();
  }
  return !HasHead(singular, 0, false);
}

bool ActorImporter::EndsInOffice(const std::vector<std::string>& words) const {
  if (against_.names == nullptr || words.size() < 2 || HasHead(words, 0, false)) return false;
  const std::vector<uint32_t> ids = NameIds(words);
  for (size_t k = 1; k < words.size(); ++k) {
    if (words[k - 1] == "of" || words[k - 1] == "for") return false;
    if (against_.names->titles.LongestAt(ids, k) == words.size() - k &&
        against_.names->honorifics.LongestAt(ids, k) == 0 &&
        against_.names->regnal.LongestAt(ids, k) == 0) {
      return true;
    }
  }
  return false;
}

namespace {

// Whether `word` (lower case) spells the initials of one of `names` (each lower-case words) of
// two words or more, with or without its small words ("omb": "office of management and budget").
bool SpellsInitials(const std::string& word, const std::vector<std::vector<std::string>>& names) {
  static const std::set<std::string> kSmall = {"of", "the", "and", "for", "on", "in", "to"};
  for (const std::vector<std::string>& name : names) {
    if (name.size() < 2 || name.size() < word.size()) continue;
    std::string all, content;
    for (const std::string& w : name) {
      if (w.empty()) continue;
      all += w[0];
      if (kSmall.count(w) == 0) content += w[0];
    }
    if (word == all || word == content) return true;
  }
  return false;
}

}  // namespace

void ActorImporter::FillAgentWords() {
  if (!agent_words_.empty()) return;
  for (const std::string& n : agent_nouns_) {
    for (const std::string& w : SplitSpaces(n)) agent_words_.insert(w);
  }
  for (const std::string& n : against_.sector_nouns) {
    for (const std::string& w : SplitSpaces(n)) agent_words_.insert(w);
  }
}

void ActorImporter::AddNames(const std::string& path, const Actor& a, EntityType type,
                             EntityOut* e) {
  FillAgentWords();
  std::vector<std::vector<std::string>> all;
  for (const Name& n : a.names) all.push_back(SplitSpaces(Lower(n.text)));
  // A word without the Arabic article ("al-zarqawi" is "zarqawi").
  const auto bare = [](const std::string& x) { return x.starts_with("al-") ? x.substr(3) : x; };
  // Whether `words` share a word with the actor's first name, particles and small words aside
  // ("LIWA AL TAWHID" and "TAWHID BRIGADE").
  const auto shares_first = [&](const std::vector<std::string>& words) {
    static const std::set<std::string> kSmall = {"al",  "el",  "abu", "bin",
                                                 "ibn", "the", "of",  "and"};
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return kSmall.count(w) == 0 &&
             std::any_of(all[0].begin(), all[0].end(),
                         [&](const std::string& f) { return bare(f) == bare(w); });
    });
  };
  // Whether `words` read as the name of a person other than the actor: a person's shape and
  // no word of its first name, or one word that ends such a name of the actor, with or
  // without "al-" ("zarqawi" of "abu muzab al-zarqawi").
  const auto other_person = [&](const std::vector<std::string>& words) {
    const auto person = [&](const std::vector<std::string>& name) {
      return PersonShaped(name) && !shares_first(name);
    };
    if (words.size() != 1) return person(words);
    return !shares_first(words) &&
           std::any_of(all.begin(), all.end(), [&](const std::vector<std::string>& other) {
             return other.size() >= 2 && bare(other.back()) == bare(words[0]) && person(other);
           });
  };
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
      log_->Add(path, n.line, "'" + n.text + "' is a title and a name: the clause layer reads it");
      continue;
    }
    // Nothing but a country and sector nouns ("ISRAELI TROOPS"): the sector pass composes it.
    if (type != EntityType::kPerson && type != EntityType::kState &&
        std::all_of(
            words.begin(), words.end(),
            [&](const std::string& w) { return IsTitleWord(w) || country_words_.count(w) > 0; }) &&
        std::any_of(words.begin(), words.end(),
                    [&](const std::string& w) { return country_words_.count(w) == 0; })) {
      log_->Add(path, n.line,
                "'" + n.text + "' is a country and sector nouns: the sector pass composes it");
      continue;
    }
    // Another person's name among an organization's ("ABU BAKR AL-BAGHDADI" and "ZARQAWI"
    // among those of ISIL; not "LIWA AL TAWHID" of the Tawhid Brigade, nor "AL-QASSAM" of the
    // brigades named "IZZ AD-DIN AL QASSAM"): it would make the person the organization.
    if (type == EntityType::kOrganization && i > 0 && other_person(words)) {
      log_->Add(path, n.line,
                "'" + n.text + "' is a person's name among an organization's: not an alias");
      continue;
    }
    // Another of its names and a title after it ("WHITE HOUSE PRESS SECRETARY", "WHITE HOUSE
    // SPOKESMAN" among the names of the White House): a person's title, which the clause layer
    // reads ("White House Press Secretary Karine Jean-Pierre" holds an office).
    if (type != EntityType::kPerson && type != EntityType::kState) {
      std::vector<std::vector<std::string>> own;
      if (i > 0) own.push_back(all[0]);
      if (auto it = against_.names_by_id.find(e->id); it != against_.names_by_id.end()) {
        for (const std::string& name : it->second) own.push_back(SplitSpaces(Lower(name)));
      }
      const bool titled_name =
          std::any_of(own.begin(), own.end(), [&](const std::vector<std::string>& k) {
            if (k.empty() || k.size() >= words.size() ||
                !std::equal(k.begin(), k.end(), words.begin()) || against_.names == nullptr) {
              return false;
            }
            const std::vector<std::string> rest(words.begin() + k.size(), words.end());
            return against_.names->titles.LongestAt(NameIds(rest), 0) > 0;
          });
      if (titled_name) {
        log_->Add(path, n.line,
                  "'" + n.text + "' is a name and a title: the clause layer reads the title");
        continue;
      }
    }
    // An office ("SECRETARY OF STATE" among the names of an actor coded USAGOV): the clause
    // layer reads titles, and an alias would swallow the title of "Secretary of State Vance".
    if (type != EntityType::kPerson && type != EntityType::kState &&
        (OfficeOnly(words) || TitleOfSomething(words))) {
      log_->Add(path, n.line, "'" + n.text + "' is an office: the clause layer reads it");
      continue;
    }
    // An office ("HOMELAND SECURITY SECRETARY" among the names of the US Secretary of
    // Homeland Security): the clause layer reads the title before a person's name.
    if (type == EntityType::kOrganization && EndsInOffice(words)) {
      log_->Add(path, n.line,
                "'" + n.text + "' ends in a title: an office, which the clause layer reads");
      continue;
    }
    // Titles before a name of two words or more: the name alone ("PRESIDENT DMITRI A.
    // MEDVEDEV" is "Dmitri A. Medvedev").
    const size_t title = type == EntityType::kPerson ? TitleLength(words) : 0;
    // A title and its complement ("GENERAL SECRETARY OF THE COMMUNIST PARTY"): an office.
    if (title > 0 && title < words.size() &&
        (words[title] == "of" || words[title] == "the" || words[title] == "for")) {
      log_->Add(path, n.line, "'" + n.text + "' is an office: the clause layer reads it");
      continue;
    }
    // A title before one word ("PRESIDENT KENNEDY"): discovery reads the title and the
    // surname, and an alias would keep the title from the clause layer, unless the title
    // belongs to the name ("KING HUSSEIN").
    if (title > 0 && words.size() - title == 1 && !RegnalTitle(words, title)) {
      log_->Add(
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
      log_->Add(
          path, n.line,
          "'" + n.text + "' is a title and a name: imported as '" + DisplayName(rest, true) + "'");
      AddName(DisplayName(rest, true), e);
      continue;
    }
    if (n.text.find(',') != std::string::npos) {
      log_->Add(path, n.line, "'" + n.text + "' holds a comma, which no alias may");
      continue;
    }
    const std::string display = DisplayName(n.text, type == EntityType::kPerson);
    if (against_.adjectives.count(against_.Fold(n.text)) > 0) {
      log_->Add(path, n.line,
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
        log_->Add(path, n.line,
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
      log_->Add(path, n.line,
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
    // it would take "Mr. Hussein" and "President Hassan" of any country. A state's own first
    // name stays its name ("KOSOVO [KSV]": "Kosovo" is a given name too).
    if (words.size() == 1 && GivenName(display) && !(type == EntityType::kState && i == 0)) {
      if (n.text.size() <= 5 && display != n.text) {
        log_->Add(path, n.line,
                  "one-word name '" + n.text + "' is a given name: an alias in capitals only");
        Add(&e->aliases, n.text);
      } else {
        log_->Add(path, n.line, "one-word name '" + n.text + "' is a given name: not an alias");
      }
      continue;
    }
    // Another organization of the same code ("JOINT CHIEFS OF STAFF" among the names of
    // "UNITED STATES MILITARY" [USAMIL]): a name of several words that shares no word with
    // the actor's first name, its names so far or the rules' names of its entity, and is no
    // spelling out of one of them ("North Atlantic Treaty Organization" for "NATO").
    if (type == EntityType::kOrganization && (i > 0 || against_.names_by_id.count(e->id) > 0) &&
        words.size() >= 2 && !ResemblesOneOf(words, all[0], *e)) {
      log_->Add(path, n.line,
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
      log_->Add(path, n.line,
                "'" + n.text + "' shares no word with the names of " + e->id +
                    " (a city, region or river of it?): not an alias");
      continue;
    }
    if (words.size() == 1) {
      const std::string& w = words[0];
      const bool word = against_.lexicon != nullptr && against_.lexicon->Find(w) != nullptr;
      // A word of an agent noun is an English word too ("YOUTH": "minister of youth").
      if (w.size() < 3 || word || agent_nouns_.count(w) > 0 || against_.sector_nouns.count(w) > 0 ||
          (type != EntityType::kPerson && agent_words_.count(w) > 0) ||
          std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        log_->Add(path, n.line, "one-word name '" + n.text + "' is an English word: not an alias");
        continue;
      }
      // An acronym of another organization of the same code ("FTC" among the names of the
      // Export-Import Bank, "UNSCR", a resolution, among those of the Security Council): for
      // an organization the rules have, a one-word name is one of their names or spells the
      // initials of one.
      if (type == EntityType::kOrganization && against_.names_by_id.count(e->id) > 0 &&
          !ResemblesOneOf(words, all[0], *e)) {
        log_->Add(path, n.line,
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
        log_->Add(path, n.line,
                  "one-word name '" + n.text +
                      "' is the surname of another of its names: "
                      "discovery links it");
        continue;
      }
      // The initials of another of its names ("OMB" beside "OFFICE OF MANAGEMENT AND BUDGET",
      // "POTUS" beside "PRESIDENT OF THE UNITED STATES"): an acronym, in capitals only, whether
      // or not that name is kept ("Omb" is no label).
      if (SpellsInitials(w, all)) {
        Add(&e->aliases, n.text);
        continue;
      }
      // Hyphened or with an apostrophe, in any case, as AddName reads a name of several words:
      // PETRARCH matches names case-insensitively ("Barad-dur" for BARAD-DUR, "Lashkar-e-Taiba"
      // for LASHKAR-E-TAIBA).
      Add(display.find_first_of("-'") != std::string::npos ? &e->aliases_i : &e->aliases, display);
      if (n.text.size() <= 5 && display != n.text) Add(&e->aliases, n.text);
    } else {
      AddName(display, e);
    }
    if (type == EntityType::kState) {
      for (const std::string& w : words) country_words_.insert(w);
    }
  }
}

std::set<std::string> ActorImporter::DistinctWords(const std::vector<std::string>& words,
                                                   bool heads) const {
  std::set<std::string> out;
  for (const std::string& w : words) {
    if (w.size() < 3 || w == "the" || w == "and" || w == "for") continue;
    if (country_words_.count(w) > 0) continue;
    if (!heads && HasHead({w}, 0, true)) continue;
    out.insert(w);
  }
  return out;
}

bool ActorImporter::ResemblesOneOf(const std::vector<std::string>& words,
                                   const std::vector<std::string>& root, const EntityOut& e) const {
  // Against an organization of the rules, a head noun of organizations tells none apart
  // ("agency": the National Geospatial-Intelligence Agency among the names of Phoenix's US
  // intelligence community is not the rules' Central Intelligence Agency).
  const bool heads = against_.names_by_id.count(e.id) == 0;
  const std::set<std::string> mine = DistinctWords(words, heads);
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
    for (const std::string& w : DistinctWords(other, heads)) {
      if (mine.count(w) > 0) return true;
    }
  }
  return false;
}

void ActorImporter::AddName(const std::string& display, EntityOut* e) {
  // A person's name in any case: no lower-case phrase spells one, and the case-insensitive
  // match also folds accents ("Sauli Niinisto" for "Sauli Niinistö").
  bool open = display.find_first_of("-'") != std::string::npos || e->id.starts_with("person:");
  for (const std::string& w : SplitSpaces(display)) {
    if (w.size() <= 2 &&
        std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      open = true;
    }
    // The article DisplayName writes "Al" or "al" ("Al Jazeera"): "al-Jazeera" too.
    if (AsciiLower(w) == "al" || AsciiLower(w) == "el") open = true;
  }
  Add(open ? &e->aliases_i : &e->aliases, display);
  // "THE SHIRE" is "the Shire" inside a sentence.
  if (!open && display.starts_with("The ")) Add(&e->aliases, "the" + display.substr(3));
}

bool ActorImporter::ResemblesState(const std::vector<std::string>& words,
                                   const EntityOut& e) const {
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

void ActorImporter::Add(std::vector<std::string>* list, const std::string& item) {
  if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(item);
}

}  // namespace parley::petrarch
