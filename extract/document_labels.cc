#include "extract/document_labels.h"

#include <algorithm>

#include "base/text.h"
#include "extract/name_discovery.h"
#include "extract/name_shape.h"
#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool HasLower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A word written as a name: a capital, then a small letter ("Hassan", "López", not "UN" or
// "the"; a letter beyond ASCII counts as small).
bool NameCase(std::string_view w) {
  return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' &&
         ((w[1] >= 'a' && w[1] <= 'z') || static_cast<unsigned char>(w[1]) >= 0x80);
}

bool InMention(const Tagged& s, uint32_t t) {
  return std::any_of(s.mentions.begin(), s.mentions.end(), [t](const Mention& m) {
    return m.kind != MentionKind::kQuote && m.tok_begin <= t && t < m.tok_end;
  });
}

// Whether token t of `s` is a word of a name's shape that no list reads otherwise: written as
// a name, letters only, in no mention, no title, stop word, particle or head noun.
bool FreeNameWord(const DocState& doc, const Tagged& s, uint32_t t) {
  const NameVocabulary& names = doc.rules.names;
  const std::string_view w = s.TokenText(t);
  if (!NameCase(w) || InMention(s, t)) return false;
  // A word the document also writes in lower case is a common word; a sector noun is a title
  // ("Judge").
  if (doc.words != nullptr &&
      doc.words->Contains(s.LowerToken(t), s.words[t], &doc.rules.alias_index.tokens)) {
    return false;
  }
  if (auto it = doc.rules.sector_nouns.find(s.LowerToken(t)); it != doc.rules.sector_nouns.end()) {
    for (const SectorNoun& noun : it->second) {
      if (noun.tokens.size() == 1) return false;
    }
  }
  if (!std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               static_cast<unsigned char>(c) >= 0x80;
      })) {
    return false;
  }
  return names.titles.LongestAt(s.words, t) == 0 && names.stopwords.LongestAt(s.words, t) == 0 &&
         names.particles.LongestAt(s.words, t) == 0 && names.heads[0].LongestAt(s.words, t) == 0;
}

// Lower case, hyphens as spaces: "Al Jazeera" is "Al-Jazeera" written otherwise.
std::string Loose(std::string_view s) {
  std::string out = AsciiLower(s);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

// Whether the words of `tail` end `name` (both Loose): "nana akufo addo" ends in "akufo addo".
bool EndsInWords(std::string_view name, std::string_view tail) {
  return name == tail || (name.size() > tail.size() && name.ends_with(tail) &&
                          name[name.size() - tail.size() - 1] == ' ');
}

// The first token of a name ending at token b: b, or the word a hyphen joins to it, written
// without spaces ("Akufo-Addo" for "Addo").
uint32_t HyphenedStart(const Tagged& s, uint32_t b) {
  if (b >= 2 && s.TokenText(b - 1) == "-" && s.tokens[b - 1].end == s.tokens[b].begin &&
      s.tokens[b - 2].end == s.tokens[b - 1].begin && NameCase(s.TokenText(b - 2))) {
    return b - 2;
  }
  return b;
}

// The state mention m names: the state it acts as ("Israeli" for Israel), or itself; else null.
const EntityDef* NamedState(const Mention& m) {
  const EntityDef* state = m.acts_as != nullptr ? m.acts_as : m.entity;
  return state != nullptr && state->entity.type == EntityType::kState ? state : nullptr;
}

// Adds the ids of the states the mentions of `window` name (NamedState) to `ids`.
void AddNamedStates(std::span<const Tagged> window, std::set<std::string>* ids) {
  const EntityDef* last = nullptr;  // most state mentions name the state the one before named
  for (const Tagged& s : window) {
    for (const Mention& m : s.mentions) {
      const EntityDef* state = NamedState(m);
      if (state == nullptr || state == last) continue;
      ids->insert(state->entity.id);
      last = state;
    }
  }
}

// Whether `s` names a country of the roles of the person `def`.
bool NamesCountryOf(const Tagged& s, const EntityDef& def) {
  return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
    const EntityDef* state = NamedState(m);
    return state != nullptr &&
           std::any_of(def.entity.roles.begin(), def.entity.roles.end(),
                       [&](const Role& r) { return r.country == state->entity.id; });
  });
}

// Whether a word follows the full name [b, e) of a label of given names only ("Juan Carlos"
// of Spain): the longer name [b, to) is another person's, whose surname it is.
bool AfterGivenNames(const DocState& doc, const Tagged& s, uint32_t b, uint32_t e, uint32_t to) {
  if (to == e) return false;
  for (uint32_t t = b; t < e; ++t) {
    if (NameCase(s.TokenText(t)) && !doc.rules.names.given.ContainsWord(s.words[t])) return false;
  }
  return true;
}

// Whether every word of `label` is a given name (rules/core/given_names.rules): "Michael
// Smith", "George Wallace", names that many people share.
bool GivenNamesOnly(const DocState& doc, std::string_view label) {
  const std::vector<std::string_view> words = SplitNonEmpty(label, ' ');
  return words.size() >= 2 && std::all_of(words.begin(), words.end(), [&](std::string_view w) {
           return doc.rules.names.given.ContainsWord(
               doc.rules.alias_index.tokens.Find(AsciiLower(w)));
         });
}

struct LongerMention {
  size_t mention;     // index in Tagged::mentions
  uint32_t from, to;  // the longer name
};

// The mentions in `s` of a person only the imported layer lists by a full name of theirs (two
// words or more) that a longer name holds (LongerName).
std::vector<LongerMention> LongerMentions(const DocState& doc, const Tagged& s) {
  std::vector<LongerMention> out;
  for (size_t i = 0; i < s.mentions.size(); ++i) {
    const Mention& m = s.mentions[i];
    const EntityDef* def = m.entity;
    if (m.kind != MentionKind::kEntity || def == nullptr || !def->imported ||
        def->entity.type != EntityType::kPerson ||
        SplitNonEmpty(s.Range(m.tok_begin, m.tok_end), ' ').size() < 2) {
      continue;
    }
    const auto [from, to] = LongerName(doc, s, m.tok_begin, m.tok_end);
    if (from != m.tok_begin || to != m.tok_end) out.push_back({i, from, to});
  }
  return out;
}

}  // namespace

std::pair<uint32_t, uint32_t> LongerName(const DocState& doc, const Tagged& s, uint32_t b,
                                         uint32_t e) {
  if (b > 0 && FreeNameWord(doc, s, b - 1) && doc.rules.names.given.ContainsWord(s.words[b - 1])) {
    return {b - 1, e};
  }
  // One word after it, which no capitalised word follows, nor "of" and a free word of a name
  // (the name of an award or body: "the Robert F. Kennedy Ripple of Hope Award").
  if (e < s.tokens.size() && FreeNameWord(doc, s, e) &&
      (e + 1 == s.tokens.size() || !NameCase(s.TokenText(e + 1))) &&
      !(e + 2 < s.tokens.size() && s.LowerToken(e + 1) == "of" && FreeNameWord(doc, s, e + 2))) {
    return {b, e + 1};
  }
  return {b, e};
}

// The title of an office (a name-title that is no honorific: "President", not "Mr.") that ends
// right before token b ("President Biden", "Prime Minister Harper"), lower case, or "".
std::string OfficeTitleBefore(const DocState& doc, const Tagged& s, uint32_t b) {
  const NameVocabulary& names = doc.rules.names;
  constexpr uint32_t kLongestTitle = 6;
  uint32_t end = b;
  if (end > 0 && s.TokenText(end - 1) == ".") --end;  // "Gen. Harper"
  for (uint32_t t = end > kLongestTitle ? end - kLongestTitle : 0; t < end; ++t) {
    if (names.titles.LongestAt(s.words, t) == end - t &&
        names.honorifics.LongestAt(s.words, t) != end - t) {
      return AsciiLower(s.Range(t, end));
    }
  }
  return "";
}

bool AfterOfficeTitle(const DocState& doc, const Tagged& s, uint32_t b) {
  return !OfficeTitleBefore(doc, s, b).empty();
}

// Whether a comma and a capitalised title of an office or a person noun follow token `end - 1`
// within three words: the line of a list of participants ("Bradley Jackson, President and CEO,
// Tennessee Chamber of Commerce"), a name in full.
bool TitleAfterComma(const DocState& doc, const Tagged& s, uint32_t end) {
  const NameVocabulary& names = doc.rules.names;
  if (end >= s.tokens.size() || s.TokenText(end) != "," || s.words.size() != s.tokens.size()) {
    return false;
  }
  for (uint32_t k = end + 1; k < s.tokens.size() && k < end + 4; ++k) {
    const std::string_view w = s.TokenText(k);
    if (w.empty() || w[0] < 'A' || w[0] > 'Z' || InMention(s, k)) return false;
    if ((names.titles.ContainsWord(s.words[k]) && !names.honorifics.ContainsWord(s.words[k])) ||
        names.apposition.ContainsWord(s.words[k])) {
      return true;
    }
  }
  return false;
}

// Whether every word of `title` is a word of one of `person`'s offices ("governor" of
// "governor"; "secretary" of "secretary of state").
bool TitleFitsAnOffice(const std::string& title, const EntityDef& person) {
  const std::vector<std::string_view> words = SplitNonEmpty(title, ' ');
  return std::any_of(person.entity.roles.begin(), person.entity.roles.end(), [&](const Role& r) {
    const std::string office = AsciiLower(r.office);
    const std::vector<std::string_view> office_words = SplitNonEmpty(office, ' ');
    return std::all_of(words.begin(), words.end(), [&](std::string_view w) {
      return std::find(office_words.begin(), office_words.end(), w) != office_words.end();
    });
  });
}

// The mentions in `s` of a listed person with roles by the surname alone (one word, the last
// of the label), right after a free given name that is not the label's first word (and a middle
// initial, "Shaun R. Harper"), where no sentence of the document so far names a country of the
// person's roles (`states`), or it has that middle initial, or an office title before the name
// fits none of the person's offices, or a comma and a title follow it (a list's line): "Todd
// Harper" of the National Credit Union Administration is no Stephen Harper of
// Canada, "Governor Henry McMaster" no H. R. McMaster. The longer name is the given name (and
// initial) and the surname.
std::vector<LongerMention> SurnamesOfOthers(const DocState& doc, const Tagged& s,
                                            const std::set<std::string>& states) {
  std::vector<LongerMention> out;
  for (size_t i = 0; i < s.mentions.size(); ++i) {
    const Mention& m = s.mentions[i];
    const EntityDef* def = m.entity;
    if (m.kind != MentionKind::kEntity || def == nullptr ||
        def->entity.type != EntityType::kPerson || def->entity.roles.empty() ||
        m.tok_end != m.tok_begin + 1 || m.tok_begin == 0) {
      continue;
    }
    const std::vector<std::string_view> own = SplitNonEmpty(def->entity.label, ' ');
    const uint32_t b = m.tok_begin;
    if (own.size() < 2 || s.TokenText(b) != own.back() || !s.tokens[b].space_before) continue;
    // The given name, or a given name and a middle initial ("Shaun R. Harper").
    uint32_t g = b - 1;
    if (b >= 3 && s.TokenText(b - 1) == "." && !s.tokens[b - 1].space_before &&
        s.TokenText(b - 2).size() == 1 && s.TokenText(b - 2)[0] >= 'A' &&
        s.TokenText(b - 2)[0] <= 'Z' && s.tokens[b - 2].space_before) {
      g = b - 3;
    }
    if (!FreeNameWord(doc, s, g) || !doc.rules.names.given.ContainsWord(s.words[g]) ||
        s.TokenText(g) == own.front()) {
      continue;
    }
    // A title before the name that none of the person's offices fits ("Governor Henry
    // McMaster" is no H. R. McMaster, a general and national security advisor), or no country
    // of theirs named so far.
    const std::string title = OfficeTitleBefore(doc, s, g);
    const bool country = std::any_of(def->entity.roles.begin(), def->entity.roles.end(),
                                     [&](const Role& r) { return states.count(r.country) > 0; });
    if (!country || g != b - 1 || (!title.empty() && !TitleFitsAnOffice(title, *def)) ||
        TitleAfterComma(doc, s, m.tok_end)) {
      out.push_back({i, g, m.tok_end});
    }
  }
  return out;
}

std::string SpelledLabel(const DocState& doc, const Tagged& s, const EntityDef& def, uint32_t b,
                         uint32_t e, bool* longer) {
  if (longer != nullptr) *longer = false;
  const std::string& label = def.entity.label;
  const std::string_view surface = s.Range(b, e);
  const std::vector<std::string_view> own = SplitNonEmpty(label, ' ');
  const std::vector<std::string_view> written = SplitNonEmpty(surface, ' ');
  if (own.empty() || written.empty()) return "";
  // The text's words with accents where the label has them without.
  std::vector<std::string> words(own.begin(), own.end());
  bool accents = false;
  for (std::string_view w : written) {
    if (IsAscii(w)) continue;
    const std::string slug = Slugify(w);
    for (size_t j = 0; j < own.size(); ++j) {
      if (words[j] == own[j] && IsAscii(own[j]) && Slugify(own[j]) == slug) {
        words[j] = std::string(w);
        accents = true;
        break;
      }
    }
  }
  std::string spelled;
  if (accents) {
    for (const std::string& w : words) spelled += (spelled.empty() ? "" : " ") + w;
  }
  // The whole label (with the text's accents) in other capitals or hyphens: as written.
  const std::string& whole = accents ? spelled : label;
  if (surface != whole && Loose(surface) == Loose(whole) && HasUpper(surface) &&
      (written.size() == 1 || HasLower(surface)) &&
      !(whole[0] >= 'A' && whole[0] <= 'Z' && surface[0] >= 'a' && surface[0] <= 'z')) {
    spelled = std::string(surface);
  }
  // Another name of the person whose last words (two or more) the mention writes, a word
  // joined to it by a hyphen before it included, where the label's are spelled otherwise:
  // that name, its last words as written ("Akufo-Addo" and "Nana Akufo-Addo" where Phoenix
  // lists "NANA AKUFU ADDO" +"NANA AKUFO ADDO").
  if (spelled.empty() && def.entity.type == EntityType::kPerson && HasLower(surface)) {
    const std::string_view text = s.Range(HyphenedStart(s, b), e);
    const std::string tail = Loose(text);
    if (SplitNonEmpty(tail, ' ').size() >= 2 && !EndsInWords(Loose(label), tail)) {
      for (const std::string& alias : def.entity.aliases) {
        const std::string name = Loose(alias);
        if (!EndsInWords(name, tail) || !NameCase(alias)) continue;
        // The alias's first words (as the alias writes them), then the text's.
        const size_t lead = SplitNonEmpty(name, ' ').size() - SplitNonEmpty(tail, ' ').size();
        const std::vector<std::string_view> words = SplitNonEmpty(alias, ' ');
        for (size_t j = 0; j < lead && j < words.size(); ++j) {
          spelled += std::string(words[j]) + ' ';
        }
        spelled += std::string(text);
        break;
      }
    }
  }
  // A person named in full, with one more word of the name around: the longer name.
  if (def.entity.type == EntityType::kPerson && own.size() >= 2 && written.size() == own.size() &&
      std::equal(own.begin(), own.end(), written.begin(),
                 [](std::string_view x, std::string_view y) { return Slugify(x) == Slugify(y); })) {
    const auto [from, to] = LongerName(doc, s, b, e);
    // The text's own letters, which the label's words fold to.
    if (from != b || to != e) {
      spelled = std::string(s.Range(from, to));
      if (longer != nullptr) *longer = true;
    }
  }
  return spelled == label ? "" : spelled;
}

void DocumentLabels::DropOtherPeople(std::span<Tagged> window, DocState* doc,
                                     DocumentAnalysis* out) {
  // A longer name the window gives a person in a sentence naming a country of its roles is
  // that person's in every sentence.
  std::vector<std::vector<LongerMention>> found(window.size());
  for (size_t k = 0; k < window.size(); ++k) {
    const Tagged& s = window[k];
    found[k] = LongerMentions(*doc, s);
    for (const LongerMention& l : found[k]) {
      const Mention& m = s.mentions[l.mention];
      if (!AfterGivenNames(*doc, s, m.tok_begin, m.tok_end, l.to) && NamesCountryOf(s, *m.entity)) {
        longer_[m.entity->entity.id].insert(std::string(s.Range(l.from, l.to)));
      }
    }
  }
  AddNamedStates(window, &named_states_);
  for (size_t k = 0; k < window.size(); ++k) {
    Tagged& s = window[k];
    // Per mention, whether it goes: made at the first that does (most sentences drop none).
    std::vector<bool> drop;
    const auto dropped = [&](size_t mention) {
      if (drop.empty()) drop.assign(s.mentions.size(), false);
      drop[mention] = true;
    };
    std::vector<std::string> others;  // the longer names of the dropped mentions
    for (const LongerMention& l : found[k]) {
      const auto it = longer_.find(s.mentions[l.mention].entity->entity.id);
      const std::string spelled(s.Range(l.from, l.to));
      if (it != longer_.end() && it->second.count(spelled) > 0) continue;
      dropped(l.mention);
      others.push_back(spelled);
    }
    // A listed person's surname after another given name; the surname alone is that other
    // person's in the rest of the document.
    std::vector<std::pair<const EntityDef*, std::string>> surnames;  // person, the other's label
    for (const LongerMention& l : SurnamesOfOthers(*doc, s, named_states_)) {
      dropped(l.mention);
      others.push_back(std::string(s.Range(l.from, l.to)));
      surnames.emplace_back(s.mentions[l.mention].entity, others.back());
    }
    if (!others.empty()) {
      size_t i = 0;
      std::erase_if(s.mentions, [&](const Mention&) { return drop[i++]; });
      BuildUnits(&s);
    }
    // The longer name is a person's name that no list holds: discovery's, as read by shape.
    for (const std::string& other : others) {
      CleanName clean = CleanPersonName(doc->rules.names, other, doc->words);
      if (clean.label.empty()) continue;
      NewName name;
      name.label = std::move(clean.label);
      if (name.label != other) name.surface = other;
      name.rule = std::string(kShapeRule);
      const size_t before = out->discoveries.size();
      AddLocalEntity(name, doc, out);
      for (const auto& [person, label] : surnames) {
        if (label != other || out->discoveries.size() == before) continue;
        if (const EntityDef* local = doc->Find(out->discoveries.back().entity_id);
            local != nullptr && local != person && !surname_owners_.count(person)) {
          surname_owners_[person] = local;
        }
      }
    }
    // The surname alone, written as the label writes it, names the other person from the
    // first mention of them on ("Todd Harper ... Mr. Harper"), but not after an office's title,
    // which is the listed person's ("Dr. Jill Biden ... President Biden").
    bool changed = false;
    for (Mention& m : s.mentions) {
      const auto it = m.entity != nullptr ? surname_owners_.find(m.entity) : surname_owners_.end();
      if (it == surname_owners_.end() || m.kind != MentionKind::kEntity ||
          m.tok_end != m.tok_begin + 1 ||
          s.TokenText(m.tok_begin) != SplitNonEmpty(m.entity->entity.label, ' ').back() ||
          AfterOfficeTitle(*doc, s, m.tok_begin)) {
        continue;
      }
      m.entity = it->second;
      changed = true;
    }
    if (changed) BuildUnits(&s);
  }
}

void DocumentLabels::SeparateNamesakes(std::span<Tagged> window, DocState* doc) {
  AddNamedStates(window, &states_);
  for (Tagged& s : window) {
    bool changed = false;
    for (Mention& m : s.mentions) {
      const EntityDef* def = m.entity;
      if (def == nullptr || !def->imported || def->entity.type != EntityType::kPerson ||
          def->entity.roles.empty()) {
        continue;
      }
      auto it = namesakes_.find(def);
      if (it == namesakes_.end()) {
        const EntityDef* namesake = nullptr;
        const bool country =
            std::any_of(def->entity.roles.begin(), def->entity.roles.end(),
                        [&](const Role& r) { return states_.count(r.country) > 0; });
        if (!country && GivenNamesOnly(*doc, def->entity.label)) {
          EntityDef& local = doc->local.emplace_back();
          local.entity.id = def->entity.id;
          local.entity.label = def->entity.label;
          local.entity.type = def->entity.type;
          local.order = kLocalOrder;
          namesake = &local;
        }
        it = namesakes_.emplace(def, namesake).first;
      }
      if (it->second == nullptr) continue;
      m.entity = it->second;
      changed = true;
    }
    if (changed) BuildUnits(&s);
  }
}

void DocumentLabels::Read(const DocState& doc, const Tagged& s, bool title_like) {
  if (title_like) return;
  for (const Mention& m : s.mentions) {
    const EntityDef* def = m.entity;
    if ((m.kind != MentionKind::kEntity && m.kind != MentionKind::kDiscovered) || def == nullptr ||
        !def->imported ||
        (def->entity.type != EntityType::kPerson &&
         def->entity.type != EntityType::kOrganization)) {
      continue;
    }
    bool longer = false;
    std::string spelled = SpelledLabel(doc, s, *def, m.tok_begin, m.tok_end, &longer);
    // A longer name counts where DropOtherPeople found it the person's.
    if (longer) {
      auto it = longer_.find(def->entity.id);
      if (it == longer_.end() || it->second.count(spelled) == 0) continue;
    }
    // The label as it is counts for itself where the text writes it so.
    if (spelled.empty()) {
      if (s.Range(m.tok_begin, m.tok_end) != def->entity.label) continue;
      spelled = def->entity.label;
    }
    Seen& seen = spellings_[def->entity.id][spelled];
    if (seen.count++ == 0) seen.first = order_++;
    defs_.emplace(def->entity.id, def);
  }
}

void DocumentLabels::Choose() {
  for (const auto& [id, spellings] : spellings_) {
    if (chosen_.count(id) > 0) continue;
    const std::pair<const std::string, Seen>* best = nullptr;
    for (const auto& entry : spellings) {
      if (best == nullptr || entry.second.count > best->second.count ||
          (entry.second.count == best->second.count && entry.second.first < best->second.first)) {
        best = &entry;
      }
    }
    chosen_.emplace(id, best->first);
  }
}

const std::string* DocumentLabels::Label(const std::string& id) const {
  auto it = chosen_.find(id);
  if (it == chosen_.end()) return nullptr;
  return it->second == defs_.at(id)->entity.label ? nullptr : &it->second;
}

void DocumentLabels::Relabel(std::vector<Statement>* statements) const {
  if (chosen_.empty()) return;
  auto relabel = [this](EntityRef* ref) {
    if (const std::string* label = Label(ref->id)) ref->label = *label;
  };
  for (Statement& st : *statements) {
    relabel(&st.subject);
    for (std::optional<EntityRef>* ref : {&st.object, &st.recipient, &st.place, &st.event}) {
      if (ref->has_value()) relabel(&**ref);
    }
  }
}

void DocumentLabels::Relabel(Entity* entity) const {
  const std::string* label = Label(entity->id);
  if (label == nullptr) return;
  entity->aliases.push_back(entity->label);
  entity->label = *label;
  std::vector<std::string>& aliases = entity->aliases;
  aliases.erase(std::remove(aliases.begin(), aliases.end(), *label), aliases.end());
  std::sort(aliases.begin(), aliases.end());
  aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
}

}  // namespace parley::internal
