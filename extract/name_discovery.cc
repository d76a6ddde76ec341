#include "extract/name_discovery.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "base/date.h"
#include "base/text.h"
#include "extract/actor_codes.h"
#include "extract/mention_rules.h"
#include "extract/name_shape.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

// The number of words of `label` (Words(label).size(), without making them).
size_t WordCount(std::string_view label) {
  size_t count = 0;
  bool in_word = false;
  for (const char c : label) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++count;
    }
  }
  return count;
}

std::vector<std::string> Words(std::string_view label) {
  std::vector<std::string> out;
  for (std::string_view word : SplitNonEmpty(label, ' ')) out.emplace_back(word);
  return out;
}

void AddAlias(std::string_view text, const EntityDef* def, DocState* doc) {
  if (text.empty()) return;
  // Tokens into scratch kept between calls (per thread), the texts copied only for an alias the
  // document does not have yet: discovery adds most names again in every sentence that holds them.
  thread_local std::vector<Token> tokens;
  Tokenize(text, &tokens);
  if (tokens.empty()) return;
  const auto token_text = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  const std::string_view first = token_text(tokens[0]);
  // The key's pre-test bit (DocState::local_id_bits): its lower-cased id, as Tagged::words.
  thread_local std::string lower;
  lower.assign(first);
  for (char& c : lower) c = AsciiLowerByte(c);
  if (const uint32_t id = doc->rules.alias_index.tokens.Find(lower); id != TokenTable::kAbsent) {
    doc->local_id_bits.set(id % 4096);
  } else {
    doc->local_key_bits.set(LocalKeyBit(first));
  }
  auto it = doc->local_aliases.find(first);
  if (it == doc->local_aliases.end()) {
    it = doc->local_aliases.emplace(std::string(first), std::vector<LocalAlias>()).first;
  }
  std::vector<LocalAlias>& bucket = it->second;
  for (const LocalAlias& a : bucket) {
    if (a.entity == def && a.tokens.size() == tokens.size() &&
        std::equal(
            a.tokens.begin(), a.tokens.end(), tokens.begin(),
            [&](const std::string& have, const Token& t) { return have == token_text(t); })) {
      return;
    }
  }
  LocalAlias& alias = bucket.emplace_back();
  alias.tokens.reserve(tokens.size());
  alias.space_before.reserve(tokens.size());
  for (const Token& t : tokens) {
    alias.tokens.emplace_back(token_text(t));
    alias.space_before.push_back(t.space_before);
  }
  alias.entity = def;
}

// A two-word name the other way round: "Takeo Akiba" for "Akiba Takeo".
std::string Reversed(const std::vector<std::string_view>& words) {
  std::string reversed(words[1]);
  reversed += ' ';
  reversed += words[0];
  return reversed;
}

// True for an initial or a run of them: "D.", "F.W.".
bool IsInitials(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || i + 1 >= word.size() || word[i + 1] != '.') return false;
  }
  return true;
}

// The id of a discovered entity: a person's without the initials of the name, when two other
// words remain, particles aside ("Avril D. Haines" and "Avril Haines" are person:avril-haines in
// every document; "J.B. Pritzker" keeps his).
std::string DiscoveredId(EntityType type, const std::string& label,
                         const std::vector<std::string_view>& words) {
  if (type != EntityType::kPerson) return MakeEntityId(type, label);
  std::string kept;
  size_t count = 0;
  for (const std::string_view w : words) {
    if (IsInitials(w)) continue;
    if (!kept.empty()) kept += ' ';
    kept += w;
    count += w[0] >= 'a' && w[0] <= 'z' ? 0 : 1;  // particles do not count ("de Klerk")
  }
  return MakeEntityId(type, count >= 2 ? kept : label);
}

// The index of the word of a person's name that its surname alone writes: the last, or the one
// before a generational suffix ("Davis" of "Hardie Davis Jr.", "King" of "Martin Luther King
// Jr."); after one word, a suffix is a regnal number and stays ("Abdullah II").
size_t SurnameIndex(const std::vector<std::string_view>& words) {
  if (words.size() < 3) return words.empty() ? 0 : words.size() - 1;
  std::string_view last = words.back();
  while (!last.empty() && (last.back() == '.' || last.back() == ',')) last.remove_suffix(1);
  return IsNameSuffix(AsciiLower(last)) ? words.size() - 2 : words.size() - 1;
}

// The surname word of a person's name (SurnameIndex), without a comma before a suffix
// ("Biden" of "Joseph R. Biden, Jr.").
std::string_view SurnameWord(const std::vector<std::string_view>& words) {
  if (words.empty()) return {};
  std::string_view w = words[SurnameIndex(words)];
  while (w.size() > 1 && w.back() == ',') w.remove_suffix(1);
  return w;
}

// True when `word` alone is a literal alias of the listed entity `def`.
bool IsOwnAlias(const CompiledRules& rules, const EntityDef* def, std::string_view word) {
  const uint32_t id = rules.alias_index.tokens.Find(word);
  if (id == TokenTable::kAbsent || id >= rules.alias_index.exact.size()) return false;
  const auto index = static_cast<uint32_t>(def - rules.entities.data());
  for (const AliasKey& k : rules.alias_index.exact[id]) {
    if (k.rest_size == 0 && k.entity == index) return true;
  }
  return false;
}

// The surname in a name's last word that a particle joins with a hyphen: "Asad" of "al-Asad"
// (the `name-particle` list of rules/core/names.rules); empty for any other word.
std::string_view AfterParticle(const NameVocabulary& names, std::string_view word) {
  const size_t dash = word.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 3 > word.size()) return {};
  const std::string_view rest = word.substr(dash + 1);
  if (rest[0] < 'A' || rest[0] > 'Z') return {};
  const uint32_t particle = names.Id(AsciiLower(word.substr(0, dash)));
  return names.particles.ContainsWord(particle) ? rest : std::string_view();
}

// True when some literal alias of the rules starts with `token`.
bool StartsExactAlias(const CompiledRules& rules, std::string_view token) {
  const AliasIndex& index = rules.alias_index;
  const uint32_t id = index.tokens.Find(token);
  return id != TokenTable::kAbsent && id < index.exact.size() && !index.exact[id].empty();
}

// StartsExactAlias among the aliases of entities the hand-written rules define: the labels of
// the people only the imported layer lists start with thousands of given names that are
// surnames too ("Habib" of "Habib Bourguiba"), which must not take the surname of a document's
// "Philip Habib" away from him.
bool StartsHandWrittenAlias(const CompiledRules& rules, std::string_view token) {
  const AliasIndex& index = rules.alias_index;
  const uint32_t id = index.tokens.Find(token);
  if (id == TokenTable::kAbsent || id >= index.exact.size()) return false;
  return std::any_of(index.exact[id].begin(), index.exact[id].end(),
                     [&](const AliasKey& k) { return !rules.entities[k.entity].imported; });
}

// The one listed person in `candidates` (entity indices).
const EntityDef* Unique(const CompiledRules& rules, std::span<const uint32_t> candidates) {
  if (candidates.size() != 1) return nullptr;
  return &rules.entities[candidates[0]];
}

std::span<const uint32_t> Lookup(const PersonIndex& index, std::string_view key) {
  if (key.empty()) return {};
  return index.Find(key);
}

// The listed person a multi-word person's name denotes under another order or spelling.
const EntityDef* KnownPerson(const CompiledRules& rules,
                             const std::vector<std::string_view>& words) {
  if (words.size() == 2) {
    const std::string reversed = Reversed(words);
    if (auto it = rules.entity_index.find(MakeEntityId(EntityType::kPerson, reversed));
        it != rules.entity_index.end()) {
      return &rules.entities[it->second];
    }
    if (const EntityDef* def =
            Unique(rules, Lookup(rules.person_names, TransliterationKey(reversed)))) {
      return def;
    }
  }
  std::string joined;
  for (const std::string_view w : words) {
    if (!joined.empty()) joined += ' ';
    joined += w;
  }
  return Unique(rules, Lookup(rules.person_names, TransliterationKey(joined)));
}

// True when every word of `title` is a word of `office` ("secretary" of "secretary of state").
bool TitleFits(const std::string& title, const std::string& office) {
  const std::vector<std::string> office_words = Words(AsciiLower(office));
  for (const std::string& w : Words(title)) {
    if (std::find(office_words.begin(), office_words.end(), w) == office_words.end()) {
      return false;
    }
  }
  return true;
}

// Whether `person` is known to hold other offices than `title` fits: it has roles or the title
// it was found with, and none fits ("Attorney General Robert Kennedy" for "President").
bool HoldsOtherTitles(const EntityDef& person, const std::string& title) {
  bool known = false;
  for (const Role& role : person.entity.roles) {
    if (TitleFits(title, role.office)) return false;
    known = true;
  }
  const auto it = person.entity.attributes.find("title");
  if (it == person.entity.attributes.end()) return known;
  return !TitleFits(title, it->second);
}

// The one listed person of `candidates` (with the surname) that a title and the document date
// point at: an office title must fit one of their hand-written offices held at the date; a title
// that is no office ("Mr.") needs a document date inside one of them. Null when none or several.
const EntityDef* ListedBySurname(const CompiledRules& rules, std::span<const uint32_t> candidates,
                                 const std::string& title, const std::string& doc_date) {
  if (candidates.empty() || title.empty()) return nullptr;
  std::vector<bool> space;
  const std::vector<std::string> title_tokens = TokenTexts(title, &space);
  const bool office_title = rules.names.honorifics.LongestAt(
                                rules.names.Ids(title, Tokenize(title)), 0) != title_tokens.size();
  if (!office_title && doc_date.empty()) return nullptr;
  const std::optional<int64_t> doc_day = FirstDayCount(doc_date);
  const EntityDef* found = nullptr;
  for (uint32_t e : candidates) {
    const EntityDef* p = &rules.entities[e];
    bool fits = false;
    // Hand-written roles only: the imported ones serve actor codes (actor_codes.h), and their
    // open-ended 2014 roles ("elite" since 1948) would make "Ms. Baker" of 2021 James Baker.
    for (size_t r = 0; r < OwnRoleCount(*p); ++r) {
      fits = fits || ((!office_title || TitleFits(title, p->entity.roles[r].office)) &&
                      (doc_date.empty() || p->role_periods[r].HeldOn(doc_day)));
    }
    if (!fits) continue;
    if (found != nullptr && found != p) return nullptr;
    found = p;
  }
  return found;
}

// Whether `title` (lower case) is all one title of name-leader-title ("president", "prime
// minister").
bool IsLeaderTitle(const NameVocabulary& names, const std::string& title) {
  if (title.empty()) return false;
  const std::vector<Token> tokens = Tokenize(title);
  return names.leader_titles.LongestAt(names.Ids(title, tokens), 0) == tokens.size();
}

// Whether the one-word person `surname`, found after `title`, is a head of state or government
// whom nothing else explains: the title is one of name-leader-title, no list knows the surname
// (nor, after a particle, "Sisi" of "El-Sisi"), the document never writes it in lower case
// ("the President Management and Administration office"), it is no particle and no first name
// of the gender lists ("Prime Minister Justin" of a cut title), and a sentence other than a title
// or heading writes it right after such a title as a whole name (no capitalised word, opening quote
// or hyphen after it).
bool UnknownLeader(const DocState& doc, const std::string& surname, const std::string& title,
                   const std::vector<Tagged>& sentences, const std::vector<bool>& titles) {
  const CompiledRules& rules = doc.rules;
  const NameVocabulary& names = rules.names;
  if (!IsLeaderTitle(names, title)) return false;
  if (!Lookup(rules.person_surnames, TransliterationKey(surname)).empty()) return false;
  const std::string_view after = AfterParticle(names, surname);
  if (!after.empty() && !Lookup(rules.person_surnames, TransliterationKey(after)).empty()) {
    return false;
  }
  const std::string lower = AsciiLower(surname);
  const uint32_t id = names.Id(lower);
  if (surname.size() < 3 || (doc.words != nullptr && doc.words->Contains(lower)) ||
      (id != TokenTable::kAbsent && (names.female.ContainsWord(id) || names.male.ContainsWord(id) ||
                                     names.particles.ContainsWord(id)))) {
    return false;
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i < titles.size() && titles[i]) continue;
    const Tagged& s = sentences[i];
    for (size_t t = 1; t < s.tokens.size(); ++t) {
      if (s.TokenText(t) != surname || s.words.size() != s.tokens.size()) continue;
      // A title, not "the President" of an office's name ("the Executive Office of the
      // President Management and Administration").
      bool after_title = false;
      for (size_t n = 1; n <= 3 && n <= t && !after_title; ++n) {
        after_title = names.leader_titles.LongestAt(s.words, t - n) == n &&
                      (t == n || AsciiLower(s.TokenText(t - n - 1)) != "the");
      }
      if (!after_title) continue;
      if (t + 1 == s.tokens.size()) return true;
      // The whole name: not the first word of a longer one ("President Benigno “Noynoy”
      // Aquino", "Paralyzed Veterans of America") nor of a hyphenated one ("El" of "El-Sisi").
      const std::string_view next = s.TokenText(t + 1);
      const bool joined = s.tokens[t + 1].begin == s.tokens[t].end && next == "-";
      const bool quote = next.starts_with("\u201c") || next.starts_with("\u2018") || next == "\"" ||
                         (next == "'" && (t + 2 == s.tokens.size() || s.TokenText(t + 2) != "s"));
      if (!joined && !quote && !(next[0] >= 'A' && next[0] <= 'Z')) return true;
    }
  }
  return false;
}

}  // namespace

void AddLocalEntity(const NewName& name, DocState* doc, DocumentAnalysis* out) {
  const CompiledRules& rules = doc->rules;
  // The same name found again (in every sentence that repeats it) changes nothing.
  const std::initializer_list<const std::string*> parts = {
      &name.label,   &name.surface,     &name.rule,   &name.office,
      &name.country, &name.affiliation, &name.acronym};
  const std::string_view type = EntityTypeName(name.type);
  size_t size = type.size();
  for (const std::string* part : parts) size += 1 + part->size();
  std::string key;
  key.reserve(size);
  key += type;
  for (const std::string* part : parts) {
    key += '\x1f';
    key += *part;
  }
  if (!doc->names_seen.insert(std::move(key)).second) return;
  const std::vector<std::string_view> words = SplitNonEmpty(name.label, ' ');
  const std::string id = DiscoveredId(name.type, name.label, words);
  const EntityDef* known = nullptr;
  if (auto it = rules.entity_index.find(id); it != rules.entity_index.end()) {
    known = &rules.entities[it->second];
  } else if (name.type == EntityType::kPerson && words.size() >= 2) {
    known = KnownPerson(rules, words);
  }
  out->discoveries.push_back({name.rule, known ? known->entity.id : id, name.office, name.country});
  if (known != nullptr) {
    // Written otherwise than the list writes it: this document's spelling is an alias here
    // (another order, another transliteration, or for a person accents the list leaves out:
    // "Sauli Niinistö" for an imported "Sauli Niinisto", whose id the name's has; not for other
    // types the hand-written rules define, whose id may be a short form: "Strategic Dialogue" is
    // no name of the "Strategic and Economic Dialogue"; an imported one's id is its dictionary's
    // first name, which the import may have left out of its aliases: "Office of Management and
    // Budget" of the imported OMB).
    const bool listed_spelling =
        (name.type != EntityType::kPerson && !known->imported) ||
        known->entity.label == name.label ||
        std::find(known->entity.aliases.begin(), known->entity.aliases.end(), name.label) !=
            known->entity.aliases.end();
    if (known->entity.id != id || !name.surface.empty() || !listed_spelling) {
      AddAlias(name.label, known, doc);
      AddAlias(name.surface, known, doc);
    }
    if (!name.acronym.empty()) AddAlias(name.acronym, known, doc);
    return;
  }
  EntityDef* def;
  bool created = false;
  auto it = doc->local_by_id.find(id);
  if (it == doc->local_by_id.end() && name.type == EntityType::kPerson && words.size() == 2) {
    it = doc->local_by_id.find(MakeEntityId(name.type, Reversed(words)));
  }
  if (it != doc->local_by_id.end()) {
    def = it->second;
  } else {
    created = true;
    def = &doc->local.emplace_back();
    def->entity.id = id;
    def->entity.label = name.label;
    def->entity.type = name.type;
    def->entity.attributes["discovered_by"] = name.rule;
    def->order = kLocalOrder;
    doc->local_by_id[id] = def;
    AddAlias(name.label, def, doc);
    // The surname: the last word, or the one before "Jr." ("Davis" of "Hardie Davis Jr.").
    const size_t surname =
        name.type == EntityType::kPerson ? SurnameIndex(words) : words.size() - 1;
    const std::string_view written =
        name.type == EntityType::kPerson ? SurnameWord(words) : words.back();
    std::string last(written);
    if (!last.empty() && (last[0] < 'A' || last[0] > 'Z')) last = AfterParticle(rules.names, last);
    // A capitalised particle before the surname is part of it: "Van Nostrand" of "Eric Van
    // Nostrand", not "Nostrand".
    if (name.type == EntityType::kPerson && surname >= 2 && last == written) {
      const std::string_view particle = words[surname - 1];
      if (particle[0] >= 'A' && particle[0] <= 'Z' &&
          rules.names.particles.ContainsWord(rules.names.Id(AsciiLower(particle)))) {
        last = std::string(particle) + " " + last;
      }
    }
    if (name.type == EntityType::kPerson && words.size() >= 2 && last.size() >= 2 &&
        last[0] >= 'A' && last[0] <= 'Z' && !StartsHandWrittenAlias(rules, last)) {
      AddAlias(last, def, doc);
      def->entity.aliases.push_back(last);
    }
  }
  if (!created) AddAlias(name.label, def, doc);  // another spelling of the id ("Joao", "João")
  if (!name.surface.empty() && name.surface != name.label) AddAlias(name.surface, def, doc);
  if (!name.acronym.empty()) {
    AddAlias(name.acronym, def, doc);
    if (std::find(def->entity.aliases.begin(), def->entity.aliases.end(), name.acronym) ==
        def->entity.aliases.end()) {
      def->entity.aliases.push_back(name.acronym);
    }
  }
  if (!name.affiliation.empty()) def->entity.attributes["affiliation"] = name.affiliation;
  if (name.type == EntityType::kPerson && !name.office.empty()) {
    if (name.rule == kShapeRule) {
      def->entity.attributes.emplace("title", name.office);
    } else {
      Role role{name.office, name.country, "", ""};
      if (std::find(def->entity.roles.begin(), def->entity.roles.end(), role) ==
          def->entity.roles.end()) {
        def->role_periods.push_back(RolePeriod::Of(role));
        def->entity.roles.push_back(std::move(role));
      }
    }
  }
}

void SpellImportedPeople(const Tagged& s, DocState* doc) {
  for (const Mention& m : s.mentions) {
    const EntityDef* listed = m.entity;
    if (m.kind != MentionKind::kEntity || listed == nullptr || !listed->imported ||
        listed->entity.type != EntityType::kPerson || m.tok_end < m.tok_begin + 2) {
      continue;
    }
    const std::string spelling(s.Range(m.tok_begin, m.tok_end));
    if (AsciiLower(spelling) == AsciiLower(listed->entity.label)) continue;
    const std::vector<std::string_view> words = SplitNonEmpty(spelling, ' ');
    const std::string id = DiscoveredId(EntityType::kPerson, spelling, words);
    // The same id (accents, initials): the listed person as it is.
    if (id == listed->entity.id || doc->rules.entity_index.count(id) > 0) continue;
    auto it = doc->local_by_id.find(id);
    EntityDef* def;
    if (it != doc->local_by_id.end()) {
      def = it->second;
    } else {
      def = &doc->local.emplace_back(*listed);
      def->entity.id = id;
      def->entity.label = spelling;
      def->entity.aliases.clear();
      def->entity.attributes["spelling_of"] = listed->entity.id;
      def->order = kLocalOrder;
      doc->local_by_id[id] = def;
    }
    AddAlias(spelling, def, doc);
  }
}

void DiscoverByShape(const Tagged& s, bool title_like, bool document_title, DocState* doc,
                     DocumentAnalysis* out) {
  const NameVocabulary& vocabulary = doc->rules.names;
  if (vocabulary.empty()) return;
  SpellImportedPeople(s, doc);
  // A one-word organisation only the imported layer lists, right before a word written as a
  // name that no mention holds, may be a given name ("Dr. Eyal Hulata": Phoenix's EYAL_
  // [MEAREB]): the shapes read the sentence once more past it, and a person's name they find
  // around it wins (a longer mention); nothing else of that reading is taken.
  std::vector<uint32_t> open;  // such mentions' tokens
  for (size_t i = 0; i < s.mentions.size(); ++i) {
    const Mention& m = s.mentions[i];
    const uint32_t next = m.tok_end;
    if (m.kind != MentionKind::kEntity || m.entity == nullptr || !m.entity->imported ||
        m.entity->entity.type != EntityType::kOrganization || m.tok_end != m.tok_begin + 1 ||
        next >= s.tokens.size() ||
        (i + 1 < s.mentions.size() && s.mentions[i + 1].tok_begin == next)) {
      continue;
    }
    const std::string_view w = s.TokenText(next);
    if (w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z') {
      open.push_back(m.tok_begin);
    }
  }
  std::vector<KnownSpan> known;
  known.reserve(s.mentions.size());
  for (const Mention& m : s.mentions) {
    if (m.kind == MentionKind::kQuote) continue;
    known.push_back({m.tok_begin, m.tok_end, m.kind != MentionKind::kDate,
                     m.kind == MentionKind::kEntity && m.tok_end == m.tok_begin + 1 &&
                         m.entity != nullptr && m.entity->entity.type == EntityType::kPerson,
                     m.kind == MentionKind::kDemonym,
                     m.kind == MentionKind::kEntity && m.entity != nullptr &&
                         m.entity->entity.type == EntityType::kPerson});
  }
  // A known entity's acronym in parentheses right after it ("the Palestinian Authority (PA)")
  // is its alias in this document, as for a name found by shape, unless a list already
  // knows the acronym.
  for (const Mention& m : s.mentions) {
    if (m.entity == nullptr || m.kind != MentionKind::kEntity ||
        m.entity->entity.type == EntityType::kPerson || m.tok_end + 2 >= s.tokens.size() ||
        s.TokenText(m.tok_end) != "(" || s.TokenText(m.tok_end + 2) != ")") {
      continue;
    }
    const std::string_view a = s.TokenText(m.tok_end + 1);
    const bool caps = a.size() >= 2 && a.size() <= 10 &&
                      std::all_of(a.begin(), a.end(), [](char c) { return c < 'a' || c > 'z'; }) &&
                      a[0] >= 'A' && a[0] <= 'Z';
    if (caps && !StartsExactAlias(doc->rules, a)) AddAlias(a, m.entity, doc);
  }
  std::vector<ShapedName> shapes = FindShapedNames(vocabulary, s.text, s.lower, s.tokens, known,
                                                   doc->words, title_like, &s.words);
  if (!open.empty()) {
    std::vector<KnownSpan> past;  // the known spans but those organisations
    for (const KnownSpan& k : known) {
      if (k.tok_end != k.tok_begin + 1 ||
          std::find(open.begin(), open.end(), k.tok_begin) == open.end()) {
        past.push_back(k);
      }
    }
    for (ShapedName& shaped : FindShapedNames(vocabulary, s.text, s.lower, s.tokens, past,
                                              doc->words, title_like, &s.words)) {
      if (shaped.type == EntityType::kPerson && shaped.tok_end - shaped.tok_begin >= 2 &&
          std::any_of(open.begin(), open.end(), [&shaped](uint32_t t) {
            return shaped.tok_begin <= t && t < shaped.tok_end;
          })) {
        shapes.push_back(std::move(shaped));
      }
    }
  }
  for (ShapedName& shaped : shapes) {
    if (document_title && shaped.type != EntityType::kPerson &&
        std::any_of(known.begin(), known.end(), [&shaped](const KnownSpan& k) {
          return k.entity && k.tok_begin >= shaped.tok_begin && k.tok_end <= shaped.tok_end;
        })) {
      continue;
    }
    NewName name;
    name.type = shaped.type;
    name.label = std::move(shaped.label);
    const std::string_view surface = s.Range(shaped.tok_begin, shaped.tok_end);
    if (surface != name.label) name.surface = std::string(surface);
    name.rule = std::string(kShapeRule);
    name.office = std::move(shaped.office);
    name.acronym = std::move(shaped.acronym);
    AddLocalEntity(name, doc, out);
  }
}

void LinkShortForms(const std::vector<Tagged>& sentences, const std::vector<bool>& titles,
                    DocState* doc) {
  const CompiledRules& rules = doc->rules;
  // The people of the document named in full, by the first and last word of their names.
  std::vector<const EntityDef*> people;
  std::unordered_set<const EntityDef*> listed;  // people's members
  // The people written with more than their surname somewhere ("Assad" alone may be a list's
  // alias of another Assad than the document's "Hafez al-Assad"), with the last word of each
  // such spelling ("al-Asad" of "Hafiz al-Asad").
  std::unordered_map<const EntityDef*, std::set<std::string>> in_full;
  for (const Tagged& s : sentences) {
    for (const Mention& m : s.mentions) {
      if (m.entity == nullptr || m.kind == MentionKind::kDemonym ||
          m.entity->entity.type != EntityType::kPerson) {
        continue;
      }
      if (listed.insert(m.entity).second) people.push_back(m.entity);
      const std::vector<std::string_view> words = SplitNonEmpty(m.entity->entity.label, ' ');
      const std::string_view text = s.Range(m.tok_begin, m.tok_end);
      if (!words.empty() && text != SurnameWord(words) &&
          text != AfterParticle(rules.names, SurnameWord(words))) {
        std::set<std::string>& lasts = in_full[m.entity];
        // Another spelling of the name ("Hafiz al-Asad"), not a longer alias ("King Abdullah
        // II of Jordan"), whose last word is the surname as this document writes it.
        const std::vector<std::string_view> written = SplitNonEmpty(text, ' ');
        if (written.size() == words.size() &&
            !StartsHandWrittenAlias(rules, SurnameWord(written))) {
          lasts.emplace(SurnameWord(written));
        }
      }
    }
  }
  // A listed person the document names in a spelling of its own ("Sauli Niinistö" for the
  // imported "Sauli Niinisto"): discovery made that spelling an alias of the listed person, which
  // the sentences mention only once AddLocalMentions has run, so it counts as named in full here.
  std::vector<std::pair<std::string, const LocalAlias*>> spelled;
  for (const auto& [first, bucket] : doc->local_aliases) {
    for (const LocalAlias& a : bucket) {
      if (a.entity != nullptr && a.entity->order != kLocalOrder && a.tokens.size() >= 2 &&
          a.entity->entity.type == EntityType::kPerson) {
        std::string key = a.entity->entity.id;
        for (const std::string& t : a.tokens) key += '\x1f' + t;
        spelled.emplace_back(std::move(key), &a);
      }
    }
  }
  std::sort(spelled.begin(), spelled.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [key, a] : spelled) {
    if (listed.insert(a->entity).second) people.push_back(a->entity);
    std::set<std::string>& lasts = in_full[a->entity];
    const std::vector<std::string_view> written(a->tokens.begin(), a->tokens.end());
    if (written.size() == SplitNonEmpty(a->entity->entity.label, ' ').size() &&
        !StartsHandWrittenAlias(rules, SurnameWord(written))) {
      lasts.emplace(SurnameWord(written));
    }
  }
  for (const EntityDef& def : doc->local) {
    if (def.entity.type == EntityType::kPerson && listed.insert(&def).second) {
      people.push_back(&def);
    }
  }
  std::map<std::string, std::set<const EntityDef*>> by_last, by_first;
  for (const EntityDef* p : people) {
    const std::vector<std::string_view> words = SplitNonEmpty(p->entity.label, ' ');
    if (words.size() < 2) continue;
    by_last[TransliterationKey(SurnameWord(words))].insert(p);
    by_first[TransliterationKey(words.front())].insert(p);
  }
  auto only = [](const std::map<std::string, std::set<const EntityDef*>>& map,
                 const std::string& key) -> const EntityDef* {
    auto it = map.find(key);
    return it != map.end() && it->second.size() == 1 ? *it->second.begin() : nullptr;
  };
  // A surname alone ("Ambassador Bunker", "Chairman Kim"): the full name of this document, or
  // a listed person whose office agrees, or no entity at all: one node "Johnson" would stand
  // for every Johnson of a store ("Flom", "Donnell" of "O'Donnell" from discover rules too).
  std::map<const EntityDef*, const EntityDef*> redirect;
  // A shorter form of a longer name of the document ("De Klerk" of "F.W. de Klerk").
  // The people's " " + lower-case names by their last word: a name ending with another ends with
  // its last word (a long document names thousands of people; comparing each pair would take
  // quadratic time).
  auto last_word = [](const std::string& spaced) { return spaced.substr(spaced.rfind(' ') + 1); };
  std::unordered_map<std::string, std::vector<std::pair<const EntityDef*, std::string>>>
      by_last_word;
  for (const EntityDef* p : people) {
    std::string full = " " + AsciiLower(p->entity.label);
    by_last_word[last_word(full)].emplace_back(p, std::move(full));
  }
  for (EntityDef& def : doc->local) {
    if (def.entity.type != EntityType::kPerson || WordCount(def.entity.label) < 2) continue;
    const std::string tail = " " + AsciiLower(def.entity.label);
    auto bucket = by_last_word.find(last_word(tail));
    if (bucket == by_last_word.end()) continue;
    const EntityDef* longer = nullptr;
    int found = 0;
    for (const auto& [p, full] : bucket->second) {
      if (p != &def && full.size() > tail.size() &&
          full.compare(full.size() - tail.size(), tail.size(), tail) == 0) {
        longer = p;
        ++found;
      }
    }
    if (found == 1) redirect[&def] = longer;
  }
  // The first words of a longer name of the document at the end of a title or heading, which may
  // be cut inside the name ("President Alberto Ferná" of a title cut before "ndez", "Khalifa bin
  // Zayed" before "Al Nahyan"): that person, when there is one. Not a name the longer one only
  // adds a generational suffix to ("Robert F. Kennedy" and "Robert F. Kennedy Jr." are two).
  std::set<std::string_view> title_ends;  // the last one to six words of each title
  for (size_t i = 0; i < sentences.size() && i < titles.size(); ++i) {
    if (!titles[i]) continue;
    std::string_view t = sentences[i].text;
    while (!t.empty() && (t.back() == ' ' || t.back() == ':' || t.back() == ','))
      t.remove_suffix(1);
    size_t begin = t.size();
    for (int words = 0; words < 6 && begin > 0; ++words) {
      const size_t space = t.rfind(' ', begin - 1);
      begin = space == std::string_view::npos ? 0 : space + 1;
      title_ends.insert(t.substr(begin));
      if (begin == 0) break;
      begin = space;
    }
  }
  for (EntityDef& def : doc->local) {
    if (def.entity.type != EntityType::kPerson || redirect.count(&def) != 0 ||
        !title_ends.contains(def.entity.label)) {
      continue;
    }
    const std::vector<std::string_view> words = SplitNonEmpty(def.entity.label, ' ');
    if (words.size() < 2) continue;
    const EntityDef* longer = nullptr;
    int found = 0;
    for (const EntityDef* p : people) {
      if (p == &def) continue;
      const std::vector<std::string_view> other = SplitNonEmpty(p->entity.label, ' ');
      const size_t n = words.size();
      if (other.size() < n || !std::equal(words.begin(), words.end() - 1, other.begin()) ||
          !other[n - 1].starts_with(words[n - 1]) ||
          (other.size() == n && other[n - 1].size() == words[n - 1].size()) ||
          (other.size() == n + 1 && other[n - 1] == words[n - 1] && SurnameIndex(other) == n - 1)) {
        continue;
      }
      longer = p;
      ++found;
    }
    if (found == 1) redirect[&def] = longer;
  }
  // A surname whose title the document's full name is known not to hold (its other offices)
  // but a listed person with that surname did ("President Kennedy" beside "Attorney General Robert
  // Kennedy"): the surname is the listed person in this document, with or without the title. By
  // surname as written.
  std::map<std::string, std::pair<const EntityDef*, const EntityDef*>> surname_owner;
  for (EntityDef& def : doc->local) {
    if (def.entity.type != EntityType::kPerson || WordCount(def.entity.label) != 1) continue;
    const std::string key = TransliterationKey(def.entity.label);
    auto it = def.entity.attributes.find("title");
    std::string title = it == def.entity.attributes.end() ? "" : it->second;
    if (title.empty() && !def.entity.roles.empty()) title = def.entity.roles[0].office;
    const EntityDef* target = only(by_last, key);
    if (target != nullptr && target != &def && !title.empty() && HoldsOtherTitles(*target, title)) {
      const EntityDef* listed =
          ListedBySurname(rules, Lookup(rules.person_surnames, key), title, doc->doc_date);
      if (listed != nullptr && listed != target) {
        surname_owner[def.entity.label] = {target, listed};
        target = listed;
      }
    }
    if (target == nullptr && by_last.count(key) == 0) target = only(by_first, key);
    if (target == nullptr && by_last.count(key) == 0 && by_first.count(key) == 0) {
      const std::span<const uint32_t> listed = Lookup(rules.person_surnames, key);
      target = ListedBySurname(rules, listed, title, doc->doc_date);
      if (target == nullptr && UnknownLeader(*doc, def.entity.label, title, sentences, titles)) {
        continue;  // a person of its own
      }
    }
    redirect[&def] = target != &def ? target : nullptr;
  }
  for (auto& [first, bucket] : doc->local_aliases) {
    for (LocalAlias& a : bucket) {
      for (int hop = 0; hop < 4; ++hop) {  // "Klerk" -> "De Klerk" -> "F.W. de Klerk"
        auto it = redirect.find(a.entity);
        if (it == redirect.end() || a.entity == nullptr) break;
        a.entity = it->second;
      }
      if (a.tokens.size() == 1) {
        auto owner = surname_owner.find(a.tokens[0]);
        if (owner != surname_owner.end() && a.entity == owner->second.first) {
          a.entity = owner->second.second;
        }
      }
    }
    bucket.erase(std::remove_if(bucket.begin(), bucket.end(),
                                [](const LocalAlias& a) { return a.entity == nullptr; }),
                 bucket.end());
  }
  // The last word of a listed person's full name is that person in this document, before any
  // other person the lists give that word to ("Roosevelt" after "Theodore Roosevelt").
  for (const auto& [key, set] : by_last) {
    const EntityDef* p = nullptr;
    int named_in_full = 0;
    for (const EntityDef* q : set) {
      if (q->order == kLocalOrder || in_full.count(q)) {
        p = q;
        ++named_in_full;
      }
    }
    if (named_in_full != 1) continue;
    if (p->order == kLocalOrder) continue;  // a local entity has its own
    std::set<std::string> lasts = in_full[p];
    lasts.emplace(SurnameWord(SplitNonEmpty(p->entity.label, ' ')));
    for (std::string last : lasts) {
      if (!last.empty() && (last[0] < 'A' || last[0] > 'Z')) {
        last = AfterParticle(rules.names, last);
      }
      if (last.size() < 2 || !(last[0] >= 'A' && last[0] <= 'Z')) continue;
      if (IsOwnAlias(rules, p, last)) continue;      // the lists say so already
      if (surname_owner.count(last) != 0) continue;  // another's by title ("President Kennedy")
      AddAlias(last, p, doc);
    }
  }
}

void CompileNames(const std::map<std::string, WordList>& words, CompiledRules* rules) {
  // The lists' words are ids of the rules' vocabulary, which tagging looks each token up in
  // (Tagged::words), so the shape finder compares ids.
  rules->names.ShareVocabulary(&rules->alias_index.tokens);
  for (std::string_view name : NameVocabulary::kListNames) {
    auto it = words.find(std::string(name));
    if (it == words.end()) continue;
    std::vector<std::vector<std::string>> items;
    for (const Cue& item : it->second.items) items.push_back(item.tokens);
    rules->names.AddList(name, items);
  }
  // (key, person) pairs, in entity order: PersonIndex keeps each key's persons in it.
  std::vector<std::pair<std::string, uint32_t>> person_names, person_surnames;
  std::vector<std::string> names;  // distinct keys
  for (uint32_t e = 0; e < rules->entities.size(); ++e) {
    const Entity& entity = rules->entities[e].entity;
    if (entity.type != EntityType::kPerson) continue;
    names.clear();
    names.push_back(TransliterationKey(entity.label));
    for (const std::string& alias : entity.aliases) {
      if (alias.find(' ') != std::string::npos) names.push_back(TransliterationKey(alias));
    }
    if (names.size() > 1) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    for (const std::string& key : names) {
      if (!key.empty()) person_names.emplace_back(key, e);
    }
    // Two words or more (pieces between spaces that are not empty): the last is a surname.
    const std::string_view label = entity.label;
    const size_t last_end = label.find_last_not_of(' ');
    const size_t last_begin =
        last_end == std::string_view::npos ? 0 : label.find_last_of(' ', last_end) + 1;
    if (last_begin > 0 && label.find_first_not_of(' ') < last_begin) {
      person_surnames.emplace_back(
          TransliterationKey(label.substr(last_begin, last_end + 1 - last_begin)), e);
    }
  }
  rules->person_names = PersonIndex::Build(std::move(person_names));
  rules->person_surnames = PersonIndex::Build(std::move(person_surnames));
}

}  // namespace parley::internal
