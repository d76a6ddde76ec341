#include "extract/mention_rules.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>

#include "base/date.h"
#include "base/text.h"
#include "extract/name_discovery.h"
#include "extract/name_shape.h"
#include "extract/participants.h"
#include "extract/pattern_match.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

// A name never ends in a weekday or a month: "Yasser Arafat Wednesday rejected" names Yasser
// Arafat. Returns `label` without them (maybe empty).
std::string WithoutTrailingDate(std::string label) {
  static constexpr std::string_view kDateWords[] = {
      "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
      "January", "February",  "March",     "April",    "May",     "June",     "July",
      "August",  "September", "October",   "November", "December"};
  while (true) {
    const size_t space = label.rfind(' ');
    if (space == std::string::npos) break;
    const std::string_view last = std::string_view(label).substr(space + 1);
    if (std::find(std::begin(kDateWords), std::end(kDateWords), last) == std::end(kDateWords)) {
      break;
    }
    label.resize(space);
  }
  return label;
}

// A discover rule's find becomes an entity (name_discovery.h); a person's name must look like
// one ("Secretary" or "Climate Advisor" alone is no one).
void AddDiscovered(const Rule& rule, const std::string& label, const std::string& office,
                   const std::string& country, const std::string& affiliation, DocState* doc,
                   DocumentAnalysis* out) {
  NewName name;
  name.type = rule.creates;
  name.label = label;
  name.rule = rule.id;
  name.office = office;
  name.country = country;
  name.affiliation = affiliation;
  if (rule.creates == EntityType::kPerson) {
    CleanName clean = CleanPersonName(doc->rules.names, label, doc->words);
    if (clean.label.empty()) return;
    if (clean.surface != clean.label) name.surface = std::move(clean.surface);
    name.label = std::move(clean.label);
  }
  AddLocalEntity(name, doc, out);
}

}  // namespace

const EntityDef* HolderOf(const DocState& doc, const std::string& office,
                          const std::string& country, const std::string& date) {
  std::vector<const EntityDef*> found;
  if (auto it = doc.rules.office_holders.find({office, country});
      it != doc.rules.office_holders.end()) {
    const std::optional<int64_t> day = FirstDayCount(date);
    for (uint32_t e : it->second) {
      const EntityDef* def = &doc.rules.entities[e];
      for (size_t r = 0; r < def->entity.roles.size(); ++r) {
        const Role& role = def->entity.roles[r];
        if (role.office == office && role.country == country && def->role_periods[r].HeldOn(day)) {
          if (std::find(found.begin(), found.end(), def) == found.end()) found.push_back(def);
        }
      }
    }
  }
  for (const EntityDef& def : doc.local) {
    for (const Role& role : def.entity.roles) {
      if (role.office == office && role.country == country &&
          std::find(found.begin(), found.end(), &def) == found.end()) {
        found.push_back(&def);
      }
    }
  }
  return found.size() == 1 ? found[0] : nullptr;
}

void Discover(const Tagged& s, Prefilter* prefilter, DocState* doc, DocumentAnalysis* out) {
  const CompiledRules& rules = doc->rules;
  for (const auto& [r, pi] : prefilter->Select(RuleKind::kDiscover, s)) {
    const Rule& rule = rules.rules[r];
    const CompiledPattern& p = rule.patterns[pi];
    if (!prefilter->Possible(p, s)) continue;
    ForEachMatch(p, s, [&](const std::vector<re2::StringPiece>& g) {
      std::string label, office, country, affiliation;
      for (size_t c = 0; c < p.captures.size(); ++c) {
        const re2::StringPiece& piece = g[c + 1];
        if (piece.data() == nullptr) continue;
        const auto [u0, u1] = s.UnitRange(s.Offset(piece), s.Offset(piece) + piece.size());
        const SlotCapture& cap = p.captures[c];
        if (cap.kind == SlotKind::kMention) {
          const Mention* m = PlaceholderMention(s, piece);
          if (m == nullptr || m->entity == nullptr) continue;
          const std::string& id = SlotEntity(*m, cap)->entity.id;
          if (cap.role == SlotRole::kCountry) country = id;
          if (cap.role == SlotRole::kAffiliation) affiliation = id;
        } else if (cap.role == SlotRole::kLabel) {
          label = std::string(s.UnitsText(u0, u1));
        } else if (cap.role == SlotRole::kAffiliation) {
          affiliation = std::string(s.UnitsText(u0, u1));
        } else if (cap.role == SlotRole::kOffice) {
          office = CollapseSpace(AsciiLower(s.UnitsText(u0, u1)));
        }
      }
      label = WithoutTrailingDate(label);
      if (!label.empty()) AddDiscovered(rule, label, office, country, affiliation, doc, out);
    });
  }
}

bool LabelHasHeadNoun(std::string_view label, std::string_view head) {
  if (head.empty()) return false;
  for (std::string_view word : SplitNonEmpty(label, ' ')) {
    const std::string w = AsciiLower(word);
    if (w == head) return true;
    // Singular and plural name one thing: "the accord" of the "Camp David Accords".
    if (w.size() == head.size() + 1 && w.back() == 's' && w.starts_with(head)) return true;
    if (head.size() == w.size() + 1 && head.back() == 's' && head.starts_with(w)) return true;
  }
  return false;
}

namespace {

// The last word of `words` (after its last space), lower-cased: the head noun of a description
// ("the Senate", "this treaty").
std::string LastWordLower(std::string_view words) {
  const size_t space = words.rfind(' ');
  return AsciiLower(space == std::string_view::npos ? words : words.substr(space + 1));
}

// `resolve named-TYPE` (mention_rules.h): the entity of `type` named in `earlier` or before
// unit `u0` of `s` whose label's last word, or the word before its of-phrase, is `head`: the
// only one, else the only one of the document's country, else the one named most often (the
// last named among equals).
const EntityDef* NamedWithHead(const Tagged& s, size_t u0, std::span<const Tagged> earlier,
                               std::string_view head, EntityType type, const DocState& doc) {
  std::vector<const EntityDef*> named;  // distinct, the last named first
  std::vector<int> times;               // how often each was named
  auto consider = [&](const Mention& m) {
    if (m.entity == nullptr || m.kind == MentionKind::kDemonym || m.entity->entity.type != type) {
      return;
    }
    if (auto it = std::find(named.begin(), named.end(), m.entity); it != named.end()) {
      ++times[it - named.begin()];
      return;
    }
    const std::string& label = m.entity->entity.label;
    const size_t space = label.rfind(' ');
    if (space == std::string::npos) return;  // "the Senate" is not the name "Senate" itself
    // The head ends the name ("U.S. Senate") or comes before its of-phrase ("Summit of the
    // Americas").
    const size_t of = label.find(" of ");
    if (LastWordLower(label) == head ||
        (of != std::string::npos && of > 0 && LastWordLower(label.substr(0, of)) == head)) {
      named.push_back(m.entity);
      times.push_back(1);
    }
  };
  for (size_t u = u0; u-- > 0;) {
    if (s.units[u].mention >= 0) consider(s.mentions[s.units[u].mention]);
  }
  for (size_t i = earlier.size(); i-- > 0;) {
    const std::vector<Mention>& ms = earlier[i].mentions;
    for (size_t j = ms.size(); j-- > 0;) consider(ms[j]);
  }
  if (named.size() <= 1) return named.empty() ? nullptr : named[0];
  const EntityDef* country = doc.actors != nullptr ? doc.actors->country() : nullptr;
  if (country != nullptr) {
    const EntityDef* own = nullptr;
    int count = 0;
    for (const EntityDef* e : named) {
      auto it = e->entity.attributes.find("country");
      if (it != e->entity.attributes.end() && it->second == country->entity.id) {
        own = e;
        ++count;
      }
    }
    if (count == 1) return own;
  }
  // The one the document names most often ("the summit" of a briefing on the Summit of the
  // Americas that mentions another summit once), the last named among equals.
  return named[std::max_element(times.begin(), times.end()) - times.begin()];
}

}  // namespace

void Coref(Tagged* s, std::span<const Tagged> earlier, Prefilter* prefilter, const DocState& doc,
           DocumentAnalysis* out) {
  const Tagged* previous = earlier.empty() ? nullptr : &earlier.back();
  std::vector<Mention> resolved;
  for (const auto& [r, pi] : prefilter->Select(RuleKind::kCoref, *s)) {
    const Rule& rule = doc.rules.rules[r];
    const CompiledPattern& p = rule.patterns[pi];
    if (!prefilter->Possible(p, *s)) continue;
    ForEachMatch(p, *s, [&](const std::vector<re2::StringPiece>& g) {
      const auto [u0, u1] = s->UnitRange(s->Offset(g[0]), s->Offset(g[0]) + g[0].size());
      if (u0 >= u1) return;
      const EntityDef* target = nullptr;
      if (rule.resolve_role) {
        std::string office, country;
        for (size_t c = 0; c < p.captures.size(); ++c) {
          const re2::StringPiece& piece = g[c + 1];
          if (piece.data() == nullptr) continue;
          const SlotCapture& cap = p.captures[c];
          if (cap.role == SlotRole::kCountry) {
            const Mention* m = PlaceholderMention(*s, piece);
            if (m != nullptr && m->entity != nullptr) country = SlotEntity(*m, cap)->entity.id;
          } else if (cap.role == SlotRole::kOffice) {
            const auto [c0, c1] = s->UnitRange(s->Offset(piece), s->Offset(piece) + piece.size());
            office = CollapseSpace(AsciiLower(s->UnitsText(c0, c1)));
          }
        }
        // Without a country, an office noun ("the President") is the document's: not when
        // another's ("the President of Russia", "the President Biden").
        if (!country.empty()) {
          target = HolderOf(doc, office, country, s->date);
        } else if (doc.actors != nullptr && !office.empty() &&
                   !FollowedByAnother(*s, static_cast<uint32_t>(u1)) &&
                   !EndsAnotherTitle(*s, static_cast<uint32_t>(u0))) {
          target = doc.actors->OfficeHolder(office);
        }
      } else if (rule.resolve_named) {
        if (!FollowedByAnother(*s, static_cast<uint32_t>(u1))) {
          target = NamedWithHead(*s, u0, earlier, LastWordLower(s->UnitsText(u0, u1)),
                                 rule.resolve_previous, doc);
        }
      } else {
        const EntityType type = rule.resolve_previous;
        auto fits = [&](const Mention& m) {
          return m.entity != nullptr && m.kind != MentionKind::kDemonym &&
                 m.entity->entity.type == type;
        };
        for (size_t u = u0; u-- > 0;) {
          const Unit& unit = s->units[u];
          if (unit.mention < 0) continue;
          const Mention& m = s->mentions[unit.mention];
          if (fits(m)) {
            target = m.entity;
            break;
          }
        }
        // Else the only entity of the type in the previous sentence.
        if (target == nullptr && previous != nullptr) {
          std::vector<const EntityDef*> candidates;
          for (const Mention& m : previous->mentions) {
            if (fits(m) &&
                std::find(candidates.begin(), candidates.end(), m.entity) == candidates.end()) {
              candidates.push_back(m.entity);
            }
          }
          if (candidates.size() > 1) {
            // Several: the only one whose label has the description's head noun ("the
            // treaty" after "the Nine-Power Treaty ... the Open Door Policy").
            const std::string head = LastWordLower(s->UnitsText(u0, u1));
            std::erase_if(candidates, [&](const EntityDef* e) {
              return !LabelHasHeadNoun(e->entity.label, head);
            });
          }
          if (candidates.size() == 1) target = candidates[0];
        }
      }
      if (target == nullptr) return;
      Mention m = EntityMention(doc, target, s->units[u0].tok_begin, s->units[u1 - 1].tok_end,
                                MentionKind::kCoref, "coref rule " + rule.id);
      resolved.push_back(std::move(m));
      out->corefs.emplace_back(rule.id, target->entity.id);
      // "The Vice President and Prime Minister discussed": a capitalised office right after
      // "and" shares the "the" of the office before it; its holder is another person.
      if (rule.resolve_role && doc.actors != nullptr && u1 + 2 < s->units.size() &&
          s->units[u1].mention < 0 && AsciiLower(s->UnitsText(u1, u1 + 1)) == "and") {
        for (size_t len = 4; len >= 1; --len) {
          const size_t e = u1 + 1 + len;
          if (e > s->units.size()) continue;
          bool capitalised = true;
          for (size_t k = u1 + 1; k < e && capitalised; ++k) {
            const std::string_view w = s->UnitsText(k, k + 1);
            capitalised = s->units[k].mention < 0 && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
          }
          if (!capitalised || FollowedByAnother(*s, static_cast<uint32_t>(e))) continue;
          const EntityDef* other =
              doc.actors->OfficeHolder(CollapseSpace(AsciiLower(s->UnitsText(u1 + 1, e))));
          if (other == nullptr || other == target) continue;
          resolved.push_back(EntityMention(doc, other, s->units[u1 + 1].tok_begin,
                                           s->units[e - 1].tok_end, MentionKind::kCoref,
                                           "coref rule " + rule.id));
          out->corefs.emplace_back(rule.id, other->entity.id);
          break;
        }
      }
    });
  }
  if (resolved.empty()) return;
  std::vector<Mention> merged;
  for (Mention& m : s->mentions) {
    bool inside = false;
    for (const Mention& c : resolved) {
      inside = inside || (m.tok_begin < c.tok_end && c.tok_begin < m.tok_end);
    }
    if (!inside) merged.push_back(std::move(m));
  }
  for (Mention& c : resolved) {
    bool clash = false;
    for (const Mention& m : merged) {
      clash = clash ||
              (m.kind == MentionKind::kCoref && m.tok_begin < c.tok_end && c.tok_begin < m.tok_end);
    }
    if (!clash) merged.push_back(std::move(c));
  }
  std::stable_sort(merged.begin(), merged.end(), [](const Mention& a, const Mention& b) {
    if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
    return a.tok_end > b.tok_end;
  });
  s->mentions = std::move(merged);
  BuildUnits(s);
  prefilter->Forget();
}

}  // namespace parley::internal
