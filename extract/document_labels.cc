#include "extract/document_labels.h"

#include <algorithm>

#include "base/text.h"
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

// A word written as a name: a capital, then a small letter ("Hassan", not "UN" or "the").
bool NameCase(std::string_view w) {
  return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z';
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

}  // namespace

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
  // A person named in full, with one more word of the name around: the longer name.
  if (def.entity.type == EntityType::kPerson && own.size() >= 2 && written.size() == own.size() &&
      std::equal(own.begin(), own.end(), written.begin(),
                 [](std::string_view x, std::string_view y) { return Slugify(x) == Slugify(y); })) {
    uint32_t from = b, to = e;
    if (b > 0 && FreeNameWord(doc, s, b - 1) &&
        doc.rules.names.given.ContainsWord(s.words[b - 1])) {
      from = b - 1;
    } else if (e < s.tokens.size() && FreeNameWord(doc, s, e) &&
               (e + 1 == s.tokens.size() || !NameCase(s.TokenText(e + 1)))) {
      to = e + 1;
    }
    // The text's own letters, which the label's words fold to.
    if (from != b || to != e) {
      spelled = std::string(s.Range(from, to));
      if (longer != nullptr) *longer = true;
    }
  }
  return spelled == label ? "" : spelled;
}

void DocumentLabels::Read(const DocState& doc, const Tagged& s, bool title_like) {
  for (const Mention& m : s.mentions) {
    const EntityDef* state = m.acts_as != nullptr ? m.acts_as : m.entity;
    if (state != nullptr && state->entity.type == EntityType::kState) {
      states_.insert(state->entity.id);
    }
  }
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
    // The label as it is counts for itself where the text writes it so.
    if (spelled.empty()) {
      if (s.Range(m.tok_begin, m.tok_end) != def->entity.label) continue;
      spelled = def->entity.label;
    }
    Seen& seen = spellings_[def->entity.id][spelled];
    if (seen.count++ == 0) seen.first = order_++;
    seen.longer = longer;
    defs_.emplace(def->entity.id, def);
  }
}

void DocumentLabels::Choose() {
  for (const auto& [id, spellings] : spellings_) {
    if (chosen_.count(id) > 0) continue;
    const EntityDef* def = defs_.at(id);
    // A longer name is this person's where the document names a country of its roles
    // ("President Samia Suluhu Hassan of Tanzania"); else it may well be someone else's
    // ("Sarah Kate Ellis" of GLAAD is not Australia's Kate Ellis), who keeps the label.
    const bool country = std::any_of(def->entity.roles.begin(), def->entity.roles.end(),
                                     [&](const Role& r) { return states_.count(r.country) > 0; });
    const std::pair<const std::string, Seen>* best = nullptr;
    for (const auto& entry : spellings) {
      if (entry.second.longer && !country) continue;
      if (best == nullptr || entry.second.count > best->second.count ||
          (entry.second.count == best->second.count && entry.second.first < best->second.first)) {
        best = &entry;
      }
    }
    chosen_.emplace(id, best != nullptr ? best->first : def->entity.label);
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
