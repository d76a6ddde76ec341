#include "graph/person_merge.h"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>
#include <utility>

#include "base/text.h"

namespace parley {
namespace {

constexpr std::pair<std::string_view, std::string_view> kNicknames[] = {
#include "graph/nicknames.inc"
};

constexpr std::array<std::string_view, 6> kSuffixes = {"jr", "sr", "ii", "iii", "iv", "v"};

// Words that put a father's name after a person's own: "bin", "ibn", "ould".
constexpr std::array<std::string_view, 6> kPatronymics = {"bin", "ibn",  "bint",
                                                          "ben", "ould", "binti"};

// Titles that name no office: they neither agree nor conflict.
constexpr std::array<std::string_view, 17> kCourtesyTitles = {"mr",
                                                              "mrs",
                                                              "ms",
                                                              "miss",
                                                              "mx",
                                                              "dr",
                                                              "the honorable",
                                                              "honorable",
                                                              "hon",
                                                              "sir",
                                                              "dame",
                                                              "madam",
                                                              "his excellency",
                                                              "her excellency",
                                                              "excellency",
                                                              "professor",
                                                              "prof"};

// Words of an office that say its rank or tie, not which office it is.
constexpr std::array<std::string_view, 14> kRankWords = {
    "of",     "the",    "and",    "for",   "to",        "deputy",    "vice",
    "acting", "former", "senior", "under", "assistant", "associate", "lieutenant"};

// A person's label as compared: slug tokens without initials, and a generational suffix.
struct ParsedName {
  std::vector<std::string> tokens;
  std::string suffix;
};

ParsedName Parse(std::string_view label) {
  ParsedName name;
  const std::string slug = Slugify(label);
  for (std::string_view piece : SplitNonEmpty(slug, '-')) {
    std::string token(piece);
    if (token.size() < 2) continue;  // an initial
    // A suffix only after the name proper ("Hardie Davis Jr."; "V" alone is an initial).
    if (name.tokens.size() >= 2 &&
        std::find(kSuffixes.begin(), kSuffixes.end(), token) != kSuffixes.end()) {
      name.suffix = std::move(token);
      continue;
    }
    name.tokens.push_back(std::move(token));
  }
  return name;
}

// The full names `short_form` is listed as a short form of.
const std::vector<std::string_view>& FullNamesOf(std::string_view short_form) {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::vector<std::string_view>>();
    for (const auto& [nick, full] : kNicknames) (*t)[nick].push_back(full);
    return t;
  }();
  static const std::vector<std::string_view> kNone;
  auto it = table->find(short_form);
  return it == table->end() ? kNone : it->second;
}

bool IsShortFormOf(std::string_view nick, std::string_view full) {
  const auto& fulls = FullNamesOf(nick);
  return std::find(fulls.begin(), fulls.end(), full) != fulls.end();
}

// Optimal string alignment distance, stopping early above 2.
size_t EditDistanceAtMost3(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return 3;
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return std::min<size_t>(d[a.size()][b.size()], 3);
}

// Two spellings of one name: beginning alike, four letters or more, at most two edits apart.
bool SpellingVariants(std::string_view a, std::string_view b) {
  return a.size() >= 4 && b.size() >= 4 && a[0] == b[0] && EditDistanceAtMost3(a, b) <= 2;
}

// Whether `nick` is listed as a short form of `full` and of no other name but spellings of it
// ("Jim": James; "Phil": Philip or Phillip; "Mandy" is Amanda or Samantha).
bool IsOnlyShortFormOf(std::string_view nick, std::string_view full) {
  const auto& fulls = FullNamesOf(nick);
  if (std::find(fulls.begin(), fulls.end(), full) == fulls.end()) return false;
  return std::all_of(fulls.begin(), fulls.end(), [full](std::string_view other) {
    return other[0] == full[0] && EditDistanceAtMost3(other, full) <= 2;
  });
}

NameEvidence CompareGiven(std::string_view a, std::string_view b) {
  if (a == b) return NameEvidence::kSame;
  if (IsOnlyShortFormOf(a, b) || IsOnlyShortFormOf(b, a)) return NameEvidence::kShortForm;
  if (IsShortFormOf(a, b) || IsShortFormOf(b, a)) return NameEvidence::kSpelling;
  for (std::string_view full : FullNamesOf(a)) {
    if (IsShortFormOf(b, full)) return NameEvidence::kSpelling;  // two short forms of one name
  }
  // A clipped form: "Chris" of "Christopher", "Josh" of "Joshua".
  if (std::min(a.size(), b.size()) >= 3 && (a.starts_with(b) || b.starts_with(a))) {
    return NameEvidence::kSpelling;
  }
  if (SpellingVariants(a, b)) return NameEvidence::kSpelling;
  return NameEvidence::kNone;
}

// How the names after the first given name relate: the same; the shorter within the longer in
// order and ending alike (a middle name added: kForm); or beginning alike (a second surname
// added, "Giammattei Falla", or a name after a middle name, "Maxwell Taylor Kennedy":
// kSpelling, so context decides).
NameEvidence CompareRest(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string_view> x(a.begin() + 1, a.end()), y(b.begin() + 1, b.end());
  if (x == y) return NameEvidence::kSame;
  if (x.size() == y.size()) {  // one word spelled otherwise ("Barham Salih", "Barham Saleh")
    size_t differ = 0;
    bool close = true;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i] == y[i]) continue;
      ++differ;
      close = close && SpellingVariants(x[i], y[i]);
    }
    return differ == 1 && close ? NameEvidence::kSpelling : NameEvidence::kNone;
  }
  if (x.size() > y.size()) std::swap(x, y);
  if (x.back() != y.back()) {
    return std::equal(x.begin(), x.end(), y.begin()) ? NameEvidence::kSpelling
                                                     : NameEvidence::kNone;
  }
  size_t j = 0;
  for (std::string_view token : x) {
    while (j < y.size() && y[j] != token) ++j;
    if (j == y.size()) return NameEvidence::kNone;
    ++j;
  }
  return NameEvidence::kForm;
}

// The words of an entity's offices that say which office: "deputy secretary" and "secretary of
// agriculture" share "secretary", "lieutenant governor" and "governor" share "governor".
std::set<std::string> Offices(const Entity& e) {
  std::set<std::string> offices;
  auto add = [&offices](std::string_view title) {
    std::string office = AsciiLower(title);
    if (std::find(kCourtesyTitles.begin(), kCourtesyTitles.end(), office) !=
        kCourtesyTitles.end()) {
      return;
    }
    for (std::string_view word : SplitNonEmpty(office, ' ')) {
      if (std::find(kRankWords.begin(), kRankWords.end(), word) == kRankWords.end()) {
        offices.emplace(word);
      }
    }
  };
  if (auto it = e.attributes.find("title"); it != e.attributes.end()) add(it->second);
  for (const Role& role : e.roles) add(role.office);
  return offices;
}

std::set<std::string> Countries(const Entity& e) {
  std::set<std::string> countries;
  for (const Role& role : e.roles) {
    if (!role.country.empty()) countries.insert(role.country);
  }
  return countries;
}

template <typename Set>
bool Intersect(const Set& a, const Set& b) {
  for (const auto& x : a) {
    if (b.count(x) > 0) return true;
  }
  return false;
}

void Rename(const std::map<std::string, std::string>& renamed, std::optional<EntityRef>* ref) {
  if (!*ref) return;
  if (auto it = renamed.find((*ref)->id); it != renamed.end()) (*ref)->id = it->second;
}

}  // namespace

NameEvidence CompareNames(std::string_view a, std::string_view b) {
  ParsedName x = Parse(a), y = Parse(b);
  if (x.tokens.empty() || y.tokens.empty()) return NameEvidence::kNone;
  if (x.tokens.size() < 2 || y.tokens.size() < 2) {
    if (x.tokens == y.tokens && x.suffix == y.suffix) return NameEvidence::kSame;
    // A surname alone and a name ending with it ("Hichilema", "Hakainde Hichilema"; "Kadhimi",
    // "Al-Kadhimi"): context decides.
    // Not a name of initials and a surname ("H. R. McMaster" and "Henry McMaster").
    const bool x_one = x.tokens.size() == 1;
    const ParsedName& one = x_one ? x : y;
    const ParsedName& full = x_one ? y : x;
    return full.tokens.size() >= 2 && full.tokens.back() == one.tokens[0] && one.suffix.empty() &&
                   SplitNonEmpty(x_one ? a : b, ' ').size() == 1
               ? NameEvidence::kSpelling
               : NameEvidence::kNone;
  }
  // The family name first in one, last in the other ("Akiba Takeo", "Takeo Akiba"); "Martin
  // Luther" and "Luther Martin" are two people, so context decides.
  if (x.tokens.size() == 2 && y.tokens.size() == 2 && x.tokens[0] == y.tokens[1] &&
      x.tokens[1] == y.tokens[0]) {
    return x.suffix == y.suffix ? NameEvidence::kSpelling : NameEvidence::kNone;
  }
  // The first given name left out ("Irfaan Ali", "Mohamed Irfaan Ali"; "Lujan Grisham").
  const std::vector<std::string>& shorter = x.tokens.size() < y.tokens.size() ? x.tokens : y.tokens;
  const std::vector<std::string>& longer = x.tokens.size() < y.tokens.size() ? y.tokens : x.tokens;
  // Not a father's name after "bin" ("Abdulaziz Al-Saud", "Salman bin Abdulaziz Al Saud").
  if (shorter.size() < longer.size() &&
      std::equal(shorter.begin(), shorter.end(), longer.end() - shorter.size()) &&
      std::find(kPatronymics.begin(), kPatronymics.end(),
                longer[longer.size() - shorter.size() - 1]) == kPatronymics.end()) {
    return x.suffix == y.suffix ? NameEvidence::kSpelling : NameEvidence::kNone;
  }
  NameEvidence evidence =
      std::min(CompareGiven(x.tokens[0], y.tokens[0]), CompareRest(x.tokens, y.tokens));
  // "Robert F. Kennedy" and "Robert F. Kennedy Jr." are two people unless context says one.
  if (x.suffix != y.suffix) evidence = std::min(evidence, NameEvidence::kSpelling);
  return evidence;
}

bool ContextAgrees(const Entity& a, const Entity& b) {
  return Intersect(Offices(a), Offices(b)) && !ContextConflicts(a, b);
}

bool OfficesDiffer(const Entity& a, const Entity& b) {
  std::set<std::string> x = Offices(a), y = Offices(b);
  return !x.empty() && !y.empty() && !Intersect(x, y);
}

bool ContextConflicts(const Entity& a, const Entity& b) {
  std::set<std::string> x = Countries(a), y = Countries(b);
  return !x.empty() && !y.empty() && !Intersect(x, y);
}

Result<PersonMerger> PersonMerger::Load(const Store& store) {
  PersonMerger merger;
  PARLEY_RETURN_IF_ERROR(store.ScanEntities([&merger](const Entity& e) {
    if (e.type == EntityType::kPerson) merger.Remember(e);
    return true;
  }));
  return merger;
}

void PersonMerger::Remember(const Entity& person) {
  // Not a structured binding: the lambda below reads `inserted`, which clang before 16 refuses.
  const auto emplaced = people_.try_emplace(person.id);
  const bool inserted = emplaced.second;
  Entity& known = emplaced.first->second;
  if (inserted) {
    known.id = person.id;
    known.label = person.label;
    known.type = person.type;
  }
  // Its names of two words or more, each indexed by the words after its first (and a discovered
  // one-word label by its word).
  auto add_name = [&](const std::string& name) {
    const bool is_label = name == known.label;
    if (is_label
            ? !inserted
            : std::find(known.aliases.begin(), known.aliases.end(), name) != known.aliases.end()) {
      return;
    }
    std::vector<std::string> tokens = Parse(name).tokens;
    // A discovered surname alone ("President Hichilema") is found by its word, so that a full
    // name stored after it joins it.
    const bool surname = tokens.size() == 1 && is_label && person.attributes.count("discovered_by");
    if (tokens.size() < 2 && !surname) return;
    if (!is_label) known.aliases.push_back(name);
    for (size_t i = surname ? 0 : 1; i < tokens.size(); ++i) {
      std::vector<std::string>& ids = by_token_[tokens[i]];
      if (std::find(ids.begin(), ids.end(), person.id) == ids.end()) ids.push_back(person.id);
    }
  };
  add_name(person.label);
  for (const std::string& alias : person.aliases) add_name(alias);
  // Offices and countries only: a title is kept as a role without a country.
  if (auto title = person.attributes.find("title"); title != person.attributes.end()) {
    known.roles.push_back(Role{.office = title->second});
  }
  for (const Role& role : person.roles) {
    known.roles.push_back(Role{.office = role.office, .country = role.country});
  }
  std::sort(known.roles.begin(), known.roles.end(), [](const Role& a, const Role& b) {
    return std::tie(a.office, a.country) < std::tie(b.office, b.country);
  });
  known.roles.erase(std::unique(known.roles.begin(), known.roles.end()), known.roles.end());
}

std::string PersonMerger::Match(const Entity& person, std::string* ambiguous) const {
  std::vector<std::string> tokens = Parse(person.label).tokens;
  std::set<std::string> candidates;
  for (size_t i = 0; i < tokens.size(); ++i) {  // the first too: a family name first
    auto it = by_token_.find(tokens[i]);
    if (it != by_token_.end()) candidates.insert(it->second.begin(), it->second.end());
  }
  std::vector<std::string> same, fitting, agreeing;
  for (const std::string& id : candidates) {
    const Entity& known = people_.at(id);
    NameEvidence evidence = CompareNames(person.label, known.label);
    for (const std::string& name : known.aliases) {
      evidence = std::max(evidence, CompareNames(person.label, name));
    }
    if (evidence == NameEvidence::kNone || ContextConflicts(person, known)) continue;
    const bool agrees = ContextAgrees(person, known);
    if (evidence == NameEvidence::kSpelling && !agrees) continue;
    if (evidence == NameEvidence::kShortForm && !agrees && OfficesDiffer(person, known)) continue;
    if (evidence == NameEvidence::kSame) same.push_back(id);
    fitting.push_back(id);
    if (agrees) agreeing.push_back(id);
  }
  if (same.size() > 1) {  // "George Bush": George H. W. or George W.?
    std::vector<std::string> picked;
    for (const std::string& id : same) {
      if (std::find(agreeing.begin(), agreeing.end(), id) != agreeing.end()) picked.push_back(id);
    }
    if (picked.size() == 1) return picked.front();
    fitting = same;
    agreeing.clear();
  }
  if (same.size() == 1) return same.front();
  if (fitting.size() == 1) return fitting.front();
  if (agreeing.size() == 1) return agreeing.front();
  if (fitting.size() > 1) {
    for (const std::string& id : fitting) {
      if (!ambiguous->empty()) *ambiguous += ",";
      *ambiguous += id;
    }
  }
  return "";
}

void PersonMerger::Resolve(DocumentRecord* record) {
  auto candidate = [this](const Entity& e) {
    return e.type == EntityType::kPerson && e.attributes.count("discovered_by") > 0 &&
           people_.count(e.id) == 0;
  };
  // The record's other people first, so its new spellings can join them too.
  std::vector<Entity*> spellings;
  for (Entity& e : record->entities) {
    if (candidate(e)) {
      spellings.push_back(&e);
    } else if (e.type == EntityType::kPerson) {
      Remember(e);
    }
  }
  // Then each new spelling in turn: joined to a known person, or known from now on ("Raymond
  // Odierno" and "Ray Odierno" in one document).
  std::map<std::string, std::string> renamed;
  for (Entity* e : spellings) {
    if (auto it = renamed.find(e->id); it != renamed.end()) continue;
    if (people_.count(e->id) > 0) continue;  // a repeat of a spelling taken in above
    std::string ambiguous;
    std::string match = Match(*e, &ambiguous);
    if (!match.empty()) {
      renamed.emplace(e->id, std::move(match));
      continue;
    }
    if (!ambiguous.empty()) e->attributes["ambiguous"] = ambiguous;
    Remember(*e);
  }
  if (!renamed.empty()) {
    for (Entity& e : record->entities) {
      if (auto it = renamed.find(e.id); it != renamed.end()) e.id = it->second;
    }
    for (Statement& s : record->statements) {
      const bool computed = s.id == MakeStatementId(s);
      std::optional<EntityRef> subject = s.subject;
      Rename(renamed, &subject);
      s.subject = *subject;
      Rename(renamed, &s.object);
      Rename(renamed, &s.recipient);
      Rename(renamed, &s.place);
      Rename(renamed, &s.event);
      if (computed) s.id = MakeStatementId(s);
    }
  }
  for (const Entity& e : record->entities) {
    if (e.type == EntityType::kPerson) Remember(e);
  }
}

}  // namespace parley
